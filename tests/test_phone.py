# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""An officer files from his phone: the main action of his forms stays in
sight at a phone's width (Odoo moves the header's buttons into a menu)."""

from datetime import date

from odoo.tests import HttpCase, tagged

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestPhone(HttpCase, EmulationCommon):
    browser_size = "375x667"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_vietnamese()
        cls.user_officer.lang = "vi_VN"
        cls.plan = cls._create_plan(year=2026)
        cls.obligation = cls.env["emulation.obligation"].create(
            {
                "name": "Báo cáo quý tour",
                "plan_id": cls.plan.id,
                "deadline": date(2026, 12, 20),
            }
        )
        cls._issue_plan(cls.plan)

    def test_officer_files_on_his_phone(self):
        self.start_tour(
            "/odoo",
            "emulation_officer_files_on_phone",
            login=self.user_officer.login,
        )
        submission = self.obligation.submission_ids.filtered(
            lambda s: s.partner_id == self.unit_member3
        )
        self.assertEqual(submission.state, "filed")
        self.assertEqual(submission.attachment_ids.name, "bao-cao-quy.pdf")

    def test_main_actions_sit_in_the_sheet(self):
        """Each of the officer's forms carries its main action in the sheet,
        shown on small screens only."""
        for model, button in (
            ("emulation.submission", "action_open_file_wizard"),
            ("emulation.scorecard", "action_submit_self_scores"),
            ("emulation.registration", "action_send"),
            ("emulation.covenant.signature", "action_sign"),
        ):
            arch = self.env[model].get_view(view_type="form")["arch"]
            self.assertRegex(
                arch,
                rf'<div class="d-md-none[^"]*"[^>]*>\s*<button name="{button}"',
                model,
            )
