# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import fields, models

from ..tools.common import format_vn_long_date


class EmulationOfficialDocumentMixin(models.AbstractModel):
    """What every document the cluster issues carries (Decree 30/2020/NĐ-CP):
    number-symbol, place and date of issue, distribution list and signer.

    The printed header and signer block come from the QWeb layout
    ``emulation_cluster.official_document_layout``.
    """

    _name = "emulation.official.document.mixin"
    _description = "Official Document (Decree 30/2020)"

    number = fields.Char(
        "Number-Symbol",
        tracking=True,
        copy=False,
        help='Number and symbol of the document, e.g. "790/KH-CTĐ".',
    )
    issue_date = fields.Date(tracking=True, copy=False)
    issue_place = fields.Char(
        "Place of Issue", help='Place written before the date, e.g. "Hải Phòng".'
    )
    issuer_parent_name = fields.Char(
        "Supervising Body",
        help="Upper line of the issuing body block, e.g. the ministry.",
    )
    issuer_name = fields.Char(
        "Issuing Body", help="Body that issues the document, printed in bold capitals."
    )
    distribution_list = fields.Text(
        help="Nơi nhận: one recipient per line.",
    )
    signer_title = fields.Char(
        help="Title printed above the signature, one line per row.",
    )
    signer_name = fields.Char()

    def _get_place_date_line(self, on_date=None):
        """ "Hải Phòng, ngày 26 tháng 3 năm 2020": the place and date of
        issue, or ``on_date`` for a paper printed on another day. Undated,
        the day is left to be written by hand (never the printing day)."""
        self.ensure_one()
        date_text = format_vn_long_date(on_date or self.issue_date) or (
            "ngày … tháng … năm …"
        )
        if self.issue_place:
            return f"{self.issue_place}, {date_text}"
        return date_text

    def _get_distribution_lines(self):
        self.ensure_one()
        return [
            line.strip()
            for line in (self.distribution_list or "").splitlines()
            if line.strip()
        ]

    def _get_missing_labels(self, names):
        """The labels of the fields ``names`` this document leaves empty (a
        text field with tags only is empty): what it lacks to be issued or
        sent, said by name."""
        self.ensure_one()
        return [
            self._fields[name].get_description(self.env)["string"]
            for name in names
            if not self._has_content(name)
        ]

    def _has_content(self, name):
        value = self[name]
        if self._fields[name].type == "html":
            return bool(value) and bool(
                Markup(value).striptags().replace("\xa0", " ").strip()
            )
        return bool(value)
