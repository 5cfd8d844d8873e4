# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# command-line script: it prints its results
# pylint: disable=print-used
"""Benchmark of installing the addon with its demo data (not part of
``make test``).

It installs ``base`` with its demo data once in a template database, then,
``--runs`` times, alternating, copies it into a fresh database and installs
Odoo's ``event`` with its demo data in one, ``emulation_cluster`` with its
demo data (and its post-install history, written through the workflow) in
the other, each with ``odoo -i <module> --stop-after-init`` timed from the
outside (the process's wall time, Odoo's start included for both). It
prints the median of each and the ratio emulation_cluster / event against
the goal (at most 1.2x), and drops the databases it made.

The databases' names start with ``--prefix`` (default ``emu_install_bench``):

    python3 scripts/benchmark_install.py -c <config> [--runs 3]
"""

import argparse
import configparser
import os
import statistics
import subprocess
import sys
import time

RATIO_GOAL = 1.2
MODULES = ("event", "emulation_cluster")


def _connect(config):
    import psycopg2

    options = dict(config.items("options")) if config.has_section("options") else {}

    def value(key):
        found = options.get(key)
        return None if found in (None, "", "False") else found

    return psycopg2.connect(
        dbname="postgres",
        host=value("db_host"),
        port=value("db_port"),
        user=value("db_user"),
        password=value("db_password"),
    )


def _sql(config, statement):
    connection = _connect(config)
    connection.autocommit = True
    try:
        with connection.cursor() as cr:
            cr.execute(statement)
    finally:
        connection.close()


def _drop(config, name):
    _sql(config, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _odoo(args, database, module):
    """Run ``odoo -i module`` on ``database`` and return its wall time."""
    command = [
        sys.executable,
        "-m",
        "odoo",
        "-c",
        args.config,
        "-d",
        database,
        "-i",
        module,
        "--stop-after-init",
        "--log-level=warn",
        "--http-port",
        str(args.http_port),
    ]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    errors = [
        line
        for line in done.stderr.splitlines()
        if " ERROR " in line or "CRITICAL" in line
    ]
    if done.returncode or errors:
        raise SystemExit(f"installing {module} failed:\n{done.stderr[-3000:]}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", default=os.environ.get("ODOO_RC"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--prefix", default="emu_install_bench")
    parser.add_argument("--http-port", type=int, default=8779)
    args = parser.parse_args()
    if not args.config:
        parser.error("give Odoo's configuration file with -c or ODOO_RC")
    config = configparser.ConfigParser()
    config.read(args.config)
    base = f"{args.prefix}_base"
    _drop(config, base)
    elapsed = _odoo(args, base, "base")
    print(f"base with demo data (the template): {elapsed:.1f} s")
    times = {module: [] for module in MODULES}
    try:
        for run in range(args.runs):
            # alternate the order, so that a change of the machine's load
            # falls on both
            order = MODULES if run % 2 == 0 else MODULES[::-1]
            for module in order:
                database = f"{args.prefix}_{module}"
                _drop(config, database)
                _sql(config, f'CREATE DATABASE "{database}" TEMPLATE "{base}"')
                times[module].append(_odoo(args, database, module))
                _drop(config, database)
                print(f"  run {run + 1}: -i {module}: {times[module][-1]:.1f} s")
    finally:
        _drop(config, base)
    medians = {module: statistics.median(times[module]) for module in MODULES}
    for module in MODULES:
        print(
            f"-i {module} with demo: {medians[module]:.1f} s "
            f"(median of {args.runs}: "
            + ", ".join(f"{value:.1f}" for value in times[module])
            + ")"
        )
    ratio = medians["emulation_cluster"] / medians["event"]
    verdict = "met" if ratio <= RATIO_GOAL else "NOT met"
    print(
        f"emulation_cluster / event: {ratio:.2f}x "
        f"(goal: at most {RATIO_GOAL:g}x, {verdict}); load average "
        + " ".join(f"{load:.1f}" for load in os.getloadavg())
    )


if __name__ == "__main__":
    sys.exit(main())
