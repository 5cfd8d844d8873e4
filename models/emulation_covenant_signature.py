# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class EmulationCovenantSignature(models.Model):
    """The signature of one member unit on the covenant."""

    _name = "emulation.covenant.signature"
    _description = "Covenant Signature"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "covenant_id, sequence, id"

    covenant_id = fields.Many2one(
        comodel_name="emulation.covenant",
        string="Covenant",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    cluster_id = fields.Many2one(
        related="covenant_id.cluster_id", store=True, index=True, string="Cluster"
    )
    year = fields.Integer(related="covenant_id.year", store=True)
    covenant_state = fields.Selection(
        related="covenant_id.state", string="Covenant Status"
    )
    signature_deadline = fields.Date(related="covenant_id.signature_deadline")
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Member Unit",
        required=True,
        index=True,
        readonly=True,
        ondelete="restrict",
    )
    unit_name = fields.Char(
        string="Name as Member",
        help="Name of the unit when it signed, as printed on the covenant.",
    )
    state = fields.Selection(
        selection=[
            ("waiting", "Waiting"),
            ("signed", "Signed"),
            ("refused", "Refused"),
        ],
        default="waiting",
        required=True,
        index=True,
        tracking=True,
        readonly=True,
    )
    signer_name = fields.Char(string="Signed By", tracking=True)
    signer_title = fields.Char(string="Signer's Title", tracking=True)
    date_signed = fields.Date(string="Signature Date", tracking=True)
    signed_copy = fields.Binary(attachment=True, copy=False)
    signed_copy_filename = fields.Char(string="Signed Copy File Name")
    refusal_reason = fields.Text(tracking=True)
    channel = fields.Selection(
        selection=[
            ("online", "Signed by the Unit"),
            ("paper", "Registered by the Secretariat"),
        ],
        string="Registered As",
        readonly=True,
        help="Whether the unit signed here itself, or the secretariat "
        "registered a signature that arrived on paper or by e-mail.",
    )
    registered_by_id = fields.Many2one(
        comodel_name="res.users", string="Registered By", readonly=True
    )
    reminder_date = fields.Date(
        string="Reminded On",
        readonly=True,
        copy=False,
        index=True,
        help="Date the unit was reminded to sign; a unit is reminded once.",
    )

    _sql_constraints = [
        (
            "covenant_partner_uniq",
            "unique(covenant_id, partner_id)",
            "A member unit signs a covenant only once.",
        ),
    ]

    @api.depends("partner_id", "unit_name", "covenant_id")
    def _compute_display_name(self):
        for line in self:
            line.display_name = (
                f"{line.unit_name or line.partner_id.name} – {line.covenant_id.name}"
            )

    # fields only the transitions (action_*) change
    _TRANSITION_FIELDS = {
        "state",
        "channel",
        "registered_by_id",
        "covenant_id",
        "partner_id",
        "reminder_date",
    }

    def write(self, vals):
        if not self.env.context.get("emulation_signature_transition"):
            self._check_can_edit(vals)
        return super().write(vals)

    def _check_can_edit(self, vals):
        """Unit officers fill in their waiting line; what it says once
        answered, and its status, only change through the buttons."""
        if self.env.su:
            return
        if self._TRANSITION_FIELDS & set(vals):
            raise UserError(
                self.env._("Use the Sign or Refuse buttons to answer on the covenant.")
            )
        if self.env.user.has_group("emulation_cluster.group_secretariat"):
            return
        answered = self.filtered(lambda line: line.state != "waiting")
        if answered and {
            "signer_name",
            "signer_title",
            "date_signed",
            "signed_copy",
            "refusal_reason",
        } & set(vals):
            raise UserError(
                self.env._(
                    "The answer of %(unit)s is registered and can no longer change.",
                    unit=answered[0].unit_name or answered[0].partner_id.name,
                )
            )

    # ------------------------------------------------------------------
    # Who may sign
    # ------------------------------------------------------------------
    def _is_secretariat_of(self, cluster):
        return self.env.su or cluster._is_served_by(self.env.user)

    def _check_can_act(self):
        """A unit officer acts for his own unit only; the secretariat of the
        cluster (and managers) for any unit, e.g. a signature on paper.
        Checked on sudo data so that the refusal is explained instead of
        hidden behind an access error."""
        user_unit = self.env.user.emulation_unit_id
        for line in self.sudo():
            if line.partner_id == user_unit or self._is_secretariat_of(line.cluster_id):
                continue
            raise UserError(
                self.env._(
                    "You can only sign for your own unit: %(unit)s is not "
                    "your unit.",
                    unit=line.unit_name or line.partner_id.name,
                )
            )

    def _check_signable(self):
        for line in self.sudo():
            covenant = line.covenant_id
            if covenant.state != "signing":
                raise UserError(
                    self.env._(
                        "The covenant %(covenant)s is not out for signature.",
                        covenant=covenant.name,
                    )
                )
            if line.state != "waiting":
                raise UserError(
                    self.env._(
                        "%(unit)s has already answered on this covenant.",
                        unit=line.unit_name or line.partner_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    def action_sign(self):
        """Register the signature with the signer and date entered on the
        line (today when empty)."""
        self._check_can_act()
        self._check_signable()
        today = fields.Date.context_today(self)
        user_unit = self.env.user.emulation_unit_id
        for line in self:
            date_signed = line.date_signed or today
            if not (line.signer_name or line.signer_title):
                raise UserError(
                    self.env._(
                        "Enter who signed for %(unit)s (name or title).",
                        unit=line.unit_name or line.partner_id.name,
                    )
                )
            date_sent = line.sudo().covenant_id.date_sent
            if date_sent and date_signed < date_sent:
                raise UserError(
                    self.env._(
                        "The signature of %(unit)s cannot be dated "
                        "%(date)s, before the covenant was sent for signature "
                        "(%(sent)s).",
                        unit=line.unit_name or line.partner_id.name,
                        date=date_signed.strftime("%d/%m/%Y"),
                        sent=date_sent.strftime("%d/%m/%Y"),
                    )
                )
            if date_signed > today:
                raise UserError(
                    self.env._("A signature cannot be dated in the future.")
                )
        for line in self:
            line.with_context(emulation_signature_transition=True).write(
                {
                    "state": "signed",
                    "date_signed": line.date_signed or today,
                    "channel": "online" if line.partner_id == user_unit else "paper",
                    "registered_by_id": self.env.user.id,
                }
            )
        self._close_reminders(self.env._("Signed."))
        # the last signature puts the covenant in force, whoever gives it
        self.sudo().covenant_id._put_in_force_if_signed()
        return True

    def action_refuse(self):
        self._check_can_act()
        self._check_signable()
        missing = self.filtered(lambda line: not (line.refusal_reason or "").strip())
        if missing:
            raise UserError(
                self.env._(
                    "Give the reason why %(unit)s refuses to sign.",
                    unit=missing[0].unit_name or missing[0].partner_id.name,
                )
            )
        self.with_context(emulation_signature_transition=True).write(
            {
                "state": "refused",
                "date_signed": False,
                "registered_by_id": self.env.user.id,
            }
        )
        self._close_reminders(self.env._("Refused."))
        return True

    def action_reset_to_waiting(self):
        """The secretariat reopens a refused line (e.g. after discussion)."""
        for line in self.sudo():
            if not self._is_secretariat_of(line.cluster_id):
                raise UserError(
                    self.env._("Only the cluster secretariat can reopen a signature.")
                )
            if line.state != "refused" or line.covenant_id.state != "signing":
                raise UserError(
                    self.env._(
                        "Only a refused signature of a covenant out for "
                        "signature can be reopened."
                    )
                )
        self.with_context(emulation_signature_transition=True).write(
            {"state": "waiting", "refusal_reason": False}
        )
        return True

    # ------------------------------------------------------------------
    # Reminders
    # ------------------------------------------------------------------
    def _get_reminder_recipients(self):
        """{line id: users to remind}: the unit's officers, else the cluster
        secretariat, else the covenant's responsible. One query for all."""
        officer_group = self.env.ref("emulation_cluster.group_unit_officer")
        officers = self.env["res.users"].search(
            [
                ("partner_id.commercial_partner_id", "in", self.partner_id.ids),
                ("groups_id", "in", officer_group.id),
                ("share", "=", False),
            ]
        )
        by_unit = {}
        for user in officers:
            unit = user.partner_id.commercial_partner_id
            by_unit[unit.id] = by_unit.get(unit.id, self.env["res.users"]) | user
        return {
            line.id: by_unit.get(line.partner_id.id)
            or line.cluster_id.secretariat_user_ids
            or line.covenant_id.user_id
            for line in self
        }

    def _create_reminder_activities(self):
        if not self:
            return self.env["mail.activity"]
        activity_type = self.env.ref(
            "emulation_cluster.mail_activity_type_covenant_signature"
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        recipients = self._get_reminder_recipients()
        vals_list = []
        for line in self:
            for user in recipients[line.id]:
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": line.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        "date_deadline": line.covenant_id.signature_deadline,
                        "summary": self.env._(
                            "Sign the covenant %(covenant)s for %(unit)s",
                            covenant=line.covenant_id.name,
                            unit=line.unit_name or line.partner_id.name,
                        ),
                    }
                )
        activities = self.env["mail.activity"].create(vals_list)
        self.with_context(emulation_signature_transition=True).write(
            {"reminder_date": fields.Date.context_today(self)}
        )
        return activities

    def _close_reminders(self, feedback):
        activity_type = self.env.ref(
            "emulation_cluster.mail_activity_type_covenant_signature"
        )
        reminders = self.sudo().activity_ids.filtered(
            lambda activity: activity.activity_type_id == activity_type
        )
        if reminders:
            reminders.action_feedback(feedback=feedback)
