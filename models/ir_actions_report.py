# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _prepare_html(self, html, report_model=False):
        """The addon's documents carry their Decree 30 header in the body:
        give wkhtmltopdf no header or footer page at all, which Debian's
        build (unpatched Qt) cannot draw and warns about."""
        prepared = super()._prepare_html(html, report_model=report_model)
        if not prepared or not self._is_emulation_document():
            return prepared
        bodies, res_ids, __, __, paperformat_args = prepared
        return bodies, res_ids, None, None, paperformat_args

    def _is_emulation_document(self):
        return bool(self) and self.report_name.split(".")[0] == "emulation_cluster"
