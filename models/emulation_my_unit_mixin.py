# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError


class EmulationMyUnitMixin(models.AbstractModel):
    """ "My unit" on a record of a member unit (``partner_id``): whether it
    is the unit of the user who reads it, shown and searched (the officers'
    "My Unit" filters)."""

    _name = "emulation.my.unit.mixin"
    _description = "Record of My Unit"

    is_my_unit = fields.Boolean(
        "My Unit", compute="_compute_is_my_unit", search="_search_is_my_unit"
    )

    @api.depends_context("uid")
    @api.depends("partner_id")
    def _compute_is_my_unit(self):
        unit = self.env.user.partner_id.commercial_partner_id
        for record in self:
            record.is_my_unit = record.partner_id == unit

    def _search_is_my_unit(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported."))
        unit_id = self.env.user.partner_id.commercial_partner_id.id
        positive = (operator == "=") == value
        return [("partner_id", "=" if positive else "!=", unit_id)]
