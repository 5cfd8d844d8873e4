# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools.common import CHANNEL_SELECTION, parent_field


class EmulationSubmissionRound(models.Model):
    """One filing of a submission and the secretariat's decision on it; a
    returned submission filed again starts a new round, so the history of
    files and reasons is kept."""

    _name = "emulation.submission.round"
    _description = "Submission Round"
    _order = "submission_id, number"

    submission_id = parent_field("emulation.submission")
    partner_id = fields.Many2one(
        related="submission_id.partner_id", store=True, index=True
    )
    cluster_id = fields.Many2one(
        related="submission_id.cluster_id", store=True, index=True
    )
    number = fields.Integer("Round", required=True, default=1)
    is_correction = fields.Boolean(
        "Correction",
        help="Filed again after a return: judged by the correction's own "
        "deadline, not the unit's lateness.",
    )
    date_filed = fields.Datetime("Filed On", required=True)
    filed_by_id = fields.Many2one("res.users", "Filed By")
    channel = fields.Selection(CHANNEL_SELECTION, "Received By", default="online")
    date_received = fields.Date("Received On")
    deadline = fields.Date(
        "Deadline Applied",
        help="The deadline in force when this round was filed: its lateness "
        "was judged by it, whatever the deadline became afterwards.",
    )
    cover_note = fields.Text()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "emulation_submission_round_attachment_rel",
        "round_id",
        "attachment_id",
        "Files",
    )
    is_late = fields.Boolean("Late")
    late_days = fields.Integer("Days Late")
    decision = fields.Selection(
        [
            ("pending", "Pending"),
            ("accepted", "Accepted"),
            ("returned", "Returned"),
            ("recalled", "Recalled by the Unit"),
        ],
        default="pending",
        required=True,
    )
    reason = fields.Text(help="Why the filing was returned, or recalled by the unit.")
    reviewer_id = fields.Many2one(
        "res.users",
        "Decided By",
        help="The reviewer, or the officer who recalled the filing.",
    )
    date_decision = fields.Datetime("Decided On")

    @api.depends("submission_id", "number")
    def _compute_display_name(self):
        for round_ in self:
            round_.display_name = self.env._(
                "%(submission)s, round %(number)s",
                submission=round_.submission_id.display_name,
                number=round_.number,
            )
