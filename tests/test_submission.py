# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import EmulationCommon


class SubmissionCommon(EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls._create_plan()
        cls.ob_mid, cls.ob_annual = cls.env["emulation.obligation"].create(
            [
                {
                    "name": "Báo cáo sơ kết 6 tháng",
                    "plan_id": cls.plan.id,
                    "kind": "mid_year_report",
                    "deadline": date(2020, 6, 15),
                    "address": "12 Lê Đại Hành, Hải Phòng",
                    "email": "secretariat@example.com",
                },
                {
                    "name": "Báo cáo tổng kết năm",
                    "plan_id": cls.plan.id,
                    "kind": "annual_report",
                    "deadline": date(2020, 11, 20),
                },
            ]
        )
        cls._issue_plan(cls.plan)
        Submission = cls.env["emulation.submission"]
        # keep the scheduled actions to this test's data (demo plans are issued)
        Submission.search([("plan_id", "!=", cls.plan.id)]).action_archive()
        cls.sub_member3 = Submission.search(
            [
                ("obligation_id", "=", cls.ob_mid.id),
                ("partner_id", "=", cls.unit_member3.id),
            ]
        )
        cls.sub_member4 = Submission.search(
            [
                ("obligation_id", "=", cls.ob_mid.id),
                ("partner_id", "=", cls.unit_member4.id),
            ]
        )
        cls.sub_deputy = Submission.search(
            [
                ("obligation_id", "=", cls.ob_mid.id),
                ("partner_id", "=", cls.unit_deputy.id),
            ]
        )

    def _attach(self, submission, user, name="bao-cao.pdf"):
        """Upload a file to ``submission`` as ``user``, as the form does."""
        attachment = (
            self.env["ir.attachment"]
            .with_user(user)
            .create(
                {
                    "name": name,
                    "datas": base64.b64encode(b"%PDF-1.4 test"),
                    "res_model": "emulation.submission",
                    "res_id": submission.id,
                }
            )
        )
        submission.with_user(user).write(
            {"attachment_ids": [Command.link(attachment.id)]}
        )
        return attachment

    def _file(self, submission, user, day):
        with freeze_time(day):
            self._attach(submission, user)
            submission.with_user(user).action_file()

    def _return(self, submission, user, reason):
        action = submission.with_user(user).action_open_return_wizard()
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        )
        wizard_form.reason = reason
        wizard_form.save().action_return()


@tagged("post_install", "-at_install")
class TestSubmission(SubmissionCommon):
    def test_issue_creates_submissions(self):
        subs = self.env["emulation.submission"].search([("plan_id", "=", self.plan.id)])
        self.assertEqual(len(subs), 6, "3 units x 2 obligations")
        self.assertNotIn(
            self.unit_leader, subs.partner_id, "the leader receives, it does not file"
        )
        self.assertEqual(set(subs.mapped("state")), {"to_file"})
        # idempotent
        self.assertFalse(self.plan.obligation_ids._create_missing_submissions())
        # an obligation added to an issued plan gets its submissions
        award = self.env["emulation.obligation"].create(
            {
                "name": "Hồ sơ khen thưởng",
                "plan_id": self.plan.id,
                "kind": "award_dossier",
                "deadline": date(2020, 12, 10),
                "recipient_id": self.unit_leader.id,
            }
        )
        self.assertEqual(
            award.submission_ids.partner_id,
            self.unit_deputy | self.unit_member3 | self.unit_member4,
            "the unit receiving the reports does not file",
        )
        # a unit joining the cluster owes the remaining reports only
        newcomer = self.env["res.partner"].create(
            {"name": "Newcomer", "is_company": True}
        )
        self.env["emulation.cluster.membership"].create(
            {
                "cluster_id": self.cluster.id,
                "partner_id": newcomer.id,
                "date_start": date(2020, 7, 1),
            }
        )
        owed = self.env["emulation.submission"].search(
            [("partner_id", "=", newcomer.id)]
        )
        self.assertEqual(owed.obligation_id, self.ob_annual | award)
        # other cluster's plans are not concerned
        self.assertFalse(
            self.env["emulation.submission"].search_count(
                [("partner_id", "=", self.unit_other.id)]
            )
        )

    def test_file_on_time(self):
        self._file(self.sub_member3, self.user_officer, "2020-06-10 09:00:00")
        sub = self.sub_member3
        self.assertEqual(sub.state, "filed")
        self.assertFalse(sub.is_late)
        self.assertEqual(sub.filed_by_id, self.user_officer)
        self.assertEqual(sub.channel, "online")
        self.assertEqual(len(sub.round_ids), 1)
        self.assertEqual(sub.round_ids.attachment_ids, sub.attachment_ids)
        self.assertEqual(sub.round_ids.decision, "pending")
        review_type = self.env.ref(
            "emulation_cluster.mail_activity_type_submission_review"
        )
        activity = sub.activity_ids.filtered(
            lambda a: a.activity_type_id == review_type
        )
        self.assertEqual(activity.user_id, self.user_secretariat)

    def test_reviewer_reads_files_uploaded_before_they_were_attached(self):
        # the upload widget may create the file before it is tied to a record
        loose_file = (
            self.env["ir.attachment"]
            .with_user(self.user_officer)
            .create(
                {
                    "name": "bao-cao-tai-len-truoc.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 uploaded first"),
                    "res_model": "emulation.submission",
                    "res_id": 0,
                }
            )
        )
        with self.assertRaises(AccessError):
            loose_file.with_user(self.user_secretariat).read(["datas"])
        self.sub_member3.with_user(self.user_officer).write(
            {"attachment_ids": [Command.link(loose_file.id)]}
        )
        self.assertEqual(loose_file.res_id, self.sub_member3.id)
        self.assertTrue(loose_file.with_user(self.user_secretariat).read(["datas"]))
        # another unit's officer still cannot read it
        with self.assertRaises(AccessError):
            loose_file.with_user(self.user_officer_other).read(["datas"])

    def test_file_late(self):
        self._file(self.sub_member3, self.user_officer, "2020-06-18 09:00:00")
        self.assertTrue(self.sub_member3.is_late)
        self.assertEqual(self.sub_member3.late_days, 3)
        self.assertEqual(self.sub_member3.round_ids.late_days, 3)

    def test_deadline_day_is_on_time(self):
        self._file(self.sub_member3, self.user_officer, "2020-06-15 16:00:00")
        self.assertFalse(self.sub_member3.is_late)

    def _recall(self, submission, user, reason):
        action = submission.with_user(user).action_open_recall_wizard()
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(user)
            .with_context(**action["context"])
        )
        wizard_form.reason = reason
        wizard_form.save().action_recall()

    def test_officer_recalls_a_filing_before_its_review_and_files_again(self):
        sub = self.sub_member3
        self._file(sub, self.user_officer, "2020-06-10")
        first_file = sub.attachment_ids
        self.assertTrue(sub.with_user(self.user_officer).can_recall)
        self.assertFalse(sub.with_user(self.user_secretariat).can_recall)
        with freeze_time("2020-06-11"):
            self._recall(sub, self.user_officer, "Nộp nhầm tệp dự thảo")
        self.assertEqual(sub.state, "to_file")
        # the round stays, marked recalled, with the reason and who
        self.assertEqual(len(sub.round_ids), 1)
        self.assertEqual(
            (sub.round_ids.decision, sub.round_ids.reason, sub.round_ids.reviewer_id),
            ("recalled", "Nộp nhầm tệp dự thảo", self.user_officer),
        )
        self.assertEqual(sub.round_ids.attachment_ids, first_file)
        message = sub.message_ids.filtered(
            lambda m: "Nộp nhầm tệp dự thảo" in (m.body or "")
        )
        self.assertTrue(message, "the reason is in the chatter")
        self.assertIn(self.user_secretariat.partner_id, message.partner_ids)
        review_type = self.env.ref(
            "emulation_cluster.mail_activity_type_submission_review"
        )
        self.assertFalse(
            sub.activity_ids.filtered(lambda a: a.activity_type_id == review_type)
        )
        # filed again, before the deadline: a second round, on time
        self._file(sub, self.user_officer, "2020-06-12")
        self.assertEqual(sub.state, "filed")
        self.assertEqual(sub.round_ids.sorted("number").mapped("number"), [1, 2])
        self.assertEqual((sub.is_late, sub.is_late_correction), (False, False))
        self.assertEqual(sub.round_ids.sorted("number")[-1].deadline, date(2020, 6, 15))

    def test_recall_refused_in_words(self):
        sub = self.sub_member3
        # nothing filed yet
        with self.assertRaisesRegex(UserError, "review has not started"):
            sub.with_user(self.user_officer).action_open_recall_wizard()
        self._file(sub, self.user_officer, "2020-06-10")
        # not the secretariat, not another unit's officer
        with self.assertRaisesRegex(UserError, "Only the unit's officers"):
            sub.with_user(self.user_secretariat).action_recall("Lý do")
        with self.assertRaises(AccessError):
            sub.with_user(self.user_deputy).action_recall("Lý do")
        # no reason
        with self.assertRaisesRegex(UserError, "reason"):
            sub.with_user(self.user_officer).action_recall("  ")
        self.assertEqual(sub.state, "filed")
        # once the review started: too late
        sub.with_user(self.user_secretariat).action_start_review()
        with self.assertRaisesRegex(UserError, "review has not started"):
            sub.with_user(self.user_officer).action_open_recall_wizard()
        self.assertEqual(sub.state, "under_review")
        self.assertEqual(sub.round_ids.decision, "pending")

    def test_recall_after_a_return_keeps_the_correction_deadline(self):
        sub = self.sub_member3
        self._file(sub, self.user_officer, "2020-06-10")
        with freeze_time("2020-06-11"):
            self._return(sub, self.user_secretariat, "Thiếu phụ lục")
        self._file(sub, self.user_officer, "2020-06-12")
        with freeze_time("2020-06-13"):
            self._recall(sub, self.user_officer, "Thiếu chữ ký")
        self.assertEqual(sub.state, "returned")
        self.assertEqual(
            sub.round_ids.sorted("number").mapped("decision"),
            ["returned", "recalled"],
        )
        self._file(sub, self.user_officer, "2020-06-14")
        self.assertEqual(len(sub.round_ids), 3)
        self.assertEqual(sub.state, "filed")

    def test_return_and_refile_then_accept(self):
        sub = self.sub_member3
        self._file(sub, self.user_officer, "2020-06-10")
        with freeze_time("2020-06-11"):
            sub.with_user(self.user_secretariat).action_start_review()
            self.assertEqual(sub.state, "under_review")
            self._return(sub, self.user_secretariat, "Thiếu phụ lục số liệu")
        self.assertEqual(sub.state, "returned")
        self.assertEqual(sub.return_reason, "Thiếu phụ lục số liệu")
        self.assertEqual(sub.round_ids.decision, "returned")
        self.assertEqual(sub.round_ids.reviewer_id, self.user_secretariat)
        review_type = self.env.ref(
            "emulation_cluster.mail_activity_type_submission_review"
        )
        self.assertFalse(
            sub.activity_ids.filtered(lambda a: a.activity_type_id == review_type)
        )
        message = sub.message_ids.filtered(
            lambda m: self.user_officer.partner_id in m.partner_ids
        )
        self.assertTrue(message, "the filer is notified of the return")
        self.assertIn("Thiếu phụ lục số liệu", message[0].body)
        # the correction is due by the deadline, still ahead
        self.assertEqual(sub.refile_deadline, date(2020, 6, 15))
        # the unit corrects and files again after it: its first filing was
        # on time, the correction is late, shown apart
        self._file(sub, self.user_officer, "2020-06-17")
        self.assertEqual(sub.state, "filed")
        self.assertEqual(sub.round_ids.sorted("number").mapped("number"), [1, 2])
        self.assertEqual(
            (sub.is_late, sub.late_days, sub.is_late_correction),
            (False, 0, True),
        )
        self.assertEqual(sub.correction_late_days, 2)
        second = sub.round_ids.sorted("number")[-1]
        self.assertEqual(
            (second.is_correction, second.deadline, second.late_days),
            (True, date(2020, 6, 15), 2),
        )
        self.assertFalse(sub.return_reason)
        sub.with_user(self.user_secretariat).action_accept()
        self.assertEqual(sub.state, "accepted")
        last = sub.round_ids.sorted("number")[-1]
        self.assertEqual(last.decision, "accepted")
        self.assertEqual(
            sub.round_ids.sorted("number")[0].reason, "Thiếu phụ lục số liệu"
        )
        self.assertFalse(
            sub.activity_ids.filtered(lambda a: a.activity_type_id == review_type)
        )

    def test_correction_judged_by_its_own_deadline(self):
        """Filed on time, returned after the deadline: the correction is due
        three days later, or on the day the secretariat moves the "File
        Again" activity to; the unit stays on time."""
        sub = self.sub_member3
        self._file(sub, self.user_officer, "2020-06-14")
        with freeze_time("2020-06-20"):
            self._return(sub, self.user_secretariat, "Thiếu số liệu")
        self.assertEqual(sub.refile_deadline, date(2020, 6, 23))
        refile = sub.activity_ids.filtered(
            lambda activity: activity.activity_type_id
            == self.env.ref("emulation_cluster.mail_activity_type_refile")
        )
        self.assertEqual(refile.date_deadline, date(2020, 6, 23))
        refile.sudo().date_deadline = date(2020, 6, 30)
        self._file(sub, self.user_officer, "2020-06-29")
        self.assertEqual(
            (sub.is_late, sub.is_late_correction, sub.state),
            (False, False, "filed"),
        )
        self.assertEqual(sub.round_ids.sorted("number")[-1].deadline, date(2020, 6, 30))
        # late first filing, on-time correction: late it stays
        late = self.sub_deputy
        self._file(late, self.user_deputy, "2020-06-18")
        with freeze_time("2020-06-19"):
            self._return(late, self.user_secretariat, "Thiếu chữ ký")
        self._file(late, self.user_deputy, "2020-06-20")
        self.assertEqual(
            (late.is_late, late.late_days, late.is_late_correction),
            (True, 3, False),
        )

    def test_secretariat_registers_paper_filing(self):
        sub = self.sub_member4  # unit without any Odoo user
        with freeze_time("2020-06-20"):
            self._attach(sub, self.user_secretariat, "scan.pdf")
            sub.with_user(self.user_secretariat).write(
                {"channel": "paper", "date_received": date(2020, 6, 14)}
            )
            sub.with_user(self.user_secretariat).action_file()
        self.assertEqual(sub.state, "filed")
        self.assertEqual(sub.channel, "paper")
        self.assertFalse(sub.is_late, "received on paper before the deadline")
        self.assertEqual(sub.round_ids.date_received, date(2020, 6, 14))
        self.assertEqual(sub.filed_by_id, self.user_secretariat)

    def test_officer_filing_is_always_online(self):
        sub = self.sub_member3
        with freeze_time("2020-06-20"):
            self._attach(sub, self.user_officer)
            # how the files reached the secretariat is the secretariat's word
            with self.assertRaises(AccessError):
                sub.with_user(self.user_officer).write(
                    {"channel": "paper", "date_received": date(2020, 6, 1)}
                )
            sub.with_user(self.user_officer).action_file()
        self.assertEqual(sub.channel, "online")
        self.assertTrue(sub.is_late, "a unit cannot backdate its own filing")

    # ------------------------------------------------------------------
    # refusals: nothing changes
    # ------------------------------------------------------------------
    def _assert_unchanged(self, sub, state="to_file", rounds=0):
        sub.invalidate_recordset()
        self.assertEqual(sub.state, state)
        self.assertEqual(len(sub.round_ids), rounds)

    def test_refuse_filing_without_file(self):
        with self.assertRaises(UserError):
            self.sub_member3.with_user(self.user_officer).action_file()
        self._assert_unchanged(self.sub_member3)

    def test_refuse_filing_without_file_vietnamese(self):
        self._load_vietnamese()
        with self.assertRaises(UserError) as refusal:
            self.sub_member3.with_user(self.user_officer).with_context(
                lang="vi_VN"
            ).action_file()
        self.assertEqual(
            str(refusal.exception),
            "Hãy đính kèm ít nhất một tệp trước khi nộp "
            f"{self.sub_member3.display_name}.",
        )
        self._assert_unchanged(self.sub_member3)

    def test_refuse_filing_for_another_unit(self):
        self._attach(self.sub_member4, self.user_secretariat)
        with self.assertRaises(AccessError):
            self.sub_member4.with_user(self.user_officer).action_file()
        with self.assertRaises(AccessError):
            self.sub_member4.with_user(self.user_deputy).write({"cover_note": "x"})
        self._assert_unchanged(self.sub_member4)
        self.assertFalse(self.sub_member4.cover_note)

    def test_refuse_filing_closed_plan(self):
        self._attach(self.sub_member3, self.user_officer)
        self.plan.state = "closed"
        with self.assertRaises(UserError):
            self.sub_member3.with_user(self.user_officer).action_file()
        self._assert_unchanged(self.sub_member3)

    def test_refuse_filing_cancelled_obligation(self):
        self._attach(self.sub_member3, self.user_officer)
        self.ob_mid.state = "cancelled"
        with self.assertRaises(UserError):
            self.sub_member3.with_user(self.user_officer).action_file()
        self._assert_unchanged(self.sub_member3)

    def test_refuse_reviewing_own_unit(self):
        # an obligation sent to the deputy: the leader files it too
        dossier = self.env["emulation.obligation"].create(
            {
                "name": "Hồ sơ gửi Cụm phó",
                "plan_id": self.plan.id,
                "deadline": date(2020, 6, 30),
                "recipient_id": self.unit_deputy.id,
            }
        )
        self.sub_leader = dossier.submission_ids.filtered(
            lambda s: s.partner_id == self.unit_leader
        )
        self.assertTrue(self.sub_leader)
        self._file(self.sub_leader, self.user_secretariat, "2020-06-10")
        with self.assertRaises(UserError):
            self.sub_leader.with_user(self.user_secretariat).action_accept()
        with self.assertRaises(UserError):
            self.sub_leader.with_user(self.user_secretariat).action_return("no")
        with self.assertRaises(UserError):
            self.sub_leader.with_user(self.user_secretariat).action_open_return_wizard()
        self._assert_unchanged(self.sub_leader, "filed", 1)
        # an officer accepts neither his own filing nor another unit's
        self._file(self.sub_member3, self.user_officer, "2020-06-10")
        with self.assertRaises(UserError):
            self.sub_member3.with_user(self.user_officer).action_accept()
        with self.assertRaises(AccessError):
            self.sub_member3.with_user(self.user_deputy).action_accept()
        self._assert_unchanged(self.sub_member3, "filed", 1)
        # a manager of no unit may decide
        self.sub_leader.with_user(self.user_manager).action_accept()
        self.assertEqual(self.sub_leader.state, "accepted")

    def test_refuse_return_without_reason(self):
        self._file(self.sub_member3, self.user_officer, "2020-06-10")
        with self.assertRaises(UserError):
            self.sub_member3.with_user(self.user_secretariat).action_return("  ")
        action = self.sub_member3.with_user(
            self.user_secretariat
        ).action_open_return_wizard()
        wizard_form = Form(
            self.env[action["res_model"]]
            .with_user(self.user_secretariat)
            .with_context(**action["context"])
        )
        with self.assertRaises(AssertionError):  # required field left empty
            wizard_form.save()
        self._assert_unchanged(self.sub_member3, "filed", 1)

    def test_refuse_editing_or_deleting_accepted(self):
        sub = self.sub_member3
        self._file(sub, self.user_officer, "2020-06-10")
        sub.with_user(self.user_secretariat).action_accept()
        with self.assertRaises(UserError):
            sub.with_user(self.user_officer).write({"cover_note": "changed"})
        with self.assertRaises(UserError):
            sub.with_user(self.user_secretariat).write(
                {"attachment_ids": [Command.clear()]}
            )
        with self.assertRaises(UserError):
            sub.with_user(self.user_manager).unlink()
        with self.assertRaises(UserError):
            sub.with_user(self.user_officer).action_file()
        self.assertTrue(sub.exists())
        self._assert_unchanged(sub, "accepted", 1)
        self.assertTrue(sub.attachment_ids)
        # archiving is the way
        sub.with_user(self.user_secretariat).action_archive()
        self.assertFalse(sub.active)

    def test_refuse_state_write(self):
        with self.assertRaises(UserError):
            self.sub_member3.with_user(self.user_officer).write({"state": "accepted"})
        with self.assertRaises(AccessError):
            self.sub_member3.with_user(self.user_officer).write({"active": False})
        self._assert_unchanged(self.sub_member3)
        self.assertTrue(self.sub_member3.active)

    def test_filed_files_are_frozen(self):
        self._file(self.sub_member3, self.user_officer, "2020-06-10")
        with self.assertRaises(UserError):
            self.sub_member3.with_user(self.user_officer).write(
                {"cover_note": "late edit"}
            )

    def test_reminder_offsets_validated(self):
        with self.assertRaises(ValidationError):
            self.ob_mid.reminder_offsets = "7, one"
        self.ob_mid.reminder_offsets = "14, 7,1"
        self.assertEqual(self.ob_mid.reminder_offsets, "14,7,1", "normalised")

    # ------------------------------------------------------------------
    # record rules
    # ------------------------------------------------------------------
    def test_record_rules(self):
        Submission = self.env["emulation.submission"]
        own = Submission.with_user(self.user_officer).search([])
        self.assertEqual(own.partner_id, self.unit_member3)
        self.assertEqual(len(own), 2)
        with self.assertRaises(AccessError):
            self.sub_member4.with_user(self.user_officer).read(["state"])
        self.assertFalse(Submission.with_user(self.user_officer_other).search([]))
        served = Submission.with_user(self.user_secretariat).search([])
        self.assertEqual(len(served), 6)
        self.assertFalse(Submission.with_user(self.user_secretariat_other).search([]))
        self.assertEqual(
            len(Submission.with_user(self.user_manager).search([])),
            Submission.search_count([]),
        )
        council = Submission.with_user(self.user_council).search([])
        self.assertEqual(len(council), Submission.search_count([]))
        with self.assertRaises(AccessError):
            self.sub_member3.with_user(self.user_council).write({"cover_note": "x"})
        with self.assertRaises(AccessError):
            Submission.with_user(self.user_portal).search([])
        # rounds follow their submission
        self._file(self.sub_member3, self.user_officer, "2020-06-10")
        Round = self.env["emulation.submission.round"]
        self.assertEqual(len(Round.with_user(self.user_officer).search([])), 1)
        self.assertFalse(Round.with_user(self.user_deputy).search([]))
        self.assertEqual(len(Round.with_user(self.user_secretariat).search([])), 1)
        self.assertFalse(Round.with_user(self.user_secretariat_other).search([]))

    def test_my_unit_filter(self):
        mine = (
            self.env["emulation.submission"]
            .with_user(self.user_officer)
            .search([("is_my_unit", "=", True)])
        )
        self.assertEqual(mine.partner_id, self.unit_member3)
        served = self.env["emulation.submission"].with_user(self.user_secretariat)
        self.assertFalse(served.search([("is_my_unit", "=", True)]))
        self.assertEqual(len(served.search([("is_my_unit", "=", False)])), 6)

    # ------------------------------------------------------------------
    # tracker
    # ------------------------------------------------------------------
    def test_tracker_report(self):
        self._file(self.sub_member3, self.user_officer, "2020-06-18")
        self._file(self.sub_deputy, self.user_deputy, "2020-06-10")
        self._return(self.sub_deputy, self.user_secretariat, "Sai mẫu")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "emulation_cluster.emulation_submission_tracker_report", self.plan.ids
            )[0]
            .decode()
        )
        self.assertIn("BẢNG THEO DÕI TÌNH HÌNH NỘP BÁO CÁO", html)
        for unit in (self.unit_member4, self.unit_deputy, self.unit_member3):
            self.assertIn(unit.name, html)
        self.assertIn(self.ob_mid.name, html)
        self.assertIn("18/06/2020", html)
        self.assertIn("3 day(s) late", html)
        self.assertIn("Sai mẫu", html)
