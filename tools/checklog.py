#!/usr/bin/env python3
"""Odoo server logs and test results for ``make test`` (in the spirit of
OCA's checklog-odoo).

checklog.py check LOG...          print every WARNING/ERROR/CRITICAL line (with
                                  its traceback); exit 1 when there is one
checklog.py odoo-results LOG OUT  write the outcome of every test of an
                                  odoo-bin run as JSON {test id: outcome}
checklog.py junit-results XML OUT the same for a pytest JUnit report
checklog.py summary NAME=OUT[=SKIP]...
                                  merge the runs: a test passes only if it
                                  passed in every run (a skipped or missing
                                  test is a failure); print the counts and
                                  "summary: P passed, F failed"; exit 1 when
                                  a test failed. SKIP: a regular expression
                                  of the test ids the run leaves out on
                                  purpose (its --test-tags exclude them);
                                  they count for that run only if absent

Test ids are "<test module>.<class>.<method>", the same for both runners.
"""

import json
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
TEST_MODULE = re.compile(r"^odoo\.addons\.[^.]+\.tests\.(?P<module>\w+)$")
STARTING = re.compile(r"^Starting (?P<test>\w+\.\w+) \.\.\.\s*$")
OUTCOME = re.compile(r"^(?P<flavour>FAIL|ERROR): (?:Subtest )?(?P<test>\w+\.\w+)\b")
SKIPPED = re.compile(r"^skipped (?P<test>\w+\.\w+) :")
# setUpClass errors and the like: "ERROR: setUpClass (odoo.addons.x.tests.m.Class)"
HOLDER = re.compile(
    r"^(?:FAIL|ERROR): (?P<what>\w+) "
    r"\(odoo\.addons\.\w+\.tests\.(?P<module>\w+)\.(?P<cls>\w+)\)"
)


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


def odoo_results(path):
    results = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = LOG_LINE.match(line.rstrip("\n"))
            if not m:
                continue
            msg = m.group("msg")
            # a class whose setUpClass failed runs none of its tests
            if holder := HOLDER.match(msg):
                module, cls, what = holder.group("module", "cls", "what")
                results[f"{module}.{cls}.{what}"] = "failed"
                continue
            module = TEST_MODULE.match(m.group("logger"))
            if not module:
                continue
            prefix = module.group("module")
            if started := STARTING.match(msg):
                results.setdefault(f"{prefix}.{started.group('test')}", "passed")
            elif skipped := SKIPPED.match(msg):
                results[f"{prefix}.{skipped.group('test')}"] = "skipped"
            elif outcome := OUTCOME.match(msg):
                results[f"{prefix}.{outcome.group('test')}"] = "failed"
    return results


def junit_results(path):
    results = {}
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return results
    for case in root.iter("testcase"):
        parts = case.get("classname", "").split(".")
        test_id = ".".join(parts[-2:] + [case.get("name", "")])
        if case.find("skipped") is not None:
            results[test_id] = "skipped"
        elif case.find("failure") is not None or case.find("error") is not None:
            results[test_id] = "failed"
        else:
            results.setdefault(test_id, "passed")
    return results


def summary(runs):
    merged = {}
    left_out = {}  # run name: compiled pattern of the tests it leaves out
    sys.stdout.write("runs:\n")
    for name, path, *skip in runs:
        with open(path, encoding="utf-8") as f:
            results = json.load(f)
        counts = {outcome: 0 for outcome in ("passed", "failed", "skipped")}
        for outcome in results.values():
            counts[outcome] += 1
        note = f" (leaves out {skip[0]})" if skip else ""
        sys.stdout.write(
            f"  {name}: {len(results)} tests, {counts['passed']} passed, "
            f"{counts['failed']} failed, {counts['skipped']} skipped{note}\n"
        )
        merged[name] = results
        if skip:
            left_out[name] = re.compile(skip[0])
    tests = sorted(set().union(*(results for results in merged.values())))
    failed = []
    for test in tests:
        bad = [
            f"{name}: {results.get(test, 'missing')}"
            for name, results in merged.items()
            if results.get(test) != "passed"
            and not (
                test not in results and name in left_out and left_out[name].search(test)
            )
        ]
        if bad:
            failed.append((test, bad))
    for test, bad in failed[:40]:
        sys.stdout.write(f"  FAILED {test} ({'; '.join(bad)})\n")
    if len(failed) > 40:
        sys.stdout.write(f"  ... and {len(failed) - 40} more\n")
    sys.stdout.write(
        f"make test: {len(tests)} distinct tests, each run {len(merged)} times "
        f"({', '.join(merged)}); a test passes when it passed in every run "
        "(but the runs that leave it out on purpose)\n"
    )
    sys.stdout.write(
        f"summary: {len(tests) - len(failed)} passed, {len(failed)} failed\n"
    )
    return 1 if failed or not tests else 0


def main(argv):
    commands = ("check", "odoo-results", "junit-results", "summary")
    if len(argv) < 2 or argv[0] not in commands:
        sys.stderr.write(__doc__)
        return 2
    if argv[0] == "check":
        return check(argv[1:])
    if argv[0] == "summary":
        return summary([arg.split("=", 2) for arg in argv[1:]])
    results = (
        odoo_results(argv[1]) if argv[0] == "odoo-results" else junit_results(argv[1])
    )
    with open(argv[2], "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
