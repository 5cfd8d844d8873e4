# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.common import CHANNEL_SELECTION
from .emulation_reminder_log import CRON_BATCH_SIZE
from .emulation_workflow_mixin import state_field


class EmulationCovenantSignature(models.Model):
    """The signature of one member unit on the covenant."""

    _name = "emulation.covenant.signature"
    _description = "Covenant Signature"
    _inherit = [
        "emulation.workflow.mixin",
        "emulation.covenant.line.mixin",
        "emulation.notification.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "covenant_id, sequence, id"

    # the unit (or the secretariat from a paper) fills in its waiting line;
    # once answered, the line is kept as it was answered
    _edit_groups = {
        "answer": {
            "fields": (
                "signer_name",
                "signer_title",
                "date_signed",
                "signed_copy",
                "signed_copy_filename",
                "refusal_reason",
            ),
            "roles": {"owner": ("waiting",), "secretariat": ("waiting",)},
            "closed_if": "_get_signing_closed_reason",
        },
    }
    _allowed_moves = {"waiting": ("signed", "refused"), "refused": ("waiting",)}

    covenant_id = fields.Many2one(readonly=True)
    cluster_id = fields.Many2one(
        related="covenant_id.cluster_id", store=True, index=True, string="Cluster"
    )
    year = fields.Integer(related="covenant_id.year", store=True)
    covenant_state = fields.Selection(
        related="covenant_id.state", string="Covenant Status"
    )
    signature_deadline = fields.Date(related="covenant_id.signature_deadline")
    sequence = fields.Integer(default=10, readonly=True)
    partner_id = fields.Many2one(
        "res.partner",
        "Member Unit",
        required=True,
        index=True,
        readonly=True,
        ondelete="restrict",
    )
    unit_name = fields.Char(
        "Name as Member",
        readonly=True,
        help="Name of the unit when the covenant was sent, as printed on it.",
    )
    state = state_field(
        [
            ("waiting", "Waiting"),
            ("signed", "Signed"),
            ("refused", "Refused"),
        ],
    )
    signer_name = fields.Char("Signed By", tracking=True)
    signer_title = fields.Char("Signer's Title", tracking=True)
    date_signed = fields.Date("Signature Date", tracking=True)
    signed_copy = fields.Binary(attachment=True, copy=False)
    signed_copy_filename = fields.Char("Signed Copy File Name")
    refusal_reason = fields.Text(tracking=True)
    channel = fields.Selection(
        CHANNEL_SELECTION,
        "Received By",
        readonly=True,
        help="Online: the unit signed here itself. Otherwise the secretariat "
        "registered a signature that arrived on paper or by e-mail.",
    )
    registered_by_id = fields.Many2one("res.users", "Registered By", readonly=True)

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

    def _get_signing_closed_reason(self):
        if self.covenant_id.state != "signing":
            return self.env._("the covenant is not out for signature")
        return ""

    def _get_edit_cluster(self):
        return self.covenant_id.cluster_id

    # ------------------------------------------------------------------
    # Transitions
    # ------------------------------------------------------------------
    def _check_signable(self):
        for line in self.sudo():
            if line.covenant_id.state != "signing":
                raise UserError(
                    self.env._(
                        "The covenant %(covenant)s is not out for signature.",
                        covenant=line.covenant_id.name,
                    )
                )

    def action_sign(self):
        """Register the signature with the signer and date entered on the
        line (today when empty): a unit officer for his own unit, the
        secretariat for any unit (a signature that came on paper)."""
        self._check_transition(
            ("waiting",), ("owner", "secretariat"), self.env._("signed")
        )
        self._check_signable()
        today = fields.Date.context_today(self)
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
            line._write_transition(
                {
                    "state": "signed",
                    "date_signed": line.date_signed or today,
                    "channel": "online" if line._has_role("owner") else "paper",
                    "registered_by_id": self.env.user.id,
                }
            )
        self._close_activities(
            ["emulation_cluster.mail_activity_type_covenant_signature"],
            feedback=self.env._("Signed."),
        )
        # the last signature puts the covenant in force, whoever gives it
        self.sudo().covenant_id._put_in_force_if_signed()
        return True

    def action_refuse(self):
        self._check_transition(
            ("waiting",), ("owner", "secretariat"), self.env._("refused")
        )
        self._check_signable()
        missing = self.filtered(lambda line: not (line.refusal_reason or "").strip())
        if missing:
            raise UserError(
                self.env._(
                    "Give the reason why %(unit)s refuses to sign.",
                    unit=missing[0].unit_name or missing[0].partner_id.name,
                )
            )
        self._write_transition(
            {
                "state": "refused",
                "date_signed": False,
                "registered_by_id": self.env.user.id,
            }
        )
        self._close_activities(
            ["emulation_cluster.mail_activity_type_covenant_signature"],
            feedback=self.env._("Refused."),
        )
        return True

    def action_reset_to_waiting(self):
        """The secretariat reopens a refused line (e.g. after discussion)."""
        self._check_transition(("refused",), ("secretariat",), self.env._("reopened"))
        self._check_signable()
        self._write_transition({"state": "waiting", "refusal_reason": False})
        return True

    # ------------------------------------------------------------------
    # reminders
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_signature_reminders(self, batch_size=CRON_BATCH_SIZE):
        """Remind the units that have not signed by the signature deadline:
        one activity per waiting line and recipient (the unit's officers,
        else the cluster secretariat, else the covenant's responsible),
        never twice. Returns the lines reminded."""
        due = SQL(
            """
            SELECT s.id AS res_id, 0 AS offset_days, c.cluster_id,
                   s.partner_id AS unit_id
              FROM emulation_covenant_signature s
              JOIN emulation_covenant c ON c.id = s.covenant_id
             WHERE s.state = 'waiting' AND c.state = 'signing' AND c.active
               AND c.signature_deadline <= %(today)s::date
            """,
            today=fields.Date.context_today(self),
        )
        sent = self.env["emulation.reminder.log"]._run_pass(
            "signature",
            [("signature", self._name, due, self._send_signature_reminders)],
            batch_size,
        )
        return sent[0] if sent else self.browse()

    @api.model
    def _send_signature_reminders(self, lines, offsets=None):
        recipients = self._get_unit_recipients(lines)
        self._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_covenant_signature"),
            [
                (
                    line,
                    recipients[line] or line.covenant_id.user_id,
                    line.covenant_id.signature_deadline,
                )
                for line in lines
            ],
            lambda line: {
                "summary": line.env._(
                    "Sign the covenant %(covenant)s for %(unit)s",
                    covenant=line.covenant_id.name,
                    unit=line.unit_name or line.partner_id.name,
                )
            },
        )
