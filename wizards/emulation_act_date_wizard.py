# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.common import dialog_action

# act: (model, method called with act_date=)
ACTS = {
    "agree_scores": ("emulation.scorecard", "action_agree"),
    "submit_letter": ("emulation.award.letter", "action_submit"),
    "submit_proposal": ("emulation.award.proposal", "action_submit"),
}


class EmulationActDateWizard(models.TransientModel):
    """Asks the day an act happened before recording it: the secretariat
    records the conference's agreement or the letter sent to the council
    days or months later, and the documents print that day, not the day
    of the click. The act's own method checks the day (not in the future,
    not before the acts it follows) and everything else."""

    _name = "emulation.act.date.wizard"
    _description = "Date of an Act"

    act = fields.Selection(
        [
            ("agree_scores", "Scores agreed at the conference"),
            ("submit_letter", "Letter sent to the council"),
            ("submit_proposal", "Proposal submitted to the council"),
        ],
        required=True,
        readonly=True,
    )
    res_ids = fields.Json("Records", readonly=True)
    act_date = fields.Date(
        "Date of the Act",
        required=True,
        default=fields.Date.context_today,
        help="The day it happened (the conference, the letter's dispatch), "
        "which the documents print; today unless recorded later.",
    )

    @api.model
    def _open_for(self, act, records, title):
        return dialog_action(
            title, self._name, {"default_act": act, "default_res_ids": records.ids}
        )

    def _get_records(self):
        self.ensure_one()
        model, __ = ACTS[self.act]
        ids = self.res_ids
        if not isinstance(ids, list) or not all(
            isinstance(id_, int) and not isinstance(id_, bool) for id_ in ids
        ):
            raise UserError(self.env._("Nothing to record: open it again."))
        return self.env[model].browse(ids).exists()

    def action_confirm(self):
        self.ensure_one()
        records = self._get_records()
        if not records:
            raise UserError(self.env._("Nothing to record: open it again."))
        getattr(records, ACTS[self.act][1])(act_date=self.act_date)
        return {"type": "ir.actions.act_window_close"}
