# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import importlib.util
import logging
import unicodedata
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import file_path

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
                line.award_type_id = self.env.ref(
                    "emulation_cluster.award_type_excellent_labour_collective"
                )
                line.target = "100% chỉ tiêu"
            registration = form.save()
            # the title as written is the award type's name
            self.assertEqual(
                registration.line_ids.award_name,
                registration.line_ids.award_type_id.name,
            )
            self.assertFalse(registration.line_ids.award_type_to_match)
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

    # ------------------------------------------------------------------
    # titles as award types
    # ------------------------------------------------------------------
    def _award(self, name):
        return self.env.ref(f"emulation_cluster.award_type_{name}")

    def test_new_line_chooses_an_award_type_in_the_form(self):
        form = Form(self.Registration.with_user(self.user_officer))
        form.plan_id = self.plan
        # the form asks for the type of a new line
        with self.assertRaises(AssertionError), form.line_ids.new() as line:
            line.beneficiary_kind = "collective"
            line.target = "100% chỉ tiêu"
        with form.line_ids.new() as line:
            line.award_type_id = self._award("pm_merit")
            # a new line's title is its type's: nothing to type
            self.assertTrue(line._get_modifier("award_name", "readonly"))
        registration = form.save()
        self.assertEqual(registration.line_ids.award_type_id, self._award("pm_merit"))
        # a title kept as text is changed in the form without a type
        registration.sudo().line_ids = [
            Command.create({"award_name": "Cờ thi đua của Bộ Nội vụ"})
        ]
        form = Form(registration)
        with form.line_ids.edit(1) as line:
            self.assertFalse(line.award_type_id)
            line.award_name = "Cờ thi đua của Bộ Nội vụ năm 2020"
        form.save()
        self.assertEqual(
            registration.line_ids[1].award_name, "Cờ thi đua của Bộ Nội vụ năm 2020"
        )
        self.assertTrue(registration.line_ids[1].award_type_to_match)

    def test_award_type_for_the_line_beneficiary(self):
        registration = self._register(self.user_officer)
        collective, individual = registration.line_ids
        with self.assertRaises(ValidationError):
            individual.award_type_id = self._award("government_flag")
        self.assertFalse(individual.award_type_id)
        collective.award_type_id = self._award("ministry_flag")
        with self.assertRaises(ValidationError):
            collective.write(
                {"beneficiary_kind": "individual", "individual_name": "Trần Văn C"}
            )
        self.assertEqual(collective.beneficiary_kind, "collective")
        # a line without a type needs its text
        with self.assertRaises(ValidationError):
            individual.award_name = " "
        self.assertEqual(individual.award_name, "Chiến sĩ thi đua cơ sở")

    def test_title_kept_as_text_is_flagged(self):
        registration = self._register(self.user_officer)
        line = registration.line_ids[0]
        self.assertTrue(line.award_type_to_match)
        # the flag is the system's
        with self.assertRaises(UserError):
            line.award_type_to_match = False
        self.assertIn(
            line,
            self.env["emulation.registration.line"].search(
                [("award_type_to_match", "=", True)]
            ),
        )
        self.assertIn(
            registration,
            self.Registration.search([("line_ids.award_type_to_match", "=", True)]),
        )
        # matched: the text as written stays
        line.award_type_id = self._award("ministry_flag")
        self.assertFalse(line.award_type_to_match)
        self.assertEqual(line.award_name, "Cờ thi đua của Bộ Nội vụ")
        # another type: the text follows it
        line.award_type_id = self._award("government_flag")
        self.assertEqual(line.award_name, self._award("government_flag").name)
        self.assertNotIn(
            registration.line_ids[0],
            self.env["emulation.registration.line"].search(
                [("award_type_to_match", "=", True)]
            ),
        )

    def test_secretariat_matches_titles_of_an_acknowledged_registration(self):
        registration = self._register(self.user_officer)
        registration.action_send()
        registration.with_user(self.user_secretariat).action_acknowledge()
        line = registration.line_ids[0].sudo()
        flag = self._award("ministry_flag")
        # the unit can no longer change it, nor can another cluster's staff
        as_officer = line.with_user(self.user_officer)
        self.assertFalse(as_officer.can_match_award_type)
        with self.assertRaises(UserError):
            as_officer.award_type_id = flag
        with self.assertRaises(AccessError):
            line.with_user(self.user_secretariat_other).award_type_id = flag
        # the secretariat chooses the type, and nothing else
        as_secretariat = line.with_user(self.user_secretariat)
        self.assertTrue(as_secretariat.can_match_award_type)
        with self.assertRaises(UserError):
            as_secretariat.write({"award_type_id": flag.id, "target": "Khác"})
        with self.assertRaises(UserError):
            as_secretariat.award_name = "Bằng khen"
        self.assertFalse(line.award_type_id)
        as_secretariat.award_type_id = flag
        self.assertEqual(line.award_type_id, flag)
        self.assertEqual(line.award_name, "Cờ thi đua của Bộ Nội vụ")
        self.assertFalse(line.award_type_to_match)
        self.assertFalse(as_secretariat.can_match_award_type)
        # once matched, the line is closed like the rest
        with self.assertRaises(UserError):
            as_secretariat.award_type_id = self._award("government_flag")
        self.assertEqual(line.award_type_id, flag)

    def _lines_before_award_types(self, texts):
        """Lines of a new registration as an 18.0.1.2.0 database holds them
        after the upgrade added the award type: ``texts`` are (text,
        beneficiary kind) pairs; the type column is emptied in SQL."""
        registration = self._register(
            self.user_secretariat,
            unit=self.unit_member4,
            line_ids=[
                Command.create(
                    {
                        "beneficiary_kind": kind,
                        "individual_name": kind == "individual" and "Lê Văn D",
                        "award_name": text,
                    }
                )
                for text, kind in texts
            ],
        )
        lines = registration.line_ids.sudo()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE emulation_registration_line SET award_type_id = NULL, "
            "award_type_to_match = true WHERE id = ANY(%s)",
            [lines.ids],
        )
        self.env.invalidate_all()
        return lines

    def test_match_award_types(self):
        self._load_vietnamese()
        AwardType = self.env["emulation.award.type"]
        twins = AwardType.create(
            [
                {"name": "Danh hiệu trùng tên", "kind": "title"},
                {"name": "Danh hiệu trùng tên", "kind": "title"},
            ]
        )
        old, new = AwardType.create(
            [
                {"name": "Danh hiệu đổi tên", "kind": "title", "active": False},
                {"name": "Danh hiệu đổi tên", "kind": "title"},
            ]
        )
        archived = AwardType.create(
            {"name": "Cờ thi đua cũ", "kind": "form", "active": False}
        )
        decomposed = unicodedata.normalize("NFD", "Cờ thi đua của Chính phủ.")
        lines = self._lines_before_award_types(
            [
                ("Tập thể lao động xuất sắc", "collective"),
                ("  EXCELLENT   labour\tcollective ", "collective"),
                (decomposed, "collective"),
                ("cờ thi đua của bộ, ngành, tỉnh", "collective"),
                ("Cờ thi đua của Bộ Nội vụ", "collective"),
                ("Tập thể lao động xuất sắc", "individual"),
                ("Danh hiệu trùng tên", "collective"),
                ("danh hiệu đổi tên", "collective"),
                ("Cờ thi đua cũ", "collective"),
            ]
        )
        # a line that names its type already is left alone
        typed = self._register(
            self.user_officer,
            line_ids=[
                Command.create(
                    {
                        "award_type_id": self._award("ministry_merit").id,
                        "award_name": "Tập thể lao động xuất sắc",
                    }
                )
            ],
        ).line_ids.sudo()
        texts = lines.mapped("award_name")
        matched = (lines | typed)._match_award_types()
        expected = [
            self._award("excellent_labour_collective"),
            self._award("excellent_labour_collective"),
            self._award("government_flag"),
            self._award("ministry_flag"),
            AwardType,  # no type bears this name
            AwardType,  # a collective title, for a person
            AwardType,  # two types bear it
            new,  # the active one rather than the archived one
            archived,  # only an archived type bears it
        ]
        self.assertEqual([line.award_type_id for line in lines], expected)
        self.assertEqual(matched, lines.filtered("award_type_id"))
        # the text as written stays; what did not match is flagged
        self.assertEqual(lines.mapped("award_name"), texts)
        self.assertEqual(
            lines.filtered("award_type_to_match"),
            lines.filtered(lambda line: not line.award_type_id),
        )
        self.assertEqual(typed.award_type_id, self._award("ministry_merit"))
        self.assertFalse(twins & matched.award_type_id)
        self.assertFalse(old & matched.award_type_id)

    def test_match_award_types_query_count(self):
        """Matching reads once and writes once per award type, whatever the
        number of lines."""
        counts = []
        for size in (2, 12):
            lines = self._lines_before_award_types(
                [("Excellent Labour Collective", "collective")] * size
                + [("Government Emulation Flag", "collective")] * size
                + [("Không có loại nào", "collective")] * size
            )
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            lines._match_award_types()
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(len(lines.filtered("award_type_to_match")), size)
            # the next one is a registration of another unit
            lines.registration_id.unlink()
        self.assertEqual(counts[0], counts[1])

    def test_titles_to_match_are_reported_to_the_secretariat(self):
        registration = self._register(self.user_officer)
        matched = self._register(self.user_deputy)
        matched.line_ids[0].award_type_id = self._award("ministry_flag")
        matched.line_ids[1].unlink()
        archived = self._register(self.user_secretariat, unit=self.unit_member4)
        archived.with_user(self.user_secretariat).active = False
        lines = (registration | matched | archived).sudo().line_ids
        activities = lines._notify_titles_to_match()
        self.assertEqual(activities.mapped("res_id"), registration.ids)
        self.assertEqual(activities.res_model, "emulation.registration")
        self.assertEqual(activities.user_id, self.user_secretariat)
        # in the assignee's language
        self.assertEqual(
            activities.summary,
            self._in_lang(
                self.user_secretariat, "Match the registered titles to award types"
            ),
        )
        self.assertIn(self._note_to_match(2), str(activities.note))

    def _in_lang(self, user, source, **kwargs):
        return self.env(context={"lang": user.lang or "en_US"})._(source, **kwargs)

    def _note_to_match(self, count):
        return self._in_lang(
            self.user_secretariat,
            "Registered titles kept as text, which name no award type: "
            "%(count)s. Choose the award type of each with the Titles "
            "to Match button of the registration.",
            count=count,
        )

    def test_migration_18_0_1_3_0(self):
        """The upgrade script on lines as the previous version left them."""
        lines = self._lines_before_award_types(
            [
                ("Excellent Labour Collective", "collective"),
                ("Cờ thi đua của Bộ Nội vụ", "collective"),
            ]
        )
        path = file_path("emulation_cluster/migrations/18.0.1.3.0/post-migrate.py")
        spec = importlib.util.spec_from_file_location("emulation_mig_1_3", path)
        script = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(script)
        self.env.flush_all()
        # by number: Odoo gives the name "INFO" to a level of its own
        with self.assertLogs("emulation_mig_1_3", level=logging.INFO) as logs:
            script.migrate(self.env.cr, "18.0.1.2.0")
        self.env.invalidate_all()
        self.assertIn("matched to an award type", logs.output[0])
        self.assertEqual(
            lines[0].award_type_id, self._award("excellent_labour_collective")
        )
        self.assertEqual(lines[0].award_name, "Excellent Labour Collective")
        self.assertFalse(lines[1].award_type_id)
        self.assertTrue(lines[1].award_type_to_match)
        activity = self.env["mail.activity"].search(
            [
                ("res_model", "=", "emulation.registration"),
                ("res_id", "=", lines.registration_id.id),
            ]
        )
        self.assertEqual(activity.user_id, self.user_secretariat)
        self.assertIn(self._note_to_match(1), str(activity.note))

    def test_report_prints_the_award_type(self):
        registration = self._register(
            self.user_officer,
            line_ids=[
                Command.create(
                    {
                        "award_type_id": self._award("ministry_merit").id,
                        "award_name": "Bằng khen của Bộ trưởng Bộ Nội vụ",
                    }
                ),
                Command.create({"award_name": "Cờ thi đua của Bộ Nội vụ"}),
            ],
        )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_secretariat)
            ._render_qweb_html(
                "emulation_cluster.emulation_registration_report_action",
                registration.ids,
            )[0]
            .decode()
        )
        award = self._award("ministry_merit").with_user(self.user_secretariat)
        self.assertIn(award.name, html)
        self.assertNotIn("Bằng khen của Bộ trưởng Bộ Nội vụ", html)
        self.assertIn("Cờ thi đua của Bộ Nội vụ", html)
