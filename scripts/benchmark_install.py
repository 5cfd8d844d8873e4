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
the goal (at most 1.2x), and drops the databases it made. With
``--floor`` it does the same again without any demo data (a template of
``base`` without it), to tell the modules' own size from their demo
data's.

On a machine whose cores are shared, the wall time also counts the time
the processes wait for a core. So it also prints the processor time both
installs used (Odoo's process, and the PostgreSQL backends that served it,
read from the postmaster's reaped children when PostgreSQL runs on this
machine), and the ratio of its medians: when both swing together, the
cores were slower, not busy.
"""

import argparse
import configparser
import os
import resource
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


def _postmaster_stat_path(config):
    """/proc/<postmaster>/stat when PostgreSQL runs on this machine."""
    connection = _connect(config)
    try:
        with connection.cursor() as cr:
            cr.execute("SHOW data_directory")
            data_directory = cr.fetchone()[0]
    finally:
        connection.close()
    try:
        with open(os.path.join(data_directory, "postmaster.pid")) as pid_file:
            path = f"/proc/{int(pid_file.readline())}/stat"
        open(path).close()
    except (OSError, ValueError):
        return None
    return path


def _backends_time(stat_path):
    """Processor seconds of the postmaster's exited children (backends)."""
    if not stat_path:
        return 0.0
    with open(stat_path) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    # cutime and cstime: fields 16 and 17 of proc(5), 14 and 15 after ")"
    return (int(fields[13]) + int(fields[14])) / os.sysconf("SC_CLK_TCK")


def _wait_backends_gone(config, database):
    """Until the backends that served ``database`` have exited, so that
    their processor time is counted."""
    for __ in range(50):
        connection = _connect(config)
        try:
            with connection.cursor() as cr:
                cr.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s",
                    (database,),
                )
                if not cr.fetchone()[0]:
                    return
        finally:
            connection.close()
        time.sleep(0.1)


def _odoo(args, database, module, stat_path=None, config=None, extra=()):
    """Run ``odoo -i module`` on ``database`` and return its wall time and
    the processor time it used (with its PostgreSQL backends')."""
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
        *extra,
    ]
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    backends = _backends_time(stat_path)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if config is not None:
        _wait_backends_gone(config, database)
    cpu = (
        after.ru_utime
        - usage.ru_utime
        + after.ru_stime
        - usage.ru_stime
        + _backends_time(stat_path)
        - backends
    )
    errors = [
        line
        for line in done.stderr.splitlines()
        if " ERROR " in line or "CRITICAL" in line
    ]
    if done.returncode or errors:
        raise SystemExit(f"installing {module} failed:\n{done.stderr[-3000:]}")
    return elapsed, cpu


def _measure(args, config, label, extra):
    """Install each module ``--runs`` times from one template; print and
    return the medians {module: (wall, processor)}."""
    base = f"{args.prefix}_base"
    _drop(config, base)
    elapsed = _odoo(args, base, "base", extra=extra)[0]
    print(f"base {label} (the template): {elapsed:.1f} s")
    stat_path = _postmaster_stat_path(config)
    times = {module: [] for module in MODULES}
    cpu_times = {module: [] for module in MODULES}
    try:
        for run in range(args.runs):
            # alternate the order, so that a change of the machine's load
            # falls on both
            order = MODULES if run % 2 == 0 else MODULES[::-1]
            for module in order:
                database = f"{args.prefix}_{module}"
                _drop(config, database)
                _sql(config, f'CREATE DATABASE "{database}" TEMPLATE "{base}"')
                elapsed, cpu = _odoo(
                    args, database, module, stat_path, config, extra=extra
                )
                times[module].append(elapsed)
                cpu_times[module].append(cpu)
                _drop(config, database)
                print(
                    f"  run {run + 1}: -i {module}: {elapsed:.1f} s "
                    f"(processor: {cpu:.1f} s)"
                )
    finally:
        _drop(config, base)
    medians = {module: statistics.median(times[module]) for module in MODULES}
    for module in MODULES:
        print(
            f"-i {module} {label}: {medians[module]:.1f} s "
            f"(median of {args.runs}: "
            + ", ".join(f"{value:.1f}" for value in times[module])
            + ")"
        )
    cpu_medians = {module: statistics.median(cpu_times[module]) for module in MODULES}
    return medians, cpu_medians, bool(stat_path)


def _print_ratio(label, medians, goal=None):
    ratio = medians["emulation_cluster"] / medians["event"]
    verdict = ""
    if goal:
        verdict = f" (goal: at most {goal:g}x, " + (
            "met)" if ratio <= goal else "NOT met)"
        )
    print(f"{label}: emulation_cluster / event: {ratio:.2f}x{verdict}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", default=os.environ.get("ODOO_RC"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--prefix", default="emu_install_bench")
    parser.add_argument("--http-port", type=int, default=8779)
    parser.add_argument(
        "--floor",
        action="store_true",
        help="also install both without any demo data, from a base without "
        "it: the modules' own size, the floor the demo data adds to",
    )
    args = parser.parse_args()
    if not args.config:
        parser.error("give Odoo's configuration file with -c or ODOO_RC")
    config = configparser.ConfigParser()
    config.read(args.config)
    medians, cpu_medians, with_backends = _measure(args, config, "with demo data", ())
    _print_ratio("with demo data", medians, RATIO_GOAL)
    print(
        "processor time"
        + ("" if with_backends else " (Odoo's process only: PostgreSQL is not here)")
        + ": "
        + ", ".join(f"-i {module} {cpu_medians[module]:.1f} s" for module in MODULES)
        + f" (medians of {args.runs}); emulation_cluster / event: "
        f"{cpu_medians['emulation_cluster'] / cpu_medians['event']:.2f}x"
    )
    if args.floor:
        floor, __, __ = _measure(
            args, config, "without demo data", ("--without-demo=all",)
        )
        _print_ratio("without demo data", floor)
        print(
            "the demo data's own cost: "
            + ", ".join(
                f"{module} {medians[module] - floor[module]:+.1f} s"
                for module in MODULES
            )
        )
    print("load average " + " ".join(f"{load:.1f}" for load in os.getloadavg()))


if __name__ == "__main__":
    sys.exit(main())
