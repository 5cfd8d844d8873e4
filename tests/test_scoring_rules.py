# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from contextlib import contextmanager
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestScoringRules(EmulationCommon):
    """Rules as configuration and criteria templates: legal basis, validity,
    scope, the rule chosen by the date of the act, each kind's arithmetic, the
    template's structure, its copy into a plan's year and the import of a
    criteria spreadsheet."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rule = cls.env["emulation.rule"].with_user(cls.user_manager)
        cls.Template = cls.env["emulation.criterion.template"].with_user(
            cls.user_manager
        )
        cls.decree_98 = cls.env["emulation.document"].create(
            {
                "name": "98/2023/NĐ-CP",
                "document_type": "decree",
                "date": date(2023, 12, 31),
            }
        )
        cls.decree_152 = cls.env["emulation.document"].create(
            {
                "name": "152/2025/NĐ-CP",
                "document_type": "decree",
                "date": date(2025, 6, 14),
            }
        )

    def _classification_rule(self, document, date_from, date_to, levels, **vals):
        return self.Rule.create(
            {
                "name": f"Xếp loại {date_from.year}",
                "rule_type": "classification",
                "document_id": document.id,
                "date_from": date_from,
                "date_to": date_to,
                "classification_ids": [
                    Command.create(
                        {"name": name, "min_points": points, "min_group_percent": pct}
                    )
                    for name, points, pct in levels
                ],
                **vals,
            }
        )

    def _template(self, criteria, **vals):
        """A draft template from ``(code, parent code, kind, max, per item)``."""
        template = self.Template.create(
            {
                "name": "Bảng tiêu chí",
                "document_id": self.guidance.id,
                "date_from": date(2020, 1, 1),
                **vals,
            }
        )
        by_code = {}
        for code, parent, kind, maximum, per_item in criteria:
            by_code[code] = (
                self.env["emulation.criterion"]
                .with_user(self.user_manager)
                .create(
                    {
                        "template_id": template.id,
                        "code": code,
                        "name": f"Tiêu chí {code}",
                        "parent_id": by_code[parent].id if parent else False,
                        "kind": kind,
                        "max_points": maximum,
                        "points_per_item": per_item,
                    }
                )
            )
        return template, by_code

    @contextmanager
    def _refused(self, exception, pattern):
        """assertRaisesRegex that also rolls back what the refused call
        wrote, as assertRaises does in Odoo's tests."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)

    CRITERIA = [
        ("I", None, "group", 60, 0),
        ("I.1", "I", "scored", 20, 0),
        ("I.2", "I", "target", 20, 0),
        ("I.3", "I", "group", 20, 0),
        ("I.3.a", "I.3", "counted", 10, 2),
        ("I.3.b", "I.3", "pass_fail", 10, 0),
        ("II", None, "group", 40, 0),
        ("II.1", "II", "scored", 40, 0),
        ("III", None, "group", 0, 0),
        ("III.1", "III", "bonus", 15, 0),
        ("III.2", "III", "penalty", 10, 0),
    ]

    # ------------------------------------------------------------------
    # rules
    # ------------------------------------------------------------------
    def test_rule_without_legal_basis_applies_to_nothing(self):
        """A version being prepared has no legal basis yet: it is never
        confirmed and applies to nothing; a confirmed rule keeps its basis."""
        with self._refused(ValidationError, "legal basis"):
            self.Rule.create(
                {
                    "name": "Không căn cứ",
                    "date_from": date(2020, 1, 1),
                    "is_confirmed": True,
                }
            )
        draft = self.Rule.create(
            {"name": "Không căn cứ", "date_from": date(2020, 1, 1)}
        )
        self.assertFalse(draft.is_confirmed)
        self.assertFalse(
            self.Rule._get_applicable("classification", self.cluster, date(2021, 1, 1))
        )
        draft.document_id = self.guidance
        self.assertEqual(
            self.Rule._get_applicable("classification", self.cluster, date(2021, 1, 1)),
            draft,
        )
        draft.is_confirmed = True
        with self._refused(ValidationError, "legal basis"):
            draft.write({"document_id": False})
        self.assertEqual(draft.document_id, self.guidance)

    def test_rules_of_a_kind_and_scope_never_overlap(self):
        self._classification_rule(
            self.decree_98, date(2024, 1, 1), date(2025, 6, 30), []
        )
        with self._refused(ValidationError, "overlaps"):
            self._classification_rule(self.decree_152, date(2025, 6, 1), None, [])
        # the next day is free; another scope or kind never collides
        following = self._classification_rule(
            self.decree_152, date(2025, 7, 1), None, []
        )
        self._classification_rule(
            self.decree_152,
            date(2025, 1, 1),
            None,
            [],
            scope="cluster",
            cluster_id=self.cluster.id,
        )
        self.Rule.create(
            {
                "name": "Xếp hạng",
                "rule_type": "scoring",
                "document_id": self.decree_152.id,
                "date_from": date(2025, 1, 1),
            }
        )
        with self._refused(ValidationError, "overlaps"):
            following.date_from = date(2025, 6, 30)
        self.assertEqual(following.date_from, date(2025, 7, 1))

    def test_rule_applies_by_date_of_the_act_and_most_specific_scope(self):
        old = self._classification_rule(
            self.decree_98, date(2024, 1, 1), date(2025, 6, 30), []
        )
        new = self._classification_rule(self.decree_152, date(2025, 7, 1), None, [])
        by_level = self._classification_rule(
            self.decree_152,
            date(2025, 7, 1),
            None,
            [],
            scope="level",
            level=self.cluster.level,
        )
        own = self._classification_rule(
            self.guidance,
            date(2026, 1, 1),
            None,
            [],
            scope="cluster",
            cluster_id=self.cluster.id,
        )
        Rule = self.env["emulation.rule"]
        cases = [
            (self.cluster, date(2025, 6, 30), old),
            (self.cluster, date(2025, 7, 1), by_level),
            (self.cluster, date(2026, 11, 24), own),
            (self.cluster_other, date(2026, 11, 24), by_level),
        ]
        for cluster, on_date, expected in cases:
            with self.subTest(cluster=cluster.name, on_date=on_date):
                self.assertEqual(
                    Rule._get_applicable("classification", cluster, on_date), expected
                )
        self.assertFalse(
            Rule._get_applicable("classification", self.cluster, date(2023, 1, 1))
        )
        with self._refused(UserError, "No rule"):
            Rule._get_required("classification", self.cluster, date(2023, 1, 1))
        self.assertTrue(new)

    def test_same_result_judged_under_two_rule_sets(self):
        """A total of 88 with a top-level group at 82 %: well completed under
        the 2024 thresholds, excellently under a looser 2026 rule."""
        self._classification_rule(
            self.decree_98,
            date(2024, 1, 1),
            date(2025, 12, 31),
            [
                ("Hoàn thành xuất sắc nhiệm vụ", 90, 85),
                ("Hoàn thành tốt nhiệm vụ", 80, 80),
                ("Hoàn thành nhiệm vụ", 70, 70),
                ("Không hoàn thành nhiệm vụ", 0, 0),
            ],
        )
        self._classification_rule(
            self.decree_152,
            date(2026, 1, 1),
            None,
            [
                ("Hoàn thành xuất sắc nhiệm vụ", 85, 80),
                ("Hoàn thành nhiệm vụ", 60, 50),
                ("Không hoàn thành nhiệm vụ", 0, 0),
            ],
        )
        Rule = self.env["emulation.rule"]
        judged = {
            on_date: Rule._get_required("classification", self.cluster, on_date)
            ._classify(88.0, [82.0, 95.0, 100.0])
            .name
            for on_date in (date(2025, 12, 20), date(2026, 12, 20))
        }
        self.assertEqual(
            judged,
            {
                date(2025, 12, 20): "Hoàn thành tốt nhiệm vụ",
                date(2026, 12, 20): "Hoàn thành xuất sắc nhiệm vụ",
            },
        )
        rule_2025 = Rule._get_required("classification", self.cluster, date(2025, 1, 1))
        # a group under 70 % keeps 92 points from "excellently" down to "not"
        self.assertEqual(
            rule_2025._classify(92.0, [65.0, 100.0]).name, "Không hoàn thành nhiệm vụ"
        )
        self.assertEqual(
            rule_2025._classify(69.9, [100.0]).name, "Không hoàn thành nhiệm vụ"
        )

    def test_only_managers_maintain_rules_and_templates(self):
        rule = self._classification_rule(self.guidance, date(2020, 1, 1), None, [])
        template, __ = self._template(self.CRITERIA)
        for user in (self.user_officer, self.user_secretariat, self.user_council):
            with self.subTest(user=user.login):
                self.assertTrue(rule.with_user(user).name)
                with self.assertRaises(AccessError):
                    rule.with_user(user).write({"date_to": date(2020, 12, 31)})
                with self.assertRaises(AccessError):
                    template.with_user(user).write({"name": "Sửa"})
                with self.assertRaises(AccessError):
                    self.env["emulation.criterion.template"].with_user(user).create(
                        {
                            "name": "Mới",
                            "document_id": self.guidance.id,
                            "date_from": date(2020, 1, 1),
                        }
                    )
        self.assertFalse(rule.date_to)
        self.assertEqual(template.name, "Bảng tiêu chí")

    # ------------------------------------------------------------------
    # arithmetic of each kind
    # ------------------------------------------------------------------
    def test_arithmetic_of_each_kind(self):
        __, c = self._template(self.CRITERIA)
        self.assertEqual(c["I.1"]._get_points(value=12.5), 12.5)
        self.assertEqual(c["I.1"]._get_points(value=20), 20)
        for value in (-1, 20.01):
            with self._refused(ValidationError, "outside 0 to 20"):
                c["I.1"]._get_points(value=value)
        # pass/fail: the maximum or nothing
        self.assertEqual(c["I.3.b"]._get_points(value=10), 10)
        self.assertEqual(c["I.3.b"]._get_points(value=0), 0)
        with self._refused(ValidationError, "pass/fail"):
            c["I.3.b"]._get_points(value=5)
        # counted: 2 points per item, capped at 10
        self.assertEqual(c["I.3.a"]._get_points(count=3), 6)
        self.assertEqual(c["I.3.a"]._get_points(count=9), 10)
        with self.assertRaises(ValidationError):
            c["I.3.a"]._get_points(count=-1)
        # bonus added, penalty subtracted, each within its cap
        self.assertEqual(c["III.1"]._get_points(value=15), 15)
        self.assertEqual(c["III.2"]._get_points(value=4), -4)
        with self._refused(ValidationError, "outside 0 to 15"):
            c["III.1"]._get_points(value=16)
        # a group is never scored itself
        with self._refused(ValidationError, "is a group"):
            c["I"]._get_points(value=10)
        with self._refused(ValidationError, "target"):
            c["I.2"]._get_points(value=10)

    def test_targets_are_scored_for_the_whole_cluster(self):
        """Maximum 20, half at target: below it in proportion, on it half,
        the best above it the maximum, the others in between; the others
        move when the best one's value does."""
        __, c = self._template(self.CRITERIA)
        values = {
            "below": (100, 80),
            "on": (100, 100),
            "best": (100, 150),
            "above": (50, 62.5),
        }
        self.assertEqual(
            c["I.2"]._get_target_points(values, 50.0),
            {"below": 8.0, "on": 10.0, "best": 20.0, "above": 15.0},
        )
        values["best"] = (100, 200)
        self.assertEqual(c["I.2"]._get_target_points(values, 50.0)["above"], 12.5)
        # the share at target is the rule's
        self.assertEqual(c["I.2"]._get_target_points(values, 40.0)["on"], 8.0)
        with self._refused(ValidationError, "no target"):
            c["I.2"]._get_target_points({"unit": (0, 10)}, 50.0)
        with self._refused(ValidationError, "no targets"):
            c["I.1"]._get_target_points({"unit": (10, 10)}, 50.0)

    # ------------------------------------------------------------------
    # templates
    # ------------------------------------------------------------------
    def test_template_structure_is_checked_before_validation(self):
        template, c = self._template(self.CRITERIA)
        self.assertEqual(template.total_max, 100)  # bonus and penalty outside
        self.assertFalse(template.structure_errors)
        self.assertFalse(c["III"].in_maximum)
        self.assertTrue(c["I.3"].in_maximum)
        c["I.3.a"].max_points = 12
        # a group's maximum adds up its criteria's; one written by hand
        # that does not is refused at validation
        self.assertEqual(c["I.3"].max_points, 22)
        c["I.3"].max_points = 20
        self.assertIn("I.3", template.structure_errors)
        with self._refused(UserError, "Group I.3 has a maximum of 20"):
            template.action_validate()
        self.assertEqual(template.state, "draft")
        c["I.3.a"].max_points = 10
        template.action_validate()
        self.assertEqual(template.state, "validated")
        # validated: nothing changes but by a new version
        for vals in ({"max_points": 12}, {"name": "Khác"}):
            with self.assertRaises(UserError):
                c["I.3.a"].write(vals)
        with self.assertRaises(UserError):
            c["I.3.a"].unlink()
        self.assertEqual(c["I.3.a"].max_points, 10)
        with self.assertRaises(UserError):
            self.env["emulation.criterion"].with_user(self.user_manager).create(
                {
                    "template_id": template.id,
                    "code": "IV",
                    "name": "Mới",
                    "kind": "scored",
                }
            )

    def test_duplicate_codes_and_misplaced_criteria_are_refused(self):
        template, c = self._template(self.CRITERIA)
        Criterion = self.env["emulation.criterion"].with_user(self.user_manager)
        with self._refused(UserError, "has this code"):
            Criterion.create(
                {"template_id": template.id, "code": "I.1", "name": "Trùng"}
            )
        with self._refused(ValidationError, "not a group"):
            Criterion.create(
                {
                    "template_id": template.id,
                    "code": "I.1.x",
                    "name": "Dưới một tiêu chí",
                    "parent_id": c["I.1"].id,
                }
            )
        other, oc = self._template([("A", None, "group", 0, 0)])
        with self._refused(ValidationError, "different templates"):
            Criterion.create(
                {
                    "template_id": template.id,
                    "code": "X",
                    "name": "Sai mẫu",
                    "parent_id": oc["A"].id,
                }
            )
        with self.assertRaises(UserError):  # Odoo's own "Recursion Detected."
            c["I"].parent_id = c["I.3"]
        self.assertEqual(len(template.criterion_ids), len(self.CRITERIA))

    def test_a_year_keeps_its_copy_when_the_template_changes(self):
        template, c = self._template(self.CRITERIA)
        template.action_validate()
        plan = self._create_plan(year=2020)
        wizard = Form(
            self.env["emulation.criterion.template.copy.wizard"]
            .with_user(self.user_manager)
            .with_context(default_plan_id=plan.id)
        )
        wizard.template_id = template
        action = wizard.save().action_confirm()
        copy = self.env["emulation.criterion.template"].browse(action["res_id"])
        self.assertEqual(plan.criterion_template_id, copy)
        self.assertEqual(copy.source_template_id, template)
        self.assertEqual(copy.cluster_id, plan.cluster_id)
        self.assertEqual(
            sorted(
                copy.criterion_ids.mapped(lambda x: (x.code, x.parent_id.code or ""))
            ),
            sorted((code, parent or "") for code, parent, *__ in self.CRITERIA),
        )
        self.assertFalse(copy.criterion_ids & template.criterion_ids)
        self.assertEqual(copy.total_max, 100)
        # the template changes: the year does not
        template.action_reset_to_draft()
        c["II.1"].write({"max_points": 30, "name": "Sửa sau"})
        c["II"].max_points = 30
        copied = copy.criterion_ids.filtered(lambda x: x.code == "II.1")
        self.assertEqual((copied.max_points, copied.name), (40, "Tiêu chí II.1"))
        # one copy per plan
        template.action_validate()
        with self._refused(UserError, "already has its criteria"):
            template.with_user(self.user_manager)._copy_for_plan(plan)
        # next year, last year's set comes by default
        plan_2021 = self._create_plan(year=2021)
        copy.action_validate()
        wizard = Form(
            self.env["emulation.criterion.template.copy.wizard"]
            .with_user(self.user_manager)
            .with_context(default_plan_id=plan_2021.id)
        )
        self.assertEqual(wizard.template_id, copy)
        # a draft is never copied; a secretariat does not copy
        template.action_reset_to_draft()
        with self._refused(UserError, "draft"):
            template._copy_for_plan(plan_2021)
        with self.assertRaises(AccessError):
            copy.with_user(self.user_secretariat)._copy_for_plan(plan_2021)
        self.assertFalse(plan_2021.criterion_template_id)

    def test_import_a_criteria_spreadsheet_into_a_template(self):
        """Standard import (load, as the import dialog calls it) into the
        criteria list of a chosen template: parents by code, found in that
        template only although another template uses the same codes."""
        self._template(self.CRITERIA)  # same codes elsewhere
        template = self.Template.create(
            {
                "name": "Nhập từ bảng tính",
                "document_id": self.guidance.id,
                "date_from": date(2021, 1, 1),
            }
        )
        rows = [
            ["I", "Nhiệm vụ chuyên môn", "", "Group", "30"],
            ["I.1", "Kết quả nhiệm vụ", "I", "Scored", "20"],
            ["I.2", "Sáng kiến", "I", "Counted", "10"],
            ["II", "Điểm thưởng", "", "Group", "0"],
            ["II.1", "Cờ thi đua", "II", "Bonus", "10"],
        ]
        result = (
            self.env["emulation.criterion"]
            .with_user(self.user_manager)
            .with_context(default_template_id=template.id)
            .load(["code", "name", "parent_id", "kind", "max_points"], rows)
        )
        self.assertFalse(
            [m for m in result["messages"] if m["type"] == "error"], result["messages"]
        )
        criteria = {x.code: x for x in template.criterion_ids}
        self.assertEqual(sorted(criteria), ["I", "I.1", "I.2", "II", "II.1"])
        self.assertEqual(criteria["I.1"].parent_id, criteria["I"])
        self.assertEqual(criteria["II.1"].parent_id, criteria["II"])
        self.assertEqual(criteria["I.2"].kind, "counted")
        self.assertEqual(template.total_max, 30)
        # an import into a validated template changes nothing
        template.criterion_ids.filtered(lambda x: x.code == "I.2").points_per_item = 2
        template.action_validate()
        result = (
            self.env["emulation.criterion"]
            .with_user(self.user_manager)
            .with_context(default_template_id=template.id)
            .load(
                ["code", "name", "kind", "max_points"], [["III", "Mới", "Scored", "5"]]
            )
        )
        self.assertTrue([m for m in result["messages"] if m["type"] == "error"])
        self.assertEqual(len(template.criterion_ids), 5)
