# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import formatLang

from .emulation_scorecard import APPRAISAL_STATES


class EmulationScorecardWorkflow(models.Model):
    """A scorecard's steps: self-scoring, the appraisal, the unit's
    explanation, the agreement of the results, and the self-scoring
    submissions filed with them."""

    _inherit = "emulation.scorecard"

    def action_submit_self_scores(self):
        """The unit (or the secretariat from its paper table) sends its
        self scores; the self-scoring submission of the plan is filed."""
        self._check_transition(
            ("draft",), ("owner", "secretariat"), self.env._("self-scored")
        )
        self._check_targets_given()
        now = self._get_action_datetime()
        for card in self:
            card._write_transition(
                {
                    "state": "self_scored",
                    "self_scored_on_behalf": not card._has_role("owner"),
                    "self_scored_by_id": self.env.user.id,
                    "date_self_scored": now,
                }
            )
        self._file_self_scoring_submissions()
        self.sudo().activity_feedback(
            ["emulation_cluster.mail_activity_type_self_scoring"]
        )
        self.plan_id._rank_scorecards()
        return True

    def action_back_to_self_scoring(self):
        """The secretariat gives the scorecard back before appraising it."""
        return self._transition_to(
            "draft", ("self_scored",), ("secretariat",), self.env._("given back")
        )

    def action_appraise(self):
        self._check_transition(APPRAISAL_STATES, ("reviewer",), self.env._("appraised"))
        for card in self:
            first = card.state == "self_scored"
            card._write_transition(
                {
                    "state": "appraised" if first else "reappraised",
                    "appraiser_id": self.env.user.id,
                }
            )
        self.sudo().activity_feedback(
            ["emulation_cluster.mail_activity_type_appraisal"]
        )
        self.filtered(lambda card: card.state == "appraised")._notify_appraised()
        self.plan_id._rank_scorecards()
        return True

    def _notify_appraised(self):
        """Tells the unit's officers that their self scores are appraised:
        nothing else would, and they may dispute a line before the
        conference agrees the scores."""
        for card in self:
            card.message_post(
                body=self.env._(
                    "The secretariat has appraised the self scores of "
                    "%(unit)s: %(total)s points. If the unit disputes a line, "
                    "write its explanation on that line and send it before "
                    "the conference agrees the scores.",
                    unit=card.partner_id.name,
                    total=formatLang(self.env, card.final_total, digits=2),
                ),
                partner_ids=card.partner_id.emulation_officer_ids.partner_id.ids,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )

    def action_explain(self):
        """The unit disputes the appraisal, line by line."""
        self._check_transition(("appraised",), ("owner",), self.env._("explained"))
        if not any(card.line_ids.filtered("explanation") for card in self):
            raise UserError(
                self.env._(
                    "Write the unit's explanation on the lines it disputes first."
                )
            )
        self._write_transition({"state": "explained"})
        return True

    def action_agree(self, act_date=None):
        """The year-end conference agrees the scores: they are locked, then
        classified and ranked by the rules in force that day. ``act_date``:
        the day of the conference, as the secretariat records it (today
        when not given; the form's button asks it)."""
        self._check_transition(
            ("appraised", "reappraised"), ("secretariat",), self.env._("agreed")
        )
        date_agreed = self._get_agreement_date(act_date)
        self._write_transition({"state": "agreed", "date_agreed": date_agreed})
        self.plan_id._rank_scorecards()
        self._refresh_draft_proposals()
        return True

    def _refresh_draft_proposals(self):
        """The draft proposals of these plans take the total and rank once
        the ranking is agreed (nothing is copied while it is provisional)."""
        Proposal = self.env["emulation.award.proposal"].sudo()
        proposals = Proposal.search(
            [("plan_id", "in", self.plan_id.ids), ("state", "=", "draft")]
        )
        for name in ("score_total", "rank"):
            self.env.add_to_compute(Proposal._fields[name], proposals)

    def _get_agreement_date(self, act_date):
        """The day entered, checked against each card's self-scoring."""
        label = self.env._("The agreement of the scores")
        for card in self:
            sent = card.date_self_scored and fields.Date.context_today(
                card, card.date_self_scored
            )
            act_date = card._get_act_date(
                act_date, label, [(sent, self.env._("the sending of the self scores"))]
            )
        return act_date

    def action_open_agree_wizard(self):
        """Ask the day the conference agreed the scores (the checks run
        first, so that a refusal comes at once)."""
        self._check_transition(
            ("appraised", "reappraised"), ("secretariat",), self.env._("agreed")
        )
        return self.env["emulation.act.date.wizard"]._open_for(
            "agree_scores", self, self.env._("Agree the Scores")
        )

    def _check_targets_given(self):
        missing = self.line_ids.filtered("is_waiting_target")
        if missing:
            raise UserError(
                self.env._(
                    "Criterion %(code)s is scored against a target, but the unit "
                    "has none yet: the secretariat enters it first.",
                    code=missing[0].criterion_id.code,
                )
            )

    def _file_self_scoring_submissions(self):
        """File each unit's submission of the plan's self-scoring obligation
        (the first one, by deadline), as the acting user, so that the
        tracker shows it. None: nothing to file."""
        Submission = self.env["emulation.submission"].sudo()
        submissions = Submission.search(
            [
                ("plan_id", "in", self.plan_id.ids),
                ("kind", "=", "self_scoring"),
                ("partner_id", "in", self.partner_id.ids),
                ("state", "in", ("to_file", "returned")),
            ],
            order="deadline, id",
        )
        first = {}
        for submission in submissions:
            first.setdefault((submission.plan_id, submission.partner_id), submission)
        for card in self:
            submission = first.get((card.plan_id, card.partner_id))
            if submission:
                submission.with_user(self.env.user).sudo(False)._file_from_scorecard(
                    card
                )
