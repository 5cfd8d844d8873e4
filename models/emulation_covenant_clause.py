# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EmulationCovenantClause(models.Model):
    """A commitment of the covenant (nội dung giao ước), in order."""

    _name = "emulation.covenant.clause"
    _description = "Covenant Clause"
    _inherit = ["emulation.workflow.mixin", "emulation.covenant.line.mixin"]
    _order = "covenant_id, sequence, id"
    _rec_name = "text"

    _edit_groups = {
        "line": {
            "fields": ("sequence", "text", "target"),
            "parent": ("covenant_id", "content"),
        }
    }
    _edit_create_fields = ("covenant_id",)

    sequence = fields.Integer(default=10)
    text = fields.Text(
        "Commitment",
        required=True,
        help="Text of the commitment as printed in the covenant.",
    )
    target = fields.Char(
        "Measurable Target",
        help="Quantified target of the commitment, when it has one "
        '(e.g. "100% of reports on time").',
    )

    @api.depends("text")
    def _compute_display_name(self):
        for clause in self:
            text = " ".join((clause.text or "").split())
            clause.display_name = text[:80] + ("…" if len(text) > 80 else "")

    def _prepare_next_year_vals(self):
        """These clauses, for next year's covenant."""
        return [
            {"sequence": clause.sequence, "text": clause.text, "target": clause.target}
            for clause in self
        ]

    @api.constrains("text")
    def _check_text(self):
        for clause in self:
            if not (clause.text or "").strip():
                raise ValidationError(
                    self.env._("A clause of the covenant needs a text.")
                )
