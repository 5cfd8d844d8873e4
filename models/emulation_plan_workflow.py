# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from ..tools.common import dialog_action, format_vn_short_date, shift_title_years

# The records of a plan's year that carry activities (all have a plan_id).
# (Award proposals are not among them: the council decides on them later.)
YEAR_RECORD_MODELS = {
    "emulation.submission": "plan_id",
    "emulation.event": "plan_id",
    "emulation.obligation": "plan_id",
    "emulation.covenant": "plan_id",
    "emulation.covenant.signature": "covenant_id.plan_id",
    "emulation.registration": "plan_id",
    "emulation.scorecard": "plan_id",
    "emulation.poll": "plan_id",
    "emulation.plan.revision": "plan_id",
}

# What the plan's document says of its leader unit, not of the cluster: next
# year's plan and covenant keep it only if the leader stays.
LEADER_PARTICULARS = ("issue_place", "signer_title", "signer_name")
# What next year's plan takes from this year's as it is.
PLAN_CONTENT = (
    "purpose",
    "covenant_content",
    "campaign_content",
    "reporting_intro",
    "organisation",
    "issuer_parent_name",
    "issuer_name",
    "distribution_list",
)
# What a plan needs to be issued.
ISSUE_REQUIRED_FIELDS = (
    "number",
    "issue_date",
    "leader_id",
    "deputy_id",
    "basis_ids",
    "purpose",
    "signer_name",
)


class EmulationPlanWorkflow(models.Model):
    """The plan's year: numbering, consultation of the members, issue and
    its notices, adjustment, rollover and closing."""

    _inherit = "emulation.plan"

    consultation_pending_count = fields.Integer(
        "Pending Answers", compute="_compute_consultation_counts"
    )
    consultation_summary = fields.Char(
        "Answers", compute="_compute_consultation_counts"
    )

    @api.depends("consultation_ids.date_answered")
    def _compute_consultation_counts(self):
        for plan in self:
            lines = plan.consultation_ids
            answered = len(lines.filtered("date_answered"))
            plan.consultation_pending_count = len(lines) - answered
            plan.consultation_summary = (
                self.env._(
                    "%(answered)s of %(asked)s units answered",
                    answered=answered,
                    asked=len(lines),
                )
                if lines
                else False
            )

    def action_assign_number(self):
        """Take the next number of the cluster's sequence for the year."""
        self._check_transition(
            ("draft", "consultation"), ("secretariat",), self.env._("numbered")
        )
        today = fields.Date.context_today(self)
        for plan in self.filtered(lambda plan: not plan.number):
            # a number is given on a date: today's, unless one is set (the
            # secretariat may still change it)
            plan._write_transition(
                {
                    "number": plan.cluster_id._get_next_plan_number(plan.year),
                    "issue_date": plan.issue_date or today,
                }
            )
        return True

    def action_start_consultation(self):
        """Ask every member unit but the leader for its opinion."""
        self._check_transition(
            ("draft",), ("secretariat",), self.env._("sent for consultation")
        )
        today = fields.Date.context_today(self)
        consultation_lines = []
        for plan in self:
            asked = plan.consultation_ids.partner_id
            members = plan.cluster_id._get_members_at(plan._get_reference_date())
            consultation_lines += [
                {"plan_id": plan.id, "partner_id": unit.id, "date_asked": today}
                for unit in members - plan.leader_id - asked
            ]
        self.env["emulation.plan.consultation"].sudo().create(consultation_lines)
        self._write_transition({"state": "consultation"})
        self._schedule_consultation_activities()
        return True

    def _schedule_consultation_activities(self):
        """Remind the secretariat to collect the members' answers."""
        today = fields.Date.context_today(self)
        self.env["emulation.reminder.log"]._schedule_activities(
            self.env.ref("mail.mail_activity_data_todo"),
            [
                (
                    plan,
                    plan.cluster_id.secretariat_user_ids,
                    plan.consultation_deadline or today + timedelta(days=7),
                )
                for plan in self.sudo()
            ],
            lambda plan: {
                "summary": plan.env._("Collect the members' opinions on the plan"),
                "note": plan._get_pending_consultation_note(),
            },
        )

    def _get_pending_consultation_note(self):
        self.ensure_one()
        pending = self.consultation_ids.filtered(lambda line: not line.date_answered)
        return Markup("<p>%s</p><ul>%s</ul>") % (
            self.env._("Answers still expected from:"),
            Markup().join(
                Markup("<li>%s</li>") % line.partner_id.display_name for line in pending
            ),
        )

    def _close_consultation_activities(self):
        """Mark the reminders done once every member has answered."""
        answered = self.filtered(
            lambda plan: plan.consultation_ids and not plan.consultation_pending_count
        )
        if answered:
            answered._close_activities(
                ["mail.mail_activity_data_todo"],
                feedback=self.env._("Every member unit has answered."),
            )

    def action_back_to_draft(self):
        return self._transition_to(
            "draft",
            ("consultation",),
            ("secretariat",),
            self.env._("set back to draft"),
        )

    def _check_issuable(self):
        """What an issued plan needs: number, date, leader, deputy, legal
        bases, purpose, signer, and at least one activity or obligation."""
        for plan in self:
            missing = plan._get_missing_labels(ISSUE_REQUIRED_FIELDS)
            if not plan.event_ids and not plan.obligation_ids:
                missing.append(self.env._("at least one activity or obligation"))
            if missing:
                raise UserError(
                    self.env._(
                        "Plan %(plan)s cannot be issued without: %(fields)s.",
                        plan=plan.display_name,
                        fields=", ".join(missing),
                    )
                )

    def action_open_issue_wizard(self):
        """The "Issue" button: what is missing is said first, the
        confirmation is asked only of a plan that can be issued."""
        self.ensure_one()
        self._check_transition(
            ("draft", "consultation"), ("secretariat",), self.env._("issued")
        )
        self._check_issuable()
        return dialog_action(
            self.env._("Issue the Plan"),
            "emulation.plan.issue.wizard",
            {"default_plan_id": self.id},
        )

    def action_issue(self):
        self._check_transition(
            ("draft", "consultation"), ("secretariat",), self.env._("issued")
        )
        self._check_issuable()
        self._write_transition({"state": "issued"})
        self.sudo().activity_unlink(["mail.mail_activity_data_todo"])
        self._on_issue()
        self._notify_members_of_issue()
        return True

    def _get_issue_activity_texts(self, unit):
        """The "plan issued" activity of ``unit``'s officers: the reports
        the unit owes, soonest first."""
        self.ensure_one()
        dues = (
            self.sudo()
            .obligation_ids.filtered(lambda ob: ob.state == "open")
            .submission_ids.filtered(
                lambda sub: sub.partner_id == unit and sub.state == "to_file"
            )
            .sorted(lambda sub: (sub.deadline or date.max, sub.id))
        )
        lines = Markup().join(
            Markup("<li>%s</li>")
            % self.env._(
                "%(report)s: by %(deadline)s",
                report=sub.obligation_id.name,
                deadline=format_vn_short_date(sub.deadline)
                if sub.deadline
                else self.env._("no deadline"),
            )
            for sub in dues
        )
        note = Markup("<p>%s</p>") % self.env._(
            "Read the plan and note its activities and deadlines."
        )
        if dues:
            note += Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._("Your unit owes:"),
                lines,
            )
            summary = self.env._(
                "Plan issued: %(plan)s; %(count)s report(s) due, the first "
                "by %(deadline)s",
                plan=self.display_name,
                count=len(dues),
                deadline=format_vn_short_date(dues[0].deadline)
                if dues[0].deadline
                else "-",
            )
        else:
            summary = self.env._("Plan issued: %(plan)s", plan=self.display_name)
        return {"summary": summary, "note": note}

    def _on_issue(self):
        """Every unit expected to file gets its submissions."""
        self.sudo().obligation_ids._create_missing_submissions()

    def _notify_members_of_issue(self):
        """Each member unit is told: an activity for its officers (in their
        language), an e-mail to the unit."""
        Log = self.env["emulation.reminder.log"]
        for plan in self.sudo():
            members = plan.member_unit_ids - plan.leader_id
            officers = Log._get_unit_officers(members)
            # the activity says what the unit owes, not only "read the plan"
            Log._schedule_activities(
                self.env.ref("mail.mail_activity_data_todo"),
                [
                    (
                        plan,
                        users,
                        plan.issue_date or fields.Date.context_today(self),
                        unit,
                    )
                    for unit, users in officers.items()
                ],
                lambda plan, unit: plan._get_issue_activity_texts(unit),
            )
            by_lang = members.filtered("email").grouped(
                lambda unit: unit.lang or self.env.lang
            )
            for lang, recipients in by_lang.items():
                plan.with_context(lang=lang).message_post_with_source(
                    "emulation_cluster.mail_template_plan_issued",
                    partner_ids=recipients.ids,
                    subtype_xmlid="mail.mt_comment",
                )

    def action_close(self):
        self._check_transition(("issued",), ("secretariat",), self.env._("closed"))
        if self.filtered("adjustment_in_progress"):
            raise UserError(
                self.env._("Finish the adjustment in progress before closing.")
            )
        self._write_transition({"state": "closed"})
        self._close_year_activities()
        return True

    def _close_year_activities(self):
        """A closed year owes nothing more: the open activities of the plan
        and of every record of its year are marked done, so that nobody
        meets them later as hundreds of days late."""
        Activity = self.env["mail.activity"].sudo()
        domain = [("res_model", "=", "emulation.plan"), ("res_id", "in", self.ids)]
        for model_name, plan_field in YEAR_RECORD_MODELS.items():
            records = self.env[model_name].sudo().with_context(active_test=False)
            ids = records.search([(plan_field, "in", self.ids)]).ids
            if ids:
                domain = [
                    "|",
                    "&",
                    ("res_model", "=", model_name),
                    ("res_id", "in", ids),
                ] + domain
        activities = Activity.search(domain)
        if activities:
            activities.action_feedback(
                feedback=self.env._("The year's plan is closed.")
            )

    def action_open_adjustment_wizard(self):
        self.ensure_one()
        self._check_transition(("issued",), ("secretariat",), self.env._("adjusted"))
        return dialog_action(
            self.env._("Adjust the Plan"),
            "emulation.plan.adjustment.wizard",
            {"default_plan_id": self.id},
        )

    def action_open_rollover_wizard(self):
        """Next year's draft plan, made from this one."""
        self.ensure_one()
        self.env["emulation.plan.rollover.wizard"]._check_plan(self)
        return dialog_action(
            self.env._("Roll Over to Next Year"),
            "emulation.plan.rollover.wizard",
            {"default_plan_id": self.id},
        )

    def _prepare_next_year_vals(self, leader, deputy):
        """Values of next year's draft plan, made from this one by the
        rollover with ``leader`` and ``deputy``: the title's years moved on,
        the same legal bases and contents."""
        self.ensure_one()
        vals = {
            "cluster_id": self.cluster_id.id,
            "year": self.year + 1,
            "name": shift_title_years(self.name, self.year),
            "leader_id": leader.id,
            "deputy_id": deputy.id,
            "previous_plan_id": self.id,
            "cited_document_ids": [Command.set(self.cited_document_ids.ids)],
            "basis_ids": [
                Command.create(vals)
                for vals in self.basis_ids._prepare_next_year_vals()
            ],
        }
        vals.update({name: self[name] for name in PLAN_CONTENT})
        if leader == self.leader_id:
            vals.update({name: self[name] for name in LEADER_PARTICULARS})
        return vals

    def action_finish_adjustment(self):
        self._check_transition(("issued",), ("secretariat",), self.env._("adjusted"))
        self._write_transition({"adjustment_in_progress": False})
        return True
