# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class EmulationPlanAdjustmentWizard(models.TransientModel):
    """The leader proposes an adjustment of an issued plan; the deputy unit
    agrees in Odoo (it is asked by an activity), or the secretariat records
    its written consent with the document, or a manager agrees."""

    _name = "emulation.plan.adjustment.wizard"
    _description = "Plan Adjustment"

    plan_id = fields.Many2one("emulation.plan", required=True, ondelete="cascade")
    deputy_id = fields.Many2one(related="plan_id.deputy_id")
    description = fields.Text("What Changes", required=True)
    consent_mode = fields.Selection(
        [
            ("deputy_user", "Ask the Deputy Unit in Odoo"),
            ("document", "The Deputy Unit Agreed in Writing"),
            ("manager", "I Agree as a Manager"),
        ],
        "Deputy's Consent",
        required=True,
        default="deputy_user",
    )
    agreed_date = fields.Date("Agreed On", default=fields.Date.context_today)
    agreement_document_id = fields.Many2one(
        "emulation.document",
        "Agreement Document",
        help="The deputy unit's written consent.",
    )
    is_manager = fields.Boolean(compute="_compute_is_manager")

    @api.depends_context("uid")
    def _compute_is_manager(self):
        for wizard in self:
            wizard.is_manager = self.env.user.has_group(
                "emulation_cluster.group_manager"
            )

    def _check_proposer(self):
        """The leader unit's staff (or a manager) proposes adjustments."""
        plan = self.plan_id
        plan._check_transition(("issued",), ("secretariat",), self.env._("adjusted"))
        if self.env.user.has_group("emulation_cluster.group_manager"):
            return
        if self.env.user.partner_id.commercial_partner_id != plan.leader_id:
            raise UserError(
                self.env._(
                    "Only the leader unit %(unit)s can propose an adjustment "
                    "of its plan.",
                    unit=plan.leader_id.display_name,
                )
            )

    def action_confirm(self):
        self.ensure_one()
        plan = self.plan_id
        self._check_proposer()
        if plan.adjustment_in_progress or plan.sudo().revision_ids.filtered(
            lambda revision: revision.state == "proposed"
        ):
            raise UserError(
                self.env._("Finish the adjustment in progress before a new one.")
            )
        if self.consent_mode == "manager" and not self.is_manager:
            raise UserError(self.env._("Only a manager can agree as a manager."))
        if self.consent_mode == "document" and not self.agreement_document_id:
            raise UserError(
                self.env._("Give the document by which the deputy unit agreed.")
            )
        self.env["emulation.plan.revision"]._propose(
            plan,
            self.description,
            self.consent_mode,
            document=self.agreement_document_id,
            agreed_date=self.agreed_date,
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "emulation.plan",
            "res_id": plan.id,
            "view_mode": "form",
            "target": "current",
        }
