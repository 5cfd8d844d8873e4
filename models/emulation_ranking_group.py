# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL

from .emulation_criterion import IN_MAXIMUM_KINDS


class EmulationRankingGroup(models.Model):
    """A ranking row's points in one top-level criterion group: the columns
    of the results table, and the analysis across years (grouped by the
    group's code and name, which stay the same from one year's copy of the
    criteria to the next)."""

    _name = "emulation.ranking.group"
    _description = "Ranking: Points per Group"
    _inherit = ["emulation.plan.report.mixin"]
    _auto = False
    _order = "ranking_id, sequence, group_code, id"
    _depends = {
        "emulation.ranking": ["plan_id", "partner_id", "year", "is_agreed"],
        "emulation.score.line": [
            "scorecard_id",
            "top_group_id",
            "criterion_id",
            "kind",
            "is_applicable",
            "final_points",
        ],
        "emulation.criterion": ["code", "name", "sequence", "max_points"],
    }

    ranking_id = fields.Many2one("emulation.ranking", "Ranking", readonly=True)
    # the lists of the ranking total the column, as they always did
    year = fields.Integer(aggregator="sum")
    partner_id = fields.Many2one("res.partner", "Member Unit", readonly=True)
    sequence = fields.Integer(readonly=True)
    group_code = fields.Char("Code", readonly=True)
    group_name = fields.Char("Criterion Group", readonly=True)
    points = fields.Float(digits=(6, 2), readonly=True)
    max_points = fields.Float("Maximum", digits=(6, 2), readonly=True)
    percentage = fields.Float(
        "% of Maximum", digits=(5, 2), readonly=True, aggregator="avg"
    )
    is_agreed = fields.Boolean("Ranking Agreed", readonly=True)

    def init(self):
        # over the ranking view: its rows (active scorecards) and whether
        # their plan's ranking is agreed are decided there, once
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE OR REPLACE VIEW %(table)s AS (
                    SELECT result.*,
                           CASE WHEN result.max_points > 0
                                THEN round((result.points * 100.0
                                            / result.max_points)::numeric, 2)
                                ELSE 0 END AS percentage
                      FROM (
                        SELECT min(line.id) AS id,
                               ranking.id AS ranking_id,
                               ranking.plan_id,
                               ranking.cluster_id,
                               ranking.year,
                               ranking.partner_id,
                               ranking.is_agreed,
                               top.sequence,
                               top.code AS group_code,
                               (top.code || '. ' || top.name)::varchar AS group_name,
                               coalesce(sum(line.final_points), 0) AS points,
                               sum(CASE WHEN line.kind IN %(in_maximum)s
                                        THEN criterion.max_points ELSE 0 END)
                                   AS max_points
                          FROM emulation_score_line line
                          JOIN emulation_ranking ranking
                            ON ranking.id = line.scorecard_id
                          JOIN emulation_criterion criterion
                            ON criterion.id = line.criterion_id
                          JOIN emulation_criterion top
                            ON top.id = line.top_group_id
                         WHERE line.is_applicable
                      GROUP BY ranking.id, ranking.plan_id, ranking.cluster_id,
                               ranking.year, ranking.partner_id, ranking.is_agreed,
                               top.id
                      ) result
                )
                """,
                table=SQL.identifier(self._table),
                in_maximum=IN_MAXIMUM_KINDS,
            )
        )
