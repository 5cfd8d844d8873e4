# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The year rollover: next year's draft plan from an
issued or closed one, with the leader and deputy elected at the year-end
conference or set by hand, and nothing of the past year changed."""

from datetime import date, datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from ..tools.common import shift_title_years
from .common import EmulationCommon

# what a snapshot of a record leaves out: who last wrote it and when
UNSNAPPED = {"write_date", "write_uid"}


@tagged("post_install", "-at_install")
class TestRollover(EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a leap year: the plan's first report is due on 29 February
        cls.plan = cls._create_plan(year=2024, issue_date=date(2024, 1, 15))
        cls.year_end = cls.plan.event_ids
        Event = cls.env["emulation.event"]
        cls.signing = Event.create(
            {
                "plan_id": cls.plan.id,
                "sequence": 1,
                "name": "Ký kết Giao ước thi đua năm 2024",
                "date_start": "2024-02-29 01:00:00",
                "date_precision": "early_month",
                "place": "thành phố Hải Phòng",
                "host_id": cls.unit_leader.id,
            }
        )
        cls.mid_year = Event.create(
            {
                "plan_id": cls.plan.id,
                "sequence": 2,
                "name": "Hội nghị sơ kết 6 tháng đầu năm 2024",
                "date_start": "2024-06-14 02:00:00",
                "date_stop": "2024-06-14 09:00:00",
                "date_precision": "day",
                "place": "tỉnh Nam Định",
                "host_id": cls.unit_deputy.id,
                "duty_ids": [
                    Command.create(
                        {"role": "deputy", "description": "triển khai giấy mời"}
                    )
                ],
            }
        )
        Obligation = cls.env["emulation.obligation"]
        cls.leap_report, cls.self_scoring, cls.dossier = Obligation.create(
            [
                {
                    "plan_id": cls.plan.id,
                    "sequence": 1,
                    "name": "Báo cáo tháng 2 năm 2024",
                    "deadline": date(2024, 2, 29),
                },
                {
                    "plan_id": cls.plan.id,
                    "sequence": 2,
                    "name": "Bảng tự chấm điểm thi đua năm 2024",
                    "kind": "self_scoring",
                    "deadline": date(2024, 11, 20),
                },
                {
                    "plan_id": cls.plan.id,
                    "sequence": 3,
                    "name": "Hồ sơ đề nghị khen thưởng",
                    "kind": "award_dossier",
                    "recipient_id": cls.council.id,
                    "note": "theo hướng dẫn của Hội đồng",
                },
            ]
        )
        cls._issue_plan(cls.plan)
        cls.signing.state_reason = "Dịch bệnh: ký kết qua văn bản."
        cls.signing.action_cancel()
        cls.covenant = cls.env["emulation.covenant"].create(
            {
                "name": "Giao ước thi đua năm 2024",
                "plan_id": cls.plan.id,
                "signing_mode": "document",
                "signing_event_id": cls.signing.id,
                "registration_deadline": date(2024, 4, 15),
                "clause_ids": [
                    Command.create({"sequence": 1, "text": "Hoàn thành nhiệm vụ."}),
                    Command.create(
                        {
                            "sequence": 2,
                            "text": "Nộp báo cáo đúng hạn.",
                            "target": "100% báo cáo đúng hạn",
                        }
                    ),
                ],
            }
        )
        cls.covenant.action_send_for_signature()
        template = cls.env["emulation.criterion.template"].create(
            {
                "name": "Bảng tiêu chí",
                "document_id": cls.guidance.id,
                "date_from": date(2020, 1, 1),
            }
        )
        group = cls.env["emulation.criterion"].create(
            {
                "template_id": template.id,
                "code": "I",
                "name": "Tiêu chí I",
                "kind": "group",
                "max_points": 20,
            }
        )
        cls.env["emulation.criterion"].create(
            {
                "template_id": template.id,
                "code": "I.1",
                "name": "Tiêu chí I.1",
                "parent_id": group.id,
                "kind": "scored",
                "max_points": 20,
            }
        )
        template.action_validate()
        cls.criteria = template._copy_for_plan(cls.plan)
        cls.criteria.action_validate()
        # the 2024 year-end conference elected 2025's leader and deputy
        cls.term = cls.env["emulation.cluster.term"].create(
            {
                "cluster_id": cls.cluster.id,
                "year": 2025,
                "leader_id": cls.unit_deputy.id,
                "deputy_id": cls.unit_member3.id,
            }
        )
        cls.Plan = cls.env["emulation.plan"].with_context(active_test=False)

    def _wizard(self, plan=None, user=None, **vals):
        return (
            self.env["emulation.plan.rollover.wizard"]
            .with_user(user or self.user_secretariat)
            .create({"plan_id": (plan or self.plan).id, **vals})
        )

    def _roll_over(self, plan=None, user=None, **vals):
        action = self._wizard(plan, user, **vals).action_confirm()
        return self.env["emulation.plan"].browse(action["res_id"])

    def _plans_of(self, year, cluster=None):
        return self.Plan.search(
            [("cluster_id", "=", (cluster or self.cluster).id), ("year", "=", year)]
        )

    def _snapshot(self, records):
        """Every stored value of ``records``, as read from the database."""
        self.env.invalidate_all()
        names = [
            name
            for name, field in records._fields.items()
            if field.store and name not in UNSNAPPED
        ]
        return records.sudo().with_context(active_test=False).read(names)

    # ------------------------------------------------------------------
    # next year, right
    # ------------------------------------------------------------------
    def test_01_next_years_plan(self):
        new = self._roll_over()
        self.assertEqual(
            (new.year, new.state, new.leader_id, new.deputy_id, new.previous_plan_id),
            (2025, "draft", self.unit_deputy, self.unit_member3, self.plan),
        )
        self.assertEqual(new.name, f"Kế hoạch hoạt động {self.cluster.name} năm 2025")
        self.assertFalse(new.number or new.issue_date, "numbered and dated anew")
        # the new leader signs: the old leader's place and signer are not kept
        self.assertFalse(new.signer_name or new.issue_place)
        self.assertEqual(str(new.purpose), str(self.plan.purpose))
        self.assertEqual(self.plan.next_plan_id, new)
        self.assertTrue(new.has_previous_plan)
        # the legal bases, to review
        self.assertEqual(new.basis_ids.document_id, self.guidance)
        self.assertEqual(new.basis_ids.text, self.plan.basis_ids.text)
        review = new.activity_ids
        self.assertEqual(review.user_id, self.user_secretariat)
        self.assertIn("2025", str(review.note), "in the secretariat's language")
        # activities: a year later, the precision kept, the course reset
        events = {event.name: event for event in new.event_ids}
        self.assertEqual(len(events), 3)
        signing = events["Ký kết Giao ước thi đua năm 2025"]
        self.assertEqual(
            (signing.date_start, signing.date_precision, signing.state),
            (datetime(2025, 2, 28, 1, 0), "early_month", "planned"),
        )
        self.assertFalse(signing.state_reason)
        self.assertEqual(signing.planned_time_text, "đầu tháng 2/2025")
        year_end = events["Hội nghị tổng kết năm 2025"]
        self.assertEqual(year_end.planned_time_text, "Dự kiến trong tháng 12/2025")
        self.assertEqual(year_end.date_start, datetime(2025, 12, 5, 1, 0))
        mid_year = events["Hội nghị sơ kết 6 tháng đầu năm 2025"]
        self.assertEqual(
            (mid_year.date_start, mid_year.date_stop, mid_year.date_precision),
            (datetime(2025, 6, 14, 2, 0), datetime(2025, 6, 14, 9, 0), "day"),
        )
        # hosted by the deputy: the new deputy, whose place is still to say
        self.assertEqual((mid_year.host_id, mid_year.place), (self.unit_member3, False))
        self.assertEqual(mid_year.duty_ids.description, "triển khai giấy mời")
        self.assertEqual(signing.host_id, self.unit_deputy, "the new leader hosts")
        # obligations: a year later, 29 February on 28 February
        obligations = {ob.name: ob for ob in new.obligation_ids}
        leap = obligations["Báo cáo tháng 2 năm 2025"]
        self.assertEqual(leap.deadline, date(2025, 2, 28))
        self.assertEqual(leap.recipient_id, self.unit_deputy, "to the new leader")
        self.assertEqual(leap.email, self.unit_deputy.email)
        scoring = obligations["Bảng tự chấm điểm thi đua năm 2025"]
        self.assertEqual(
            (scoring.deadline, scoring.kind), (date(2025, 11, 20), "self_scoring")
        )
        dossier = obligations["Hồ sơ đề nghị khen thưởng"]
        self.assertEqual(
            (dossier.deadline, dossier.recipient_id, dossier.note),
            (False, self.council, "theo hướng dẫn của Hội đồng"),
        )
        self.assertEqual(set(new.obligation_ids.mapped("state")), {"open"})
        self.assertFalse(new.submission_ids, "nobody owes a draft's reports")
        # the covenant's clauses, in a draft
        covenant = new.covenant_id
        self.assertEqual(
            (covenant.name, covenant.state, covenant.signing_event_id),
            ("Giao ước thi đua năm 2025", "draft", signing),
        )
        self.assertEqual(
            covenant.clause_ids.mapped("text"),
            ["Hoàn thành nhiệm vụ.", "Nộp báo cáo đúng hạn."],
        )
        self.assertEqual(covenant.clause_ids[1].target, "100% báo cáo đúng hạn")
        self.assertEqual(covenant.registration_deadline, date(2025, 4, 15))
        self.assertEqual(covenant.signature_deadline, date(2025, 2, 28))
        self.assertEqual(covenant.signing_mode, "conference")
        self.assertFalse(covenant.signature_ids)
        # the year's criteria: a copy of last year's
        criteria = new.criterion_template_id
        self.assertEqual(criteria.source_template_id, self.criteria)
        self.assertEqual(criteria.version, "2025")
        self.assertEqual(sorted(criteria.criterion_ids.mapped("code")), ["I", "I.1"])
        self.assertFalse(criteria.criterion_ids & self.criteria.criterion_ids)
        # the chatter says where it comes from and who leads
        text = "\n".join(str(body) for body in new.message_ids.mapped("body"))
        self.assertIn("year rollover", text)
        self.assertIn("elected by the year-end conference", text)

    def test_02_members_on_1_january_and_successors(self):
        """The members are those of 1 January; the dialog names the units
        whose successor has no membership yet; no membership changes."""
        Membership = self.env["emulation.cluster.membership"]
        merged = self.env["res.partner"].create(
            {"name": "Sở Nội vụ sau sáp nhập (test)", "is_company": True}
        )
        newcomer = self.env["res.partner"].create(
            {"name": "Sở Nội vụ mới (test)", "is_company": True}
        )
        self.unit_member4.emulation_successor_id = merged
        self.cluster.membership_ids.filtered(
            lambda m: m.partner_id == self.unit_member4
        ).date_end = date(2024, 12, 31)
        Membership.create(
            {
                "cluster_id": self.cluster.id,
                "partner_id": newcomer.id,
                "date_start": date(2025, 1, 1),
            }
        )
        memberships = self._snapshot(Membership.search([]))
        dialog = Form(
            self.env["emulation.plan.rollover.wizard"]
            .with_user(self.user_secretariat)
            .with_context(default_plan_id=self.plan.id)
        )
        members = self.unit_leader | self.unit_deputy | self.unit_member3 | newcomer
        self.assertEqual(dialog.member_count, 4)
        self.assertEqual(
            dialog.successor_warning,
            f"{self.unit_member4.name} names {merged.name} as its successor, "
            "which has no membership of the cluster yet.",
        )
        self.assertTrue(dialog.is_elected)
        self.assertEqual(dialog.leader_id, self.unit_deputy)
        wizard = dialog.save()
        self.assertEqual(wizard.member_ids, members)
        new = self.env["emulation.plan"].browse(wizard.action_confirm()["res_id"])
        self.assertEqual(
            new.cluster_id._get_members_at(new._get_reference_date()), members
        )
        self.assertNotIn(self.unit_member4, new.member_unit_ids)
        self.assertEqual(self._snapshot(Membership.search([])), memberships)
        self.assertIn(merged.name, "\n".join(new.message_ids.mapped("body")))
        # once the successor is a member, nothing to warn of
        Membership.create(
            {
                "cluster_id": self.cluster.id,
                "partner_id": merged.id,
                "date_start": date(2025, 1, 1),
            }
        )
        self.assertFalse(self._wizard().successor_warning)

    def test_03_the_past_year_is_untouched(self):
        old = {
            "plan": self.plan,
            "events": self.plan.with_context(active_test=False).event_ids,
            "duties": self.plan.event_ids.duty_ids,
            "obligations": self.plan.obligation_ids,
            "bases": self.plan.basis_ids,
            "covenant": self.covenant,
            "clauses": self.covenant.clause_ids,
            "signatures": self.covenant.signature_ids,
            "criteria": self.criteria,
            "criteria_lines": self.criteria.criterion_ids,
            "submissions": self.plan.submission_ids,
            "term": self.term,
        }
        before = {key: self._snapshot(records) for key, records in old.items()}
        messages = self.plan.message_ids
        self._roll_over()
        for key, records in old.items():
            self.assertEqual(self._snapshot(records), before[key], key)
        self.assertEqual(self.plan.message_ids, messages)
        self.assertEqual(self.plan.state, "issued")

    # ------------------------------------------------------------------
    # refusals: nothing changes
    # ------------------------------------------------------------------
    def test_04_a_year_rolls_over_once(self):
        new = self._roll_over()
        new.sudo().write({"number": "999/KH-BÍ-MẬT"})
        for action in (
            lambda: self._wizard().action_confirm(),
            lambda: self.plan.with_user(
                self.user_secretariat
            ).action_open_rollover_wizard(),
        ):
            with self.assertRaises(UserError) as refusal:
                action()
            message = str(refusal.exception)
            self.assertIn("already has a plan for 2025", message)
            self.assertIn("rolled over only once", message)
            self.assertNotIn("999", message)
            self.assertNotIn(new.name, message)
        # an archived plan of that year counts too
        new.sudo().action_archive()
        with self.assertRaises(UserError) as refusal:
            self._wizard().action_confirm()
        self.assertIn("only once", str(refusal.exception))
        self.assertEqual(len(self._plans_of(2025)), 1)

    def test_05_no_rollover_before_the_election(self):
        self.term.unlink()
        with self.assertRaises(UserError) as refusal:
            self._roll_over()
        self.assertIn("have not been elected yet", str(refusal.exception))
        self.assertFalse(self._plans_of(2025))
        # the leader elected, not the deputy: still refused
        self.env["emulation.cluster.term"].create(
            {
                "cluster_id": self.cluster.id,
                "year": 2025,
                "leader_id": self.unit_deputy.id,
            }
        )
        dialog = self._wizard()
        self.assertFalse(dialog.is_elected)
        self.assertEqual(dialog.leader_id, self.unit_deputy)
        with self.assertRaises(UserError) as refusal:
            dialog.action_confirm()
        self.assertIn("have not been elected yet", str(refusal.exception))
        self.assertFalse(self._plans_of(2025))

    def test_06_leader_and_deputy_set_by_hand(self):
        self.term.unlink()
        self.plan.action_close()
        reason = "Bầu tại Hội nghị tổng kết ngày 10/12/2024, biên bản giấy."
        by_hand = {
            "set_by_hand": True,
            "leader_id": self.unit_member3.id,
            "deputy_id": self.unit_member4.id,
            "hand_reason": reason,
        }
        for wrong, words in (
            ({"hand_reason": " "}, "how they were chosen"),
            ({"deputy_id": False}, "how they were chosen"),
            ({"deputy_id": self.unit_member3.id}, "different units"),
            ({"deputy_id": self.unit_other.id}, "is not a member of"),
        ):
            with self.assertRaises(UserError) as refusal:
                self._roll_over(**dict(by_hand, **wrong))
            self.assertIn(words, str(refusal.exception))
        self.assertFalse(self._plans_of(2025))
        self.assertFalse(self.cluster.term_ids)
        new = self._roll_over(**by_hand)
        self.assertEqual(
            (new.leader_id, new.deputy_id), (self.unit_member3, self.unit_member4)
        )
        term = self.cluster.term_ids
        self.assertEqual(
            (term.year, term.leader_id, term.deputy_id),
            (2025, self.unit_member3, self.unit_member4),
        )
        self.assertFalse(term.leader_poll_id or term.deputy_poll_id)
        self.assertEqual(
            (term.is_set_by_hand, term.set_by_user_id, term.set_by_hand_reason),
            (True, self.user_secretariat, reason),
        )
        text = "\n".join(new.message_ids.mapped("body"))
        self.assertIn(f"set by hand by {self.user_secretariat.name}", text)
        self.assertIn("no election was recorded", text)
        self.assertIn(reason, text)
        self.assertEqual(new.previous_plan_id, self.plan, "a closed plan too")

    def test_07_only_the_role_no_election_filled_is_set_by_hand(self):
        self.term.deputy_id = False
        with self.assertRaises(UserError) as refusal:
            self._roll_over(
                set_by_hand=True,
                leader_id=self.unit_member4.id,
                deputy_id=self.unit_member3.id,
                hand_reason="Thống nhất tại hội nghị.",
            )
        self.assertIn(
            "set by hand only the role no election filled", str(refusal.exception)
        )
        new = self._roll_over(
            set_by_hand=True,
            deputy_id=self.unit_member3.id,
            hand_reason="Thống nhất tại hội nghị.",
        )
        self.assertEqual(
            (new.leader_id, new.deputy_id), (self.unit_deputy, self.unit_member3)
        )
        text = "\n".join(new.message_ids.mapped("body"))
        self.assertIn("elected by the year-end conference", text)
        self.assertIn("set by hand", text)
        self.assertTrue(self.term.is_set_by_hand)
        self.assertEqual(self.term.leader_id, self.unit_deputy, "the elected one")

    def test_08_elected_units_are_not_set_by_hand(self):
        with self.assertRaises(UserError) as refusal:
            self._roll_over(
                set_by_hand=True,
                leader_id=self.unit_member4.id,
                deputy_id=self.unit_member3.id,
                hand_reason="Khác với kết quả bầu.",
            )
        self.assertIn("were elected by the year-end conference", str(refusal.exception))
        self.assertFalse(self._plans_of(2025))

    def test_09_only_the_clusters_secretariat_rolls_over(self):
        for user in (self.user_officer, self.user_council, self.user_deputy):
            with self.assertRaises(AccessError):
                self.plan.with_user(user).action_open_rollover_wizard()
            with self.assertRaises(AccessError):
                self._wizard(user=user)
        # another cluster's secretariat: refused, the plan not named
        with self.assertRaises(UserError) as refusal:
            self._wizard(user=self.user_secretariat_other).action_confirm()
        self.assertNotIn(self.plan.name, str(refusal.exception))
        self.assertFalse(self._plans_of(2025))
        self.assertEqual(len(self.cluster.term_ids), 1)
        # a manager serves every cluster
        self.assertEqual(self._roll_over(user=self.user_manager).year, 2025)

    def test_10_a_draft_is_not_rolled_over(self):
        draft = self._create_plan(year=2021)
        consulted = self._create_plan(year=2022)
        consulted.action_start_consultation()
        plans = self.Plan.search([("cluster_id", "=", self.cluster.id)])
        for plan, state in ((draft, "Draft"), (consulted, "Consultation")):
            with self.assertRaises(UserError) as refusal:
                self._roll_over(plan)
            self.assertIn(
                f"cannot be rolled over to next year while it is {state}",
                str(refusal.exception),
            )
        self.assertEqual(
            self.Plan.search([("cluster_id", "=", self.cluster.id)]), plans
        )

    def test_11_duplicate_points_to_the_rollover(self):
        with self.assertRaises(UserError) as refusal:
            self.plan.with_user(self.user_secretariat).copy()
        self.assertIn('"Roll Over to Next Year"', str(refusal.exception))

    def test_12_titles_name_the_new_year(self):
        shift = shift_title_years
        self.assertEqual(
            shift("Báo cáo năm 2024, phương hướng nhiệm vụ năm 2025.", 2024),
            "Báo cáo năm 2025, phương hướng nhiệm vụ năm 2026.",
        )
        for kept in (
            "kỷ niệm (28/8/1945-28/8/2024)",
            "giai đoạn 2021-2025",
            "Nghị định 30/2024/NĐ-CP",
        ):
            self.assertEqual(shift(kept, 2024), kept)

    def test_13_the_link_to_the_previous_plan_is_the_systems(self):
        new = self._roll_over()
        with self.assertRaises(UserError):
            new.with_user(self.user_secretariat).previous_plan_id = False
        with self.assertRaises(UserError):
            self.env["emulation.plan"].with_user(self.user_secretariat).create(
                {
                    "cluster_id": self.cluster.id,
                    "year": 2026,
                    "previous_plan_id": new.id,
                }
            )
        self.assertEqual(new.previous_plan_id, self.plan)
        # the officer reads the issued plan, not next year's draft
        plan = self.plan.with_user(self.user_officer)
        self.assertFalse(plan.next_plan_id)
        secretariat_view = self.plan.with_user(self.user_secretariat)
        self.assertEqual(secretariat_view.action_view_next_plan()["res_id"], new.id)
        self.assertEqual(
            new.with_user(self.user_secretariat).action_view_previous_plan()["res_id"],
            self.plan.id,
        )


@tagged("post_install", "-at_install", "emulation_fresh_install")
class TestRolloverDemo(EmulationCommon):
    """The demo's 2021 plan, rolled over by its secretariat from 2020's."""

    def test_demo_2021_plan(self):
        plan_2020 = self.env.ref("emulation_cluster.plan_2020_bac_bo_demo")
        plan = plan_2020.next_plan_id
        self.assertEqual((plan.year, plan.state), (2021, "draft"))
        self.assertEqual(plan.previous_plan_id, plan_2020)
        self.assertEqual(
            (plan.leader_id.name, plan.deputy_id.name),
            ("Sở Nội vụ tỉnh Nam Định", "Sở Nội vụ tỉnh Hà Nam"),
        )
        self.assertEqual(
            plan.name, "Hoạt động của Cụm Thi đua các tỉnh, thành Bắc Bộ năm 2021"
        )
        self.assertEqual(len(plan.event_ids), len(plan_2020.event_ids))
        self.assertEqual(set(plan.event_ids.mapped("state")), {"planned"})
        self.assertEqual(
            plan.obligation_ids.filtered("deadline").mapped("deadline"),
            [date(2021, 6, 15), date(2021, 11, 20), date(2021, 11, 20)],
        )
        self.assertEqual(
            set(plan.obligation_ids.recipient_id.mapped("name")),
            {"Sở Nội vụ tỉnh Nam Định"},
        )
        self.assertEqual(
            len(plan.covenant_id.clause_ids), len(plan_2020.covenant_id.clause_ids)
        )
        self.assertEqual(plan.criterion_template_id.version, "2021")
        self.assertEqual(
            plan.activity_ids.user_id,
            self.env.ref("emulation_cluster.user_secretariat_demo"),
        )
