# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.tools import SQL, format_date

_logger = logging.getLogger(__name__)

# Rows handled per call of a scheduled action: the cron runner commits and
# calls again while some remain.
CRON_BATCH_SIZE = 500
# Days before an award's dossier deadline the secretariat is reminded of
# the proposals still in draft.
PROPOSAL_REMINDER_DAYS = 14
EVENT_REMINDER_PARAM = "emulation_cluster.event_reminder_days"
EVENT_REMINDER_DEFAULT_DAYS = 7
# What a normalised list of reminder offsets looks like ("7,1").
OFFSETS_SQL_PATTERN = "^[0-9]{1,3}(,[0-9]{1,3})*$"
# First key of the reminder passes' advisory locks (the second is the
# pass's name, hashed): "EMUL" in ASCII, apart from other modules' locks.
PASS_LOCK_NAMESPACE = 0x454D554C


class EmulationReminderLog(models.Model):
    """The scheduling of the addon, in one place (as Odoo's ``event_mail``
    is kept apart from ``event``): the scheduled actions that remind units
    and the secretariat, and one row per reminder sent.

    A reminder is sent only by the transaction whose insert wins the UNIQUE
    (kind, res_model, res_id, offset_days) constraint: sending is
    idempotent, whatever the number of runs or of concurrent workers."""

    _name = "emulation.reminder.log"
    _description = "Reminder Log"
    _order = "id desc"

    kind = fields.Selection(
        selection=[
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
    res_model = fields.Char(string="Document Model", required=True, index=True)
    res_id = fields.Many2oneReference(
        string="Document", model_field="res_model", required=True, index=True
    )
    cluster_id = fields.Many2one(
        comodel_name="emulation.cluster", index="btree_not_null", ondelete="cascade"
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner", string="Member Unit", index="btree_not_null"
    )
    offset_days = fields.Integer(
        string="Days Before", help="Days before the deadline or the start."
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
    # the log
    # ------------------------------------------------------------------
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

    # ------------------------------------------------------------------
    # shared helpers: recipients, activities, e-mails
    # ------------------------------------------------------------------
    @api.model
    def _get_unit_officers(self, units):
        """{unit: officers} for ``units``: internal users whose contact
        belongs to the unit and who have the unit officer group (one
        query for all)."""
        result = defaultdict(lambda: self.env["res.users"])
        if not units:
            return result
        officer_group = self.env.ref("emulation_cluster.group_unit_officer")
        users = (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("partner_id.commercial_partner_id", "in", units.ids),
                    ("groups_id", "in", officer_group.ids),
                    ("share", "=", False),
                ]
            )
        )
        for user in users:
            result[user.partner_id.commercial_partner_id] |= user
        return result

    @api.model
    def _schedule_activities(self, activity_type, items, texts):
        """Create the activities of ``items`` in one batch.

        ``items``: (record, users, date_deadline) triples; ``texts(record)``
        returns ``{"summary": ..., "note": ...}`` and is called with the
        record in each assignee's language, so that every reader gets the
        activity in his own language (a scheduled action runs without
        any). An item may add a fourth element, a record the texts depend
        on too (e.g. the unit told): then ``texts(record, that_record)``."""
        vals_list = []
        rendered = {}
        model_ids = {}
        for record, users, deadline, *extra in items:
            model_id = model_ids.get(record._name)
            if model_id is None:
                model_id = model_ids[record._name] = self.env["ir.model"]._get_id(
                    record._name
                )
            for user in users:
                lang = user.lang or self.env.lang
                key = (record._name, record.id, lang, *(item.id for item in extra))
                if key not in rendered:
                    rendered[key] = texts(record.with_context(lang=lang), *extra)
                vals_list.append(
                    dict(
                        rendered[key],
                        automated=True,
                        res_model_id=model_id,
                        res_id=record.id,
                        activity_type_id=activity_type.id,
                        user_id=user.id,
                        date_deadline=deadline,
                    )
                )
        if not vals_list:
            return self.env["mail.activity"]
        return (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )

    @api.model
    def _send_template_batch(self, template, records, shared_by=None):
        """Queue one e-mail per record from ``template`` in one batch.

        Rendering a QWeb body compiles it again for every record, so the
        body, subject and sender are rendered once per group of records
        sharing ``shared_by(record)`` and the recipient's language: the
        template must then use only what the group shares (the obligation,
        not the unit). Only the recipients are rendered per record."""
        template = template.sudo()
        shared_by = shared_by or (lambda record: record.id)
        langs = template._render_lang(records.ids) if template.lang else {}
        groups = defaultdict(list)
        for record in records:
            groups[(shared_by(record), langs.get(record.id))].append(record.id)
        shared = {}
        for (__, lang), ids in groups.items():
            shared.update(
                template.with_context(lang=lang)._generate_template(
                    [ids[0]],
                    (
                        "body_html",
                        "email_from",
                        "reply_to",
                        "subject",
                        "auto_delete",
                        "mail_server_id",
                        "model",
                        "scheduled_date",
                    ),
                )
            )
        recipients = template._generate_template(
            records.ids, ("email_cc", "email_to", "partner_to")
        )
        vals_list = []
        for ids in groups.values():
            group_vals = shared[ids[0]]
            group_vals.pop("attachments", None)
            if not group_vals.get("email_from"):
                group_vals.pop("email_from", None)
            for record_id in ids:
                vals = dict(
                    group_vals,
                    **recipients[record_id],
                    res_id=record_id,
                    message_type="email_outgoing",
                )
                # body_html only: the message body would be sanitized once
                # more per record for nothing (the e-mail is not in a chatter)
                vals["recipient_ids"] = [
                    Command.link(pid) for pid in vals.pop("partner_ids", None) or []
                ]
                vals_list.append(vals)
        return self.env["mail.mail"].sudo().create(vals_list)

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

    # ------------------------------------------------------------------
    # deadline reminders
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_deadline_reminders(self, batch_size=CRON_BATCH_SIZE):
        """N days before a deadline (the obligation's ``reminder_offsets``),
        remind every unit that has not filed: one activity for its officers
        (or the secretariat when the unit has no user) and one e-mail."""
        if not self._begin_pass("deadline", ("deadline", "invalid_offsets")):
            return 0
        today = fields.Date.context_today(self)
        self._report_invalid_offsets(today)
        self.env.flush_all()
        self.env.cr.execute(
            self._deadline_candidates_sql(
                today, SQL("s.id, due.days, o.cluster_id, s.partner_id"), batch_size
            )
        )
        candidates = self.env.cr.fetchall()
        logged = self._claim("deadline", "emulation.submission", candidates)
        if logged:
            offsets = dict(logged)
            submissions = self.env["emulation.submission"].sudo().browse(offsets)
            self._run_isolated(
                submissions,
                lambda subs: self._send_deadline_reminders(subs, offsets),
                "deadline reminder",
            )
        self.env.cr.execute(self._deadline_candidates_sql(today, SQL("count(*)")))
        self._notify_progress(len(candidates), self.env.cr.fetchone()[0])
        return len(candidates)

    @api.model
    def _deadline_candidates_sql(self, today, select, limit=None):
        # The offset due today is the smallest configured offset not smaller
        # than the days left: a missed run still sends the latest reminder.
        # Offsets are normalised when written; a value that is not (an older
        # database) is skipped here and reported by _report_invalid_offsets.
        return SQL(
            """
            SELECT %(select)s
              FROM emulation_submission s
              JOIN emulation_obligation o ON o.id = s.obligation_id
              JOIN emulation_plan p ON p.id = o.plan_id
              CROSS JOIN LATERAL (
                    SELECT min(x.days) AS days
                      FROM (SELECT CASE WHEN n ~ '^[0-9]{1,3}$' THEN n::int END AS days
                              FROM unnest(string_to_array(o.reminder_offsets, ',')) AS n
                           ) x
                     WHERE x.days >= o.deadline - %(today)s::date
                   ) due
             WHERE s.state IN ('to_file', 'returned')
               AND s.active
               AND o.active
               AND o.state = 'open'
               AND o.reminder_offsets ~ %(pattern)s
               AND p.state = 'issued'
               AND o.deadline >= %(today)s::date
               AND due.days IS NOT NULL
               AND NOT EXISTS (
                    SELECT 1 FROM emulation_reminder_log l
                     WHERE l.kind = 'deadline'
                       AND l.res_model = 'emulation.submission'
                       AND l.res_id = s.id
                       AND l.offset_days = due.days)
             %(tail)s
            """,
            select=select,
            today=today,
            pattern=OFFSETS_SQL_PATTERN,
            tail=SQL("ORDER BY s.id LIMIT %s", limit) if limit else SQL(""),
        )

    @api.model
    def _report_invalid_offsets(self, today):
        """An obligation whose reminder settings are not a list of days (a
        value written before they were checked) is skipped, logged, and its
        secretariat is told once."""
        self.env.cr.execute(
            SQL(
                """
                SELECT o.id, o.cluster_id
                  FROM emulation_obligation o
                  JOIN emulation_plan p ON p.id = o.plan_id
                 WHERE o.active AND o.state = 'open' AND p.state = 'issued'
                   AND o.deadline >= %(today)s::date
                   AND COALESCE(o.reminder_offsets, '') != ''
                   AND o.reminder_offsets !~ %(pattern)s
                """,
                today=today,
                pattern=OFFSETS_SQL_PATTERN,
            )
        )
        rows = self.env.cr.fetchall()
        logged = self._claim(
            "invalid_offsets",
            "emulation.obligation",
            [(ob_id, 0, cluster_id, None) for ob_id, cluster_id in rows],
        )
        if not logged:
            return
        obligations = (
            self.env["emulation.obligation"].sudo().browse([row[0] for row in logged])
        )
        for obligation in obligations:
            _logger.warning(
                "Obligation %s: reminder settings %r are not a list of days; "
                "its reminders are skipped",
                obligation.id,
                obligation.reminder_offsets,
            )
        self._schedule_activities(
            self.env.ref("mail.mail_activity_data_todo"),
            [(ob, ob.cluster_id.secretariat_user_ids, today) for ob in obligations],
            lambda ob: {
                "summary": ob.env._(
                    "Reminders not sent: %(obligation)s", obligation=ob.name
                ),
                "note": Markup("<p>%s</p>")
                % ob.env._(
                    'The reminder settings "%(value)s" are not numbers of days '
                    'separated by commas (e.g. "7,1"): correct them so that the '
                    "units are reminded.",
                    value=ob.reminder_offsets,
                ),
            },
        )

    @api.model
    def _send_deadline_reminders(self, submissions, offsets):
        """One activity per officer of each unit (the secretariat for a unit
        without users) and one e-mail per unit with an address."""
        officers = self._get_unit_officers(submissions.partner_id)
        self._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_deadline_reminder"),
            [
                (
                    sub,
                    officers.get(sub.partner_id) or sub.cluster_id.secretariat_user_ids,
                    sub.deadline,
                )
                for sub in submissions
            ],
            lambda sub: {
                "summary": sub.env._(
                    "Deadline in %(days)s day(s): %(obligation)s",
                    days=offsets[sub.id],
                    obligation=sub.obligation_id.name,
                )
            },
        )
        with_email = submissions.filtered(lambda sub: sub.partner_id.email)
        if with_email:
            self._send_template_batch(
                self.env.ref("emulation_cluster.mail_template_submission_reminder"),
                with_email,
                shared_by=lambda submission: submission.obligation_id.id,
            )

    # ------------------------------------------------------------------
    # overdue filings
    # ------------------------------------------------------------------
    @api.model
    def _cron_mark_overdue(self, batch_size=CRON_BATCH_SIZE):
        """The day after a deadline, flag the submissions still not filed and
        give the secretariat one activity per obligation listing the units
        missing. Obligations are locked (SKIP LOCKED) so that two workers
        never handle the same one."""
        if not self._begin_pass("overdue", ("overdue",)):
            return 0
        today = fields.Date.context_today(self)
        Submission = self.env["emulation.submission"].sudo()
        self.env.flush_all()
        self.env.cr.execute(self._overdue_obligations_sql(today, batch_size))
        obligation_ids = [row[0] for row in self.env.cr.fetchall()]
        submissions = Submission.browse()
        if obligation_ids:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM emulation_obligation WHERE id IN %s "
                    "ORDER BY id FOR UPDATE SKIP LOCKED",
                    tuple(obligation_ids),
                )
            )
            locked_ids = [row[0] for row in self.env.cr.fetchall()]
            # re-read under the lock: another worker may just have committed
            submissions = Submission.search(
                [
                    ("obligation_id", "in", locked_ids),
                    ("state", "in", ("to_file", "returned")),
                    ("is_overdue", "=", False),
                ]
            )
            if submissions:
                submissions._write_transition({"is_overdue": True})
                logged = self._claim(
                    "overdue",
                    "emulation.submission",
                    [(s.id, 0, s.cluster_id.id, s.partner_id.id) for s in submissions],
                )
                newly = Submission.browse([row[0] for row in logged])
                self._notify_overdue(newly, today)
                self.env.flush_all()
        self.env.cr.execute(self._overdue_obligations_sql(today, None, count=True))
        self._notify_progress(len(obligation_ids), self.env.cr.fetchone()[0])
        return len(submissions)

    @api.model
    def _overdue_obligations_sql(self, today, limit, count=False):
        # batches hold whole obligations (each has at most a cluster's
        # members) so that each gets one summary
        query = SQL(
            """
            SELECT DISTINCT s.obligation_id
              FROM emulation_submission s
              JOIN emulation_obligation o ON o.id = s.obligation_id
              JOIN emulation_plan p ON p.id = o.plan_id
             WHERE s.state IN ('to_file', 'returned')
               AND s.active
               AND s.is_overdue IS NOT TRUE
               AND o.active
               AND o.state = 'open'
               AND p.state = 'issued'
               AND o.deadline < %(today)s::date
            """,
            today=today,
        )
        if count:
            return SQL("SELECT count(*) FROM (%s) q", query)
        return SQL("%s ORDER BY s.obligation_id LIMIT %s", query, limit)

    @api.model
    def _notify_overdue(self, submissions, today):
        by_obligation = submissions.grouped("obligation_id")

        def texts(obligation):
            missing = by_obligation[obligation]
            units = Markup("").join(
                Markup("<li>%s</li>") % name
                for name in missing.partner_id.sorted("name").mapped("name")
            )
            return {
                "summary": obligation.env._(
                    "%(count)s unit(s) missing: %(obligation)s",
                    count=len(missing),
                    obligation=obligation.name,
                ),
                "note": Markup("<p>%s</p><ul>%s</ul>")
                % (
                    obligation.env._(
                        "Deadline %(deadline)s passed; these units have not filed:",
                        deadline=format_date(obligation.env, obligation.deadline),
                    ),
                    units,
                ),
            }

        self._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_overdue"),
            [
                (obligation, obligation.cluster_id.secretariat_user_ids, today)
                for obligation in by_obligation
            ],
            texts,
        )

    # ------------------------------------------------------------------
    # activity reminders
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
        if not self._begin_pass("event", ("event",)):
            return 0
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
                    WHERE l.kind = 'event' AND l.res_model = 'emulation.event'
                      AND l.res_id = e.id AND l.offset_days = %(days)s)
            """,
            now=now,
            until=now + timedelta(days=days),
            days=days,
        )
        self.env.cr.execute(
            SQL(
                "SELECT e.id, e.cluster_id, e.host_id %s ORDER BY e.id LIMIT %s",
                query,
                batch_size,
            )
        )
        rows = self.env.cr.fetchall()
        logged = self._claim(
            "event",
            "emulation.event",
            [
                (event_id, days, cluster_id, host_id)
                for event_id, cluster_id, host_id in rows
            ],
        )
        if logged:
            events = (
                self.env["emulation.event"].sudo().browse([row[0] for row in logged])
            )
            self._run_isolated(events, self._send_event_reminders, "activity reminder")
        self.env.cr.execute(SQL("SELECT count(*) %s", query))
        self._notify_progress(len(rows), self.env.cr.fetchone()[0])
        return len(rows)

    @api.model
    def _send_event_reminders(self, events):
        officers = self._get_unit_officers(events.host_id)
        self._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_event_reminder"),
            [
                (
                    event,
                    officers.get(event.host_id)
                    or event.cluster_id.secretariat_user_ids,
                    event.date_start.date(),
                )
                for event in events
            ],
            lambda event: {
                "summary": event.env._("Prepare to host: %(event)s", event=event.name)
            },
        )
        with_participants = events.filtered("participant_ids")
        if with_participants:
            self._send_template_batch(
                self.env.ref("emulation_cluster.mail_template_event_reminder"),
                with_participants,
            )

    # ------------------------------------------------------------------
    # covenant signatures
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_signature_reminders(self, batch_size=CRON_BATCH_SIZE):
        """Remind the units that have not signed by the signature deadline:
        one activity per waiting line and recipient (the unit's officers,
        else the cluster secretariat, else the covenant's responsible),
        never twice."""
        if not self._begin_pass("signature", ("signature",)):
            return 0
        today = fields.Date.context_today(self)
        self.env.flush_all()
        query = SQL(
            """
            FROM emulation_covenant_signature s
            JOIN emulation_covenant c ON c.id = s.covenant_id
            WHERE s.state = 'waiting' AND c.state = 'signing' AND c.active
              AND c.signature_deadline <= %(today)s::date
              AND NOT EXISTS (
                   SELECT 1 FROM emulation_reminder_log l
                    WHERE l.kind = 'signature'
                      AND l.res_model = 'emulation.covenant.signature'
                      AND l.res_id = s.id AND l.offset_days = 0)
            """,
            today=today,
        )
        self.env.cr.execute(
            SQL(
                "SELECT s.id, c.cluster_id, s.partner_id %s ORDER BY s.id LIMIT %s",
                query,
                batch_size,
            )
        )
        rows = self.env.cr.fetchall()
        logged = self._claim(
            "signature",
            "emulation.covenant.signature",
            [
                (line_id, 0, cluster_id, unit_id)
                for line_id, cluster_id, unit_id in rows
            ],
        )
        lines = (
            self.env["emulation.covenant.signature"]
            .sudo()
            .browse([row[0] for row in logged])
        )
        if lines:
            self._run_isolated(
                lines, self._send_signature_reminders, "signature reminder"
            )
        self.env.cr.execute(SQL("SELECT count(*) %s", query))
        self._notify_progress(len(rows), self.env.cr.fetchone()[0])
        return lines

    @api.model
    def _send_signature_reminders(self, lines):
        officers = self._get_unit_officers(lines.partner_id)
        self._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_covenant_signature"),
            [
                (
                    line,
                    officers.get(line.partner_id)
                    or line.cluster_id.secretariat_user_ids
                    or line.covenant_id.user_id,
                    line.covenant_id.signature_deadline,
                )
                for line in lines
            ],
            lambda line: {
                "summary": line.env._(
                    "Sign the covenant %(covenant)s for %(unit)s",
                    covenant=line.covenant_id.name,
                    unit=line.unit_name or line.partner_id.name,
                )
            },
        )

    # ------------------------------------------------------------------
    # scorecards
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_scoring_reminders(self, batch_size=CRON_BATCH_SIZE):
        """Remind the units whose scorecard is not self-scored once the
        plan's self-scoring deadline has passed, and the secretariat of the
        appraisals not done a week before the year-end conference: one
        activity per scorecard and recipient, never twice."""
        if not self._begin_pass("scoring", ("self_scoring", "appraisal")):
            return 0
        today = fields.Date.context_today(self)
        self.env.flush_all()
        self_scoring = SQL(
            """
            FROM emulation_scorecard s
            JOIN emulation_obligation o
              ON o.plan_id = s.plan_id AND o.kind = 'self_scoring'
             AND o.state = 'open' AND o.deadline < %(today)s::date
            WHERE s.state = 'draft' AND s.active
              AND NOT EXISTS (
                   SELECT 1 FROM emulation_reminder_log l
                    WHERE l.kind = 'self_scoring'
                      AND l.res_model = 'emulation.scorecard'
                      AND l.res_id = s.id AND l.offset_days = 0)
            """,
            today=today,
        )
        appraisal = SQL(
            """
            FROM emulation_scorecard s
            JOIN emulation_event e ON e.plan_id = s.plan_id
             AND e.state != 'cancelled' AND e.active
             AND (e.date_start AT TIME ZONE 'UTC')::date - 7 <= %(today)s::date
            JOIN emulation_event_type t ON t.id = e.type_id
             AND t.code = 'year_end_review'
            WHERE s.state IN ('self_scored', 'explained') AND s.active
              AND NOT EXISTS (
                   SELECT 1 FROM emulation_reminder_log l
                    WHERE l.kind = 'appraisal'
                      AND l.res_model = 'emulation.scorecard'
                      AND l.res_id = s.id AND l.offset_days = 7)
            """,
            today=today,
        )
        sent = self.env["emulation.scorecard"]
        remaining = 0
        for kind, query, offset, send in (
            ("self_scoring", self_scoring, 0, self._send_self_scoring_reminders),
            ("appraisal", appraisal, 7, self._send_appraisal_reminders),
        ):
            self.env.cr.execute(
                SQL(
                    "SELECT DISTINCT s.id, s.cluster_id, s.partner_id %s "
                    "ORDER BY s.id LIMIT %s",
                    query,
                    batch_size,
                )
            )
            rows = self.env.cr.fetchall()
            logged = self._claim(
                kind,
                "emulation.scorecard",
                [(card_id, offset, cluster, unit) for card_id, cluster, unit in rows],
            )
            cards = (
                self.env["emulation.scorecard"]
                .sudo()
                .browse([row[0] for row in logged])
            )
            if cards:
                self._run_isolated(cards, send, f"{kind} reminder")
            sent |= cards
            self.env.cr.execute(SQL("SELECT count(DISTINCT s.id) %s", query))
            remaining += self.env.cr.fetchone()[0]
        self._notify_progress(len(sent), remaining)
        return sent

    @api.model
    def _send_self_scoring_reminders(self, cards):
        officers = self._get_unit_officers(cards.partner_id)
        deadlines = {
            plan: min(
                plan.obligation_ids.filtered(
                    lambda ob: ob.kind == "self_scoring" and ob.deadline
                ).mapped("deadline")
            )
            for plan in cards.plan_id
        }
        self._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_self_scoring"),
            [
                (
                    card,
                    officers.get(card.partner_id)
                    or card.cluster_id.secretariat_user_ids,
                    deadlines[card.plan_id],
                )
                for card in cards
            ],
            lambda card: {
                "summary": card.env._(
                    "Self-score %(unit)s for %(year)s",
                    unit=card.partner_id.name,
                    year=card.year,
                )
            },
        )

    @api.model
    def _send_appraisal_reminders(self, cards):
        today = fields.Date.context_today(self)
        items = []
        for card in cards:
            staff = card.cluster_id.secretariat_user_ids
            others = staff.filtered(
                lambda user, card=card: user.partner_id.commercial_partner_id
                != card.partner_id
            )
            items.append((card, others or staff, today))
        self._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_appraisal"),
            items,
            lambda card: {
                "summary": card.env._(
                    "Appraise the scorecard of %(unit)s before the year-end conference",
                    unit=card.partner_id.name,
                )
            },
        )

    # ------------------------------------------------------------------
    # award dossiers
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_proposal_reminders(self, batch_size=CRON_BATCH_SIZE):
        """Remind the secretariat of the proposals still in draft two weeks
        before their award's dossier deadline (the proposals rule in force
        today for the cluster): one activity per proposal, never twice."""
        if not self._begin_pass("proposal_deadline", ("proposal_deadline",)):
            return 0
        today = fields.Date.context_today(self)
        horizon = today + timedelta(days=PROPOSAL_REMINDER_DAYS)
        # the award lines with a deadline: configuration, a handful of rows
        lines = (
            self.env["emulation.rule.award"]
            .sudo()
            .search(
                [
                    ("deadline_month", "!=", 0),
                    ("rule_id.active", "=", True),
                    ("rule_id.date_from", "<=", today),
                    "|",
                    ("rule_id.date_to", "=", False),
                    ("rule_id.date_to", ">=", today),
                ]
            )
        )
        pairs = {
            (line.award_type_id.id, day.year - line.deadline_year_offset)
            for line in lines
            for day in (today, horizon)
        }
        if not pairs:
            return self.env["emulation.award.proposal"]
        self.env.flush_all()
        query = SQL(
            """
            FROM emulation_award_proposal p
            JOIN unnest(%(awards)s::int[], %(years)s::int[]) AS w(award, year)
              ON w.award = p.award_type_id AND w.year = p.year
            WHERE p.state = 'draft' AND p.active
              AND NOT EXISTS (
                   SELECT 1 FROM emulation_reminder_log l
                    WHERE l.kind = 'proposal_deadline'
                      AND l.res_model = 'emulation.award.proposal'
                      AND l.res_id = p.id AND l.offset_days = %(days)s)
            """,
            awards=[pair[0] for pair in pairs],
            years=[pair[1] for pair in pairs],
            days=PROPOSAL_REMINDER_DAYS,
        )
        self.env.cr.execute(
            SQL("SELECT p.id %s ORDER BY p.id LIMIT %s", query, batch_size)
        )
        proposals = (
            self.env["emulation.award.proposal"]
            .sudo()
            .browse([row[0] for row in self.env.cr.fetchall()])
        )
        due = {}
        for proposal, line in proposals._get_award_rule_lines(today).items():
            deadline = line and line._get_deadline(proposal.year)
            if deadline and today <= deadline <= horizon:
                due[proposal] = deadline
        logged = self._claim(
            "proposal_deadline",
            "emulation.award.proposal",
            [
                (proposal.id, PROPOSAL_REMINDER_DAYS, proposal.cluster_id.id, False)
                for proposal in due
            ],
        )
        sent = proposals.browse([row[0] for row in logged])
        if sent:
            self._run_isolated(
                sent,
                lambda records: self._send_proposal_reminders(records, due),
                "award dossier reminder",
            )
        self._notify_progress(len(sent), 0)
        return sent

    @api.model
    def _send_proposal_reminders(self, proposals, deadlines):
        self._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_proposal_deadline"),
            [
                (
                    proposal,
                    proposal.cluster_id.secretariat_user_ids,
                    deadlines[proposal],
                )
                for proposal in proposals
            ],
            lambda proposal: {
                "summary": proposal.env._(
                    "Send the dossier of %(proposal)s to the council by %(date)s",
                    proposal=proposal.display_name,
                    date=format_date(proposal.env, deadlines[proposal]),
                )
            },
        )
