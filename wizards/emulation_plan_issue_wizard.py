# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class EmulationPlanIssueWizard(models.TransientModel):
    """Confirms the issue of a plan that has what issuing needs: the plan's
    "Issue" button checks first, then opens this."""

    _name = "emulation.plan.issue.wizard"
    _description = "Issue the Plan"

    plan_id = fields.Many2one(
        "emulation.plan", "Plan", required=True, readonly=True, ondelete="cascade"
    )

    def action_issue(self):
        self.ensure_one()
        # the plan's own transition checks the user and the plan again
        self.plan_id.action_issue()
        return {"type": "ir.actions.act_window_close"}
