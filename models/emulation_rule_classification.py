# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EmulationRuleClassification(models.Model):
    """A level of result of a classification rule ("Hoàn thành xuất sắc
    nhiệm vụ"...), earned with at least ``min_points`` and no top-level
    criterion group under ``min_group_percent`` of its maximum."""

    _name = "emulation.rule.classification"
    _description = "Classification Level"
    _inherit = ["emulation.rule.line.mixin"]
    _order = "rule_id, sequence, id"

    _edit_groups = {
        "line": {
            "fields": ("sequence", "name", "min_points", "min_group_percent"),
            "parent": ("rule_id", "config"),
        }
    }

    sequence = fields.Integer(default=10)
    name = fields.Char("Classification", required=True)
    min_points = fields.Float(
        "From (points)",
        digits=(6, 2),
        help="Lowest total that earns this classification.",
    )
    min_group_percent = fields.Float(
        "No Group Under (%)",
        digits=(5, 2),
        help="Lowest percentage of its maximum any top-level criterion group "
        "may reach for this classification.",
    )

    @api.constrains("min_points", "min_group_percent")
    def _check_bounds(self):
        for line in self:
            if line.min_points < 0 or not 0 <= line.min_group_percent <= 100:
                raise ValidationError(
                    self.env._(
                        "Classification %(name)s: points cannot be negative and "
                        "a percentage lies between 0 and 100.",
                        name=line.name,
                    )
                )
