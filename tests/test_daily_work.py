# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The daily work as its users meet it: what the screens say and do, for
the unit officer, the secretariat and the administrator."""

import base64
from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged
from odoo.tools import mute_logger

from .common import EmulationCommon, printed_text


class DailyWorkCommon(EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls._create_plan(year=2020)
        cls.obligation = cls.env["emulation.obligation"].create(
            {
                "name": "Báo cáo sơ kết 6 tháng",
                "plan_id": cls.plan.id,
                "deadline": date(2020, 6, 15),
            }
        )
        cls._issue_plan(cls.plan)
        # keep to this test's data (the demo plan is issued too)
        cls.env["emulation.submission"].search(
            [("plan_id", "!=", cls.plan.id)]
        ).action_archive()
        cls.submission = cls._submission(cls.unit_member3)

    @classmethod
    def _submission(cls, unit, obligation=None):
        return (obligation or cls.obligation).submission_ids.filtered(
            lambda sub: sub.partner_id == unit
        )

    def _attach(self, submission, user, name="bao-cao.pdf"):
        attachment = (
            self.env["ir.attachment"]
            .with_user(user)
            .create(
                {
                    "name": name,
                    "datas": base64.b64encode(b"%PDF-1.4"),
                    "res_model": submission._name,
                    "res_id": submission.id,
                }
            )
        )
        submission.with_user(user).attachment_ids = [Command.link(attachment.id)]
        return attachment

    def _arch(self, xmlid, lang=None):
        view = self.env.ref(xmlid)
        env_view = view.with_context(lang=lang) if lang else view
        return etree.fromstring(env_view.arch_db)


@tagged("post_install", "-at_install")
class TestOfficer(DailyWorkCommon):
    def test_01_buttons_say_what_they_do(self):
        """A button's label is never a field's label: "File" the action is
        not "File" the attachment, in English or in Vietnamese."""
        self._load_vietnamese()
        form = self._arch("emulation_cluster.emulation_submission_view_form", "vi_VN")
        [button] = form.xpath("//button[@name='action_open_file_wizard']")
        self.assertEqual(button.get("string"), "Nộp báo cáo")
        labels = {
            field.with_context(lang=lang).field_description
            for field in self.env["ir.model.fields"].search(
                [("model", "=like", "emulation.%")]
            )
            for lang in ("en_US", "vi_VN")
        }
        views = self.env["ir.ui.view"].search(
            [("model", "=like", "emulation.%"), ("type", "=", "form")]
        )
        for view in views:
            for lang in ("en_US", "vi_VN"):
                arch = etree.fromstring(view.with_context(lang=lang).arch_db)
                for button in arch.xpath("//header/button[@string]"):
                    self.assertNotIn(
                        button.get("string"),
                        labels,
                        f"{view.name}: the button reads like a field ({lang})",
                    )

    def test_02_only_assignee_or_secretariat_touch_an_activity(self):
        self._attach(self.submission, self.user_officer)
        with freeze_time("2020-06-10"):
            self.submission.with_user(self.user_officer).action_file()
        review = self.submission.activity_ids
        self.assertEqual(review.user_id, self.user_secretariat)
        mine = review.with_user(self.user_officer)
        self.assertFalse(mine.can_write, "no Edit, Mark done or Cancel button")
        with self.assertRaises(AccessError):
            mine.write({"summary": "Xong"})
        with self.assertRaises(AccessError):
            mine.unlink()
        with self.assertRaises(AccessError):
            mine.action_feedback(feedback="Xong")
        self.assertTrue(review.exists())
        # the assignee, and any secretariat user of the cluster, may
        other_staff = self._create_emulation_user(
            "test_emu_staff2", "group_secretariat", self.unit_deputy
        )
        self.cluster.secretariat_user_ids = [Command.link(other_staff.id)]
        self.assertTrue(review.with_user(other_staff).can_write)
        review.with_user(self.user_secretariat).write({"summary": "Xem xét ngay"})
        self.assertEqual(review.summary, "Xem xét ngay")

    def test_03_a_returned_filing_asks_to_file_again(self):
        self._attach(self.submission, self.user_officer)
        with freeze_time("2020-06-10"):
            self.submission.with_user(self.user_officer).action_file()
            self.submission.with_user(self.user_secretariat).action_return(
                "Thiếu chữ ký."
            )
        refile = self.submission.activity_ids
        self.assertEqual(
            refile.activity_type_id,
            self.env.ref("emulation_cluster.mail_activity_type_refile"),
        )
        self.assertEqual(refile.user_id, self.user_officer)
        self.assertEqual(refile.date_deadline, date(2020, 6, 15), "the deadline")
        self.assertIn("Thiếu chữ ký.", refile.note)
        # he follows the filing, and is told in its chatter
        self.assertIn(self.user_officer.partner_id, self.submission.message_partner_ids)
        told = self.submission.message_ids.filtered(
            lambda message: self.user_officer.partner_id in message.partner_ids
        )
        self.assertIn("Thiếu chữ ký.", told[:1].body)
        # past the deadline, three days
        with freeze_time("2020-06-20"):
            self.submission.with_user(self.user_officer).action_file()
            self.submission.with_user(self.user_secretariat).action_return("Lại thiếu.")
        self.assertEqual(self.submission.activity_ids.date_deadline, date(2020, 6, 23))
        # filing again closes it
        with freeze_time("2020-06-21"):
            self.submission.with_user(self.user_officer).action_file()
        self.assertNotIn(
            self.env.ref("emulation_cluster.mail_activity_type_refile"),
            self.submission.activity_ids.activity_type_id,
        )

    def test_04_filing_asks_for_confirmation_naming_what_is_filed(self):
        self._load_vietnamese()
        self._attach(self.submission, self.user_officer, "a.pdf")
        self._attach(self.submission, self.user_officer, "b.pdf")
        action = self.submission.with_user(self.user_officer).action_open_file_wizard()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.user_officer)
            .with_context(action["context"], lang="vi_VN")
        ).save()
        self.assertIn(
            f"{self.unit_member3.name} nộp Báo cáo sơ kết 6 tháng "
            "kèm 2 tệp: a.pdf, b.pdf",
            wizard.summary,
        )
        self.assertEqual(self.submission.state, "to_file", "not before confirming")
        done = wizard.action_file()
        self.assertEqual(done["tag"], "display_notification")
        self.assertIn("đã nộp", done["params"]["message"])
        self.assertEqual(self.submission.state, "filed")
        # a filing that would be refused is refused before the dialog
        other = self._submission(self.unit_member4)
        with self.assertRaises(UserError):
            other.with_user(self.user_secretariat).action_open_file_wizard()

    def test_04_screens_show_no_seconds_and_no_empty_deadline(self):
        for xmlid in (
            "emulation_cluster.emulation_submission_view_form",
            "emulation_cluster.emulation_submission_view_list",
            "emulation_cluster.emulation_submission_view_kanban",
        ):
            arch = self._arch(xmlid)
            for node in arch.xpath(
                "//field[@name='date_filed' or @name='date_decision']"
            ):
                self.assertIn("'show_seconds': false", node.get("options", ""), xmlid)
        kanban = etree.tostring(
            self._arch("emulation_cluster.emulation_submission_view_kanban")
        )
        self.assertIn(b't-if="record.deadline.raw_value"', kanban)
        # without a deadline, a filing is never late
        no_deadline = self.env["emulation.obligation"].create(
            {"name": "Báo cáo đột xuất", "plan_id": self.plan.id}
        )
        submission = self._submission(self.unit_member3, no_deadline)
        self._attach(submission, self.user_officer)
        submission.with_user(self.user_officer).action_file()
        self.assertFalse(submission.is_late)
        form = Form(submission.with_user(self.user_officer))
        self.assertTrue(form._get_modifier("is_late", "invisible"))
        self.assertTrue(form._get_modifier("deadline", "invisible"))


@tagged("post_install", "-at_install")
class TestSecretariat(DailyWorkCommon):
    def test_05_tracker_counts_who_filed_what_this_year(self):
        menu = self.env.ref("emulation_cluster.emulation_submission_menu_tracker")
        Submission = self.env["emulation.submission"]
        for user, rows in (
            (self.user_secretariat, ["partner_id"]),
            (self.user_manager, ["cluster_id"]),
        ):
            # the menu opens on units by status for the secretariat, on
            # clusters by status for who reads every cluster: a bounded
            # number of groups whatever the number of submissions
            action = menu.action.with_user(user).run()
            self.assertEqual(action["view_mode"].split(",")[0], "pivot")
            self.assertEqual(action["context"]["search_default_latest_plan"], 1)
            self.assertEqual(action["context"]["pivot_row_groupby"], rows)
            self.assertEqual(action["context"]["pivot_column_groupby"], ["state"])
            groups = Submission.with_user(user).read_group(
                [("is_latest_plan", "=", True)],
                ["__count"],
                rows + ["state"],
                lazy=False,
            )
            self.assertLessEqual(
                len(groups),
                len(Submission._fields["state"].selection)
                * len(
                    self.env["emulation.cluster.membership"].search([]).partner_id
                    if rows == ["partner_id"]
                    else self.env["emulation.cluster"].search([])
                ),
            )
        # a plan's filings: unit by unit and obligation by obligation
        action = self.plan.with_user(self.user_secretariat).action_view_submissions()
        self.assertEqual(action["domain"], [("plan_id", "=", self.plan.id)])
        self.assertEqual(action["context"]["pivot_row_groupby"], ["partner_id"])
        pivot = self._arch("emulation_cluster.emulation_submission_view_pivot")
        self.assertFalse(pivot.xpath("//field[@type='measure']"), "a count")
        # an older plan is left out by the default filter
        older = self._create_plan(year=2019, issue_date=date(2019, 3, 1))
        self.env["emulation.obligation"].create(
            {"name": "Báo cáo cũ", "plan_id": older.id, "deadline": date(2019, 6, 15)}
        )
        self._issue_plan(older)
        Submission = Submission.with_user(self.user_secretariat)
        latest = Submission.search([("is_latest_plan", "=", True)])
        self.assertEqual(latest.plan_id, self.plan)
        # the flag each submission shows says the same as the filter
        every = Submission.search([("plan_id", "in", (self.plan | older).ids)])
        self.assertEqual(every.filtered("is_latest_plan"), latest)
        # columns in the workflow's order, each unit counted, filed or not
        self._attach(self.submission, self.user_officer)
        self.submission.with_user(self.user_officer).action_file()
        # the kanban's columns: every state, even an empty one
        groups = Submission.read_group(
            [("is_latest_plan", "=", True)], ["state"], ["state"]
        )
        self.assertEqual(
            [group["state"] for group in groups],
            ["to_file", "filed", "under_review", "returned", "accepted"],
        )
        # the pivot's columns (not expanded): in the workflow's order too
        pivot_groups = Submission.read_group(
            [("is_latest_plan", "=", True)], ["__count"], ["state"], lazy=False
        )
        self.assertEqual(
            [group["state"] for group in pivot_groups], ["to_file", "filed"]
        )
        counts = {group["state"]: group["state_count"] for group in groups}
        self.assertEqual(counts["to_file"], 2)
        self.assertEqual(counts["filed"], 1)

    def test_06_scheduled_actions_write_in_the_reader_language(self):
        self._load_vietnamese()
        self.user_secretariat.lang = "vi_VN"
        Log = self.env["emulation.reminder.log"].with_context(lang=None)
        with freeze_time("2020-06-16"):
            Log.env["emulation.obligation"]._cron_mark_overdue()
        overdue = self.obligation.activity_ids
        self.assertEqual(overdue.user_id, self.user_secretariat)
        self.assertIn("đơn vị", overdue.summary)
        self.assertNotIn("unit(s) missing", overdue.summary)
        self.assertIn("các đơn vị sau chưa nộp", overdue.note)
        # the officer reads his reminder in his language, the e-mail goes
        # in the unit's
        self.user_deputy.lang = "vi_VN"
        self.unit_member4.lang = "vi_VN"
        ob = self.env["emulation.obligation"].create(
            {
                "name": "Báo cáo năm",
                "plan_id": self.plan.id,
                "deadline": date(2020, 11, 20),
            }
        )
        with freeze_time("2020-11-13"):
            Log.env["emulation.obligation"]._cron_send_deadline_reminders()
        reminder = self._submission(self.unit_deputy, ob).activity_ids
        self.assertTrue(reminder.summary.startswith("Còn"), reminder.summary)
        mail = self.env["mail.mail"].search(
            [
                ("res_id", "=", self._submission(self.unit_member4, ob).id),
                ("model", "=", "emulation.submission"),
            ]
        )
        self.assertTrue(mail.subject.startswith("Nhắc hạn"), mail.subject)
        self.assertIn("Kính gửi", mail.body_html)

    def test_06_a_covenant_closed_at_year_end_in_the_company_language(self):
        self._load_vietnamese()
        self.env.company.partner_id.lang = "vi_VN"
        covenant = self.env["emulation.covenant"].create(
            {
                "name": "Giao ước",
                "plan_id": self.plan.id,
                "clause_ids": [Command.create({"text": "Hoàn thành nhiệm vụ."})],
            }
        )
        with freeze_time("2020-03-27"):
            covenant.action_send_for_signature()
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking from here on
        with freeze_time("2021-01-04"):
            self.env["emulation.covenant"].with_context(
                lang=None
            )._cron_close_ended_years()
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertEqual(covenant.state, "closed")
        tracked = covenant.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        self.assertEqual(tracked.new_value_char, "Đã kết thúc")

    def test_08_the_covenant_button_opens_every_line(self):
        covenant = self.env["emulation.covenant"].create(
            {
                "name": "Giao ước",
                "plan_id": self.plan.id,
                "clause_ids": [Command.create({"text": "Hoàn thành nhiệm vụ."})],
            }
        )
        with freeze_time("2020-03-27"):
            covenant.action_send_for_signature()
        action = covenant.with_user(self.user_secretariat).action_view_signatures()
        self.assertNotIn("search_default_filter_waiting", action["context"])
        lines = self.env[action["res_model"]].search(action["domain"])
        self.assertEqual(lines, covenant.signature_ids)
        self.assertEqual(len(lines), 4)

    def test_09_nobody_creates_a_submission_by_hand(self):
        for xmlid in (
            "emulation_cluster.emulation_submission_view_list",
            "emulation_cluster.emulation_submission_view_kanban",
            "emulation_cluster.emulation_submission_view_form",
        ):
            self.assertEqual(self._arch(xmlid).get("create"), "0", xmlid)
        for user in (self.user_secretariat, self.user_manager, self.user_officer):
            with self.assertRaises(AccessError):
                self.env["emulation.submission"].with_user(user).create(
                    {
                        "obligation_id": self.obligation.id,
                        "partner_id": self.unit_other.id,
                    }
                )

    def test_10_plan_buttons_count_and_calendar_opens_on_the_year(self):
        plan = self.plan.with_user(self.user_secretariat)
        self.assertEqual(plan.event_count, 1)
        self.assertEqual(plan.obligation_count, 1)
        self.assertEqual(plan.submission_progress, "0/3 filed")
        self._attach(self.submission, self.user_officer)
        self.submission.with_user(self.user_officer).action_file()
        plan.invalidate_recordset()
        self.assertEqual(plan.submission_progress, "1/3 filed")
        self.assertEqual(plan.registration_count, 0)
        action = plan.action_view_events()
        self.assertTrue(action["context"]["initial_date"].startswith("2020-12-05"))
        self.assertEqual(
            self.env["emulation.event"].search(action["domain"]), self.plan.event_ids
        )

    def test_11_registration_summary_lists_who_has_not_registered(self):
        self.env["emulation.registration"].with_user(self.user_officer).create(
            {
                "plan_id": self.plan.id,
                "line_ids": [Command.create({"award_name": "Bằng khen"})],
            }
        )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_secretariat)
            ._render_qweb_html(
                "emulation_cluster.emulation_plan_registration_report_action",
                self.plan.ids,
            )[0]
            .decode()
        )
        self.assertEqual(html.count("Chưa đăng ký"), 3, "every member but the one")
        for unit in (self.unit_leader, self.unit_deputy, self.unit_member4):
            self.assertIn(unit.name, html)
        # an officer's summary shows his own unit only
        mine = (
            self.env["ir.actions.report"]
            .with_user(self.user_officer)
            ._render_qweb_html(
                "emulation_cluster.emulation_plan_registration_report_action",
                self.plan.ids,
            )[0]
            .decode()
        )
        self.assertNotIn(self.unit_member4.name, mine)


@tagged("post_install", "-at_install")
class TestAdministrator(DailyWorkCommon):
    def test_12_lines_on_a_plan_not_saved_yet(self):
        form = Form(self.env["emulation.plan"].with_user(self.user_manager))
        form.cluster_id = self.cluster
        form.year = 2023
        with form.obligation_ids.new() as obligation:
            obligation.name = "Báo cáo năm"
            obligation.deadline = date(2023, 11, 20)
        with form.event_ids.new() as event:
            event.name = "Hội nghị tổng kết"
            event.date_start = "2023-12-05 02:00:00"
        plan = form.save()
        self.assertEqual(plan.obligation_ids.name, "Báo cáo năm")
        self.assertEqual(plan.event_ids.name, "Hội nghị tổng kết")

    def test_13_a_unit_quick_created_from_a_membership_is_a_company(self):
        with freeze_time("2026-05-04"):
            form = Form(self.cluster.with_user(self.user_manager))
            with form.membership_ids.new() as membership:
                self.assertEqual(membership.date_start, date(2026, 1, 1))
                unit_id, __ = (
                    self.env["res.partner"]
                    .with_user(self.user_manager)
                    .with_context(default_is_company=True)
                    .name_create("Sở Nội vụ tỉnh mới")
                )
                membership.partner_id = self.env["res.partner"].browse(unit_id)
            form.save()
        unit = self.env["res.partner"].browse(unit_id)
        self.assertTrue(unit.is_company)
        arch = etree.tostring(
            self._arch("emulation_cluster.emulation_cluster_view_form")
        )
        self.assertIn(b"'default_is_company': True", arch)

    def test_14_issuing_needs_a_whole_plan_and_tells_the_members(self):
        plan = (
            self.env["emulation.plan"]
            .with_user(self.user_secretariat)
            .create({"cluster_id": self.cluster.id, "year": 2023})
        )
        # the "Issue" button says what is missing before asking to confirm
        arch = self._arch("emulation_cluster.emulation_plan_view_form")
        [button] = arch.xpath("//button[@name='action_open_issue_wizard']")
        self.assertFalse(button.get("confirm"))
        self.assertFalse(arch.xpath("//button[@name='action_issue']"))
        with self.assertRaises(UserError) as refusal:
            plan.action_open_issue_wizard()
        for missing in ("Legal Bases", "Purpose", "Signer", "Leader", "activity"):
            self.assertIn(missing, str(refusal.exception))
        self.assertEqual(plan.state, "draft")
        # a whole plan: confirmed in the wizard, each member unit is told
        plan = self._create_plan(year=2024)
        action = plan.with_user(self.user_secretariat).action_open_issue_wizard()
        self.assertEqual(plan.state, "draft")
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.user_secretariat)
            .with_context(**action["context"])
        ).save()
        wizard.action_issue()
        self.assertEqual(plan.state, "issued")
        for officer in (self.user_deputy, self.user_officer):
            self.assertIn(officer, plan.activity_ids.user_id)
        told = plan.message_ids.filtered(lambda message: message.partner_ids)
        self.assertEqual(
            told.partner_ids,
            self.unit_deputy | self.unit_member3 | self.unit_member4,
        )

    def test_15_duplicating_a_plan_points_to_the_rollover(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(UserError) as refusal:
            self.plan.with_user(self.user_secretariat).copy()
        self.assertIn("rollover", str(refusal.exception))

    def test_16_no_document_layout_dialog_before_printing(self):
        self.env.company.external_report_layout_id = False
        action = self.plan.with_user(self.env.ref("base.user_admin")).action_print()
        self.assertEqual(action["type"], "ir.actions.report")
        # the other reports of Odoo keep it
        other = self.env.ref("base.report_ir_model_overview").with_user(
            self.env.ref("base.user_admin")
        )
        self.assertNotEqual(other.report_action([1])["type"], "ir.actions.report")

    def test_17_no_reminder_without_a_deadline(self):
        ob = self.env["emulation.obligation"].create(
            {"name": "Báo cáo đột xuất", "plan_id": self.plan.id}
        )
        Log = self.env["emulation.reminder.log"]
        for day in ("2020-06-01", "2020-12-30"):
            with freeze_time(day):
                Log.env["emulation.obligation"]._cron_send_deadline_reminders()
        self.assertFalse(Log.search([("res_id", "in", ob.submission_ids.ids)]))
        # and the template shows no empty value when rendered anyway
        template = self.env.ref("emulation_cluster.mail_template_submission_reminder")
        body = template._render_field("body_html", ob.submission_ids[:1].ids)[
            ob.submission_ids[:1].id
        ]
        self.assertNotIn("Deadline:", body)


@tagged("post_install", "-at_install")
class TestPrintedDocuments(HttpCase, DailyWorkCommon):
    """Printed for real: wkhtmltopdf fetches the report's styles from the
    server, which sees this test's records only in an HttpCase."""

    def _pdf_pages(self, report, records, user=None):
        return printed_text(self.env, report, records, user).split("\f")[:-1]

    def test_07_page_numbers_from_page_two(self):
        plan = self._create_plan(year=2021)
        self.env["emulation.event"].create(
            [
                {
                    "name": f"Hoạt động số {index}",
                    "plan_id": plan.id,
                    "date_start": f"2021-{index % 12 + 1:02d}-10 02:00:00",
                    "content": "\n".join(
                        f"Nội dung {index}.{line}" for line in range(8)
                    ),
                }
                for index in range(30)
            ]
        )
        pages = self._pdf_pages("emulation_cluster.action_report_emulation_plan", plan)
        self.assertGreaterEqual(len(pages), 3)
        self.assertNotEqual(pages[0].split()[0], "1", "no number on page 1")
        for number, page in enumerate(pages[1:], start=2):
            self.assertEqual(page.split()[0], str(number), f"page {number}")

    def test_07_tracker_rows_never_split_and_headers_repeat(self):
        # long names, so that each row takes two lines a split would cut
        units = self.env["res.partner"].create(
            [
                {
                    "name": f"Đơn vị {index:02d} có tên rất dài để phải xuống dòng "
                    f"trong bảng theo dõi {index:02d}",
                    "is_company": True,
                }
                for index in range(60)
            ]
        )
        self.cluster.membership_ids = [
            Command.create({"partner_id": unit.id, "date_start": "2019-01-01"})
            for unit in units
        ]
        self.env["emulation.obligation"].create(
            {
                "name": "Báo cáo năm",
                "plan_id": self.plan.id,
                "deadline": date(2020, 11, 20),
            }
        )
        pages = self._pdf_pages(
            "emulation_cluster.emulation_submission_tracker_report",
            self.plan,
            self.user_secretariat,
        )
        self.assertGreaterEqual(len(pages), 2)
        for number, page in enumerate(pages, start=1):
            self.assertIn("Member unit", page, f"the header on page {number}")
            if number > 1:
                self.assertEqual(page.split()[0], str(number))
        # each unit's row whole on one page: both its lines on the same one
        for index in range(60):
            [start] = [
                n for n, page in enumerate(pages) if f"Đơn vị {index:02d}" in page
            ]
            self.assertIn(f"theo dõi {index:02d}", pages[start], f"row {index} split")


@tagged("post_install", "-at_install", "emulation_fresh_install")
class TestDemoData(EmulationCommon):
    """The demo data as this version installs it (make test leaves these
    tests out of the upgrade runs: Odoo never updates demo records)."""

    def test_18_demo_history_in_the_demo_users_language(self):
        """Every message, activity and e-mail of the demo records is in the
        demo users' language: in a Vietnamese database, none of the addon's
        English source strings appear."""
        secretariat = self.env.ref("emulation_cluster.user_secretariat_demo")
        plan = self.env.ref("emulation_cluster.plan_2020_bac_bo_demo")
        self.assertEqual(plan.state, "issued")
        texts = []
        for message in self.env["mail.message"].search(
            [("model", "=like", "emulation.%")]
        ):
            texts.append(str(message.body))
            for value in message.tracking_value_ids:
                texts += [value.old_value_char or "", value.new_value_char or ""]
        for activity in self.env["mail.activity"].search(
            [("res_model", "=like", "emulation.%")]
        ):
            texts += [activity.summary or "", str(activity.note or "")]
        texts += (
            self.env["mail.mail"]
            .search([("model", "=like", "emulation.%")])
            .mapped("subject")
        )
        self.assertTrue(texts)
        text = "\n".join(texts)
        english = (
            "was accepted by the secretariat",
            "Plan issued",
            "Review the filing",
            "Filed",
            "Issued",
            "created",
        )
        vietnamese = (
            "đã được Thường trực Cụm chấp nhận",
            "Kế hoạch đã ban hành",
            "Xem xét hồ sơ",
        )
        # and the names of the documents, as creation messages write them
        models = set(
            self.env["mail.message"]
            .search([("model", "=like", "emulation.%")])
            .mapped("model")
        )
        english += tuple(
            f"{self.env['ir.model'].with_context(lang='en_US')._get(model).name} "
            for model in models
        )
        if secretariat.lang == "vi_VN":
            for source in english:
                self.assertNotIn(source, text)
        else:
            for translation in vietnamese:
                self.assertNotIn(translation, text)

    def test_19_demo_units_and_signatures(self):
        hai_phong = self.env.ref("emulation_cluster.partner_snv_hai_phong_demo")
        self.assertEqual(hai_phong.email, "sonoivu@haiphong.gov.vn")
        with self.assertRaises(ValidationError):
            hai_phong.email = "sonoivuhaiphong.gov.com"
        covenant = self.env.ref("emulation_cluster.covenant_2020_bac_bo_demo")
        self.assertTrue(all(covenant.signature_ids.mapped("signer_name")))
        plan = self.env.ref("emulation_cluster.plan_2020_bac_bo_demo")
        self.assertEqual(plan.consultation_summary, "2 of 9 units answered")
        # the printed plan keeps the seed's text
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "emulation_cluster.action_report_emulation_plan", plan.ids
            )[0]
            .decode()
        )
        self.assertIn("sonoivuhaiphong.gov.com", html)

    def test_20_demo_rules_and_criteria(self):
        """The Northern cluster's rules apply to its 2020 scoring and are
        marked unconfirmed; its 100-point template is validated with every
        kind of criterion; the 2020 plan scores against its own copy."""
        cluster = self.env.ref("emulation_cluster.cluster_bac_bo_demo")
        Rule = self.env["emulation.rule"]
        for kind in ("classification", "scoring"):
            rule = Rule._get_applicable(kind, cluster, date(2020, 12, 20))
            self.assertTrue(rule, kind)
            self.assertFalse(rule.is_confirmed)
            self.assertTrue(rule.document_id)
        template = self.env.ref("emulation_cluster.criterion_template_bac_bo_demo")
        self.assertEqual(template.state, "validated")
        self.assertEqual(template.total_max, 100)
        self.assertEqual(
            set(template.criterion_ids.mapped("kind")),
            {"group", "scored", "pass_fail", "counted", "target", "bonus", "penalty"},
        )
        plan = self.env.ref("emulation_cluster.plan_2020_bac_bo_demo")
        copy = plan.criterion_template_id
        self.assertEqual(copy.source_template_id, template)
        self.assertEqual(copy.total_max, 100)
        self.assertEqual(len(copy.criterion_ids), len(template.criterion_ids))

    def test_21_demo_scorecards_and_ranking(self):
        """The 2020 scorecards: every member scored, all agreed but Thái
        Bình's, explained and appraised again; ranked and classified."""
        plan = self.env.ref("emulation_cluster.plan_2020_bac_bo_demo")
        cards = plan.scorecard_ids
        members = plan.cluster_id._get_members_at(plan._get_reference_date())
        self.assertEqual(cards.partner_id, members)
        officer_unit = self.env.ref(
            "emulation_cluster.user_unit_officer_demo"
        ).partner_id.commercial_partner_id
        explained = cards.filtered(lambda card: card.partner_id == officer_unit)
        self.assertEqual(explained.state, "reappraised")
        self.assertTrue(explained.line_ids.filtered("explanation"))
        agreed = cards - explained
        self.assertEqual(set(agreed.mapped("state")), {"agreed"})
        self.assertEqual(set(agreed.mapped("date_agreed")), {date(2020, 12, 10)})
        self.assertTrue(all(cards.mapped("classification_id")))
        self.assertEqual(min(cards.mapped("rank")), 1)
        best = cards.sorted("rank")[0]
        self.assertEqual(best.final_total, max(cards.mapped("final_total")))
        self.assertTrue(cards.filtered("self_scored_on_behalf"), "paper tables entered")

    def test_22_demo_votes_and_next_years_leader(self):
        """The 2020 year-end conference: one unit honoured for the flag,
        three for certificates of merit (one member absent, voting in
        writing), and 2021's leader and deputy elected."""
        polls = self.env["emulation.poll"].search(
            [
                (
                    "plan_id",
                    "=",
                    self.env.ref("emulation_cluster.plan_2020_bac_bo_demo").id,
                )
            ]
        )
        self.assertEqual(len(polls), 4)
        self.assertEqual(set(polls.mapped("state")), {"closed"})
        # the conference is the hub: held on its day, linked to its polls
        conference = polls.event_id
        self.assertEqual(
            (conference.state, conference.date_held),
            ("held", date(2020, 12, 10)),
        )
        self.assertEqual(conference.poll_ids, polls)
        by_subject = {(poll.subject, poll.award_type_id): poll for poll in polls}
        flag = by_subject[
            ("nomination", self.env.ref("emulation_cluster.award_type_ministry_flag"))
        ]
        merit = by_subject[
            ("nomination", self.env.ref("emulation_cluster.award_type_ministry_merit"))
        ]
        self.assertEqual(len(flag.candidate_ids.filtered("is_elected")), 1)
        self.assertEqual(len(merit.candidate_ids.filtered("is_elected")), 3)
        self.assertTrue(flag.is_secret)
        # one written vote: an absent member that voted (a secret ballot
        # keeps no written mark)
        self.assertEqual(
            len(
                flag.voter_ids.filtered(
                    lambda v: v.attendance == "absent" and v.voted_round
                )
            ),
            1,
        )
        term = self.env.ref("emulation_cluster.cluster_bac_bo_demo").term_ids
        self.assertEqual(
            (term.year, term.leader_id.name, term.deputy_id.name),
            (2021, "Sở Nội vụ tỉnh Nam Định", "Sở Nội vụ tỉnh Hà Nam"),
        )
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "emulation_cluster.report_emulation_poll_review_minutes", flag.ids
            )[0]
            .decode()
        )
        self.assertIn("BIÊN BẢN HỌP BÌNH XÉT", html)
        self.assertIn("Quảng Ninh", html)

    def test_24_demo_proposals_letter_and_analytics(self):
        """The 2020 proposals in each state, their letter, and the figures
        the analysis of proposals shows on the demo data."""
        plan = self.env.ref("emulation_cluster.plan_2020_bac_bo_demo")
        Proposal = self.env["emulation.award.proposal"]
        proposals = Proposal.search([("plan_id", "=", plan.id)])
        self.assertEqual(
            sorted(proposals.mapped("state")),
            ["approved", "approved", "draft", "rejected"],
        )
        draft = proposals.filtered(lambda prop: prop.state == "draft")
        self.assertGreater(draft.missing_item_count, 0)
        approved = proposals.filtered(lambda prop: prop.state == "approved")
        self.assertEqual(set(approved.mapped("decision_number")), {"245/QĐ-BNV"})
        letter = proposals.letter_id
        self.assertEqual((letter.number, letter.state), ("01/TTr-CTĐ", "submitted"))
        self.assertEqual(letter.collective_count, 3)
        # an official document: issuing body, place and signer from the plan
        self.assertTrue(
            letter.issuer_name and letter.issue_place and letter.signer_name
        )
        # the pivot: by year and outcome, then by award type
        groups = Proposal._read_group([("year", "=", 2020)], ["outcome"], ["__count"])
        self.assertEqual(
            dict(groups), {"approved": 2, "rejected": 1, "not_submitted": 1}
        )
        by_award = dict(
            Proposal._read_group(
                [("year", "=", 2020), ("outcome", "=", "approved")],
                ["award_type_id"],
                ["__count"],
            )
        )
        self.assertEqual(
            {award.id: count for award, count in by_award.items()},
            {
                self.env.ref("emulation_cluster.award_type_ministry_flag").id: 1,
                self.env.ref("emulation_cluster.award_type_ministry_merit").id: 1,
            },
        )
        # the unit's page: its results and awards over the years
        unit = approved.partner_id.filtered(
            lambda partner: partner.emulation_ranking_ids
        )[:1]
        self.assertEqual(unit.emulation_ranking_ids.year, 2020)
        self.assertIn("approved", unit.emulation_proposal_ids.mapped("state"))
