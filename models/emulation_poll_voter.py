# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class EmulationPollVoter(models.Model):
    """A member unit entitled to vote in a poll, present or absent (an
    absent member may send a written vote when the rule allows it)."""

    _name = "emulation.poll.voter"
    _description = "Poll Voter"
    _inherit = ["emulation.workflow.mixin"]
    _order = "poll_id, partner_id"
    _rec_name = "partner_id"

    _edit_groups = {
        "line": {
            "fields": ("partner_id", "attendance"),
            "parent": ("poll_id", "attendance"),
        }
    }
    _edit_create_fields = ("poll_id",)

    poll_id = fields.Many2one(
        comodel_name="emulation.poll",
        string="Poll",
        required=True,
        ondelete="cascade",
        index=True,
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Member Unit",
        required=True,
        index=True,
        domain=[("is_company", "=", True)],
    )
    attendance = fields.Selection(
        selection=[("present", "Present"), ("absent", "Absent")],
        required=True,
        default="present",
    )

    _sql_constraints = [
        (
            "poll_partner_uniq",
            "unique(poll_id, partner_id)",
            "This unit is already a voter of the poll.",
        ),
    ]
