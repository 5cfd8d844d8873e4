# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.common import format_vn_short_date

# The word a Vietnamese text uses to cite each type of document (fixed
# administrative wording, printed as is on the official documents).
DOCUMENT_TYPE_WORDS = {
    "law": "Luật",
    "decree": "Nghị định",
    "circular": "Thông tư",
    "decision": "Quyết định",
    "directive": "Chỉ thị",
    "resolution": "Nghị quyết",
    "plan": "Kế hoạch",
    "official_letter": "Công văn",
    "regulation": "Quy định",
    "other": "Văn bản",
}


class EmulationDocument(models.Model):
    """A real document (văn bản) cited by the cluster's records: one record
    per document, reused wherever it is cited (legal basis of a plan, the
    decision that suspends an event, the text that approved a change...)."""

    _name = "emulation.document"
    _description = "Reference Document"
    _inherit = ["emulation.workflow.mixin", "mail.thread"]
    _order = "date desc, id desc"

    # any secretariat records and corrects the documents every cluster cites
    _edit_groups = {
        "content": {
            "fields": (
                "name",
                "document_type",
                "date",
                "issuer_id",
                "issuer_name",
                "summary",
                "attachment_id",
                "active",
            ),
            "roles": {"secretariat": None},
        }
    }
    _edit_create_roles = ("secretariat",)
    _rec_names_search = ["name", "summary"]

    name = fields.Char(
        "Number-Symbol",
        required=True,
        index="trigram",
        tracking=True,
        help='Number and symbol of the document, e.g. "462/BNV-VP".',
    )
    document_type = fields.Selection(
        [
            ("law", "Law"),
            ("decree", "Decree"),
            ("circular", "Circular"),
            ("decision", "Decision"),
            ("directive", "Directive"),
            ("resolution", "Resolution"),
            ("plan", "Plan"),
            ("official_letter", "Official Letter"),
            ("regulation", "Regulation"),
            ("other", "Other"),
        ],
        "Type",
        default="official_letter",
        required=True,
    )
    date = fields.Date(tracking=True, index=True)
    issuer_id = fields.Many2one("res.partner", "Issuing Body", index="btree_not_null")
    issuer_name = fields.Char(
        "Issuing Body Name",
        help="Name of the issuing body as printed, when it is not a contact.",
    )
    summary = fields.Text(
        help='What the document is about ("về việc..."), as it is cited.',
    )
    attachment_id = fields.Many2one(
        "ir.attachment", "File", help="Scanned or signed copy of the document."
    )
    active = fields.Boolean(default=True)

    @api.constrains("name", "date", "issuer_id", "issuer_name")
    def _check_unique_document(self):
        """One record per real document. Not an SQL constraint: it would let
        empty dates and issuers through (NULLs are distinct)."""
        for document in self:
            duplicate = self.with_context(active_test=False).search_count(
                [
                    ("id", "!=", document.id),
                    ("name", "=ilike", document.name.strip()),
                    ("date", "=", document.date),
                    ("issuer_id", "=", document.issuer_id.id),
                    ("issuer_name", "=", document.issuer_name),
                ],
                limit=1,
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "Document %(name)s is already recorded: reuse it "
                        "wherever it is cited.",
                        name=document.display_name,
                    )
                )

    @api.depends("name", "date")
    def _compute_display_name(self):
        for document in self:
            if document.date:
                document.display_name = (
                    f"{document.name} ({format_vn_short_date(document.date)})"
                )
            else:
                document.display_name = document.name

    def _get_citation(self):
        """How the document is cited in a text: "Công văn số 462/BNV-VP
        ngày 31/01/2020 của Bộ Nội vụ về việc ..." minus the type word,
        which the writer chooses: "số 462/BNV-VP ngày 31/01/2020"."""
        self.ensure_one()
        citation = f"số {self.name}"
        if self.date:
            citation += f" ngày {format_vn_short_date(self.date)}"
        return citation

    def _get_full_citation(self, with_summary=True):
        """ "Công văn số 462/BNV-VP ngày 31/01/2020 của Bộ Nội vụ về việc
        ...": type word, number, date, issuing body and summary."""
        self.ensure_one()
        parts = [DOCUMENT_TYPE_WORDS.get(self.document_type, ""), self._get_citation()]
        issuer = self.issuer_name or self.issuer_id.name
        if issuer:
            parts.append(f"của {issuer}")
        if with_summary and self.summary:
            parts.append(self.summary.strip())
        return " ".join(part for part in parts if part)
