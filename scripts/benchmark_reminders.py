# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# command-line script: it prints its results
# pylint: disable=print-used
"""Benchmark of the deadline reminder cron (not part of ``make test``).

Creates 10,000 and then 100,000 submissions due in 7 days across many
clusters (50 units and 4 obligations per cluster: 200 submissions each),
runs the reminder cron until nothing remains (one batch per call, each
flushed before the next, as the cron runner's commit would) and prints its
time and query count.

It rolls back what it created (nothing is committed); still, run it on a
throwaway copy of a database, e.g. ``createdb -T dev_sub dev_bench``: it
refuses a database whose name does not contain "bench".

Run it either in an Odoo shell::

    odoo-bin shell -c <config> -d <db> < scripts/benchmark_reminders.py

or as a script (config and database from the arguments or the environment
variables ODOO_RC and BENCH_DB)::

    python3 scripts/benchmark_reminders.py -c <config> -d <db> [10000 100000]

The database must have emulation_cluster installed.
"""

import os
import sys
import time
from datetime import timedelta

sys.path.insert(
    0, os.path.dirname(os.path.abspath(globals().get("__file__", "scripts/")))
)
import benchmark_common as bench  # noqa: E402  (the folder of this script)

UNITS_PER_CLUSTER = 50
OBLIGATIONS_PER_PLAN = 4
SIZES = (10_000, 100_000)


def _setup(env, count, tag):
    """Clusters, units, issued plans and ``count`` submissions, inserted in
    bulk (SQL for the large tables, the ORM for the few plans)."""
    from odoo import Command, fields
    from odoo.tools import SQL

    cr = env.cr
    today = fields.Date.context_today(env["res.users"])
    deadline = today + timedelta(days=7)
    per_cluster = UNITS_PER_CLUSTER * OBLIGATIONS_PER_PLAN
    n_clusters = count // per_cluster
    secretariat = env["res.users"].search([("login", "=", "bench_secretariat")])
    if not secretariat:
        secretariat = env["res.users"].create(
            {
                "name": "Bench Secretariat",
                "login": "bench_secretariat",
                "email": "bench_secretariat@example.com",
                "groups_id": [
                    Command.link(env.ref("emulation_cluster.group_secretariat").id)
                ],
            }
        )
    # units: SQL insert of companies
    n_units = n_clusters * UNITS_PER_CLUSTER
    cr.execute(
        SQL(
            """
            INSERT INTO res_partner (name, complete_name, email, is_company,
                   active, type, create_date, write_date)
            SELECT 'Bench %(tag)s unit ' || g, 'Bench %(tag)s unit ' || g,
                   'bench-%(tag)s-' || g || '@example.com', TRUE, TRUE,
                   'contact', now(), now()
              FROM generate_series(1, %(n)s) g
            RETURNING id
            """,
            tag=SQL(tag),
            n=n_units,
        )
    )
    unit_ids = [row[0] for row in cr.fetchall()]
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id WHERE id = ANY(%s)",
        [unit_ids],
    )
    clusters = env["emulation.cluster"].create(
        [
            {
                "name": f"Bench {tag} cluster {i}",
                "code": f"BENCH-{tag}-{i}",
                "secretariat_user_ids": [Command.link(secretariat.id)],
            }
            for i in range(n_clusters)
        ]
    )
    members = {
        cluster.id: unit_ids[i * UNITS_PER_CLUSTER : (i + 1) * UNITS_PER_CLUSTER]
        for i, cluster in enumerate(clusters)
    }
    cr.execute(
        SQL(
            """
            INSERT INTO emulation_cluster_membership
                   (cluster_id, partner_id, sequence, date_start, active,
                    create_date, write_date)
            SELECT c, p, 10, '2019-01-01', TRUE, now(), now()
              FROM unnest(%(clusters)s::int[], %(partners)s::int[]) AS t(c, p)
            """,
            clusters=[c for c, units in members.items() for _u in units],
            partners=[u for units in members.values() for u in units],
        )
    )
    env.invalidate_all()
    plans = env["emulation.plan"].create(
        [
            {
                "name": f"Bench plan {cluster.name}",
                "cluster_id": cluster.id,
                "year": today.year,
                "number": f"{cluster.id}/KH-BENCH",
                "issue_date": today - timedelta(days=30),
                "leader_id": members[cluster.id][0],
                "deputy_id": members[cluster.id][1],
            }
            for cluster in clusters
        ]
    )
    env["emulation.obligation"].create(
        [
            {
                "name": f"Bench report {j}",
                "plan_id": plan.id,
                "deadline": deadline,
                "reminder_offsets": "7,1",
                "recipient_id": env.ref("base.main_partner").id,
            }
            for plan in plans
            for j in range(OBLIGATIONS_PER_PLAN)
        ]
    )
    env.flush_all()
    # issue the plans and create the submissions in SQL (the ORM hook does
    # the same in batches, but slower for 100,000 rows)
    cr.execute(
        "UPDATE emulation_plan SET state = 'issued' WHERE id = ANY(%s)", [plans.ids]
    )
    cr.execute(
        """
        INSERT INTO emulation_submission
               (obligation_id, plan_id, cluster_id, kind, deadline, partner_id,
                state, channel, active, create_date, write_date)
        SELECT o.id, o.plan_id, o.cluster_id, o.kind, o.deadline, m.partner_id,
               'to_file', 'online', TRUE, now(), now()
          FROM emulation_obligation o
          JOIN emulation_cluster_membership m ON m.cluster_id = o.cluster_id
         WHERE o.plan_id = ANY(%s)
        """,
        [plans.ids],
    )
    env.invalidate_all()
    return cr.rowcount


def _run(env, count, tag):
    Obligation = env["emulation.obligation"]
    cr = env.cr
    # only the benchmark's plans are due
    cr.execute("UPDATE emulation_plan SET state = 'closed' WHERE state = 'issued'")
    started = time.time()
    _setup(env, count, tag)
    env.flush_all()
    setup_time = time.time() - started
    env.invalidate_all()
    queries = batches = reminded = 0
    started = time.time()
    while True:
        before = cr.sql_log_count
        done = Obligation._cron_send_deadline_reminders()
        # what the cron runner's commit between two calls would make visible
        env.flush_all()
        env.invalidate_all()
        queries += cr.sql_log_count - before
        if not done:
            break
        batches += 1
        reminded += done
    elapsed = time.time() - started
    reminder_type = env.ref("emulation_cluster.mail_activity_type_deadline_reminder")
    activities = env["mail.activity"].search_count(
        [
            ("activity_type_id", "=", reminder_type.id),
            ("res_model", "=", "emulation.submission"),
        ]
    )
    mails = env["mail.mail"].search_count([("subject", "like", "Reminder:%")])
    again = Obligation._cron_send_deadline_reminders()
    print(
        f"{count:>7} submissions (set up in {setup_time:.1f}s): reminder cron "
        f"{elapsed:.1f}s, {batches} batches of 500, {queries} queries "
        f"({queries / max(batches, 1):.1f} per batch), {reminded} reminded; "
        f"in the database: {activities} reminder activities, {mails} e-mails; "
        f"second run: {again} reminded",
        flush=True,
    )
    # leave the next size alone: close this size's plans
    cr.execute(
        "UPDATE emulation_plan SET state = 'closed' WHERE number LIKE '%%/KH-BENCH'"
    )


def main(env, sizes=SIZES):
    with bench.throwaway(env):
        for count, tag in bench.tags(sizes):
            _run(env, count, tag)


if "env" in globals():  # odoo-bin shell
    main(env)  # noqa: F821
elif __name__ == "__main__":
    sys.exit(bench.run_sizes(__doc__, main, SIZES))
