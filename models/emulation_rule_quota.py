# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .emulation_award_type import award_type_field


class EmulationRuleQuota(models.Model):
    """How many units a cluster may propose for an award type in a year
    (e.g. one for the flag, three for certificates of merit), a line of a
    nomination quota rule."""

    _name = "emulation.rule.quota"
    _description = "Nomination Quota"
    _inherit = ["emulation.rule.line.mixin"]
    _order = "rule_id, award_type_id, id"

    _edit_groups = {
        "line": {
            "fields": ("award_type_id", "max_count", "required_classification"),
            "parent": ("rule_id", "config"),
        }
    }

    award_type_id = award_type_field()
    max_count = fields.Integer("Units at Most", default=1)
    required_classification = fields.Selection(
        [
            ("any", "Any Result"),
            ("best", "The Best Classification"),
            ("top_two", "One of the Two Best Classifications"),
            ("not_lowest", "Any Classification but the Lowest"),
        ],
        "Result Required",
        required=True,
        default="any",
        help="The classification of the year a unit needs to be a candidate "
        "for this award, among the levels of the classification rule that "
        "ranked it (the best first). The secretariat adds another unit only "
        "with a reason, which the minutes print.",
    )

    _sql_constraints = [
        (
            "rule_award_type_uniq",
            "unique(rule_id, award_type_id)",
            "The rule already sets a quota for this award type.",
        ),
    ]

    def _get_qualified_units(self, rankings):
        """The units of the ranking rows ``rankings`` whose classification
        meets what this line requires."""
        self.ensure_one()
        if self.required_classification == "any":
            return rankings.partner_id
        qualified = self.env["res.partner"]
        for row in rankings:
            level = row.classification_id
            levels = level.rule_id.classification_ids.sorted(
                lambda line: (line.sequence, line.id)
            )
            if not level:
                continue
            index = list(levels).index(level)
            if {
                "best": index == 0,
                "top_two": index <= 1,
                "not_lowest": index < len(levels) - 1,
            }[self.required_classification]:
                qualified |= row.partner_id
        return qualified

    @api.constrains("max_count")
    def _check_max_count(self):
        if self.filtered(lambda quota: quota.max_count < 1):
            raise ValidationError(
                self.env._("A quota lets at least one unit be proposed.")
            )
