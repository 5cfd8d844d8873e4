# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class EmulationRecallWizard(models.TransientModel):
    """Asks why a filing (by its unit) or a letter (by the secretariat) is
    recalled; the records' own recall checks who may, and when."""

    _name = "emulation.recall.wizard"
    _description = "Recall"

    submission_ids = fields.Many2many(
        "emulation.submission",
        "emulation_recall_wizard_submission_rel",
        "wizard_id",
        "submission_id",
        "Filings",
    )
    letter_ids = fields.Many2many(
        "emulation.award.letter",
        "emulation_recall_wizard_letter_rel",
        "wizard_id",
        "letter_id",
        "Letters",
    )
    reason = fields.Text(
        "Reason for Recall",
        required=True,
        help="Posted in the record's chatter: why it is taken back.",
    )

    def action_recall(self):
        self.ensure_one()
        if self.submission_ids:
            self.submission_ids.action_recall(self.reason)
        if self.letter_ids:
            self.letter_ids.action_recall(self.reason)
        return {"type": "ir.actions.act_window_close"}
