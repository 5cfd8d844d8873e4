# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""18.0.1.4.0 -> 18.0.1.5.0, once the new code and data are loaded.

- Each reminder's scheduled action (``noupdate``) runs on the model whose
  records it selects, where that selection now lives; the reminder log keeps
  the log and the runner only.
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

# scheduled action: (model, code)
CRONS = {
    "ir_cron_submission_deadline_reminder": (
        "emulation.obligation",
        "model._cron_send_deadline_reminders()",
    ),
    "ir_cron_submission_overdue": (
        "emulation.obligation",
        "model._cron_mark_overdue()",
    ),
    "ir_cron_event_reminder": (
        "emulation.event",
        "model._cron_send_event_reminders()",
    ),
    "ir_cron_covenant_daily": (
        "emulation.covenant.signature",
        "model._cron_send_signature_reminders()",
    ),
    "ir_cron_scoring_reminders": (
        "emulation.scorecard",
        "model._cron_send_scoring_reminders()",
    ),
    "ir_cron_proposal_reminders": (
        "emulation.rule.award",
        "model._cron_send_proposal_reminders()",
    ),
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, (model, code) in CRONS.items():
        cron = env.ref(f"emulation_cluster.{xmlid}", raise_if_not_found=False)
        if cron:
            cron.write({"model_id": env["ir.model"]._get_id(model), "code": code})
            _logger.info("scheduled action %s runs on %s", xmlid, model)
