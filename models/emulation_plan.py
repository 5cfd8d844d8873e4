# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import date

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.common import format_vn_short_date
from .emulation_edit_policy_mixin import archive_group
from .emulation_workflow_mixin import state_field

PLAN_STATES = [
    ("draft", "Draft"),
    ("consultation", "Consultation"),
    ("issued", "Issued"),
    ("closed", "Closed"),
]

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
        "archive": archive_group("secretariat"),
    }
    _edit_create_fields = ("cluster_id",)
    _edit_create_roles = ("secretariat",)
    _allowed_moves = {
        "draft": ("consultation", "issued"),
        "consultation": ("draft", "issued"),
        "issued": ("closed",),
    }

    name = fields.Char(
        "Title",
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
        "emulation.cluster", required=True, index=True, tracking=True
    )
    cluster_kind = fields.Selection(related="cluster_id.kind")
    year = fields.Integer(
        required=True,
        index=True,
        tracking=True,
        aggregator=False,
        default=lambda self: fields.Date.context_today(self).year,
    )
    state = state_field(PLAN_STATES, group_expand="_read_group_expand_state")
    leader_id = fields.Many2one(
        "res.partner",
        "Leader Unit",
        tracking=True,
        index="btree_not_null",
        domain="[('emulation_membership_ids.cluster_id', '=', cluster_id)]",
    )
    deputy_id = fields.Many2one(
        "res.partner",
        "Deputy Unit",
        tracking=True,
        index="btree_not_null",
        domain="[('emulation_membership_ids.cluster_id', '=', cluster_id)]",
    )
    basis_ids = fields.One2many(
        "emulation.plan.basis", "plan_id", "Legal Bases", copy=True
    )
    cited_document_ids = fields.Many2many(
        "emulation.document",
        "emulation_plan_cited_document_rel",
        "plan_id",
        "document_id",
        "Other Cited Documents",
        help="Documents cited in the plan's text besides its legal bases.",
    )
    member_unit_ids = fields.Many2many(
        "res.partner",
        "emulation_plan_member_unit_rel",
        "plan_id",
        "partner_id",
        "Member Units of the Year",
        compute="_compute_member_unit_ids",
        store=True,
        compute_sudo=True,
        help="Units that were members of the cluster at some time of the "
        "plan's year: they read the plan, even after they left the cluster.",
    )
    purpose = fields.Html("Purpose and Requirements")
    covenant_content = fields.Html(
        "Covenant Contents to Carry Out",
        help="Section II: how the members carry out the year's covenant.",
    )
    campaign_content = fields.Html(
        "Launch and Registration",
        help="Launching the emulation movement and registering for it.",
    )
    reporting_intro = fields.Text(
        "Reporting Rules", help="Sentence introducing the reporting obligations."
    )
    organisation = fields.Html("Organisation of Implementation")
    event_ids = fields.One2many(
        "emulation.event", "plan_id", "Conferences and Activities"
    )
    obligation_ids = fields.One2many(
        "emulation.obligation", "plan_id", "Reporting Obligations"
    )
    consultation_ids = fields.One2many(
        "emulation.plan.consultation", "plan_id", "Consultation"
    )
    consultation_deadline = fields.Date(
        "Answers Expected By",
        help="Date by which the members are asked to give their opinion.",
    )
    revision_ids = fields.One2many("emulation.plan.revision", "plan_id", "Revisions")
    revision_number = fields.Integer(
        "Revision", default=0, copy=False, readonly=True, tracking=True
    )
    adjustment_in_progress = fields.Boolean(
        copy=False,
        readonly=True,
        tracking=True,
        help="Set by an agreed adjustment: the issued plan may be edited "
        "until the adjustment is finished.",
    )
    submission_ids = fields.One2many("emulation.submission", "plan_id", "Submissions")
    results_number = fields.Char(
        "Results Table Number",
        copy=False,
        tracking=True,
        help='Number-symbol of the printed results table, e.g. "15/BC-CTĐ".',
    )
    results_signer_title = fields.Char(
        "Results Table Signer Title",
        copy=False,
        help="The leader unit's head signs the results table; the plan's "
        "signer when empty. One line per row.",
    )
    results_signer_name = fields.Char(
        "Results Table Signer",
        copy=False,
        help="The leader unit's head; the plan's signer when empty.",
    )
    results_distribution_list = fields.Text(
        "Results Table Recipients",
        copy=False,
        help="Nơi nhận of the results table, one recipient per line; the "
        "member units and the archive when empty.",
    )
    criterion_template_ids = fields.One2many(
        "emulation.criterion.template",
        "plan_id",
        "Scoring Criteria",
        readonly=True,
        copy=False,
    )
    scorecard_ids = fields.One2many(
        "emulation.scorecard", "plan_id", "Scorecards", readonly=True, copy=False
    )
    previous_plan_id = fields.Many2one(
        "emulation.plan",
        "Previous Year's Plan",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The plan this one was made from by the year rollover.",
    )
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
            self._check_leading_members(
                plan.leader_id | plan.deputy_id,
                members_by_cluster[key],
                plan.cluster_id,
                ref_date,
            )

    @api.model
    def _check_leading_members(
        self, units, members, cluster, on_date, error=ValidationError
    ):
        """Refuse the first of ``units`` (a leader, a deputy) that is not
        among ``members``, those of ``cluster`` on ``on_date``: a unit leads
        the cluster only in a year it is a member. The plan's constraint and
        the rollover (next year's units, before their plan is made, with
        ``error`` its own refusal) check it alike."""
        for unit in units:
            if unit not in members:
                raise error(
                    self.env._(
                        "%(unit)s is not a member of %(cluster)s on "
                        "%(date)s: it cannot lead the cluster that year.",
                        unit=unit.display_name,
                        cluster=cluster.display_name,
                        date=format_vn_short_date(on_date),
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
        if self._is_referenced_by("emulation.covenant", "plan_id"):
            raise UserError(
                self.env._("Delete the plan's draft covenant before the plan.")
            )

    @api.depends("name", "number", "year")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = (
                f"{plan.number} – {plan.name}" if plan.number else plan.name or ""
            )
