# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models


class EmulationClusterMembership(models.Model):
    """A unit joining a cluster owes the reports of the cluster's issued
    plans whose deadlines fall in its membership."""

    _inherit = "emulation.cluster.membership"

    @api.model_create_multi
    def create(self, vals_list):
        memberships = super().create(vals_list)
        memberships._create_missing_submissions()
        return memberships

    def write(self, vals):
        res = super().write(vals)
        if {"date_start", "date_end", "partner_id", "cluster_id"} & set(vals):
            self._create_missing_submissions()
        return res

    def _create_missing_submissions(self):
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
