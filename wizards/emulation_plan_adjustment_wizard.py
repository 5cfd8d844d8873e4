# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import fields, models
from odoo.exceptions import UserError

# Main fields of the plan kept as values in every revision.
SNAPSHOT_FIELDS = [
    "name",
    "number",
    "issue_date",
    "issue_place",
    "leader_id",
    "deputy_id",
    "purpose",
    "covenant_content",
    "campaign_content",
    "reporting_intro",
    "organisation",
    "distribution_list",
    "signer_title",
    "signer_name",
]


class EmulationPlanAdjustmentWizard(models.TransientModel):
    """Record an adjustment of an issued plan: the leader proposes, the
    deputy agrees. Confirming keeps the current version as a revision and
    opens the plan for edition."""

    _name = "emulation.plan.adjustment.wizard"
    _description = "Plan Adjustment"

    plan_id = fields.Many2one(
        comodel_name="emulation.plan", required=True, ondelete="cascade"
    )
    deputy_id = fields.Many2one(related="plan_id.deputy_id")
    description = fields.Text(string="What Changes", required=True)
    agreed_by_id = fields.Many2one(
        comodel_name="res.users",
        string="Agreed By",
        required=True,
        help="User of the deputy unit who agreed to the adjustment.",
    )
    agreed_date = fields.Date(
        string="Agreed On",
        required=True,
        default=fields.Date.context_today,
    )
    agreement_document_id = fields.Many2one(
        comodel_name="emulation.document",
        string="Agreement Document",
        help="Document by which the deputy agreed, if any.",
    )

    def _check_proposer(self):
        """The leader unit's staff (or a manager) proposes adjustments."""
        user = self.env.user
        if user.has_group("emulation_cluster.group_manager"):
            return
        if user.emulation_unit_id != self.plan_id.leader_id:
            raise UserError(
                self.env._(
                    "Only the leader unit %(unit)s can propose an adjustment "
                    "of its plan.",
                    unit=self.plan_id.leader_id.display_name,
                )
            )

    def _check_agreement(self):
        """Only the deputy unit's users or a manager agree."""
        agreeing = self.agreed_by_id
        if agreeing.has_group("emulation_cluster.group_manager"):
            return
        if not self.plan_id.deputy_id or (
            agreeing.emulation_unit_id != self.plan_id.deputy_id
        ):
            raise UserError(
                self.env._(
                    "%(user)s does not work for the deputy unit %(unit)s: "
                    "only the deputy unit (or a manager) can agree to an "
                    "adjustment.",
                    user=agreeing.display_name,
                    unit=self.plan_id.deputy_id.display_name,
                )
            )

    def _get_snapshot_values(self):
        plan = self.plan_id
        values = {}
        for name in SNAPSHOT_FIELDS:
            value = plan[name]
            if isinstance(value, models.BaseModel):
                value = value.display_name
            elif isinstance(value, date):
                value = fields.Date.to_string(value)
            values[name] = value or False
        values["legal_bases"] = [basis._get_report_text() for basis in plan.basis_ids]
        values["events"] = [
            {
                "name": event.name,
                "time": event.planned_time_text,
                "place": event.place,
                "state": event.state,
            }
            for event in plan.event_ids
        ]
        values["obligations"] = plan._get_report_obligation_lines()
        return values

    def _render_previous_version(self):
        html = self.env["ir.actions.report"]._render_qweb_html(
            "emulation_cluster.action_report_emulation_plan", self.plan_id.ids
        )[0]
        return html.decode() if isinstance(html, bytes) else html

    def _prepare_revision_values(self):
        plan = self.plan_id
        return {
            "plan_id": plan.id,
            "revision_number": plan.revision_number + 1,
            "description": self.description,
            "proposed_by_id": plan.leader_id.id,
            "proposed_user_id": self.env.user.id,
            "agreed_by_id": self.agreed_by_id.id,
            "agreed_unit_id": self.agreed_by_id.emulation_unit_id.id,
            "agreed_date": self.agreed_date,
            "agreement_document_id": self.agreement_document_id.id,
            "previous_number": plan.number,
            "previous_version_html": self._render_previous_version(),
            "previous_values": self._get_snapshot_values(),
        }

    def action_confirm(self):
        self.ensure_one()
        plan = self.plan_id
        if plan.state != "issued":
            raise UserError(self.env._("Only an issued plan can be adjusted."))
        if plan.adjustment_in_progress:
            raise UserError(
                self.env._("Finish the adjustment in progress before a new one.")
            )
        self._check_proposer()
        self._check_agreement()
        plan.check_access("write")
        revision = (
            self.env["emulation.plan.revision"]
            .sudo()
            .create(self._prepare_revision_values())
        )
        plan.write(
            {
                "revision_number": revision.revision_number,
                "adjustment_in_progress": True,
            }
        )
        plan.message_post(
            body=self.env._(
                "Adjustment %(number)s agreed by %(user)s on %(date)s: "
                "%(description)s",
                number=revision.revision_number,
                user=self.agreed_by_id.display_name,
                date=fields.Date.to_string(self.agreed_date),
                description=self.description,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "emulation.plan",
            "res_id": plan.id,
            "view_mode": "form",
            "target": "current",
        }
