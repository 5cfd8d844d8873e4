# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    emulation_membership_ids = fields.One2many(
        comodel_name="emulation.cluster.membership",
        inverse_name="partner_id",
        string="Emulation Memberships",
    )
    emulation_successor_id = fields.Many2one(
        comodel_name="res.partner",
        string="Successor Unit",
        domain=[("is_company", "=", True)],
        index="btree_not_null",
        tracking=True,
        help="Unit that took over this one (e.g. after a merger of provinces).",
    )
    emulation_predecessor_ids = fields.One2many(
        comodel_name="res.partner",
        inverse_name="emulation_successor_id",
        string="Predecessor Units",
    )
