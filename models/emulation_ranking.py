# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..tools.common import (
    estimate_row_px,
    format_vn_long_date,
    format_vn_number,
    paginate,
    paper_content_px,
)

# the results table's heading and title, above its first page's rows
RESULTS_HEADING_PX = 300


class EmulationRanking(models.Model):
    """The ranking as the members read it (bảng xếp hạng): one row per
    scorecard with its total, percentage, classification and rank, and its
    points per top-level group, never its lines, evidence or notes.

    A read-only view over the scorecards rather than a field-level
    exception on them: record rules then say simply that an officer reads
    his own unit's row, and every member's row once the plan's ranking is
    agreed (all its scorecards agreed)."""

    _name = "emulation.ranking"
    _description = "Ranking"
    _inherit = ["emulation.plan.report.mixin"]
    _auto = False
    _order = "year desc, plan_id, rank, partner_id"
    _rec_names_search = ["partner_id.name"]
    _depends = {
        "emulation.scorecard": [
            "active",
            "plan_id",
            "cluster_id",
            "year",
            "partner_id",
            "state",
            "final_total",
            "max_total",
            "percentage",
            "classification_id",
            "rank",
            "date_agreed",
        ],
    }

    scorecard_id = fields.Many2one("emulation.scorecard", "Scorecard", readonly=True)
    # the lists of the ranking total the column, as they always did
    year = fields.Integer(aggregator="sum")
    partner_id = fields.Many2one("res.partner", "Member Unit", readonly=True)
    final_total = fields.Float("Total", digits=(6, 2), readonly=True, aggregator="avg")
    max_total = fields.Float(
        "Own Maximum", digits=(6, 2), readonly=True, aggregator="avg"
    )
    percentage = fields.Float(
        "% of Own Maximum", digits=(5, 2), readonly=True, aggregator="avg"
    )
    classification_id = fields.Many2one(
        "emulation.rule.classification", "Classification", readonly=True
    )
    classification_reason = fields.Text(
        "Why This Classification", compute="_compute_classification_reason"
    )
    rank = fields.Integer(readonly=True, aggregator="min")
    date_agreed = fields.Date("Agreed On", readonly=True)
    is_agreed = fields.Boolean(
        "Ranking Agreed",
        readonly=True,
        help="Every scorecard of the plan is agreed: the ranking is final and "
        "every member reads it. Until then it is provisional.",
    )
    ranking_state = fields.Selection(
        [
            (
                "provisional",
                "Provisional: the full table comes once every scorecard is agreed",
            ),
            ("agreed", "Agreed"),
        ],
        "Ranking Status",
        readonly=True,
    )
    is_scored = fields.Boolean(
        "Scores Sent",
        readonly=True,
        help="The unit has sent its scores: until then it is neither ranked "
        "nor classified.",
    )
    group_result_ids = fields.One2many(
        "emulation.ranking.group", "ranking_id", "Points per Group", readonly=True
    )

    def action_print_results_table(self):
        """The results table of the plans of these rows (one per cluster
        and year)."""
        return self.plan_id.action_print_results_table()

    def _compute_display_name(self):
        for row in self:
            row.display_name = f"{row.partner_id.name} – {row.year}"

    @api.depends_context("lang")
    def _compute_classification_reason(self):
        # the row is readable, so is what explains it; one batch for all rows
        cards = self.env["emulation.scorecard"].sudo().browse(self.scorecard_id.ids)
        reasons = dict(
            zip(cards.ids, cards.mapped("classification_reason"), strict=False)
        )
        for row in self:
            row.classification_reason = reasons.get(row.scorecard_id.id)

    @api.model
    def _get_results_table(self, plan):
        """The cluster's results for ``plan``, as the official results table
        prints them: the top-level groups with their maxima (columns), and
        per unit, by rank, its points per group, total, percentage,
        classification and rank; cut into pages. Read through the
        ranking's own record rules: an officer prints every member's row
        once the ranking is agreed, his own before. A few queries whatever
        the number of units."""
        rows = self.search([("plan_id", "=", plan.id)]).sorted(
            lambda row: (row.rank or 10**6, row.partner_id.name)
        )
        groups = plan.criterion_template_id.criterion_ids.filtered(
            lambda criterion: criterion.active and not criterion.parent_id
        )
        points = {
            (result.ranking_id.id, result.group_code): result.points
            for result in self.env["emulation.ranking.group"].search(
                [("ranking_id", "in", rows.ids)]
            )
        }
        # the deciding condition per row; the rule, once under the table
        cards = self.env["emulation.scorecard"].sudo().browse(rows.scorecard_id.ids)
        notes = cards._explain_classifications(brief=True)
        rule = cards.classification_rule_id[:1]
        if not rule and cards:
            rule = plan._get_ranking_rules(cards)[1]
        agreed = [day for day in rows.mapped("date_agreed") if day]
        scored = cards.filtered(lambda card: card.state != "draft")
        in_maximum = groups.filtered("in_maximum")
        table_rows = []
        for index, row in enumerate(rows, start=1):
            is_scored = row.scorecard_id.id in scored.ids
            row_points = [points.get((row.id, group.code), 0.0) for group in groups]
            # % of the unit's own maximum: the groups within the maximum,
            # the bonus and the penalty apart
            within = sum(
                value
                for group, value in zip(groups, row_points, strict=True)
                if group in in_maximum
            )
            table_rows.append(
                {
                    "number": index,
                    "card": row,
                    "is_scored": is_scored,
                    "groups": [format_vn_number(value) for value in row_points]
                    if is_scored
                    else ["" for __ in groups],
                    "total": format_vn_number(row.final_total) if is_scored else "",
                    "percent": format_vn_number(within * 100.0 / row.max_total)
                    if is_scored and row.max_total
                    else "",
                    "classification": row.classification_id.name or ""
                    if is_scored
                    else "",
                    "rank": str(row.rank) if is_scored and row.rank else "",
                    "note": notes.get(row.scorecard_id.id) or ""
                    if is_scored
                    else self.env._("Not scored yet: neither ranked nor classified."),
                }
            )
        report = self.env.ref("emulation_cluster.emulation_scorecard_results_report")
        page_width, page_height = paper_content_px(
            report.paperformat_id or self.env.company.paperformat_id
        )
        unit_px = page_width * 0.22
        group_px = page_width * 0.45 / max(len(groups), 1)
        head = estimate_row_px([[(group.name, group_px)] for group in groups])
        heights = [
            estimate_row_px(
                [
                    [(row.partner_id.name, unit_px)],
                    [
                        (row.classification_id.name or "", page_width * 0.15),
                        # the note's 9 pt letters take three quarters of the width
                        (notes.get(row.scorecard_id.id) or "", page_width * 0.2),
                    ],
                ]
            )
            for row in rows
        ]
        pages = paginate(
            heights, page_height - RESULTS_HEADING_PX - head, page_height - head
        )
        is_provisional = not all(rows.mapped("is_agreed"))
        # the conference's date once agreed, never the printing day
        day = max(agreed) if agreed and not is_provisional else False
        plan_doc = plan.sudo()
        return {
            "groups": groups,
            "group_maxima": {
                group.id: format_vn_number(group.max_points).removesuffix(",00")
                for group in groups
            },
            "group_width": round(45 / max(len(groups), 1), 2),
            "pages": [[table_rows[index] for index in page] for page in pages],
            "is_provisional": is_provisional,
            "rule": rule,
            "date": day,
            "number": plan_doc.results_number or "",
            "place_date": f"{plan_doc.issue_place or ''}, "
            f"{format_vn_long_date(day) or 'ngày … tháng … năm …'}".lstrip(", "),
            "signer_title": (
                plan_doc.results_signer_title or plan_doc.signer_title or ""
            ).splitlines(),
            "signer_name": plan_doc.results_signer_name or plan_doc.signer_name or "",
            "distribution": [
                line.strip()
                for line in (
                    plan_doc.results_distribution_list
                    or "- Các đơn vị thành viên Cụm;\n- Lưu: VT."
                ).splitlines()
                if line.strip()
            ],
        }

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(table)s AS (
                    SELECT card.id,
                           card.id AS scorecard_id,
                           card.plan_id,
                           card.cluster_id,
                           card.year,
                           card.partner_id,
                           card.final_total,
                           card.max_total,
                           card.percentage,
                           card.classification_id,
                           card.rank,
                           card.date_agreed,
                           card.state != 'draft' AS is_scored,
                           agreed.is_agreed,
                           CASE WHEN agreed.is_agreed THEN 'agreed'
                                ELSE 'provisional'
                           END AS ranking_state
                      FROM emulation_scorecard card
                      CROSS JOIN LATERAL (
                          SELECT NOT EXISTS (
                              SELECT 1
                                FROM emulation_scorecard other
                               WHERE other.plan_id = card.plan_id
                                 AND other.active
                                 AND other.state != 'agreed'
                          ) AS is_agreed
                      ) agreed
                     WHERE card.active
                )
                """,
                table=SQL.identifier(self._table),
            )
        )
