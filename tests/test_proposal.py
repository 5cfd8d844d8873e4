# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import contextlib
import importlib.util
import io
import zipfile
from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools.misc import file_path

from .common import printed_text
from .test_edit_policy import AgreementHelpers
from .test_poll import PollCommon

ODT_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


class ProposalCommon(PollCommon):
    """The 2020 plan of the votes' tests, a closed flag nomination that
    chose member 3 (all four members for it), the data's dossier items on
    the test awards, and a proposals rule of the cluster: the flag's
    dossiers due on 30 June of the next year, its quota a share of the
    units leading a cluster that year set so that exactly one fits."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.item_letter = ref("emulation_cluster.dossier_item_letter")
        cls.item_report = ref("emulation_cluster.dossier_item_achievement_report")
        cls.item_review = ref("emulation_cluster.dossier_item_review_minutes")
        cls.item_count = ref("emulation_cluster.dossier_item_vote_minutes")
        cls.flag.dossier_item_ids = [
            Command.set((cls.item_letter | cls.item_review | cls.item_count).ids)
        ]
        cls.merit.dossier_item_ids = [
            Command.set((cls.item_letter | cls.item_report | cls.item_review).ids)
        ]
        cls.flag_poll = cls._closed_poll(cls.flag, cls.unit_member3)
        leaders = cls.env["emulation.award.proposal"]._count_cluster_leaders(2020)
        cls.flag_percent = round(min(100.0, 150.0 / leaders), 2)
        cls.proposal_rule = cls.env["emulation.rule"].create(
            {
                "name": "Đề nghị khen thưởng (test)",
                "rule_type": "proposal",
                "document_id": cls.guidance.id,
                "scope": "cluster",
                "cluster_id": cls.cluster.id,
                "date_from": date(2018, 1, 1),
                "award_rule_ids": [
                    Command.create(
                        {
                            "award_type_id": cls.flag.id,
                            "quota_percent": cls.flag_percent,
                            "deadline_day": 30,
                            "deadline_month": 6,
                        }
                    ),
                    Command.create(
                        {
                            "award_type_id": cls.merit.id,
                            "deadline_day": 30,
                            "deadline_month": 6,
                        }
                    ),
                ],
            }
        )

    @classmethod
    def _closed_poll(cls, award, unit):
        poll = (
            cls.env["emulation.poll"]
            .with_user(cls.user_secretariat)
            .create(
                {
                    "name": "Suy tôn (test)",
                    "event_id": cls.conference.id,
                    "subject": "nomination",
                    "award_type_id": award.id,
                    "counting_user_ids": [Command.link(cls.user_secretariat.id)],
                }
            )
        )
        poll.action_open_voting()
        candidate = poll.candidate_ids.filtered(lambda c: c.partner_id == unit)
        # every unit's ballot handed in on paper, entered without its unit
        poll.voter_ids.with_user(cls.user_secretariat).action_hand_in_paper()
        cls.env["emulation.ballot"].with_user(cls.user_secretariat).create(
            [
                {
                    "poll_id": poll.id,
                    "partner_id": False,
                    "approve_ids": [Command.set(candidate.ids)],
                }
                for __ in poll.voter_ids
            ]
        )
        poll.with_user(cls.user_secretariat).action_count_round()
        return poll

    def _flag_proposal(self):
        self.flag_poll.with_user(self.user_secretariat).action_create_proposals()
        return self.env["emulation.award.proposal"].search(
            [("poll_id", "=", self.flag_poll.id)]
        )

    def _letter(self, proposals, **vals):
        letter = (
            self.env["emulation.award.letter"]
            .with_user(self.user_secretariat)
            .create(
                {
                    "plan_id": self.plan.id,
                    "issue_date": date(2021, 3, 15),
                    "addressee": "Hội đồng Thi đua - Khen thưởng Bộ (test)",
                    "basis_document_ids": [Command.set(self.guidance.ids)],
                    "distribution_list": "- Như trên;\n- Lưu: VT.",
                    "issuer_name": "CỤM THI ĐUA THỬ NGHIỆM",
                    **vals,
                }
            )
        )
        letter.action_assign_number()
        proposals.with_user(self.user_secretariat).letter_id = letter
        return letter

    def _merit_by_hand(self, unit=None):
        return (
            self.env["emulation.award.proposal"]
            .with_user(self.user_secretariat)
            .create(
                {
                    "plan_id": self.plan.id,
                    "partner_id": (unit or self.unit_member4).id,
                    "award_type_id": self.merit.id,
                }
            )
        )

    def _attach(self, proposal, item, name="bien-ban.pdf"):
        proposal.item_ids.filtered(lambda line: line.item_id == item).with_user(
            self.user_secretariat
        ).write({"file": base64.b64encode(b"%PDF-1.4 test"), "file_name": name})


@tagged("post_install", "-at_install")
class TestProposal(ProposalCommon):
    """Award proposals: made from the poll or by
    hand, the dossier check, every refusal of submitting, the council's
    decision from each side."""

    def test_proposals_from_the_closed_poll(self):
        # an officer cannot turn a poll into proposals
        with self.assertRaises(UserError):
            self.flag_poll.with_user(self.user_officer).action_create_proposals()
        proposal = self._flag_proposal()
        self.assertEqual(len(proposal), 1)
        self.assertEqual(
            (proposal.partner_id, proposal.award_type_id, proposal.state),
            (self.unit_member3, self.flag, "draft"),
        )
        self.assertEqual(proposal.yes_percent, 100.0)
        ranking = self.env["emulation.ranking"].search(
            [("plan_id", "=", self.plan.id), ("partner_id", "=", self.unit_member3.id)]
        )
        self.assertEqual(
            (proposal.score_total, proposal.rank), (ranking.final_total, ranking.rank)
        )
        # one line per item: the minutes generated from the closed poll, the
        # letter missing until the proposal is in a numbered letter
        lines = {line.item_id: line for line in proposal.item_ids}
        self.assertEqual(
            set(lines), {self.item_letter, self.item_review, self.item_count}
        )
        self.assertTrue(lines[self.item_review].is_present)
        self.assertTrue(lines[self.item_count].is_present)
        self.assertFalse(lines[self.item_letter].is_present)
        self.assertEqual(proposal.missing_item_count, 1)
        # a second call makes no duplicate
        self.flag_poll.with_user(self.user_secretariat).action_create_proposals()
        self.assertEqual(self._flag_proposal(), proposal)
        # the unit's officers follow it; another unit's officer does not read it
        self.assertIn(self.user_officer.partner_id, proposal.message_partner_ids)
        Proposal = self.env["emulation.award.proposal"]
        self.assertEqual(
            Proposal.with_user(self.user_officer).search([("id", "=", proposal.id)]),
            proposal,
        )
        self.assertFalse(
            Proposal.with_user(self.user_deputy).search([("id", "=", proposal.id)])
        )
        self.assertFalse(
            Proposal.with_user(self.user_secretariat_other).search(
                [("id", "=", proposal.id)]
            )
        )

    def test_poll_not_closed_and_wrong_unit_refused(self):
        poll = self._poll()
        with self.assertRaises(UserError):
            poll.with_user(self.user_secretariat).action_create_proposals()
        # by hand: a unit outside the cluster, an officer creating
        Proposal = self.env["emulation.award.proposal"]
        with self.assertRaises(ValidationError):
            Proposal.with_user(self.user_secretariat).create(
                {
                    "plan_id": self.plan.id,
                    "partner_id": self.unit_other.id,
                    "award_type_id": self.merit.id,
                }
            )
        with self.assertRaises(AccessError):
            Proposal.with_user(self.user_officer).create(
                {
                    "plan_id": self.plan.id,
                    "partner_id": self.unit_member3.id,
                    "award_type_id": self.merit.id,
                }
            )
        # the award's proposing level is the cluster's
        self.merit.proposer_level = "province"
        with self.assertRaises(ValidationError):
            self._merit_by_hand()

    @freeze_time("2021-03-20")
    def test_dossier_check(self):
        proposal = self._flag_proposal()
        with self.assertRaises(UserError) as caught:
            proposal.with_user(self.user_secretariat).action_submit()
        self.assertIn("Submission letter", str(caught.exception))
        self.assertEqual((proposal.state, proposal.submit_date), ("draft", False))
        # in a numbered letter, the dossier is complete
        self._letter(proposal)
        self.assertTrue(proposal.is_dossier_complete)
        # by hand, with no poll: the minutes and the report are missing
        merit = self._merit_by_hand()
        self._letter(merit)
        missing = merit.item_ids.filtered(lambda line: not line.is_present).item_id
        self.assertEqual(missing, self.item_report | self.item_review)
        with self.assertRaises(UserError) as caught:
            merit.with_user(self.user_secretariat).action_submit()
        for item in missing:
            self.assertIn(item.name, str(caught.exception))
        # the unit's filing counts once accepted; the minutes as a file
        self._attach(merit, self.item_review)
        self._attach(merit, self.item_report, "bao-cao.pdf")
        self.assertEqual(merit.missing_item_count, 0)
        merit.with_user(self.user_secretariat).action_submit()
        self.assertEqual(
            (merit.state, merit.submit_date), ("submitted", date(2021, 3, 20))
        )
        # a submitted dossier is locked
        with self.assertRaises(UserError):
            merit.item_ids[:1].with_user(self.user_secretariat).file = False

    def test_award_dossier_filing_is_the_proposals_report(self):
        """One dossier: the unit's award-dossier filing shows its deadline,
        and what it files is what its proposal's dossier shows, in place
        of a stand-in file and without a second copy."""
        proposal = self._merit_by_hand(self.unit_member3)
        obligation = self.env["emulation.obligation"].create(
            {
                "name": "Hồ sơ đề nghị khen thưởng",
                "plan_id": self.plan.id,
                "kind": "award_dossier",
            }
        )
        filing = obligation.submission_ids.filtered(
            lambda sub: sub.partner_id == self.unit_member3
        ).with_user(self.user_officer)
        self.assertEqual(filing.state, "to_file")
        due = self.proposal_rule.award_rule_ids[:1]._get_deadline(2020)
        self.assertEqual(filing.dossier_deadline, due)
        # the secretariat holds a scanned paper meanwhile
        self._attach(proposal, self.item_report, "ban-giay.pdf")
        line = proposal.item_ids.filtered(
            lambda item_line: item_line.item_id == self.item_report
        )
        self.assertEqual(line.status, "File attached")
        # the unit files its own report: the dossier shows that one
        upload = (
            self.env["ir.attachment"]
            .with_user(self.user_officer)
            .create(
                {
                    "name": "bao-cao-thanh-tich.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 unit"),
                    "res_model": "emulation.submission",
                    "res_id": filing.id,
                }
            )
        )
        filing.write({"attachment_ids": [Command.link(upload.id)]})
        filing.action_file()
        self.assertEqual(line.submission_id, filing)
        self.assertTrue(line.holds_unit_filing)
        self.assertFalse(line.is_present)
        self.assertIn("awaits the secretariat's acceptance", line.status)
        as_officer = proposal.with_user(self.user_officer).item_ids.filtered(
            lambda item_line: item_line.item_id == self.item_report
        )
        self.assertEqual(as_officer.filed_attachment_ids.mapped("name"), [upload.name])
        # no second copy by hand
        with self.assertRaisesRegex(UserError, "no second copy"):
            line.with_user(self.user_secretariat).write(
                {"file": base64.b64encode(b"%PDF-1.4 other"), "file_name": "x.pdf"}
            )
        filing.with_user(self.user_secretariat).action_accept()
        self.assertTrue(line.is_present)
        self.assertEqual(line.status, "The unit's accepted filing")
        names = [name for name, __ in line._get_package_files({})]
        self.assertEqual(len(names), 1)
        self.assertIn("bao-cao-thanh-tich", names[0])

    def test_after_the_deadline(self):
        proposal = self._flag_proposal()
        self._letter(proposal)
        with freeze_time("2021-07-01"), self.assertRaises(UserError) as caught:
            proposal.with_user(self.user_secretariat).action_submit()
        self.assertIn("30/6/2021", str(caught.exception))
        self.assertEqual(proposal.state, "draft")
        with freeze_time("2021-06-30"):
            proposal.with_user(self.user_secretariat).action_submit()
        self.assertEqual(proposal.state, "submitted")

    @freeze_time("2021-03-20")
    def test_excluded_unit(self):
        proposal = self._flag_proposal()
        self._letter(proposal)
        self.env["emulation.unit.restriction"].create(
            {
                "partner_id": self.unit_member3.id,
                "kind": "inspection",
                "date_from": date(2021, 3, 1),
                "document_id": self.guidance.id,
            }
        )
        with self.assertRaises(UserError) as caught:
            proposal.with_user(self.user_secretariat).action_submit()
        self.assertIn("frozen", str(caught.exception))
        self.assertEqual(proposal.state, "draft")

    @freeze_time("2021-03-20")
    def test_quota_across_clusters(self):
        """The flag's quota is the council's: another cluster's proposal
        before the council takes the only seat."""
        plan_other = self._create_plan(cluster=self.cluster_other)
        self._issue_plan(plan_other)
        leaders = self.env["emulation.award.proposal"]._count_cluster_leaders(2020)
        percent = round(min(100.0, 150.0 / leaders), 2)
        line = self.proposal_rule._get_award_line(self.flag)
        line.quota_percent = percent
        self.assertEqual(int(leaders * percent // 100), 1)
        other = (
            self.env["emulation.award.proposal"]
            .with_user(self.user_secretariat_other)
            .create(
                {
                    "plan_id": plan_other.id,
                    "partner_id": self.unit_other.id,
                    "award_type_id": self.flag.id,
                }
            )
        )
        letter_other = (
            self.env["emulation.award.letter"]
            .with_user(self.user_secretariat_other)
            .create(
                {
                    "plan_id": plan_other.id,
                    "issue_date": date(2021, 3, 10),
                    "issuer_name": "CỤM THI ĐUA THỬ NGHIỆM 2",
                }
            )
        )
        letter_other.action_assign_number()
        other.with_user(self.user_secretariat_other).letter_id = letter_other
        for item in (self.item_review, self.item_count):
            other.item_ids.filtered(
                lambda line, item=item: line.item_id == item
            ).with_user(self.user_secretariat_other).write(
                {"file": base64.b64encode(b"%PDF-1.4"), "file_name": "bb.pdf"}
            )
        letter_other.with_user(self.user_secretariat_other).action_submit()
        self.assertEqual(other.state, "submitted")
        proposal = self._flag_proposal()
        self._letter(proposal)
        with self.assertRaises(UserError) as caught:
            proposal.with_user(self.user_secretariat).action_submit()
        message = str(caught.exception)
        self.assertIn("quota", message)
        # counts only: the other cluster's unit is not named
        self.assertNotIn(self.unit_other.name, message)
        self.assertEqual(proposal.state, "draft")
        # a rejected proposal frees its seat
        other.with_user(self.user_council).rejection_reason = "Chưa đủ điều kiện"
        other.with_user(self.user_council).action_reject()
        proposal.with_user(self.user_secretariat).action_submit()
        self.assertEqual(proposal.state, "submitted")

    @freeze_time("2021-03-20")
    def test_council_decides(self):
        proposal = self._flag_proposal()
        letter = self._letter(proposal)
        letter.with_user(self.user_secretariat).action_submit()
        self.assertEqual((letter.state, proposal.state), ("submitted", "submitted"))
        # neither the unit nor the secretariat decides
        for user in (self.user_officer, self.user_secretariat):
            with self.assertRaises(UserError):  # AccessError is one
                proposal.with_user(user).write({"decision_number": "1/QĐ-TTg"})
            with self.assertRaises(UserError):  # AccessError is one
                proposal.with_user(user).action_approve()
        # the council without number and date
        as_council = proposal.with_user(self.user_council)
        with self.assertRaises(UserError):
            as_council.action_approve()
        self.assertEqual(proposal.state, "submitted")
        as_council.write({"decision_number": "123/QĐ-TTg"})
        with self.assertRaises(UserError):
            as_council.action_approve()
        # a client cannot set the state, nor the stored copies
        for vals in ({"state": "approved"}, {"missing_item_count": 0}, {"year": 2019}):
            with self.assertRaises(UserError):
                as_council.write(vals)
        as_council.write({"decision_date": date(2021, 3, 20)})
        as_council.action_approve()
        self.assertEqual(
            (proposal.state, proposal.outcome, proposal.decided_by_id),
            ("approved", "approved", self.user_council),
        )
        # the unit is told
        told = proposal.message_ids.filtered(
            lambda message: "123/QĐ-TTg" in (message.body or "")
        )
        self.assertTrue(told)
        self.assertIn(self.user_officer.partner_id, proposal.message_partner_ids)
        # decided: nothing changes any more
        with self.assertRaises(UserError):
            as_council.write({"decision_number": "124/QĐ-TTg"})
        with self.assertRaises(UserError):
            as_council.action_reject()

    @freeze_time("2021-03-20")
    def test_council_rejects_with_grounds(self):
        proposal = self._flag_proposal()
        self._letter(proposal).with_user(self.user_secretariat).action_submit()
        as_council = proposal.with_user(self.user_council)
        with self.assertRaises(UserError):
            as_council.action_reject()
        as_council.rejection_reason = "Thành tích chưa tiêu biểu"
        as_council.action_reject()
        self.assertEqual(proposal.state, "rejected")
        self.assertTrue(
            proposal.message_ids.filtered(
                lambda message: "Thành tích chưa tiêu biểu" in (message.body or "")
            )
        )

    def test_council_cannot_edit_a_draft(self):
        proposal = self._flag_proposal()
        with self.assertRaises(UserError):
            proposal.with_user(self.user_council).decision_number = "1/QĐ"
        with self.assertRaises(UserError):
            proposal.with_user(self.user_council).action_submit()

    def test_letter_locked_once_sent(self):
        with freeze_time("2021-03-20"):
            proposal = self._flag_proposal()
            letter = self._letter(proposal)
            letter.with_user(self.user_secretariat).action_submit()
        self.assertEqual(letter.number, "01/TTr-CTĐ")
        with self.assertRaises(UserError):
            letter.with_user(self.user_secretariat).signer_name = "Khác"
        with self.assertRaises(UserError):
            letter.with_user(self.user_secretariat).action_submit()

    def _recall_letter(self, letter, user, reason):
        action = letter.with_user(user).action_open_recall_wizard()
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        )
        wizard_form.reason = reason
        wizard_form.save().action_recall()

    def test_secretariat_recalls_a_letter_before_the_decision(self):
        with freeze_time("2021-03-20"):
            proposal = self._flag_proposal()
            letter = self._letter(proposal)
            letter.with_user(self.user_secretariat).action_submit()
        number = letter.number
        # not the unit, not the council
        for user in (self.user_officer, self.user_council):
            with self.subTest(user=user.login), self.assertRaises(UserError):
                letter.with_user(user).action_recall("Lý do")
        with self.assertRaisesRegex(UserError, "reason"):
            letter.with_user(self.user_secretariat).action_recall("")
        self.assertEqual((letter.state, proposal.state), ("submitted", "submitted"))
        with freeze_time("2021-03-22"):
            self._recall_letter(letter, self.user_secretariat, "Sai số liệu phụ lục")
        # drafts again, nothing lost: the number, the proposals, the reason
        self.assertEqual((letter.state, proposal.state), ("draft", "draft"))
        self.assertEqual(letter.number, number)
        self.assertEqual(letter.proposal_ids, proposal)
        self.assertFalse(letter.submit_date)
        for record in (letter, proposal):
            self.assertTrue(
                record.message_ids.filtered(
                    lambda message: "Sai số liệu phụ lục" in (message.body or "")
                ),
                record._name,
            )
        # the council decides nothing on a recalled proposal
        with self.assertRaises(UserError):
            proposal.with_user(self.user_council).action_reject()
        # corrected and sent again
        letter.with_user(self.user_secretariat).signer_name = "Nguyễn Văn B"
        with freeze_time("2021-03-23"):
            letter.with_user(self.user_secretariat).action_submit()
        self.assertEqual((letter.state, proposal.state), ("submitted", "submitted"))
        self.assertEqual(letter.submit_date, date(2021, 3, 23))

    def test_letter_recall_refused_once_the_council_decides(self):
        with freeze_time("2021-03-20"):
            proposal = self._flag_proposal()
            letter = self._letter(proposal)
            # a draft is not recalled
            with self.assertRaises(UserError):
                letter.with_user(self.user_secretariat).action_open_recall_wizard()
            letter.with_user(self.user_secretariat).action_submit()
            proposal.with_user(self.user_council).rejection_reason = "Chưa tiêu biểu"
            proposal.with_user(self.user_council).action_reject()
        with self.assertRaisesRegex(UserError, "council has decided"):
            letter.with_user(self.user_secretariat).action_open_recall_wizard()
        self.assertEqual((letter.state, proposal.state), ("submitted", "rejected"))

    def test_deadline_reminder_to_the_secretariat(self):
        proposal = self._flag_proposal()
        Award = self.env["emulation.rule.award"]
        activity_type = self.env.ref(
            "emulation_cluster.mail_activity_type_proposal_deadline"
        )

        def reminders():
            return proposal.activity_ids.filtered(
                lambda activity: activity.activity_type_id == activity_type
            )

        with freeze_time("2021-06-01"):
            Award._cron_send_proposal_reminders()
        self.assertFalse(reminders())
        with freeze_time("2021-06-20"):
            self.assertEqual(Award._cron_send_proposal_reminders(), proposal)
            self.assertFalse(Award._cron_send_proposal_reminders())
        activity = reminders()
        self.assertEqual(activity.user_id, self.user_secretariat)
        self.assertEqual(activity.date_deadline, date(2021, 6, 30))
        # a submitted proposal is not reminded
        merit = self._merit_by_hand()
        self.proposal_rule._get_award_line(self.merit).write(
            {"deadline_day": 30, "deadline_month": 6}
        )
        self._letter(merit)
        self._attach(merit, self.item_review)
        self._attach(merit, self.item_report)
        with freeze_time("2021-06-21"):
            merit.with_user(self.user_secretariat).action_submit()
            self.assertFalse(Award._cron_send_proposal_reminders())

    @freeze_time("2021-03-20")
    def test_checks_do_not_query_per_proposal(self):
        """Submitting's checks and the letter's text cost the same for a
        letter of one proposal as for a letter of three."""
        # a quota that no count fits: both refusals, after the same counts
        self.proposal_rule._get_award_line(self.merit).write(
            {"quota_percent": 1, "deadline_day": 30, "deadline_month": 6}
        )
        single = self._merit_by_hand(self.unit_member3)
        triple = (
            self._merit_by_hand()
            | self._merit_by_hand(self.unit_leader)
            | self._merit_by_hand(self.unit_deputy)
        )
        self._letter(single)
        self._letter(triple)
        today = date(2021, 3, 20)

        def count(records):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            records._check_not_restricted(today)
            records._check_deadline(today)
            with contextlib.suppress(UserError):
                records._check_quota(today)
            records.letter_id._get_letter_data()
            records.letter_id._get_list_data()
            return self.cr.sql_log_count - before

        # the caches of access rules, languages and users first
        count(single)
        count(triple)
        self.assertEqual(count(single), count(triple))

    @freeze_time("2021-03-20")
    def test_letter_without_signer_refused(self):
        proposal = self._flag_proposal()
        letter = self._letter(proposal)
        # the place and the signer come from the plan
        self.assertEqual(
            (letter.issue_place, letter.signer_name), ("Hải Phòng", "Nguyễn Văn Ký")
        )
        letter.with_user(self.user_secretariat).write(
            {"signer_name": False, "issue_place": False}
        )
        with self.assertRaises(UserError):
            letter.with_user(self.user_secretariat).action_submit()
        self.assertEqual((letter.state, proposal.state), ("draft", "draft"))
        # the button says what is missing, by its labels, and only that
        with self.assertRaises(UserError) as refused:
            letter.with_user(self.user_secretariat).action_open_submit_wizard()
        for label in ("Place of Issue", "Signer Name"):
            self.assertIn(label, str(refused.exception))
        for label in ("Number-Symbol", "Issuing Body"):
            self.assertNotIn(label, str(refused.exception))
        self.assertEqual(letter.state, "draft")

    def test_letter_defaults_from_a_readable_plan_only(self):
        self.plan.sudo().issuer_name = "CỤM THI ĐUA THỬ NGHIỆM"
        Letter = self.env["emulation.award.letter"].with_context(
            default_plan_id=self.plan.id
        )
        fields_list = ["plan_id", "issuer_name", "signer_name"]
        values = Letter.with_user(self.user_secretariat).default_get(fields_list)
        self.assertEqual(values["issuer_name"], "CỤM THI ĐUA THỬ NGHIỆM")
        # another cluster's secretariat learns nothing of the plan
        values = Letter.with_user(self.user_secretariat_other).default_get(fields_list)
        self.assertFalse(values.get("issuer_name"))
        self.assertFalse(values.get("signer_name"))

    def test_rule_values_refused(self):
        with self.assertRaises(ValidationError):
            self.proposal_rule.award_rule_ids[:1].with_user(
                self.user_manager
            ).deadline_month = 13
        line = self.proposal_rule.award_rule_ids[:1]
        # 29 February of a year without it: the month's last day
        line.write({"deadline_day": 29, "deadline_month": 2})
        self.assertEqual(line._get_deadline(2020), date(2021, 2, 28))
        self.assertEqual(line._get_deadline(2023), date(2024, 2, 29))


@tagged("post_install", "-at_install")
class TestProposalDocuments(HttpCase, ProposalCommon):
    """The letter and the list printed for real and read back; the dossier
    package's files and the ODT copy of the letter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.proposal = cls.env["emulation.award.proposal"]._create_from_poll(
            cls.flag_poll
        )
        cls.proposal.achievement = "Dẫn đầu phong trào cải cách hành chính"
        cls.merit_member4 = cls.env["emulation.award.proposal"].create(
            {
                "plan_id": cls.plan.id,
                "partner_id": cls.unit_member4.id,
                "award_type_id": cls.merit.id,
            }
        )

    def _letter_for_both(self):
        letter = self._letter(
            self.proposal | self.merit_member4,
            issuer_name="CỤM THI ĐUA THỬ NGHIỆM",
            issue_place="Hải Phòng",
            signer_title="TM. CỤM THI ĐUA\nCỤM TRƯỞNG",
            signer_name="Nguyễn Văn Ký",
        )
        self._attach(self.merit_member4, self.item_review, "bien-ban.pdf")
        self._attach(self.merit_member4, self.item_report, "bao-cao.pdf")
        return letter

    def test_letter_and_list_text(self):
        letter = self._letter_for_both()
        text = " ".join(
            printed_text(
                self.env,
                "emulation_cluster.report_emulation_award_letter",
                letter,
                self.user_secretariat,
            ).split()
        )
        for expected in (
            "Số: 01/TTr-CTĐ",
            "Hải Phòng, ngày 15 tháng 3 năm 2021",
            "TỜ TRÌNH",
            "Về việc đề nghị tặng Cờ thi đua (test), Bằng khen (test) năm 2020",
            "Kính gửi: Hội đồng Thi đua - Khen thưởng Bộ (test)",
            "Căn cứ Công văn số 462/BNV-VP (test) ngày 31/01/2020",
            "đề nghị tặng Cờ thi đua (test), Bằng khen (test) cho 02 tập thể",
            "1. Sở Nội vụ Member 3 (test)",
            "1. Sở Nội vụ Member 4 (test)",
            "Nơi nhận:",
            "CỤM TRƯỞNG",
            "Nguyễn Văn Ký",
        ):
            self.assertIn(expected, text, expected)
        # the bases end with the review minutes of the conference
        minutes = "Căn cứ Biên bản họp bình xét thi đua, khen thưởng năm 2020"
        self.assertIn(minutes, text)
        self.assertLess(text.index("462/BNV-VP"), text.index(minutes))
        self.assertLess(text.index(minutes), text.index("kính trình"))
        listing = " ".join(
            printed_text(
                self.env,
                "emulation_cluster.report_emulation_award_list",
                letter,
                self.user_secretariat,
            ).split()
        )
        self.assertIn("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", listing)
        self.assertIn("Kèm theo Tờ trình số 01/TTr-CTĐ", listing)
        self.assertIn("1 Sở Nội vụ Member 3 Cờ thi đua (test) 80 3 100,00", listing)
        self.assertIn("2 Sở Nội vụ Member 4 Bằng khen (test) 40 4", listing)
        self.assertNotIn("Nơi nhận", listing)
        self.assertIn("Dẫn đầu phong trào cải cách", listing)

    def test_dossier_package(self):
        letter = self._letter_for_both()
        action = (
            letter.with_user(self.user_secretariat)
            .with_context(force_report_rendering=True)
            .action_download_package()
        )
        self.assertEqual(
            action["url"],
            f"/web/content/emulation.award.letter/{letter.id}/package_file/"
            "Ho-so-01-TTr-CTD.zip?download=true",
        )
        package = zipfile.ZipFile(io.BytesIO(base64.b64decode(letter.package_file)))
        names = package.namelist()
        expected = {
            "To-trinh-01-TTr-CTD.pdf",
            "To-trinh-01-TTr-CTD.odt",
            "Danh-sach-de-nghi.pdf",
            "Danh-sach-de-nghi.odt",
        }
        self.assertLessEqual(expected, set(names))
        # one folder per proposal, in the letter's order
        folders = {name.split("/")[0] for name in names if "/" in name}
        self.assertEqual(len(folders), 2)
        member3 = [name for name in names if "Member-3" in name]
        member4 = [name for name in names if "Member-4" in name]
        # flag: the letter is the package itself; both minutes generated
        self.assertEqual(len(member3), 2, member3)
        self.assertEqual(len(member4), 2, member4)
        for name in names:
            if name.endswith(".pdf") and "Member-4" not in name:
                self.assertTrue(package.read(name).startswith(b"%PDF"), name)
        # compressed documents are stored as they are, not compressed again
        for info in package.infolist():
            if info.filename.endswith((".pdf", ".odt")):
                self.assertEqual(info.compress_type, zipfile.ZIP_STORED, info.filename)
        # the ODT: mimetype first and stored, content.xml holds the letter
        odt = zipfile.ZipFile(io.BytesIO(package.read("To-trinh-01-TTr-CTD.odt")))
        first = odt.infolist()[0]
        self.assertEqual(
            (first.filename, first.compress_type), ("mimetype", zipfile.ZIP_STORED)
        )
        content = etree.fromstring(odt.read("content.xml"))
        paragraphs = [
            "".join(node.itertext()) for node in content.iter(f"{{{ODT_TEXT}}}p")
        ]
        data = letter._get_letter_data()
        for expected in (
            "Số: 01/TTr-CTĐ",
            "TỜ TRÌNH",
            data["subject"],
            data["addressee"],
            data["proposal"],
            *data["bases"],
            "1. Sở Nội vụ Member 3 (test)",
            data["closing"],
        ):
            self.assertIn(expected, paragraphs)
        listing = etree.fromstring(
            zipfile.ZipFile(io.BytesIO(package.read("Danh-sach-de-nghi.odt"))).read(
                "content.xml"
            )
        )
        cells = ["".join(node.itertext()) for node in listing.iter(f"{{{ODT_TEXT}}}p")]
        self.assertIn("Sở Nội vụ Member 4 (test)", cells)
        self.assertIn("Cờ thi đua (test)", cells)
        # the package holds every unit's dossier: not for a unit's officer,
        # even one whose unit the letter lists, nor another cluster's staff
        for user in (self.user_officer, self.user_deputy, self.user_secretariat_other):
            with self.assertRaises(AccessError):
                letter.with_user(user).action_download_package()

    def test_package_private_however_reached(self):
        """The package holds every unit's dossier: an officer whose unit the
        letter lists reads the letter, never the package, whether he
        searches the attachments, reads them, or opens /web/content."""
        letter = self._letter_for_both()
        action = letter.with_user(self.user_secretariat).action_download_package()
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", letter._name),
                    ("res_id", "=", letter.id),
                    ("res_field", "=", "package_file"),
                ]
            )
        )
        self.assertEqual(len(attachment), 1)
        officer = self.user_officer
        letter.with_user(officer).read(["name"])
        Attachment = self.env["ir.attachment"].with_user(officer)
        self.assertFalse(
            Attachment.search(
                [("res_model", "=", letter._name), ("res_id", "=", letter.id)]
            )
        )
        self.assertFalse(
            Attachment.search(
                [
                    ("res_model", "=", letter._name),
                    ("res_id", "=", letter.id),
                    ("res_field", "=", "package_file"),
                ]
            )
        )
        with self.assertRaises(AccessError):
            Attachment.browse(attachment.id).read(["raw", "datas"])
        with self.assertRaises(AccessError):
            letter.with_user(officer).read(["package_file"])
        self.authenticate(officer.login, officer.login)
        for url in (f"/web/content/{attachment.id}?download=true", action["url"]):
            self.assertNotEqual(self.url_open(url).status_code, 200, url)
        self.authenticate(self.user_secretariat.login, self.user_secretariat.login)
        response = self.url_open(action["url"])
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"PK"))

    def test_package_made_private_on_upgrade(self):
        """A package kept as an ordinary attachment by the previous version
        becomes the letter's private field."""
        letter = self._letter_for_both()
        old = self.env["ir.attachment"].create(
            {
                "name": "Ho-so-2020.zip",
                "raw": b"PK old package",
                "mimetype": "application/zip",
                "res_model": letter._name,
                "res_id": letter.id,
            }
        )
        spec = importlib.util.spec_from_file_location(
            "package_migration",
            file_path("emulation_cluster/migrations/18.0.1.4.0/post-migrate.py"),
        )
        migration = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(migration)
        migration.migrate(self.env.cr, "18.0.1.3.0")
        self.env.invalidate_all()
        self.assertEqual(old.res_field, "package_file")
        self.assertEqual(letter.package_filename, "Ho-so-2020.zip")
        self.assertEqual(base64.b64decode(letter.package_file), b"PK old package")
        with self.assertRaises(AccessError):
            self.env["ir.attachment"].with_user(self.user_officer).browse(old.id).read(
                ["raw"]
            )


@tagged("post_install", "-at_install")
class TestProposalPolicyAgreement(AgreementHelpers, ProposalCommon):
    """The forms of the proposal, its dossier lines and the letter agree
    with the policy, as each role, in each state."""

    def _agreement(self, record, user, lines=None):
        result = self._assert_agreement(record, user)
        if lines:
            return result, self._assert_lines_agreement(record, lines, user)
        return result

    @freeze_time("2021-03-20")
    def test_proposal_and_letter(self):
        proposal = self._flag_proposal()
        letter = self._letter(proposal)
        officer, secretariat, council = (
            self.user_officer,
            self.user_secretariat,
            self.user_council,
        )
        self.assertEqual(
            self._agreement(proposal, secretariat, "item_ids"),
            ({"achievement", "note"}, {"file_name", "note", "sequence"}),
        )
        for user in (officer, council, self.user_secretariat_other):
            self.assertEqual(
                self._agreement(proposal, user, "item_ids"), (set(), set()), user.login
            )
        self.assertEqual(
            self._agreement(letter, secretariat),
            {
                "addressee",
                "distribution_list",
                "issue_date",
                "issue_place",
                "issuer_name",
                "issuer_parent_name",
                "note",
                "signer_name",
                "signer_title",
            },
        )
        self.assertEqual(self._agreement(letter, officer), set())
        letter.with_user(secretariat).action_submit()
        self.assertEqual(
            self._agreement(proposal, secretariat, "item_ids"), (set(), set())
        )
        self.assertEqual(
            self._agreement(proposal, council), {"decision_number", "rejection_reason"}
        )
        self.assertEqual(self._agreement(letter, secretariat), set())
