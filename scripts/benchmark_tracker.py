# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=print-used
"""Benchmark of the submission tracker's first screen (not part of ``make test``).

It writes, in one transaction that it rolls back at the end, 63 clusters of
30 member units with 10 years of plans and 53 reporting obligations a year:
1,001,700 submissions, and 1,000,000 contacts. Then it times, as the
web client asks them (median of 5 runs each, taken in turns, after one
run of each that fills the caches):

- Odoo's contacts list over the million contacts, as the administrator:
  ``web_search_read`` of its first 80 rows with the count;
- the tracker's first screen (``action_open_tracker``: its pivot's
  ``read_group`` calls on the submissions tally, one per combination of
  row and column groupings) for the secretariat of one cluster (units by
  status) and for the administrator (clusters by status, which the tally
  answers from its clusters' table), on the latest issued plans: folded
  (one row a plan, unit and status, and a plan, cluster and status, as
  the hourly scheduled action leaves them), then with 1,000 moves of
  submissions not folded yet (2,000 rows pending in each table);
- for comparison, the first screen as it was: the same pivot counting the
  submissions themselves, for the administrator;

and prints each tracker time as a ratio of the contacts list's (goal: at
most 2x). Run it on a throwaway database whose name contains "bench":

    python3 scripts/benchmark_tracker.py -c <config> -d <db>
"""

import os
import statistics
import sys
import time

sys.path.insert(
    0, os.path.dirname(os.path.abspath(globals().get("__file__", "scripts/")))
)
import benchmark_common as bench  # noqa: E402  (the folder of this script)

CLUSTERS, UNITS, YEARS, OBLIGATIONS = 63, 30, 10, 53
CONTACTS = 1_000_000
FIRST_YEAR = 2015
RATIO_GOAL = 2.0
REPEAT = 5
PENDING_MOVES = 1_000
STATES = ("to_file", "filed", "under_review", "returned", "accepted")


def _median_times(screens, repeat):
    """{name: median seconds} of the screens, measured in turns (one of
    each, ``repeat`` times) after one run of each that fills the caches, so
    that a change of the shared machine's load falls on all of them."""
    times = {name: [] for name, __, __ in screens}
    for __, env, action in screens:
        action(env)
    for __ in range(repeat):
        for name, env, action in screens:
            env.invalidate_all()
            start = time.perf_counter()
            action(env)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def _setup(env, clusters_count, contacts):
    from odoo import Command
    from odoo.tools import SQL

    cr = env.cr
    units = env["res.partner"].create(
        [
            {"name": f"Bench unit {c}-{u}", "is_company": True}
            for c in range(clusters_count)
            for u in range(UNITS)
        ]
    )
    clusters = env["emulation.cluster"].create(
        [
            {
                "name": f"Bench cluster {c}",
                "code": f"BENCH-{c}",
                "kind": "cluster",
                "level": "ministry",
                "membership_ids": [
                    Command.create({"partner_id": unit.id, "date_start": "2010-01-01"})
                    for unit in units[c * UNITS : (c + 1) * UNITS]
                ],
            }
            for c in range(clusters_count)
        ]
    )
    env.flush_all()
    # plans, obligations and submissions in bulk: the ORM's own creation
    # is not what is measured here
    cr.execute(
        SQL(
            """
            INSERT INTO emulation_plan (cluster_id, year, name, state, active,
                                        create_date, write_date)
            SELECT c.id, y, jsonb_build_object('en_US', 'Bench plan ' || y),
                   CASE WHEN y = %(last)s THEN 'issued' ELSE 'closed' END, TRUE,
                   now(), now()
              FROM emulation_cluster c, generate_series(%(first)s, %(last)s) y
             WHERE c.id IN %(clusters)s
            """,
            first=FIRST_YEAR,
            last=FIRST_YEAR + YEARS - 1,
            clusters=tuple(clusters.ids),
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO emulation_obligation (plan_id, cluster_id, name, kind,
                                              state, deadline, active,
                                              create_date, write_date)
            SELECT p.id, p.cluster_id,
                   jsonb_build_object('en_US', 'Bench report ' || n),
                   'other', 'open', make_date(p.year, 1 + mod(n, 12), 15), TRUE,
                   now(), now()
              FROM emulation_plan p, generate_series(1, %(per_plan)s) n
             WHERE p.cluster_id IN %(clusters)s
            """,
            per_plan=OBLIGATIONS,
            clusters=tuple(clusters.ids),
        )
    )
    cr.execute(
        SQL(
            """
            INSERT INTO emulation_submission (obligation_id, plan_id, cluster_id,
                                              partner_id, kind, state, channel,
                                              deadline, active, is_late,
                                              is_overdue, create_date, write_date)
            SELECT o.id, o.plan_id, o.cluster_id, m.partner_id, o.kind,
                   (%(states)s::varchar[])[1 + floor(random() * 5)::int],
                   'online', o.deadline, TRUE, FALSE, FALSE, now(), now()
              FROM emulation_obligation o
              JOIN emulation_cluster_membership m ON m.cluster_id = o.cluster_id
             WHERE o.cluster_id IN %(clusters)s
            """,
            states=list(STATES),
            clusters=tuple(clusters.ids),
        )
    )
    submissions = cr.rowcount
    cr.execute(
        SQL(
            """
            INSERT INTO res_partner (name, complete_name, email, city, active,
                                     type, is_company, lang, create_date,
                                     write_date)
            SELECT 'Bench contact ' || n, 'Bench contact ' || n,
                   'contact' || n || '@example.com', 'Hà Nội', TRUE, 'contact',
                   FALSE, 'vi_VN', now(), now()
              FROM generate_series(1, %(count)s) n
            """,
            count=contacts,
        )
    )
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id"
        " WHERE commercial_partner_id IS NULL"
    )
    # the statistics autovacuum would keep (the clusters, new here, are
    # joined to order the administrator's rows)
    cr.execute("ANALYZE res_partner")
    cr.execute("ANALYZE emulation_cluster")
    cr.execute("ANALYZE emulation_plan")
    cr.execute("ANALYZE emulation_obligation")
    cr.execute("ANALYZE emulation_submission")
    cr.execute("ANALYZE emulation_submission_tally")
    cr.execute("ANALYZE emulation_submission_cluster_tally")
    env.invalidate_all()
    secretariat = env["res.users"].create(
        {
            "name": "Bench secretariat",
            "login": f"bench_secretariat_{int(time.time())}",
            "groups_id": [
                Command.link(env.ref("emulation_cluster.group_secretariat").id)
            ],
        }
    )
    secretariat.partner_id.parent_id = units[0]
    clusters[0].secretariat_user_ids = [Command.link(secretariat.id)]
    env.flush_all()
    return secretariat, submissions


def _contacts_list(env):
    """The contacts list's first screen, as the web client asks it."""
    env["res.partner"].web_search_read(
        [],
        {"display_name": {}, "email": {}, "phone": {}, "city": {}},
        limit=80,
        count_limit=10001,
    )


def _first_screen(env, model, measure):
    """The pivot's first screen on ``model``: one read_group per
    combination of its row and column groupings, as the web client asks
    them; returns the number of cells."""
    action = env["emulation.submission"].action_open_tracker()
    rows = action["context"]["pivot_row_groupby"]
    cols = action["context"]["pivot_column_groupby"]
    domain = [("is_latest_plan", "=", True)]
    Model = env[model]
    groups = 0
    for groupby in ([], rows, cols, rows + cols):
        groups = len(Model.read_group(domain, [measure], groupby, lazy=False))
    return groups


def _tracker(env):
    """The tracker's first screen: its pivot on the tally."""
    return _first_screen(env, "emulation.submission.tally", "count:sum")


def _submissions_pivot(env):
    """The first screen as it was: the pivot counting the submissions."""
    return _first_screen(env, "emulation.submission", "__count")


def _fold(env):
    """What the scheduled action does (in the benchmark's transaction)."""
    Tally = env["emulation.submission.tally"].sudo()
    folded = 0
    while groups := Tally._fold():
        folded += groups
    env.cr.execute("ANALYZE emulation_submission_tally")
    env.cr.execute("ANALYZE emulation_submission_cluster_tally")
    return folded


def _move(env, count):
    """``count`` submissions of the latest plans filed or accepted one by
    one (one UPDATE each, as users do: each leaves its own rows)."""
    from odoo.tools import SQL

    cr = env.cr
    cr.execute(
        SQL(
            """
            SELECT s.id, s.state FROM emulation_submission s
              JOIN emulation_plan p ON p.id = s.plan_id AND p.state = 'issued'
             ORDER BY md5(s.id::text) LIMIT %s
            """,
            count,
        )
    )
    for submission_id, state in cr.fetchall():
        cr.execute(
            SQL(
                "UPDATE emulation_submission SET state = %s WHERE id = %s",
                "accepted" if state != "accepted" else "filed",
                submission_id,
            )
        )
    env.invalidate_all()


def _print_ratios(screens, medians, baseline):
    for who, user_env, screen in screens:
        cells = screen(user_env)
        ratio = medians[who] / baseline
        print(
            f"  {who}: {medians[who] * 1000:.1f} ms, {cells} cells; "
            f"{ratio:.2f}x the contacts list (goal: at most {RATIO_GOAL:g}x, "
            f"{bench.verdict(ratio, RATIO_GOAL)})"
        )


def main(env, clusters=CLUSTERS, contacts=CONTACTS, repeat=REPEAT):
    with bench.throwaway(env):
        start = time.perf_counter()
        secretariat, submissions = _setup(env, clusters, contacts)
        print(
            f"{submissions:,} submissions ({clusters} clusters x {UNITS} units x "
            f"{YEARS} years x {OBLIGATIONS} obligations), {contacts:,} contacts: "
            f"written in {time.perf_counter() - start:.0f} s"
        )
        start = time.perf_counter()
        folded = _fold(env)
        Tally = env["emulation.submission.tally"].sudo()
        print(
            f"  tally: {Tally.search_count([]):,} rows after the fold "
            f"({folded:,} groups folded in {time.perf_counter() - start:.1f} s)"
        )
        admin = env.ref("base.user_admin")
        as_admin = env(user=admin, su=False)
        as_secretariat = env(user=secretariat, su=False)
        baseline_screen = ("contacts list (admin)", as_admin, _contacts_list)
        folded_screens = [
            ("tracker, secretariat of one cluster", as_secretariat, _tracker),
            ("tracker, administrator", as_admin, _tracker),
            ("before: submissions pivot, administrator", as_admin, _submissions_pivot),
        ]
        medians = _median_times([baseline_screen, *folded_screens], repeat)
        baseline = medians["contacts list (admin)"]
        print(f"  contacts list (admin): {baseline * 1000:.1f} ms (median of {repeat})")
        _print_ratios(folded_screens, medians, baseline)
        _move(env, PENDING_MOVES)
        print(
            f"  {PENDING_MOVES:,} moves not folded yet: "
            f"{Tally.search_count([]):,} tally rows"
        )
        pending_screens = [
            (f"{who}, {PENDING_MOVES:,} moves pending", user_env, screen)
            for who, user_env, screen in folded_screens[:2]
        ]
        medians = _median_times([baseline_screen, *pending_screens], repeat)
        baseline = medians["contacts list (admin)"]
        print(f"  contacts list (admin): {baseline * 1000:.1f} ms (median of {repeat})")
        _print_ratios(pending_screens, medians, baseline)
        print("  load average: " + " ".join(f"{load:.1f}" for load in os.getloadavg()))


def _script():
    bench.run_script(
        __doc__,
        bench.whole_numbers(clusters=CLUSTERS, contacts=CONTACTS, repeat=REPEAT),
        lambda env, args: main(env, args.clusters, args.contacts, args.repeat),
    )


if __name__ == "__main__":
    sys.exit(_script())
