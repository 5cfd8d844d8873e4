# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models

from ..tools.common import dialog_action

# the wizard's field of each model whose records it recalls
RECALLED_FIELDS = {
    "emulation.submission": "submission_ids",
    "emulation.award.letter": "letter_ids",
}


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

    @api.model
    def _open_for(self, records, title):
        """The dialog titled ``title`` that asks why ``records`` (filings or
        letters) are recalled, once their own checks have passed, so that a
        refusal comes at once."""
        records._check_recall()
        return dialog_action(
            title,
            self._name,
            {f"default_{RECALLED_FIELDS[records._name]}": [Command.set(records.ids)]},
        )

    def action_recall(self):
        self.ensure_one()
        for field in RECALLED_FIELDS.values():
            if self[field]:
                self[field].action_recall(self.reason)
        return {"type": "ir.actions.act_window_close"}
