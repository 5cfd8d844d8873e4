# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class EmulationPlanConsultation(models.Model):
    """A member unit asked for its opinion on the draft plan."""

    _name = "emulation.plan.consultation"
    _description = "Plan Consultation"
    _inherit = [
        "emulation.workflow.mixin",
        "emulation.plan.bound.mixin",
        "emulation.member.unit.mixin",
        "emulation.period.mixin",
    ]
    _order = "plan_id, partner_id"

    _edit_groups = {
        "answer": {
            "fields": ("partner_id", "date_asked", "date_answered", "opinion"),
            "parent": ("plan_id", "consultation"),
        }
    }
    _edit_create_fields = ("plan_id",)
    _period_fields = ("date_asked", "date_answered")

    plan_id = fields.Many2one(ondelete="cascade")
    date_asked = fields.Date("Asked On")
    date_answered = fields.Date("Answered On")
    opinion = fields.Text()
    is_answered = fields.Boolean("Answered", compute="_compute_is_answered", store=True)

    _sql_constraints = [
        (
            "plan_partner_uniq",
            "unique(plan_id, partner_id)",
            "A unit is asked only once per plan.",
        ),
    ]

    @api.depends("date_answered")
    def _compute_is_answered(self):
        for line in self:
            line.is_answered = bool(line.date_answered)

    def _period_error(self):
        return self.env._(
            "%(unit)s cannot answer before it was asked.",
            unit=self.partner_id.display_name,
        )

    def write(self, vals):
        result = super().write(vals)
        if vals.get("date_answered"):
            self.plan_id._close_consultation_activities()
        return result
