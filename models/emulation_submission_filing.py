# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import psycopg2
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.common import dialog_action


class EmulationSubmissionFiling(models.Model):
    """Filing a submission, online by the unit or on its behalf from paper or
    e-mail, and recalling it before its review starts: the checks, the
    lock against a double filing, the lateness decided on the first filing."""

    _inherit = "emulation.submission"

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
        return self.env["emulation.recall.wizard"]._open_for(
            self, self.env._("Recall the Filing")
        )

    def action_open_file_wizard(self):
        """Ask to confirm the filing, naming the unit, the obligation and
        the files (the checks run first, so that a refusal comes at once)."""
        self._check_can_file()
        return dialog_action(
            self.env._("File the Report"),
            "emulation.submission.file.wizard",
            {"default_submission_ids": [Command.set(self.ids)]},
        )
