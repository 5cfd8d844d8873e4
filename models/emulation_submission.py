# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, format_date

# Fields set by the workflow methods only (written in sudo after the checks).
WORKFLOW_FIELDS = {
    "state",
    "obligation_id",
    "partner_id",
    "date_filed",
    "filed_by_id",
    "is_late",
    "late_days",
    "is_overdue",
    "reviewer_id",
    "date_decision",
    "return_reason",
    "round_ids",
}
# Fields the filer prepares before filing (frozen once filed).
FILING_FIELDS = {"attachment_ids", "cover_note", "channel", "date_received"}
OPEN_STATES = ("to_file", "returned")
REVIEW_STATES = ("filed", "under_review")
# Rows processed per call of a scheduled action.
CRON_BATCH_SIZE = 500


class EmulationSubmission(models.Model):
    """What a member unit sends against a reporting obligation (báo cáo,
    hồ sơ nộp): one record per obligation and unit, filed, reviewed by the
    cluster secretariat, returned and filed again until accepted."""

    _name = "emulation.submission"
    _description = "Submission"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "deadline desc, obligation_id, partner_id, id"
    _rec_names_search = ["obligation_id.name", "partner_id.name"]

    obligation_id = fields.Many2one(
        comodel_name="emulation.obligation",
        required=True,
        ondelete="restrict",
        index=True,
        readonly=True,
    )
    plan_id = fields.Many2one(
        related="obligation_id.plan_id", store=True, index=True, string="Plan"
    )
    cluster_id = fields.Many2one(
        related="obligation_id.cluster_id", store=True, index=True, string="Cluster"
    )
    kind = fields.Selection(related="obligation_id.kind", store=True)
    deadline = fields.Date(related="obligation_id.deadline", store=True, index=True)
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Member Unit",
        required=True,
        ondelete="restrict",
        index=True,
        readonly=True,
        domain=[("is_company", "=", True)],
    )
    state = fields.Selection(
        selection=[
            ("to_file", "To File"),
            ("filed", "Filed"),
            ("under_review", "Under Review"),
            ("accepted", "Accepted"),
            ("returned", "Returned"),
        ],
        string="Status",
        default="to_file",
        required=True,
        index=True,
        tracking=True,
        copy=False,
        readonly=True,
    )
    attachment_ids = fields.Many2many(
        comodel_name="ir.attachment",
        relation="emulation_submission_attachment_rel",
        column1="submission_id",
        column2="attachment_id",
        string="Files",
        copy=False,
    )
    cover_note = fields.Text(help="Cover note sent with the files.")
    channel = fields.Selection(
        selection=[
            ("online", "Online"),
            ("paper", "Paper"),
            ("email", "E-mail"),
            ("other", "Other"),
        ],
        string="Received By",
        default="online",
        required=True,
        tracking=True,
        help="How the files reached the secretariat. Online: filed in Odoo by "
        "the unit; otherwise registered by the secretariat on its behalf.",
    )
    date_received = fields.Date(
        string="Received On",
        help="Date a paper or e-mail filing reached the secretariat; it decides "
        "whether the filing was late.",
    )
    date_filed = fields.Datetime(
        string="Filed On", readonly=True, copy=False, tracking=True
    )
    filed_by_id = fields.Many2one(
        comodel_name="res.users", string="Filed By", readonly=True, copy=False
    )
    is_late = fields.Boolean(
        string="Late",
        readonly=True,
        copy=False,
        index=True,
        help="Filed after the deadline.",
    )
    late_days = fields.Integer(
        string="Days Late", readonly=True, copy=False, aggregator="max"
    )
    is_overdue = fields.Boolean(
        string="Overdue",
        readonly=True,
        copy=False,
        index=True,
        help="Still not filed the day after the deadline.",
    )
    reviewer_id = fields.Many2one(
        comodel_name="res.users", string="Reviewer", readonly=True, copy=False
    )
    date_decision = fields.Datetime(string="Decided On", readonly=True, copy=False)
    return_reason = fields.Text(
        string="Reason for Return", readonly=True, copy=False, tracking=True
    )
    round_ids = fields.One2many(
        comodel_name="emulation.submission.round",
        inverse_name="submission_id",
        string="Rounds",
        readonly=True,
    )
    round_count = fields.Integer(string="Rounds Filed", compute="_compute_round_count")
    is_my_unit = fields.Boolean(
        string="My Unit",
        compute="_compute_is_my_unit",
        search="_search_is_my_unit",
    )
    can_review = fields.Boolean(compute="_compute_can_review")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "obligation_partner_uniq",
            "unique(obligation_id, partner_id)",
            "A unit has only one submission per reporting obligation.",
        ),
    ]

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends("obligation_id.name", "partner_id.name")
    def _compute_display_name(self):
        for submission in self:
            submission.display_name = (
                f"{submission.obligation_id.name or ''} – "
                f"{submission.partner_id.name or ''}"
            )

    @api.depends("round_ids")
    def _compute_round_count(self):
        counts = dict(
            self.env["emulation.submission.round"]._read_group(
                [("submission_id", "in", self.ids)],
                groupby=["submission_id"],
                aggregates=["__count"],
            )
        )
        for submission in self:
            submission.round_count = counts.get(submission, 0)

    @api.depends_context("uid")
    @api.depends("partner_id")
    def _compute_is_my_unit(self):
        unit = self.env.user.partner_id.commercial_partner_id
        for submission in self:
            submission.is_my_unit = submission.partner_id == unit

    def _search_is_my_unit(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported."))
        unit_id = self.env.user.partner_id.commercial_partner_id.id
        positive = (operator == "=") == value
        return [("partner_id", "=" if positive else "!=", unit_id)]

    @api.depends_context("uid")
    @api.depends("state", "partner_id", "cluster_id.secretariat_user_ids")
    def _compute_can_review(self):
        for submission in self:
            submission.can_review = (
                submission.state in REVIEW_STATES
                and submission._is_reviewer()
                and not submission.is_my_unit
            )

    # ------------------------------------------------------------------
    # CRUD guards
    # ------------------------------------------------------------------
    def write(self, vals):
        self._check_writable(vals)
        result = super().write(vals)
        if "attachment_ids" in vals:
            self._link_attachments()
        return result

    def _link_attachments(self):
        """Files uploaded before they were attached belong to no record, and
        only their uploader may read such files: tie them to the submission
        so that whoever may read it may read its files."""
        for submission in self.sudo():
            submission.attachment_ids.filtered(
                lambda attachment: not attachment.res_id
            ).write({"res_model": self._name, "res_id": submission.id})

    def _check_writable(self, vals):
        """Workflow fields move through the ``action_*`` methods only; files
        are frozen once filed; an accepted submission is only archived."""
        if self.env.su:
            return
        keys = set(vals)
        if "active" in keys and not self.env.user.has_group(
            "emulation_cluster.group_secretariat"
        ):
            raise AccessError(
                self.env._("Only the secretariat can archive a submission.")
            )
        if keys & WORKFLOW_FIELDS:
            raise UserError(
                self.env._(
                    "The state of a submission changes through its buttons only "
                    "(file, accept, return)."
                )
            )
        if not keys & FILING_FIELDS:
            return
        for submission in self:
            if submission.state == "accepted":
                raise UserError(
                    self.env._(
                        "The submission %(name)s was accepted and can no longer "
                        "be changed; archive it if it must disappear.",
                        name=submission.display_name,
                    )
                )
            if submission.state not in OPEN_STATES:
                raise UserError(
                    self.env._(
                        "The submission %(name)s has been filed; its files can "
                        "only change after it is returned.",
                        name=submission.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_filed(self):
        for submission in self:
            if submission.state != "to_file" or submission.round_ids:
                raise UserError(
                    self.env._(
                        "The submission %(name)s has been filed and is kept on "
                        "record: archive it instead of deleting it.",
                        name=submission.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def _is_reviewer(self, user=None):
        """The cluster's secretariat, or a manager, may review."""
        self.ensure_one()
        return self.cluster_id._is_served_by(user or self.env.user)

    def _get_acting_user(self):
        """Who acts. Historical filings loaded by a superuser script (demo
        data, migration of paper records) may name the user; a user cannot."""
        user_id = self.env.context.get("emulation_acting_user_id")
        if self.env.su and user_id:
            return self.env["res.users"].browse(user_id)
        return self.env.user

    def _get_action_datetime(self):
        """When the action happens (backdated only by a superuser script)."""
        when = self.env.context.get("emulation_action_date")
        if self.env.su and when:
            return fields.Datetime.to_datetime(when)
        return fields.Datetime.now()

    def _get_reference_date(self, filed_on):
        """Date that decides lateness: the date the secretariat received a
        paper or e-mail filing, else the day it was filed online."""
        self.ensure_one()
        if self.channel != "online" and self.date_received:
            return self.date_received
        return fields.Date.context_today(self, filed_on)

    def _get_reviewers(self):
        """Secretariat users who may review this filing (never the unit's
        own staff)."""
        self.ensure_one()
        return self.cluster_id.secretariat_user_ids.filtered(
            lambda user: user.partner_id.commercial_partner_id != self.partner_id
        )

    def _notify_filer(self, body):
        """Post ``body`` in the chatter and tell the filer (and the unit
        when the secretariat filed on its behalf)."""
        self.ensure_one()
        author = self._get_acting_user().partner_id
        partners = self.filed_by_id.partner_id
        if self.channel != "online" and self.partner_id.email:
            partners |= self.partner_id
        partners -= author
        self.message_post(
            author_id=author.id,
            body=body,
            partner_ids=partners.ids,
            subtype_xmlid="mail.mt_comment",
            message_type="comment",
        )

    def _close_review_activities(self, feedback):
        activity_type = self.env.ref(
            "emulation_cluster.mail_activity_type_submission_review"
        )
        activities = self.activity_ids.filtered(
            lambda act: act.activity_type_id == activity_type
        )
        if activities:
            activities.sudo().action_feedback(feedback=feedback)

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def _check_can_file(self):
        user = self._get_acting_user()
        today = fields.Date.context_today(self, self._get_action_datetime())
        for submission in self:
            name = submission.display_name
            if submission.state not in OPEN_STATES:
                raise UserError(
                    self.env._(
                        "The submission %(name)s has already been filed.", name=name
                    )
                )
            if submission.plan_id.state != "issued":
                raise UserError(
                    self.env._(
                        "The plan of %(name)s is not open for filing (it is "
                        "closed or not issued).",
                        name=name,
                    )
                )
            if submission.obligation_id.state != "open":
                raise UserError(
                    self.env._(
                        "The reporting obligation of %(name)s was cancelled.",
                        name=name,
                    )
                )
            if not submission.attachment_ids:
                raise UserError(
                    self.env._(
                        "Attach at least one file before filing %(name)s.", name=name
                    )
                )
            own_unit = submission.partner_id == user.partner_id.commercial_partner_id
            if not own_unit and not submission._is_reviewer(user):
                raise AccessError(
                    self.env._(
                        "You can only file for your own unit, not for %(unit)s.",
                        unit=submission.partner_id.display_name,
                    )
                )
            if (
                submission.channel != "online"
                and submission.date_received
                and submission.date_received > today
            ):
                raise UserError(
                    self.env._("The date received cannot be in the future.")
                )

    def action_file(self):
        """File the attached files (first filing or after a return)."""
        self.check_access("write")
        self._check_can_file()
        now = self._get_action_datetime()
        user = self._get_acting_user()
        round_vals = []
        for submission in self:
            on_behalf = submission.partner_id != user.partner_id.commercial_partner_id
            channel = submission.channel if on_behalf else "online"
            vals = {"channel": channel}
            if channel == "online":
                vals["date_received"] = False
            submission.sudo().write(vals)
            reference = submission._get_reference_date(now)
            deadline = submission.deadline
            late_days = (reference - deadline).days if deadline else 0
            submission.sudo().write(
                {
                    "state": "filed",
                    "date_filed": now,
                    "filed_by_id": user.id,
                    "is_late": late_days > 0,
                    "late_days": max(late_days, 0),
                    "is_overdue": False,
                    "reviewer_id": False,
                    "date_decision": False,
                    "return_reason": False,
                }
            )
            round_vals.append(
                {
                    "submission_id": submission.id,
                    "number": len(submission.round_ids) + 1,
                    "date_filed": now,
                    "filed_by_id": user.id,
                    "channel": channel,
                    "date_received": submission.date_received,
                    "cover_note": submission.cover_note,
                    "attachment_ids": [Command.set(submission.attachment_ids.ids)],
                    "is_late": late_days > 0,
                    "late_days": max(late_days, 0),
                }
            )
        self.env["emulation.submission.round"].sudo().create(round_vals)
        self._schedule_review_activities(now)
        return True

    def _schedule_review_activities(self, now):
        activity_type = self.env.ref(
            "emulation_cluster.mail_activity_type_submission_review"
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self, now)
        vals_list = []
        for submission in self:
            for reviewer in submission._get_reviewers():
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": submission.id,
                        "activity_type_id": activity_type.id,
                        "user_id": reviewer.id,
                        "date_deadline": today + timedelta(days=3),
                        "summary": self.env._(
                            "Review the filing of %(unit)s",
                            unit=submission.partner_id.name,
                        ),
                    }
                )
        if vals_list:
            self.env["mail.activity"].sudo().create(vals_list)

    def _check_can_decide(self):
        user = self._get_acting_user()
        for submission in self:
            if submission.state not in REVIEW_STATES:
                raise UserError(
                    self.env._(
                        "Only a filed submission can be accepted or returned "
                        "(%(name)s).",
                        name=submission.display_name,
                    )
                )
            if submission.partner_id == user.partner_id.commercial_partner_id:
                raise UserError(
                    self.env._(
                        "A unit never reviews its own filing (%(name)s).",
                        name=submission.display_name,
                    )
                )
            if not submission._is_reviewer(user):
                raise AccessError(
                    self.env._(
                        "Only the secretariat of %(cluster)s reviews %(name)s.",
                        cluster=submission.cluster_id.display_name,
                        name=submission.display_name,
                    )
                )

    def action_start_review(self):
        self.check_access("write")
        self._check_can_decide()
        self.sudo().write(
            {"state": "under_review", "reviewer_id": self._get_acting_user().id}
        )
        return True

    def _record_decision(self, decision, reason=False):
        now = self._get_action_datetime()
        reviewer = self._get_acting_user()
        self.sudo().write(
            {
                "state": decision,
                "reviewer_id": reviewer.id,
                "date_decision": now,
                "return_reason": reason,
            }
        )
        last_rounds = self.env["emulation.submission.round"]
        for submission in self:
            last_rounds |= submission.round_ids.sorted("number")[-1:]
        last_rounds.sudo().write(
            {
                "decision": decision,
                "reason": reason,
                "reviewer_id": reviewer.id,
                "date_decision": now,
            }
        )

    def action_accept(self):
        self.check_access("write")
        self._check_can_decide()
        self._record_decision("accepted")
        for submission in self:
            submission._close_review_activities(self.env._("Accepted"))
            submission._notify_filer(
                Markup("<p>%s</p>")
                % self.env._(
                    "%(name)s was accepted by the secretariat.",
                    name=submission.display_name,
                )
            )
        return True

    def action_return(self, reason):
        """Return the filing to the unit with ``reason``; it files again."""
        self.check_access("write")
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for returning the filing."))
        self._check_can_decide()
        self._record_decision("returned", reason.strip())
        for submission in self:
            submission._close_review_activities(self.env._("Returned"))
            submission._notify_filer(
                Markup("<p>%s</p><p>%s</p>")
                % (
                    self.env._(
                        "%(name)s was returned by the secretariat; please "
                        "correct it and file it again.",
                        name=submission.display_name,
                    ),
                    reason.strip(),
                )
            )
        return True

    def action_open_return_wizard(self):
        self.check_access("write")
        self._check_can_decide()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return Filing"),
            "res_model": "emulation.submission.return.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_submission_ids": [Command.set(self.ids)]},
        }

    # ------------------------------------------------------------------
    # scheduled actions
    # ------------------------------------------------------------------
    @api.model
    def _get_unit_officers(self, units):
        """{unit: officers} for ``units``: users whose contact belongs to the
        unit and who have the unit officer group (a few queries in all)."""
        if not units:
            return {}
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
        result = defaultdict(lambda: self.env["res.users"])
        for user in users:
            result[user.partner_id.commercial_partner_id] |= user
        return result

    @api.model
    def _cron_send_deadline_reminders(self, batch_size=CRON_BATCH_SIZE):
        """N days before a deadline (the obligation's ``reminder_offsets``),
        remind every unit that has not filed: one activity for its officers
        (or the secretariat when the unit has no user) and one e-mail.

        Idempotent and safe with concurrent workers: the reminder is sent
        only by the transaction whose insert in the log table wins the
        UNIQUE (submission_id, offset_days) constraint."""
        today = fields.Date.context_today(self)
        candidates = self._get_reminder_candidates(today, batch_size)
        if candidates:
            logged = self.env["emulation.reminder.log"]._log_submission_reminders(
                candidates
            )
            if logged:
                self.browse([sub_id for sub_id, _offset in logged])._send_reminders(
                    dict(logged)
                )
        # one batch per call: the cron runner calls again while some remain
        self.env["ir.cron"]._notify_progress(
            done=len(candidates), remaining=self._count_reminder_candidates(today)
        )
        return len(candidates)

    def _reminder_candidates_sql(self, today, select, limit=None):
        # The offset due today is the smallest configured offset not smaller
        # than the days left: a missed run still sends the latest reminder.
        return SQL(
            """
            SELECT %(select)s
              FROM emulation_submission s
              JOIN emulation_obligation o ON o.id = s.obligation_id
              JOIN emulation_plan p ON p.id = o.plan_id
              CROSS JOIN LATERAL (
                    SELECT min(n) AS days
                      FROM unnest(string_to_array(regexp_replace(
                               COALESCE(o.reminder_offsets, ''), '\\s', '', 'g'),
                           ',')::int[]) AS n
                     WHERE n >= o.deadline - %(today)s::date
                   ) due
             WHERE s.state IN ('to_file', 'returned')
               AND s.active
               AND o.active
               AND o.state = 'open'
               AND p.state = 'issued'
               AND o.deadline >= %(today)s::date
               AND due.days IS NOT NULL
               AND NOT EXISTS (
                    SELECT 1 FROM emulation_reminder_log l
                     WHERE l.submission_id = s.id AND l.offset_days = due.days)
             %(tail)s
            """,
            select=select,
            today=today,
            tail=SQL("ORDER BY s.id LIMIT %s", limit) if limit else SQL(""),
        )

    def _get_reminder_candidates(self, today, limit):
        self.env.flush_all()
        self.env.cr.execute(
            self._reminder_candidates_sql(today, SQL("s.id, due.days"), limit)
        )
        return self.env.cr.fetchall()

    def _count_reminder_candidates(self, today):
        self.env.cr.execute(self._reminder_candidates_sql(today, SQL("count(*)")))
        return self.env.cr.fetchone()[0]

    def _send_reminders(self, offsets):
        """One activity per officer of each unit and one e-mail per unit, in
        batches (``offsets``: {submission id: offset in days})."""
        activity_type = self.env.ref(
            "emulation_cluster.mail_activity_type_deadline_reminder"
        )
        model_id = self.env["ir.model"]._get_id(self._name)
        officers = self._get_unit_officers(self.partner_id)
        activity_vals = []
        for submission in self:
            users = officers.get(submission.partner_id) or (
                submission.cluster_id.secretariat_user_ids
            )
            summary = self.env._(
                "Deadline in %(days)s day(s): %(obligation)s",
                days=offsets[submission.id],
                obligation=submission.obligation_id.name,
            )
            activity_vals += [
                {
                    "res_model_id": model_id,
                    "res_id": submission.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "date_deadline": submission.deadline,
                    "summary": summary,
                }
                for user in users
            ]
        if activity_vals:
            self.env["mail.activity"].sudo().with_context(
                mail_activity_quick_update=True
            ).create(activity_vals)
        with_email = self.filtered(lambda sub: sub.partner_id.email)
        if with_email:
            self._send_template_batch(
                self.env.ref("emulation_cluster.mail_template_submission_reminder"),
                with_email,
                shared_by=lambda submission: submission.obligation_id.id,
            )

    @api.model
    def _send_template_batch(self, template, records, shared_by=None):
        """Queue one e-mail per record from ``template`` in one batch.

        Rendering a QWeb body compiles it again for every record, so the
        body, subject and sender are rendered once per group of records
        sharing ``shared_by(record)`` (and language): the template must
        then use only what the group shares (the obligation, not the unit).
        Only the recipients are rendered per record."""
        template = template.sudo()
        shared_by = shared_by or (lambda record: record.id)
        langs = template._render_lang(records.ids) if template.lang else {}
        groups = defaultdict(list)
        for record in records:
            groups[(shared_by(record), langs.get(record.id))].append(record.id)
        shared = template._generate_template(
            [ids[0] for ids in groups.values()],
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
                vals = dict(group_vals, **recipients[record_id], res_id=record_id)
                # body_html only: the message body would be sanitized once
                # more per record for nothing (the e-mail is not in a chatter)
                vals["recipient_ids"] = [
                    Command.link(pid) for pid in vals.pop("partner_ids", None) or []
                ]
                vals_list.append(vals)
        return self.env["mail.mail"].sudo().create(vals_list)

    @api.model
    def _cron_mark_overdue(self, batch_size=CRON_BATCH_SIZE):
        """The day after a deadline, flag the submissions still not filed and
        give the secretariat one activity per obligation listing the units
        missing. Obligations are locked (SKIP LOCKED) so that two workers
        never handle the same one."""
        today = fields.Date.context_today(self)
        self.env.flush_all()
        self.env.cr.execute(self._overdue_obligations_sql(today, batch_size))
        obligation_ids = [row[0] for row in self.env.cr.fetchall()]
        submissions = self.browse()
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
            submissions = self.search(
                [
                    ("obligation_id", "in", locked_ids),
                    ("state", "in", OPEN_STATES),
                    ("is_overdue", "=", False),
                ]
            )
            if submissions:
                submissions.sudo().write({"is_overdue": True})
                submissions._notify_overdue()
                self.env.flush_all()
        self.env.cr.execute(self._overdue_obligations_sql(today, None, count=True))
        remaining = self.env.cr.fetchone()[0]
        self.env["ir.cron"]._notify_progress(
            done=len(obligation_ids), remaining=remaining
        )
        return len(submissions)

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

    def _notify_overdue(self):
        activity_type = self.env.ref("emulation_cluster.mail_activity_type_overdue")
        model_id = self.env["ir.model"]._get_id("emulation.obligation")
        today = fields.Date.context_today(self)
        activity_vals = []
        for obligation, submissions in self.grouped("obligation_id").items():
            units = Markup("").join(
                Markup("<li>%s</li>") % name
                for name in submissions.partner_id.sorted("name").mapped("name")
            )
            note = Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._(
                    "Deadline %(deadline)s passed; these units have not filed:",
                    deadline=format_date(self.env, obligation.deadline),
                ),
                units,
            )
            activity_vals += [
                {
                    "res_model_id": model_id,
                    "res_id": obligation.id,
                    "activity_type_id": activity_type.id,
                    "user_id": user.id,
                    "date_deadline": today,
                    "summary": self.env._(
                        "%(count)s unit(s) missing: %(obligation)s",
                        count=len(submissions),
                        obligation=obligation.name,
                    ),
                    "note": note,
                }
                for user in obligation.cluster_id.secretariat_user_ids
            ]
        if activity_vals:
            self.env["mail.activity"].sudo().with_context(
                mail_activity_quick_update=True
            ).create(activity_vals)
