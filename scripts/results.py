#!/usr/bin/env python3
# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# command-line script: it prints its results
# pylint: disable=print-used
"""The closing count of make test, from the JUnit reports of its pytest runs.

    results.py [--failed-steps N] RUN=REPORT.xml...

A test passes when it passed in every run that ran it; a skipped test is a
failure (a tour skipped for want of Chromium has not passed). A step that
failed outside any test (lint, package, upgrade row counts) counts as one
failed test. Prints each run's counts, the failed tests and, last, the line
"N passed, N failed"; exit status 1 when anything failed or no test ran.
"""

import sys
import xml.etree.ElementTree as ET


def outcomes(path):
    """{test id: passed|failed|skipped} of one JUnit report ({} if absent)."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return {}
    results = {}
    for case in root.iter("testcase"):
        test = f"{case.get('classname', '')}.{case.get('name', '')}"
        test = test.removeprefix("odoo.addons.emulation_cluster.tests.")
        if case.find("failure") is not None or case.find("error") is not None:
            results[test] = "failed"
        elif case.find("skipped") is not None:
            results[test] = "skipped"
        else:
            results.setdefault(test, "passed")
    return results


def main(argv):
    failed_steps = 0
    if argv[:1] == ["--failed-steps"]:
        failed_steps, argv = int(argv[1]), argv[2:]
    merged = {}
    for run in argv:
        name, path = run.split("=", 1)
        results = outcomes(path)
        outcomes_ = list(results.values())
        counts = ", ".join(
            f"{outcomes_.count(o)} {o}" for o in ("passed", "failed", "skipped")
        )
        print(f"  {name}: {len(results)} tests, {counts}")
        for test, outcome in results.items():
            if outcome != "passed":
                merged.setdefault(test, []).append(f"{name}: {outcome}")
            else:
                merged.setdefault(test, [])
    failed = {test: why for test, why in merged.items() if why}
    for test, why in sorted(failed.items()):
        print(f"  FAILED {test} ({'; '.join(why)})")
    passed = len(merged) - len(failed)
    print(f"{passed} passed, {len(failed) + failed_steps} failed")
    return 1 if failed or failed_steps or not merged else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
