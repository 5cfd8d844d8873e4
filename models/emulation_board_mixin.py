# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .emulation_plan import PLAN_STATES

# counts of the year's records, per plan, in one row each: the same
# conditions as BOARD_COUNTS below
SUBMISSION_COUNTS = SQL(
    """
    count(*) FILTER (WHERE s.state <> 'to_file' AND NOT coalesce(s.is_late, FALSE))
        AS report_on_time,
    count(*) FILTER (WHERE s.state <> 'to_file' AND s.is_late) AS report_late,
    count(*) FILTER (WHERE s.state = 'to_file' AND s.is_overdue) AS report_missing,
    count(*) FILTER (WHERE s.state IN ('filed', 'under_review')) AS report_to_review
    """
)
PROPOSAL_COUNTS = SQL(
    """
    count(*) AS proposal_count,
    count(*) FILTER (WHERE a.state = 'draft' AND a.missing_item_count > 0)
        AS proposal_missing,
    count(*) FILTER (WHERE a.state = 'submitted') AS proposal_pending,
    count(*) FILTER (WHERE a.state = 'approved') AS proposal_approved,
    count(*) FILTER (WHERE a.state = 'rejected') AS proposal_rejected
    """
)

# the columns read by both boards, flushed before their query runs
BOARD_DEPENDS = {
    "emulation.plan": ["active", "state", "year", "cluster_id", "member_unit_ids"],
    "emulation.submission": [
        "active",
        "state",
        "is_late",
        "is_overdue",
        "plan_id",
        "partner_id",
    ],
    "emulation.scorecard": ["active", "state", "plan_id", "partner_id"],
    "emulation.award.proposal": [
        "active",
        "state",
        "missing_item_count",
        "plan_id",
        "partner_id",
    ],
}

# count field: (model of its records, domain of what it counts). The boards'
# SQL counts exactly these records, so that a count always equals the number
# of records its click opens (a test holds the two together).
BOARD_COUNTS = {
    "report_on_time": (
        "emulation.submission",
        [("state", "!=", "to_file"), ("is_late", "=", False)],
    ),
    "report_late": (
        "emulation.submission",
        [("state", "!=", "to_file"), ("is_late", "=", True)],
    ),
    "report_missing": (
        "emulation.submission",
        [("state", "=", "to_file"), ("is_overdue", "=", True)],
    ),
    "report_to_review": (
        "emulation.submission",
        [("state", "in", ("filed", "under_review"))],
    ),
    "scorecard_draft": ("emulation.scorecard", [("state", "=", "draft")]),
    "scorecard_to_appraise": (
        "emulation.scorecard",
        [("state", "in", ("self_scored", "explained"))],
    ),
    "scorecard_appraised": (
        "emulation.scorecard",
        [("state", "in", ("appraised", "reappraised"))],
    ),
    "scorecard_agreed": ("emulation.scorecard", [("state", "=", "agreed")]),
    "proposal_count": ("emulation.award.proposal", []),
    "proposal_missing": (
        "emulation.award.proposal",
        [("state", "=", "draft"), ("missing_item_count", ">", 0)],
    ),
    "proposal_pending": ("emulation.award.proposal", [("state", "=", "submitted")]),
    "proposal_approved": ("emulation.award.proposal", [("state", "=", "approved")]),
    "proposal_rejected": ("emulation.award.proposal", [("state", "=", "rejected")]),
    "poll_open": ("emulation.poll", [("state", "!=", "closed")]),
    "poll_closed": ("emulation.poll", [("state", "=", "closed")]),
    "letter_draft": ("emulation.award.letter", [("state", "=", "draft")]),
    "letter_submitted": ("emulation.award.letter", [("state", "=", "submitted")]),
}


class EmulationBoardMixin(models.AbstractModel):
    """What the year boards share: the plan a row is of, the counts of its
    reports and proposals, and each count a link that opens the records it
    counts, through their own access rules."""

    _name = "emulation.board.mixin"
    _description = "Year Board (shared)"
    _inherit = ["emulation.plan.report.mixin"]

    plan_state = fields.Selection(PLAN_STATES, "Plan Status", readonly=True)
    report_on_time = fields.Integer("Reports Filed on Time", readonly=True)
    report_late = fields.Integer("Reports Filed Late", readonly=True)
    report_missing = fields.Integer("Reports Missing", readonly=True)
    report_to_review = fields.Integer("Reports to Review", readonly=True)
    proposal_count = fields.Integer("Proposals", readonly=True)
    proposal_missing = fields.Integer("Proposals Missing Papers", readonly=True)
    proposal_pending = fields.Integer("Before the Council", readonly=True)
    proposal_approved = fields.Integer("Approved", readonly=True)
    proposal_rejected = fields.Integer("Rejected", readonly=True)

    def _board_domain(self):
        """The records of this row: the plan's, or a unit's of the plan."""
        self.ensure_one()
        return [("plan_id", "=", self.plan_id.id)]

    def action_open_count(self):
        """Open the records behind the count named by the button's
        context key `board_count` (a choice of list, never a right: the
        records open through their own rules)."""
        self.ensure_one()
        key = self.env.context.get("board_count")
        if key not in BOARD_COUNTS or key not in self._fields:
            raise UserError(self.env._("There is no such count on the board."))
        model, domain = BOARD_COUNTS[key]
        return {
            "type": "ir.actions.act_window",
            "name": self._fields[key].get_description(self.env)["string"],
            "res_model": model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": self._board_domain() + domain,
            "context": {"create": False},
            "target": "current",
        }
