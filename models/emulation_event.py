# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools.common import ONE_YEAR, format_vn_short_date, shift_title_years
from .emulation_edit_policy_mixin import archive_group
from .emulation_reminder_log import CRON_BATCH_SIZE
from .emulation_workflow_mixin import state_field

# States that need a reason and, usually, the document that decided them.
INTERRUPTED_STATES = ("postponed", "suspended", "cancelled")
# States in which an activity is still to come.
PENDING_STATES = ("planned", "confirmed", "postponed", "suspended")
DEFAULT_TZ = "Asia/Ho_Chi_Minh"
# How many days before an activity its host is reminded.
EVENT_REMINDER_PARAM = "emulation_cluster.event_reminder_days"
EVENT_REMINDER_DEFAULT_DAYS = 7


class EmulationEvent(models.Model):
    """An activity or conference of the plan (hoạt động, hội nghị)."""

    _name = "emulation.event"
    _description = "Cluster Activity"
    _inherit = [
        "emulation.workflow.mixin",
        "emulation.plan.bound.mixin",
        "emulation.period.mixin",
        "emulation.notification.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "plan_id, sequence, id"

    # What the plan prints of an activity changes with the plan (a draft,
    # or an agreed adjustment); its course (confirmed, held, postponed...)
    # is followed by the transitions, with their reason and document.
    _edit_groups = {
        "content": {
            "fields": (
                "name",
                "sequence",
                "type_id",
                "date_start",
                "date_stop",
                "date_precision",
                "is_tentative",
                "place",
                "host_id",
                "participant_ids",
                "participants_text",
                "content",
                "duty_ids",
                "basis_document_id",
                "color",
            ),
            "roles": {"secretariat": PENDING_STATES},
            "closed_if": "_get_plan_closed_reason",
        },
        "course": {
            "fields": ("state_reason", "state_document_id"),
            "roles": {"secretariat": PENDING_STATES + ("cancelled",)},
        },
        # what happened, recorded once the plan is issued too
        "held": {
            "fields": ("date_held", "absent_unit_ids"),
            "roles": {"secretariat": ("planned", "confirmed", "held")},
        },
        "archive": archive_group("secretariat"),
    }
    _edit_create_fields = ("plan_id",)
    _period_fields = ("date_start", "date_stop")
    _edit_create_roles = ("secretariat",)
    _allowed_moves = {
        "planned": ("confirmed", "held", "postponed", "suspended", "cancelled"),
        "confirmed": ("held", "postponed", "suspended", "cancelled"),
        "postponed": ("confirmed", "suspended", "cancelled", "planned"),
        "suspended": ("planned",),
        "cancelled": ("planned",),
    }

    name = fields.Char(required=True, tracking=True)
    sequence = fields.Integer(default=10)
    plan_id = fields.Many2one(ondelete="cascade")
    year = fields.Integer(related="plan_id.year", store=True, aggregator=False)
    type_id = fields.Many2one(
        "emulation.event.type", "Type", index="btree_not_null", tracking=True
    )
    date_start = fields.Datetime("Start", tracking=True)
    date_stop = fields.Datetime("End")
    date_precision = fields.Selection(
        [
            ("day", "Exact Day"),
            ("early_month", "Early in the Month"),
            ("month", "Month Only"),
        ],
        "Time Known To",
        required=True,
        default="day",
        help="Plans often fix only the month of an activity: "
        '"Dự kiến trong tháng 6/2020".',
    )
    is_tentative = fields.Boolean(
        "Tentative", help='The time is expected, not fixed ("Dự kiến").'
    )
    planned_time_text = fields.Char(
        "Planned Time",
        compute="_compute_planned_time_text",
        help="Time as the plan writes it.",
    )
    place = fields.Char(tracking=True)
    host_id = fields.Many2one("res.partner", "Host Unit", tracking=True)
    participant_ids = fields.Many2many("res.partner", string="Participating Units")
    participants_text = fields.Text(
        "Participants", help="Who attends, as the plan writes it (Thành phần tham dự)."
    )
    content = fields.Text(
        "Content Items", help="What the activity deals with, one item per line."
    )
    duty_ids = fields.One2many("emulation.event.duty", "event_id", "Duties", copy=True)
    basis_document_id = fields.Many2one(
        "emulation.document",
        "Carried Out Under",
        help="Document the activity implements, e.g. the ministry's plan.",
    )
    state = state_field(
        [
            ("planned", "Planned"),
            ("confirmed", "Confirmed"),
            ("held", "Held"),
            ("postponed", "Postponed"),
            ("suspended", "Suspended"),
            ("cancelled", "Cancelled"),
        ],
        group_expand="_read_group_expand_state",
    )
    state_reason = fields.Text(
        "Reason",
        tracking=True,
        help="Why the activity was postponed, suspended or cancelled.",
    )
    state_document_id = fields.Many2one(
        "emulation.document",
        "Deciding Document",
        tracking=True,
        help="Document that decided the postponement, suspension or cancellation.",
    )
    date_held = fields.Date(
        "Held On",
        tracking=True,
        copy=False,
        help="The day the activity was actually held, entered when it is "
        "marked as held (today by default); never a day to come.",
    )
    absent_unit_ids = fields.Many2many(
        "res.partner",
        "emulation_event_absent_unit_rel",
        "event_id",
        "partner_id",
        "Absent Members",
        domain=[("is_company", "=", True)],
        help="The member units absent from the conference, recorded once: "
        "its polls read it (an absent member votes in writing, when the "
        "voting rule allows it).",
    )
    poll_ids = fields.One2many("emulation.poll", "event_id", "Polls")
    poll_count = fields.Integer(compute="_compute_poll_counts")
    proposal_count = fields.Integer(compute="_compute_poll_counts")
    color = fields.Integer()
    active = fields.Boolean(default=True)

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    def _get_local_date(self):
        """Date of the start in the user's (or Vietnam's) time zone."""
        self.ensure_one()
        if not self.date_start:
            return False
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or DEFAULT_TZ)
        return pytz.utc.localize(self.date_start).astimezone(tz).date()

    @api.depends("date_start", "date_precision", "is_tentative")
    def _compute_planned_time_text(self):
        for event in self:
            local_date = event._get_local_date()
            if not local_date:
                event.planned_time_text = False
                continue
            month = f"{local_date.month}/{local_date.year}"
            if event.date_precision == "month":
                text = (
                    f"trong tháng {month}" if event.is_tentative else f"tháng {month}"
                )
            elif event.date_precision == "early_month":
                text = f"đầu tháng {month}"
            else:
                text = f"ngày {format_vn_short_date(local_date)}"
            event.planned_time_text = f"Dự kiến {text}" if event.is_tentative else text

    def _get_plan_closed_reason(self):
        """What the plan prints of this record changes with the plan."""
        plan = self.sudo().plan_id
        return plan._get_content_closed_reason() if plan else ""

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("date_start", "plan_id")
    def _check_date_in_plan_year(self):
        for event in self:
            local_date = event._get_local_date()
            if local_date and event.plan_id and local_date.year != event.plan_id.year:
                raise ValidationError(
                    self.env._(
                        "Activity %(event)s must take place in %(year)s, the "
                        "year of its plan.",
                        event=event.name,
                        year=event.plan_id.year,
                    )
                )

    def _period_error(self):
        return self.env._("Activity %(event)s ends before it starts.", event=self.name)

    @api.constrains("state", "state_reason")
    def _check_reason(self):
        for event in self:
            if (
                event.state in INTERRUPTED_STATES
                and not (event.state_reason or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Give the reason why activity %(event)s is %(state)s.",
                        event=event.name,
                        state=dict(
                            self._fields["state"]._description_selection(self.env)
                        )[event.state],
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_plan(self):
        self.plan_id._check_deletable_lines()

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------

    def action_confirm(self):
        return self._transition_to(
            "confirmed",
            ("planned", "postponed"),
            ("secretariat",),
            self.env._("confirmed"),
        )

    def action_mark_held(self):
        """Held: on the day the user entered, today (his time zone) if he
        entered none."""
        self._check_transition(
            ("planned", "confirmed"), ("secretariat",), self.env._("marked as held")
        )
        today = fields.Date.context_today(self)
        for event in self:
            event._write_transition(
                {"state": "held", "date_held": event.date_held or today}
            )
        return True

    @api.constrains("date_held")
    def _check_date_held(self):
        today = fields.Date.context_today(self)
        for event in self:
            if event.date_held and event.date_held > today:
                raise ValidationError(
                    self.env._(
                        "%(event)s cannot have been held on %(date)s: the day "
                        "has not come yet.",
                        event=event.name,
                        date=format_vn_short_date(event.date_held),
                    )
                )

    def write(self, vals):
        if "absent_unit_ids" in vals:
            if not self.env.su:
                # access and policy first: who may not record the attendance
                # learns nothing of the polls
                self._check_edit_policy({"absent_unit_ids": vals["absent_unit_ids"]})
            # before anything is written: a unit that has voted in the round
            # keeps its attendance
            for event in self:
                absent = event._get_absent_after(vals["absent_unit_ids"])
                event.poll_ids._check_conference_attendance(absent)
        result = super().write(vals)
        if "absent_unit_ids" in vals:
            self.poll_ids._read_conference_attendance()
        return result

    def _get_absent_after(self, commands):
        """The absent members once ``commands`` (a form's or a client's
        many2many commands) are applied; the input checks refuse others."""
        self.ensure_one()
        ids = set(self.sudo().absent_unit_ids.ids)
        for command in commands if isinstance(commands, list | tuple) else ():
            if isinstance(command, int):
                ids.add(command)
            elif isinstance(command, list | tuple) and command:
                if command[0] == Command.LINK:
                    ids.add(command[1])
                elif command[0] == Command.UNLINK:
                    ids.discard(command[1])
                elif command[0] == Command.CLEAR:
                    ids.clear()
                elif command[0] == Command.SET:
                    ids = set(command[2])
        units = self.env["res.partner"].browse(
            unit for unit in ids if isinstance(unit, int)
        )
        return units.exists()

    def _compute_poll_counts(self):
        polls = self.env["emulation.poll"]._read_group(
            [("event_id", "in", self.ids)], ["event_id"], ["__count"]
        )
        proposals = self.env["emulation.award.proposal"]._read_group(
            [("poll_id.event_id", "in", self.ids)], ["poll_id"], ["__count"]
        )
        by_event = {}
        for poll, count in proposals:
            by_event[poll.event_id.id] = by_event.get(poll.event_id.id, 0) + count
        counts = {event.id: count for event, count in polls}
        for event in self:
            event.poll_count = counts.get(event.id, 0)
            event.proposal_count = by_event.get(event.id, 0)

    def action_view_polls(self):
        return self._open_children(
            "emulation_cluster.emulation_poll_action", "event_id"
        )

    def action_view_proposals(self):
        self.ensure_one()
        return self._open(
            "emulation_cluster.emulation_award_proposal_action",
            [("poll_id.event_id", "=", self.id)],
            {"create": False},
        )

    def action_print_minutes(self):
        """The review meeting minutes of the conference's polls."""
        self.ensure_one()
        return self.env.ref(
            "emulation_cluster.emulation_poll_review_minutes_report"
        ).report_action(self.poll_ids)

    def _interrupt(self, state, action):
        allowed = ("planned", "confirmed") + (
            ("postponed",) if state != "postponed" else ()
        )
        self._check_transition(allowed, ("secretariat",), action)
        missing = self.filtered(lambda event: not (event.state_reason or "").strip())
        if missing:
            raise UserError(
                self.env._(
                    "Give the reason why activity %(event)s is %(action)s "
                    "(and the document that decided it) first.",
                    event=missing[0].name,
                    action=action,
                )
            )
        self._write_transition({"state": state})
        return True

    def action_postpone(self):
        return self._interrupt("postponed", self.env._("postponed"))

    def action_suspend(self):
        return self._interrupt("suspended", self.env._("suspended"))

    def action_cancel(self):
        return self._interrupt("cancelled", self.env._("cancelled"))

    def action_reset_planned(self):
        return self._transition_to(
            "planned", INTERRUPTED_STATES, ("secretariat",), self.env._("planned again")
        )

    # ------------------------------------------------------------------
    # the next year
    # ------------------------------------------------------------------
    @api.model
    def _next_year_datetime(self, value):
        """The same local day and hour a year later (Vietnam has no summer
        time, but the user's zone decides the day, as the plan's check)."""
        if not value:
            return value
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or DEFAULT_TZ)
        local = pytz.utc.localize(value).astimezone(tz).replace(tzinfo=None)
        moved = tz.localize(local + ONE_YEAR)
        return moved.astimezone(pytz.utc).replace(tzinfo=None)

    def _prepare_next_year_vals(self, new_plan, roles):
        """Values of these activities in ``new_plan``, next year's: dates a
        year later, the precision kept, the course reset to planned; the
        duties of the old leader and deputy go to the new ones (``roles``:
        {old unit: new unit})."""
        vals_list = self.copy_data(
            {
                "plan_id": new_plan.id,
                "state": "planned",
                "state_reason": False,
                "state_document_id": False,
            }
        )
        for event, vals in zip(self, vals_list, strict=True):
            vals["name"] = shift_title_years(event.name, event.plan_id.year)
            vals["date_start"] = self._next_year_datetime(event.date_start)
            vals["date_stop"] = self._next_year_datetime(event.date_stop)
            host = roles.get(event.host_id, event.host_id)
            if host != event.host_id:
                # the place was the former host's: the new host's is to say
                vals.update(host_id=host.id, place=False)
        return vals_list

    # ------------------------------------------------------------------
    # report helpers
    # ------------------------------------------------------------------
    def _get_report_participants(self):
        self.ensure_one()
        return self.participants_text or ", ".join(self.participant_ids.mapped("name"))

    def _get_report_content_items(self):
        self.ensure_one()
        return [
            line.strip() for line in (self.content or "").splitlines() if line.strip()
        ]

    def _get_report_place(self):
        """ "Tại tỉnh Nam Định (đơn vị Cụm phó)." or, for an activity that
        will not be held as planned, the reason that replaces it."""
        self.ensure_one()
        if self.state in ("postponed", "cancelled") and self.state_reason:
            return self.state_reason.strip()
        if not self.place:
            return ""
        role = self.plan_id._get_role_label(self.host_id)
        place = f"Tại {self.place}"
        if role:
            place += f" ({role})"
        return place + "."

    def _get_report_implementation(self):
        """ "Thực hiện theo Kế hoạch số 1094/KH-BNV ...; Công văn số
        1538/BNV-CD ..." for an activity run under other documents."""
        self.ensure_one()
        documents = []
        if self.basis_document_id:
            documents.append(self.basis_document_id._get_full_citation())
        if self.state == "suspended":
            if self.state_document_id:
                documents.append(self.state_document_id._get_full_citation())
            elif self.state_reason:
                documents.append(self.state_reason.strip())
        if not documents:
            return ""
        return "Thực hiện theo " + "; ".join(documents) + "."

    def _get_report_duties(self):
        """[(role words, duty)]: one line per duty."""
        self.ensure_one()
        return [(duty._get_role_words(), duty.description) for duty in self.duty_ids]

    # ------------------------------------------------------------------
    # reminders
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
        once per activity. Returns the number of activities due."""
        days = self._get_event_reminder_days()
        now = fields.Datetime.now()
        due = SQL(
            """
            SELECT e.id AS res_id, %(days)s AS offset_days, e.cluster_id,
                   e.host_id AS unit_id
              FROM emulation_event e
             WHERE e.active AND e.state = 'confirmed'
               AND e.date_start >= %(now)s AND e.date_start <= %(until)s
            """,
            now=now,
            until=now + timedelta(days=days),
            days=days,
        )
        sent = self.env["emulation.reminder.log"]._run_pass(
            "event",
            [("event", self._name, due, self._send_event_reminders)],
            batch_size,
        )
        return len(sent[0]) if sent else 0

    @api.model
    def _send_event_reminders(self, events, offsets=None):
        recipients = self._get_unit_recipients(events, "host_id")
        self._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_event_reminder"),
            [(event, recipients[event], event.date_start.date()) for event in events],
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
