# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class EmulationPlanReportMixin(models.AbstractModel):
    """A row of a report over the plans (a view of the database: the
    rankings, the year boards, what a unit owes): the plan it is of, the
    plan's cluster and year, as the report's query gives them."""

    _name = "emulation.plan.report.mixin"
    _description = "Report Row of a Plan"

    plan_id = fields.Many2one("emulation.plan", "Plan", readonly=True)
    cluster_id = fields.Many2one("emulation.cluster", "Cluster", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
