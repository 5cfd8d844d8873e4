# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Setting up a cluster through the screens, and the officer's first screen,
as each user meets them."""

from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.exceptions import AccessDenied, AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools.misc import file_open
from odoo.tools.safe_eval import safe_eval

from ..hooks import DEMO_USERS
from .common import EmulationCommon

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# the options the import dialog sends
IMPORT_OPTIONS = {
    "import_skip_records": [],
    "import_set_empty_fields": [],
    "fallback_values": {},
    "name_create_enabled_fields": {},
    "encoding": "",
    "separator": "",
    "quoting": '"',
    "date_format": "",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "advanced": True,
    "has_headers": True,
    "keep_matches": False,
    "limit": 2000,
    "skip": 0,
    "tracking_disable": True,
}


def _arch(env, xmlid):
    return etree.fromstring(env.ref(xmlid).arch_db)


@tagged("post_install", "-at_install")
class TestSetupScreens(EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls._create_plan(year=2020)
        cls.Wizard = cls.env["emulation.officer.wizard"]

    # ------------------------------------------------------------------
    # officers added from their unit's form
    # ------------------------------------------------------------------
    def _officer_form(self, unit, user=None):
        action = unit.with_user(user or self.user_manager).action_open_officer_wizard()
        return Form(
            self.env[action["res_model"]]
            .with_user(user or self.user_manager)
            .with_context(**action["context"])
        )

    def test_manager_adds_an_officer_from_the_unit(self):
        arch = _arch(self.env, "emulation_cluster.res_partner_view_form")
        [button] = arch.xpath("//button[@name='action_open_officer_wizard']")
        self.assertEqual(button.get("groups"), "emulation_cluster.group_manager")
        form = self._officer_form(self.unit_member3)
        self.assertEqual(form.unit_id, self.unit_member3)
        self.assertEqual(form.role, "officer")
        # not the leader unit: the role is officer, nothing else
        self.assertTrue(form._get_modifier("role", "readonly"))
        form.name = "Nguyễn Văn An"
        form.email = "An.NV@thaibinh.example.com"
        wizard = form.save()
        wizard.action_add()
        officer = self.env["res.users"].search(
            [("login", "=", "an.nv@thaibinh.example.com")]
        )
        self.assertTrue(officer)
        self.assertFalse(officer.share)
        self.assertEqual(officer.emulation_unit_id, self.unit_member3)
        self.assertEqual(officer.emulation_role, "officer")
        self.assertFalse(officer.has_group("emulation_cluster.group_secretariat"))
        self.assertFalse(officer.has_group("base.group_system"))
        self.assertIn(officer, self.unit_member3.emulation_officer_ids)
        # invited to choose a password (auth_signup), lands on his unit's dues
        self.assertEqual(officer.partner_id.signup_type, "signup")
        self.assertEqual(
            officer.action_id.id,
            self.env.ref("emulation_cluster.emulation_unit_duty_action").id,
        )
        # the same login again: refused in words, nothing created
        form = self._officer_form(self.unit_member4)
        form.name = "Người khác"
        form.email = "an.nv@thaibinh.example.com"
        with self.assertRaisesRegex(UserError, "already used"):
            form.save().action_add()
        self.assertEqual(
            self.env["res.users"].search_count(
                [("login", "=", "an.nv@thaibinh.example.com")]
            ),
            1,
        )

    def test_officers_added_from_the_cluster_members(self):
        """The cluster's members list adds each unit's officer (the unit's
        own wizard) and names the officers of each unit."""
        arch = _arch(self.env, "emulation_cluster.emulation_cluster_view_form")
        [button] = arch.xpath(
            "//field[@name='membership_ids']//button[@name='action_open_officer_wizard']"
        )
        self.assertEqual(button.get("groups"), "emulation_cluster.group_manager")
        membership = self.cluster.membership_ids.filtered(
            lambda line: line.partner_id == self.unit_member4
        )
        self.assertFalse(membership.officer_ids)
        action = membership.with_user(self.user_manager).action_open_officer_wizard()
        self.assertEqual(action["context"], {"default_unit_id": self.unit_member4.id})
        form = Form(
            self.env[action["res_model"]]
            .with_user(self.user_manager)
            .with_context(**action["context"])
        )
        form.name = "Lê Thị Hà"
        form.email = "ha.lt@hanam.example.com"
        form.save().action_add()
        self.assertEqual(membership.officer_ids.login, "ha.lt@hanam.example.com")
        # an officer reaches the wizard's action, not the creation of a user
        action = membership.with_user(self.user_officer).action_open_officer_wizard()
        with self.assertRaises(AccessError):
            self.env[action["res_model"]].with_user(self.user_officer).with_context(
                **action["context"]
            ).create({"name": "X", "email": "x@hanam.example.com"}).action_add()
        self.assertFalse(
            self.env["res.users"].search([("login", "=", "x@hanam.example.com")])
        )

    def test_rules_and_criteria_made_from_the_cluster(self):
        """The cluster's Rules and Criteria Templates: a new one is the
        cluster's, set by its regulation, valid from its date."""
        regulation = self.env["emulation.document"].create(
            {
                "name": "08/QĐ-CTĐTN (test)",
                "document_type": "regulation",
                "date": date(2026, 12, 1),
            }
        )
        self.cluster.regulation_id = regulation
        cluster = self.cluster.with_user(self.user_manager)
        action = cluster.action_view_rules()
        rule_form = Form(
            self.env["emulation.rule"]
            .with_user(self.user_manager)
            .with_context(**action["context"])
        )
        self.assertEqual(
            (
                rule_form.scope,
                rule_form.cluster_id,
                rule_form.document_id,
                rule_form.date_from,
            ),
            ("cluster", self.cluster, regulation, date(2026, 12, 1)),
        )
        rule_form.name = "Biểu quyết (test)"
        rule_form.rule_type = "voting"
        rule = rule_form.save()
        self.assertEqual(self.env["emulation.rule"].search(action["domain"]), rule)
        action = cluster.action_view_criterion_templates()
        template_form = Form(
            self.env["emulation.criterion.template"]
            .with_user(self.user_manager)
            .with_context(**action["context"])
        )
        template_form.name = "Bộ tiêu chí (test)"
        template = template_form.save()
        self.assertEqual(
            (template.cluster_id, template.document_id, template.date_from),
            (self.cluster, regulation, date(2026, 12, 1)),
        )
        self.assertEqual(
            self.env["emulation.criterion.template"].search(action["domain"]),
            template,
        )

    def test_new_plan_of_the_cluster_is_filled_in(self):
        """A new plan of the cluster: its first members as leader and
        deputy, its regulation as legal basis, a title that follows the year
        until one is typed."""
        self.cluster.regulation_id = self.guidance
        action = self.cluster.with_user(self.user_secretariat).action_view_plans()
        Plan = (
            self.env["emulation.plan"]
            .with_user(self.user_secretariat)
            .with_context(**action["context"])
        )
        form = Form(Plan)
        form.year = 2027
        self.assertEqual(form.leader_id, self.unit_leader)
        self.assertEqual(form.deputy_id, self.unit_deputy)
        self.assertEqual(len(form.basis_ids), 1)
        self.assertIn("2027", form.name)
        self.assertNotIn("2026", form.name)
        # what the user chooses stays
        form.leader_id = self.unit_member3
        form.year = 2028
        self.assertEqual(form.leader_id, self.unit_member3)
        self.assertIn("2028", form.name)
        form.name = "Kế hoạch riêng của Cụm"
        form.year = 2029
        self.assertEqual(form.name, "Kế hoạch riêng của Cụm")
        plan = form.save()
        self.assertEqual(plan.basis_ids.document_id, self.guidance)

    def test_only_the_leader_unit_gets_a_secretariat(self):
        self.plan.leader_id = self.unit_leader
        self.assertTrue(self.unit_leader.emulation_can_have_secretariat)
        self.assertFalse(self.unit_member3.emulation_can_have_secretariat)
        form = self._officer_form(self.unit_leader)
        self.assertFalse(form._get_modifier("role", "readonly"))
        form.name = "Trần Thư Ký"
        form.email = "thuky@haiphong.example.com"
        form.role = "secretariat"
        form.send_invitation = False
        form.password = "mat-khau-2027"
        form.save().action_add()
        clerk = self.env["res.users"].search(
            [("login", "=", "thuky@haiphong.example.com")]
        )
        self.assertTrue(clerk.has_group("emulation_cluster.group_secretariat"))
        self.assertFalse(clerk.has_group("emulation_cluster.group_manager"))
        self.assertEqual(clerk.emulation_unit_id, self.unit_leader)
        # he serves the cluster his unit leads from the start: its board and
        # its records are his first screen, no second step on the cluster
        self.assertIn(clerk, self.cluster.secretariat_user_ids)
        self.assertTrue(self.cluster._is_served_by(clerk))
        # a member unit: the server refuses what the form does not offer
        wizard = self.Wizard.with_user(self.user_manager).create(
            {
                "unit_id": self.unit_member3.id,
                "name": "Không được",
                "email": "khong@thaibinh.example.com",
                "role": "secretariat",
            }
        )
        with self.assertRaisesRegex(UserError, "leader unit"):
            wizard.action_add()
        self.assertFalse(
            self.env["res.users"].search([("login", "=", "khong@thaibinh.example.com")])
        )
        # the cluster's secretariat tab offers internal users of the leader
        # unit only
        cluster_arch = _arch(self.env, "emulation_cluster.emulation_cluster_view_form")
        [field] = cluster_arch.xpath("//field[@name='secretariat_user_ids']")
        domain = safe_eval(
            field.get("domain"),
            {"secretariat_unit_ids": self.cluster.secretariat_unit_ids.ids},
        )
        offered = self.env["res.users"].with_user(self.user_manager).search(domain)
        self.assertIn(clerk, offered)
        self.assertIn(self.user_secretariat, offered)
        self.assertNotIn(self.user_officer, offered)
        self.assertNotIn(self.user_portal, offered)
        self.assertTrue(field.xpath("ancestor::group"), "the field has its label")

    def test_only_a_manager_adds_officers(self):
        for user in (self.user_secretariat, self.user_officer, self.user_council):
            with self.assertRaises(AccessError):
                self.Wizard.with_user(user).create(
                    {
                        "unit_id": self.unit_member3.id,
                        "name": "Không được",
                        "email": "khong@thaibinh.example.com",
                    }
                )
        # even with a wizard made for him, the check comes first
        wizard = self.Wizard.create(
            {
                "unit_id": self.unit_member3.id,
                "name": "Không được",
                "email": "khong@thaibinh.example.com",
            }
        )
        with self.assertRaises(AccessError):
            wizard.with_user(self.user_secretariat).action_add()
        self.assertFalse(
            self.env["res.users"].search([("login", "=", "khong@thaibinh.example.com")])
        )
        # a bad address is said in words
        wizard = self.Wizard.with_user(self.user_manager).create(
            {"unit_id": self.unit_member3.id, "name": "Sai", "email": "sai-dia-chi"}
        )
        with self.assertRaisesRegex(UserError, "not a valid address"):
            wizard.action_add()

    # ------------------------------------------------------------------
    # the cluster and plan forms
    # ------------------------------------------------------------------
    def test_cluster_and_plan_form_defaults(self):
        arch = _arch(self.env, "emulation_cluster.emulation_cluster_view_form")
        # "Create Regulation" from the cluster makes a regulation
        [regulation] = arch.xpath("//field[@name='regulation_id']")
        context = safe_eval(regulation.get("context"))
        document = Form(
            self.env["emulation.document"]
            .with_user(self.user_manager)
            .with_context(**context)
        )
        self.assertEqual(document.document_type, "regulation")
        document.name = "15/QĐ-CTĐ"
        self.assertEqual(document.save().document_type, "regulation")
        # the plans' symbol is a placeholder, not a value typed after
        [symbol] = arch.xpath("//field[@name='plan_symbol']")
        self.assertEqual(symbol.get("placeholder"), "KH-CTĐ")
        form = Form(self.env["emulation.cluster"].with_user(self.user_manager))
        self.assertFalse(form.plan_symbol)
        form.name = "Cụm Thi đua các tỉnh Tây Nguyên"
        cluster = form.save()
        # "Assign Number" numbers and dates the plan (the date stays editable)
        plan = self._create_plan(
            cluster=self.cluster, year=2021, number=False, issue_date=False
        )
        cluster_plan = plan.with_user(self.user_secretariat)
        with freeze_time("2021-03-02"):
            cluster_plan.action_assign_number()
        self.assertEqual(plan.number, "1/KH-CTĐ")
        self.assertEqual(plan.issue_date, date(2021, 3, 2))
        with Form(cluster_plan) as plan_form:
            self.assertFalse(plan_form._get_modifier("issue_date", "readonly"))
            plan_form.issue_date = date(2021, 3, 5)
        self.assertEqual(plan.issue_date, date(2021, 3, 5))
        self.assertTrue(cluster)

    # ------------------------------------------------------------------
    # registration
    # ------------------------------------------------------------------
    def test_registration_form(self):
        self._issue_plan(self.plan)
        self.env["emulation.covenant"].create(
            {
                "name": "Giao ước thi đua năm 2020",
                "plan_id": self.plan.id,
                "registration_deadline": date(2020, 4, 15),
                "clause_ids": [Command.create({"text": "Hoàn thành nhiệm vụ."})],
            }
        )
        arch = _arch(self.env, "emulation_cluster.emulation_registration_view_form")
        [send] = arch.xpath("//button[@name='action_send']")
        self.assertTrue(send.get("confirm"), "sending asks first")
        award_name = self.env["emulation.registration.line"]._fields["award_name"]
        self.assertIn("award type", award_name.help)
        Registration = self.env["emulation.registration"].with_user(self.user_officer)
        form = Form(Registration)
        form.plan_id = self.plan
        with form.line_ids.new() as line:
            line.beneficiary_kind = "collective"
            line.award_type_id = self.env.ref(
                "emulation_cluster.award_type_excellent_labour_collective"
            )
            line.target = "100% chỉ tiêu"
        registration = form.save()
        form = Form(registration)
        self.assertTrue(form._get_modifier("return_reason", "invisible"))
        registration.action_send()
        form = Form(registration)
        self.assertTrue(
            form._get_modifier("return_reason", "invisible"),
            "never returned: no empty reason shown to the unit",
        )
        # the secretariat, who may return it, sees the field
        form = Form(registration.with_user(self.user_secretariat))
        self.assertFalse(form._get_modifier("return_reason", "invisible"))
        form.return_reason = "Thiếu chỉ tiêu cá nhân."
        form.save()
        registration.with_user(self.user_secretariat).action_return()
        form = Form(registration)
        self.assertFalse(form._get_modifier("return_reason", "invisible"))


@tagged("post_install", "-at_install")
class TestOfficerFirstScreen(EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls._create_plan(year=2020)
        cls.env["emulation.obligation"].create(
            [
                {
                    "name": "Báo cáo tổng kết năm",
                    "plan_id": cls.plan.id,
                    "kind": "annual_report",
                    "deadline": date(2020, 11, 20),
                },
                {
                    "name": "Báo cáo sơ kết 6 tháng",
                    "plan_id": cls.plan.id,
                    "kind": "mid_year_report",
                    "deadline": date(2020, 6, 15),
                },
            ]
        )
        cls._issue_plan(cls.plan)
        cls.action = cls.env.ref("emulation_cluster.emulation_unit_duty_action")

    def _landing_rows(self, user):
        """The rows the user's landing action shows, as the list does."""
        context = safe_eval(self.action.context)
        domain = []
        if context.get("search_default_my_unit"):
            domain = [("is_my_unit", "=", True)]
        Duty = self.env[self.action.res_model].with_user(user)
        return Duty.search(domain)

    def test_officer_sees_his_unit_dues_soonest_first(self):
        with freeze_time("2020-06-10"):
            rows = self._landing_rows(self.user_officer)
            self.assertEqual(
                rows.mapped("name"),
                ["Báo cáo sơ kết 6 tháng", "Báo cáo tổng kết năm"],
            )
            self.assertEqual(rows.partner_id, self.unit_member3)
            self.assertEqual(rows[0].due_text, "5 day(s) left")
            self.assertEqual(rows[0].action_open()["res_id"], rows[0].res_id)
        with freeze_time("2020-06-18"):
            # days left are counted from today: not kept from before
            self.env.invalidate_all()
            rows = self._landing_rows(self.user_officer)
            self.assertEqual(rows[0].due_text, "3 day(s) overdue")
            self.assertTrue(rows[0].is_overdue)
        # the activity of the issue says what is due, the first deadline
        activity = self.plan.activity_ids.filtered(
            lambda act: act.user_id == self.user_officer
        )
        self.assertIn("15/6/2020", activity.summary)
        self.assertIn("Báo cáo tổng kết năm", str(activity.note))
        # archived (withdrawn), a filing is no longer owed
        submission = self.env["emulation.submission"].search(
            [
                ("plan_id", "=", self.plan.id),
                ("partner_id", "=", self.unit_member3.id),
                ("deadline", "=", date(2020, 6, 15)),
            ]
        )
        submission.action_archive()
        self.assertEqual(len(self._landing_rows(self.user_officer)), 1)
        # another unit's officer sees his own unit's only
        self.assertEqual(
            self._landing_rows(self.user_deputy).partner_id, self.unit_deputy
        )
        self.assertFalse(self._landing_rows(self.user_officer_other))

    def test_closing_the_year_closes_its_activities(self):
        officer_activities = self.env["mail.activity"].search(
            [("user_id", "=", self.user_officer.id)]
        )
        self.assertTrue(officer_activities)
        self.plan.with_user(self.user_secretariat).action_close()
        self.assertFalse(
            self.env["mail.activity"].search(
                [("user_id", "in", (self.user_officer | self.user_deputy).ids)]
            )
        )
        self.assertFalse(
            self._landing_rows(self.user_officer), "a closed year owes nothing"
        )

    def test_demo_officer_lands_on_what_his_unit_owes(self):
        officer = self.env.ref("emulation_cluster.user_unit_officer_demo")
        self.assertEqual(officer.action_id.id, self.action.id)
        rows = self._landing_rows(officer)
        self.assertTrue(rows)
        self.assertEqual(rows.partner_id, officer.emulation_unit_id)
        deadlines = [row.deadline or date.max for row in rows]
        self.assertEqual(deadlines, sorted(deadlines))
        # the demo's year closed: nothing of it is left open for him
        demo_plan = self.env.ref("emulation_cluster.plan_2020_bac_bo_demo")
        demo_plan.with_user(
            self.env.ref("emulation_cluster.user_secretariat_demo")
        ).action_close()
        closed_plans = self.env["emulation.plan"].search([("state", "=", "closed")])
        open_activities = self.env["mail.activity"].search(
            [("user_id", "=", officer.id)]
        )
        for activity in open_activities:
            record = self.env[activity.res_model].browse(activity.res_id)
            if record._name == "emulation.plan":
                plan = record
            elif "plan_id" in record._fields:
                plan = record.plan_id
            else:
                continue
            self.assertNotIn(plan, closed_plans, activity.summary)
        self.assertFalse(
            self._landing_rows(officer).filtered(lambda row: row.plan_id == demo_plan)
        )

    def test_demo_users_log_in_with_their_login(self):
        """The README's demo logins: each one's password is the login."""
        credential = {"type": "password"}
        for xmlid in DEMO_USERS:
            user = self.env.ref(f"emulation_cluster.{xmlid}")
            info = user.with_user(user)._check_credentials(
                dict(credential, login=user.login, password=user.login),
                {"interactive": False},
            )
            self.assertEqual(info["uid"], user.id)
        with self.assertRaises(AccessDenied):
            user.with_user(user)._check_credentials(
                dict(credential, login=user.login, password="demo"),
                {"interactive": False},
            )


@tagged("post_install", "-at_install")
class TestCriteriaScreens(EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_vietnamese()
        cls.user_manager.lang = "vi_VN"
        cls.template = cls.env["emulation.criterion.template"].create(
            {
                "name": "Bộ tiêu chí Tây Nguyên",
                "document_id": cls.guidance.id,
                "date_from": date(2027, 1, 1),
            }
        )

    def test_import_the_sample_spreadsheet_from_the_template(self):
        """As the manager in Vietnamese: the template's Criteria button, the
        list's Import (offered: the list may create), the sample file it
        offers, its Vietnamese columns matched, imported into the template."""
        action = self.template.with_user(self.user_manager).action_open_criteria()
        arch = _arch(self.env, "emulation_cluster.emulation_criterion_view_list")
        self.assertNotIn(arch.get("create"), ("0", "false", "False"))
        self.assertNotIn(arch.get("import"), ("0", "false", "False"))
        Criterion = (
            self.env["emulation.criterion"]
            .with_user(self.user_manager)
            .with_context(lang="vi_VN", **action["context"])
        )
        [sample] = Criterion.get_import_templates()
        self.assertTrue(sample["template"].endswith("emulation_criteria_vi.xlsx"))
        path = sample["template"].lstrip("/")
        with file_open(path, "rb") as handle:
            content = handle.read()
        wizard = (
            self.env["base_import.import"]
            .with_user(self.user_manager)
            .with_context(lang="vi_VN", **action["context"])
            .create(
                {
                    "res_model": "emulation.criterion",
                    "file": content,
                    "file_name": "emulation_criteria_vi.xlsx",
                    "file_type": XLSX,
                }
            )
        )
        preview = wizard.parse_preview({"has_headers": True})
        self.assertFalse(preview.get("error"), preview)
        fields = ["/".join(match) for match in preview["matches"].values()]
        self.assertEqual(
            fields,
            [
                "code",
                "name",
                "parent_id",
                "kind",
                "max_points",
                "points_per_item",
                "evidence",
            ],
        )
        result = wizard.execute_import(fields, preview["headers"], IMPORT_OPTIONS)
        self.assertFalse(result["messages"], result["messages"])
        criteria = {c.code: c for c in self.template.criterion_ids}
        self.assertEqual(len(criteria), 8)
        self.assertEqual(criteria["I.2"].parent_id, criteria["I"])
        self.assertEqual(criteria["I.2"].kind, "counted")
        self.assertEqual(criteria["II.1"].kind, "pass_fail")
        self.assertEqual(self.template.total_max, 100)
        self.assertFalse(self.template.structure_errors)
        self.template.with_user(self.user_manager).action_validate()
        self.assertEqual(self.template.state, "validated")

    def test_typing_criteria_under_a_group_typed_in_the_same_edit(self):
        form = Form(self.template.with_user(self.user_manager))
        for code, name, parent, kind, maximum in (
            ("I", "Nhiệm vụ chuyên môn", "", "group", 0),
            ("I.1", "Kết quả nhiệm vụ", "I", "scored", 40),
            ("I.2", "Sáng kiến", "I", "pass_fail", 20),
            ("II", "Công tác thi đua", "", "group", 0),
            ("II.1", "Báo cáo đúng hạn", "II", "scored", 40),
            ("II.2", "Cờ thi đua", "II", "bonus", 5),
        ):
            with form.criterion_ids.new() as line:
                line.code = code
                line.name = name
                line.kind = kind
                line.parent_code = parent
                line.max_points = maximum
        # the groups' maxima and the total add up as one types, unsaved
        maxima = {
            record["code"]: record["max_points"]
            for record in form.criterion_ids._records
        }
        self.assertEqual(maxima["I"], 60)
        self.assertEqual(maxima["II"], 40)
        self.assertEqual(form.total_max, 100)
        template = form.save()
        criteria = {c.code: c for c in template.criterion_ids}
        self.assertEqual(criteria["I.1"].parent_id, criteria["I"])
        self.assertEqual(criteria["II.2"].parent_id, criteria["II"])
        self.assertEqual((criteria["I"].max_points, template.total_max), (60, 100))
        self.assertFalse(template.structure_errors)
        template.action_validate()
        # a code that names no group is said in words, nothing saved
        other = self.env["emulation.criterion.template"].create(
            {
                "name": "Khác",
                "document_id": self.guidance.id,
                "date_from": date(2028, 1, 1),
            }
        )
        form = Form(other.with_user(self.user_manager))
        with form.criterion_ids.new() as line:
            line.code = "X.1"
            line.name = "Mồ côi"
            line.parent_code = "X"
            line.max_points = 10
        with self.assertRaises(ValidationError) as refusal:
            form.save()
        self.assertIn("X", str(refusal.exception))
        self.assertFalse(other.criterion_ids)
