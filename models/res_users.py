# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    emulation_unit_id = fields.Many2one(
        comodel_name="res.partner",
        string="Emulation Unit",
        compute="_compute_emulation_unit_id",
        help="Member unit the user works for: the company of the user's contact.",
    )

    @api.depends("partner_id.commercial_partner_id")
    def _compute_emulation_unit_id(self):
        for user in self:
            unit = user.partner_id.commercial_partner_id
            user.emulation_unit_id = unit if unit.is_company else False
