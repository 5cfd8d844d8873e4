# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.common import ORGANISING_LEVELS

# The symbol of a cluster's plans when the cluster names none
DEFAULT_PLAN_SYMBOL = "KH-CTĐ"
# Largest file a new cluster accepts, in megabytes (a scanned report).
DEFAULT_UPLOAD_MB = 25
# Odoo's own limit when web.max_file_upload_size is not set (its web client's).
SERVER_UPLOAD_BYTES = 128 * 1024 * 1024
MEGABYTE = 1024 * 1024


class EmulationCluster(models.Model):
    """An emulation cluster or bloc (Cụm / Khối thi đua)."""

    _name = "emulation.cluster"
    _description = "Emulation Cluster"
    _inherit = ["emulation.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "name"

    _edit_groups = {
        "config": {
            "fields": (
                "name",
                "code",
                "kind",
                "level",
                "council_id",
                "regulation_id",
                "secretariat_user_ids",
                "membership_ids",
                "plan_symbol",
                "note",
                "active",
            ),
            "roles": {"manager": None},
        },
        # what the secretariat decides for the files its members upload
        "uploads": {"fields": ("max_upload_mb",), "roles": {"secretariat": None}},
    }
    _edit_create_roles = ("manager",)

    name = fields.Char(required=True, translate=False, tracking=True)
    code = fields.Char(tracking=True)
    kind = fields.Selection(
        [("cluster", "Cluster"), ("bloc", "Bloc")],
        required=True,
        default="cluster",
        tracking=True,
    )
    level = fields.Selection(
        ORGANISING_LEVELS,
        "Organising Level",
        required=True,
        default="ministry",
        tracking=True,
    )
    council_id = fields.Many2one(
        "res.partner",
        "Supervising Council",
        tracking=True,
        help="Emulation and commendation council the cluster reports to.",
    )
    regulation_id = fields.Many2one(
        "emulation.document",
        "Regulation",
        tracking=True,
        help="Regulation on the organisation and operation of the cluster.",
    )
    secretariat_user_ids = fields.Many2many(
        "res.users",
        "emulation_cluster_secretariat_rel",
        "cluster_id",
        "user_id",
        "Secretariat",
        help="Users who serve as the cluster's secretariat.",
    )
    membership_ids = fields.One2many(
        "emulation.cluster.membership", "cluster_id", "Memberships"
    )
    secretariat_unit_ids = fields.Many2many(
        "res.partner",
        string="Secretariat Units",
        compute="_compute_secretariat_unit_ids",
        help="The units whose staff may serve as the secretariat: the leader "
        "unit of this year (its term, else its plan), else of the latest "
        "plan; of a cluster that has none yet, its current members.",
    )
    member_count = fields.Integer("Current Members", compute="_compute_member_count")
    # no default: a prefilled value would have the user type after it
    plan_symbol = fields.Char(
        help='Symbol of the annual plans\' numbers, as in "790/KH-CTĐ"; '
        'left empty, "KH-CTĐ".',
    )
    plan_sequence_id = fields.Many2one(
        "ir.sequence",
        "Plan Numbering",
        copy=False,
        readonly=True,
        help="Numbers the cluster's plans, restarting every year.",
    )
    term_ids = fields.One2many(
        "emulation.cluster.term",
        "cluster_id",
        "Leaders and Deputies",
        readonly=True,
        help="Each year's leader and deputy, as the year-end conference before "
        "elected them.",
    )
    plan_ids = fields.One2many("emulation.plan", "cluster_id", "Annual Plans")
    note = fields.Html()
    max_upload_mb = fields.Integer(
        "Largest File (MB)",
        default=DEFAULT_UPLOAD_MB,
        tracking=True,
        help="Largest file the members and the secretariat may attach to "
        "a filing, a dossier or a signed covenant, in megabytes; never more "
        "than the server allows.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_uniq",
            "unique(code)",
            "Another emulation cluster already has this code.",
        ),
    ]

    @api.depends("membership_ids.date_start", "membership_ids.date_end")
    def _compute_member_count(self):
        today = fields.Date.context_today(self)
        members = self._get_members_by_cluster(today)
        for cluster in self:
            cluster.member_count = len(members.get(cluster.id, []))

    @api.depends(
        "term_ids.leader_id", "plan_ids.leader_id", "membership_ids.partner_id"
    )
    def _compute_secretariat_unit_ids(self):
        today = fields.Date.context_today(self)
        members = self._get_members_by_cluster(today)
        Partner = self.env["res.partner"]
        for cluster in self:
            cluster.secretariat_unit_ids = cluster._get_leader_at(
                today.year
            ) or members.get(cluster.id, Partner)

    def _get_leader_at(self, year):
        """The leader unit of ``year``: the term the conference before
        elected, else the plan of the year, else the latest plan before."""
        self.ensure_one()
        term = self.sudo().term_ids.filtered(
            lambda term: term.year == year and term.leader_id
        )
        if term:
            return term[:1].leader_id
        plans = self.sudo().plan_ids.filtered(
            lambda plan: plan.year <= year and plan.leader_id
        )
        return plans.sorted("year", reverse=True)[:1].leader_id

    @api.model
    def _get_server_upload_limit(self):
        """Bytes: the largest upload the server accepts at all."""
        value = (
            self.env["ir.config_parameter"].sudo().get_param("web.max_file_upload_size")
        )
        try:
            return int(value) if value else SERVER_UPLOAD_BYTES
        except ValueError:
            return SERVER_UPLOAD_BYTES

    def _get_upload_limit(self):
        """Bytes: the largest file this cluster accepts (no cluster: the
        server's limit)."""
        server = self._get_server_upload_limit()
        if len(self) != 1 or not self.max_upload_mb:
            return server
        return min(server, self.max_upload_mb * MEGABYTE)

    @api.constrains("max_upload_mb")
    def _check_max_upload_mb(self):
        server_mb = self._get_server_upload_limit() // MEGABYTE
        for cluster in self:
            if not 1 <= cluster.max_upload_mb <= server_mb:
                raise ValidationError(
                    self.env._(
                        "The largest file lies between 1 and %(max)s MB (the "
                        "server's own limit).",
                        max=server_mb,
                    )
                )

    def _is_served_by(self, user):
        """Whether ``user`` acts as this cluster's secretariat: a
        secretariat user serving it, or a manager (who serves every
        cluster)."""
        self.ensure_one()
        return user.has_group("emulation_cluster.group_manager") or (
            user in self.secretariat_user_ids
            and user.has_group("emulation_cluster.group_secretariat")
        )

    def _get_edit_cluster(self):
        return self

    def _get_members_by_cluster(self, date):
        """{cluster id: member units} at ``date``, in one query (archived
        memberships, which are mistakes, never count)."""
        groups = (
            self.env["emulation.cluster.membership"]
            .with_context(active_test=True)
            ._read_group(
                self.env["emulation.cluster.membership"]._get_active_at_domain(date)
                + [("cluster_id", "in", self.ids)],
                groupby=["cluster_id"],
                aggregates=["partner_id:recordset"],
            )
        )
        return {cluster.id: partners for cluster, partners in groups}

    def _get_members_at(self, date):
        """Member units (res.partner) of this cluster at ``date``."""
        self.ensure_one()
        return self._get_members_by_cluster(date).get(self.id, self.env["res.partner"])

    def _get_plan_symbol(self):
        self.ensure_one()
        return (self.plan_symbol or "").strip() or DEFAULT_PLAN_SYMBOL

    def _get_next_plan_number(self, year):
        """Next "N/KH-CTĐ" of the cluster for ``year``: one sequence per
        cluster, one date range (own counter) per year."""
        self.ensure_one()
        sequence = self.sudo().plan_sequence_id
        suffix = "/" + self._get_plan_symbol().replace("%", "%%")
        if not sequence:
            sequence = self._create_yearly_sequence(
                self.env._("Plans of %(cluster)s", cluster=self.display_name),
                f"emulation.plan.cluster.{self.id}",
                0,
                suffix,
            )
            self.sudo().plan_sequence_id = sequence.id
        elif sequence.suffix != suffix:
            sequence.suffix = suffix
        return sequence.next_by_id(sequence_date=date(year, 1, 1))

    def _create_yearly_sequence(self, name, code, padding, suffix):
        """A gapless numbering of the cluster (sudo), one counter per year
        (date range), each number followed by ``suffix`` ("/KH-CTĐ"...,
        ``%`` already doubled): the plans' and the submission letters'
        numberings are made alike."""
        return (
            self.env["ir.sequence"]
            .sudo()
            .create(
                {
                    "name": name,
                    "code": code,
                    "implementation": "no_gap",
                    "use_date_range": True,
                    "padding": padding,
                    "suffix": suffix,
                }
            )
        )

    def action_view_plans(self):
        return self._open_children(
            "emulation_cluster.emulation_plan_action", "cluster_id"
        )

    def action_view_criterion_templates(self):
        """The cluster's criteria templates; a new one is the cluster's,
        set by its regulation, valid from its date."""
        self.ensure_one()
        return self._open(
            "emulation_cluster.emulation_criterion_template_action",
            [("cluster_id", "=", self.id), ("plan_id", "=", False)],
            {
                "default_cluster_id": self.id,
                "default_document_id": self.regulation_id.id,
                "default_date_from": self.regulation_id.date,
            },
        )

    def action_view_rules(self):
        """The cluster's own rules; a new one is the cluster's, set by its
        regulation, until the manager says otherwise."""
        self.ensure_one()
        return self._open(
            "emulation_cluster.emulation_rule_action",
            [("scope", "=", "cluster"), ("cluster_id", "=", self.id)],
            {
                "search_default_group_rule_type": 1,
                "default_scope": "cluster",
                "default_cluster_id": self.id,
                "default_document_id": self.regulation_id.id,
                "default_date_from": self.regulation_id.date,
            },
        )
