# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class EmulationCovenantClause(models.Model):
    """A commitment of the covenant (nội dung giao ước), in order."""

    _name = "emulation.covenant.clause"
    _description = "Covenant Clause"
    _order = "covenant_id, sequence, id"
    _rec_name = "text"

    covenant_id = fields.Many2one(
        comodel_name="emulation.covenant",
        string="Covenant",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    text = fields.Text(
        string="Commitment",
        required=True,
        help="Text of the commitment as printed in the covenant.",
    )
    target = fields.Char(
        string="Measurable Target",
        help="Quantified target of the commitment, when it has one "
        '(e.g. "100% of reports on time").',
    )

    @api.depends("text")
    def _compute_display_name(self):
        for clause in self:
            text = " ".join((clause.text or "").split())
            clause.display_name = text[:80] + ("…" if len(text) > 80 else "")

    @api.constrains("text")
    def _check_text(self):
        for clause in self:
            if not (clause.text or "").strip():
                raise ValidationError(
                    self.env._("A clause of the covenant needs a text.")
                )

    def _check_covenant_editable(self, covenants):
        if self.env.su:
            # data files record covenants already signed, with their clauses
            return
        locked = covenants.filtered(
            lambda covenant: covenant.state not in ("draft", "consultation")
        )
        if locked:
            raise UserError(
                self.env._(
                    "The clauses of %(covenant)s can no longer change: it has "
                    "been sent for signature.",
                    covenant=locked[0].display_name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not (vals.get("text") or "").strip():
                raise ValidationError(
                    self.env._("A clause of the covenant needs a text.")
                )
        self._check_covenant_editable(
            self.env["emulation.covenant"].browse(
                {
                    vals.get("covenant_id")
                    for vals in vals_list
                    if vals.get("covenant_id")
                }
            )
        )
        return super().create(vals_list)

    def write(self, vals):
        if "text" in vals and not (vals["text"] or "").strip():
            raise ValidationError(self.env._("A clause of the covenant needs a text."))
        covenants = self.covenant_id
        if vals.get("covenant_id"):
            covenants |= self.env["emulation.covenant"].browse(vals["covenant_id"])
        self._check_covenant_editable(covenants)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        self._check_covenant_editable(self.covenant_id)
