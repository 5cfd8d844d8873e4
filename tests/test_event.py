# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestEvent(EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls._create_plan(year=2020)
        cls.suspending = cls.env["emulation.document"].create(
            {
                "name": "1538/BNV-CD",
                "date": "2020-03-25",
                "issuer_name": "Bộ Nội vụ",
                "summary": "về việc tạm dừng hoạt động văn nghệ, thể thao",
            }
        )
        cls.event = cls.env["emulation.event"].create(
            {
                "name": "Hội nghị Sơ kết 6 tháng",
                "plan_id": cls.plan.id,
                "type_id": cls.env.ref(
                    "emulation_cluster.event_type_mid_year_review"
                ).id,
                "date_start": datetime(2020, 6, 15, 1, 0),
                "date_precision": "month",
                "is_tentative": True,
                "place": "tỉnh Nam Định",
                "host_id": cls.unit_deputy.id,
                "participant_ids": [(6, 0, (cls.unit_leader | cls.unit_deputy).ids)],
                "duty_ids": [
                    (0, 0, {"role": "leader", "description": "chủ trì hội nghị."}),
                    (0, 0, {"role": "deputy", "description": "triển khai giấy mời."}),
                ],
            }
        )

    def test_planned_time_text(self):
        self.assertEqual(self.event.planned_time_text, "Dự kiến trong tháng 6/2020")
        self.event.date_precision = "early_month"
        self.assertEqual(self.event.planned_time_text, "Dự kiến đầu tháng 6/2020")
        self.event.write({"date_precision": "day", "is_tentative": False})
        self.assertEqual(self.event.planned_time_text, "ngày 15/6/2020")
        self.event.write({"date_precision": "month"})
        self.assertEqual(self.event.planned_time_text, "tháng 6/2020")

    def test_report_lines(self):
        self.assertEqual(
            self.event._get_report_place(), "Tại tỉnh Nam Định (đơn vị Cụm phó)."
        )
        self.assertEqual(
            self.event._get_report_duties(),
            [
                ("Đơn vị Cụm trưởng", "chủ trì hội nghị."),
                ("Đơn vị Cụm phó", "triển khai giấy mời."),
            ],
        )

    def test_date_outside_plan_year_refused(self):
        with self.assertRaises(ValidationError):
            self.event.date_start = datetime(2021, 1, 10, 1, 0)
        self.assertEqual(self.event.date_start, datetime(2020, 6, 15, 1, 0))
        with self.assertRaises(ValidationError):
            self.env["emulation.event"].create(
                {
                    "name": "Ngoài năm",
                    "plan_id": self.plan.id,
                    "date_start": datetime(2019, 12, 1),
                }
            )

    def test_suspend_needs_reason(self):
        event = self.event.with_user(self.user_secretariat)
        with self.assertRaises(UserError):
            event.action_suspend()
        self.assertEqual(self.event.state, "planned")
        # the state moves through the buttons only
        with self.assertRaises(UserError):
            event.write({"state": "suspended"})
        self.assertEqual(self.event.state, "planned")
        event.write(
            {
                "state_reason": "Tạm dừng hoạt động văn nghệ, thể thao.",
                "state_document_id": self.suspending.id,
            }
        )
        event.action_suspend()
        self.assertEqual(self.event.state, "suspended")
        self.assertIn("1538/BNV-CD", self.event._get_report_implementation())
        event.action_reset_planned()
        event.action_confirm()
        event.action_mark_held()
        self.assertEqual(self.event.state, "held")
        with self.assertRaises(UserError):
            event.action_cancel()

    def test_postponed_event_prints_reason_as_place(self):
        self.event.write({"state_reason": "Hoãn do dịch Covid-19."})
        self.event.action_postpone()
        self.assertEqual(self.event._get_report_place(), "Hoãn do dịch Covid-19.")

    def test_officer_reads_events_of_issued_plan_only(self):
        with self.assertRaises(AccessError):
            self.event.with_user(self.user_officer).check_access("read")
        self._issue_plan(self.plan)
        event = self.event.with_user(self.user_officer)
        self.assertEqual(event.place, "tỉnh Nam Định")
        self.assertEqual(len(event.duty_ids), 2)
        with self.assertRaises(AccessError):
            event.place = "Hà Nội"
        with self.assertRaises(AccessError):
            self.event.with_user(self.user_officer_other).check_access("read")

    def test_issued_plan_events_cannot_be_deleted(self):
        self._issue_plan(self.plan)
        with self.assertRaises(UserError):
            self.event.unlink()
        self.assertTrue(self.event.exists())

    def test_activity_types_are_configuration(self):
        """The secretariat picks an activity's type from what managers
        configure; it does not add types itself."""
        Type = self.env["emulation.event.type"]
        offered = Type.with_user(self.user_secretariat).name_search("")
        self.assertIn(
            self.env.ref("emulation_cluster.event_type_year_end_review").id,
            [type_id for type_id, __ in offered],
        )
        with self.assertRaises(AccessError):
            Type.with_user(self.user_secretariat).create({"name": "Hội thao"})
        sports = Type.with_user(self.user_manager).create(
            {"name": "Hội thao", "code": "sports_day"}
        )
        self.event.with_user(self.user_secretariat).type_id = sports
        self.assertEqual(self.event.type_id, sports)
