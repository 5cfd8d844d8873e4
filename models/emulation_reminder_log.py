# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models
from odoo.tools import SQL

CRON_BATCH_SIZE = 500
EVENT_REMINDER_PARAM = "emulation_cluster.event_reminder_days"
EVENT_REMINDER_DEFAULT_DAYS = 7


class EmulationReminderLog(models.Model):
    """One row per reminder sent: the UNIQUE constraints make sending
    idempotent, whatever the number of runs or of concurrent workers."""

    _name = "emulation.reminder.log"
    _description = "Reminder Log"
    _order = "id desc"
    _log_access = True

    kind = fields.Selection(
        selection=[("deadline", "Deadline"), ("event", "Activity")],
        required=True,
        default="deadline",
    )
    submission_id = fields.Many2one(
        comodel_name="emulation.submission",
        ondelete="cascade",
        index="btree_not_null",
    )
    event_id = fields.Many2one(
        comodel_name="emulation.event",
        string="Cluster Activity",
        ondelete="cascade",
        index="btree_not_null",
    )
    offset_days = fields.Integer(
        string="Days Before", required=True, help="Days before the deadline or start."
    )

    _sql_constraints = [
        (
            "submission_offset_uniq",
            "unique(submission_id, offset_days)",
            "This deadline reminder was already sent.",
        ),
        (
            "event_offset_uniq",
            "unique(event_id, offset_days)",
            "This activity reminder was already sent.",
        ),
    ]

    @api.model
    def _insert_logs(self, column, rows, kind):
        """Insert (record id, offset) rows and return those this transaction
        inserted: a row another run or worker already inserted is skipped
        (ON CONFLICT DO NOTHING waits for a concurrent insert to commit)."""
        if not rows:
            return []
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO emulation_reminder_log
                       (kind, %(column)s, offset_days,
                        create_uid, create_date, write_uid, write_date)
                SELECT %(kind)s, r.res_id, r.days,
                       %(uid)s, now() AT TIME ZONE 'UTC',
                       %(uid)s, now() AT TIME ZONE 'UTC'
                  FROM unnest(%(ids)s::int[], %(days)s::int[]) AS r(res_id, days)
                ON CONFLICT DO NOTHING
                RETURNING %(column)s, offset_days
                """,
                column=SQL.identifier(column),
                kind=kind,
                uid=self.env.uid,
                ids=[row[0] for row in rows],
                days=[row[1] for row in rows],
            )
        )
        return self.env.cr.fetchall()

    @api.model
    def _log_submission_reminders(self, rows):
        return self._insert_logs("submission_id", rows, "deadline")

    # ------------------------------------------------------------------
    # event reminders
    # ------------------------------------------------------------------
    @api.model
    def _get_event_reminder_days(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(EVENT_REMINDER_PARAM, EVENT_REMINDER_DEFAULT_DAYS)
        )
        try:
            return max(int(value), 0)
        except ValueError:
            return EVENT_REMINDER_DEFAULT_DAYS

    @api.model
    def _cron_send_event_reminders(self, batch_size=CRON_BATCH_SIZE):
        """Before a confirmed activity (within ``event_reminder_days``), give
        the host unit's officers an activity and e-mail the participants,
        once per activity."""
        days = self._get_event_reminder_days()
        now = fields.Datetime.now()
        self.env.flush_all()
        query = SQL(
            """
            FROM emulation_event e
            WHERE e.active AND e.state = 'confirmed'
              AND e.date_start >= %(now)s
              AND e.date_start <= %(until)s
              AND NOT EXISTS (
                   SELECT 1 FROM emulation_reminder_log l
                    WHERE l.event_id = e.id AND l.offset_days = %(days)s)
            """,
            now=now,
            until=now + timedelta(days=days),
            days=days,
        )
        self.env.cr.execute(
            SQL("SELECT e.id %s ORDER BY e.id LIMIT %s", query, batch_size)
        )
        event_ids = [row[0] for row in self.env.cr.fetchall()]
        if event_ids:
            logged = self._insert_logs(
                "event_id", [(event_id, days) for event_id in event_ids], "event"
            )
            if logged:
                self._send_event_reminders(
                    self.env["emulation.event"]
                    .sudo()
                    .browse([row[0] for row in logged])
                )
        self.env.cr.execute(SQL("SELECT count(*) %s", query))
        self.env["ir.cron"]._notify_progress(
            done=len(event_ids), remaining=self.env.cr.fetchone()[0]
        )
        return len(event_ids)

    @api.model
    def _send_event_reminders(self, events):
        activity_type = self.env.ref(
            "emulation_cluster.mail_activity_type_event_reminder"
        )
        model_id = self.env["ir.model"]._get_id("emulation.event")
        officers = self.env["emulation.submission"]._get_unit_officers(events.host_id)
        activity_vals = []
        for event in events:
            users = officers.get(event.host_id) or event.cluster_id.secretariat_user_ids
            activity_vals += [
                {
                    "res_model_id": model_id,
                    "res_id": event.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "date_deadline": event.date_start.date(),
                    "summary": self.env._(
                        "Prepare to host: %(event)s", event=event.name
                    ),
                }
                for user in users
            ]
        if activity_vals:
            self.env["mail.activity"].sudo().with_context(
                mail_activity_quick_update=True
            ).create(activity_vals)
        with_participants = events.filtered("participant_ids")
        if with_participants:
            self.env["emulation.submission"]._send_template_batch(
                self.env.ref("emulation_cluster.mail_template_event_reminder"),
                with_participants,
            )
