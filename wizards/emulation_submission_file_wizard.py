# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models


class EmulationSubmissionFileWizard(models.TransientModel):
    """Confirms a filing, naming what is filed, for whom, and with which
    files (Odoo's static confirm= text cannot name them)."""

    _name = "emulation.submission.file.wizard"
    _description = "File a Report"

    submission_ids = fields.Many2many(
        "emulation.submission",
        "emulation_submission_file_wizard_rel",
        "wizard_id",
        "submission_id",
        "Submissions",
        required=True,
    )
    summary = fields.Html(compute="_compute_summary", sanitize=False)

    @api.depends("submission_ids")
    def _compute_summary(self):
        for wizard in self:
            items = Markup("").join(
                Markup("<li>%s</li>")
                % self.env._(
                    "%(unit)s files %(obligation)s with %(count)s file(s): %(files)s",
                    unit=submission.partner_id.name,
                    obligation=submission.obligation_id.name,
                    count=len(submission.attachment_ids),
                    files=", ".join(sorted(submission.attachment_ids.mapped("name"))),
                )
                for submission in wizard.submission_ids
            )
            wizard.summary = Markup("<ul>%s</ul>") % items

    def action_file(self):
        self.ensure_one()
        self.submission_ids.action_file()
        names = ", ".join(self.submission_ids.mapped("display_name"))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Filed"),
                "message": self.env._(
                    "%(names)s: filed; the secretariat is asked to review it.",
                    names=names,
                ),
                "type": "success",
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
