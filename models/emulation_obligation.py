# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
import re
from datetime import date

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, format_date

from ..tools.common import ONE_YEAR, format_vn_short_date, shift_title_years
from .emulation_edit_policy_mixin import archive_group
from .emulation_reminder_log import CRON_BATCH_SIZE
from .emulation_workflow_mixin import state_field

_logger = logging.getLogger(__name__)

# Reminder offsets: days before the deadline, 1 to 365.
MAX_REMINDER_DAYS = 365
ASCII_DIGITS = re.compile(r"[0-9]+", re.ASCII)
# What a normalised list of reminder offsets looks like ("7,1").
OFFSETS_SQL_PATTERN = "^[0-9]{1,3}(,[0-9]{1,3})*$"


class EmulationObligation(models.Model):
    """A reporting obligation of a plan (chế độ báo cáo): what must be sent,
    by whom, to whom and by which deadline; one submission per unit that
    must send, and the reminders before the deadline."""

    _name = "emulation.obligation"
    _description = "Reporting Obligation"
    _inherit = [
        "emulation.workflow.mixin",
        "emulation.plan.bound.mixin",
        "emulation.notification.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "plan_id, sequence, deadline, id"

    _edit_groups = {
        "content": {
            "fields": (
                "name",
                "sequence",
                "kind",
                "deadline",
                "recipient_id",
                "address",
                "email",
                "unit_ids",
                "note",
                "document_id",
            ),
            "roles": {"secretariat": ("open",)},
            "closed_if": "_get_plan_closed_reason",
        },
        "reminders": {
            "fields": ("reminder_offsets",),
            "roles": {"secretariat": ("open",)},
        },
        "archive": archive_group("secretariat"),
    }
    _edit_create_fields = ("plan_id",)
    _edit_create_roles = ("secretariat",)
    _allowed_moves = {"open": ("cancelled",), "cancelled": ("open",)}

    name = fields.Char("What Must Be Sent", required=True, tracking=True)
    sequence = fields.Integer(default=10)
    plan_id = fields.Many2one(ondelete="cascade")
    kind = fields.Selection(
        [
            ("mid_year_report", "6-Month Report"),
            ("annual_report", "Annual Report and Next-Year Directions"),
            ("self_scoring", "Self-Scoring Table"),
            ("award_dossier", "Award Dossier"),
            ("other", "Other"),
        ],
        required=True,
        default="other",
        tracking=True,
    )
    deadline = fields.Date(index=True, tracking=True)
    recipient_id = fields.Many2one(
        "res.partner",
        "Send To",
        compute="_compute_recipient_id",
        store=True,
        readonly=False,
        help="Unit that receives the reports, by default the leader unit; it "
        "files none itself.",
    )
    address = fields.Char(
        "Postal Address",
        compute="_compute_recipient_contact",
        store=True,
        readonly=False,
    )
    email = fields.Char(
        "E-mail", compute="_compute_recipient_contact", store=True, readonly=False
    )
    unit_ids = fields.Many2many(
        "res.partner",
        "emulation_obligation_unit_rel",
        "obligation_id",
        "partner_id",
        "Units That Must Send",
        help="Leave empty when every member unit but the recipient must send.",
    )
    expected_units_text = fields.Char(
        "Who Must Send", compute="_compute_expected_units_text"
    )
    note = fields.Char(
        "Rule",
        help="How it is sent when there is no single deadline, e.g. "
        '"thực hiện theo quy định tại Công văn số 462/BNV-VP ...".',
    )
    document_id = fields.Many2one(
        "emulation.document",
        "Governing Document",
        help="Document that sets the obligation's rules.",
    )
    reminder_offsets = fields.Char(
        "Reminders (Days Before)",
        default="7,1",
        help="Days before the deadline on which the units that have not filed "
        'are reminded, separated by commas, e.g. "7,1". Leave empty for no '
        "reminder.",
    )
    state = state_field(
        [("open", "Open"), ("cancelled", "Cancelled")],
    )
    submission_ids = fields.One2many(
        "emulation.submission", "obligation_id", "Submissions"
    )
    submission_count = fields.Integer(compute="_compute_submission_stats")
    submission_missing_count = fields.Integer(
        "Not Filed", compute="_compute_submission_stats"
    )
    active = fields.Boolean(default=True)

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends("plan_id.leader_id")
    def _compute_recipient_id(self):
        for obligation in self:
            if not obligation.recipient_id:
                obligation.recipient_id = obligation.plan_id.leader_id

    @api.depends("recipient_id")
    def _compute_recipient_contact(self):
        for obligation in self:
            recipient = obligation.recipient_id
            parts = [recipient.street, recipient.street2, recipient.city]
            obligation.address = ", ".join(part for part in parts if part) or False
            obligation.email = recipient.email or False

    @api.depends("unit_ids", "recipient_id", "deadline", "plan_id")
    def _compute_expected_units_text(self):
        expected = self._get_expected_units()
        for obligation in self:
            units = expected.get(obligation.id, self.env["res.partner"])
            if obligation.unit_ids:
                obligation.expected_units_text = self.env._(
                    "%(count)s unit(s) named here: %(units)s",
                    count=len(units),
                    units=", ".join(units.mapped("name")),
                )
            elif obligation.recipient_id:
                obligation.expected_units_text = self.env._(
                    "Every member unit on the deadline except the recipient "
                    "%(recipient)s: %(count)s unit(s)",
                    recipient=obligation.recipient_id.name,
                    count=len(units),
                )
            else:
                obligation.expected_units_text = self.env._(
                    "Every member unit on the deadline: %(count)s unit(s)",
                    count=len(units),
                )

    def _compute_submission_stats(self):
        total, missing = self._count_by_state(
            "emulation.submission", "obligation_id", ("to_file", "returned")
        )
        for obligation in self:
            obligation.submission_count = total.get(obligation, 0)
            obligation.submission_missing_count = missing.get(obligation, 0)

    def _get_plan_closed_reason(self):
        """What the plan prints of this record changes with the plan."""
        plan = self.sudo().plan_id
        return plan._get_content_closed_reason() if plan else ""

    # ------------------------------------------------------------------
    # who must file
    # ------------------------------------------------------------------
    def _get_due_date(self):
        """Date at which the units expected to file are the cluster's
        members: the deadline (a unit that left before it owes nothing),
        else the plan's date."""
        self.ensure_one()
        return self.deadline or self.plan_id._get_reference_date()

    def _get_expected_units(self):
        """{obligation id: units that must file}: the units named on the
        obligation, else every member of the cluster on the due date but
        the unit that receives the reports. The one answer used everywhere
        (one membership query per distinct due date)."""
        result = {}
        obligations = self.sudo().filtered("plan_id")
        for due_date, group in obligations.grouped(
            lambda ob: ob._get_due_date()
        ).items():
            members = group.cluster_id._get_members_by_cluster(due_date)
            for obligation in group:
                result[obligation.id] = obligation.unit_ids or (
                    members.get(obligation.cluster_id.id, self.env["res.partner"])
                    - obligation.recipient_id
                )
        return result

    def _create_missing_submissions(self):
        """Create the submission of every unit expected to file for the open
        obligations of issued plans that lack one (batched)."""
        obligations = self.sudo().filtered(
            lambda ob: ob.active and ob.state == "open" and ob.plan_id.state == "issued"
        )
        Submission = (
            self.env["emulation.submission"].sudo().with_context(active_test=False)
        )
        if not obligations:
            return Submission
        existing = {
            (sub.obligation_id.id, sub.partner_id.id)
            for sub in Submission.search_fetch(
                [("obligation_id", "in", obligations.ids)],
                ["obligation_id", "partner_id"],
            )
        }
        vals_list = [
            {"obligation_id": obligation_id, "partner_id": unit.id}
            for obligation_id, units in obligations._get_expected_units().items()
            for unit in units
            if (obligation_id, unit.id) not in existing
        ]
        return Submission.create(vals_list)

    # ------------------------------------------------------------------
    # constraints and values
    # ------------------------------------------------------------------
    @api.constrains("deadline", "plan_id")
    def _check_deadline(self):
        for obligation in self:
            plan = obligation.plan_id
            if not obligation.deadline or not plan:
                continue
            start = plan.issue_date or date(plan.year, 1, 1)
            if obligation.deadline < start or obligation.deadline.year > plan.year:
                raise ValidationError(
                    self.env._(
                        "The deadline of %(obligation)s must fall between the "
                        "plan's date (%(start)s) and the end of %(year)s.",
                        obligation=obligation.name,
                        start=format_vn_short_date(start),
                        year=plan.year,
                    )
                )

    @api.model
    def _normalize_reminder_offsets(self, value):
        """ "7, 1" -> "7,1": ASCII digits only, 1 to 365 days, no repeat,
        largest first; refused otherwise (a value that passes Python's
        isdigit() but not PostgreSQL's cast would stop every reminder)."""
        if not value or not value.strip():
            return False
        days = []
        for part in value.split(","):
            part = part.strip(" \t")
            if not ASCII_DIGITS.fullmatch(part) or not (
                1 <= int(part) <= MAX_REMINDER_DAYS
            ):
                raise ValidationError(
                    self.env._(
                        "Reminders must be numbers of days from 1 to %(max)s "
                        'separated by commas, e.g. "7,1" (got "%(value)s").',
                        max=MAX_REMINDER_DAYS,
                        value=value,
                    )
                )
            days.append(int(part))
        return ",".join(str(day) for day in sorted(set(days), reverse=True))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if isinstance(vals.get("reminder_offsets"), str):
                vals["reminder_offsets"] = self._normalize_reminder_offsets(
                    vals["reminder_offsets"]
                )
        obligations = super().create(vals_list)
        obligations._create_missing_submissions()
        return obligations

    def write(self, vals):
        if isinstance(vals.get("reminder_offsets"), str):
            vals = dict(
                vals,
                reminder_offsets=self._normalize_reminder_offsets(
                    vals["reminder_offsets"]
                ),
            )
        res = super().write(vals)
        if {"deadline", "state", "active", "unit_ids", "recipient_id"} & set(vals):
            self._create_missing_submissions()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_plan(self):
        self.plan_id._check_deletable_lines()

    # ------------------------------------------------------------------
    # transitions
    # ------------------------------------------------------------------
    def action_cancel(self):
        """Cancel an obligation of a plan open for editing (a draft, or an
        issued plan under an agreed adjustment)."""
        self._check_transition(("open",), ("secretariat",), self.env._("cancelled"))
        self.plan_id._check_content_open()
        self._write_transition({"state": "cancelled"})
        return True

    def action_reopen(self):
        self._check_transition(("cancelled",), ("secretariat",), self.env._("reopened"))
        self.plan_id._check_content_open()
        self._write_transition({"state": "open"})
        return True

    # ------------------------------------------------------------------
    # the next year
    # ------------------------------------------------------------------
    def _prepare_next_year_vals(self, new_plan, roles):
        """Values of these obligations in ``new_plan``, next year's: deadlines
        a year later (29 February: 28 February), reports sent to the new
        leader where they went to the old one (``roles``: {old: new})."""
        vals_list = self.copy_data({"plan_id": new_plan.id, "state": "open"})
        for obligation, vals in zip(self, vals_list, strict=True):
            vals["name"] = shift_title_years(obligation.name, obligation.plan_id.year)
            if obligation.deadline:
                vals["deadline"] = obligation.deadline + ONE_YEAR
            recipient = roles.get(obligation.recipient_id, obligation.recipient_id)
            if recipient != obligation.recipient_id:
                # the address and e-mail follow the new recipient
                vals["recipient_id"] = recipient.id
                vals.pop("address", None)
                vals.pop("email", None)
        return vals_list

    # ------------------------------------------------------------------
    # reminders before the deadline, overdue filings after it
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_deadline_reminders(self, batch_size=CRON_BATCH_SIZE):
        """N days before a deadline (``reminder_offsets``), remind every unit
        that has not filed; report to the secretariat the settings that are
        not a list of days. Returns the number of submissions due."""
        today = fields.Date.context_today(self)
        sent = self.env["emulation.reminder.log"]._run_pass(
            "deadline",
            [
                (
                    "invalid_offsets",
                    self._name,
                    self._invalid_offsets_sql(today),
                    self._send_invalid_offsets_reports,
                ),
                (
                    "deadline",
                    "emulation.submission",
                    self._deadline_reminders_sql(today),
                    self._send_deadline_reminders,
                ),
            ],
            batch_size,
        )
        return len(sent[-1]) if sent else 0

    @api.model
    def _deadline_reminders_sql(self, today):
        # the offset due is the smallest one not smaller than the days left:
        # a missed run still sends the latest reminder
        return SQL(
            """
            SELECT s.id AS res_id, next_offset.days AS offset_days, o.cluster_id,
                   s.partner_id AS unit_id
              FROM emulation_submission s
              JOIN emulation_obligation o ON o.id = s.obligation_id
              JOIN emulation_plan p ON p.id = o.plan_id
              CROSS JOIN LATERAL (
                    SELECT min(x.days) AS days
                      FROM (SELECT CASE WHEN n ~ '^[0-9]{1,3}$' THEN n::int END AS days
                              FROM unnest(string_to_array(o.reminder_offsets, ',')) AS n
                           ) x
                     WHERE x.days >= o.deadline - %(today)s::date
                   ) next_offset
             WHERE s.state IN ('to_file', 'returned')
               AND s.active AND o.active AND o.state = 'open'
               AND o.reminder_offsets ~ %(pattern)s
               AND p.state = 'issued'
               AND o.deadline >= %(today)s::date
               AND next_offset.days IS NOT NULL
            """,
            today=today,
            pattern=OFFSETS_SQL_PATTERN,
        )

    @api.model
    def _invalid_offsets_sql(self, today):
        return SQL(
            """
            SELECT o.id AS res_id, 0 AS offset_days, o.cluster_id, NULL::int AS unit_id
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

    @api.model
    def _send_invalid_offsets_reports(self, obligations, offsets):
        _logger.warning(
            "Obligations %s: reminder settings %s are not a list of days; "
            "their reminders are skipped",
            obligations.ids,
            obligations.mapped("reminder_offsets"),
        )
        today = fields.Date.context_today(self)
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
        """An activity for the unit's officers (or the secretariat), an e-mail."""
        recipients = self._get_unit_recipients(submissions)
        self._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_deadline_reminder"),
            [(sub, recipients[sub], sub.deadline) for sub in submissions],
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

    @api.model
    def _cron_mark_overdue(self, batch_size=CRON_BATCH_SIZE):
        """The day after a deadline, flag the submissions not filed and give
        the secretariat one activity per obligation listing the units missing
        (whole obligations per batch, locked: two workers never share one)."""
        Log = self.env["emulation.reminder.log"]
        if not Log._begin_pass("overdue", ("overdue",)):
            return 0
        today = fields.Date.context_today(self)
        Submission = self.env["emulation.submission"].sudo()
        self.env.cr.execute(
            SQL(
                "%s ORDER BY s.obligation_id LIMIT %s",
                self._overdue_obligations_sql(today),
                batch_size,
            )
        )
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
            submissions._write_transition({"is_overdue": True})
            logged = Log._claim(
                "overdue",
                "emulation.submission",
                [(s.id, 0, s.cluster_id.id, s.partner_id.id) for s in submissions],
            )
            self._notify_overdue(Submission.browse([row[0] for row in logged]))
            self.env.flush_all()
        self.env.cr.execute(
            SQL("SELECT count(*) FROM (%s) q", self._overdue_obligations_sql(today))
        )
        Log._notify_progress(len(obligation_ids), self.env.cr.fetchone()[0])
        return len(submissions)

    @api.model
    def _overdue_obligations_sql(self, today):
        return SQL(
            """
            SELECT DISTINCT s.obligation_id
              FROM emulation_submission s
              JOIN emulation_obligation o ON o.id = s.obligation_id
              JOIN emulation_plan p ON p.id = o.plan_id
             WHERE s.state IN ('to_file', 'returned')
               AND s.active AND s.is_overdue IS NOT TRUE
               AND o.active AND o.state = 'open' AND p.state = 'issued'
               AND o.deadline < %(today)s::date
            """,
            today=today,
        )

    @api.model
    def _notify_overdue(self, submissions):
        by_obligation = submissions.grouped("obligation_id")

        def texts(obligation):
            missing = by_obligation[obligation]
            names = missing.partner_id.sorted("name").mapped("name")
            units = Markup("").join(Markup("<li>%s</li>") % name for name in names)
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

        today = fields.Date.context_today(self)
        self._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_overdue"),
            [(ob, ob.cluster_id.secretariat_user_ids, today) for ob in by_obligation],
            texts,
        )
