# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# command-line script: it prints its results
# pylint: disable=print-used
"""Benchmark of casting ballots (not part of ``make test``).

For 60 and then 600 member units, it creates the cluster, its 2020 plan and
year-end conference, a voting rule and a quota, and a secret nomination
poll with every member as voter and candidate; then the counting committee
(a unit officer, as a user: the checks run) enters every member's ballot
in one batch. Each size is measured three times on fresh polls; it prints
the median time and the query count, then the ratio 600 / 60 against the
goal (at most 11x: linear in the number of ballots).

It rolls back what it created (nothing is committed); still, run it on a
throwaway copy of a database, e.g. ``createdb -T emulation_test
emulation_bench``: it refuses a database whose name does not contain
"bench".

    python3 scripts/benchmark_votes.py -c <config> -d <db> [60 600]

or in an Odoo shell: ``odoo-bin shell -c <config> -d <db> < scripts/...``
"""

import os
import statistics
import sys
import time

sys.path.insert(
    0, os.path.dirname(os.path.abspath(globals().get("__file__", "scripts/")))
)
import benchmark_common as bench  # noqa: E402  (the folder of this script)

SIZES = (60, 600)
RATIO_GOAL = 11.0
REPEAT = 3


def _setup(env, units, tag):
    """The cluster of ``units`` members, its conference, rules, and the
    committee member (an officer of the first unit)."""
    partners, document, cluster = bench.create_cluster(env, units, tag)
    plan = bench.create_conference_plan(env, cluster, tag)
    award = env["emulation.award.type"].create({"name": f"Cờ thi đua {tag}"})
    bench.create_vote_rules(env, cluster, document, award, 3, tag)
    committee = bench.create_unit_user(
        env, partners[0], "group_unit_officer", tag, "counter"
    )
    return plan.event_ids[:1], award, committee


def _new_poll(env, event, award, committee):
    from odoo import Command

    poll = env["emulation.poll"].create(
        {
            "name": "Bench poll",
            "event_id": event.id,
            "subject": "nomination",
            "award_type_id": award.id,
            "counting_user_ids": [Command.set(committee.ids)],
        }
    )
    poll.action_open_voting()
    return poll


def _cast(env, poll, committee):
    """Every member's paper ballot, entered by the committee in one batch."""
    from odoo import Command

    candidates = poll.candidate_ids[:3].ids
    # a secret poll's paper ballots: each unit's paper is first marked as
    # handed in, then the committee enters the papers without their units
    poll.voter_ids.with_user(committee).action_hand_in_paper()
    vals_list = [
        {
            "poll_id": poll.id,
            "partner_id": False,
            "approve_ids": [Command.set(candidates[: 1 + index % 3])],
        }
        for index in range(len(poll.voter_ids))
    ]
    Ballot = env["emulation.ballot"].with_user(committee)
    env.invalidate_all()
    before, start = env.cr.sql_log_count, time.perf_counter()
    Ballot.create(vals_list)
    env.flush_all()
    return time.perf_counter() - start, env.cr.sql_log_count - before


def _run(env, units, tag):
    event, award, committee = _setup(env, units, tag)
    times, queries = [], 0
    for __ in range(REPEAT):
        poll = _new_poll(env, event, award, committee)
        elapsed, queries = _cast(env, poll, committee)
        times.append(elapsed)
        assert poll.ballot_count == units, poll.ballot_count
    median = statistics.median(times)
    print(
        f"{units} ballots: {median:.3f} s (median of {REPEAT}), "
        f"{queries} queries, {median / units * 1000:.2f} ms a ballot"
    )
    return median


def main(env, sizes=SIZES):
    with bench.throwaway(env):
        medians = {units: _run(env, units, tag) for units, tag in bench.tags(sizes)}
        small, large = min(sizes), max(sizes)
        ratio = medians[large] / medians[small]
        print(
            f"casting {large} vs {small} ballots: {ratio:.1f}x "
            f"(goal: at most {RATIO_GOAL:g}x, {bench.verdict(ratio, RATIO_GOAL)})"
        )


if "env" in globals():  # odoo-bin shell
    main(env)  # noqa: F821
elif __name__ == "__main__":
    sys.exit(bench.run_sizes(__doc__, main, SIZES))
