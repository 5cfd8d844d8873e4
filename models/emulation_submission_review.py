# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from markupsafe import Markup

from odoo import Command, fields, models
from odoo.exceptions import UserError

from ..tools.common import dialog_action
from .emulation_submission import REFILE_DAYS


class EmulationSubmissionReview(models.Model):
    """A filing's review by the cluster secretariat: starting it, accepting or
    returning the filing with its reason, and the activities that tell the
    reviewers and, on a return, the unit what to do next."""

    _inherit = "emulation.submission"

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

    def action_open_return_wizard(self):
        self._check_acting_user(("reviewer",), self.env._("returned"))
        return dialog_action(
            self.env._("Return Filing"),
            "emulation.submission.return.wizard",
            {"default_submission_ids": [Command.set(self.ids)]},
        )
