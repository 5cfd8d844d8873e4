# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestPlan(EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.document = cls.env["emulation.document"].create(
            {
                "name": "462/BNV-VP",
                "document_type": "official_letter",
                "date": date(2020, 1, 31),
                "issuer_name": "Bộ Nội vụ",
                "summary": "về việc hướng dẫn và phát động phong trào thi đua năm 2020",
            }
        )

    def _new_plan_as_secretariat(self, year=2022):
        Plan = self.env["emulation.plan"].with_user(self.user_secretariat)
        return Plan.create(
            {
                "cluster_id": self.cluster.id,
                "year": year,
                "issue_date": date(year, 3, 26),
                "issue_place": "Hải Phòng",
                "leader_id": self.unit_leader.id,
                "deputy_id": self.unit_deputy.id,
                "purpose": "<p>Đẩy mạnh phong trào thi đua.</p>",
                "signer_name": "Nguyễn Văn Ký",
                "event_ids": [
                    Command.create(
                        {"name": "Hội nghị tổng kết", "date_start": f"{year}-12-05"}
                    )
                ],
            }
        )

    # ------------------------------------------------------------------
    # workflow as the secretariat
    # ------------------------------------------------------------------
    def test_workflow_as_secretariat(self):
        plan = self._new_plan_as_secretariat()
        self.assertIn(self.cluster.name, plan.name)
        plan.basis_ids = [
            (0, 0, {"document_id": self.document.id, "citation_mode": "implementing"})
        ]
        self.assertTrue(
            plan.basis_ids.text.startswith("Thực hiện Công văn số 462/BNV-VP")
        )
        plan.action_start_consultation()
        self.assertEqual(plan.state, "consultation")
        # every member but the leader is asked, the secretariat is reminded
        self.assertEqual(
            plan.consultation_ids.partner_id,
            self.unit_deputy | self.unit_member3 | self.unit_member4,
        )
        activities = plan.sudo().activity_ids
        self.assertEqual(activities.user_id, self.user_secretariat)
        self.assertEqual(plan.consultation_pending_count, 3)
        plan.consultation_ids.write(
            {"date_answered": fields.Date.today(), "opinion": "Nhất trí."}
        )
        self.assertFalse(plan.sudo().activity_ids, "reminder done once all answered")
        plan.action_assign_number()
        self.assertEqual(plan.number, "1/KH-CTĐ")
        plan.action_issue()
        self.assertEqual(plan.state, "issued")
        plan.action_close()
        self.assertEqual(plan.state, "closed")

    def test_state_changes_are_tracked(self):
        plan = self._create_plan(year=2022)
        self.env.flush_all()
        self.env.cr.precommit.run()
        plan = plan.with_context(tracking_disable=False, mail_notrack=False)
        plan.action_issue()
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()
        tracked = plan.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        self.assertEqual(tracked.new_value_char, "Issued")

    def test_wrong_state_transitions_are_refused(self):
        plan = self._create_plan(year=2022)
        with self.assertRaises(UserError):
            plan.action_close()
        with self.assertRaises(UserError):
            plan.action_open_adjustment_wizard()
        self._issue_plan(plan)
        with self.assertRaises(UserError):
            plan.action_start_consultation()
        self.assertEqual(plan.state, "issued")

    # ------------------------------------------------------------------
    # bad input
    # ------------------------------------------------------------------
    def test_second_plan_same_cluster_year_refused(self):
        self._create_plan(year=2022)
        with self.assertRaises(ValidationError):
            self._create_plan(year=2022)
        self.assertEqual(
            self.env["emulation.plan"].search_count(
                [("cluster_id", "=", self.cluster.id), ("year", "=", 2022)]
            ),
            1,
        )
        # another cluster may have its plan the same year
        self._create_plan(self.cluster_other, 2022)

    def test_leader_and_deputy_must_differ(self):
        with self.assertRaises(ValidationError):
            self._create_plan(year=2022, deputy_id=self.unit_leader.id)
        self.assertFalse(self.env["emulation.plan"].search([("year", "=", 2022)]))

    def test_leader_and_deputy_must_be_members_on_plan_date(self):
        with self.assertRaises(ValidationError):
            self._create_plan(year=2022, deputy_id=self.unit_other.id)
        # a member whose membership ended before the plan's date
        self.cluster.membership_ids.filtered(
            lambda m: m.partner_id == self.unit_member4
        ).date_end = date(2021, 12, 31)
        with self.assertRaises(ValidationError):
            self._create_plan(year=2022, deputy_id=self.unit_member4.id)
        plan = self._create_plan(year=2021, deputy_id=self.unit_member4.id)
        self.assertEqual(plan.deputy_id, self.unit_member4)

    def test_issue_requires_leader_deputy_number_date(self):
        for field_name in ("leader_id", "deputy_id", "number", "issue_date"):
            plan = self._create_plan(year=2022, **{field_name: False})
            with self.assertRaises(UserError):
                plan.action_issue()
            self.assertEqual(plan.state, "draft")
            plan.unlink()

    def test_issue_refusal_names_what_is_missing(self):
        """The secretariat is told, by their labels, what the plan lacks:
        a purpose with tags only (what an emptied editor leaves) is
        missing; the plan stays a draft."""
        plan = self._create_plan(
            year=2022, signer_name=False, purpose="<p><br></p>", event_ids=[]
        )
        with self.assertRaises(UserError) as refused:
            plan.with_user(self.user_secretariat).action_open_issue_wizard()
        message = str(refused.exception)
        for label in (
            "Purpose and Requirements",
            "Signer Name",
            "at least one activity or obligation",
        ):
            self.assertIn(label, message)
        for label in ("Number-Symbol", "Leader Unit", "Legal Bases"):
            self.assertNotIn(label, message)
        self.assertEqual(plan.state, "draft")

    def test_issued_plan_is_locked(self):
        plan = self._issue_plan(self._create_plan(year=2022))
        plan_sec = plan.with_user(self.user_secretariat)
        with self.assertRaises(UserError):
            plan_sec.name = "Changed"
        with self.assertRaises(UserError):
            plan_sec.basis_ids = [(0, 0, {"document_id": self.document.id})]
        self.assertNotEqual(plan.name, "Changed")
        self.assertEqual(len(plan.basis_ids), 1)
        with self.assertRaises(UserError):
            plan.unlink()

    def test_obligation_deadline_within_plan(self):
        plan = self._create_plan(year=2022)
        Obligation = self.env["emulation.obligation"]
        for deadline in (date(2022, 3, 1), date(2023, 1, 5)):
            with self.assertRaises(ValidationError):
                Obligation.create(
                    {"name": "Báo cáo", "plan_id": plan.id, "deadline": deadline}
                )
        self.assertFalse(plan.obligation_ids)
        obligation = Obligation.create(
            {"name": "Báo cáo", "plan_id": plan.id, "deadline": date(2022, 6, 15)}
        )
        # by default sent to the leader, at its address
        self.assertEqual(obligation.recipient_id, self.unit_leader)
        self.assertEqual(obligation.email, "leader@example.com")
        self.assertEqual(
            obligation._get_expected_units()[obligation.id],
            self.unit_deputy | self.unit_member3 | self.unit_member4,
            "every member but the leader, which receives the reports",
        )
        # moving the plan's date after a deadline is refused too
        with self.assertRaises(ValidationError):
            plan.issue_date = date(2022, 7, 1)

    # ------------------------------------------------------------------
    # adjustments
    # ------------------------------------------------------------------
    def _propose(self, plan, consent_mode="deputy_user", user=None):
        """The leader's secretariat proposes an adjustment through the
        wizard; returns the revision."""
        wizard = Form(
            self.env["emulation.plan.adjustment.wizard"]
            .with_user(user or self.user_secretariat)
            .with_context(default_plan_id=plan.id)
        )
        wizard.description = "Hội nghị sơ kết chuyển sang tháng 7"
        wizard.consent_mode = consent_mode
        if consent_mode == "document":
            wizard.agreement_document_id = self.document
        wizard.save().action_confirm()
        return plan.sudo().revision_ids.sorted("revision_number")[-1]

    def test_adjustment_agreed_by_deputy(self):
        plan = self._issue_plan(self._create_plan(year=2022))
        old_name = plan.name
        plan_sec = plan.with_user(self.user_secretariat)
        revision = self._propose(plan)
        # the deputy unit is asked; the plan stays locked until it agrees
        self.assertEqual(revision.state, "proposed")
        self.assertEqual(revision.deputy_id, self.unit_deputy)
        self.assertEqual(revision.activity_ids.user_id, self.user_deputy)
        self.assertFalse(plan.adjustment_in_progress)
        with self.assertRaises(UserError):
            plan_sec.name = "Kế hoạch điều chỉnh"
        # the proposer cannot agree in the deputy's place
        with self.assertRaises(UserError):
            revision.with_user(self.user_secretariat).action_agree()
        revision.with_user(self.user_deputy).action_agree()
        self.assertEqual(revision.state, "agreed")
        self.assertEqual(revision.consent_mode, "deputy_user")
        self.assertEqual(revision.agreed_by_id, self.user_deputy)
        self.assertEqual(revision.agreed_unit_id, self.unit_deputy)
        self.assertEqual(revision.proposed_by_id, self.unit_leader)
        self.assertEqual(revision.previous_values["name"], old_name)
        self.assertIn(old_name, revision.previous_version_html)
        self.assertFalse(revision.activity_ids, "the request is done")
        # the plan is editable until the adjustment is finished
        self.assertEqual(plan.revision_number, 1)
        plan_sec.name = "Kế hoạch điều chỉnh"
        plan_sec.action_finish_adjustment()
        with self.assertRaises(UserError):
            plan_sec.name = "Again"
        self.assertEqual(plan.name, "Kế hoạch điều chỉnh")
        # the deputy's written consent, recorded by the secretariat with it
        written = self._propose(plan, "document")
        self.assertEqual(written.state, "agreed")
        self.assertEqual(written.consent_mode, "document")
        self.assertEqual(written.agreement_document_id, self.document)
        self.assertEqual(written.agreed_by_id, self.user_secretariat)
        self.assertEqual(written.agreed_unit_id, self.unit_deputy)
        plan_sec.action_finish_adjustment()
        # a manager may agree too, recorded as such
        by_manager = self._propose(plan, "manager", user=self.user_manager)
        self.assertEqual(by_manager.consent_mode, "manager")
        self.assertEqual(plan.revision_number, 3)

    def test_adjustment_agreed_by_other_unit_refused(self):
        plan = self._issue_plan(self._create_plan(year=2022))
        revision = self._propose(plan)
        for user in (self.user_officer, self.user_secretariat, self.user_officer_other):
            with self.assertRaises(UserError):  # AccessError included
                revision.with_user(user).action_agree()
        # the secretariat cannot agree "as a manager", nor record a written
        # consent without its document
        Wizard = self.env["emulation.plan.adjustment.wizard"].with_user(
            self.user_secretariat
        )
        for mode in ("manager", "document"):
            wizard = Wizard.create(
                {"plan_id": plan.id, "description": "X", "consent_mode": mode}
            )
            with self.assertRaises(UserError):
                wizard.action_confirm()
        self.assertEqual(plan.revision_ids, revision)
        self.assertEqual(revision.state, "proposed")
        self.assertFalse(plan.adjustment_in_progress)
        self.assertEqual(plan.revision_number, 0)
        # the deputy refuses, with a reason
        deputy_view = revision.with_user(self.user_deputy)
        with self.assertRaises(UserError):
            deputy_view.action_refuse()
        deputy_view.refusal_reason = "Chưa thống nhất thời gian."
        deputy_view.action_refuse()
        self.assertEqual(revision.state, "refused")
        self.assertFalse(plan.adjustment_in_progress)

    def test_adjustment_refused_in_vietnamese(self):
        self._load_vietnamese()
        plan = self._issue_plan(self._create_plan(year=2022))
        revision = self._propose(plan)
        with self.assertRaises(UserError) as refusal:
            revision.with_user(self.user_secretariat).with_context(
                lang="vi_VN"
            ).action_agree()
        self.assertIn("Chỉ đơn vị Cụm phó", str(refusal.exception))
        self.assertIn(self.unit_deputy.name, str(refusal.exception))
        self.assertEqual(revision.state, "proposed")

    # ------------------------------------------------------------------
    # security
    # ------------------------------------------------------------------
    def test_officer_reads_issued_plan_of_his_cluster_only(self):
        draft = self._create_plan(year=2022)
        issued = self._issue_plan(self._create_plan(year=2021))
        self.env["emulation.obligation"].create(
            {"name": "Báo cáo", "plan_id": issued.id, "deadline": date(2021, 6, 15)}
        )
        other_draft = self._create_plan(self.cluster_other, 2022)
        Plan = self.env["emulation.plan"].with_user(self.user_officer)
        self.assertEqual(Plan.search([]), issued)
        self.assertEqual(
            issued.with_user(self.user_officer).obligation_ids.name, "Báo cáo"
        )
        with self.assertRaises(AccessError):
            issued.with_user(self.user_officer).name = "Changed"
        with self.assertRaises(AccessError):
            draft.with_user(self.user_officer).check_access("read")
        with self.assertRaises(AccessError):
            other_draft.with_user(self.user_officer).check_access("read")
        # the other cluster's officer sees neither
        self.assertFalse(
            self.env["emulation.plan"].with_user(self.user_officer_other).search([])
        )

    def test_former_member_reads_the_plans_of_its_years_only(self):
        plan_2021 = self._issue_plan(self._create_plan(year=2021))
        plan_2022 = self._issue_plan(self._create_plan(year=2022))
        # the unit leaves the cluster at the end of 2021 (e.g. a merger)
        self.cluster.membership_ids.filtered(
            lambda m: m.partner_id == self.unit_member3
        ).date_end = date(2021, 12, 31)
        self.assertIn(self.unit_member3, plan_2021.member_unit_ids)
        self.assertNotIn(self.unit_member3, plan_2022.member_unit_ids)
        Plan = self.env["emulation.plan"].with_user(self.user_officer)
        self.assertEqual(Plan.search([("year", "in", (2021, 2022))]), plan_2021)
        plan_2021.with_user(self.user_officer).check_access("read")
        with self.assertRaises(AccessError):
            plan_2022.with_user(self.user_officer).check_access("read")

    def test_new_member_does_not_read_earlier_plans(self):
        plan_2021 = self._issue_plan(self._create_plan(year=2021))
        newcomer = self.env["res.partner"].create(
            {"name": "Sở Nội vụ mới", "is_company": True}
        )
        self.env["emulation.cluster.membership"].create(
            {
                "cluster_id": self.cluster.id,
                "partner_id": newcomer.id,
                "date_start": date(2022, 1, 1),
            }
        )
        self.assertNotIn(newcomer, plan_2021.member_unit_ids)

    def test_secretariat_sees_only_clusters_served(self):
        plan = self._create_plan(year=2022)
        other = self._create_plan(self.cluster_other, 2022)
        Plan = self.env["emulation.plan"].with_user(self.user_secretariat)
        self.assertEqual(Plan.search([("year", "=", 2022)]), plan)
        with self.assertRaises(AccessError):
            other.with_user(self.user_secretariat).name = "Changed"
        with self.assertRaises(AccessError):
            Plan.create(
                {
                    "cluster_id": self.cluster_other.id,
                    "year": 2023,
                    "leader_id": self.unit_other.id,
                    "deputy_id": self.unit_other2.id,
                }
            )

    def test_council_and_manager_read_all(self):
        self._create_plan(year=2022)
        self._create_plan(self.cluster_other, 2022)
        council_plans = (
            self.env["emulation.plan"]
            .with_user(self.user_council)
            .search([("year", "=", 2022)])
        )
        self.assertEqual(len(council_plans), 2)
        with self.assertRaises(AccessError):
            council_plans[0].name = "Changed"
        manager_plans = (
            self.env["emulation.plan"]
            .with_user(self.user_manager)
            .search([("year", "=", 2022)])
        )
        self.assertEqual(len(manager_plans), 2)
        manager_plans[0].issue_place = "Hà Nội"

    def test_portal_user_cannot_read_plans(self):
        plan = self._issue_plan(self._create_plan(year=2021))
        with self.assertRaises(AccessError):
            plan.with_user(self.user_portal).check_access("read")

    @mute_logger("odoo.models.unlink")
    def test_draft_plan_can_be_deleted(self):
        plan = self._create_plan(year=2022)
        plan.unlink()
        self.assertFalse(plan.exists())
