# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    emulation_unit_id = fields.Many2one(
        "res.partner",
        "Emulation Unit",
        compute="_compute_emulation_unit_id",
        help="Member unit the user works for: the company of the user's contact.",
    )

    @api.depends("partner_id.commercial_partner_id")
    def _compute_emulation_unit_id(self):
        for user in self:
            unit = user.partner_id.commercial_partner_id
            user.emulation_unit_id = unit if unit.is_company else False

    emulation_role = fields.Selection(
        [
            ("officer", "Unit Officer"),
            ("secretariat", "Secretariat"),
            ("manager", "Manager"),
        ],
        compute="_compute_emulation_role",
        help="The user's highest group in the emulation clusters.",
    )

    @api.depends("groups_id")
    def _compute_emulation_role(self):
        for user in self:
            user.emulation_role = next(
                (
                    role
                    for role, group in (
                        ("manager", "emulation_cluster.group_manager"),
                        ("secretariat", "emulation_cluster.group_secretariat"),
                        ("officer", "emulation_cluster.group_unit_officer"),
                    )
                    if user.has_group(group)
                ),
                False,
            )
