# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError
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
    def _get_latest_plans_query(self):
        """The latest issued plan of each cluster, as a subquery: the
        filter's search and its compute read them alike. Uncorrelated, so
        that PostgreSQL finds them once per query, not once per plan, and
        knows how many there are (one a cluster); a subquery, not ids read
        first, as the tracker's pivot filters on it once per grouping."""
        query = self.env["emulation.plan"]._search([("state", "=", "issued")])
        query.add_where(
            SQL(
                """%s IN (SELECT DISTINCT ON (latest.cluster_id) latest.id
                           FROM emulation_plan latest
                          WHERE latest.state = 'issued' AND latest.active
                       ORDER BY latest.cluster_id, latest.year DESC)""",
                SQL.identifier(query.table, "id"),
            )
        )
        return query

    def _compute_is_latest_plan(self):
        latest = self.env["emulation.plan"].browse(self._get_latest_plans_query())
        for record in self:
            record.is_latest_plan = record.plan_id in latest

    def _search_is_latest_plan(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported."))
        positive = (operator == "=") == value
        return [
            ("plan_id", "in" if positive else "not in", self._get_latest_plans_query())
        ]
