# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EmulationRuleQuota(models.Model):
    """How many units a cluster may propose for an award type in a year
    (e.g. one for the flag, three for certificates of merit), a line of a
    nomination quota rule."""

    _name = "emulation.rule.quota"
    _description = "Nomination Quota"
    _inherit = ["emulation.workflow.mixin"]
    _order = "rule_id, award_type_id, id"

    _edit_groups = {
        "line": {
            "fields": ("award_type_id", "max_count"),
            "parent": ("rule_id", "config"),
        }
    }
    _edit_create_fields = ("rule_id",)

    rule_id = fields.Many2one(
        comodel_name="emulation.rule",
        string="Rule",
        required=True,
        ondelete="cascade",
        index=True,
    )
    award_type_id = fields.Many2one(
        comodel_name="emulation.award.type",
        string="Award Type",
        required=True,
        ondelete="restrict",
    )
    max_count = fields.Integer(string="Units at Most", default=1)

    _sql_constraints = [
        (
            "rule_award_type_uniq",
            "unique(rule_id, award_type_id)",
            "The rule already sets a quota for this award type.",
        ),
    ]

    @api.constrains("max_count")
    def _check_max_count(self):
        if self.filtered(lambda quota: quota.max_count < 1):
            raise ValidationError(
                self.env._("A quota lets at least one unit be proposed.")
            )
