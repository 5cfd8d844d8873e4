# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# command-line script: it prints its results
# pylint: disable=print-used
"""Benchmark of scorecard totals and the ranking (not part of ``make test``).

For 60 and then 600 member units scored on 150 leaf criteria (10 groups of
15), it creates the cluster, the plan, its criteria and the scorecards
(the score lines inserted in bulk with random self values), then prints
the time and query count to compute every scorecard's totals, to classify
and rank the plan, to agree every scorecard (which ranks again), and to
render the results table for 60 units: its HTML,
and its PDF (the script starts Odoo's web server on ``--http-port``, from
which wkhtmltopdf fetches the styles, as a running Odoo does).

It rolls back what it created (nothing is committed); still, run it on a
throwaway copy of a database, e.g. ``createdb -T emulation_test
emulation_bench``: it refuses a database whose name does not contain
"bench".

    python3 scripts/benchmark_scoring.py -c <config> -d <db> [--http-port N] [60 600]

or in an Odoo shell: ``odoo-bin shell -c <config> -d <db> < scripts/...``
(there, without a web server of its own, the PDF is left out).
"""

import os
import sys
from datetime import date

sys.path.insert(
    0, os.path.dirname(os.path.abspath(globals().get("__file__", "scripts/")))
)
import benchmark_common as bench  # noqa: E402  (the folder of this script)

GROUPS, PER_GROUP = 10, 15
SIZES = (60, 600)
# {(what, units): (median seconds, queries)}
MEASURES = {}
RATIO_GOAL = 11.0


def _measure(env, what, action, units, repeat=3):
    """Run ``action`` ``repeat`` times; print and return the median time and
    the query count of one run."""
    elapsed, queries, result = bench.median_time(env, action, repeat)
    print(f"  {what}: {elapsed:.3f} s (median of {repeat}), {queries} queries")
    MEASURES[what, units] = (elapsed, queries)
    return result


def _setup(env, units, tag):
    from odoo.tools import SQL

    partners, document, cluster = bench.create_cluster(env, units, tag)
    plan = env["emulation.plan"].create(
        {"name": f"Bench plan {tag}", "cluster_id": cluster.id, "year": 2020}
    )
    template = env["emulation.criterion.template"].create(
        {
            "name": f"Bench {tag}",
            "document_id": document.id,
            "date_from": date(2020, 1, 1),
        }
    )
    Criterion = env["emulation.criterion"]
    groups = Criterion.create(
        [
            {
                "template_id": template.id,
                "code": f"G{g}",
                "name": f"Nhóm {g}",
                "kind": "group",
                "max_points": PER_GROUP,
            }
            for g in range(GROUPS)
        ]
    )
    Criterion.create(
        [
            {
                "template_id": template.id,
                "parent_id": group.id,
                "code": f"G{g}.{i}",
                "name": f"Tiêu chí {g}.{i}",
                "max_points": 1,
            }
            for g, group in enumerate(groups)
            for i in range(PER_GROUP)
        ]
    )
    template.action_validate()
    template._copy_for_plan(plan).action_validate()
    # scorecards without lines, then the lines in bulk
    copy = plan.criterion_template_id
    cards = env["emulation.scorecard"].create(
        [
            {"plan_id": plan.id, "partner_id": p.id, "template_id": copy.id}
            for p in partners
        ]
    )
    env.flush_all()
    env.cr.execute(
        SQL(
            """
            INSERT INTO emulation_score_line
                   (scorecard_id, plan_id, cluster_id, partner_id, year,
                    criterion_id, sequence, kind, top_group_id, is_applicable,
                    target_value, self_value, self_points, appraised_value,
                    is_appraised, appraised_points, final_points,
                    create_date, write_date)
            SELECT card.id, card.plan_id, card.cluster_id, card.partner_id,
                   card.year, c.id, c.sequence, c.kind, c.top_group_id, TRUE,
                   0, v.points, v.points, 0, FALSE, 0, v.points, now(), now()
              FROM emulation_scorecard card
              JOIN emulation_criterion c
                ON c.template_id = card.template_id AND c.kind != 'group'
             CROSS JOIN LATERAL (SELECT round(random()::numeric, 2) AS points
                                  WHERE c.id > 0 AND card.id > 0) v
             WHERE card.id IN %s
            """,
            tuple(cards.ids),
        )
    )
    return plan, cards


def _run(env, units, tag, pdf_url=None):
    plan, cards = _setup(env, units, tag)
    print(f"{units} units x {GROUPS * PER_GROUP} criteria ({len(cards)} scorecards)")
    Card = env["emulation.scorecard"]
    names = ("self_total", "final_total", "max_total", "percentage")

    def totals():
        cards_ = Card.browse(cards.ids)
        for name in names:
            env.add_to_compute(Card._fields[name], cards_)
        return cards_.mapped("final_total")

    _measure(env, "totals", totals, units)
    _measure(env, "classification and ranking", plan._rank_scorecards, units)

    def agree():
        # as the conference agrees them: every scorecard appraised, then agreed
        cards_ = Card.browse(cards.ids)
        env.cr.execute(
            "UPDATE emulation_scorecard SET state = 'appraised' WHERE id IN %s",
            [tuple(cards_.ids)],
        )
        env.invalidate_all()
        return cards_.action_agree()

    _measure(env, "agreeing every scorecard", agree, units)
    if units <= 60:
        report = env["ir.actions.report"]
        _measure(
            env,
            "results table (HTML)",
            lambda: report._render_qweb_html(
                "emulation_cluster.report_emulation_scoring_results", plan.ids
            ),
            units,
            repeat=1,
        )
        if pdf_url:
            env["ir.config_parameter"].set_param("report.url", pdf_url)
            pdf = _measure(
                env,
                "results table (PDF, wkhtmltopdf)",
                lambda: report._render_qweb_pdf(
                    "emulation_cluster.report_emulation_scoring_results", plan.ids
                )[0],
                units,
                repeat=1,
            )
            print(f"    {len(pdf) // 1024} KiB, {pdf.count(b'/Type /Page') - 1} pages")


def _print_ratios(small, large):
    """time(large)/time(small) of each measure, against the goal."""
    print(f"ratios {large} units / {small} units (goal: at most {RATIO_GOAL:g}x):")
    for what in ("totals", "classification and ranking", "agreeing every scorecard"):
        (t_small, q_small), (t_large, q_large) = (
            MEASURES[what, small],
            MEASURES[what, large],
        )
        ratio = t_large / t_small
        print(
            f"  {what}: {ratio:.1f}x ({bench.verdict(ratio, RATIO_GOAL)}); "
            f"queries {q_small} -> {q_large}"
        )


def main(env, sizes=SIZES, pdf_url=None):
    with bench.throwaway(env):
        for units, tag in bench.tags(sizes):
            _run(env, units, tag, pdf_url)
        _print_ratios(min(sizes), max(sizes))


def _script():
    bench.run_script_printing(
        __doc__,
        bench.sizes_argument(SIZES),
        lambda env, args, url: main(env, args.sizes, url),
    )


if "env" in globals():  # odoo-bin shell
    main(env)  # noqa: F821
elif __name__ == "__main__":
    sys.exit(_script())
