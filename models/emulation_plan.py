# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime
import re
from collections import defaultdict
from datetime import date, timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.common import (
    estimate_row_px,
    format_vn_short_date,
    paginate,
    paper_content_px,
)

# the official heading, title and date line above the tracker's table
TRACKER_HEADING_PX = 330

# The records of a plan's year that carry activities (all have a plan_id).
# (Award proposals are not among them: the council decides on them later.)
YEAR_RECORD_MODELS = {
    "emulation.submission": "plan_id",
    "emulation.event": "plan_id",
    "emulation.obligation": "plan_id",
    "emulation.covenant": "plan_id",
    "emulation.covenant.signature": "covenant_id.plan_id",
    "emulation.registration": "plan_id",
    "emulation.scorecard": "plan_id",
    "emulation.poll": "plan_id",
    "emulation.plan.revision": "plan_id",
}

# What a plan needs to be issued.
ISSUE_REQUIRED_FIELDS = (
    "number",
    "issue_date",
    "leader_id",
    "deputy_id",
    "basis_ids",
    "purpose",
    "signer_name",
)
# Plausible years of a plan.
YEAR_RANGE = (1945, 2100)

CONTENT_FIELDS = (
    "name",
    "year",
    "leader_id",
    "deputy_id",
    "number",
    "issue_date",
    "issue_place",
    "purpose",
    "covenant_content",
    "campaign_content",
    "reporting_intro",
    "organisation",
    "cited_document_ids",
    "basis_ids",
    "issuer_parent_name",
    "issuer_name",
    "signer_title",
    "signer_name",
    "distribution_list",
)


class EmulationPlan(models.Model):
    """Annual activity plan of a cluster (Kế hoạch hoạt động), one per
    cluster and year, issued as an official document. Once issued, its
    content changes only through an adjustment agreed with the deputy."""

    _name = "emulation.plan"
    _description = "Annual Activity Plan"
    _inherit = [
        "emulation.workflow.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "emulation.official.document.mixin",
    ]
    _order = "year desc, cluster_id"

    _edit_groups = {
        "content": {
            "fields": CONTENT_FIELDS,
            "roles": {"secretariat": None},
            "closed_if": "_get_content_closed_reason",
        },
        # the activities and obligations police their own fields
        "lines": {
            "fields": ("event_ids", "obligation_ids"),
            "roles": {"secretariat": None},
        },
        "consultation": {
            "fields": ("consultation_deadline", "consultation_ids"),
            "roles": {"secretariat": ("draft", "consultation")},
        },
        # the results table, an official document of the leader unit issued
        # once the conference agreed the scores
        "results": {
            "fields": (
                "results_number",
                "results_signer_title",
                "results_signer_name",
                "results_distribution_list",
            ),
            "roles": {"secretariat": ("issued", "closed")},
        },
        "archive": {"fields": ("active",), "roles": {"secretariat": None}},
    }
    _edit_create_fields = ("cluster_id",)
    _edit_create_roles = ("secretariat",)
    _allowed_moves = frozenset(
        {
            ("draft", "consultation"),
            ("consultation", "draft"),
            ("draft", "issued"),
            ("consultation", "issued"),
            ("issued", "closed"),
        }
    )

    name = fields.Char(
        string="Title",
        required=True,
        tracking=True,
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
        help='Printed under "KẾ HOẠCH", e.g. "Hoạt động của Cụm Thi đua các '
        'tỉnh, thành Bắc Bộ năm 2020".',
    )
    cluster_id = fields.Many2one(
        comodel_name="emulation.cluster",
        required=True,
        index=True,
        tracking=True,
    )
    cluster_kind = fields.Selection(related="cluster_id.kind")
    year = fields.Integer(
        required=True,
        index=True,
        tracking=True,
        aggregator=False,
        default=lambda self: fields.Date.context_today(self).year,
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("consultation", "Consultation"),
            ("issued", "Issued"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        readonly=True,
        copy=False,
        group_expand="_read_group_expand_state",
    )
    leader_id = fields.Many2one(
        comodel_name="res.partner",
        string="Leader Unit",
        tracking=True,
        index="btree_not_null",
        domain="[('emulation_membership_ids.cluster_id', '=', cluster_id)]",
    )
    deputy_id = fields.Many2one(
        comodel_name="res.partner",
        string="Deputy Unit",
        tracking=True,
        index="btree_not_null",
        domain="[('emulation_membership_ids.cluster_id', '=', cluster_id)]",
    )
    basis_ids = fields.One2many(
        comodel_name="emulation.plan.basis",
        inverse_name="plan_id",
        string="Legal Bases",
        copy=True,
    )
    cited_document_ids = fields.Many2many(
        comodel_name="emulation.document",
        relation="emulation_plan_cited_document_rel",
        column1="plan_id",
        column2="document_id",
        string="Other Cited Documents",
        help="Documents cited in the plan's text besides its legal bases.",
    )
    member_unit_ids = fields.Many2many(
        comodel_name="res.partner",
        relation="emulation_plan_member_unit_rel",
        column1="plan_id",
        column2="partner_id",
        string="Member Units of the Year",
        compute="_compute_member_unit_ids",
        store=True,
        compute_sudo=True,
        help="Units that were members of the cluster at some time of the "
        "plan's year: they read the plan, even after they left the cluster.",
    )
    purpose = fields.Html(string="Purpose and Requirements")
    covenant_content = fields.Html(
        string="Covenant Contents to Carry Out",
        help="Section II: how the members carry out the year's covenant.",
    )
    campaign_content = fields.Html(
        string="Launch and Registration",
        help="Launching the emulation movement and registering for it.",
    )
    reporting_intro = fields.Text(
        string="Reporting Rules",
        help="Sentence introducing the reporting obligations.",
    )
    organisation = fields.Html(string="Organisation of Implementation")
    event_ids = fields.One2many(
        comodel_name="emulation.event",
        inverse_name="plan_id",
        string="Conferences and Activities",
    )
    obligation_ids = fields.One2many(
        comodel_name="emulation.obligation",
        inverse_name="plan_id",
        string="Reporting Obligations",
    )
    consultation_ids = fields.One2many(
        comodel_name="emulation.plan.consultation",
        inverse_name="plan_id",
        string="Consultation",
    )
    consultation_deadline = fields.Date(
        string="Answers Expected By",
        help="Date by which the members are asked to give their opinion.",
    )
    consultation_pending_count = fields.Integer(
        string="Pending Answers", compute="_compute_consultation_counts"
    )
    revision_ids = fields.One2many(
        comodel_name="emulation.plan.revision",
        inverse_name="plan_id",
        string="Revisions",
    )
    revision_number = fields.Integer(
        string="Revision", default=0, copy=False, readonly=True, tracking=True
    )
    adjustment_in_progress = fields.Boolean(
        copy=False,
        readonly=True,
        tracking=True,
        help="Set by an agreed adjustment: the issued plan may be edited "
        "until the adjustment is finished.",
    )
    submission_ids = fields.One2many(
        comodel_name="emulation.submission",
        inverse_name="plan_id",
        string="Submissions",
    )
    submission_count = fields.Integer(compute="_compute_submission_count")
    submission_progress = fields.Char(
        string="Filed", compute="_compute_submission_count"
    )
    covenant_id = fields.Many2one(
        comodel_name="emulation.covenant", compute="_compute_covenant_id"
    )
    covenant_progress = fields.Char(
        string="Covenant Signatures", compute="_compute_covenant_id"
    )
    registration_count = fields.Integer(compute="_compute_registration_count")
    consultation_summary = fields.Char(
        string="Answers", compute="_compute_consultation_counts"
    )
    results_number = fields.Char(
        string="Results Table Number",
        copy=False,
        tracking=True,
        help='Number-symbol of the printed results table, e.g. "15/BC-CTĐ".',
    )
    results_signer_title = fields.Char(
        string="Results Table Signer Title",
        copy=False,
        help="The leader unit's head signs the results table; the plan's "
        "signer when empty. One line per row.",
    )
    results_signer_name = fields.Char(
        string="Results Table Signer",
        copy=False,
        help="The leader unit's head; the plan's signer when empty.",
    )
    results_distribution_list = fields.Text(
        string="Results Table Recipients",
        copy=False,
        help="Nơi nhận of the results table, one recipient per line; the "
        "member units and the archive when empty.",
    )
    event_count = fields.Integer(compute="_compute_counts", string="Activity Count")
    obligation_count = fields.Integer(compute="_compute_counts")
    criterion_template_ids = fields.One2many(
        comodel_name="emulation.criterion.template",
        inverse_name="plan_id",
        string="Scoring Criteria",
        readonly=True,
        copy=False,
    )
    criterion_template_id = fields.Many2one(
        comodel_name="emulation.criterion.template",
        string="Criteria of the Year",
        compute="_compute_criterion_template_id",
    )
    scorecard_ids = fields.One2many(
        comodel_name="emulation.scorecard",
        inverse_name="plan_id",
        string="Scorecards",
        readonly=True,
        copy=False,
    )
    scorecard_count = fields.Integer(compute="_compute_scorecard_count")
    ranking_count = fields.Integer(
        string="Ranked Units", compute="_compute_ranking_count"
    )
    # set by the year rollover only: a system field of the editing policy
    previous_plan_id = fields.Many2one(
        comodel_name="emulation.plan",
        string="Previous Year's Plan",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The plan this one was made from by the year rollover.",
    )
    next_plan_id = fields.Many2one(
        comodel_name="emulation.plan",
        string="Next Year's Plan",
        compute="_compute_year_links",
        help="The plan the year rollover made from this one.",
    )
    has_previous_plan = fields.Boolean(compute="_compute_year_links")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "cluster_year_uniq",
            "unique(cluster_id, year)",
            "A cluster has only one activity plan per year.",
        ),
    ]

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends(
        "year",
        "cluster_id.membership_ids.partner_id",
        "cluster_id.membership_ids.date_start",
        "cluster_id.membership_ids.date_end",
        "cluster_id.membership_ids.active",
    )
    def _compute_member_unit_ids(self):
        # the same answer whatever triggers the recompute: archived
        # memberships (mistakes) never count, whatever the context
        memberships = (
            self.env["emulation.cluster.membership"]
            .sudo()
            .with_context(active_test=True)
            .search([("cluster_id", "in", self.cluster_id.ids)])
        )
        by_cluster = memberships.grouped("cluster_id")
        empty = self.env["emulation.cluster.membership"]
        for plan in self:
            if not YEAR_RANGE[0] <= plan.year <= YEAR_RANGE[1]:
                plan.member_unit_ids = False
                continue
            first_day = date(plan.year, 1, 1)
            last_day = date(plan.year, 12, 31)
            plan.member_unit_ids = (
                by_cluster.get(plan.cluster_id, empty)
                .filtered(
                    lambda membership, first=first_day, last=last_day: (
                        membership.active
                        and membership.date_start <= last
                        and (not membership.date_end or membership.date_end >= first)
                    )
                )
                .partner_id
            )

    @api.depends("cluster_id", "year")
    def _compute_name(self):
        for plan in self:
            if not plan.cluster_id or (
                plan.name and not plan._is_generated_name(plan.name)
            ):
                continue
            plan.name = plan._get_generated_name(plan.cluster_id.name, plan.year)

    def _get_generated_name(self, cluster, year):
        return self.env._(
            "Activities of %(cluster)s in %(year)s", cluster=cluster, year=year
        )

    def _is_generated_name(self, name):
        """Whether ``name`` is the title the form proposed (for any cluster
        and year): it follows a change of the year, a typed title does not."""
        pattern = re.escape(self._get_generated_name("\x00", "\x01"))
        pattern = pattern.replace("\x00", ".+").replace("\x01", r"\d{4}")
        return bool(re.fullmatch(pattern, name))

    @api.depends("consultation_ids.date_answered")
    def _compute_consultation_counts(self):
        for plan in self:
            lines = plan.consultation_ids
            answered = len(lines.filtered("date_answered"))
            plan.consultation_pending_count = len(lines) - answered
            plan.consultation_summary = (
                self.env._(
                    "%(answered)s of %(asked)s units answered",
                    answered=answered,
                    asked=len(lines),
                )
                if lines
                else False
            )

    @api.depends("event_ids", "obligation_ids")
    def _compute_counts(self):
        for plan in self:
            plan.event_count = len(plan.event_ids)
            plan.obligation_count = len(plan.obligation_ids)

    def _compute_submission_count(self):
        groups = self.env["emulation.submission"]._read_group(
            [("plan_id", "in", self.ids)],
            groupby=["plan_id", "state"],
            aggregates=["__count"],
        )
        total, filed = {}, {}
        for plan, state, count in groups:
            total[plan] = total.get(plan, 0) + count
            if state in ("filed", "under_review", "accepted"):
                filed[plan] = filed.get(plan, 0) + count
        for plan in self:
            plan.submission_count = total.get(plan, 0)
            plan.submission_progress = self.env._(
                "%(filed)s/%(total)s filed",
                filed=filed.get(plan, 0),
                total=total.get(plan, 0),
            )

    def _compute_covenant_id(self):
        covenants = {
            covenant.plan_id: covenant
            for covenant in self.env["emulation.covenant"].search(
                [("plan_id", "in", self.ids)]
            )
        }
        for plan in self:
            covenant = covenants.get(plan, self.env["emulation.covenant"])
            plan.covenant_id = covenant
            plan.covenant_progress = covenant.signature_progress or False

    def _compute_registration_count(self):
        counts = dict(
            self.env["emulation.registration"]._read_group(
                [("plan_id", "in", self.ids)],
                groupby=["plan_id"],
                aggregates=["__count"],
            )
        )
        for plan in self:
            plan.registration_count = counts.get(plan, 0)

    @api.depends("previous_plan_id")
    @api.depends_context("uid")
    def _compute_year_links(self):
        # only the plans this user may read: the links open them
        Plan = self.env["emulation.plan"].with_context(active_test=False)
        ids = [plan_id for plan_id in self.ids if plan_id]
        nexts = {
            plan.previous_plan_id.id: plan
            for plan in Plan.search([("previous_plan_id", "in", ids)])
        }
        readable = set(Plan.search([("id", "in", self.previous_plan_id.ids)]).ids)
        for plan in self:
            plan.next_plan_id = nexts.get(plan.id, Plan)
            plan.has_previous_plan = plan.previous_plan_id.id in readable

    def _get_reference_date(self):
        """Date at which the plan's leader, deputy and members are taken:
        its issue date, else 1 January of its year."""
        self.ensure_one()
        return self.issue_date or date(self.year, 1, 1)

    # ------------------------------------------------------------------
    # editing
    # ------------------------------------------------------------------
    def _is_content_open(self):
        """A draft or a plan in consultation is edited freely; an issued
        plan only during an agreed adjustment."""
        self.ensure_one()
        return self.state in ("draft", "consultation") or (
            self.state == "issued" and self.adjustment_in_progress
        )

    def _get_content_closed_reason(self):
        self.ensure_one()
        if self._is_content_open():
            return ""
        if self.state == "issued":
            return self.env._(
                "the plan is issued: it changes only through an adjustment "
                "agreed with the deputy unit"
            )
        return self._get_closed_reason()

    def _check_content_open(self):
        locked = self.filtered(lambda plan: not plan._is_content_open())
        if locked:
            raise UserError(
                self.env._(
                    "Plan %(plan)s is issued: it can only be changed through an "
                    "adjustment agreed with the deputy unit.",
                    plan=locked[0].display_name,
                )
            )

    def _check_deletable_lines(self):
        """Activities and obligations are deleted from a plan never issued;
        afterwards they are cancelled, and kept."""
        issued = self.filtered(lambda plan: plan.state not in ("draft", "consultation"))
        if issued:
            raise UserError(
                self.env._(
                    "Plan %(plan)s has been issued: cancel its activities and "
                    "obligations instead of deleting them.",
                    plan=issued[0].display_name,
                )
            )

    @api.onchange("cluster_id", "year")
    def _onchange_cluster_defaults(self):
        """What a new plan of the cluster usually holds, left editable: the
        leader unit of the year (else the first member of the list) and the
        next member as deputy, and the cluster's regulation as legal basis."""
        if not self.cluster_id or not self.year:
            return
        cluster = self.cluster_id
        members = cluster.membership_ids.filtered(
            lambda membership: membership.date_start <= date(self.year, 12, 31)
            and (
                not membership.date_end or membership.date_end >= date(self.year, 1, 1)
            )
        ).partner_id
        if not self.leader_id:
            leader = cluster._get_leader_at(self.year)
            self.leader_id = leader if leader in members else members[:1]
        if not self.deputy_id:
            self.deputy_id = (members - self.leader_id)[:1]
        if not self.basis_ids and cluster.regulation_id:
            self.basis_ids = [Command.create({"document_id": cluster.regulation_id.id})]

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("leader_id", "deputy_id", "cluster_id", "issue_date", "year")
    def _check_leader_deputy(self):
        members_by_cluster = {}
        for plan in self:
            if plan.leader_id and plan.leader_id == plan.deputy_id:
                raise ValidationError(
                    self.env._("The leader and the deputy must be different units.")
                )
            ref_date = plan._get_reference_date()
            key = (plan.cluster_id, ref_date)
            if key not in members_by_cluster:
                members_by_cluster[key] = plan.cluster_id._get_members_at(ref_date)
            members = members_by_cluster[key]
            for unit in plan.leader_id | plan.deputy_id:
                if unit not in members:
                    raise ValidationError(
                        self.env._(
                            "%(unit)s is not a member of %(cluster)s on "
                            "%(date)s: it cannot lead the cluster that year.",
                            unit=unit.display_name,
                            cluster=plan.cluster_id.display_name,
                            date=format_vn_short_date(ref_date),
                        )
                    )

    @api.constrains("year", "issue_date")
    def _check_year(self):
        for plan in self:
            if plan.issue_date and abs(plan.issue_date.year - plan.year) > 1:
                raise ValidationError(
                    self.env._("A plan is issued in its year or the year before.")
                )
        self.obligation_ids._check_deadline()
        self.event_ids._check_date_in_plan_year()

    @api.constrains("cluster_id", "year")
    def _check_unique_cluster_year(self):
        for plan in self:
            plan._check_free_year(plan.cluster_id.id, plan.year)

    def _check_free_year(self, cluster_id, year):
        """Refuse a second plan of a cluster and year with a clear message
        before the database does. Called once the user is known to serve
        the cluster, so that the plan it names is one he may read."""
        # in SQL, without flushing: the pending change itself would hit the
        # database's unique constraint before this message
        self.env.cr.execute(
            "SELECT id FROM emulation_plan WHERE cluster_id = %s AND year = %s "
            "AND NOT (id = ANY(%s::int[])) LIMIT 1",
            (cluster_id, year, list(self.ids)),
        )
        row = self.env.cr.fetchone()
        existing = self.sudo().browse(row[0]) if row else self.browse()
        if existing:
            raise ValidationError(
                self.env._(
                    "%(cluster)s already has a plan for %(year)s: %(plan)s. "
                    "Next year's plan is made by the year rollover of this one.",
                    cluster=existing.cluster_id.display_name,
                    year=year,
                    plan=existing.display_name,
                )
            )

    @api.model
    def _check_year_value(self, vals):
        year = vals.get("year")
        if isinstance(year, int) and not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
            raise ValidationError(
                self.env._(
                    "The plan's year must be between %(first)s and %(last)s.",
                    first=YEAR_RANGE[0],
                    last=YEAR_RANGE[1],
                )
            )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.model
    def _check_can_create(self, vals_list, given=None):
        res = super()._check_can_create(vals_list, given)
        keys = [(vals.get("cluster_id"), vals.get("year")) for vals in vals_list]
        if len(set(keys)) < len(keys):
            raise ValidationError(
                self.env._("A cluster has only one activity plan per year.")
            )
        for cluster_id, year in keys:
            self._check_free_year(cluster_id, year)
        return res

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_year_value(vals)
            if self.env.su:
                # users are checked in _check_can_create, once known to serve
                # the cluster; data files and scripts here
                self._check_free_year(vals.get("cluster_id"), vals.get("year"))
        plans = super().create(vals_list)
        # issued by a data file or a migration: its members owe their reports
        plans.filtered(lambda plan: plan.state == "issued")._on_issue()
        return plans

    def write(self, vals):
        self._check_year_value(vals)
        res = super().write(vals)
        if vals.get("state") == "issued":
            self._on_issue()
        return res

    @api.model
    def _search(self, domain, *args, **kwargs):
        # The record rules read member_unit_ids, but in 18.0 the ORM does not
        # flush a many2many before searching on it: recompute it first, so
        # that a plan created or a membership changed in the same transaction
        # is seen (nothing is done when nothing is pending).
        self.flush_model(["member_unit_ids"])
        return super()._search(domain, *args, **kwargs)

    def copy(self, default=None):
        self._check_copyable()
        return super().copy(default=default)

    def _check_copyable(self):
        raise UserError(
            self.env._(
                "A plan is not duplicated (a cluster has one plan a year): next "
                "year's plan is made by the year rollover of this one, with its "
                '"Roll Over to Next Year" button once it is issued.'
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(plan.state != "draft" for plan in self):
            raise UserError(
                self.env._("Only draft plans can be deleted; archive the others.")
            )
        covenants = (
            self.env["emulation.covenant"]
            .sudo()
            .search_count([("plan_id", "in", self.ids)], limit=1)
        )
        if covenants:
            raise UserError(
                self.env._("Delete the plan's draft covenant before the plan.")
            )

    @api.depends("name", "number", "year")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = (
                f"{plan.number} – {plan.name}" if plan.number else plan.name or ""
            )

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def action_assign_number(self):
        """Take the next number of the cluster's sequence for the year."""
        self._check_transition(
            ("draft", "consultation"), ("secretariat",), self.env._("numbered")
        )
        today = fields.Date.context_today(self)
        for plan in self.filtered(lambda plan: not plan.number):
            # a number is given on a date: today's, unless one is set (the
            # secretariat may still change it)
            plan._write_transition(
                {
                    "number": plan.cluster_id._get_next_plan_number(plan.year),
                    "issue_date": plan.issue_date or today,
                }
            )
        return True

    def action_start_consultation(self):
        """Ask every member unit but the leader for its opinion."""
        self._check_transition(
            ("draft",), ("secretariat",), self.env._("sent for consultation")
        )
        today = fields.Date.context_today(self)
        consultation_lines = []
        for plan in self:
            asked = plan.consultation_ids.partner_id
            members = plan.cluster_id._get_members_at(plan._get_reference_date())
            consultation_lines += [
                {"plan_id": plan.id, "partner_id": unit.id, "date_asked": today}
                for unit in members - plan.leader_id - asked
            ]
        self.env["emulation.plan.consultation"].sudo().create(consultation_lines)
        self._write_transition({"state": "consultation"})
        self._schedule_consultation_activities()
        return True

    def _schedule_consultation_activities(self):
        """Remind the secretariat to collect the members' answers."""
        today = fields.Date.context_today(self)
        self.env["emulation.reminder.log"]._schedule_activities(
            self.env.ref("mail.mail_activity_data_todo"),
            [
                (
                    plan,
                    plan.cluster_id.secretariat_user_ids,
                    plan.consultation_deadline or today + timedelta(days=7),
                )
                for plan in self.sudo()
            ],
            lambda plan: {
                "summary": plan.env._("Collect the members' opinions on the plan"),
                "note": plan._get_pending_consultation_note(),
            },
        )

    def _get_pending_consultation_note(self):
        self.ensure_one()
        pending = self.consultation_ids.filtered(lambda line: not line.date_answered)
        return Markup("<p>%s</p><ul>%s</ul>") % (
            self.env._("Answers still expected from:"),
            Markup().join(
                Markup("<li>%s</li>") % line.partner_id.display_name for line in pending
            ),
        )

    def _close_consultation_activities(self):
        """Mark the reminders done once every member has answered."""
        answered = self.filtered(
            lambda plan: plan.consultation_ids and not plan.consultation_pending_count
        )
        if answered:
            answered._close_activities(
                ["mail.mail_activity_data_todo"],
                feedback=self.env._("Every member unit has answered."),
            )

    def action_back_to_draft(self):
        self._check_transition(
            ("consultation",), ("secretariat",), self.env._("set back to draft")
        )
        self._write_transition({"state": "draft"})
        return True

    def _check_issuable(self):
        """What an issued plan needs: number, date, leader, deputy, legal
        bases, purpose, signer, and at least one activity or obligation."""
        for plan in self:
            missing = [
                plan._fields[name].get_description(self.env)["string"]
                for name in ISSUE_REQUIRED_FIELDS
                if not plan[name]
                or (plan._fields[name].type == "html" and not plan._html_has_text(name))
            ]
            if not plan.event_ids and not plan.obligation_ids:
                missing.append(self.env._("at least one activity or obligation"))
            if missing:
                raise UserError(
                    self.env._(
                        "Plan %(plan)s cannot be issued without: %(fields)s.",
                        plan=plan.display_name,
                        fields=", ".join(missing),
                    )
                )

    def _html_has_text(self, name):
        value = self[name]
        return bool(value) and bool(
            Markup(value).striptags().replace("\xa0", " ").strip()
        )

    def action_open_issue_wizard(self):
        """The "Issue" button: what is missing is said first, the
        confirmation is asked only of a plan that can be issued."""
        self.ensure_one()
        self._check_transition(
            ("draft", "consultation"), ("secretariat",), self.env._("issued")
        )
        self._check_issuable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Issue the Plan"),
            "res_model": "emulation.plan.issue.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }

    def action_issue(self):
        self._check_transition(
            ("draft", "consultation"), ("secretariat",), self.env._("issued")
        )
        self._check_issuable()
        self._write_transition({"state": "issued"})
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        self._on_issue()
        self._notify_members_of_issue()
        return True

    def _get_issue_activity_texts(self, unit):
        """The "plan issued" activity of ``unit``'s officers: the reports
        the unit owes, soonest first."""
        self.ensure_one()
        dues = (
            self.sudo()
            .obligation_ids.filtered(lambda ob: ob.state == "open")
            .submission_ids.filtered(
                lambda sub: sub.partner_id == unit and sub.state == "to_file"
            )
            .sorted(lambda sub: (sub.deadline or date.max, sub.id))
        )
        lines = Markup().join(
            Markup("<li>%s</li>")
            % self.env._(
                "%(report)s: by %(deadline)s",
                report=sub.obligation_id.name,
                deadline=format_vn_short_date(sub.deadline)
                if sub.deadline
                else self.env._("no deadline"),
            )
            for sub in dues
        )
        note = Markup("<p>%s</p>") % self.env._(
            "Read the plan and note its activities and deadlines."
        )
        if dues:
            note += Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._("Your unit owes:"),
                lines,
            )
            summary = self.env._(
                "Plan issued: %(plan)s; %(count)s report(s) due, the first "
                "by %(deadline)s",
                plan=self.display_name,
                count=len(dues),
                deadline=format_vn_short_date(dues[0].deadline)
                if dues[0].deadline
                else "-",
            )
        else:
            summary = self.env._("Plan issued: %(plan)s", plan=self.display_name)
        return {"summary": summary, "note": note}

    def _on_issue(self):
        """Every unit expected to file gets its submissions."""
        self.sudo().obligation_ids._create_missing_submissions()

    def _notify_members_of_issue(self):
        """Each member unit is told: an activity for its officers (in their
        language), an e-mail to the unit."""
        Log = self.env["emulation.reminder.log"]
        for plan in self.sudo():
            members = plan.member_unit_ids - plan.leader_id
            officers = Log._get_unit_officers(members)
            # the activity says what the unit owes, not only "read the plan"
            Log._schedule_activities(
                self.env.ref("mail.mail_activity_data_todo"),
                [
                    (
                        plan,
                        users,
                        plan.issue_date or fields.Date.context_today(self),
                        unit,
                    )
                    for unit, users in officers.items()
                ],
                lambda plan, unit: plan._get_issue_activity_texts(unit),
            )
            by_lang = members.filtered("email").grouped(
                lambda unit: unit.lang or self.env.lang
            )
            for lang, recipients in by_lang.items():
                plan.with_context(lang=lang).message_post_with_source(
                    "emulation_cluster.mail_template_plan_issued",
                    partner_ids=recipients.ids,
                    subtype_xmlid="mail.mt_comment",
                )

    def action_close(self):
        self._check_transition(("issued",), ("secretariat",), self.env._("closed"))
        if self.filtered("adjustment_in_progress"):
            raise UserError(
                self.env._("Finish the adjustment in progress before closing.")
            )
        self._write_transition({"state": "closed"})
        self._close_year_activities()
        return True

    def _close_year_activities(self):
        """A closed year owes nothing more: the open activities of the plan
        and of every record of its year are marked done, so that nobody
        meets them later as hundreds of days late."""
        Activity = self.env["mail.activity"].sudo()
        domain = [("res_model", "=", "emulation.plan"), ("res_id", "in", self.ids)]
        for model_name, plan_field in YEAR_RECORD_MODELS.items():
            records = self.env[model_name].sudo().with_context(active_test=False)
            ids = records.search([(plan_field, "in", self.ids)]).ids
            if ids:
                domain = [
                    "|",
                    "&",
                    ("res_model", "=", model_name),
                    ("res_id", "in", ids),
                ] + domain
        activities = Activity.search(domain)
        if activities:
            activities.action_feedback(
                feedback=self.env._("The year's plan is closed.")
            )

    def action_open_adjustment_wizard(self):
        self.ensure_one()
        self._check_transition(("issued",), ("secretariat",), self.env._("adjusted"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Adjust the Plan"),
            "res_model": "emulation.plan.adjustment.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }

    def action_open_rollover_wizard(self):
        """Next year's draft plan, made from this one."""
        self.ensure_one()
        self.env["emulation.plan.rollover.wizard"]._check_plan(self)
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Roll Over to Next Year"),
            "res_model": "emulation.plan.rollover.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }

    def action_view_previous_plan(self):
        self.ensure_one()
        if not self.previous_plan_id:
            raise UserError(
                self.env._("This plan was not made from an earlier year's plan.")
            )
        return self.previous_plan_id._get_form_action()

    def action_view_next_plan(self):
        self.ensure_one()
        if not self.next_plan_id:
            raise UserError(self.env._("No plan was made from this one yet."))
        return self.next_plan_id._get_form_action()

    def _get_form_action(self):
        self.ensure_one()
        # refused here, not in the form that would open
        self.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def action_finish_adjustment(self):
        self._check_transition(("issued",), ("secretariat",), self.env._("adjusted"))
        self._write_transition({"adjustment_in_progress": False})
        return True

    def _open(self, xmlid, domain, context=None):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        action["context"] = context or {}
        return action

    def action_view_events(self):
        """The plan's activities, its calendar opening on the plan's year."""
        self.ensure_one()
        first = min(
            self.event_ids.filtered("date_start").mapped("date_start") or [False]
        )
        action = self._open(
            "emulation_cluster.emulation_event_action",
            [("plan_id", "=", self.id)],
            {
                "default_plan_id": self.id,
                "initial_date": fields.Datetime.to_string(
                    first or datetime.datetime(self.year, 1, 1)
                ),
            },
        )
        return action

    def action_view_obligations(self):
        self.ensure_one()
        return self._open(
            "emulation_cluster.emulation_obligation_action",
            [("plan_id", "=", self.id)],
            {"default_plan_id": self.id},
        )

    @api.depends("criterion_template_ids")
    def _compute_criterion_template_id(self):
        for plan in self:
            plan.criterion_template_id = plan.criterion_template_ids[:1]

    def action_view_criteria(self):
        """The year's criteria, or the choice of the template to copy."""
        self.ensure_one()
        if self.criterion_template_id:
            return {
                "type": "ir.actions.act_window",
                "res_model": "emulation.criterion.template",
                "res_id": self.criterion_template_id.id,
                "view_mode": "form",
                "views": [(False, "form")],
            }
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emulation_cluster.emulation_criterion_template_copy_wizard_action"
        )
        action["context"] = {"default_plan_id": self.id}
        return action

    def _compute_scorecard_count(self):
        counts = dict(
            self.env["emulation.scorecard"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan.scorecard_count = counts.get(plan, 0)

    def _compute_ranking_count(self):
        # what this user may read of the ranking (own row, or all once agreed)
        counts = dict(
            self.env["emulation.ranking"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan.ranking_count = counts.get(plan, 0)

    def action_view_ranking(self):
        self.ensure_one()
        return self._open(
            "emulation_cluster.emulation_ranking_action",
            [("plan_id", "=", self.id)],
        )

    def action_create_scorecards(self):
        """One scorecard per member unit, against the year's criteria."""
        self.ensure_one()
        self._check_transition(
            ("issued",), ("secretariat",), self.env._("given its scorecards")
        )
        self.env["emulation.scorecard"]._create_for_plan(self)
        return self.action_view_scorecards()

    def action_view_scorecards(self):
        self.ensure_one()
        return self._open(
            "emulation_cluster.emulation_scorecard_action",
            [("plan_id", "=", self.id)],
            {"default_plan_id": self.id},
        )

    def _get_ranking_rules(self, cards):
        """The scoring and classification rules that rank ``cards`` of this
        plan: those in force on the day they were agreed, today for results
        not agreed yet."""
        self.ensure_one()
        Rule = self.env["emulation.rule"]
        agreed = [day for day in cards.mapped("date_agreed") if day]
        on_date = max(agreed) if agreed else fields.Date.context_today(self)
        return (
            Rule._get_applicable("scoring", self.cluster_id, on_date),
            Rule._get_applicable("classification", self.cluster_id, on_date),
        )

    def _rank_scorecards(self):
        """Classify and rank every scorecard of these plans, by the rules in
        force on the day the scorecards are agreed (today, for a result
        not agreed yet: marked provisional). Ties share a rank and the
        next rank skips (1, 1, 3); the rule's tie-break group, then the
        unit's name, order them. A unit that has not sent its scores yet is
        neither ranked nor classified (not "last with 0"). One read per
        plan."""
        for plan in self:
            cards = plan.sudo().with_context(active_test=True).scorecard_ids
            unscored = cards.filtered(lambda card: card.state == "draft")
            if unscored:
                unscored._write_transition(
                    {
                        "rank": 0,
                        "classification_id": False,
                        "classification_rule_id": False,
                    }
                )
            cards -= unscored
            if not cards:
                continue
            scoring, classification = plan._get_ranking_rules(cards)
            by_percentage = scoring.ranking_basis == "percentage"
            results = cards._get_group_results()
            tiebreak = {
                card: sum(
                    points
                    for group, (points, __) in results[card].items()
                    if scoring.tiebreak_code and group.code == scoring.tiebreak_code
                )
                for card in cards
            }

            def key(card, by_percentage=by_percentage, tiebreak=tiebreak):
                basis = card.percentage if by_percentage else card.final_total
                return (-round(basis, 2), -round(tiebreak[card], 2))

            ordered = cards.sorted(
                lambda card, key=key: (key(card), card.partner_id.name)
            )
            previous, rank = None, 0
            # one write per (rank, level), not one per scorecard
            outcomes = defaultdict(list)
            for position, card in enumerate(ordered, start=1):
                if key(card) != previous:
                    rank, previous = position, key(card)
                level = (
                    classification._classify(
                        card.final_total, cards._get_group_percentages(results[card])
                    )
                    if classification
                    else classification.classification_ids
                )
                outcomes[rank, level.id].append(card.id)
            for (rank, level_id), card_ids in outcomes.items():
                cards.browse(card_ids)._write_transition(
                    {
                        "rank": rank,
                        "classification_id": level_id,
                        "classification_rule_id": classification.id,
                    }
                )
        # the ranking views read what was just written: drop their cache
        self.env["emulation.ranking"].invalidate_model()
        self.env["emulation.ranking.group"].invalidate_model()

    def action_view_registrations(self):
        self.ensure_one()
        return self._open(
            "emulation_cluster.emulation_registration_action",
            [("plan_id", "=", self.id)],
            {"default_plan_id": self.id},
        )

    def action_view_covenant(self):
        self.ensure_one()
        covenant = self.covenant_id
        if covenant.signature_ids:
            return covenant.action_view_signatures()
        if covenant:
            # not sent for signature yet: its clauses are what to work on
            return covenant._get_records_action(name=covenant.display_name)
        return {
            "type": "ir.actions.act_window",
            "res_model": "emulation.covenant",
            "view_mode": "form",
            "target": "current",
            "context": {"default_plan_id": self.id},
        }

    def action_view_submissions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emulation_cluster.emulation_submission_action_tracker"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        # one plan: who filed what, unit by unit and obligation by obligation
        action["context"] = {
            "pivot_row_groupby": ["partner_id"],
            "pivot_column_groupby": ["obligation_id", "state"],
        }
        return action

    def _get_submission_tracker(self):
        """Rows (units), columns (obligations) and cells {(unit id,
        obligation id): submission} of the plan's tracker, read in a few
        queries."""
        self.ensure_one()
        submissions = self.env["emulation.submission"].search(
            [("plan_id", "=", self.id)]
        )
        obligations = submissions.obligation_id.sorted(
            lambda ob: (ob.deadline or fields.Date.today(), ob.sequence, ob.id)
        )
        units = submissions.partner_id.sorted("name")
        cells = {(sub.partner_id.id, sub.obligation_id.id): sub for sub in submissions}
        widths = self._get_tracker_column_widths(len(obligations))
        pages = self._paginate_tracker(units, obligations, cells, widths)
        return {
            "units": units,
            "obligations": obligations,
            "cells": cells,
            "widths": widths,
            # [[(row number, unit), ...], ...]: one table per printed page
            "pages": [[(index + 1, units[index]) for index in page] for page in pages],
        }

    @api.model
    def _get_tracker_column_widths(self, obligation_count):
        """Percentages of the tracker's columns: number, unit, obligations."""
        each = round(70 / obligation_count, 2) if obligation_count else 0
        return {"number": 5, "unit": 25, "obligation": each}

    def _paginate_tracker(self, units, obligations, cells, widths):
        """Units of each printed page of the tracker, from an estimate of
        each row's height (see ``common.paginate``)."""
        report = self.env.ref("emulation_cluster.emulation_submission_tracker_report")
        page_width, page_height = paper_content_px(
            report.paperformat_id or self.env.company.paperformat_id
        )
        unit_px = page_width * widths["unit"] / 100
        cell_px = page_width * widths["obligation"] / 100
        states = dict(
            self.env["emulation.submission"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        head = estimate_row_px(
            [[(ob.name, cell_px), ("00/00/0000 00", cell_px)] for ob in obligations]
        )
        heights = []
        for unit in units:
            row = [[(unit.name, unit_px)]]
            for obligation in obligations:
                submission = cells.get((unit.id, obligation.id))
                blocks = (
                    [(states.get(submission.state, "–"), cell_px)] if submission else []
                )
                if submission and submission.date_filed:
                    blocks.append(("00/00/0000", cell_px))
                if submission and (submission.is_late or submission.is_overdue):
                    blocks.append(("000 ngày trễ hạn", cell_px))
                if submission and submission.state == "returned":
                    blocks.append((submission.return_reason, cell_px))
                row.append(blocks)
            heights.append(estimate_row_px(row))
        # the first page also carries the document's heading and title
        return paginate(
            heights, page_height - TRACKER_HEADING_PX - head, page_height - head
        )

    def action_print(self):
        return self.env.ref(
            "emulation_cluster.action_report_emulation_plan"
        ).report_action(self)

    def action_print_results_table(self):
        """The plan's results table, where the secretariat looks for it."""
        self.check_access("read")
        return self.env.ref(
            "emulation_cluster.emulation_scorecard_results_report"
        ).report_action(self)

    # ------------------------------------------------------------------
    # report helpers
    # ------------------------------------------------------------------
    def _get_kind_word(self):
        """ "Cụm" or "Khối", as the documents write it."""
        self.ensure_one()
        return "Khối" if self.cluster_kind == "bloc" else "Cụm"

    def _get_role_label(self, unit):
        """ "đơn vị Cụm trưởng" / "đơn vị Cụm phó" for the leader and deputy."""
        self.ensure_one()
        word = self._get_kind_word()
        if unit and unit == self.leader_id:
            return f"đơn vị {word} trưởng"
        if unit and unit == self.deputy_id:
            return f"đơn vị {word} phó"
        return ""

    def _get_report_events(self):
        self.ensure_one()
        return self.event_ids.sorted(lambda event: (event.sequence, event.id))

    def _get_report_obligation_lines(self):
        """Obligations grouped as the plan lists them: those due the same day
        to the same unit are one line ("...; Bảng tự chấm điểm ... gửi về
        đơn vị Cụm trưởng trước ngày 20/11/2020.")."""
        self.ensure_one()
        groups = []
        for obligation in self.obligation_ids.filtered(
            lambda obl: obl.state != "cancelled"
        ).sorted(lambda obl: (obl.sequence, obl.deadline or date.max, obl.id)):
            key = (obligation.deadline, obligation.recipient_id, obligation.note)
            if obligation.deadline and groups and groups[-1][0] == key:
                groups[-1][1].append(obligation)
            else:
                groups.append((key, [obligation]))
        return [
            obligations[0]._get_plan_line(obligations) for _key, obligations in groups
        ]

    def _get_report_addresses(self):
        """Distinct "Unit - address" and e-mail the reports are sent to."""
        self.ensure_one()
        seen = []
        for obligation in self.obligation_ids.filtered(
            lambda obl: obl.state != "cancelled" and (obl.address or obl.email)
        ):
            key = (
                obligation.recipient_id.name or "",
                obligation.address or "",
                obligation.email or "",
            )
            if key not in seen:
                seen.append(key)
        return seen
