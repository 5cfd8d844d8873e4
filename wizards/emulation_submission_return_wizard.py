# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class EmulationSubmissionReturnWizard(models.TransientModel):
    """Asks the reviewer why a filing goes back to the unit."""

    _name = "emulation.submission.return.wizard"
    _description = "Return Filing"

    submission_ids = fields.Many2many(
        "emulation.submission",
        "emulation_submission_return_wizard_rel",
        "wizard_id",
        "submission_id",
        "Submissions",
        required=True,
    )
    reason = fields.Text(
        "Reason for Return",
        required=True,
        help="Told to the unit, which corrects its filing and files again.",
    )

    def action_return(self):
        self.ensure_one()
        self.submission_ids.action_return(self.reason)
        return {"type": "ir.actions.act_window_close"}
