# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError


class EmulationScoreHistory(models.Model):
    """Every value entered on a score line, by whom and when, at which
    step: append-only. A history of its own rather than chatter tracking
    on each line: a year has tens of thousands of lines."""

    _name = "emulation.score.history"
    _description = "Score History"
    _order = "date desc, id desc"
    _log_access = True

    line_id = fields.Many2one(
        "emulation.score.line",
        "Score Line",
        required=True,
        ondelete="restrict",
        index=True,
        readonly=True,
    )
    scorecard_id = fields.Many2one(
        related="line_id.scorecard_id", store=True, index=True, string="Scorecard"
    )
    partner_id = fields.Many2one(
        related="line_id.partner_id", store=True, index=True, string="Member Unit"
    )
    cluster_id = fields.Many2one(
        related="line_id.cluster_id", store=True, index=True, string="Cluster"
    )
    criterion_id = fields.Many2one(
        related="line_id.criterion_id", store=True, string="Criterion"
    )
    step = fields.Selection(
        [
            ("target", "Target"),
            ("applicability", "Applicability"),
            ("self", "Self Score"),
            ("appraisal", "Appraisal"),
            ("explanation", "Explanation"),
        ],
        required=True,
        readonly=True,
    )
    value = fields.Float(digits=(12, 2), readonly=True)
    text = fields.Text(readonly=True)
    user_id = fields.Many2one("res.users", "Entered By", required=True, readonly=True)
    date = fields.Datetime("Entered On", required=True, readonly=True)

    def write(self, vals):
        if not self.env.su:
            raise UserError(self.env._("The score history cannot be changed."))
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            raise UserError(self.env._("The score history cannot be deleted."))
        return super().unlink()
