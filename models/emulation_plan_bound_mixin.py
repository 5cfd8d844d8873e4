# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class EmulationPlanBoundMixin(models.AbstractModel):
    """A record of one activity plan: its plan, and the plan's cluster
    stored on it, that the record rules, the searches and the groupings
    read without a join. A model narrows the plan field as it needs
    (``plan_id = fields.Many2one(ondelete="cascade")``): the attributes
    given there are added to these."""

    _name = "emulation.plan.bound.mixin"
    _description = "Record of an Activity Plan"

    plan_id = fields.Many2one(
        "emulation.plan", "Plan", required=True, ondelete="restrict", index=True
    )
    cluster_id = fields.Many2one(
        related="plan_id.cluster_id", store=True, index=True, string="Cluster"
    )
