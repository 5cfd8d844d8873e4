#!/usr/bin/env python3
"""Odoo server log checks for ``make test`` (in the spirit of OCA's checklog-odoo).

checklog.py check LOG...     print every WARNING/ERROR/CRITICAL line (with its
                             traceback) and exit 1 when there is one
checklog.py odoo-counts LOG  print "<tests> <failed> <errors>" of an Odoo run
checklog.py junit-counts XML print "<tests> <failed> <errors> <skipped>" (junit)
"""

import re
import sys
import xml.etree.ElementTree as ET

# YYYY-MM-DD HH:MM:SS,mmm PID LEVEL db logger: msg
LOG_LINE = re.compile(
    r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} \d+ "
    r"(?P<level>[A-Z]+) (?P<db>\S+) (?P<logger>[^:\s]+): (?P<msg>.*)$"
)
BAD_LEVELS = {"WARNING", "ERROR", "CRITICAL"}
# Same ignores as OCA's checklog-odoo.cfg
IGNORE = [
    re.compile(p)
    for p in (
        r"WARNING.* 0 failed, 0 error\(s\).*",
        r"WARNING .* Killing chrome descendants-or-self .*",
        r"WARNING.* Missing widget: res_partner_many2one for field of type many2one.*",
    )
]
RESULT = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests")
RAN = re.compile(r"\bRan (\d+) tests?\b")


def _bad_entries(path):
    """Yield (first line, continuation lines) of each offending log entry."""
    current = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for raw in f:
            line = raw.rstrip("\n")
            m = LOG_LINE.match(line)
            if m:
                if current:
                    yield current
                current = None
                if m.group("level") in BAD_LEVELS and not any(
                    p.search(line) for p in IGNORE
                ):
                    current = (line, [])
            elif current is not None:
                current[1].append(line)
    if current:
        yield current


def check(paths):
    count = 0
    for path in paths:
        for first, rest in _bad_entries(path):
            count += 1
            sys.stdout.write(f"{path}: {first}\n")
            for extra in rest[:40]:
                sys.stdout.write(f"    {extra}\n")
    if count:
        sys.stdout.write(f"checklog: {count} WARNING/ERROR/CRITICAL line(s) found\n")
        return 1
    sys.stdout.write("checklog: no WARNING/ERROR/CRITICAL line\n")
    return 0


def odoo_counts(path):
    tests = failed = errors = 0
    ran = 0
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = LOG_LINE.match(line.rstrip("\n"))
            if m and m.group("logger") == "odoo.tests.result":
                r = RESULT.search(m.group("msg"))
                if r:  # the result line is cumulative: keep the last one
                    failed = int(r.group(1))
                    errors = int(r.group(2))
                    tests = int(r.group(3))
            r = RAN.search(line)
            if r:
                ran += int(r.group(1))
    sys.stdout.write(f"{max(tests, ran)} {failed} {errors}\n")
    return 0


def junit_counts(path):
    tests = failed = errors = skipped = 0
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        sys.stdout.write("0 0 0 0\n")
        return 0
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    for suite in suites:
        tests += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0))
        errors += int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    sys.stdout.write(f"{tests} {failed} {errors} {skipped}\n")
    return 0


def main(argv):
    if len(argv) < 2 or argv[0] not in ("check", "odoo-counts", "junit-counts"):
        sys.stderr.write(__doc__)
        return 2
    if argv[0] == "check":
        return check(argv[1:])
    if argv[0] == "odoo-counts":
        return odoo_counts(argv[1])
    return junit_counts(argv[1])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
