# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import EmulationCommon


class CovenantCommon(EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls._issue_plan(cls._create_plan(year=2020))
        cls.basis = cls.env["emulation.document"].create(
            {
                "name": "462/BNV-VP",
                "document_type": "official_letter",
                "date": date(2020, 1, 31),
                "issuer_name": "Bộ Nội vụ",
                "summary": "về việc hướng dẫn và phát động phong trào thi đua năm 2020",
            }
        )
        cls.approval = cls.env["emulation.document"].create(
            {
                "name": "1305/BNV-VP",
                "document_type": "official_letter",
                "date": date(2020, 3, 15),
                "issuer_name": "Bộ Nội vụ",
            }
        )
        cls.members = (
            cls.unit_leader | cls.unit_deputy | cls.unit_member3 | cls.unit_member4
        )

    @classmethod
    def _create_covenant(cls, plan=None, user=None, **vals):
        values = {
            "name": "Giao ước thi đua năm 2020",
            "plan_id": (plan or cls.plan).id,
            "signing_mode": "document",
            "signing_document_id": cls.approval.id,
            "basis_document_ids": [Command.link(cls.basis.id)],
            "number": "01/GƯ-CTĐ",
            "issue_date": date(2020, 3, 26),
            "issue_place": "Hải Phòng",
            "registration_deadline": date(2020, 4, 15),
            "clause_ids": [
                Command.create(
                    {
                        "sequence": 1,
                        "text": "Quán triệt và thực hiện nghiêm túc các chủ trương "
                        "về thi đua ái quốc.",
                    }
                ),
                Command.create(
                    {
                        "sequence": 2,
                        "text": "Hoàn thành vượt tiến độ các nhiệm vụ được giao:\n"
                        "- Tham mưu tổ chức Đại hội Thi đua yêu nước.",
                        "target": "100% nhiệm vụ đúng hạn",
                    }
                ),
            ],
        }
        values.update(vals)
        return (
            cls.env["emulation.covenant"]
            .with_user(user or cls.user_secretariat)
            .create(values)
        )

    def _line(self, covenant, unit):
        return covenant.sudo().signature_ids.filtered(
            lambda line: line.partner_id == unit
        )


@tagged("post_install", "-at_install")
class TestCovenant(CovenantCommon):
    @freeze_time("2020-03-20")
    def test_workflow_secretariat_and_officer(self):
        covenant = self._create_covenant()
        self.assertEqual(covenant.state, "draft")
        # a draft is the secretariat's business only
        with self.assertRaises(AccessError):
            covenant.with_user(self.user_officer).read(["name"])
        covenant.action_ask_opinions()
        self.assertEqual(covenant.state, "consultation")
        self.assertEqual(
            covenant.with_user(self.user_officer).clause_ids.mapped("sequence"),
            [1, 2],
        )
        covenant.action_send_for_signature()
        self.assertEqual(covenant.state, "signing")
        self.assertEqual(covenant.date_sent, date(2020, 3, 20))
        self.assertEqual(covenant.signature_ids.partner_id, self.members)
        self.assertEqual(set(covenant.signature_ids.mapped("state")), {"waiting"})
        self.assertEqual(covenant.signature_progress, "0/4 signed")

        # the secretariat registers the signatures that came on paper
        for unit in (self.unit_leader, self.unit_deputy, self.unit_member4):
            line = self._line(covenant, unit).with_user(self.user_secretariat)
            line.write({"signer_title": "Giám đốc Sở Nội vụ", "signer_name": unit.name})
            line.action_sign()
            self.assertEqual(line.state, "signed")
            # the secretariat works for the leader unit: it signs for it
            self.assertEqual(
                line.channel, "online" if unit == self.unit_leader else "paper"
            )
            self.assertEqual(line.date_signed, date(2020, 3, 20))
        self.assertEqual(covenant.signature_progress, "3/4 signed")
        self.assertEqual(covenant.signature_rate, 75.0)
        self.assertEqual(covenant.state, "signing")

        # the unit officer signs for his own unit: the last one puts it in force
        own = (
            self.env["emulation.covenant.signature"]
            .with_user(self.user_officer)
            .search([("covenant_id", "=", covenant.id)])
        )
        self.assertEqual(own.partner_id, self.unit_member3)
        own.write({"signer_name": "Nguyễn Văn A", "signer_title": "Giám đốc"})
        own.action_sign()
        self.assertEqual(own.channel, "online")
        self.assertEqual(covenant.state, "in_force")
        self.assertEqual(covenant.date_in_force, date(2020, 3, 20))
        self.assertEqual(covenant.signature_progress, "4/4 signed")

        covenant.action_close()
        self.assertEqual(covenant.state, "closed")

    def test_forms(self):
        """What the secretariat and a unit officer do on screen."""
        event = self.env["emulation.event"].create(
            {
                "name": "Hội nghị ký kết Giao ước thi đua",
                "plan_id": self.plan.id,
                "date_start": "2020-03-20 02:00:00",
            }
        )
        form = Form(self.env["emulation.covenant"].with_user(self.user_secretariat))
        form.name = "Giao ước thi đua năm 2020"
        form.plan_id = self.plan
        form.signing_event_id = event
        self.assertEqual(form.signature_deadline, date(2020, 3, 20))
        with form.clause_ids.new() as clause:
            clause.text = "Thi đua hoàn thành nhiệm vụ."
            clause.target = "100%"
        covenant = form.save()
        self.assertEqual(covenant.signing_mode, "conference")
        with freeze_time("2020-03-20"):
            covenant.action_send_for_signature()
            line = self.env["emulation.covenant.signature"].search(
                [
                    ("covenant_id", "=", covenant.id),
                    ("partner_id", "=", self.unit_member3.id),
                ]
            )
            line_form = Form(line.with_user(self.user_officer))
            line_form.signer_name = "Nguyễn Văn A"
            line_form.signer_title = "Giám đốc Sở Nội vụ"
            line_form.save().action_sign()
        self.assertEqual(line.state, "signed")
        self.assertEqual(line.registered_by_id, self.user_officer)

    def test_second_covenant_for_plan_refused(self):
        self._create_covenant()
        with self.assertRaises(ValidationError):
            self._create_covenant(name="Another covenant")
        self.assertEqual(
            self.env["emulation.covenant"].search_count(
                [("plan_id", "=", self.plan.id)]
            ),
            1,
        )

    def test_clause_needs_text(self):
        covenant = self._create_covenant()
        with self.assertRaises(ValidationError):
            self.env["emulation.covenant.clause"].with_user(
                self.user_secretariat
            ).create({"covenant_id": covenant.id, "text": "   "})
        with self.assertRaises(ValidationError):
            covenant.clause_ids[0].with_user(self.user_secretariat).text = "\n"
        self.assertEqual(len(covenant.clause_ids), 2)
        self.assertTrue(covenant.clause_ids[0].text.startswith("Quán triệt"))

    def test_clauses_locked_once_sent(self):
        covenant = self._create_covenant()
        covenant.action_send_for_signature()
        with self.assertRaises(UserError):
            covenant.clause_ids[0].with_user(self.user_secretariat).text = "Changed"
        with self.assertRaises(UserError):
            covenant.with_user(self.user_secretariat).clause_ids[0].unlink()
        self.assertTrue(covenant.clause_ids[0].text.startswith("Quán triệt"))

    def test_send_needs_clauses_and_right_state(self):
        covenant = self._create_covenant(clause_ids=[])
        with self.assertRaises(UserError):
            covenant.action_send_for_signature()
        self.assertEqual(covenant.state, "draft")
        self.assertFalse(covenant.signature_ids)
        covenant = self._create_covenant(plan=self._create_plan(year=2021))
        covenant.action_send_for_signature()
        with self.assertRaises(UserError):
            covenant.action_ask_opinions()
        self.assertEqual(covenant.state, "signing")

    def test_officer_signs_for_own_unit_only(self):
        covenant = self._create_covenant()
        covenant.action_send_for_signature()
        other_line = self._line(covenant, self.unit_deputy)
        # other units' lines are out of sight...
        with self.assertRaises(AccessError):
            other_line.with_user(self.user_officer).read(["state"])
        with self.assertRaises(AccessError):
            other_line.with_user(self.user_officer).write({"signer_name": "X"})
        # ...and signing for them is explained
        with self.assertRaises(UserError):
            other_line.with_user(self.user_officer).action_sign()
        self.assertEqual(other_line.state, "waiting")
        self.assertFalse(other_line.signer_name)
        # an officer cannot force the status either
        own = self._line(covenant, self.unit_member3).with_user(self.user_officer)
        with self.assertRaises(UserError):
            own.write({"state": "signed"})
        self.assertEqual(own.state, "waiting")

    def test_sign_only_when_out_for_signature(self):
        covenant = self._create_covenant()
        covenant.action_send_for_signature()
        covenant.action_close()
        line = self._line(covenant, self.unit_member3).with_user(self.user_officer)
        # the line is closed with its covenant: nothing can be entered on it
        with self.assertRaises(UserError):
            line.signer_name = "Nguyễn Văn A"
        with self.assertRaises(UserError):
            line.action_sign()
        self.assertEqual(line.state, "waiting")
        self.assertFalse(line.date_signed)

    def test_signature_not_before_sending(self):
        with freeze_time("2020-03-20"):
            covenant = self._create_covenant()
            covenant.action_send_for_signature()
        with freeze_time("2020-03-25"):
            line = self._line(covenant, self.unit_member3).with_user(self.user_officer)
            line.write(
                {"signer_name": "Nguyễn Văn A", "date_signed": date(2020, 3, 19)}
            )
            with self.assertRaises(UserError):
                line.action_sign()
            self.assertEqual(line.state, "waiting")
            self.assertEqual(covenant.signed_count, 0)

    def test_refuse_needs_reason_and_blocks_force(self):
        covenant = self._create_covenant()
        covenant.action_send_for_signature()
        line = self._line(covenant, self.unit_member3).with_user(self.user_officer)
        with self.assertRaises(UserError):
            line.action_refuse()
        self.assertEqual(line.state, "waiting")
        line.refusal_reason = "Chưa thống nhất nội dung mục 2"
        line.action_refuse()
        self.assertEqual(line.state, "refused")
        for other in covenant.signature_ids - line:
            other.write({"signer_title": "Giám đốc"})
            other.action_sign()
        self.assertEqual(covenant.state, "signing")
        # only the secretariat reopens it
        with self.assertRaises(UserError):
            line.action_reset_to_waiting()
        line.with_user(self.user_secretariat).action_reset_to_waiting()
        line.write({"signer_name": "Nguyễn Văn A"})
        line.action_sign()
        self.assertEqual(covenant.state, "in_force")

    def test_secretariat_of_other_cluster_cannot_register(self):
        covenant = self._create_covenant()
        covenant.action_send_for_signature()
        line = self._line(covenant, self.unit_member4)
        with self.assertRaises(AccessError):
            line.with_user(self.user_secretariat_other).read(["state"])
        with self.assertRaises(AccessError):
            covenant.with_user(self.user_officer_other).read(["name"])
        # the council reads everything, changes nothing
        self.assertEqual(
            covenant.with_user(self.user_council).signature_ids.partner_id, self.members
        )
        with self.assertRaises(AccessError):
            line.with_user(self.user_council).write({"signer_name": "X"})

    def test_refusal_in_vietnamese(self):
        self._load_vietnamese()
        covenant = self._create_covenant()
        covenant.action_send_for_signature()
        line = self._line(covenant, self.unit_member3)
        with self.assertRaises(UserError) as refusal:
            line.with_user(self.user_officer).with_context(lang="vi_VN").action_sign()
        self.assertEqual(
            str(refusal.exception),
            f"Hãy nhập người ký cho {self.unit_member3.name} (họ tên hoặc chức vụ).",
        )
        self.assertEqual(line.state, "waiting")

    def test_signature_deadline_from_event(self):
        event = self.env["emulation.event"].create(
            {
                "name": "Ký kết Giao ước thi đua",
                "plan_id": self.plan.id,
                "date_start": "2020-03-10 02:00:00",
                "date_precision": "month",
            }
        )
        covenant = self._create_covenant(signing_event_id=event.id)
        self.assertEqual(covenant.signature_deadline, date(2020, 3, 31))
        covenant.signature_deadline = date(2020, 3, 28)
        self.assertEqual(covenant.signature_deadline, date(2020, 3, 28))

    def test_close_ended_years(self):
        covenant = self._create_covenant()
        covenant.action_send_for_signature()
        with freeze_time("2020-12-31"):
            self.env["emulation.covenant"]._cron_close_ended_years()
        self.assertEqual(covenant.state, "signing", "its year has not ended")
        with freeze_time("2021-03-02"):
            self.env["emulation.covenant"]._cron_close_ended_years()
        self.assertEqual(covenant.state, "closed")
        # closed as of the end of its year, not of the day the cron ran
        self.assertEqual(covenant.date_closed, date(2020, 12, 31))

    def test_covenant_report(self):
        covenant = self._create_covenant()
        covenant.action_send_for_signature()
        line = self._line(covenant, self.unit_member3).with_user(self.user_officer)
        line.write({"signer_name": "Nguyễn Văn A", "signer_title": "Giám đốc"})
        line.action_sign()
        # printed by a unit officer: every member's line is on the document
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_qweb_html(
                "emulation_cluster.emulation_covenant_report_action", covenant.ids
            )[0]
            .decode()
        )
        self.assertIn("GIAO ƯỚC THI ĐUA", html)
        self.assertIn("01/GƯ-CTĐ", html)
        self.assertIn("Hải Phòng, ngày 26 tháng 3 năm 2020", html)
        self.assertIn("462/BNV-VP", html)
        self.assertIn("thông qua văn bản", html)
        self.assertIn("Quán triệt và thực hiện nghiêm túc", html)
        self.assertIn("Tham mưu tổ chức Đại hội Thi đua yêu nước", html)
        self.assertIn("100% nhiệm vụ đúng hạn", html)
        for unit in self.members:
            self.assertIn(unit.name, html)
        self.assertIn("Nguyễn Văn A", html)
        self.assertEqual(html.count("Đã ký"), 1)
        self.assertEqual(html.count("Chưa ký"), 3)


@tagged("post_install", "-at_install")
class TestCovenantReminders(CovenantCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2020-03-20"):
            cls.covenant = cls._create_covenant(signature_deadline=date(2020, 3, 31))
            cls.covenant.action_send_for_signature()
        cls.activity_type = cls.env.ref(
            "emulation_cluster.mail_activity_type_covenant_signature"
        )

    def _reminders(self):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "emulation.covenant.signature"),
                ("res_id", "in", self.covenant.signature_ids.ids),
                ("activity_type_id", "=", self.activity_type.id),
            ]
        )

    def test_no_reminder_before_deadline(self):
        with freeze_time("2020-03-30"):
            self.env["emulation.covenant.signature"]._cron_send_signature_reminders()
        self.assertFalse(self._reminders())

    def test_reminders_recipients_and_idempotence(self):
        line = self._line(self.covenant, self.unit_member3).with_user(self.user_officer)
        line.write({"signer_name": "Nguyễn Văn A"})
        with freeze_time("2020-03-25"):
            line.action_sign()
        with freeze_time("2020-04-01"):
            self.env["emulation.covenant.signature"]._cron_send_signature_reminders()
        reminders = self._reminders()
        by_unit = {
            unit: reminders.filtered(
                lambda act, unit=unit: act.res_id == self._line(self.covenant, unit).id
            ).user_id
            for unit in self.members
        }
        # own officers; the leader's staff are its officers too
        self.assertEqual(by_unit[self.unit_deputy], self.user_deputy)
        self.assertEqual(by_unit[self.unit_leader], self.user_secretariat)
        # a unit with no internal user: the cluster secretariat
        self.assertEqual(by_unit[self.unit_member4], self.user_secretariat)
        # the signed unit is not reminded
        self.assertFalse(by_unit[self.unit_member3])
        self.assertEqual(len(reminders), 3)
        self.assertEqual(reminders.mapped("date_deadline"), [date(2020, 3, 31)] * 3)
        # never twice
        with freeze_time("2020-04-02"):
            self.env["emulation.covenant.signature"]._cron_send_signature_reminders()
        self.assertEqual(self._reminders(), reminders)
        # signing closes the reminder
        deputy_line = self._line(self.covenant, self.unit_deputy).with_user(
            self.user_deputy
        )
        deputy_line.write({"signer_title": "Phó Giám đốc"})
        with freeze_time("2020-04-02"):
            deputy_line.action_sign()
        self.assertEqual(len(self._reminders()), 2)

    def test_reminders_batched(self):
        with freeze_time("2020-04-01"):
            first = self.env[
                "emulation.covenant.signature"
            ]._cron_send_signature_reminders(batch_size=3)
            second = self.env[
                "emulation.covenant.signature"
            ]._cron_send_signature_reminders(batch_size=3)
            third = self.env[
                "emulation.covenant.signature"
            ]._cron_send_signature_reminders(batch_size=3)
        self.assertEqual(len(first), 3)
        self.assertEqual(len(second), 1)
        self.assertFalse(third)
        self.assertEqual(len(self._reminders()), 4)


@tagged("post_install", "-at_install")
class TestCovenantDemo(CovenantCommon):
    def test_demo_covenant_2020(self):
        covenant = self.env.ref("emulation_cluster.covenant_2020_bac_bo_demo")
        self.assertEqual(covenant.state, "in_force")
        self.assertEqual(covenant.signing_mode, "document")
        self.assertEqual(len(covenant.clause_ids), 4)
        self.assertEqual(covenant.clause_ids[1].text.count("\n- "), 5)
        self.assertEqual(covenant.signature_progress, "10/10 signed")
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "emulation_cluster.emulation_covenant_report_action", covenant.ids
            )[0]
            .decode()
        )
        self.assertIn("1305/BNV-VP", html)
        self.assertIn("Đại hội Thi đua yêu nước toàn quốc lần thứ X", html)
        self.assertEqual(html.count("Đã ký"), 10)
        registrations = self.env["emulation.registration"].search(
            [("plan_id", "=", covenant.plan_id.id)]
        )
        self.assertEqual(
            sorted(registrations.mapped("state")), ["acknowledged", "draft", "sent"]
        )
        self.assertEqual(registrations.filtered("is_late").days_late, 5)
