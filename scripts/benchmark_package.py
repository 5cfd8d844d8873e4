# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# command-line script: it prints its results
# pylint: disable=print-used
"""Benchmark of the award dossier package (not part of ``make test``).

It creates a cluster of 600 member units, its 2020 plan and year-end
conference, a voting rule, a quota of 60 flags and a secret nomination poll
with every member as voter and candidate; every member's paper ballot
approves the same 60 units, the poll is counted and closed, the 60 units'
proposals are made from it and listed on one letter. Then it times (median
of 3 each, PDFs rendered by wkhtmltopdf):

- printing the letter, the list and each poll's minutes (review and vote
  count) once: what the package holds that is rendered;
- downloading the dossier package (``action_download_package``, as the
  secretariat): the letter and the list as PDF and ODT, and 60 folders each
  holding the minutes it needs (LAW §5);

and prints time(package) / time(printing once) against the goal (at most
3x), with the package's size.

It rolls back what it created (nothing is committed); still, run it on a
throwaway copy of a database, e.g. ``createdb -T emulation_test
emulation_bench``: it refuses a database whose name does not contain
"bench".

    python3 scripts/benchmark_package.py -c <config> -d <db> [--http-port N]
        [--units 600] [--proposals 60]
"""

import os
import sys
import time
from datetime import date

sys.path.insert(
    0, os.path.dirname(os.path.abspath(globals().get("__file__", "scripts/")))
)
import benchmark_common as bench  # noqa: E402  (the folder of this script)

UNITS, PROPOSALS = 600, 60
RATIO_GOAL = 3.0
REPEAT = 3
LETTER_REPORT = "emulation_cluster.emulation_award_letter_report"
LIST_REPORT = "emulation_cluster.emulation_award_list_report"
MINUTES_REPORTS = (
    "emulation_cluster.emulation_poll_review_minutes_report",
    "emulation_cluster.emulation_poll_count_minutes_report",
)


def _setup(env, units, seats, tag):
    """The cluster, its conference and rules, the closed poll that chose
    ``seats`` units, their proposals and the letter that lists them; the
    secretariat user who builds the package."""
    from odoo import Command

    partners, document, cluster = bench.create_cluster(env, units, tag)
    plan = bench.create_conference_plan(env, cluster, tag)
    ref = env.ref
    award = env["emulation.award.type"].create(
        {
            "name": f"Cờ thi đua {tag}",
            "dossier_item_ids": [
                Command.set(
                    [
                        ref("emulation_cluster.dossier_item_letter").id,
                        ref("emulation_cluster.dossier_item_review_minutes").id,
                        ref("emulation_cluster.dossier_item_vote_minutes").id,
                    ]
                )
            ],
        }
    )
    bench.create_vote_rules(env, cluster, document, award, seats, tag)
    secretariat = bench.create_unit_user(
        env, partners[0], "group_secretariat", tag, "secretariat"
    )
    cluster.secretariat_user_ids = [Command.link(secretariat.id)]
    poll = env["emulation.poll"].create(
        {
            "name": "Bench poll",
            "event_id": plan.event_ids[:1].id,
            "subject": "nomination",
            "award_type_id": award.id,
            "counting_user_ids": [Command.set(secretariat.ids)],
        }
    )
    poll.action_open_voting()
    chosen = poll.candidate_ids[:seats].ids
    # every unit's ballot handed in on paper, entered without its unit
    poll.voter_ids.with_user(secretariat).action_hand_in_paper()
    env["emulation.ballot"].with_user(secretariat).create(
        [
            {
                "poll_id": poll.id,
                "partner_id": False,
                "approve_ids": [Command.set(chosen)],
            }
            for __ in poll.voter_ids
        ]
    )
    poll.with_user(secretariat).action_count_round()
    proposals = env["emulation.award.proposal"]._create_from_poll(poll)
    letter = env["emulation.award.letter"].create(
        {
            "plan_id": plan.id,
            "issue_date": date(2021, 3, 15),
            "addressee": "Hội đồng Thi đua - Khen thưởng Bộ",
            "basis_document_ids": [Command.set(document.ids)],
            "distribution_list": "- Như trên;\n- Lưu: VT.",
            "issuer_name": f"CỤM THI ĐUA {tag}",
        }
    )
    letter.action_assign_number()
    proposals.letter_id = letter
    env.flush_all()
    return poll, proposals, letter, secretariat


def _print_once(env, letter, polls):
    """What the package renders: the letter, the list, each poll's minutes."""
    reports = env["ir.actions.report"].with_context(lang="vi_VN")
    size = len(reports._render_qweb_pdf(LETTER_REPORT, letter.ids)[0])
    size += len(reports._render_qweb_pdf(LIST_REPORT, letter.ids)[0])
    for report in MINUTES_REPORTS:
        size += len(reports._render_qweb_pdf(report, polls.ids)[0])
    return size


def main(env, units=UNITS, seats=PROPOSALS, pdf_url=None):
    with bench.throwaway(env):
        if pdf_url:
            env["ir.config_parameter"].set_param("report.url", pdf_url)
        start = time.perf_counter()
        poll, proposals, letter, secretariat = _setup(
            env, units, seats, bench.tags([units])[0][1]
        )
        print(
            f"{units} units, {poll.ballot_count} ballots, {len(proposals)} "
            f"proposals on one letter: written in {time.perf_counter() - start:.0f} s"
        )
        baseline, __, printed = bench.median_time(
            env, lambda: _print_once(env, letter, proposals.poll_id), REPEAT
        )
        print(
            f"  printing the letter, the list and the poll's 2 minutes once: "
            f"{baseline:.2f} s (median of {REPEAT}), {printed / 1e6:.2f} MB"
        )
        as_secretariat = letter.with_user(secretariat)
        elapsed, __, __ = bench.median_time(
            env, as_secretariat.action_download_package, REPEAT
        )
        package = letter.sudo().package_file
        size = len(package) * 3 // 4 if package else 0
        ratio = elapsed / baseline
        print(
            f"  dossier package ({len(proposals)} folders): {elapsed:.2f} s "
            f"(median of {REPEAT}), {size / 1e6:.2f} MB; {ratio:.2f}x printing "
            f"once (goal: at most {RATIO_GOAL:g}x, {bench.verdict(ratio, RATIO_GOAL)})"
        )


def _script():
    bench.run_script_printing(
        __doc__,
        bench.whole_numbers(units=UNITS, proposals=PROPOSALS),
        lambda env, args, url: main(env, args.units, args.proposals, url),
    )


if __name__ == "__main__":
    sys.exit(_script())
