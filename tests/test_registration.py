# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestRegistration(EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls._issue_plan(cls._create_plan(year=2020))
        cls.covenant = cls.env["emulation.covenant"].create(
            {
                "name": "Giao ước thi đua năm 2020",
                "plan_id": cls.plan.id,
                "registration_deadline": date(2020, 4, 15),
                "clause_ids": [
                    Command.create({"text": "Thi đua hoàn thành nhiệm vụ."})
                ],
            }
        )
        cls.Registration = cls.env["emulation.registration"]

    def _register(self, user, unit=None, **vals):
        values = {
            "plan_id": self.plan.id,
            "line_ids": [
                Command.create(
                    {
                        "beneficiary_kind": "collective",
                        "award_name": "Cờ thi đua của Bộ Nội vụ",
                        "target": "Hoàn thành xuất sắc nhiệm vụ",
                    }
                ),
                Command.create(
                    {
                        "beneficiary_kind": "individual",
                        "individual_name": "Trần Thị B",
                        "individual_position": "Trưởng phòng",
                        "award_name": "Chiến sĩ thi đua cơ sở",
                    }
                ),
            ],
        }
        if unit:
            values["partner_id"] = unit.id
        values.update(vals)
        return self.Registration.with_user(user).create(values)

    def test_officer_registers_with_form(self):
        with freeze_time("2020-04-10"):
            form = Form(self.Registration.with_user(self.user_officer))
            form.plan_id = self.plan
            self.assertEqual(form.partner_id, self.unit_member3)
            with form.line_ids.new() as line:
                line.beneficiary_kind = "collective"
                line.award_name = "Tập thể lao động xuất sắc"
                line.target = "100% chỉ tiêu"
            registration = form.save()
            self.assertEqual(registration.covenant_id, self.covenant)
            self.assertEqual(registration.registration_deadline, date(2020, 4, 15))
            registration.action_send()
        self.assertEqual(registration.state, "sent")
        self.assertEqual(registration.date_sent, date(2020, 4, 10))
        self.assertFalse(registration.is_late)
        self.assertEqual(registration.leader_id, self.unit_leader)
        self.assertEqual(registration.council_id, self.council)

    def test_workflow_return_resend_acknowledge(self):
        registration = self._register(self.user_officer)
        with freeze_time("2020-04-01"):
            registration.action_send()
        as_secretariat = registration.with_user(self.user_secretariat)
        # a return needs its reason
        with self.assertRaises(UserError):
            as_secretariat.action_return()
        self.assertEqual(registration.state, "sent")
        as_secretariat.write({"return_reason": "Thiếu chỉ tiêu cá nhân"})
        as_secretariat.action_return()
        self.assertEqual(registration.state, "returned")
        # editable again by the unit, then sent again
        registration.line_ids[1].target = "Sáng kiến cấp tỉnh"
        with freeze_time("2020-04-20"):
            registration.action_send()
        self.assertEqual(registration.state, "sent")
        self.assertTrue(registration.is_late)
        self.assertEqual(registration.days_late, 5)
        # a unit never acknowledges its registration itself
        with self.assertRaises(UserError):
            registration.action_acknowledge()
        as_secretariat.action_acknowledge()
        self.assertEqual(registration.state, "acknowledged")
        self.assertEqual(registration.acknowledged_by_id, self.user_secretariat)

    def test_late_registration(self):
        with freeze_time("2020-04-18"):
            registration = self._register(self.user_deputy)
            registration.action_send()
        self.assertTrue(registration.is_late)
        self.assertEqual(registration.days_late, 3)
        self.assertEqual(
            self.Registration.search(
                [("plan_id", "=", self.plan.id), ("is_late", "=", True)]
            ),
            registration,
        )

    def test_deadline_follows_covenant_created_later(self):
        plan = self._issue_plan(self._create_plan(year=2021))
        registration = self._register(self.user_officer, plan_id=plan.id)
        self.assertFalse(registration.registration_deadline)
        self.env["emulation.covenant"].create(
            {
                "name": "Giao ước thi đua năm 2021",
                "plan_id": plan.id,
                "registration_deadline": date(2021, 4, 1),
            }
        )
        self.assertEqual(registration.registration_deadline, date(2021, 4, 1))

    def test_editing_sent_registration_refused(self):
        registration = self._register(self.user_officer)
        registration.action_send()
        with self.assertRaises(UserError):
            registration.note = "Changed"
        with self.assertRaises(UserError):
            registration.line_ids[0].award_name = "Bằng khen"
        with self.assertRaises(UserError):
            registration.write(
                {"line_ids": [Command.create({"award_name": "Bằng khen"})]}
            )
        with self.assertRaises(UserError):
            registration.line_ids[0].unlink()
        with self.assertRaises(UserError):
            registration.write({"state": "draft"})
        self.assertEqual(registration.state, "sent")
        self.assertEqual(len(registration.line_ids), 2)
        self.assertEqual(
            registration.line_ids[0].award_name, "Cờ thi đua của Bộ Nội vụ"
        )
        self.assertFalse(registration.note)

    def test_one_registration_per_unit_and_year(self):
        self._register(self.user_officer)
        with self.assertRaises(ValidationError):
            self._register(self.user_secretariat, unit=self.unit_member3)
        self.assertEqual(
            self.Registration.search_count([("partner_id", "=", self.unit_member3.id)]),
            1,
        )

    def test_officer_sees_own_unit_only(self):
        own = self._register(self.user_officer)
        other = self._register(self.user_deputy)
        this_plan = [("plan_id", "=", self.plan.id)]
        self.assertEqual(self.Registration.with_user(self.user_officer).search([]), own)
        with self.assertRaises(AccessError):
            other.with_user(self.user_officer).read(["state"])
        with self.assertRaises(AccessError):
            other.line_ids.with_user(self.user_officer).read(["award_name"])
        with self.assertRaises(AccessError):
            other.with_user(self.user_officer).write({"note": "x"})
        # nor can he register for another unit
        with self.assertRaises(AccessError):
            self._register(self.user_officer, unit=self.unit_member4)
        # the other cluster's secretariat sees nothing of this cluster
        self.assertFalse(
            self.Registration.with_user(self.user_secretariat_other).search(this_plan)
        )
        # the secretariat and the council see both
        self.assertEqual(
            self.Registration.with_user(self.user_secretariat).search(this_plan),
            own | other,
        )
        self.assertEqual(
            self.Registration.with_user(self.user_council).search(this_plan),
            own | other,
        )

    def test_secretariat_registers_paper_registration(self):
        registration = self._register(self.user_secretariat, unit=self.unit_member4)
        registration.action_send()
        # the secretariat may still correct what came on paper
        registration.line_ids[0].target = "Theo văn bản"
        registration.action_acknowledge()
        with self.assertRaises(UserError):
            registration.line_ids[0].target = "Again"
        self.assertEqual(registration.line_ids[0].target, "Theo văn bản")

    def test_individual_line_needs_name(self):
        registration = self._register(self.user_officer)
        with self.assertRaises(ValidationError):
            registration.line_ids[1].individual_name = " "
        self.assertEqual(registration.line_ids[1].individual_name, "Trần Thị B")

    def test_send_needs_lines(self):
        registration = self._register(self.user_officer, line_ids=[])
        with self.assertRaises(UserError):
            registration.action_send()
        self.assertEqual(registration.state, "draft")

    def test_refusal_in_vietnamese(self):
        self._load_vietnamese()
        registration = self._register(self.user_officer)
        registration.action_send()
        with self.assertRaises(UserError) as refusal:
            registration.with_user(self.user_officer).with_context(
                lang="vi_VN"
            ).note = "Sửa"
        self.assertIn("Không thể sửa Ghi chú của", str(refusal.exception))
        self.assertIn("hiện chỉ Thường trực Cụm mới được sửa", str(refusal.exception))
        self.assertFalse(registration.note)

    def test_registration_reports_and_export(self):
        first = self._register(self.user_officer)
        second = self._register(self.user_deputy)
        first.action_send()
        Report = self.env["ir.actions.report"].with_user(self.user_secretariat)
        html = Report._render_qweb_html(
            "emulation_cluster.emulation_plan_registration_report_action",
            self.plan.ids,
        )[0].decode()
        self.assertIn("BẢNG TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM 2020", html)
        for unit in (self.unit_member3, self.unit_deputy):
            self.assertIn(unit.name, html)
        self.assertIn("Cờ thi đua của Bộ Nội vụ", html)
        self.assertIn("Trần Thị B", html)
        html = Report._render_qweb_html(
            "emulation_cluster.emulation_registration_report_action", second.ids
        )[0].decode()
        self.assertIn(self.unit_deputy.name, html)
        self.assertNotIn(self.unit_member3.name, html)
        # the list of lines exports as a spreadsheet would
        self.user_secretariat.groups_id += self.env.ref("base.group_allow_export")
        lines = self.env["emulation.registration.line"].with_user(self.user_secretariat)
        rows = lines.search([("plan_id", "=", self.plan.id)]).export_data(
            [
                "partner_id",
                "plan_id",
                "beneficiary_kind",
                "award_name",
                "target",
                "state",
            ]
        )["datas"]
        self.assertEqual(len(rows), 4)
        self.assertIn(
            [
                self.unit_member3.display_name,
                self.plan.display_name,
                "Collective",
                "Cờ thi đua của Bộ Nội vụ",
                "Hoàn thành xuất sắc nhiệm vụ",
                "Sent",
            ],
            rows,
        )
