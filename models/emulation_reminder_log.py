# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

# Rows handled per call of a scheduled action: the cron runner commits and
# calls again while some remain.
CRON_BATCH_SIZE = 500
# First key of the reminder passes' advisory locks (the second is the
# pass's name, hashed): "EMUL" in ASCII, apart from other modules' locks.
PASS_LOCK_NAMESPACE = 0x454D554C


class EmulationReminderLog(models.Model):
    """One row per reminder sent, and the runner of the reminder passes.

    Each model that reminds says what is due next to itself (as Odoo's
    ``event_mail`` sits next to ``event``): its scheduled action gives
    :meth:`_run_pass` the SQL of the rows due and the method that sends
    them. The runner claims a batch, sends it with one bad record isolated
    from the others, and reports its progress to the cron runner.

    A reminder is sent only by the transaction whose insert wins the UNIQUE
    (kind, res_model, res_id, offset_days) constraint: sending is
    idempotent, whatever the number of runs or of concurrent workers."""

    _name = "emulation.reminder.log"
    _description = "Reminder Log"
    _inherit = ["emulation.notification.mixin"]
    _order = "id desc"

    kind = fields.Selection(
        [
            ("deadline", "Deadline Reminder"),
            ("overdue", "Overdue Filing"),
            ("event", "Activity Reminder"),
            ("signature", "Covenant Signature"),
            ("self_scoring", "Self-Scoring Reminder"),
            ("appraisal", "Appraisal Reminder"),
            ("proposal_deadline", "Award Dossier Deadline"),
            ("invalid_offsets", "Invalid Reminder Settings"),
        ],
        required=True,
        index=True,
    )
    res_model = fields.Char("Document Model", required=True, index=True)
    res_id = fields.Many2oneReference(
        "Document", model_field="res_model", required=True, index=True
    )
    cluster_id = fields.Many2one(
        "emulation.cluster", index="btree_not_null", ondelete="cascade"
    )
    partner_id = fields.Many2one("res.partner", "Member Unit", index="btree_not_null")
    offset_days = fields.Integer(
        "Days Before", help="Days before the deadline or the start."
    )

    _sql_constraints = [
        (
            "reminder_uniq",
            "unique(kind, res_model, res_id, offset_days)",
            "This reminder was already sent.",
        ),
    ]

    @api.depends("res_model", "res_id", "kind")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for log in self:
            document = self.env[log.res_model].browse(log.res_id).sudo().exists()
            log.display_name = f"{kinds[log.kind]}: {document.display_name or ''}"

    # ------------------------------------------------------------------
    # the runner
    # ------------------------------------------------------------------
    @api.model
    def _run_pass(self, name, reminders, batch_size=CRON_BATCH_SIZE):
        """Run the pass ``name``: for each ``(kind, model, due, send)`` of
        ``reminders``, claim at most ``batch_size`` rows of ``due`` not
        logged yet and call ``send(records, {res_id: offset_days})`` on the
        records claimed. ``due`` is the SQL of the rows due, with the
        columns ``res_id, offset_days, cluster_id, unit_id``.

        Returns the records sent, kind by kind (a list), or None when
        another pass did or does the work."""
        if not self._begin_pass(name, [reminder[0] for reminder in reminders]):
            return None
        sent = []
        done = remaining = 0
        for kind, model, due, send in reminders:
            pending = SQL(
                """
                FROM (%(due)s) AS due
                WHERE NOT EXISTS (
                      SELECT 1 FROM emulation_reminder_log l
                       WHERE l.kind = %(kind)s AND l.res_model = %(model)s
                         AND l.res_id = due.res_id
                         AND l.offset_days = due.offset_days)
                """,
                due=due,
                kind=kind,
                model=model,
            )
            self.env.flush_all()
            self.env.cr.execute(
                SQL(
                    "SELECT due.res_id, due.offset_days, due.cluster_id, due.unit_id"
                    " %s ORDER BY due.res_id LIMIT %s",
                    pending,
                    batch_size,
                )
            )
            rows = self.env.cr.fetchall()
            logged = self._claim(kind, model, rows)
            records = self.env[model].sudo().browse([row[0] for row in logged])
            if records:
                offsets = dict(logged)
                self._run_isolated(
                    records,
                    lambda batch, send=send, offsets=offsets: send(batch, offsets),
                    f"{kind} reminder",
                )
            sent.append(records)
            self.env.cr.execute(SQL("SELECT count(*) %s", pending))
            done += len(rows)
            remaining += self.env.cr.fetchone()[0]
        self._notify_progress(done, remaining)
        return sent

    @api.model
    def _claim(self, kind, res_model, rows):
        """Insert ``rows`` (res_id, offset, cluster id, unit id) and return
        the (res_id, offset) pairs this transaction inserted: a row another
        run or worker already inserted is skipped (ON CONFLICT DO NOTHING
        waits for a concurrent insert to commit)."""
        if not rows:
            return []
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO emulation_reminder_log
                       (kind, res_model, res_id, offset_days, cluster_id, partner_id,
                        create_uid, create_date, write_uid, write_date)
                SELECT %(kind)s, %(model)s, r.res_id, r.days, r.cluster_id, r.unit_id,
                       %(uid)s, now() AT TIME ZONE 'UTC',
                       %(uid)s, now() AT TIME ZONE 'UTC'
                  FROM unnest(%(ids)s::int[], %(days)s::int[], %(clusters)s::int[],
                              %(units)s::int[]) AS r(res_id, days, cluster_id, unit_id)
                ON CONFLICT DO NOTHING
                RETURNING res_id, offset_days
                """,
                kind=kind,
                model=res_model,
                uid=self.env.uid,
                ids=[row[0] for row in rows],
                days=[row[1] for row in rows],
                clusters=[row[2] or None for row in rows],
                units=[row[3] or None for row in rows],
            )
        )
        return self.env.cr.fetchall()

    @api.model
    def _begin_pass(self, name, kinds):
        """Whether this transaction may run the pass ``name``, which claims
        rows of ``kinds``; False: give up quietly, another pass did or does
        the work.

        Odoo's transactions are REPEATABLE READ: an insert that meets a row
        committed after this transaction's snapshot fails with a
        serialization error (logged as an error), and the cron runner takes
        its snapshot before calling the pass. So one pass of a name runs at a
        time (a transaction-level advisory lock, never waited for), and a
        pass whose snapshot misses rows another pass committed since stops:
        what is left is for the next run."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT pg_try_advisory_xact_lock(%s, hashtext(%s))",
                PASS_LOCK_NAMESPACE,
                name,
            )
        )
        if not self.env.cr.fetchone()[0]:
            _logger.info("Reminder pass %s: another one is running, skipped.", name)
            return False
        last_logged = SQL(
            "SELECT COALESCE(MAX(id), 0) FROM emulation_reminder_log WHERE kind IN %s",
            tuple(kinds),
        )
        self.env.cr.execute(last_logged)
        seen = self.env.cr.fetchone()[0]
        with self.env.registry.cursor() as fresh:
            fresh.execute(last_logged)
            committed = fresh.fetchone()[0]
        if committed > seen:
            _logger.info("Reminder pass %s: another one just committed, skipped.", name)
            return False
        return True

    @api.model
    def _notify_progress(self, done, remaining):
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)

    @api.model
    def _run_isolated(self, records, send, what):
        """Run ``send`` on ``records`` as one batch; if it fails, run it on
        each record alone, so that one bad record never stops the others.
        The records that fail are logged, skipped, and reported to their
        cluster's secretariat; they are returned."""
        try:
            with self.env.cr.savepoint():
                send(records)
            return records.browse()
        except Exception:  # pylint: disable=broad-except
            failed = records.browse()
            for record in records:
                try:
                    with self.env.cr.savepoint():
                        send(record)
                except Exception:  # pylint: disable=broad-except
                    _logger.warning("%s failed for %s", what, record, exc_info=True)
                    failed |= record
        today = fields.Date.context_today(self)
        self._schedule_activities(
            self.env.ref("mail.mail_activity_data_todo"),
            [
                (record, record.cluster_id.secretariat_user_ids, today)
                for record in failed
            ],
            lambda record: {
                "summary": record.env._(
                    "A reminder could not be sent: %(record)s",
                    record=record.display_name,
                )
            },
        )
        return failed
