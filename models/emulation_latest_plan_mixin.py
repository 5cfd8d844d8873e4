# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.osv.expression import OR as expression_or
from odoo.tools import SQL


class EmulationLatestPlanMixin(models.AbstractModel):
    """Records of a plan (``plan_id``) filtered on their cluster's latest
    issued plan: what the tracker and the submissions' lists open on, the
    submissions and their tally alike."""

    _name = "emulation.latest.plan.mixin"
    _description = "Latest Issued Plan Filter"

    is_latest_plan = fields.Boolean(
        "Latest Issued Plan",
        compute="_compute_is_latest_plan",
        search="_search_is_latest_plan",
        help="Of the latest issued plan of its cluster.",
    )

    @api.model
    def _get_latest_plans(self):
        """The latest issued plan of each cluster (one query)."""
        groups = self.env["emulation.plan"]._read_group(
            [("state", "=", "issued")], groupby=["cluster_id"], aggregates=["year:max"]
        )
        if not groups:
            return self.env["emulation.plan"]
        return self.env["emulation.plan"].search(
            expression_or(
                [
                    [("cluster_id", "=", cluster.id), ("year", "=", year)]
                    for cluster, year in groups
                ]
            )
        )

    def _compute_is_latest_plan(self):
        latest = self._get_latest_plans()
        for record in self:
            record.is_latest_plan = record.plan_id in latest

    def _search_is_latest_plan(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported."))
        positive = (operator == "=") == value
        # a subquery, not a list of ids read first: the tracker's pivot
        # filters on it once per grouping it asks; uncorrelated, so that
        # PostgreSQL finds the latest plans once per query, not once per
        # plan, and knows how many there are (one a cluster)
        Plan = self.env["emulation.plan"]
        query = Plan._search([("state", "=", "issued")])
        query.add_where(
            SQL(
                """%s IN (SELECT DISTINCT ON (latest.cluster_id) latest.id
                           FROM emulation_plan latest
                          WHERE latest.state = 'issued' AND latest.active
                       ORDER BY latest.cluster_id, latest.year DESC)""",
                SQL.identifier(query.table, "id"),
            )
        )
        return [("plan_id", "in" if positive else "not in", query)]
