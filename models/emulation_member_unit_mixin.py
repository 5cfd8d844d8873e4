# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class EmulationMemberUnitMixin(models.AbstractModel):
    """A record of one member unit (its membership, its scorecard, its
    registration, its answer to a consultation): the unit, required, kept
    while a record names it and indexed for the record rules and the
    searches that read it. Declared once here because these models declared
    it alike; a model adds what it needs (``partner_id =
    fields.Many2one(readonly=True)``): the attributes given there are added
    to these."""

    _name = "emulation.member.unit.mixin"
    _description = "Record of a Member Unit"

    partner_id = fields.Many2one(
        "res.partner", "Member Unit", required=True, ondelete="restrict", index=True
    )
