# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.tools import SQL

from .emulation_board_mixin import BOARD_DEPENDS, PROPOSAL_COUNTS, SUBMISSION_COUNTS
from .emulation_scorecard import SCORECARD_STATES


class EmulationYearBoardUnit(models.Model):
    """The year at a glance, one row per member unit of a plan: its reports
    filed on time, late or missing, its scorecard's step, its proposals and
    their missing papers. Each count opens its records."""

    _name = "emulation.year.board.unit"
    _description = "The Year at a Glance, by Unit"
    _inherit = ["emulation.board.mixin"]
    _auto = False
    _order = "year desc, cluster_id, unit_name, id"
    _rec_name = "partner_id"
    _depends = dict(
        BOARD_DEPENDS,
        **{
            "res.partner": ["name"],
            "emulation.cluster.membership": ["cluster_id", "partner_id"],
        },
    )

    partner_id = fields.Many2one("res.partner", "Member Unit", readonly=True)
    unit_name = fields.Char(readonly=True)
    scorecard_id = fields.Many2one("emulation.scorecard", "Scorecard", readonly=True)
    scorecard_state = fields.Selection(
        SCORECARD_STATES, "Scorecard Step", readonly=True
    )

    @property
    def _table_query(self):
        # a row's id: the unit's membership of the plan's cluster and the
        # plan's year (one plan per cluster and year), so that it keeps its
        # id however the data change and fits XML-RPC's 32-bit integers
        return SQL(
            """
            SELECT (SELECT min(ms.id) FROM emulation_cluster_membership ms
                     WHERE ms.cluster_id = p.cluster_id
                       AND ms.partner_id = m.partner_id) * 256 + mod(p.year, 256)
                       AS id,
                   m.plan_id, p.cluster_id, p.year, p.state AS plan_state,
                   m.partner_id, rp.name AS unit_name,
                   s.report_on_time, s.report_late, s.report_missing,
                   s.report_to_review,
                   c.id AS scorecard_id, c.state AS scorecard_state,
                   a.proposal_count, a.proposal_missing, a.proposal_pending,
                   a.proposal_approved, a.proposal_rejected
              FROM emulation_plan_member_unit_rel m
              JOIN emulation_plan p ON p.id = m.plan_id AND p.active
              JOIN res_partner rp ON rp.id = m.partner_id
              CROSS JOIN LATERAL (
                  SELECT %(submission_counts)s FROM emulation_submission s
                   WHERE s.plan_id = m.plan_id AND s.partner_id = m.partner_id
                     AND s.active) s
              CROSS JOIN LATERAL (
                  SELECT %(proposal_counts)s FROM emulation_award_proposal a
                   WHERE a.plan_id = m.plan_id AND a.partner_id = m.partner_id
                     AND a.active) a
              LEFT JOIN emulation_scorecard c
                ON c.plan_id = m.plan_id AND c.partner_id = m.partner_id
               AND c.active
            """,
            submission_counts=SUBMISSION_COUNTS,
            proposal_counts=PROPOSAL_COUNTS,
        )

    def _board_domain(self):
        return super()._board_domain() + [("partner_id", "=", self.partner_id.id)]

    def action_open_scorecard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "emulation.scorecard",
            "res_id": self.scorecard_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
