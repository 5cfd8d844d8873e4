# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

import psycopg2
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv.expression import OR as expression_or
from odoo.tools import SQL

from ..tools.common import CHANNEL_SELECTION

OPEN_STATES = ("to_file", "returned")
REVIEW_STATES = ("filed", "under_review")
# Days a returned filing is given to be filed again when its deadline passed.
REFILE_DAYS = 3


class EmulationSubmission(models.Model):
    """What a member unit sends against a reporting obligation (báo cáo,
    hồ sơ nộp): one record per obligation and unit, created by the system,
    filed, reviewed by the cluster secretariat, returned and filed again
    until accepted. Its lateness is decided, and frozen, on its first
    filing: a deadline moved later afterwards changes neither ``is_late``
    nor ``late_days``, and a correction filed after a return leaves them as
    they are: it is judged by its own deadline (the "File Again" activity's)
    and, past it, shown apart as a late correction. Each round keeps the
    deadline it was judged by."""

    _name = "emulation.submission"
    _description = "Submission"
    _inherit = ["emulation.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "deadline desc, obligation_id, partner_id, id"
    _rec_names_search = ["obligation_id.name", "partner_id.name"]

    _edit_groups = {
        "filing": {
            "fields": ("attachment_ids", "cover_note"),
            "roles": {"owner": OPEN_STATES, "secretariat": OPEN_STATES},
            "closed_if": "_get_filing_closed_reason",
        },
        "receipt": {
            "fields": ("channel", "date_received"),
            "roles": {"secretariat": OPEN_STATES},
            "closed_if": "_get_filing_closed_reason",
        },
        "archive": {"fields": ("active",), "roles": {"secretariat": None}},
    }
    _allowed_moves = frozenset(
        {
            ("to_file", "filed"),
            ("returned", "filed"),
            ("filed", "under_review"),
            ("filed", "accepted"),
            ("under_review", "accepted"),
            ("filed", "returned"),
            ("under_review", "returned"),
            # recalled by the unit before its review starts
            ("filed", "to_file"),
        }
    )

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
            ("returned", "Returned"),
            ("accepted", "Accepted"),
        ],
        string="Status",
        default="to_file",
        required=True,
        index=True,
        tracking=True,
        copy=False,
        readonly=True,
        group_expand="_read_group_expand_state",
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
        selection=CHANNEL_SELECTION,
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
        help="Filed after the deadline in force when it was filed.",
    )
    late_days = fields.Integer(
        string="Days Late", readonly=True, copy=False, aggregator="max"
    )
    refile_deadline = fields.Date(
        string="Correction Due",
        readonly=True,
        copy=False,
        help="When the filing was returned: the day the correction is due (the "
        '"File Again" activity\'s deadline).',
    )
    is_late_correction = fields.Boolean(
        string="Late Correction",
        readonly=True,
        copy=False,
        help="The correction after a return was filed after its own deadline. "
        "The unit's lateness is judged on its first filing only.",
    )
    correction_late_days = fields.Integer(
        string="Days Late (Correction)", readonly=True, copy=False
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
    can_recall = fields.Boolean(compute="_compute_can_recall")
    dossier_deadline = fields.Date(
        string="Dossiers Due By",
        compute="_compute_dossier_deadline",
        help="An award dossier without a deadline of its own is due by the "
        "deadline the proposals rule in force sets for the awards of the "
        "year (the earliest).",
    )
    is_latest_plan = fields.Boolean(
        string="Latest Issued Plan",
        compute="_compute_is_latest_plan",
        search="_search_is_latest_plan",
        help="Of the latest issued plan of its cluster.",
    )
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

    @api.model
    def action_open_tracker(self):
        """The tracker, opened on a bounded number of groups whatever the
        number of submissions: the units of the clusters the secretariat
        serves by status, or, for managers and the council, who read every
        cluster, the latest plans' obligations by cluster with their
        submissions counted by status; each drills down from there."""
        user = self.env.user
        if user.has_group("emulation_cluster.group_manager") or user.has_group(
            "emulation_cluster.group_council"
        ):
            # every cluster: counted from the obligations' counters
            return self.env["emulation.obligation"].action_open_tracker()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emulation_cluster.emulation_submission_action_tracker"
        )
        action["context"] = {
            "search_default_latest_plan": 1,
            "pivot_row_groupby": ["partner_id"],
            "pivot_column_groupby": ["state"],
        }
        return action

    @api.model
    def _get_latest_plans(self):
        """The latest issued plan of each cluster (one query)."""
        groups = self.env["emulation.plan"]._read_group(
            [("state", "=", "issued")], groupby=["cluster_id"], aggregates=["year:max"]
        )
        if not groups:
            return self.env["emulation.plan"]
        return self.env["emulation.plan"].search(
            expression_or(
                [
                    [("cluster_id", "=", cluster.id), ("year", "=", year)]
                    for cluster, year in groups
                ]
            )
        )

    def _compute_is_latest_plan(self):
        latest = self._get_latest_plans()
        for submission in self:
            submission.is_latest_plan = submission.plan_id in latest

    def _search_is_latest_plan(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Operation not supported."))
        positive = (operator == "=") == value
        # a subquery, not a list of ids read first: the tracker's pivot
        # filters on it once per grouping it asks
        Plan = self.env["emulation.plan"]
        query = Plan._search([("state", "=", "issued")])
        query.add_where(
            SQL(
                """%s = (SELECT MAX(latest.year) FROM emulation_plan latest
                          WHERE latest.cluster_id = %s
                            AND latest.state = 'issued' AND latest.active)""",
                SQL.identifier(query.table, "year"),
                SQL.identifier(query.table, "cluster_id"),
            )
        )
        return [("plan_id", "in" if positive else "not in", query)]

    @api.depends_context("uid")
    @api.depends("state", "partner_id", "cluster_id.secretariat_user_ids")
    def _compute_can_review(self):
        for submission in self:
            submission.can_review = (
                submission.state in REVIEW_STATES and submission._has_role("reviewer")
            )

    @api.depends("kind", "deadline", "cluster_id", "plan_id.year")
    def _compute_dossier_deadline(self):
        Rule = self.env["emulation.rule"]
        today = fields.Date.context_today(self)
        rules = {}
        for submission in self:
            submission.dossier_deadline = False
            if submission.kind != "award_dossier" or submission.deadline:
                continue
            cluster = submission.cluster_id
            if cluster not in rules:
                rules[cluster] = Rule._get_applicable("proposal", cluster, today)
            deadlines = [
                due
                for line in rules[cluster].sudo().award_rule_ids
                if (due := line._get_deadline(submission.plan_id.year))
            ]
            submission.dossier_deadline = min(deadlines, default=False)

    @api.depends_context("uid")
    @api.depends("state", "partner_id")
    def _compute_can_recall(self):
        for submission in self:
            submission.can_recall = (
                submission.state == "filed" and submission._has_role("owner")
            )

    def _get_filing_closed_reason(self):
        """Files are prepared while the plan is issued and the obligation
        open."""
        self.ensure_one()
        if self.plan_id.state != "issued":
            return self.env._("its plan is not open for filing")
        if self.obligation_id.state != "open":
            return self.env._("its reporting obligation was cancelled")
        return ""

    # ------------------------------------------------------------------
    # files
    # ------------------------------------------------------------------
    def write(self, vals):
        if "attachment_ids" in vals and not self.env.su:
            # commands and ids first, then whose files they are
            self._check_values({"attachment_ids": vals["attachment_ids"]})
            self._check_attachments(vals["attachment_ids"])
        result = super().write(vals)
        if "attachment_ids" in vals:
            self._adopt_uploads()
        return result

    def _check_attachments(self, commands):
        """Only files the user uploaded, or can already read, are attached:
        never another user's upload, nor another unit's filed report."""
        ids = set()
        for command in commands:
            if isinstance(command, int):
                ids.add(command)
            elif command[0] == Command.LINK:
                ids.add(command[1])
            elif command[0] == Command.SET:
                ids.update(command[2])
        ids -= set(self.sudo().attachment_ids.ids)
        if ids:
            attachments = self.env["ir.attachment"].browse(ids).exists()
            attachments.check("read")
            self._check_attachments_owner(attachments)
            self._check_attachments_size(attachments)

    def _check_attachments_size(self, attachments):
        """Files no larger than what the cluster accepts."""
        for submission in self.sudo():
            limit = submission.cluster_id._get_upload_limit()
            for attachment in attachments.sudo():
                if attachment.file_size > limit:
                    raise ValidationError(
                        self.env._(
                            "%(file)s is too large: %(cluster)s accepts files of "
                            "at most %(limit)s MB.",
                            file=attachment.name,
                            cluster=submission.cluster_id.name,
                            limit=round(limit / (1024 * 1024), 1),
                        )
                    )

    def _check_attachments_owner(self, attachments):
        """A file already tied to a record stays that record's: it goes
        into a filing of the same unit only, whoever links it (a unit's
        filing never holds another unit's report, even linked by the
        secretariat or a manager)."""
        units = self.sudo().partner_id
        for attachment in attachments.sudo():
            if not (attachment.res_model and attachment.res_id):
                continue  # an upload of the user's own (checked above)
            record = self.env[attachment.res_model].sudo().browse(attachment.res_id)
            owner = (
                record.exists()._get_owner_unit()
                if record.exists() and hasattr(record, "_get_owner_unit")
                else None
            )
            if owner is None or owner != units:
                raise AccessError(
                    self.env._(
                        "%(file)s belongs to another record: a filing holds only "
                        "its own unit's files. Upload the file again if it is "
                        "the unit's.",
                        file=attachment.name,
                    )
                )

    def _adopt_uploads(self):
        """A file uploaded before it was attached belongs to no record, and
        only its uploader may read it: tie the uploader's own files to the
        submission so that whoever may read the submission may read them."""
        uid = self.env.uid
        for submission in self:
            submission.sudo().attachment_ids.filtered(
                lambda attachment: not attachment.res_id
                and (self.env.su or attachment.create_uid.id == uid)
            ).write({"res_model": self._name, "res_id": submission.id})

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
    def _get_reference_date(self, filed_on):
        """Date that decides lateness: the date the secretariat received a
        paper or e-mail filing, else the day it was filed online."""
        self.ensure_one()
        if self.channel != "online" and self.date_received:
            return self.date_received
        return fields.Date.context_today(self, filed_on)

    def _get_received_date(self):
        """The day a paper or e-mail filing reached the secretariat, as it
        records it (today when not given): not in the future, not before
        the return it corrects."""
        self.ensure_one()
        returned_on = (
            self.state == "returned"
            and self.date_decision
            and fields.Date.context_today(self, self.date_decision)
        )
        return self._get_act_date(
            self.date_received,
            self.env._("The receipt of the filing"),
            [(returned_on, self.env._("the return of the filing"))],
        )

    @api.onchange("channel")
    def _onchange_channel_date_received(self):
        """A paper filing is received today unless the secretariat says
        another day; an online one has no date of receipt."""
        for submission in self:
            if submission.channel == "online":
                submission.date_received = False
            elif not submission.date_received:
                submission.date_received = fields.Date.context_today(submission)

    def _get_refile_activity_deadlines(self):
        """{submission id: its open "File Again" activity's deadline}, as the
        secretariat may have moved it (one query)."""
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    (
                        "activity_type_id",
                        "=",
                        self.env.ref("emulation_cluster.mail_activity_type_refile").id,
                    ),
                ]
            )
        )
        deadlines = {}
        for activity in activities:
            deadlines[activity.res_id] = max(
                activity.date_deadline,
                deadlines.get(activity.res_id, activity.date_deadline),
            )
        return deadlines

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

    def _check_acting_user(self, roles, action):
        """Run the transition checks as the acting user (the user himself,
        or the user a superuser script names)."""
        user = self._get_acting_user()
        if user == self.env.user:
            self._check_transition(self._transition_states(roles), roles, action)
            return
        self._check_state(self._transition_states(roles), action)
        for submission in self:
            if not any(submission._has_role(role, user) for role in roles):
                raise UserError(
                    self.env._(
                        "%(user)s cannot act on %(name)s.",
                        user=user.name,
                        name=submission.display_name,
                    )
                )

    @api.model
    def _transition_states(self, roles):
        return OPEN_STATES if "owner" in roles else REVIEW_STATES

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def _file_from_scorecard(self, scorecard):
        """File this self-scoring submission with ``scorecard``'s PDF, as the
        acting user (the unit, or the secretariat from its paper table)."""
        self.ensure_one()
        report = self.env.ref("emulation_cluster.emulation_scorecard_report_action")
        pdf, __ = report.sudo()._render_qweb_pdf(report.report_name, scorecard.ids)
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": self.env._(
                        "Self-scoring table %(unit)s %(year)s.pdf",
                        unit=scorecard.partner_id.name,
                        year=scorecard.year,
                    ),
                    "raw": pdf,
                    "mimetype": "application/pdf",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        vals = {"attachment_ids": [Command.link(attachment.id)]}
        if not self._has_role("owner"):
            vals.update(channel="paper", date_received=fields.Date.context_today(self))
        self._write_transition(vals)
        return self.action_file()

    def _check_can_file(self):
        self._check_acting_user(("owner", "secretariat"), self.env._("filed"))
        today = fields.Date.context_today(self, self._get_action_datetime())
        for submission in self.sudo():
            name = submission.display_name
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
            if (
                submission.channel != "online"
                and submission.date_received
                and submission.date_received > today
            ):
                raise UserError(
                    self.env._("The date received cannot be in the future.")
                )

    def _lock_for_filing(self):
        """Lock the submissions before filing them: of several users filing
        the same one at once, one files it and the others are told it was
        just filed (instead of racing on its state and its followers). The
        lock is not waited for: whoever holds it is filing."""
        self.check_access("write")
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    SQL(
                        "SELECT id FROM emulation_submission "
                        "WHERE id = ANY(%s) FOR UPDATE NOWAIT",
                        self.ids,
                    ),
                    log_exceptions=False,
                )
        except (
            psycopg2.errors.LockNotAvailable,
            psycopg2.errors.SerializationFailure,
        ):
            # held by another filing, or changed by one since this
            # transaction began
            raise UserError(
                self.env._(
                    "%(name)s has just been filed by someone else: reload the "
                    "page to see it.",
                    name=self[:1].display_name,
                )
            ) from None

    def action_file(self):
        """File the attached files (first filing or after a return)."""
        self._lock_for_filing()
        self._check_can_file()
        now = self._get_action_datetime()
        user = self._get_acting_user()
        refile_deadlines = self._get_refile_activity_deadlines()
        round_vals = []
        for submission in self:
            on_behalf = submission.partner_id != user.partner_id.commercial_partner_id
            channel = submission.channel if on_behalf else "online"
            date_received = (
                submission._get_received_date() if channel != "online" else False
            )
            submission._write_transition(
                {"channel": channel, "date_received": date_received}
            )
            is_correction = bool(submission.round_ids)
            # a filing recalled, never returned, is judged by the deadline
            deadline = (
                refile_deadlines.get(submission.id)
                or submission.refile_deadline
                or submission.deadline
                if is_correction
                else submission.deadline
            )
            reference = submission._get_reference_date(now)
            late_days = max((reference - deadline).days if deadline else 0, 0)
            # the unit's lateness is its first filing's; a correction's apart
            lateness = (
                {
                    "is_late_correction": late_days > 0,
                    "correction_late_days": late_days,
                }
                if is_correction
                else {"is_late": late_days > 0, "late_days": late_days}
            )
            submission._write_transition(
                {
                    "state": "filed",
                    "date_filed": now,
                    "filed_by_id": user.id,
                    "is_overdue": False,
                    "reviewer_id": False,
                    "date_decision": False,
                    "return_reason": False,
                    **lateness,
                }
            )
            round_vals.append(
                {
                    "submission_id": submission.id,
                    "number": len(submission.round_ids) + 1,
                    "is_correction": is_correction,
                    "date_filed": now,
                    "filed_by_id": user.id,
                    "channel": channel,
                    "date_received": date_received,
                    "deadline": deadline,
                    "cover_note": submission.cover_note,
                    "attachment_ids": [Command.set(submission.attachment_ids.ids)],
                    "is_late": late_days > 0,
                    "late_days": late_days,
                }
            )
        self.env["emulation.submission.round"].sudo().create(round_vals)
        # the filer follows what becomes of his filing
        self.sudo().message_subscribe(partner_ids=user.partner_id.ids)
        self._close_activities(
            [
                "emulation_cluster.mail_activity_type_deadline_reminder",
                "emulation_cluster.mail_activity_type_refile",
            ],
            feedback=self.env._("Filed"),
        )
        self._schedule_review_activities(now)
        self._link_award_dossiers()
        return True

    def _link_award_dossiers(self):
        """An award-dossier filing is the achievement report of the unit's
        proposals of its plan: the dossier lines that have no filing yet
        take it (a proposal made before the unit filed), so that what the
        unit files is what the proposal shows."""
        dossiers = self.sudo().filtered(lambda sub: sub.kind == "award_dossier")
        if not dossiers:
            return
        lines = (
            self.env["emulation.award.proposal.item"]
            .sudo()
            .search(
                [
                    ("proposal_id.plan_id", "in", dossiers.plan_id.ids),
                    ("proposal_id.partner_id", "in", dossiers.partner_id.ids),
                    ("item_id.source", "=", "achievement_report"),
                    ("submission_id", "=", False),
                ]
            )
        )
        by_unit = {(sub.plan_id, sub.partner_id): sub for sub in dossiers}
        for (plan, unit), group in lines.grouped(
            lambda line: (line.proposal_id.plan_id, line.proposal_id.partner_id)
        ).items():
            group.write({"submission_id": by_unit[(plan, unit)].id})

    def _schedule_review_activities(self, now):
        today = fields.Date.context_today(self, now)
        self.env["emulation.reminder.log"]._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_submission_review"),
            [
                (submission, submission._get_reviewers(), today + timedelta(days=3))
                for submission in self.sudo()
            ],
            lambda submission: {
                "summary": submission.env._(
                    "Review the filing of %(unit)s", unit=submission.partner_id.name
                )
            },
        )

    def action_start_review(self):
        self._check_acting_user(("reviewer",), self.env._("reviewed"))
        self._write_transition(
            {"state": "under_review", "reviewer_id": self._get_acting_user().id}
        )
        return True

    def _record_decision(self, decision, reason=False):
        now = self._get_action_datetime()
        reviewer = self._get_acting_user()
        self._write_transition(
            {
                "state": decision,
                "reviewer_id": reviewer.id,
                "date_decision": now,
                "return_reason": reason,
            }
        )
        last_rounds = self.env["emulation.submission.round"]
        for submission in self.sudo():
            last_rounds |= submission.round_ids.sorted("number")[-1:]
        last_rounds.sudo().write(
            {
                "decision": decision,
                "reason": reason,
                "reviewer_id": reviewer.id,
                "date_decision": now,
            }
        )
        self._close_activities(
            ["emulation_cluster.mail_activity_type_submission_review"],
            feedback=dict(self._fields["state"]._description_selection(self.env))[
                decision
            ],
        )

    def action_accept(self):
        self._check_acting_user(("reviewer",), self.env._("accepted"))
        self._record_decision("accepted")
        for submission in self:
            submission._notify_filer(
                Markup("<p>%s</p>")
                % self.env._(
                    "%(name)s was accepted by the secretariat.",
                    name=submission.display_name,
                )
            )
        return True

    def action_return(self, reason=False):
        """Return the filing to the unit with ``reason``: its officers get
        an activity to file it again. (The form's button opens the wizard
        that asks the reason; a client calling this without one is told to
        give it.)"""
        self._check_acting_user(("reviewer",), self.env._("returned"))
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Give the reason for returning the filing."))
        # what the field would accept: a text, of a length someone types
        self._check_values({"return_reason": reason})
        reason = reason.strip()
        self._record_decision("returned", reason)
        for submission in self:
            submission._notify_filer(
                Markup("<p>%s</p><p>%s</p>")
                % (
                    self.env._(
                        "%(name)s was returned by the secretariat; please "
                        "correct it and file it again.",
                        name=submission.display_name,
                    ),
                    reason,
                )
            )
        self._schedule_refile_activities(reason)
        return True

    def _schedule_refile_activities(self, reason):
        """The unit's officers (the secretariat for a unit without users)
        get "File Again", due by the deadline, or in three days when it
        has passed: the correction's own deadline, kept on the filing."""
        today = fields.Date.context_today(self, self._get_action_datetime())
        Log = self.env["emulation.reminder.log"]
        officers = Log._get_unit_officers(self.partner_id)
        due = {
            submission: submission.deadline
            if submission.deadline and submission.deadline >= today
            else today + timedelta(days=REFILE_DAYS)
            for submission in self.sudo()
        }
        for day in set(due.values()):
            self.browse(
                [submission.id for submission, due_on in due.items() if due_on == day]
            )._write_transition({"refile_deadline": day})
        Log._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_refile"),
            [
                (
                    submission,
                    officers.get(submission.partner_id)
                    or submission.cluster_id.secretariat_user_ids,
                    day,
                )
                for submission, day in due.items()
            ],
            lambda submission: {
                "summary": submission.env._(
                    "File again: %(obligation)s",
                    obligation=submission.obligation_id.name,
                ),
                "note": Markup("<p>%s</p>") % reason,
            },
        )

    def action_recall(self, reason=False):
        """The unit takes its filing back before the secretariat starts
        reviewing it, saying why: the round stays in the history, marked
        recalled, and the submission is to file again (the state it had
        before: to file, or returned when a return came before)."""
        self._check_recall()
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Give the reason for recalling the filing."))
        self._check_values({"return_reason": reason})
        reason = reason.strip()
        now = self._get_action_datetime()
        user = self._get_acting_user()
        last_rounds = self.env["emulation.submission.round"]
        for submission in self.sudo():
            rounds = submission.round_ids.sorted("number")
            last_rounds |= rounds[-1:]
            returned_before = "returned" in rounds[:-1].mapped("decision")
            submission._write_transition(
                {"state": "returned" if returned_before else "to_file"}
            )
        last_rounds.sudo().write(
            {
                "decision": "recalled",
                "reason": reason,
                "reviewer_id": user.id,
                "date_decision": now,
            }
        )
        self._close_activities(
            ["emulation_cluster.mail_activity_type_submission_review"],
            feedback=self.env._("Recalled by the unit"),
        )
        for submission in self:
            submission.message_post(
                author_id=user.partner_id.id,
                body=Markup("<p>%s</p><p>%s</p>")
                % (
                    self.env._(
                        "%(name)s was recalled by the unit before its review; "
                        "it will be filed again.",
                        name=submission.display_name,
                    ),
                    reason,
                ),
                partner_ids=submission.cluster_id.secretariat_user_ids.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )
        return True

    def _check_recall(self):
        """Only the unit's officers recall, and only a filing whose review
        has not started."""
        self.check_access("write")
        for submission in self:
            if not submission._has_role("owner", self._get_acting_user()):
                raise UserError(
                    self.env._(
                        "Only the unit's officers can recall %(name)s.",
                        name=submission.display_name,
                    )
                )
            if submission.state != "filed":
                raise UserError(
                    self.env._(
                        "%(name)s cannot be recalled while it is %(state)s: only "
                        "a filing whose review has not started can be.",
                        name=submission.display_name,
                        state=submission._get_state_label(),
                    )
                )

    def action_open_recall_wizard(self):
        """Ask the reason (the checks run first, so that a refusal comes
        at once)."""
        self._check_recall()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Recall the Filing"),
            "res_model": "emulation.recall.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_submission_ids": [Command.set(self.ids)]},
        }

    def action_open_file_wizard(self):
        """Ask to confirm the filing, naming the unit, the obligation and
        the files (the checks run first, so that a refusal comes at once)."""
        self._check_can_file()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("File the Report"),
            "res_model": "emulation.submission.file.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_submission_ids": [Command.set(self.ids)]},
        }

    def action_open_return_wizard(self):
        self._check_acting_user(("reviewer",), self.env._("returned"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return Filing"),
            "res_model": "emulation.submission.return.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_submission_ids": [Command.set(self.ids)]},
        }
