# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import api, fields, models

from ..tools.common import ORGANISING_LEVELS


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
        }
    }
    _edit_create_roles = ("manager",)

    name = fields.Char(required=True, translate=False, tracking=True)
    code = fields.Char(tracking=True)
    kind = fields.Selection(
        selection=[("cluster", "Cluster"), ("bloc", "Bloc")],
        required=True,
        default="cluster",
        tracking=True,
    )
    level = fields.Selection(
        selection=ORGANISING_LEVELS,
        string="Organising Level",
        required=True,
        default="ministry",
        tracking=True,
    )
    council_id = fields.Many2one(
        comodel_name="res.partner",
        string="Supervising Council",
        tracking=True,
        help="Emulation and commendation council the cluster reports to.",
    )
    regulation_id = fields.Many2one(
        comodel_name="emulation.document",
        string="Regulation",
        tracking=True,
        help="Regulation on the organisation and operation of the cluster.",
    )
    secretariat_user_ids = fields.Many2many(
        comodel_name="res.users",
        relation="emulation_cluster_secretariat_rel",
        column1="cluster_id",
        column2="user_id",
        string="Secretariat",
        help="Users who serve as the cluster's secretariat.",
    )
    membership_ids = fields.One2many(
        comodel_name="emulation.cluster.membership",
        inverse_name="cluster_id",
        string="Memberships",
    )
    member_count = fields.Integer(
        string="Current Members", compute="_compute_member_count"
    )
    plan_symbol = fields.Char(
        default="KH-CTĐ",
        required=True,
        help='Symbol of the annual plans\' numbers: "790/KH-CTĐ".',
    )
    plan_sequence_id = fields.Many2one(
        comodel_name="ir.sequence",
        string="Plan Numbering",
        copy=False,
        readonly=True,
        help="Numbers the cluster's plans, restarting every year.",
    )
    term_ids = fields.One2many(
        comodel_name="emulation.cluster.term",
        inverse_name="cluster_id",
        string="Leaders and Deputies",
        readonly=True,
        help="Each year's leader and deputy, as the year-end conference before "
        "elected them.",
    )
    plan_ids = fields.One2many(
        comodel_name="emulation.plan",
        inverse_name="cluster_id",
        string="Annual Plans",
    )
    note = fields.Html()
    is_config_editable = fields.Boolean(compute="_compute_edit_flags")
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

    def _get_next_plan_number(self, year):
        """Next "N/KH-CTĐ" of the cluster for ``year``: one sequence per
        cluster, one date range (own counter) per year."""
        self.ensure_one()
        sequence = self.sudo().plan_sequence_id
        suffix = "/" + self.plan_symbol.replace("%", "%%")
        if not sequence:
            sequence = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": self.env._(
                            "Plans of %(cluster)s", cluster=self.display_name
                        ),
                        "code": f"emulation.plan.cluster.{self.id}",
                        "implementation": "no_gap",
                        "use_date_range": True,
                        "padding": 0,
                        "suffix": suffix,
                    }
                )
            )
            self.sudo().plan_sequence_id = sequence.id
        elif sequence.suffix != suffix:
            sequence.suffix = suffix
        return sequence.next_by_id(sequence_date=date(year, 1, 1))

    def action_view_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emulation_cluster.emulation_plan_action"
        )
        action["domain"] = [("cluster_id", "=", self.id)]
        action["context"] = {"default_cluster_id": self.id}
        return action
