# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""18.0.1.0.0 -> 18.0.1.1.0, once the new code and data are loaded.

- The scheduled actions (noupdate) call the reminder log, the one home of
  the addon's scheduling.
- Reminder offsets are normalised ("7, 1" -> "7,1"); a value that cannot be
  is kept, and the reminder cron reports it to the secretariat.
- The mail templates (``noupdate``) are loaded again from their file once:
  the deadline reminder no longer shows an empty deadline, the activity
  reminder is written in the units' language.
- Stored copies of other records' fields (cluster, plan, deadline...) are
  set back to their source, in case a client wrote them directly; the
  member units of each plan are recomputed without archived memberships.
"""

import logging

from odoo import SUPERUSER_ID, api
from odoo.exceptions import ValidationError
from odoo.tools import convert_file

_logger = logging.getLogger(__name__)

CRONS = {
    "ir_cron_submission_deadline_reminder": "model._cron_send_deadline_reminders()",
    "ir_cron_submission_overdue": "model._cron_mark_overdue()",
    "ir_cron_event_reminder": "model._cron_send_event_reminders()",
    "ir_cron_covenant_daily": "model._cron_send_signature_reminders()",
}

# the columns a record copies from its plan, covenant or registration
CLUSTER_YEAR = {"cluster_id": "src.cluster_id", "year": "src.year"}


def _source(table, column):
    """The join of a copy's source: ``table`` by the record's ``column``."""
    return f"{table} src ON src.id = t.{column}"


# (table, source join, copied columns)
COPIES = [
    (
        "emulation_submission",
        _source("emulation_obligation", "obligation_id"),
        {
            "plan_id": "src.plan_id",
            "cluster_id": "src.cluster_id",
            "deadline": "src.deadline",
            "kind": "src.kind",
        },
    ),
    (
        "emulation_obligation",
        _source("emulation_plan", "plan_id"),
        {"cluster_id": "src.cluster_id"},
    ),
    ("emulation_event", _source("emulation_plan", "plan_id"), CLUSTER_YEAR),
    ("emulation_covenant", _source("emulation_plan", "plan_id"), CLUSTER_YEAR),
    ("emulation_registration", _source("emulation_plan", "plan_id"), CLUSTER_YEAR),
    (
        "emulation_covenant_signature",
        _source("emulation_covenant", "covenant_id"),
        CLUSTER_YEAR,
    ),
    (
        "emulation_registration_line",
        _source("emulation_registration", "registration_id"),
        {"partner_id": "src.partner_id", "plan_id": "src.plan_id", **CLUSTER_YEAR},
    ),
    (
        "emulation_submission_round",
        _source("emulation_submission", "submission_id"),
        {"partner_id": "src.partner_id", "cluster_id": "src.cluster_id"},
    ),
]


def _restore_copies(cr):
    for table, join, columns in COPIES:
        assignments = ", ".join(f"{col} = {src}" for col, src in columns.items())
        differs = " OR ".join(
            f"t.{col} IS DISTINCT FROM {src}" for col, src in columns.items()
        )
        source, condition = join.split(" ON ")
        # the statement is made of this script's constants (COPIES) only
        # pylint: disable=sql-injection
        cr.execute(
            f"UPDATE {table} t SET {assignments} FROM {source} "  # noqa: S608
            f"WHERE {condition} AND ({differs})"
        )
        if cr.rowcount:
            _logger.info(
                "%s: %s copied value(s) set back to their source", table, cr.rowcount
            )


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    log_model = env["ir.model"]._get("emulation.reminder.log")
    for xmlid, code in CRONS.items():
        cron = env.ref(f"emulation_cluster.{xmlid}", raise_if_not_found=False)
        if cron:
            cron.write({"model_id": log_model.id, "code": code})

    Obligation = env["emulation.obligation"].with_context(active_test=False)
    for obligation in Obligation.search([("reminder_offsets", "!=", False)]):
        try:
            value = Obligation._normalize_reminder_offsets(obligation.reminder_offsets)
        except ValidationError:
            _logger.info(
                "obligation %s keeps reminder settings %r: the cron reports them",
                obligation.id,
                obligation.reminder_offsets,
            )
            continue
        if value != obligation.reminder_offsets:
            cr.execute(
                "UPDATE emulation_obligation SET reminder_offsets = %s WHERE id = %s",
                (value, obligation.id),
            )

    _restore_copies(cr)
    env.invalidate_all()
    cr.execute(
        """
        UPDATE emulation_submission_round r SET deadline = s.deadline
          FROM emulation_submission s
         WHERE s.id = r.submission_id AND r.deadline IS NULL
        """
    )
    plans = env["emulation.plan"].with_context(active_test=False).search([])
    env.add_to_compute(plans._fields["member_unit_ids"], plans)
    plans.flush_model(["member_unit_ids"])
    # an upgrade skips the records of a noupdate file: load it as at install
    convert_file(
        env,
        "emulation_cluster",
        "data/mail_template_data.xml",
        {},
        mode="init",
        noupdate=True,
        kind="data",
    )
