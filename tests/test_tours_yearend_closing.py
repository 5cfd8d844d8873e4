# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The closing tours of the year-end on their own (for their development):
the cluster made by the set-up tour, its scoring done quickly through the
ORM as its roles, then the closing tours."""

from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .yearend_closing import YearEndClosingTours
from .yearend_common import OFFICERS, YearEndCommon

SECRETARIAT_LOGIN = "thu.nt@snv.daklak.gov.vn"
# the self scores of each unit: I.1 scored /40, I.2 counted (5 a piece),
# II.1 pass or fail, II.2 scored /20
SELF_SCORES = {
    "Sở Nội vụ tỉnh Đắk Lắk": {"I.1": 36, "I.2": 3, "II.1": 20, "II.2": 18},
    "Sở Nội vụ tỉnh Gia Lai": {"I.1": 37, "I.2": 3, "II.1": 20, "II.2": 19},
    "Sở Nội vụ tỉnh Kon Tum": {"I.1": 39, "I.2": 4, "II.1": 20, "II.2": 20},
    "Sở Nội vụ tỉnh Đắk Nông": {"I.1": 32, "I.2": 2, "II.1": 20, "II.2": 16},
    "Sở Nội vụ tỉnh Lâm Đồng": {"I.1": 30, "I.2": 1, "II.1": 20, "II.2": 15},
}


@tagged("post_install", "-at_install")
class TestYearEndClosing(YearEndClosingTours, YearEndCommon):
    def test_year_end_closing(self):
        plan = self._set_up_cluster()
        self._fast_forward_scoring(plan)
        self._close_the_year(plan)

    def _fast_forward_scoring(self, plan):
        """The scoring part, through the ORM as its roles (the scoring tours
        do it in the browser): the leader unit's secretariat added by the
        administrator, the scorecards, the self scores, the appraisal and
        the agreement at the conference."""
        admin = self.administrator
        wizard = (
            self.env["emulation.officer.wizard"]
            .with_user(admin)
            .create(
                {
                    "unit_id": plan.leader_id.id,
                    "name": "Nguyễn Thị Thư",
                    "email": SECRETARIAT_LOGIN,
                    "role": "secretariat",
                    "send_invitation": False,
                    "password": SECRETARIAT_LOGIN,
                }
            )
        )
        wizard.action_add()
        secretariat = self._officer(SECRETARIAT_LOGIN)
        plan.cluster_id.with_user(admin).secretariat_user_ids = [
            Command.link(secretariat.id)
        ]
        # the year's copy of the criteria, validated by the administrator
        plan.criterion_template_id.with_user(admin).action_validate()
        with freeze_time("2027-11-25 09:00:00"):
            plan.with_user(secretariat).action_create_scorecards()
            for card in plan.scorecard_ids:
                officer = self._officer(OFFICERS[card.partner_id.name])
                values = SELF_SCORES[card.partner_id.name]
                for line in card.with_user(officer).line_ids:
                    if line.code in values:
                        line.self_value = values[line.code]
                card.with_user(officer).action_submit_self_scores()
        with freeze_time("2027-12-05 09:00:00"):
            # the leader's own card is appraised by a manager, not by itself
            cards = plan.scorecard_ids
            leader = cards.filtered(lambda card: card.partner_id == plan.leader_id)
            (cards - leader).with_user(secretariat).action_appraise()
            leader.with_user(admin).action_appraise()
        with freeze_time("2027-12-10 01:30:00"):
            self.env["emulation.act.date.wizard"].with_user(secretariat).create(
                {
                    "act": "agree_scores",
                    "res_ids": plan.scorecard_ids.ids,
                    "act_date": date(2027, 12, 10),
                }
            ).action_confirm()
        self.assertEqual(set(plan.scorecard_ids.mapped("state")), {"agreed"})
