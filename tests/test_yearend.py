# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import date

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged

from ..tools.common import format_vn_long_date, format_vn_short_date
from .common import printed_text
from .test_scorecard import LEADER, ScorecardCommon


class RefusalAsserts:
    def assertRefused(self, exception, words):
        """assertRaises (which rolls back to a savepoint), then the words."""
        return _Refused(self, exception, words)


class _Refused:
    def __init__(self, case, exception, words):
        self.case, self.exception, self.words = case, exception, words

    def __enter__(self):
        self.manager = self.case.assertRaises(self.exception)
        self.caught = self.manager.__enter__()
        return self.caught

    def __exit__(self, *exc_info):
        handled = self.manager.__exit__(*exc_info)
        self.case.assertIn(self.words, str(self.caught.exception))
        return handled


# the day the secretariat sits down to record the year, months after it
RECORDED_ON = "2021-09-15"


class YearEndCommon(RefusalAsserts, ScorecardCommon):
    """The 2020 plan of the scoring tests with an annual report due on
    30 November 2020, and an award by hand whose dossier is one letter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.annual = cls.env["emulation.obligation"].create(
            {
                "name": "Báo cáo tổng kết năm 2020",
                "plan_id": cls.plan.id,
                "kind": "annual_report",
                "deadline": date(2020, 11, 30),
            }
        )
        cls.merit = cls.env["emulation.award.type"].create(
            {
                "name": "Bằng khen (test)",
                "dossier_item_ids": [
                    Command.set(
                        cls.env.ref("emulation_cluster.dossier_item_letter").ids
                    )
                ],
            }
        )

    def _score_and_appraise(self):
        """The units scored themselves and the secretariat appraised, on
        time, in November 2020."""
        with freeze_time("2020-11-19 03:00:00"):
            for card in self.plan.scorecard_ids:
                self._line(card, "I.2", self.user_secretariat).target_value = 100
                for code, value in LEADER.items():
                    self._line(card, code).self_value = value
            cards = self.plan.scorecard_ids.with_user(self.user_manager)
            cards.action_submit_self_scores()
            cards.action_appraise()
        return cards

    def _agree(self, cards, day):
        action = cards.with_user(self.user_secretariat).action_open_agree_wizard()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.user_secretariat)
            .with_context(**action["context"])
        )
        wizard.act_date = day
        wizard.save().action_confirm()

    def _letter(self, **vals):
        proposal = (
            self.env["emulation.award.proposal"]
            .with_user(self.user_secretariat)
            .create(
                {
                    "plan_id": self.plan.id,
                    "partner_id": self.unit_member4.id,
                    "award_type_id": self.merit.id,
                }
            )
        )
        proposal.item_ids.with_user(self.user_secretariat).write(
            {"file": base64.b64encode(b"%PDF-1.4 test"), "file_name": "to-trinh.pdf"}
        )
        letter = (
            self.env["emulation.award.letter"]
            .with_user(self.user_secretariat)
            .create({"plan_id": self.plan.id, "issue_date": date(2021, 1, 15), **vals})
        )
        letter.action_assign_number()
        proposal.with_user(self.user_secretariat).letter_id = letter
        return letter, proposal

    def _send(self, letter, day):
        action = letter.with_user(self.user_secretariat).action_open_submit_wizard()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.user_secretariat)
            .with_context(**action["context"])
        )
        wizard.act_date = day
        wizard.save().action_confirm()

    def _receive_on_paper(self, submission, day):
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.user_secretariat)
            .create(
                {
                    "name": "bao-cao-giay.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 test"),
                    "res_model": "emulation.submission",
                    "res_id": submission.id,
                }
            )
        )
        with Form(submission.with_user(self.user_secretariat)) as form:
            form.channel = "paper"
            # the form proposes today; the secretariat gives the real day
            self.assertEqual(form.date_received, fields.Date.today())
            form.date_received = day
        submission.with_user(self.user_secretariat).write(
            {"attachment_ids": [Command.link(attachment.id)]}
        )
        submission.with_user(self.user_secretariat).action_file()


@tagged("post_install", "-at_install")
class TestActDates(YearEndCommon):
    """Each act is dated by whoever records it: today by default, never in
    the future, never before the act it follows; nothing changes when
    refused."""

    def test_agreement_today_by_default(self):
        cards = self._score_and_appraise()
        with freeze_time("2020-12-03 20:00:00"):
            # 3 December 20:00 UTC is already 4 December in Hanoi
            self.user_secretariat.tz = "Asia/Ho_Chi_Minh"
            action = cards.with_user(self.user_secretariat).action_open_agree_wizard()
            wizard = Form(
                self.env[action["res_model"]]
                .with_user(self.user_secretariat)
                .with_context(**action["context"])
            )
            self.assertEqual(wizard.act_date, date(2020, 12, 4))
            wizard.save().action_confirm()
        self.assertEqual(set(cards.mapped("date_agreed")), {date(2020, 12, 4)})

    def test_agreement_date_refused(self):
        cards = self._score_and_appraise()
        with freeze_time(RECORDED_ON):
            with self.assertRefused(ValidationError, "in the future"):
                self._agree(cards, date(2021, 9, 16))
            with self.assertRefused(
                ValidationError, "earlier than the sending of the self scores"
            ):
                self._agree(cards, date(2020, 11, 18))
            # the officer does not agree, whatever the day
            with self.assertRaises(UserError):
                cards.with_user(self.user_officer).action_open_agree_wizard()
        self.assertEqual(set(cards.mapped("state")), {"appraised"})
        self.assertFalse(any(cards.mapped("date_agreed")))

    def test_letter_and_decision_dates_refused(self):
        self._score_and_appraise()
        with freeze_time(RECORDED_ON):
            letter, proposal = self._letter(
                issue_place="Hải Phòng",
                issuer_name="CỤM THI ĐUA (test)",
                signer_name="Nguyễn Văn Ký",
            )
            with self.assertRefused(ValidationError, "in the future"):
                self._send(letter, date(2021, 10, 1))
            with self.assertRefused(ValidationError, "earlier than the letter's date"):
                self._send(letter, date(2021, 1, 14))
            self.assertEqual((letter.state, proposal.state), ("draft", "draft"))
            self._send(letter, date(2021, 1, 20))
            # the council's form dates the decision today unless told
            with Form(proposal.with_user(self.user_council)) as form:
                form.decision_number = "25/QĐ-BNV"
                self.assertEqual(form.decision_date, date(2021, 9, 15))
                form.decision_date = date(2021, 2, 25)
            self.assertEqual(proposal.decision_date, date(2021, 2, 25))
            as_council = proposal.with_user(self.user_council)
            as_council.decision_date = False
            with self.assertRefused(ValidationError, "in the future"):
                as_council.decision_date = date(2021, 9, 20)
            with self.assertRefused(ValidationError, "before the proposal"):
                as_council.decision_date = date(2021, 1, 19)
        proposal.invalidate_recordset()
        self.assertFalse(proposal.decision_date)
        self.assertEqual(proposal.decision_number, "25/QĐ-BNV")

    def test_paper_filing_received_date_refused(self):
        submission = self.annual.submission_ids.filtered(
            lambda sub: sub.partner_id == self.unit_member4
        )
        with freeze_time(RECORDED_ON), self.assertRefused(UserError, "future"):
            self._receive_on_paper(submission, date(2021, 9, 20))
        submission.invalidate_recordset()
        self.assertEqual(submission.state, "to_file")


@tagged("post_install", "-at_install")
class TestYearRecordedLater(HttpCase, YearEndCommon):
    """The secretariat records the year in September 2021: the conference
    of 3 December 2020, a paper report received on 25 November 2020, the
    letter sent on 20 January 2021, the council's decision of 25 February
    2021. No stored or printed date of an act is the day it was recorded
    nor the day it was printed."""

    def test_year_recorded_months_later(self):
        cards = self._score_and_appraise()
        submission = self.annual.submission_ids.filtered(
            lambda sub: sub.partner_id == self.unit_member4
        )
        with freeze_time(RECORDED_ON):
            self._receive_on_paper(submission, date(2020, 11, 25))
            self._agree(cards, date(2020, 12, 3))
            letter, proposal = self._letter(
                issue_place="Hải Phòng",
                issuer_name="CỤM THI ĐUA (test)",
                signer_name="Nguyễn Văn Ký",
            )
            self._send(letter, date(2021, 1, 20))
            as_council = proposal.with_user(self.user_council)
            as_council.write(
                {"decision_number": "25/QĐ-BNV", "decision_date": date(2021, 2, 25)}
            )
            as_council.action_approve()
        stored = {
            "agreed": set(cards.mapped("date_agreed")),
            "received": submission.date_received,
            "late": submission.is_late,
            "sent": (letter.submit_date, proposal.submit_date),
            "decided": (proposal.state, proposal.decision_date),
        }
        self.assertEqual(
            stored,
            {
                "agreed": {date(2020, 12, 3)},
                "received": date(2020, 11, 25),
                "late": False,
                "sent": (date(2021, 1, 20), date(2021, 1, 20)),
                "decided": ("approved", date(2021, 2, 25)),
            },
        )
        # the printed documents carry the days of the acts
        printing_day = fields.Date.today()
        table = " ".join(
            printed_text(
                self.env,
                "emulation_cluster.report_emulation_scoring_results",
                self.plan,
                self.user_secretariat,
            ).split()
        )
        self.assertIn("ngày 03 tháng 12 năm 2020", table)
        letter_text = " ".join(
            printed_text(
                self.env,
                "emulation_cluster.report_emulation_award_letter",
                letter,
                self.user_secretariat,
            ).split()
        )
        self.assertIn("Hải Phòng, ngày 15 tháng 01 năm 2021", letter_text)
        for day in (date(2021, 9, 15), printing_day):
            for text in (table, letter_text):
                self.assertNotIn(format_vn_short_date(day), text)
                self.assertNotIn(format_vn_long_date(day), text)


@tagged("post_install", "-at_install")
class TestResultsTableDocument(HttpCase, YearEndCommon):
    """The results table printed as the leader unit's official document:
    its number, the place and the day of the agreement (dotted while
    provisional), the signer and the recipients, Vietnamese numbers, the
    "%" defined, a unit not scored yet neither ranked nor classified."""

    def _table(self):
        return " ".join(
            printed_text(
                self.env,
                "emulation_cluster.report_emulation_scoring_results",
                self.plan,
                self.user_secretariat,
            ).split()
        )

    def test_results_table_official_document(self):
        self.plan.with_user(self.user_secretariat).write(
            {
                "results_number": "15/BC-CTĐ",
                "results_signer_title": "GIÁM ĐỐC SỞ NỘI VỤ",
                "results_signer_name": "Trần Văn Trưởng",
                "results_distribution_list": "- Các Sở Nội vụ thành viên;\n- Lưu: VT.",
            }
        )
        # an officer does not sign the secretariat's table
        with self.assertRaises(UserError):
            self.plan.with_user(self.user_officer).results_number = "1/BC"
        scored = self.plan.scorecard_ids - self.card_member4
        with freeze_time("2020-11-19 03:00:00"):
            for card in self.plan.scorecard_ids:
                self._line(card, "I.2", self.user_secretariat).target_value = 100
            for card in scored:
                for code, value in dict(LEADER, **{"III.1": 10}).items():
                    self._line(card, code).self_value = value
            scored.with_user(self.user_manager).action_submit_self_scores()
            scored.with_user(self.user_manager).action_appraise()
        with freeze_time(RECORDED_ON):
            self._agree(scored, date(2020, 12, 3))
        # member 4 never sent its scores: not ranked, not classified
        self.assertEqual(
            (self.card_member4.rank, self.card_member4.classification_id.id),
            (0, False),
        )
        text = self._table()
        for expected in (
            "Số: 15/BC-CTĐ",
            "Hải Phòng, ngày … tháng … năm …",
            "Provisional results",
            "(60) (40)",
            "50,00 30,00 10,00 90,00 80,00",
            "Not scored yet: neither ranked nor classified.",
            "the bonus and the penalty are apart",
            "Nơi nhận:",
            "- Các Sở Nội vụ thành viên;",
            "GIÁM ĐỐC SỞ NỘI VỤ",
            "Trần Văn Trưởng",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("90.00", text)
        member4 = text[text.index(self.unit_member4.name) :][:120]
        self.assertNotIn("0,00", member4)
        # read in Vietnamese, every word of it: the note on "%" included
        self._load_vietnamese()
        text = " ".join(
            printed_text(
                self.env(context=dict(self.env.context, lang="vi_VN")),
                "emulation_cluster.report_emulation_scoring_results",
                self.plan,
                self.user_secretariat,
            ).split()
        )
        self.assertIn("điểm thưởng và điểm trừ tính riêng", text)
        self.assertNotIn("the bonus and the penalty are apart", text)


@tagged("post_install", "-at_install")
class TestRankingPerClusterYear(YearEndCommon):
    """One ranking per cluster and year, its state in words; a unit that
    has not sent its scores is not ranked; the officer reads his row and
    is told when the full table comes; a proposal copies nothing from a
    provisional ranking."""

    def test_ranking_provisional_then_agreed(self):
        Ranking = self.env["emulation.ranking"]
        scored = self.plan.scorecard_ids - self.card_member4
        with freeze_time("2020-11-19 03:00:00"):
            for card in self.plan.scorecard_ids:
                self._line(card, "I.2", self.user_secretariat).target_value = 100
            for card in scored:
                for code, value in LEADER.items():
                    self._line(card, code).self_value = value
            scored.with_user(self.user_manager).action_submit_self_scores()
            scored.with_user(self.user_manager).action_appraise()
        rows = Ranking.search([("plan_id", "=", self.plan.id)])
        member4 = rows.filtered(lambda row: row.partner_id == self.unit_member4)
        self.assertEqual(
            (member4.rank, member4.is_scored, member4.classification_id.id),
            (0, False, False),
        )
        self.assertEqual(sorted((rows - member4).mapped("rank")), [1, 1, 1])
        self.assertEqual(set(rows.mapped("ranking_state")), {"provisional"})
        # the officer reads his own row, and is told when the full table comes
        own = Ranking.with_user(self.user_officer).search(
            [("plan_id", "=", self.plan.id)]
        )
        self.assertEqual(own.partner_id, self.unit_member3)
        labels = dict(Ranking._fields["ranking_state"]._description_selection(self.env))
        self.assertIn(
            "the full table comes once every scorecard is agreed",
            labels[own.ranking_state],
        )
        # a proposal made now takes nothing from the provisional ranking
        award = self.env["emulation.award.type"].create({"name": "Giấy khen (test)"})
        proposal = (
            self.env["emulation.award.proposal"]
            .with_user(self.user_secretariat)
            .create(
                {
                    "plan_id": self.plan.id,
                    "partner_id": self.unit_member3.id,
                    "award_type_id": award.id,
                }
            )
        )
        self.assertEqual((proposal.score_total, proposal.rank), (0.0, 0))
        with freeze_time(RECORDED_ON):
            self._agree(scored, date(2020, 12, 3))
        self.assertEqual((proposal.score_total, proposal.rank), (0.0, 0))
        with freeze_time("2020-12-01 03:00:00"):
            self.card_member4.with_user(self.user_manager).action_submit_self_scores()
            self.card_member4.with_user(self.user_manager).action_appraise()
        with freeze_time(RECORDED_ON):
            self._agree(self.card_member4, date(2020, 12, 3))
        rows.invalidate_recordset()
        self.assertEqual(set(rows.mapped("ranking_state")), {"agreed"})
        self.assertEqual(member4.rank, 4)
        self.assertEqual((proposal.score_total, proposal.rank), (80.0, 1))

    def test_administrator_ranking_per_cluster_and_year(self):
        action = self.env.ref("emulation_cluster.emulation_ranking_action")
        # grouped by plan: a cluster's year
        self.assertIn("'search_default_group_plan': 1", action.context)
        groups = (
            self.env["emulation.ranking"]
            .with_user(self.user_manager)
            .read_group([], ["final_total:avg"], ["cluster_id", "year"], lazy=False)
        )
        keys = [(group["cluster_id"][0], group["year"]) for group in groups]
        self.assertEqual(len(keys), len(set(keys)))
        self.assertIn((self.cluster.id, 2020), keys)


@tagged("post_install", "-at_install")
class TestLetterDocument(HttpCase, YearEndCommon):
    """The submission letter: numbered 01 below 10, its defaults from the
    plan and the cluster's previous letter, dotted when undated, what is
    missing said before anything is asked, the same counts everywhere."""

    def _new_letter(self):
        form = Form(self.env["emulation.award.letter"].with_user(self.user_secretariat))
        form.plan_id = self.plan
        return form

    def test_letter_defaults_number_and_undated_print(self):
        self.plan.issuer_name = "SỞ NỘI VỤ LEADER (test)"
        form = self._new_letter()
        # the issuing body, place, signer and bases come from the plan
        self.assertEqual(
            (form.issuer_name, form.issue_place, form.signer_name),
            ("SỞ NỘI VỤ LEADER (test)", "Hải Phòng", "Nguyễn Văn Ký"),
        )
        self.assertEqual(
            form.basis_document_ids[:].ids, self.plan.basis_ids.document_id.ids
        )
        form.addressee = "Hội đồng Thi đua - Khen thưởng Bộ Nội vụ"
        form.distribution_list = "- Như trên;\n- Lưu: VT."
        first = form.save()
        # the next letter is addressed and sent as the previous one
        second = self._new_letter().save()
        self.assertEqual(
            (second.addressee, second.distribution_list),
            ("Hội đồng Thi đua - Khen thưởng Bộ Nội vụ", "- Như trên;\n- Lưu: VT."),
        )
        first.with_user(self.user_secretariat).action_assign_number()
        self.assertEqual(first.number, "01/TTr-CTĐ")
        text = " ".join(
            printed_text(
                self.env,
                "emulation_cluster.report_emulation_award_letter",
                first,
                self.user_secretariat,
            ).split()
        )
        self.assertIn("Số: 01/TTr-CTĐ", text)
        self.assertIn("Hải Phòng, ngày … tháng … năm …", text)
        self.assertIn("Kính gửi: Hội đồng Thi đua - Khen thưởng Bộ Nội vụ", text)

    def test_missing_fields_said_before_sending(self):
        self._score_and_appraise()
        letter, proposal = self._letter(
            issue_place="Hải Phòng", issuer_name="CỤM THI ĐUA (test)"
        )
        letter.with_user(self.user_secretariat).signer_name = False
        with self.assertRaises(UserError) as caught:
            letter.with_user(self.user_secretariat).action_open_submit_wizard()
        message = str(caught.exception)
        self.assertIn("Signer Name", message)
        for given in ("Number-Symbol", "Issue Date", "Place of Issue", "Issuing Body"):
            self.assertNotIn(given, message)
        self.assertEqual((letter.state, proposal.state), ("draft", "draft"))

    def test_counts_agree_for_every_reader(self):
        self._score_and_appraise()
        letter, proposal = self._letter(
            issue_place="Hải Phòng",
            issuer_name="CỤM THI ĐUA (test)",
            signer_name="Nguyễn Văn Ký",
        )
        other = (
            self.env["emulation.award.proposal"]
            .with_user(self.user_secretariat)
            .create(
                {
                    "plan_id": self.plan.id,
                    "partner_id": self.unit_member3.id,
                    "award_type_id": self.merit.id,
                    "letter_id": letter.id,
                }
            )
        )
        self.assertTrue(other)
        # the form, the list and the PDF say the same, whoever reads them
        as_officer = letter.with_user(self.user_officer)
        as_officer.proposal_ids.mapped("name")
        self.assertEqual(as_officer.collective_count, 2)
        listed = (
            self.env["emulation.award.letter"]
            .with_user(self.user_officer)
            .search_read([("id", "=", letter.id)], ["collective_count"])
        )
        self.assertEqual(listed[0]["collective_count"], 2)
        text = " ".join(
            printed_text(
                self.env,
                "emulation_cluster.report_emulation_award_letter",
                letter,
                self.user_secretariat,
            ).split()
        )
        self.assertIn("cho 02 tập thể", text)


@tagged("post_install", "-at_install")
class TestPrintWhereUsersLook(YearEndCommon):
    """The results table has its button on the plan and on the ranking."""

    def test_results_table_buttons(self):
        report = "emulation_cluster.report_emulation_scoring_results"
        for model, view in (
            ("emulation.plan", "form"),
            ("emulation.ranking", "form"),
            ("emulation.ranking", "list"),
        ):
            arch = (
                self.env[model]
                .with_user(self.user_secretariat)
                .get_views([(False, view)])["views"][view]["arch"]
            )
            self.assertIn('name="action_print_results_table"', arch, (model, view))
        action = self.plan.with_user(self.user_secretariat).action_print_results_table()
        self.assertEqual(action["report_name"], report)
        self.assertEqual(action["context"]["active_ids"], self.plan.ids)
        row = self.env["emulation.ranking"].search([("plan_id", "=", self.plan.id)])
        action = row[:1].with_user(self.user_secretariat).action_print_results_table()
        self.assertEqual(
            (action["report_name"], action["context"]["active_ids"]),
            (report, self.plan.ids),
        )
        # the officer meets no such button
        arch = (
            self.env["emulation.plan"]
            .with_user(self.user_officer)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertNotIn('name="action_print_results_table"', arch)
