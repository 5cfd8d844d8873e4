# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression


class EmulationClusterMembership(models.Model):
    """Membership of a unit in a cluster, dated so that history survives
    changes of composition (mergers, transfers between clusters)."""

    _name = "emulation.cluster.membership"
    _description = "Cluster Membership"
    _inherit = [
        "emulation.workflow.mixin",
        "emulation.member.unit.mixin",
        "emulation.period.mixin",
        "mail.thread",
    ]
    _order = "cluster_id, sequence, id"

    _edit_groups = {
        "config": {
            "fields": (
                "cluster_id",
                "partner_id",
                "sequence",
                "date_start",
                "date_end",
                "unit_name",
                "active",
            ),
            "roles": {"manager": None},
        }
    }
    _edit_create_roles = ("manager",)
    _period_fields = ("date_start", "date_end")

    cluster_id = fields.Many2one(
        "emulation.cluster",
        required=True,
        ondelete="cascade",
        index=True,
        tracking=True,
    )
    partner_id = fields.Many2one(domain=[("is_company", "=", True)], tracking=True)
    sequence = fields.Integer(default=10)
    date_start = fields.Date(
        "Member Since",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_end = fields.Date("Member Until", tracking=True)
    unit_name = fields.Char(
        "Name as Member",
        help="Name of the unit during this membership, printed on the "
        "documents of those years even after the unit was renamed or merged.",
    )
    officer_ids = fields.Many2many(
        related="partner_id.emulation_officer_ids", string="Officers"
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "date_check",
            "CHECK(date_end IS NULL OR date_end >= date_start)",
            "A membership cannot end before it starts.",
        ),
    ]

    def _period_error(self):
        return self.env._(
            "The membership of %(unit)s cannot end before it starts.",
            unit=self.partner_id.display_name,
        )

    @api.constrains("cluster_id", "partner_id", "date_start", "date_end")
    def _check_overlap(self):
        # one query for the whole batch (a cluster is created with all its
        # members), then the periods are compared in Python
        others = self.search(
            [
                ("cluster_id", "in", self.cluster_id.ids),
                ("partner_id", "in", self.partner_id.ids),
            ]
        ).grouped(lambda other: (other.cluster_id, other.partner_id))
        for membership in self:
            for other in others.get((membership.cluster_id, membership.partner_id), []):
                if other != membership and membership._overlaps(other):
                    raise ValidationError(
                        self.env._(
                            "%(unit)s is already a member of %(cluster)s during "
                            "this period.",
                            unit=membership.partner_id.display_name,
                            cluster=membership.cluster_id.display_name,
                        )
                    )

    def _overlaps(self, other):
        """Whether two memberships run on a common day (no end: open)."""
        return (not self.date_end or self.date_end >= other.date_start) and (
            not other.date_end or other.date_end >= self.date_start
        )

    @api.depends("partner_id", "cluster_id", "unit_name")
    def _compute_display_name(self):
        for membership in self:
            membership.display_name = (
                f"{membership.unit_name or membership.partner_id.name} – "
                f"{membership.cluster_id.name}"
            )

    @api.model
    def _get_active_at_domain(self, date):
        """Domain of the memberships running at ``date``."""
        return expression.AND(
            [
                [("date_start", "<=", date)],
                ["|", ("date_end", "=", False), ("date_end", ">=", date)],
            ]
        )

    # ------------------------------------------------------------------
    # a unit joining owes the reports of the cluster's issued plans
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        memberships = super().create(vals_list)
        memberships._create_missing_submissions()
        return memberships

    def write(self, vals):
        res = super().write(vals)
        if {"date_start", "date_end", "partner_id", "cluster_id", "active"} & set(vals):
            self._create_missing_submissions()
        return res

    def _create_missing_submissions(self):
        """The units joining a cluster owe the reports of its issued plans
        whose deadlines fall in their membership."""
        if not self:
            return
        start = min(self.mapped("date_start"))
        obligations = (
            self.env["emulation.obligation"]
            .sudo()
            .search(
                [
                    ("cluster_id", "in", self.cluster_id.ids),
                    ("plan_id.state", "=", "issued"),
                    ("state", "=", "open"),
                    "|",
                    ("deadline", "=", False),
                    ("deadline", ">=", start),
                ]
            )
        )
        obligations._create_missing_submissions()

    def action_open_officer_wizard(self):
        """ "Add an Officer" on the cluster's list of members: the unit's
        own wizard, reached without leaving the cluster (the wizard checks
        that the user is a manager before it creates anyone)."""
        self.ensure_one()
        return self.partner_id.action_open_officer_wizard()
