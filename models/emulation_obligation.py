# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .emulation_document import format_vn_short_date


class EmulationObligation(models.Model):
    """A reporting obligation of a plan (chế độ báo cáo): what must be sent,
    by whom, to whom and by which deadline."""

    _name = "emulation.obligation"
    _description = "Reporting Obligation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "plan_id, sequence, deadline, id"

    name = fields.Char(string="What Must Be Sent", required=True, tracking=True)
    sequence = fields.Integer(default=10)
    plan_id = fields.Many2one(
        comodel_name="emulation.plan",
        required=True,
        ondelete="cascade",
        index=True,
    )
    cluster_id = fields.Many2one(related="plan_id.cluster_id", store=True, index=True)
    kind = fields.Selection(
        selection=[
            ("mid_year_report", "6-Month Report"),
            ("annual_report", "Annual Report and Next-Year Directions"),
            ("self_scoring", "Self-Scoring Table"),
            ("award_dossier", "Award Dossier"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
        tracking=True,
    )
    deadline = fields.Date(index=True, tracking=True)
    recipient_id = fields.Many2one(
        comodel_name="res.partner",
        string="Send To",
        compute="_compute_recipient_id",
        store=True,
        readonly=False,
        help="Unit that receives the reports, by default the leader unit.",
    )
    address = fields.Char(
        string="Postal Address",
        compute="_compute_recipient_contact",
        store=True,
        readonly=False,
    )
    email = fields.Char(
        string="E-mail",
        compute="_compute_recipient_contact",
        store=True,
        readonly=False,
    )
    unit_ids = fields.Many2many(
        comodel_name="res.partner",
        relation="emulation_obligation_unit_rel",
        column1="obligation_id",
        column2="partner_id",
        string="Units That Must Send",
        help="Leave empty when every member unit must send.",
    )
    note = fields.Char(
        string="Rule",
        help="How it is sent when there is no single deadline, e.g. "
        '"thực hiện theo quy định tại Công văn số 462/BNV-VP ...".',
    )
    document_id = fields.Many2one(
        comodel_name="emulation.document",
        string="Governing Document",
        help="Document that sets the obligation's rules.",
    )
    state = fields.Selection(
        selection=[("open", "Open"), ("cancelled", "Cancelled")],
        default="open",
        required=True,
        index=True,
        tracking=True,
    )
    active = fields.Boolean(default=True)

    # --- core rules (plan engineer) ---------------------------------------
    @api.depends("plan_id.leader_id")
    def _compute_recipient_id(self):
        for obligation in self:
            if not obligation.recipient_id:
                obligation.recipient_id = obligation.plan_id.leader_id

    @api.depends("recipient_id")
    def _compute_recipient_contact(self):
        for obligation in self:
            recipient = obligation.recipient_id
            parts = [recipient.street, recipient.street2, recipient.city]
            obligation.address = ", ".join(part for part in parts if part) or False
            obligation.email = recipient.email or False

    @api.constrains("deadline", "plan_id")
    def _check_deadline(self):
        for obligation in self:
            plan = obligation.plan_id
            if not obligation.deadline or not plan:
                continue
            start = plan.issue_date or date(plan.year, 1, 1)
            if obligation.deadline < start or obligation.deadline.year > plan.year:
                raise ValidationError(
                    self.env._(
                        "The deadline of %(obligation)s must fall between the "
                        "plan's date (%(start)s) and the end of %(year)s.",
                        obligation=obligation.name,
                        start=format_vn_short_date(start),
                        year=plan.year,
                    )
                )

    def _get_responsible_units(self):
        """Units that must send: those named, else every member at the
        deadline (or the plan's date)."""
        self.ensure_one()
        if self.unit_ids:
            return self.unit_ids
        plan = self.plan_id
        return plan.cluster_id._get_members_at(
            self.deadline or plan._get_reference_date()
        )

    def _get_plan_line(self, group=None):
        """The line the plan prints for these obligations (same deadline and
        recipient): "Báo cáo ... gửi về đơn vị Cụm trưởng trước ngày
        15/6/2020"."""
        obligations = group or [self]
        first = obligations[0]
        text = "; ".join(obligation.name for obligation in obligations)
        if first.deadline:
            role = first.plan_id._get_role_label(first.recipient_id)
            recipient = role or first.recipient_id.name
            if recipient:
                text += f" gửi về {recipient}"
            text += f" trước ngày {format_vn_short_date(first.deadline)}"
        if first.note:
            text += f" {first.note.strip()}"
        return text

    @api.ondelete(at_uninstall=False)
    def _unlink_if_plan_editable(self):
        self.plan_id._check_locked()
