# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import date
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import EmulationCommon, printed_text

# code, parent, kind, maximum, points per item
CRITERIA = [
    ("I", None, "group", 60, 0),
    ("I.1", "I", "scored", 30, 0),
    ("I.2", "I", "target", 20, 0),
    ("I.3", "I", "counted", 10, 2),
    ("II", None, "group", 40, 0),
    ("II.1", "II", "scored", 30, 0),
    ("II.2", "II", "pass_fail", 10, 0),
    ("III", None, "group", 0, 0),
    ("III.1", "III", "bonus", 15, 0),
    ("III.2", "III", "penalty", 10, 0),
]


# 30 + 10 (on target) + 10 (5 items) = 50 in group I, 20 + 10 in group II
LEADER = {"I.1": 30, "I.2": 100, "I.3": 5, "II.1": 20, "II.2": 10}


class ScorecardCommon(EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls._create_plan()
        cls.obligation = cls.env["emulation.obligation"].create(
            {
                "name": "Bảng tự chấm điểm thi đua",
                "plan_id": cls.plan.id,
                "kind": "self_scoring",
                "deadline": date(2020, 11, 20),
            }
        )
        cls._issue_plan(cls.plan)
        cls.template = cls._create_template(CRITERIA)
        cls.template.with_user(cls.user_manager).action_validate()
        Rule = cls.env["emulation.rule"]
        Rule.create(
            {
                "name": "Xếp loại",
                "rule_type": "classification",
                "document_id": cls.guidance.id,
                "date_from": date(2019, 1, 1),
                "classification_ids": [
                    Command.create(
                        {"name": name, "min_points": points, "min_group_percent": pct}
                    )
                    for name, points, pct in (
                        ("Hoàn thành xuất sắc nhiệm vụ", 90, 85),
                        ("Hoàn thành tốt nhiệm vụ", 80, 80),
                        ("Hoàn thành nhiệm vụ", 70, 70),
                        ("Không hoàn thành nhiệm vụ", 0, 0),
                    )
                ],
            }
        )
        cls.scoring_rule = Rule.create(
            {
                "name": "Xếp hạng",
                "rule_type": "scoring",
                "document_id": cls.guidance.id,
                "date_from": date(2019, 1, 1),
                "tiebreak_code": "I",
            }
        )
        cls.template.with_user(cls.user_manager)._copy_for_plan(cls.plan)
        cls.plan.criterion_template_id.with_user(cls.user_manager).action_validate()
        cls.plan.with_user(cls.user_secretariat).action_create_scorecards()
        cards = cls.plan.scorecard_ids
        cls.card_leader = cards.filtered(lambda c: c.partner_id == cls.unit_leader)
        cls.card_deputy = cards.filtered(lambda c: c.partner_id == cls.unit_deputy)
        cls.card_officer = cards.filtered(lambda c: c.partner_id == cls.unit_member3)
        cls.card_member4 = cards.filtered(lambda c: c.partner_id == cls.unit_member4)

    @classmethod
    def _create_template(cls, criteria, **vals):
        template = (
            cls.env["emulation.criterion.template"]
            .with_user(cls.user_manager)
            .create(
                {
                    "name": "Bảng tiêu chí",
                    "document_id": cls.guidance.id,
                    "date_from": date(2020, 1, 1),
                    **vals,
                }
            )
        )
        by_code = {}
        for code, parent, kind, maximum, per_item in criteria:
            by_code[code] = cls.env["emulation.criterion"].create(
                {
                    "template_id": template.id,
                    "code": code,
                    "name": f"Tiêu chí {code}",
                    "parent_id": by_code[parent].id if parent else False,
                    "kind": kind,
                    "max_points": maximum,
                    "points_per_item": per_item,
                }
            )
        return template

    def _line(self, card, code, user=None):
        line = card.line_ids.filtered(lambda line: line.criterion_id.code == code)
        return line.with_user(user) if user else line

    def _set_targets(self, card, target=100.0):
        self._line(card, "I.2", self.user_secretariat).target_value = target

    def _self_score(self, card, user, values):
        for code, value in values.items():
            self._line(card, code, user).self_value = value
        card.with_user(user).action_submit_self_scores()


@tagged("post_install", "-at_install")
class TestScorecard(ScorecardCommon):
    """Scorecards: one per member unit, self
    scores, appraisal by the secretariat of another unit, explanation and
    second review, agreement, totals, targets across the cluster, the
    classification and the ranking, the score history, who reads what."""

    def test_scorecards_wait_for_the_validated_criteria(self):
        """The plan's copy of the criteria is a draft until a manager
        validates it: the secretariat is told so instead of offered a
        button that refuses, and the server refuses it too."""
        plan = self._create_plan(year=2021)
        self._issue_plan(plan)
        self.template.with_user(self.user_manager)._copy_for_plan(plan)
        self.assertEqual(plan.criterion_template_id.state, "draft")
        self.assertFalse(plan.is_criteria_validated)
        with self.assertRaisesRegex(UserError, "no validated criteria"):
            plan.with_user(self.user_secretariat).action_create_scorecards()
        self.assertFalse(plan.scorecard_ids)
        plan.criterion_template_id.with_user(self.user_manager).action_validate()
        self.assertTrue(plan.is_criteria_validated)
        plan.with_user(self.user_secretariat).action_create_scorecards()
        self.assertTrue(plan.scorecard_ids)

    def test_one_scorecard_per_member_with_its_leaf_criteria(self):
        cards = self.plan.scorecard_ids
        self.assertEqual(
            cards.partner_id,
            self.unit_leader | self.unit_deputy | self.unit_member3 | self.unit_member4,
        )
        leaves = [code for code, __, kind, *__ in CRITERIA if kind != "group"]
        for card in cards:
            self.assertEqual(sorted(card.line_ids.mapped("code")), sorted(leaves))
            self.assertEqual(card.max_total, 100)
            self.assertEqual(card.template_id, self.plan.criterion_template_id)
        # again: nothing more; by hand, even for a unit outside the
        # cluster: refused
        self.plan.with_user(self.user_secretariat).action_create_scorecards()
        self.assertEqual(self.plan.scorecard_ids, cards)
        for partner in (self.unit_member3, self.unit_other):
            with self.assertRaises(AccessError):
                self.env["emulation.scorecard"].with_user(self.user_secretariat).create(
                    {"plan_id": self.plan.id, "partner_id": partner.id}
                )
        self.assertEqual(self.plan.scorecard_ids, cards)
        with self.assertRaises(AccessError):
            self.env["emulation.scorecard"].with_user(self.user_officer).create(
                {"plan_id": self.plan.id, "partner_id": self.unit_member3.id}
            )
        # the year's criteria no longer change, nor leave
        copy = self.plan.criterion_template_id.with_user(self.user_manager)
        with self.assertRaises(UserError):
            copy.action_reset_to_draft()
        with self.assertRaises(UserError):
            copy.criterion_ids.filtered(lambda c: c.code == "I.1").unlink()
        self.assertEqual(copy.state, "validated")
        group = self.plan.criterion_template_id.criterion_ids.filtered(
            lambda c: c.code == "I"
        )
        with self.assertRaises(ValidationError):
            self.env["emulation.score.line"].create(
                {"scorecard_id": self.card_officer.id, "criterion_id": group.id}
            )

    def test_officer_self_scores_his_unit_only(self):
        officer = self.user_officer
        self._set_targets(self.card_officer)
        line = self._line(self.card_officer, "I.1", officer)
        line.write({"self_value": 25, "evidence": "Báo cáo tổng kết"})
        self.assertEqual((line.self_points, line.final_points), (25, 25))
        # bounds, groups, other units, system fields, the appraisal
        for code, value in (("I.1", 31), ("I.1", -1), ("II.2", 5), ("III.1", 16)):
            with (
                self.subTest(code=code, value=value),
                self.assertRaises(ValidationError),
            ):
                self._line(self.card_officer, code, officer).self_value = value
        self.assertEqual(line.self_value, 25)
        for field, value in (
            ("appraised_value", 10),
            ("final_points", 30),
            ("self_points", 30),
            ("target_value", 1),
        ):
            with self.subTest(field=field), self.assertRaises(UserError):
                line.write({field: value})
        with self.assertRaises(UserError):
            self.card_officer.with_user(officer).write({"state": "agreed"})
        other = self._line(self.card_member4, "I.1", officer)
        with self.assertRaises(AccessError):
            other.self_value = 10
        # an officer reads his unit's scorecard, lines and history only
        for model in (
            "emulation.scorecard",
            "emulation.score.line",
            "emulation.score.history",
        ):
            records = self.env[model].with_user(officer).search([])
            self.assertEqual(records.partner_id, self.unit_member3, model)
        with self.assertRaises(AccessError):
            self.card_member4.with_user(officer).read(["final_total"])
        with self.assertRaises(AccessError):
            self._line(self.card_member4, "I.1", officer).read(["evidence"])
        # counted: 2 points per item, capped at 10
        self._line(self.card_officer, "I.3", officer).self_value = 7
        self.assertEqual(self._line(self.card_officer, "I.3").self_points, 10)
        self.card_officer.with_user(officer).action_submit_self_scores()
        self.assertEqual(self.card_officer.state, "self_scored")
        self.assertFalse(self.card_officer.self_scored_on_behalf)
        with self.assertRaises(UserError):
            line.self_value = 20
        # the unit's self-scoring submission is filed with the scorecard
        submission = self.obligation.submission_ids.filtered(
            lambda s: s.partner_id == self.unit_member3
        )
        self.assertEqual(submission.state, "filed")
        self.assertEqual(submission.filed_by_id, officer)
        self.assertEqual(submission.channel, "online")
        self.assertIn("Self-scoring table", submission.attachment_ids.name)

    def test_secretariat_self_scores_from_a_paper_table(self):
        self._set_targets(self.card_member4)
        self._self_score(self.card_member4, self.user_secretariat, {"I.1": 20})
        self.assertTrue(self.card_member4.self_scored_on_behalf)
        submission = self.obligation.submission_ids.filtered(
            lambda s: s.partner_id == self.unit_member4
        )
        self.assertEqual((submission.state, submission.channel), ("filed", "paper"))

    def test_target_needed_before_self_scoring(self):
        with self.assertRaises(UserError):
            self.card_officer.with_user(self.user_officer).action_submit_self_scores()
        self.assertEqual(self.card_officer.state, "draft")
        # a target is a positive number; an achieved value too
        line = self._line(self.card_officer, "I.2", self.user_secretariat)
        with self.assertRaises(ValidationError):
            line.target_value = -5
        self.assertEqual(line.target_value, 0)
        line.target_value = 100
        with self.assertRaises(ValidationError):
            self._line(self.card_officer, "I.2", self.user_officer).self_value = -1
        self.assertEqual((line.self_value, line.self_points), (0, 0))

    def test_lines_waiting_for_a_target_are_flagged_and_asked(self):
        """The officer sees which lines wait for a target (and how many);
        the secretariat was asked to enter them when the scorecards were
        made, and its activity is done once every target is entered."""
        card = self.card_officer.with_user(self.user_officer)
        self.assertEqual(card.waiting_target_count, 1)
        waiting = card.line_ids.filtered("is_waiting_target")
        self.assertEqual(waiting.mapped("code"), ["I.2"])
        activity_type = self.env.ref("emulation_cluster.mail_activity_type_targets")
        asked = self.card_officer.activity_ids.filtered(
            lambda act: act.activity_type_id == activity_type
        )
        self.assertEqual(asked.user_id, self.user_secretariat)
        self.assertIn(self.unit_member3.name, asked.summary)
        # by the self-scoring deadline (today once it has passed), today
        # being the secretariat's, who made the scorecards: in its time zone
        today = fields.Date.context_today(card.with_user(self.user_secretariat))
        self.assertEqual(asked.date_deadline, max(self.obligation.deadline, today))
        with self.assertRaisesRegex(UserError, "I.2"):
            card.action_submit_self_scores()
        self._set_targets(self.card_officer)
        self.assertEqual(card.waiting_target_count, 0)
        self.assertFalse(card.line_ids.filtered("is_waiting_target"))
        self.assertFalse(
            self.card_officer.activity_ids.filtered(
                lambda act: act.activity_type_id == activity_type
            )
        )
        # a card whose target criterion does not apply waits for nothing
        line = self._line(self.card_member4, "I.2", self.user_secretariat)
        line.is_applicable = False
        self.assertFalse(line.is_waiting_target)
        self.assertEqual(self.card_member4.waiting_target_count, 0)

    def test_officer_scorecard_shows_evidence_and_waiting_lines(self):
        """The officer's form shows the evidence columns by default, the
        criterion names wrapped, the waiting lines marked and the banner
        that counts them."""
        arch = (
            self.env["emulation.scorecard"]
            .with_user(self.user_officer)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        for name in ("evidence", "attachment_ids"):
            match = re.search(rf'<field name="{name}"[^>]*>', arch)
            self.assertTrue(match, name)
            self.assertNotIn('optional="hide"', match.group(0))
        criterion = re.search(r'<field name="criterion_id"[^>]*>', arch).group(0)
        self.assertIn("o_emulation_wrap", criterion)
        self.assertIn('decoration-warning="is_waiting_target"', arch)
        self.assertIn("alert-warning", arch)
        self.assertIn('name="waiting_target_count"', arch)

    def test_the_unit_is_told_of_its_appraisal(self):
        """The first appraisal tells the unit's officers, in the scorecard's
        chatter and their inbox, with the total and what they may do."""
        self._set_targets(self.card_officer)
        self._self_score(self.card_officer, self.user_officer, {"I.1": 28})
        self.card_officer.with_user(self.user_secretariat).action_appraise()
        message = self.card_officer.message_ids.filtered(
            lambda msg: self.user_officer.partner_id in msg.partner_ids
        )
        self.assertEqual(len(message), 1)
        self.assertIn("explanation", message.body)
        self.assertIn(
            self.user_officer.partner_id,
            message.notification_ids.res_partner_id,
            "the officer is notified",
        )
        self.assertEqual(message.author_id, self.user_secretariat.partner_id)

    def test_appraisal_never_by_ones_own_unit(self):
        """The leader's secretariat does not appraise the leader's
        scorecard; a manager (or the deputy's staff) does."""
        self._set_targets(self.card_leader)
        self._self_score(self.card_leader, self.user_secretariat, {"I.1": 28})
        line = self._line(self.card_leader, "I.1", self.user_secretariat)
        with self.assertRaises(AccessError):
            line.appraised_value = 20
        with self.assertRaises(UserError):
            self.card_leader.with_user(self.user_secretariat).action_appraise()
        self.assertFalse(line.is_appraised)
        self._line(self.card_leader, "I.1", self.user_manager).appraised_value = 20
        self.card_leader.with_user(self.user_manager).action_appraise()
        self.assertEqual(self.card_leader.state, "appraised")
        self.assertEqual(self._line(self.card_leader, "I.1").final_points, 20)

    def test_explanation_second_review_and_agreement(self):
        officer, secretariat = self.user_officer, self.user_secretariat
        self._set_targets(self.card_officer)
        self._self_score(
            self.card_officer,
            officer,
            {"I.1": 28, "I.2": 100, "I.3": 4, "II.1": 25, "II.2": 10, "III.2": 2},
        )
        line = self._line(self.card_officer, "I.1", secretariat)
        line.write({"appraised_value": 22, "appraiser_comment": "Thiếu minh chứng"})
        self.card_officer.with_user(secretariat).action_appraise()
        self.assertEqual(self.card_officer.state, "appraised")
        # the unit explains the line it disputes, nothing else
        with self.assertRaises(UserError):
            self.card_officer.with_user(officer).action_explain()
        with self.assertRaises(UserError):
            self._line(self.card_officer, "I.1", officer).appraised_value = 28
        self._line(self.card_officer, "I.1", officer).explanation = "Đã bổ sung"
        self.card_officer.with_user(officer).action_explain()
        # appraised scores stay editable while explained
        line.appraised_value = 26
        self.card_officer.with_user(secretariat).action_appraise()
        self.assertEqual(self.card_officer.state, "reappraised")
        # self 28 + 10 (target, alone on it: the share) + 4 x 2 + 25 + 10
        # - 2; final: 26 instead of 28
        self.assertEqual(self.card_officer.self_total, 79)
        self.assertEqual(self.card_officer.final_total, 77)
        self.card_officer.with_user(secretariat).action_agree()
        self.assertEqual(self.card_officer.state, "agreed")
        self.assertFalse(self.card_officer.is_provisional)
        # agreed: every later change refused, for everyone
        for user, field in (
            (officer, "self_value"),
            (officer, "explanation"),
            (secretariat, "appraised_value"),
            (self.user_manager, "appraised_value"),
        ):
            with (
                self.subTest(user=user.login, field=field),
                self.assertRaises(UserError),
            ):
                self._line(self.card_officer, "I.1", user).write({field: 1})
        self.assertEqual(self._line(self.card_officer, "I.1").final_points, 26)
        history = self.env["emulation.score.history"].search(
            [("line_id", "=", self._line(self.card_officer, "I.1").id)], order="id"
        )
        self.assertEqual(
            [(entry.step, entry.value, entry.text or "") for entry in history],
            [
                ("self", 28.0, ""),
                ("appraisal", 22.0, ""),
                ("explanation", 0.0, "Đã bổ sung"),
                ("appraisal", 26.0, ""),
            ],
        )

    def test_score_history_is_append_only(self):
        line = self._line(self.card_officer, "I.1", self.user_officer)
        line.self_value = 10
        line.self_value = 12
        history = self.env["emulation.score.history"].search(
            [("line_id", "=", line.id)], order="id"
        )
        self.assertEqual(history.mapped("value"), [10, 12])
        self.assertEqual(history.user_id, self.user_officer)
        for user in (self.user_officer, self.user_manager):
            with self.assertRaises(UserError):
                history.with_user(user).write({"value": 30})
            with self.assertRaises(UserError):
                history.with_user(user).unlink()
        self.assertEqual(history.mapped("value"), [10, 12])

    def test_not_applicable_and_bonus_outside_the_maximum(self):
        secretariat = self.user_secretariat
        self._set_targets(self.card_officer)
        self._line(self.card_officer, "II.2", secretariat).is_applicable = False
        self.assertEqual(self.card_officer.max_total, 90)
        values = {"I.1": 30, "I.2": 100, "I.3": 5, "II.1": 30, "III.1": 15}
        for code, value in values.items():
            self._line(self.card_officer, code, self.user_officer).self_value = value
        # 30 + 10 + 10 + 30 + 15 bonus = 95 of 90: above 100 %
        self.assertEqual(self.card_officer.final_total, 95)
        self.assertEqual(self.card_officer.percentage, round(95 * 100 / 90, 2))

    def test_targets_move_with_the_best_unit_until_agreed(self):
        """A target value moves the points of every unit above its target
        (the best sets the scale), not of those below it, whose lines are
        not rewritten: at national scale a unit's save must not rewrite the
        line of every unit of the plan."""
        cards = self.card_officer | self.card_member4 | self.card_deputy
        for card in cards:
            self._set_targets(card, 100)
        self._line(self.card_officer, "I.2", self.user_officer).self_value = 80
        self._line(self.card_member4, "I.2", self.user_secretariat).self_value = 150
        self._line(self.card_deputy, "I.2", self.user_deputy).self_value = 125
        points = {card: self._line(card, "I.2").self_points for card in cards}
        self.assertEqual(
            points,
            {self.card_officer: 8.0, self.card_member4: 20.0, self.card_deputy: 15.0},
        )
        Line = type(self.env["emulation.score.line"])
        write = Line.write
        rewritten = set()

        def spy(lines, vals):
            if "self_points" in vals:
                rewritten.update(lines.ids)
            return write(lines, vals)

        with patch.object(Line, "write", spy):
            self._line(self.card_member4, "I.2", self.user_secretariat).self_value = 200
        self.assertEqual(self._line(self.card_deputy, "I.2").self_points, 12.5)
        self.assertEqual(self._line(self.card_officer, "I.2").self_points, 8.0)
        self.assertIn(self._line(self.card_deputy, "I.2").id, rewritten)
        self.assertNotIn(self._line(self.card_officer, "I.2").id, rewritten)

    def test_ranking_ties_share_a_rank_and_the_tiebreak_decides(self):
        """Leader, deputy and member 3 all have 80; leader and deputy have
        the same 50 in group I (the tie-break): both first; member 3 has 45
        there: third; member 4, with 40, fourth."""
        scores = {
            self.card_leader: dict(LEADER),
            self.card_deputy: dict(LEADER),
            self.card_officer: dict(LEADER, **{"I.1": 25, "II.1": 25}),
            self.card_member4: {"I.1": 10, "I.2": 100, "II.1": 20},
        }
        for card, values in scores.items():
            self._set_targets(card, 100)
            for code, value in values.items():
                self._line(card, code).self_value = value
        cards = self.plan.scorecard_ids.with_user(self.user_manager)
        cards.action_submit_self_scores()
        cards.action_appraise()
        self.assertEqual(cards.mapped("final_total"), [80, 80, 80, 40])
        ranks = {card: card.rank for card in scores}
        self.assertEqual(
            ranks,
            {
                self.card_leader: 1,
                self.card_deputy: 1,
                self.card_officer: 3,
                self.card_member4: 4,
            },
        )
        self.assertTrue(all(card.is_provisional for card in scores))
        # classification: 80 with group I at 83 % and II at 75 %: completed
        # (not well: a group under 80 %); 40: not completed
        self.assertEqual(self.card_leader.classification_id.name, "Hoàn thành nhiệm vụ")
        self.assertEqual(
            self.card_member4.classification_id.name, "Không hoàn thành nhiệm vụ"
        )
        # each says which rule classified it and which condition decided
        # (numbers as the database's English prints them: 75.00, or 75,00)
        self.assertRegex(
            self.card_leader.classification_reason,
            r"^Hoàn thành nhiệm vụ under Xếp loại: group II reached 75[.,]00 %, "
            r"below the 80[.,]00 % Hoàn thành tốt nhiệm vụ requires of every group\.$",
        )
        self.assertRegex(
            self.card_member4.classification_reason,
            r"^Không hoàn thành nhiệm vụ under Xếp loại: 40[.,]00 points, below the "
            r"70[.,]00 points Hoàn thành nhiệm vụ requires\.$",
        )
        self._load_vietnamese()
        self.assertIn(
            "nhóm II đạt 75,00 %, dưới mức 80,00 % tối thiểu mỗi nhóm của mức "
            "Hoàn thành tốt nhiệm vụ",
            self.card_leader.with_context(lang="vi_VN").classification_reason,
        )
        # the unit's officer reads it on his ranking row
        row = self.env["emulation.ranking"].with_user(self.user_officer).search([])
        self.assertEqual(row.partner_id, self.unit_member3)
        self.assertEqual(
            row.classification_reason, self.card_officer.classification_reason
        )
        # without a tie-break group, the three on 80 share the first rank
        self.scoring_rule.tiebreak_code = False
        self.plan._rank_scorecards()
        self.assertEqual([card.rank for card in scores], [1, 1, 1, 4])
        # by percentage of its own maximum: II.2 not applying to member 4
        # would change nothing once agreed
        cards.action_agree()
        self.assertFalse(any(card.is_provisional for card in scores))
        with self.assertRaises(UserError):
            line = self._line(self.card_member4, "II.2", self.user_secretariat)
            line.is_applicable = False

    def test_members_read_the_agreed_ranking_never_the_lines(self):
        """Before agreement an officer reads his own provisional row; once
        every scorecard is agreed, every member reads every unit's total,
        points per group, classification and rank, never another unit's
        scorecard, lines or history; another cluster's officer reads
        nothing of it."""
        for card in self.plan.scorecard_ids:
            self._set_targets(card, 100)
            for code, value in LEADER.items():
                self._line(card, code).self_value = value
        self._line(self.card_leader, "I.1").write(
            {"self_value": 25, "evidence": "Báo cáo tổng kết năm"}
        )
        cards = self.plan.scorecard_ids.with_user(self.user_manager)
        cards.action_submit_self_scores()
        cards.action_appraise()
        cards[:3].action_agree()
        Ranking = self.env["emulation.ranking"].with_user(self.user_officer)
        own = Ranking.search([("plan_id", "=", self.plan.id)])
        self.assertEqual(own.partner_id, self.unit_member3)
        self.assertFalse(own.is_agreed)
        self.assertEqual(self.plan.with_user(self.user_officer).ranking_count, 1)
        cards[3:].action_agree()
        rows = Ranking.search([("plan_id", "=", self.plan.id)])
        self.assertEqual(rows.partner_id, self.plan.scorecard_ids.partner_id)
        self.assertTrue(all(rows.mapped("is_agreed")))
        leader = rows.filtered(lambda row: row.partner_id == self.unit_leader)
        self.assertEqual(
            (leader.final_total, leader.rank, leader.classification_id),
            (
                self.card_leader.final_total,
                self.card_leader.rank,
                self.card_leader.classification_id,
            ),
        )
        self.assertEqual(
            {
                (result.group_code, result.points, result.max_points)
                for result in leader.group_result_ids
            },
            {("I", 45.0, 60.0), ("II", 30.0, 40.0), ("III", 0.0, 0.0)},
        )
        self.plan.invalidate_recordset(["ranking_count"])  # a new request
        self.assertEqual(self.plan.with_user(self.user_officer).ranking_count, 4)
        # the units x groups analysis, computed, not per ballot of lines
        totals = dict(
            self.env["emulation.ranking.group"]
            .with_user(self.user_officer)
            ._read_group(
                [("plan_id", "=", self.plan.id)], ["group_code"], ["points:sum"]
            )
        )
        self.assertEqual(totals, {"I": 45.0 + 3 * 50.0, "II": 4 * 30.0, "III": 0.0})
        # never another unit's scorecard, lines, evidence or history
        with self.assertRaises(AccessError):
            self.card_leader.with_user(self.user_officer).read(["final_total"])
        for model in ("emulation.score.line", "emulation.score.history"):
            found = (
                self.env[model]
                .with_user(self.user_officer)
                .search([("scorecard_id.plan_id", "=", self.plan.id)])
            )
            self.assertEqual(found.partner_id, self.unit_member3, model)
        self.assertNotIn(
            "Báo cáo tổng kết năm",
            str(leader.read()) + str(leader.group_result_ids.read()),
        )
        # and nothing to write, even through the API
        with self.assertRaises(AccessError):
            leader.write({"rank": 9})
        # another cluster's officer reads none of it
        self.assertFalse(
            self.env["emulation.ranking"]
            .with_user(self.user_officer_other)
            .search([("plan_id", "=", self.plan.id)])
        )
        self.assertFalse(
            self.env["emulation.ranking.group"]
            .with_user(self.user_officer_other)
            .search([("plan_id", "=", self.plan.id)])
        )

    def test_reminders_to_self_score_and_to_appraise(self):
        """After the self-scoring deadline (20/11), each unit still to
        self-score gets an activity, once; a week before the year-end
        conference (5/12), the secretariat gets one per appraisal to do;
        sending the scores or the appraisal closes them."""
        self.plan.event_ids[:1].type_id = self.env.ref(
            "emulation_cluster.event_type_year_end_review"
        )
        self._set_targets(self.card_officer)
        Scorecard = self.env["emulation.scorecard"]
        Activity = self.env["mail.activity"]
        self_type = self.env.ref("emulation_cluster.mail_activity_type_self_scoring")
        with freeze_time("2020-11-20"):
            self.assertFalse(Scorecard._cron_send_scoring_reminders())
        with freeze_time("2020-11-21"):
            sent = Scorecard._cron_send_scoring_reminders()
            self.assertEqual(sent, self.plan.scorecard_ids)
            self.assertFalse(Scorecard._cron_send_scoring_reminders(), "never twice")
        mine = Activity.search(
            [
                ("res_model", "=", "emulation.scorecard"),
                ("res_id", "=", self.card_officer.id),
                ("activity_type_id", "=", self_type.id),
            ]
        )
        self.assertEqual(mine.user_id, self.user_officer)
        self.assertEqual(mine.date_deadline, date(2020, 11, 20))
        self.assertIn(self.unit_member3.name, mine.summary)
        self.card_officer.with_user(self.user_officer).action_submit_self_scores()
        self.assertFalse(mine.exists(), "sending the scores closes it")
        with freeze_time("2020-11-27"):
            self.assertFalse(
                Scorecard._cron_send_scoring_reminders().filtered(
                    lambda card: card.state == "self_scored"
                )
            )
        with freeze_time("2020-11-28"):
            sent = Scorecard._cron_send_scoring_reminders()
        self.assertEqual(sent, self.card_officer)
        appraise = Activity.search(
            [
                ("res_model", "=", "emulation.scorecard"),
                ("res_id", "=", self.card_officer.id),
                ("activity_type_id.name", "=", "Appraisal"),
            ]
        )
        self.assertEqual(appraise.user_id, self.user_secretariat)
        self.card_officer.with_user(self.user_secretariat).action_appraise()
        self.assertFalse(appraise.exists())

    def test_query_count_of_totals_and_ranking_does_not_grow(self):
        """Totals and the ranking of a plan cost the same queries for 4
        units x 7 leaf criteria as for 2 units x 64."""
        big = [("I", None, "group", 64, 0), ("II", None, "group", 32, 0)]
        big += [(f"I.{i}", "I", "scored", 2, 0) for i in range(32)]
        big += [(f"II.{i}", "II", "scored", 1, 0) for i in range(32)]
        template = self._create_template(big, name="Bảng lớn")
        template.with_user(self.user_manager).action_validate()
        plan_other = self._create_plan(cluster=self.cluster_other, year=2020)
        self._issue_plan(plan_other)
        template.with_user(self.user_manager)._copy_for_plan(plan_other)
        plan_other.criterion_template_id.with_user(self.user_manager).action_validate()
        self.env["emulation.scorecard"]._create_for_plan(plan_other)
        self.assertEqual(len(plan_other.scorecard_ids.line_ids), 2 * 64)
        self.assertEqual(len(self.plan.scorecard_ids.line_ids), 4 * 7)

        def queries(plan):
            plan.scorecard_ids.line_ids.filtered(
                lambda line: line.kind == "scored"
            ).write({"self_value": 1})
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            plan._rank_scorecards()
            plan.scorecard_ids.mapped("final_total")
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        # warm up: caches, and ranks already written once
        queries(self.plan)
        queries(plan_other)
        small, large = queries(self.plan), queries(plan_other)
        self.assertEqual(small, large)
        self.assertLessEqual(small, 20)

    def _scaled_plan(self, units, leaves):
        """An issued plan of a new cluster of ``units`` members, scored on
        ``leaves`` leaf criteria in two groups, each unit's scorecard
        appraised with every line scored."""
        partners = self.env["res.partner"].create(
            [
                {"name": f"Sở Nội vụ {units}x{leaves} số {i}", "is_company": True}
                for i in range(units)
            ]
        )
        cluster = self.env["emulation.cluster"].create(
            {
                "name": f"Cụm {units}x{leaves}",
                "code": f"SCALE-{units}-{leaves}",
                "kind": "cluster",
                "level": "ministry",
                "council_id": self.council.id,
                "membership_ids": [
                    Command.create(
                        {"partner_id": unit.id, "date_start": date(2019, 1, 1)}
                    )
                    for unit in partners
                ],
            }
        )
        plan = self._create_plan(cluster=cluster, year=2020)
        self._issue_plan(plan)
        half = leaves // 2
        criteria = [("I", None, "group", half, 0), ("II", None, "group", half, 0)]
        criteria += [(f"I.{i}", "I", "scored", 1, 0) for i in range(half)]
        criteria += [(f"II.{i}", "II", "scored", 1, 0) for i in range(half)]
        template = self._create_template(criteria, name=f"Bảng {units}x{leaves}")
        template.with_user(self.user_manager).action_validate()
        template.with_user(self.user_manager)._copy_for_plan(plan)
        plan.criterion_template_id.with_user(self.user_manager).action_validate()
        self.env["emulation.scorecard"]._create_for_plan(plan)
        cards = plan.scorecard_ids
        self.assertEqual(len(cards), units)
        self.assertEqual(len(cards.line_ids), units * leaves)
        cards.line_ids.write({"self_value": 1})
        self.env.flush_all()
        # appraised: the state the conference agrees from
        self.env.cr.execute(
            "UPDATE emulation_scorecard SET state = 'appraised' WHERE id IN %s",
            [tuple(cards.ids)],
        )
        self.env.invalidate_all()
        return plan

    def _queries(self, action):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        action()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_query_count_does_not_grow_with_units_or_criteria(self):
        """The totals, the ranking and agreeing every scorecard cost as many
        queries for 100 units, or for 100 criteria, as for 10 x 10."""
        # agreeing also looks for the draft proposals that take the agreed
        # totals: one query, whatever the size
        ceiling = {"totals": 2, "ranking": 18, "agreement": 17}
        counts = {}
        for units, leaves in ((10, 10), (100, 10), (10, 100)):
            plan = self._scaled_plan(units, leaves)
            # browsed anew, as a request does (the plan's one2many is
            # invalidated between measures)
            Card = self.env["emulation.scorecard"]
            cards = Card.browse(plan.scorecard_ids.ids)

            def totals(cards=cards, Card=Card):
                for name in ("self_total", "final_total", "max_total", "percentage"):
                    self.env.add_to_compute(Card._fields[name], cards)
                cards.mapped("final_total")

            counts[units, leaves] = {
                "totals": self._queries(totals),
                "ranking": self._queries(plan._rank_scorecards),
                "agreement": self._queries(cards.action_agree),
            }
            self.assertEqual(set(cards.mapped("state")), {"agreed"})
            self.assertEqual(sorted(cards.mapped("final_total")), [leaves] * units)
            self.assertEqual(set(cards.mapped("rank")), {1})
        for what, most in ceiling.items():
            small = counts[10, 10][what]
            for size in ((100, 10), (10, 100)):
                with self.subTest(what=what, size=size):
                    self.assertLessEqual(counts[size][what], small)
            self.assertLessEqual(small, most, f"{what}: {counts}")


@tagged("post_install", "-at_install")
class TestScoringPrinted(HttpCase, ScorecardCommon):
    """The results table and a scorecard, printed for real (wkhtmltopdf
    fetches the styles from the server) and read back with pdftotext."""

    def _pdf_text(self, report, records, user):
        return printed_text(self.env, report, records, user)

    def test_results_table_and_scorecard(self):
        scores = {
            self.card_leader: dict(LEADER, **{"III.1": 10}),
            self.card_deputy: dict(LEADER),
            self.card_officer: dict(LEADER, **{"I.1": 25, "II.1": 25}),
            self.card_member4: {"I.1": 10, "I.2": 100, "II.1": 20},
        }
        for card, values in scores.items():
            self._line(card, "I.2", self.user_secretariat).target_value = 100
            for code, value in values.items():
                self._line(card, code).self_value = value
        cards = self.plan.scorecard_ids.with_user(self.user_manager)
        cards.action_submit_self_scores()
        self._line(self.card_officer, "I.1", self.user_manager).write(
            {"appraised_value": 20, "appraiser_comment": "Thiếu minh chứng"}
        )
        cards.action_appraise()
        cards[:3].action_agree()
        text = self._pdf_text(
            "emulation_cluster.report_emulation_scoring_results",
            self.plan,
            self.user_secretariat,
        )
        self.assertIn("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2020", text)
        self.assertIn("Provisional results", text)
        rows = [
            line
            for line in text.splitlines()
            if any(card.partner_id.name in line for card in scores)
        ]
        # by rank: leader 90, deputy 80, member 3 75, member 4 40
        self.assertEqual(
            [
                card.partner_id.name in row
                for row, card in zip(rows, scores, strict=True)
            ],
            [True] * 4,
        )
        self.assertRegex(rows[0], r"\b50[.,]00\s+30[.,]00\s+10[.,]00\s+90[.,]00\b")
        self.assertIn("Không hoàn thành", rows[3])  # the cell wraps
        # the reason under the classification
        flat = " ".join(text.split())
        self.assertRegex(flat, r"40[.,]00 points < 70[.,]00 for Hoàn thành nhiệm vụ")
        self.assertRegex(
            flat, r"group II at 75[.,]00 % < 80[.,]00 % for Hoàn thành tốt nhiệm vụ"
        )
        self.assertIn("Classified under Xếp loại.", flat)
        card_text = self._pdf_text(
            "emulation_cluster.report_emulation_scorecard",
            self.card_officer,
            self.user_officer,
        )
        self.assertIn("BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2020", card_text)
        self.assertRegex(card_text, r"I\.1\s+Tiêu chí I\.1\s+30\s+25\s+20")
        self.assertIn("Thiếu minh chứng", card_text)
        # printed by an officer, it shows his unit's row only
        text = self._pdf_text(
            "emulation_cluster.report_emulation_scoring_results",
            self.plan,
            self.user_officer,
        )
        self.assertIn(self.unit_member3.name, text)
        for card in scores:
            if card != self.card_officer:
                self.assertNotIn(card.partner_id.name, text)
        self.assertIn("Provisional results", text)
        # once every scorecard is agreed, he prints the whole table
        cards[3:].action_agree()
        text = self._pdf_text(
            "emulation_cluster.report_emulation_scoring_results",
            self.plan,
            self.user_officer,
        )
        self.assertNotIn("Provisional results", text)
        for card in scores:
            self.assertIn(card.partner_id.name, text)
