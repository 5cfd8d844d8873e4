# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Rules as the manager meets them: every kind made, saved and used through
its form; a duplicate is the next version; the national rules of proposals
ship as data with their legal basis."""

from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestRuleForms(EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rule = cls.env["emulation.rule"].with_user(cls.user_manager)
        cls.flag = cls.env.ref("emulation_cluster.award_type_government_flag")
        cls.merit = cls.env.ref("emulation_cluster.award_type_ministry_merit")
        cls.regulation = cls.env["emulation.document"].create(
            {
                "name": "12/QĐ-CTĐ (test)",
                "document_type": "decision",
                "date": date(2018, 12, 20),
                "summary": "Quy chế hoạt động của Cụm thi đua",
            }
        )

    def _rule_form(self, kind, date_from=date(2019, 1, 1)):
        """A new rule of the test cluster, as the manager types it."""
        form = Form(self.Rule)
        form.name = f"Quy định {kind} (test)"
        form.rule_type = kind
        form.document_id = self.regulation
        form.date_from = date_from
        form.scope = "cluster"
        form.cluster_id = self.cluster
        return form

    def _applicable(self, kind, on_date, cluster=None):
        return self.env["emulation.rule"]._get_applicable(
            kind, cluster or self.cluster, on_date
        )

    # ------------------------------------------------------------------
    # a new rule
    # ------------------------------------------------------------------
    def test_new_rule_form_is_editable_and_not_confirmed(self):
        form = Form(self.Rule)
        for name in ("name", "rule_type", "document_id", "date_from", "scope"):
            self.assertFalse(form._get_modifier(name, "readonly"), name)
        # nothing is confirmed before its legal basis is given
        self.assertFalse(form.is_confirmed)
        self.assertTrue(form._get_modifier("is_confirmed", "readonly"))
        form.document_id = self.regulation
        self.assertFalse(form._get_modifier("is_confirmed", "readonly"))

    def test_every_kind_through_its_form(self):
        with self._rule_form("classification") as form:
            for name, points, percent in (
                ("Hoàn thành xuất sắc", 90, 80),
                ("Hoàn thành tốt", 70, 0),
            ):
                with form.classification_ids.new() as line:
                    line.name = name
                    line.min_points = points
                    line.min_group_percent = percent
        classification = form.record
        self.assertEqual(
            self._applicable("classification", date(2020, 12, 20)), classification
        )
        self.assertEqual(
            classification._classify(92, [85.0]).name, "Hoàn thành xuất sắc"
        )
        self.assertEqual(classification._classify(92, [75.0]).name, "Hoàn thành tốt")

        with self._rule_form("scoring") as form:
            form.ranking_basis = "percentage"
            form.tiebreak_code = "I"
            form.target_share = 60
        scoring = self._applicable("scoring", date(2020, 12, 20))
        self.assertEqual(scoring, form.record)
        self.assertEqual(
            (scoring.ranking_basis, scoring.tiebreak_code, scoring.target_share),
            ("percentage", "I", 60),
        )

        with self._rule_form("voting") as form:
            form.vote_threshold = 80
            form.vote_strict = False
            form.quorum_numerator = 2
            form.quorum_denominator = 3
            form.max_rounds = 2
        voting = self._applicable("voting", date(2020, 12, 20))
        self.assertEqual(voting, form.record)
        self.assertTrue(voting._reaches_quorum(6, 9))
        self.assertFalse(voting._reaches_quorum(5, 9))
        self.assertTrue(voting._passes_threshold(8, 10))
        self.assertFalse(voting._passes_threshold(7, 10))

        with self._rule_form("nomination_quota") as form:
            for award, count in ((self.flag, 1), (self.merit, 3)):
                with form.quota_ids.new() as line:
                    line.award_type_id = award
                    line.max_count = count
        quota = self._applicable("nomination_quota", date(2020, 12, 20))
        self.assertEqual(quota, form.record)
        self.assertEqual(quota._get_quota(self.merit), 3)

        with self._rule_form("proposal") as form:
            with form.award_rule_ids.new() as line:
                line.award_type_id = self.flag
                line.quota_percent = 20
                line.deadline_day = 30
                line.deadline_month = 6
        proposal = self._applicable("proposal", date(2021, 3, 1))
        self.assertEqual(proposal, form.record)
        self.assertEqual(
            proposal._get_award_line(self.flag)._get_deadline(2020), date(2021, 6, 30)
        )

    def test_award_line_without_its_deadline_is_refused_in_words(self):
        form = self._rule_form("proposal")
        with form.award_rule_ids.new() as line:
            line.award_type_id = self.flag
        with self.assertRaises(ValidationError) as refusal:
            form.save()
        message = str(refusal.exception)
        self.assertIn("between 0 and 100 %;", message)
        self.assertNotIn("%%", message)
        self.assertFalse(
            self.env["emulation.rule"].search(
                [("name", "=", "Quy định proposal (test)")]
            )
        )

    # ------------------------------------------------------------------
    # versions
    # ------------------------------------------------------------------
    def test_duplicate_is_the_next_version(self):
        with self._rule_form("voting") as form:
            form.date_to = date(2024, 12, 31)
            form.vote_threshold = 60
            form.is_confirmed = True
        current = form.record
        # the web client's "Duplicate"
        following = current.with_user(self.user_manager).copy()
        self.assertRecordValues(
            following,
            [
                {
                    "date_from": date(2025, 1, 1),
                    "date_to": False,
                    "document_id": False,
                    "is_confirmed": False,
                    "previous_version_id": current.id,
                    "vote_threshold": 60,
                    "cluster_id": self.cluster.id,
                }
            ],
        )
        self.assertRecordValues(
            current,
            [{"date_to": date(2024, 12, 31), "active": True, "is_confirmed": True}],
        )
        # without its legal basis it applies to nothing yet
        self.assertFalse(self._applicable("voting", date(2025, 3, 1)))
        with Form(following.with_user(self.user_manager)) as form:
            self.assertTrue(form._get_modifier("is_confirmed", "readonly"))
            form.document_id = self.guidance
            form.vote_threshold = 80
            form.is_confirmed = True
        self.assertEqual(self._applicable("voting", date(2025, 3, 1)), following)
        self.assertEqual(self._applicable("voting", date(2024, 3, 1)), current)
        self.assertEqual(current.vote_threshold, 60)

    def test_duplicate_of_a_running_rule_waits_for_its_start(self):
        with self._rule_form("proposal") as form:
            with form.award_rule_ids.new() as line:
                line.award_type_id = self.flag
                line.quota_percent = 20
                line.deadline_day = 30
                line.deadline_month = 6
        running = form.record
        following = running.with_user(self.user_manager).copy()
        self.assertFalse(following.date_from)
        self.assertEqual(following.award_rule_ids.quota_percent, 20)
        self.assertEqual(running.award_rule_ids.quota_percent, 20)
        # its start and its legal basis end the version it follows the day
        # before; a start alone does not (the new one would not apply yet)
        following.with_user(self.user_manager).date_from = date(2027, 4, 1)
        self.assertFalse(running.date_to)
        with Form(following.with_user(self.user_manager)) as form:
            form.date_from = date(2027, 3, 1)
            form.document_id = self.guidance
            with form.award_rule_ids.edit(0) as line:
                line.quota_percent = 15
        self.assertEqual(running.date_to, date(2027, 2, 28))
        self.assertEqual(self._applicable("proposal", date(2027, 2, 28)), running)
        self.assertEqual(self._applicable("proposal", date(2027, 3, 1)), following)
        self.assertEqual(following._get_award_line(self.flag).quota_percent, 15)
        # a duplicate of a rule that a later one follows leaves its start
        # to the manager
        self.assertFalse(running.with_user(self.user_manager).copy().date_from)

    # ------------------------------------------------------------------
    # the national rules, as data
    # ------------------------------------------------------------------
    def test_national_rules_of_proposals_are_data(self):
        ref = self.env.ref
        decree_98 = ref("emulation_cluster.rule_proposal_98_2023")
        decree_152 = ref("emulation_cluster.rule_proposal_152_2025")
        self.assertEqual(
            decree_98.document_id, ref("emulation_cluster.document_decree_98_2023")
        )
        self.assertEqual(
            decree_152.document_id, ref("emulation_cluster.document_decree_152_2025")
        )
        for xmlid in ("rule_proposal_98_2023", "rule_proposal_152_2025"):
            data = self.env["ir.model.data"].search(
                [("module", "=", "emulation_cluster"), ("name", "=", xmlid)]
            )
            self.assertTrue(data.noupdate, xmlid)
        # found for the day of the act, for a cluster with no rule of its own
        for on_date, expected in (
            (date(2023, 12, 31), self.env["emulation.rule"]),
            (date(2024, 1, 1), decree_98),
            (date(2025, 6, 30), decree_98),
            (date(2025, 7, 1), decree_152),
            (date(2026, 12, 7), decree_152),
        ):
            with self.subTest(on_date=on_date):
                self.assertEqual(
                    self._applicable("proposal", on_date, self.cluster_other), expected
                )
        line = decree_152._get_award_line(self.flag)
        self.assertEqual(line.quota_percent, 20)
        self.assertEqual(line._get_deadline(2025), date(2026, 6, 30))
        # one decree and one rule for those days, demo or not
        self.assertEqual(
            self.env["emulation.document"].search_count(
                [("name", "=", "152/2025/NĐ-CP")]
            ),
            1,
        )
        self.assertEqual(
            self.env["emulation.rule"].search_count(
                [
                    ("rule_type", "=", "proposal"),
                    ("scope", "=", "all"),
                    ("date_from", "<=", date(2025, 7, 1)),
                    "|",
                    ("date_to", "=", False),
                    ("date_to", ">=", date(2025, 7, 1)),
                ]
            ),
            1,
        )
        # editable by a manager, and a cluster's own rule overrides it
        with Form(decree_152.with_user(self.user_manager)) as form:
            form.note = "Đã đối chiếu."
        self.assertEqual(decree_152.note, "Đã đối chiếu.")
        with self._rule_form("proposal", date(2026, 1, 1)) as form:
            with form.award_rule_ids.new() as line:
                line.award_type_id = self.flag
                line.quota_percent = 10
                line.deadline_day = 30
                line.deadline_month = 6
        self.assertEqual(self._applicable("proposal", date(2026, 12, 7)), form.record)
        self.assertEqual(
            self._applicable("proposal", date(2026, 12, 7), self.cluster_other),
            decree_152,
        )
