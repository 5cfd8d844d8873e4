# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

# the parents of a plan's records that go through a workflow with a chatter,
# written once: the plan's official documents (the covenant, the submission
# letter) and a member unit's records of the plan (its registration, its
# award proposals)
PLAN_DOCUMENT_INHERIT = (
    "emulation.workflow.mixin",
    "emulation.plan.bound.mixin",
    "mail.thread",
    "mail.activity.mixin",
    "emulation.official.document.mixin",
)
PLAN_UNIT_RECORD_INHERIT = (
    "emulation.workflow.mixin",
    "emulation.plan.bound.mixin",
    "emulation.member.unit.mixin",
    "mail.thread",
    "mail.activity.mixin",
)


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
