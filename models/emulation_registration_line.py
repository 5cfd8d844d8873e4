# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .emulation_registration import REGISTRATION_STATES


class EmulationRegistrationLine(models.Model):
    """One title or award a unit aims at, for itself or for a person."""

    _name = "emulation.registration.line"
    _description = "Emulation Registration Line"
    _inherit = ["emulation.workflow.mixin"]
    _order = "registration_id, sequence, id"
    _rec_name = "award_name"

    _edit_groups = {
        "line": {
            "fields": (
                "sequence",
                "beneficiary_kind",
                "individual_name",
                "individual_position",
                "award_name",
                "target",
                "note",
            ),
            "parent": ("registration_id", "content"),
        }
    }
    _edit_create_fields = ("registration_id",)

    registration_id = fields.Many2one(
        comodel_name="emulation.registration",
        string="Registration",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        related="registration_id.partner_id",
        store=True,
        index=True,
        string="Member Unit",
    )
    plan_id = fields.Many2one(
        related="registration_id.plan_id",
        store=True,
        index=True,
        string="Activity Plan",
    )
    cluster_id = fields.Many2one(
        related="registration_id.cluster_id", store=True, string="Cluster"
    )
    year = fields.Integer(related="registration_id.year", store=True)
    # computed rather than related: exports print a related selection's
    # technical value, not its label
    state = fields.Selection(
        selection=REGISTRATION_STATES,
        compute="_compute_state",
        store=True,
        index=True,
        string="Registration Status",
    )
    beneficiary_kind = fields.Selection(
        selection=[("collective", "Collective"), ("individual", "Individual")],
        string="Beneficiary",
        required=True,
        default="collective",
    )
    individual_name = fields.Char(
        string="Individual",
        help="Full name of the person, for an individual title.",
    )
    individual_position = fields.Char(
        string="Position", help="Position or job of the person."
    )
    award_name = fields.Char(
        string="Title or Award Aimed At",
        required=True,
        help='E.g. "Cờ thi đua của Bộ Nội vụ", "Chiến sĩ thi đua cơ sở".',
    )
    target = fields.Char(help="Target the unit commits to for this title.")
    note = fields.Char()

    @api.depends("registration_id.state")
    def _compute_state(self):
        for line in self:
            line.state = line.registration_id.state

    @api.depends("award_name", "beneficiary_kind", "individual_name", "partner_id")
    def _compute_display_name(self):
        for line in self:
            who = (
                line.individual_name
                if line.beneficiary_kind == "individual"
                else line.partner_id.name
            )
            line.display_name = f"{line.award_name or ''} – {who or ''}"

    @api.constrains("beneficiary_kind", "individual_name")
    def _check_individual_name(self):
        for line in self:
            if (
                line.beneficiary_kind == "individual"
                and not (line.individual_name or "").strip()
            ):
                raise ValidationError(
                    self.env._("Name the person an individual title is registered for.")
                )
