# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.common import ONE_YEAR, shift_title_years
from .emulation_edit_policy_mixin import archive_group
from .emulation_plan_bound_mixin import PLAN_DOCUMENT_INHERIT
from .emulation_plan_workflow import LEADER_PARTICULARS
from .emulation_workflow_mixin import state_field

EDITABLE_STATES = ("draft", "consultation")
OPEN_STATES = ("draft", "consultation", "signing", "in_force")


class EmulationCovenant(models.Model):
    """The covenant of a plan's year (Giao ước thi đua): the commitments the
    member units sign, at a conference or through documents."""

    _name = "emulation.covenant"
    _description = "Emulation Covenant"
    _inherit = PLAN_DOCUMENT_INHERIT
    _order = "year desc, cluster_id, id desc"

    _edit_groups = {
        # what the members sign: frozen once sent for signature
        "content": {
            "fields": (
                "name",
                "signing_mode",
                "signing_event_id",
                "signing_document_id",
                "clause_ids",
                "basis_document_ids",
            ),
            "roles": {"secretariat": EDITABLE_STATES},
        },
        # the official document's particulars, until it is in force
        "document": {
            "fields": (
                "number",
                "issue_date",
                "issue_place",
                "issuer_parent_name",
                "issuer_name",
                "signer_title",
                "signer_name",
                "distribution_list",
                "signature_deadline",
            ),
            "roles": {"secretariat": EDITABLE_STATES + ("signing",)},
        },
        "follow_up": {
            "fields": ("registration_deadline", "user_id", "note"),
            "roles": {"secretariat": OPEN_STATES},
        },
        "archive": archive_group("secretariat"),
    }
    _edit_create_fields = ("plan_id",)
    _edit_create_roles = ("secretariat",)
    _allowed_moves = {
        "draft": ("consultation", "signing"),
        "consultation": ("draft", "signing"),
        "signing": ("in_force", "closed"),
        "in_force": ("closed",),
    }

    name = fields.Char("Title", required=True, tracking=True)
    plan_id = fields.Many2one(string="Activity Plan", tracking=True)
    year = fields.Integer(related="plan_id.year", store=True, index=True)
    state = state_field(
        [
            ("draft", "Draft"),
            ("consultation", "Opinions Asked"),
            ("signing", "Out for Signature"),
            ("in_force", "In Force"),
            ("closed", "Closed"),
        ],
    )
    user_id = fields.Many2one(
        "res.users",
        "Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        help="Secretariat member who follows the covenant; receives the "
        "signature reminders of units nobody else can be reminded for.",
    )
    clause_ids = fields.One2many(
        "emulation.covenant.clause", "covenant_id", "Clauses", copy=True
    )
    basis_document_ids = fields.Many2many(
        "emulation.document",
        "emulation_covenant_basis_rel",
        "covenant_id",
        "document_id",
        "Legal Bases",
    )
    signing_mode = fields.Selection(
        [
            ("conference", "At a Conference"),
            ("document", "Through Documents"),
        ],
        required=True,
        default="conference",
        tracking=True,
        help="In 2020 the Covid-19 epidemic replaced the signing conference "
        "by an exchange of documents.",
    )
    signing_event_id = fields.Many2one(
        "emulation.event",
        "Signing Event",
        domain="[('plan_id', '=', plan_id)]",
        index="btree_not_null",
        tracking=True,
        help="Activity of the plan at which (or instead of which) the "
        "covenant is signed.",
    )
    signing_document_id = fields.Many2one(
        "emulation.document",
        "Approval to Sign by Documents",
        tracking=True,
        help="Document that allowed signing through documents instead of a "
        "conference, e.g. the ministry's agreement.",
    )
    date_opinions_asked = fields.Date("Opinions Asked On", readonly=True, copy=False)
    date_sent = fields.Date(
        "Sent for Signature On", readonly=True, copy=False, tracking=True
    )
    signature_deadline = fields.Date(
        compute="_compute_signature_deadline",
        store=True,
        readonly=False,
        tracking=True,
        help="Units that have not signed by this date are reminded.",
    )
    registration_deadline = fields.Date(
        tracking=True,
        help="Registrations sent after this date are accepted but marked late.",
    )
    date_in_force = fields.Date("In Force Since", readonly=True, copy=False)
    date_closed = fields.Date("Closed On", readonly=True, copy=False)
    signature_ids = fields.One2many(
        "emulation.covenant.signature", "covenant_id", "Signatures", copy=False
    )
    signature_count = fields.Integer(
        "Signature Lines", compute="_compute_signature_counts", store=True
    )
    signed_count = fields.Integer(
        "Signed Units", compute="_compute_signature_counts", store=True
    )
    signature_rate = fields.Float("Signed (%)", compute="_compute_signature_progress")
    signature_progress = fields.Char(compute="_compute_signature_progress")
    registration_ids = fields.One2many(
        "emulation.registration", "covenant_id", "Registrations"
    )
    registration_count = fields.Integer(compute="_compute_registration_count")
    note = fields.Html("Notes")
    active = fields.Boolean(default=True)

    @api.depends(
        "signing_event_id.date_start",
        "signing_event_id.date_stop",
        "signing_event_id.date_precision",
    )
    def _compute_signature_deadline(self):
        """The signing event's end; when the plan fixes only its month, the
        end of that month. Without an event the date is entered by hand."""
        for covenant in self:
            event = covenant.signing_event_id
            if event.date_stop:
                covenant.signature_deadline = fields.Datetime.context_timestamp(
                    self, event.date_stop
                ).date()
            elif event.date_start:
                start = event._get_local_date()
                if event.date_precision in ("month", "early_month"):
                    start += relativedelta(day=31)
                covenant.signature_deadline = start
            else:
                covenant.signature_deadline = covenant.signature_deadline

    @api.depends("signature_ids.state")
    def _compute_signature_counts(self):
        totals, signed = self._count_by_state(
            "emulation.covenant.signature", "covenant_id", ("signed",)
        )
        for covenant in self:
            covenant.signature_count = totals.get(covenant, 0)
            covenant.signed_count = signed.get(covenant, 0)

    @api.depends("signature_count", "signed_count")
    def _compute_signature_progress(self):
        for covenant in self:
            total = covenant.signature_count
            covenant.signature_rate = (
                100.0 * covenant.signed_count / total if total else 0.0
            )
            covenant.signature_progress = (
                self.env._(
                    "%(signed)s/%(total)s signed",
                    signed=covenant.signed_count,
                    total=total,
                )
                if total
                else ""
            )

    def _compute_registration_count(self):
        counts = dict(
            self.env["emulation.registration"]._read_group(
                [("plan_id", "in", self.plan_id.ids)],
                groupby=["plan_id"],
                aggregates=["__count"],
            )
        )
        for covenant in self:
            covenant.registration_count = counts.get(covenant.plan_id, 0)

    def action_view_signatures(self):
        """Every signature line of the covenant, signed or not."""
        self.ensure_one()
        return self._open(
            "emulation_cluster.emulation_covenant_signature_action",
            [("covenant_id", "=", self.id)],
            {"search_default_groupby_state": 1},
        )

    def action_view_registrations(self):
        self.ensure_one()
        return self._open(
            "emulation_cluster.emulation_registration_action",
            [("plan_id", "=", self.plan_id.id)],
            {"default_plan_id": self.plan_id.id},
        )

    @api.constrains("plan_id", "active")
    def _check_one_per_plan(self):
        groups = self._read_group(
            [("plan_id", "in", self.plan_id.ids)],
            groupby=["plan_id"],
            aggregates=["__count"],
        )
        for plan, count in groups:
            if count > 1:
                raise ValidationError(
                    self.env._(
                        "The plan %(plan)s already has a covenant: a plan has "
                        "only one covenant.",
                        plan=plan.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        covenants = super().create(vals_list)
        # registrations made before the covenant existed follow its deadline
        Registration = self.env["emulation.registration"].sudo()
        registrations = Registration.search(
            [("plan_id", "in", covenants.plan_id.ids), ("covenant_id", "=", False)]
        )
        if registrations:
            # recompute their covenant and, through it, deadline and lateness
            registrations.modified(["plan_id"])
        return covenants

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(covenant.state != "draft" for covenant in self):
            raise UserError(
                self.env._("Only draft covenants can be deleted; archive the others.")
            )

    # ------------------------------------------------------------------
    # Workflow
    # ------------------------------------------------------------------

    def _check_has_clauses(self):
        empty = self.filtered(lambda covenant: not covenant.clause_ids)
        if empty:
            raise UserError(
                self.env._(
                    "The covenant %(covenant)s has no clause yet.",
                    covenant=empty[0].display_name,
                )
            )

    def action_ask_opinions(self):
        """The leader sends the draft to the members for their opinions."""
        self._check_transition(
            ("draft",), ("secretariat",), self.env._("sent for opinions")
        )
        self._check_has_clauses()
        today = fields.Date.context_today(self)
        self._write_transition({"state": "consultation", "date_opinions_asked": today})
        self._post_each(
            lambda covenant: self.env._(
                "Opinions asked from the member units: %(units)s.",
                units=", ".join(
                    covenant.cluster_id._get_members_at(today).mapped("name")
                ),
            ),
            "mail.mt_note",
        )
        return True

    def action_reset_to_draft(self):
        return self._transition_to(
            "draft",
            ("consultation",),
            ("secretariat",),
            self.env._("set back to draft"),
        )

    def action_send_for_signature(self):
        """Open the covenant for signature: one line per current member."""
        self._check_transition(
            EDITABLE_STATES, ("secretariat",), self.env._("sent for signature")
        )
        self._check_has_clauses()
        today = fields.Date.context_today(self)
        Membership = self.env["emulation.cluster.membership"]
        line_vals = []
        for covenant in self:
            memberships = Membership.search(
                Membership._get_active_at_domain(covenant.date_sent or today)
                + [("cluster_id", "=", covenant.cluster_id.id)]
            )
            if not memberships:
                raise UserError(
                    self.env._(
                        "The cluster %(cluster)s has no current member to sign "
                        "the covenant.",
                        cluster=covenant.cluster_id.display_name,
                    )
                )
            line_vals += [
                {
                    "covenant_id": covenant.id,
                    "partner_id": membership.partner_id.id,
                    "unit_name": membership.unit_name or membership.partner_id.name,
                    "sequence": membership.sequence,
                }
                for membership in memberships
            ]
        for covenant in self:
            covenant._write_transition(
                {"state": "signing", "date_sent": covenant.date_sent or today}
            )
        self.env["emulation.covenant.signature"].sudo().create(line_vals)
        return True

    def _put_in_force_if_signed(self):
        """Called after every signature: the covenant is in force once every
        member signed."""
        complete = self.filtered(
            lambda covenant: covenant.state == "signing"
            and covenant.signature_ids
            and all(line.state == "signed" for line in covenant.signature_ids)
        )
        if complete:
            for covenant in complete:
                covenant._write_transition(
                    {
                        "state": "in_force",
                        "date_in_force": max(
                            covenant.signature_ids.mapped("date_signed")
                        ),
                    }
                )
            complete._post_each(
                lambda covenant: self.env._(
                    "Every member unit signed: the covenant is in force."
                ),
                "mail.mt_note",
            )
        return complete

    def action_close(self):
        self._check_transition(
            ("signing", "in_force"), ("secretariat",), self.env._("closed")
        )
        self._close(fields.Date.context_today(self))
        return True

    def _close(self, closing_date):
        # a covenant some unit never signed is closed at year end too
        self._check_state(("signing", "in_force"), self.env._("closed"))
        self._write_transition({"state": "closed", "date_closed": closing_date})

    # ------------------------------------------------------------------
    # the next year
    # ------------------------------------------------------------------
    def _prepare_next_year_vals(self, new_plan, events):
        """Values of next year's draft covenant, with this one's clauses. Its
        signing: at the copied signing activity (``events``: {old activity:
        new one}; signing through documents is an exception decided for a
        year); the particulars of the document are new."""
        self.ensure_one()
        plan = self.plan_id
        signing_event = events.get(self.signing_event_id)
        vals = {
            "name": shift_title_years(self.name, plan.year),
            "plan_id": new_plan.id,
            "user_id": self.env.user.id,
            "signing_event_id": signing_event.id if signing_event else False,
            "basis_document_ids": [Command.set(self.basis_document_ids.ids)],
            "clause_ids": [
                Command.create(vals)
                for vals in self.clause_ids._prepare_next_year_vals()
            ],
            "issuer_parent_name": self.issuer_parent_name,
            "issuer_name": self.issuer_name,
            "distribution_list": self.distribution_list,
        }
        if self.registration_deadline:
            vals["registration_deadline"] = self.registration_deadline + ONE_YEAR
        if not signing_event and self.signature_deadline:
            vals["signature_deadline"] = self.signature_deadline + ONE_YEAR
        if new_plan.leader_id == plan.leader_id:
            vals.update({name: self[name] for name in LEADER_PARTICULARS})
        return vals

    # ------------------------------------------------------------------
    # Scheduled actions
    # ------------------------------------------------------------------
    @api.model
    def _cron_close_ended_years(self):
        """Covenants are closed once their year has ended, as of the end of
        their year, whenever the cron gets to it."""
        ended = self.sudo().search(
            [
                ("state", "in", ("signing", "in_force")),
                ("year", "<", fields.Date.context_today(self).year),
            ]
        )
        # the chatter of a cluster's document is read by all its members: in
        # the company's language (a scheduled action runs without any)
        lang = self.env.company.partner_id.lang or self.env.lang
        for year, covenants in ended.with_context(lang=lang).grouped("year").items():
            covenants._close(date(year, 12, 31))
        return ended

    # ------------------------------------------------------------------
    # Report
    # ------------------------------------------------------------------
    def _get_report_signature_lines(self):
        """Every member's line for the printed table: the signature table is
        public among the members, while a unit officer may only open his own
        line in the application."""
        self.ensure_one()
        self.check_access("read")
        return self.sudo().signature_ids
