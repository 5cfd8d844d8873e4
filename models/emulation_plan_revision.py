# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from .emulation_workflow_mixin import state_field

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


class EmulationPlanRevision(models.Model):
    """An adjustment of an issued plan: proposed by the leader, agreed by the
    deputy unit. It keeps the version the adjustment replaced, readable as
    it was printed, and who agreed, how and when.

    The deputy's consent is given by a user of the deputy unit (an activity
    asks for it), or recorded by the secretariat from the deputy's written
    consent with its document (many deputies have no account), or given by
    a manager; each is recorded as such (``consent_mode``)."""

    _name = "emulation.plan.revision"
    _description = "Plan Revision"
    _inherit = [
        "emulation.workflow.mixin",
        "emulation.plan.bound.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "plan_id, revision_number desc"
    _rec_name = "revision_number"

    _edit_groups = {
        "answer": {
            "fields": ("refusal_reason",),
            "roles": {"owner": ("proposed",), "manager": ("proposed",)},
        }
    }
    _allowed_moves = {"proposed": ("agreed", "refused")}

    plan_id = fields.Many2one(ondelete="cascade", readonly=True)
    revision_number = fields.Integer(
        "Revision", required=True, readonly=True, aggregator=False
    )
    state = state_field(
        [
            ("proposed", "Awaiting the Deputy's Consent"),
            ("agreed", "Agreed"),
            ("refused", "Refused"),
        ],
        index=False,
    )
    description = fields.Text("What Changes", required=True, readonly=True)
    proposed_by_id = fields.Many2one(
        "res.partner",
        "Proposed By",
        readonly=True,
        help="Leader unit that proposed the adjustment.",
    )
    proposed_user_id = fields.Many2one("res.users", "Recorded By", readonly=True)
    deputy_id = fields.Many2one("res.partner", "Deputy Unit", readonly=True)
    consent_mode = fields.Selection(
        [
            ("deputy_user", "Given by the Deputy Unit in Odoo"),
            ("document", "Written Consent Recorded by the Secretariat"),
            ("manager", "Given by a Manager"),
        ],
        "Consent",
        readonly=True,
    )
    agreed_by_id = fields.Many2one(
        "res.users",
        "Agreed By",
        readonly=True,
        help="User who gave or recorded the consent.",
    )
    agreed_unit_id = fields.Many2one("res.partner", "Agreeing Unit", readonly=True)
    agreed_date = fields.Date("Agreed On", readonly=True)
    agreement_document_id = fields.Many2one(
        "emulation.document", "Agreement Document", readonly=True
    )
    refusal_reason = fields.Text(
        help="Why the deputy unit refuses (required to refuse)."
    )
    previous_number = fields.Char("Previous Number-Symbol", readonly=True)
    previous_version_html = fields.Html(
        "Previous Version",
        sanitize=False,
        readonly=True,
        help="The plan as it was printed before this adjustment.",
    )
    previous_values = fields.Json(
        readonly=True,
        help="Main fields of the plan before this adjustment.",
    )
    can_consent = fields.Boolean(compute="_compute_can_consent")

    def _compute_display_name(self):
        for revision in self:
            revision.display_name = self.env._(
                "%(plan)s – revision %(number)s",
                plan=revision.plan_id.display_name,
                number=revision.revision_number,
            )

    @api.depends_context("uid")
    @api.depends("state", "deputy_id")
    def _compute_can_consent(self):
        for revision in self:
            revision.can_consent = revision.state == "proposed" and (
                revision._is_deputy_user()
                or self.env.user.has_group("emulation_cluster.group_manager")
            )

    def _get_owner_unit(self):
        return self.deputy_id

    def _is_deputy_user(self, user=None):
        self.ensure_one()
        return self._has_role("owner", user)

    # ------------------------------------------------------------------
    # proposal
    # ------------------------------------------------------------------
    @api.model
    def _propose(
        self, plan, description, consent_mode, document=None, agreed_date=None
    ):
        """Record the leader's proposal; with the deputy's written consent
        (or a manager's), agree at once, else ask the deputy unit."""
        revision = self.sudo().create(
            {
                "plan_id": plan.id,
                "revision_number": plan.revision_number + 1,
                "description": description,
                "proposed_by_id": plan.leader_id.id,
                "proposed_user_id": self.env.user.id,
                "deputy_id": plan.deputy_id.id,
                "previous_number": plan.number,
            }
        )
        revision = revision.with_env(self.env)
        if consent_mode == "deputy_user":
            revision._ask_deputy()
        else:
            revision._agree(consent_mode, document, agreed_date)
        return revision

    def _ask_deputy(self):
        """The deputy unit's officers get an activity asking for consent."""
        Log = self.env["emulation.reminder.log"]
        for revision in self.sudo():
            officers = Log._get_unit_officers(revision.deputy_id).get(
                revision.deputy_id
            )
            if not officers:
                raise UserError(
                    self.env._(
                        "The deputy unit %(unit)s has no user: record its "
                        "written consent with its document instead.",
                        unit=revision.deputy_id.name,
                    )
                )
            Log._schedule_activities(
                self.env.ref("mail.mail_activity_data_todo"),
                [(revision, officers, fields.Date.context_today(self))],
                lambda rev: {
                    "summary": rev.env._(
                        "Agree to the adjustment of %(plan)s",
                        plan=rev.plan_id.display_name,
                    ),
                    "note": Markup("<p>%s</p>") % rev.description,
                },
            )

    # ------------------------------------------------------------------
    # consent
    # ------------------------------------------------------------------
    def action_agree(self):
        """The deputy unit (or a manager) agrees: the plan opens for the
        adjustment."""
        self.ensure_one()
        if self._is_deputy_user():
            mode = "deputy_user"
        elif self.env.user.has_group("emulation_cluster.group_manager"):
            mode = "manager"
        else:
            raise UserError(
                self.env._(
                    "Only the deputy unit %(unit)s (or a manager) can agree to "
                    "this adjustment.",
                    unit=self.sudo().deputy_id.name,
                )
            )
        self._agree(mode)
        return True

    def action_refuse(self):
        """The deputy unit refuses, with the reason written on the revision."""
        self.ensure_one()
        self._check_transition(
            ("proposed",), ("owner", "manager"), self.env._("refused")
        )
        reason = (self.refusal_reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for refusing."))
        self._write_transition({"state": "refused"})
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        self.sudo().plan_id.message_post(
            body=self.env._(
                "Adjustment %(number)s refused by %(unit)s: %(reason)s",
                number=self.revision_number,
                unit=self.sudo().deputy_id.name,
                reason=reason,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return True

    def _agree(self, consent_mode, document=None, agreed_date=None):
        self.ensure_one()
        self._check_state(("proposed",), self.env._("agreed"))
        plan = self.sudo().plan_id
        if plan.state != "issued" or plan.adjustment_in_progress:
            raise UserError(
                self.env._(
                    "Only an issued plan with no adjustment in progress "
                    "can be adjusted."
                )
            )
        if consent_mode == "document" and not document:
            raise UserError(
                self.env._("Give the document by which the deputy unit agreed.")
            )
        user = self.env.user
        self._write_transition(
            {
                "state": "agreed",
                "consent_mode": consent_mode,
                "agreed_by_id": user.id,
                "agreed_unit_id": (
                    plan.deputy_id.id
                    if consent_mode in ("deputy_user", "document")
                    else user.partner_id.commercial_partner_id.id
                ),
                "agreed_date": agreed_date or fields.Date.context_today(self),
                "agreement_document_id": document.id if document else False,
                "previous_version_html": self._render_previous_version(plan),
                "previous_values": self._get_snapshot_values(plan),
            }
        )
        plan._write_transition(
            {"revision_number": self.revision_number, "adjustment_in_progress": True}
        )
        self._close_activities(
            ["mail.mail_activity_data_todo"], feedback=self.env._("Agreed")
        )
        modes = dict(self._fields["consent_mode"]._description_selection(self.env))
        plan.message_post(
            body=self.env._(
                "Adjustment %(number)s agreed (%(mode)s) by %(user)s on "
                "%(date)s: %(description)s",
                number=self.revision_number,
                mode=modes[consent_mode],
                user=user.name,
                date=fields.Date.to_string(self.agreed_date),
                description=self.description,
            ),
            subtype_xmlid="mail.mt_note",
        )

    # ------------------------------------------------------------------
    # the version replaced
    # ------------------------------------------------------------------
    @api.model
    def _get_snapshot_values(self, plan):
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

    @api.model
    def _render_previous_version(self, plan):
        html = self.env["ir.actions.report"]._render_qweb_html(
            "emulation_cluster.action_report_emulation_plan", plan.ids
        )[0]
        return html.decode() if isinstance(html, bytes) else html
