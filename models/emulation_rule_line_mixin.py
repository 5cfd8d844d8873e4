# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from ..tools.common import parent_field


class EmulationRuleLineMixin(models.AbstractModel):
    """A line of a rule (a classification level, a quota, an award's quota
    and deadline): set with its rule at creation, removed with it, and
    edited when the rule's settings are (each line model declares its
    fields in an ``_edit_groups`` group whose ``parent`` is
    ``("rule_id", "config")``)."""

    _name = "emulation.rule.line.mixin"
    _inherit = ["emulation.workflow.mixin"]
    _description = "Line of a Rule"

    _edit_create_fields = ("rule_id",)

    rule_id = parent_field("emulation.rule", "Rule")
