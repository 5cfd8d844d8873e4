# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from ..tools.common import parent_field

# How a basis is introduced in the plan (fixed administrative wording).
CITATION_WORDS = {"implementing": "Thực hiện", "pursuant": "Căn cứ"}


class EmulationPlanBasis(models.Model):
    """A legal basis of a plan: a reference document and how it is cited
    ("Thực hiện Công văn số 462/BNV-VP ...", "Căn cứ Quyết định số ...")."""

    _name = "emulation.plan.basis"
    _description = "Legal Basis of a Plan"
    _inherit = ["emulation.workflow.mixin"]
    _order = "plan_id, sequence, id"

    _edit_groups = {
        "line": {
            "fields": (
                "sequence",
                "citation_mode",
                "document_id",
                "text",
                "continuation",
            ),
            "parent": ("plan_id", "content"),
        }
    }
    _edit_create_fields = ("plan_id",)

    plan_id = parent_field("emulation.plan")
    sequence = fields.Integer(default=10)
    citation_mode = fields.Selection(
        [("implementing", "Implementing"), ("pursuant", "Pursuant to")],
        "Cited As",
        required=True,
        default="pursuant",
    )
    document_id = fields.Many2one(
        "emulation.document", "Document", required=True, ondelete="restrict", index=True
    )
    text = fields.Text(
        "Citation",
        compute="_compute_text",
        store=True,
        readonly=False,
        help="Sentence printed in the plan; computed from the document, "
        "editable when the plan words it differently.",
    )
    continuation = fields.Text(
        help="Words printed right after the citation, e.g. the end of the "
        "preamble; a full stop when empty.",
    )

    @api.depends("citation_mode", "document_id")
    def _compute_text(self):
        for basis in self:
            if not basis.document_id:
                basis.text = False
                continue
            basis.text = (
                f"{CITATION_WORDS[basis.citation_mode]} "
                f"{basis.document_id._get_full_citation()}"
            )

    def _get_report_text(self):
        self.ensure_one()
        return f"{self.text or ''}{self.continuation or '.'}"

    def _prepare_next_year_vals(self):
        """These legal bases, for next year's plan."""
        return [
            {
                "sequence": basis.sequence,
                "citation_mode": basis.citation_mode,
                "document_id": basis.document_id.id,
                "text": basis.text,
                "continuation": basis.continuation,
            }
            for basis in self
        ]
