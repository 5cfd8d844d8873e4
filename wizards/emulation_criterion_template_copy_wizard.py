# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import api, fields, models


class EmulationCriterionTemplateCopyWizard(models.TransientModel):
    """A plan's year takes its copy of a criteria template: by default the
    set the cluster scored against the year before, else the newest
    validated template in force on 1 January of the plan's year."""

    _name = "emulation.criterion.template.copy.wizard"
    _description = "Take Scoring Criteria for a Plan"

    plan_id = fields.Many2one("emulation.plan", "Plan", required=True, readonly=True)
    cluster_id = fields.Many2one(related="plan_id.cluster_id")
    template_id = fields.Many2one(
        "emulation.criterion.template",
        "Template",
        required=True,
        domain="[('state', '=', 'validated'), "
        "'|', ('cluster_id', '=', False), ('cluster_id', '=', cluster_id)]",
        default=lambda self: self._default_template(),
    )

    @api.model
    def _default_template(self):
        plan = self.env["emulation.plan"].browse(
            self.env.context.get("default_plan_id")
        )
        if not plan.exists():
            return False
        Template = self.env["emulation.criterion.template"]
        last_year = Template.search(
            [
                ("plan_id.cluster_id", "=", plan.cluster_id.id),
                ("plan_id.year", "=", plan.year - 1),
                ("state", "=", "validated"),
            ],
            limit=1,
        )
        if last_year:
            return last_year
        new_year = date(plan.year, 1, 1)
        return Template.search(
            [
                ("state", "=", "validated"),
                ("plan_id", "=", False),
                "|",
                ("cluster_id", "=", False),
                ("cluster_id", "=", plan.cluster_id.id),
                ("date_from", "<=", new_year),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", new_year),
            ],
            order="cluster_id, date_from desc, id desc",
            limit=1,
        )

    def action_confirm(self):
        self.ensure_one()
        new = self.template_id._copy_for_plan(self.plan_id)
        return new._get_form_view_action()
