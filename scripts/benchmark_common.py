# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# command-line helpers: they print
# pylint: disable=print-used
"""What the benchmarks share (``scripts/benchmark_*.py``): the command line
and the database they open, the refusal of a database not meant to be
thrown away, the roll-back of everything they create, the timing of a
measure and the cluster of member units they measure on.

A benchmark imports it from the folder it lives in, run as a script or fed
to an Odoo shell from the repository's root."""

import argparse
import os
import statistics
import time
from contextlib import contextmanager
from datetime import date, datetime


def run_script(doc, add_arguments, main, odoo_options=lambda args: []):
    """The command line of a benchmark: ``-c`` (Odoo's configuration),
    ``-d`` (the database, or $BENCH_DB) and the arguments
    ``add_arguments(parser)`` adds; then ``main(env, args)`` as the
    superuser in that database. ``odoo_options(args)``: more options for
    Odoo's configuration."""
    import odoo
    from odoo import SUPERUSER_ID, api

    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("-c", "--config", default=os.environ.get("ODOO_RC"))
    parser.add_argument("-d", "--database", default=os.environ.get("BENCH_DB"))
    add_arguments(parser)
    args = parser.parse_args()
    if not args.database:
        parser.error("give the database with -d or BENCH_DB")
    odoo.tools.config.parse_config(
        (["-c", args.config] if args.config else [])
        + ["-d", args.database]
        + odoo_options(args)
    )
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        main(api.Environment(cr, SUPERUSER_ID, {}), args)


def sizes_argument(sizes):
    """The ``add_arguments`` of a benchmark measured at the sizes its command
    line gives (``sizes`` when it gives none)."""
    return lambda parser: parser.add_argument(
        "sizes", nargs="*", type=int, default=list(sizes)
    )


def whole_numbers(**defaults):
    """The ``add_arguments`` of a benchmark whose command line gives whole
    numbers ``--NAME`` (``defaults[NAME]`` when it gives none)."""

    def add_arguments(parser):
        for name, default in defaults.items():
            parser.add_argument(f"--{name}", type=int, default=default)

    return add_arguments


def run_sizes(doc, main, sizes):
    """``run_script`` for a benchmark measured at sizes: ``main(env, sizes)``
    with the sizes of the command line."""
    run_script(doc, sizes_argument(sizes), lambda env, args: main(env, args.sizes))


@contextmanager
def throwaway(env):
    """Run on a database named *bench* only, and roll back whatever the
    benchmark created, whatever happens."""
    if "bench" not in env.cr.dbname:
        raise SystemExit("Run the benchmark on a throwaway database named *bench*.")
    try:
        yield
    finally:
        env.cr.rollback()


def tags(sizes):
    """(size, a tag no earlier run used) for each size: the names of what
    one size creates do not clash with another's or an earlier run's."""
    run = int(time.time())
    return [(size, f"{run}{i}") for i, size in enumerate(sizes)]


def median_time(env, action, repeat=3):
    """Run ``action`` ``repeat`` times, each on a cold cache and flushed:
    (the median time, the queries of one run, what the last run returned)."""
    times, queries, result = [], 0, None
    for __ in range(repeat):
        env.invalidate_all()
        before, start = env.cr.sql_log_count, time.perf_counter()
        result = action()
        env.flush_all()
        times.append(time.perf_counter() - start)
        queries = env.cr.sql_log_count - before
    return statistics.median(times), queries, result


def verdict(ratio, goal):
    return "met" if ratio <= goal else "NOT met"


def create_cluster(env, units, tag):
    """``units`` member units of a new cluster since 2019, and a regulation
    to found its rules on: (units, document, cluster)."""
    from odoo import Command

    partners = env["res.partner"].create(
        [{"name": f"Bench {tag} unit {i}", "is_company": True} for i in range(units)]
    )
    document = env["emulation.document"].create(
        {"name": f"{tag}/BENCH", "document_type": "regulation"}
    )
    cluster = env["emulation.cluster"].create(
        {
            "name": f"Bench cluster {tag}",
            "membership_ids": [
                Command.create({"partner_id": p.id, "date_start": date(2019, 1, 1)})
                for p in partners
            ],
        }
    )
    return partners, document, cluster


def run_script_printing(doc, add_arguments, main):
    """``run_script`` for a benchmark that prints PDFs: ``--http-port``, and
    Odoo's web server started in this process on it, from which wkhtmltopdf
    fetches the reports' styles as from a running Odoo; then
    ``main(env, args, url)``, ``url`` to give as ``report.url``."""

    def add_port(parser):
        parser.add_argument("--http-port", type=int, default=8779)
        add_arguments(parser)

    def main_with_web_server(env, args):
        import odoo
        from odoo.service import server

        # wkhtmltopdf's Qt asks for one, and warns without it
        os.environ.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
        server.ThreadedServer(odoo.http.root).http_spawn()
        main(env, args, f"http://127.0.0.1:{args.http_port}")

    run_script(
        doc,
        add_port,
        main_with_web_server,
        lambda args: ["--http-port", str(args.http_port)],
    )


def create_conference_plan(env, cluster, tag):
    """The cluster's 2020 plan with its year-end conference on 10/12/2020."""
    from odoo import Command

    return env["emulation.plan"].create(
        {
            "name": f"Bench plan {tag}",
            "cluster_id": cluster.id,
            "year": 2020,
            "event_ids": [
                Command.create(
                    {
                        "name": "Hội nghị tổng kết",
                        "date_start": datetime(2020, 12, 10, 1, 0),
                    }
                )
            ],
        }
    )


def create_vote_rules(env, cluster, document, award, seats, tag):
    """The cluster's voting rule and its quota of ``seats`` for ``award``."""
    from odoo import Command

    Rule = env["emulation.rule"]
    common = {
        "document_id": document.id,
        "scope": "cluster",
        "cluster_id": cluster.id,
        "date_from": date(2018, 1, 1),
    }
    Rule.create({"name": f"Bỏ phiếu {tag}", "rule_type": "voting", **common})
    Rule.create(
        {
            "name": f"Số lượng {tag}",
            "rule_type": "nomination_quota",
            "quota_ids": [
                Command.create({"award_type_id": award.id, "max_count": seats})
            ],
            **common,
        }
    )


def create_unit_user(env, unit, group, tag, role):
    """A user of ``unit`` in the addon's ``group`` (e.g. group_unit_officer)."""
    from odoo import Command

    return env["res.users"].create(
        {
            "name": f"Bench {role} {tag}",
            "login": f"bench-{role}-{tag}",
            "partner_id": env["res.partner"]
            .create({"name": f"Bench {role} {tag}", "parent_id": unit.id})
            .id,
            "groups_id": [Command.set([env.ref(f"emulation_cluster.{group}").id])],
        }
    )
