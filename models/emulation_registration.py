# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.common import CHANNEL_SELECTION
from .emulation_edit_policy_mixin import archive_group
from .emulation_plan_bound_mixin import PLAN_UNIT_RECORD_INHERIT
from .emulation_workflow_mixin import state_field

REGISTRATION_STATES = [
    ("draft", "Draft"),
    ("sent", "Sent"),
    ("acknowledged", "Acknowledged"),
    ("returned", "Returned"),
]


class EmulationRegistration(models.Model):
    """The emulation registration of a member unit for a plan's year
    (Đăng ký thi đua): the titles and awards it aims at, for itself and for
    named individuals, sent to the cluster leader and to the council."""

    _name = "emulation.registration"
    _description = "Emulation Registration"
    _inherit = PLAN_UNIT_RECORD_INHERIT
    _order = "year desc, plan_id, partner_id, id"
    _rec_names_search = ["partner_id", "plan_id"]

    # What the unit writes, until it is sent; the secretariat may still
    # correct a sent one (registrations that came on paper), never an
    # acknowledged one.
    _edit_groups = {
        "content": {
            "fields": ("line_ids", "note"),
            "roles": {
                "owner": ("draft", "returned"),
                "secretariat": ("draft", "sent", "returned"),
            },
        },
        "return": {"fields": ("return_reason",), "roles": {"reviewer": ("sent",)}},
        "archive": archive_group("secretariat"),
    }
    # the unit and the plan are chosen once: by the unit's officer for his
    # own unit, or by the secretariat recording a paper registration
    _edit_create_fields = ("plan_id", "partner_id", "channel")
    _edit_create_roles = ("owner", "secretariat")
    _allowed_moves = {
        "draft": ("sent",),
        "sent": ("acknowledged", "returned"),
        "returned": ("sent",),
    }

    # not stored: worded in the reader's language
    name = fields.Char("Reference", compute="_compute_name")
    plan_id = fields.Many2one(string="Activity Plan", tracking=True)
    year = fields.Integer(related="plan_id.year", store=True, index=True)
    covenant_id = fields.Many2one(
        "emulation.covenant",
        "Covenant",
        compute="_compute_covenant_id",
        store=True,
        readonly=True,
        index="btree_not_null",
    )
    partner_id = fields.Many2one(
        tracking=True,
        domain=[("is_company", "=", True)],
        default=lambda self: self.env.user.emulation_unit_id,
    )
    leader_id = fields.Many2one(
        related="plan_id.leader_id", string="Sent to Leader Unit"
    )
    council_id = fields.Many2one(
        related="plan_id.cluster_id.council_id", string="Sent to Council"
    )
    state = state_field(
        REGISTRATION_STATES,
    )
    line_ids = fields.One2many(
        "emulation.registration.line",
        "registration_id",
        "Registered Titles and Awards",
        copy=True,
    )
    line_count = fields.Integer("Registered Titles", compute="_compute_line_count")
    note = fields.Text("Notes")
    channel = fields.Selection(
        CHANNEL_SELECTION,
        "Received By",
        default="online",
        required=True,
        help="Online: registered here by the unit. Otherwise recorded by the "
        "secretariat from a paper or an e-mail.",
    )
    recorded_by_id = fields.Many2one(
        "res.users",
        "Recorded By",
        default=lambda self: self.env.user,
        readonly=True,
        copy=False,
    )
    date_sent = fields.Date("Sent On", readonly=True, copy=False, tracking=True)
    registration_deadline = fields.Date(
        compute="_compute_registration_deadline",
        store=True,
        help="Deadline set by the covenant of the plan.",
    )
    is_late = fields.Boolean(
        "Late", compute="_compute_lateness", store=True, index=True
    )
    days_late = fields.Integer(compute="_compute_lateness", store=True)
    acknowledged_by_id = fields.Many2one(
        "res.users", "Acknowledged By", readonly=True, copy=False
    )
    date_acknowledged = fields.Date("Acknowledged On", readonly=True, copy=False)
    return_reason = fields.Text(
        tracking=True, copy=False, help="Why the secretariat returned it."
    )
    active = fields.Boolean(default=True)

    @api.depends("plan_id.name", "partner_id.name", "year")
    def _compute_name(self):
        for registration in self:
            registration.name = self.env._(
                "Registration %(year)s – %(unit)s",
                year=registration.year or "",
                unit=registration.partner_id.name or "",
            )

    @api.depends("plan_id")
    def _compute_covenant_id(self):
        # sudo: a unit registers while the covenant may still be a draft
        # it cannot read
        groups = (
            self.env["emulation.covenant"]
            .sudo()
            ._read_group(
                [("plan_id", "in", self.plan_id.ids)],
                groupby=["plan_id"],
                aggregates=["id:min"],
            )
        )
        covenant_by_plan = {plan.id: covenant_id for plan, covenant_id in groups}
        for registration in self:
            registration.covenant_id = covenant_by_plan.get(registration.plan_id.id)

    @api.depends("covenant_id.registration_deadline")
    def _compute_registration_deadline(self):
        for registration in self:
            registration.registration_deadline = (
                registration.sudo().covenant_id.registration_deadline
            )

    @api.depends("date_sent", "registration_deadline")
    def _compute_lateness(self):
        for registration in self:
            deadline = registration.registration_deadline
            sent = registration.date_sent
            late_by = (sent - deadline).days if sent and deadline else 0
            registration.is_late = late_by > 0
            registration.days_late = max(late_by, 0)

    @api.depends("line_ids")
    def _compute_line_count(self):
        for registration in self:
            registration.line_count = len(registration.line_ids)

    @api.constrains("plan_id", "partner_id", "active")
    def _check_one_per_unit_and_plan(self):
        groups = self._read_group(
            [
                ("plan_id", "in", self.plan_id.ids),
                ("partner_id", "in", self.partner_id.ids),
            ],
            groupby=["plan_id", "partner_id"],
            aggregates=["__count"],
        )
        for plan, unit, count in groups:
            if count > 1:
                raise ValidationError(
                    self.env._(
                        "%(unit)s has already registered for %(year)s in "
                        "%(plan)s: a unit registers once a year.",
                        unit=unit.name,
                        year=plan.year,
                        plan=plan.name,
                    )
                )

    # ------------------------------------------------------------------
    # Creation
    # ------------------------------------------------------------------
    @api.model
    def _check_can_create(self, vals_list, given=None):
        """A unit registers once for an issued plan of a cluster it is a
        member of that year: its officer online, or the secretariat on its
        behalf (recorded as such, never as "online")."""
        res = super()._check_can_create(vals_list, given)
        for vals in vals_list:
            record = self.new(vals)
            plan = record.plan_id._origin.sudo()
            unit = record.partner_id._origin
            if plan.state != "issued":
                raise UserError(self.env._("Units register for an issued plan only."))
            if unit not in plan.member_unit_ids:
                raise UserError(
                    self.env._(
                        "%(unit)s is not a member of the cluster in %(year)s: "
                        "it cannot register for this plan.",
                        unit=unit.name,
                        year=plan.year,
                    )
                )
            on_behalf = not record._has_role("owner")
            if on_behalf and vals.get("channel", "online") == "online":
                vals["channel"] = "paper"
            elif not on_behalf:
                vals["channel"] = "online"
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(registration.state != "draft" for registration in self):
            raise UserError(
                self.env._(
                    "A registration that was sent cannot be deleted; archive it."
                )
            )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------

    def action_send(self):
        """Send to the cluster leader and the council; late ones are accepted
        but marked."""
        self._check_transition(
            ("draft", "returned"), ("owner", "secretariat"), self.env._("sent")
        )
        empty = self.filtered(lambda registration: not registration.line_ids)
        if empty:
            raise UserError(
                self.env._(
                    "Add at least one title or award to %(registration)s "
                    "before sending it.",
                    registration=empty[0].name,
                )
            )
        self._write_transition(
            {
                "state": "sent",
                "date_sent": fields.Date.context_today(self),
                "return_reason": False,
            }
        )
        self.filtered("is_late")._post_each(
            lambda registration: self.env._(
                "Sent %(days)s day(s) after the registration deadline.",
                days=registration.days_late,
            ),
            "mail.mt_note",
        )
        return True

    def action_acknowledge(self):
        """The cluster's secretariat acknowledges; a unit never acknowledges
        its own registration."""
        self._check_transition(("sent",), ("reviewer",), self.env._("acknowledged"))
        self._write_transition(
            {
                "state": "acknowledged",
                "acknowledged_by_id": self.env.user.id,
                "date_acknowledged": fields.Date.context_today(self),
            }
        )
        return True

    def action_return(self):
        """Return to the unit with the reason written in ``return_reason``."""
        self._check_transition(("sent",), ("reviewer",), self.env._("returned"))
        missing = self.filtered(
            lambda registration: not (registration.return_reason or "").strip()
        )
        if missing:
            raise UserError(
                self.env._(
                    "Write why the registration %(registration)s is returned.",
                    registration=missing[0].name,
                )
            )
        self._write_transition({"state": "returned"})
        self._post_each(
            lambda registration: self.env._(
                "Returned to the unit: %(reason)s", reason=registration.return_reason
            ),
            "mail.mt_comment",
        )
        return True

    # ------------------------------------------------------------------
    # Report
    # ------------------------------------------------------------------
    @api.model
    def _get_report_registrations(self, plan):
        """Registrations of ``plan`` the user may read, by unit."""
        return self.search([("plan_id", "=", plan.id)], order="partner_id, id")

    @api.model
    def _get_report_missing_units(self, plan):
        """Member units of the plan's year that have not registered, for
        those who follow every unit (the secretariat, managers, the
        council); an officer's summary shows his own unit only."""
        user = self.env.user
        if not (
            plan._has_role("secretariat")
            or user.has_group("emulation_cluster.group_council")
        ):
            return self.env["res.partner"]
        registered = (
            self.sudo()
            .with_context(active_test=False)
            .search([("plan_id", "=", plan.id)])
            .partner_id
        )
        members = plan.cluster_id._get_members_at(plan._get_reference_date())
        return (members - registered).sorted("name")
