# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class IrRule(models.Model):
    _inherit = "ir.rule"

    def _make_access_error(self, operation, records):
        """A record of the addon the user may not reach is refused in his
        language and in his words: the kind of document, never its
        technical model, its id, the rule's name or the record's title."""
        Access = self.env["ir.model.access"]
        if not Access._is_emulation_model(records._name):
            return super()._make_access_error(operation, records)
        return Access._make_emulation_access_error(
            records._name, operation, reachable=True
        )
