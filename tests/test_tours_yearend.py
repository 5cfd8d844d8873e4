# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The year-end of the cluster the set-up tour made, walked in the browser
by its roles, in Vietnamese, each step on the records the previous steps
made (nothing of the demo): the tours are in
static/tests/tours/emulation_yearend_tours.esm.js."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .yearend_closing import YearEndClosingTours
from .yearend_common import CLUSTER, OFFICERS, YearEndCommon

SECRETARIAT_LOGIN = "hoa.nt@snv.daklak.gov.vn"
KON_TUM = "Sở Nội vụ tỉnh Kon Tum"
LAM_DONG = "Sở Nội vụ tỉnh Lâm Đồng"
# the officers who score their own unit in the browser (Lâm Đồng sends its
# table on paper: the secretariat enters it, in its tour)
SELF_SCORING_TOURS = {
    "Sở Nội vụ tỉnh Đắk Lắk": "emulation_yearend_daklak_self_scores",
    "Sở Nội vụ tỉnh Gia Lai": "emulation_yearend_gialai_self_scores",
    "Sở Nội vụ tỉnh Đắk Nông": "emulation_yearend_daknong_self_scores",
}
# what the conference agreed: final total, rank, classified "Hoàn thành
# xuất sắc" (the set-up's only level, from 90 points)
AGREED = {
    KON_TUM: (94, 1, True),
    "Sở Nội vụ tỉnh Đắk Lắk": (91, 2, True),
    "Sở Nội vụ tỉnh Gia Lai": (90, 3, True),
    LAM_DONG: (78, 4, False),
    "Sở Nội vụ tỉnh Đắk Nông": (70, 5, False),
}
CONFERENCE_DAY = date(2027, 12, 10)
# the tours' generous timeout: the machine running them is shared
TIMEOUT = 300


class YearEndScoringTours:
    """The scoring part of the year-end, by its roles, in the browser:
    ``_score_the_year(plan)`` on the plan the set-up tour issued."""

    def _tour(self, tour, login, when):
        with freeze_time(when):
            self.start_tour("/odoo", tour, login=login, timeout=TIMEOUT)

    def _score_the_year(self, plan):
        secretariat = self._add_the_secretariat(plan)
        # for the closing part: the leader unit's secretariat the
        # administrator added (login and password SECRETARIAT_LOGIN)
        self.secretariat = secretariat
        cards = self._open_self_scoring(plan, secretariat)
        self._self_score(cards)
        self._appraise(cards, secretariat)
        self._explain(cards)
        self._agree(cards, secretariat)
        self._read_the_ranking(plan)
        return secretariat

    def _card(self, cards, unit):
        card = cards.filtered(lambda card: card.partner_id.name == unit)
        self.assertEqual(len(card), 1, unit)
        return card

    def _line(self, card, code):
        return card.line_ids.filtered(lambda line: line.criterion_id.code == code)

    def _history(self, card, code, step):
        return self.env["emulation.score.history"].search(
            [("line_id", "=", self._line(card, code).id), ("step", "=", step)],
            order="id",
        )

    def _add_the_secretariat(self, plan):
        """The administrator adds the leader unit's secretariat officer
        through the unit's "Thêm cán bộ", with the password he gives (she
        serves the cluster from then on), and validates the year's criteria (the plan's
        own copy, which the set-up left a draft: only a manager validates
        it, and the scorecards are made against validated criteria)."""
        self.assertEqual(plan.criterion_template_id.state, "draft")
        self._tour(
            "emulation_yearend_admin_adds_secretariat",
            self.administrator.login,
            "2027-11-02 02:00:00",
        )
        secretariat = self._officer(SECRETARIAT_LOGIN)
        self.assertEqual(secretariat.emulation_unit_id.name, "Sở Nội vụ tỉnh Đắk Lắk")
        self.assertTrue(secretariat.has_group("emulation_cluster.group_secretariat"))
        self.assertEqual(secretariat.create_uid, self.administrator)
        self.assertEqual(secretariat.lang, "vi_VN")
        cluster = self.env["emulation.cluster"].search([("name", "=", CLUSTER)])
        self.assertEqual(cluster.secretariat_user_ids, secretariat)
        self.assertEqual(
            (
                plan.criterion_template_id.state,
                plan.criterion_template_id.write_uid,
            ),
            ("validated", self.administrator),
        )
        self.assertEqual(
            secretariat.action_id.id,
            self.env.ref("emulation_cluster.emulation_year_board_action").id,
        )
        return secretariat

    def _open_self_scoring(self, plan, secretariat):
        """The secretariat creates the scorecards from the plan. The
        set-up's criteria (the sample spreadsheet) have no target-based
        criterion: there is no target to enter, and the tour checks that
        no line waits for one."""
        self.assertFalse(
            plan.criterion_template_id.criterion_ids.filtered(
                lambda criterion: criterion.kind == "target"
            )
        )
        self._tour(
            "emulation_yearend_secretariat_opens_scoring",
            secretariat.login,
            "2027-11-25 02:00:00",
        )
        cards = plan.scorecard_ids
        self.assertEqual(
            sorted(cards.partner_id.mapped("name")), sorted(OFFICERS), "one per member"
        )
        self.assertEqual(set(cards.mapped("state")), {"draft"})
        self.assertEqual(cards.create_uid, secretariat)
        self.assertEqual(cards.line_ids.criterion_id.mapped("code").count("I.1"), 1)
        self.assertEqual(len(cards.line_ids), 5 * 5, "five leaf criteria per card")
        self.assertFalse(cards.line_ids.filtered("is_waiting_target"))
        return cards

    def _self_score(self, cards):
        """Kon Tum with an evidence file on 1 December, the three other
        officers on 2 December, each from his first screen."""
        kon_tum = self._card(cards, KON_TUM)
        officer = self._officer(OFFICERS[KON_TUM])
        self._tour(
            "emulation_yearend_kontum_self_scores",
            officer.login,
            "2027-12-01 02:00:00",
        )
        self.assertEqual(
            (kon_tum.state, kon_tum.self_scored_by_id, kon_tum.self_scored_on_behalf),
            ("self_scored", officer, False),
        )
        self.assertEqual(kon_tum.date_self_scored, datetime(2027, 12, 1, 2))
        self.assertEqual(kon_tum.self_total, 96)
        evidence = self._line(kon_tum, "I.1")
        self.assertEqual(evidence.evidence, "Báo cáo tổng kết năm 2027 số 45/BC-SNV")
        self.assertEqual(
            (
                evidence.attachment_ids.name,
                evidence.attachment_ids.create_uid,
                evidence.attachment_ids.res_model,
                evidence.attachment_ids.res_id,
            ),
            (
                "bao-cao-tong-ket-2027-kon-tum.pdf",
                officer,
                "emulation.score.line",
                evidence.id,
            ),
        )
        self.assertEqual(self._line(kon_tum, "I.2").self_points, 20, "4 items × 5")
        for unit, tour in SELF_SCORING_TOURS.items():
            user = self._officer(OFFICERS[unit])
            self._tour(tour, user.login, "2027-12-02 02:00:00")
            card = self._card(cards, unit)
            self.assertEqual(
                (card.state, card.self_scored_by_id, card.self_scored_on_behalf),
                ("self_scored", user, False),
                unit,
            )
        self.assertEqual(self._card(cards, LAM_DONG).state, "draft")

    def _appraise(self, cards, secretariat):
        """The secretariat enters Lâm Đồng's paper table, appraises the
        four other units' scorecards, and asks Kon Tum to explain its I.1;
        the administrator appraises the leader unit's (a unit never
        appraises its own: docs/DESIGN.md)."""
        self._tour(
            "emulation_yearend_secretariat_appraises",
            secretariat.login,
            "2027-12-06 02:00:00",
        )
        lam_dong = self._card(cards, LAM_DONG)
        self.assertEqual(
            (lam_dong.self_scored_by_id, lam_dong.self_scored_on_behalf),
            (secretariat, True),
        )
        leader = self._card(cards, "Sở Nội vụ tỉnh Đắk Lắk")
        self.assertEqual(leader.state, "self_scored", "never her own unit's")
        # her form said so (the tour read it), on her own unit's card only
        self.assertEqual(
            cards.with_user(secretariat)
            .filtered("is_own_unit_of_secretariat")
            .partner_id,
            leader.partner_id,
        )
        self.assertFalse(
            leader.with_user(self.administrator).is_own_unit_of_secretariat
        )
        self._tour(
            "emulation_yearend_admin_appraises_the_leader",
            self.administrator.login,
            "2027-12-06 03:00:00",
        )
        self.assertEqual(set(cards.mapped("state")), {"appraised"})
        self.assertEqual(leader.appraiser_id, self.administrator)
        self.assertEqual((cards - leader).appraiser_id, secretariat)
        kon_tum = self._card(cards, KON_TUM)
        self.assertEqual(kon_tum.final_total, 88)
        self.assertIn("giải trình tiêu chí I.1", kon_tum.appraisal_note)
        self.assertEqual(
            self._line(kon_tum, "I.1").appraiser_comment,
            "Chưa có minh chứng kết quả hai nhiệm vụ được giao",
        )
        self.assertFalse(kon_tum.classification_id, "88 points: below 90")

    def _explain(self, cards):
        officer = self._officer(OFFICERS[KON_TUM])
        self._tour(
            "emulation_yearend_kontum_explains", officer.login, "2027-12-08 02:00:00"
        )
        kon_tum = self._card(cards, KON_TUM)
        self.assertEqual(kon_tum.state, "explained")
        self.assertIn("12/QĐ-UBND", self._line(kon_tum, "I.1").explanation)
        history = self._history(kon_tum, "I.1", "explanation")
        self.assertEqual(history.user_id, officer)

    def _agree(self, cards, secretariat):
        """Appraised again, then agreed, recorded on 13 December with the
        conference's day, 10 December."""
        self._tour(
            "emulation_yearend_secretariat_agrees",
            secretariat.login,
            "2027-12-13 02:00:00",
        )
        self.assertEqual(set(cards.mapped("state")), {"agreed"})
        self.assertEqual(set(cards.mapped("date_agreed")), {CONFERENCE_DAY})
        self.assertEqual(cards.write_uid, secretariat)
        kon_tum = self._card(cards, KON_TUM)
        appraisals = self._history(kon_tum, "I.1", "appraisal")
        self.assertEqual(appraisals.mapped("value"), [30, 36])
        self.assertEqual(appraisals.user_id, secretariat)
        excellent = "Hoàn thành xuất sắc"
        for unit, (total, rank, classified) in AGREED.items():
            card = self._card(cards, unit)
            self.assertEqual(
                (card.final_total, card.rank, card.classification_id.name or ""),
                (total, rank, excellent if classified else ""),
                unit,
            )
        # the state's tracking says who agreed, in the chatter
        agreed = kon_tum.message_ids.filtered(
            lambda message: "Đã thống nhất"
            in message.tracking_value_ids.mapped("new_value_char")
        )
        self.assertEqual(agreed.author_id, secretariat.partner_id)

    def _read_the_ranking(self, plan):
        officer = self._officer(OFFICERS[KON_TUM])
        self._tour(
            "emulation_yearend_kontum_reads_ranking",
            officer.login,
            "2027-12-14 02:00:00",
        )
        rows = (
            self.env["emulation.ranking"]
            .with_user(officer)
            .search([("plan_id", "=", plan.id)])
        )
        self.assertEqual(len(rows), 5, "every member's row, once agreed")
        mine = rows.filtered(lambda row: row.partner_id.name == KON_TUM)
        self.assertEqual((mine.rank, mine.is_agreed), (1, True))
        self.assertIn(
            "Hoàn thành xuất sắc theo Xếp loại thi đua Cụm Tây Nguyên",
            mine.with_context(lang="vi_VN").classification_reason,
        )


@tagged("post_install", "-at_install")
class TestYearEndByItsRoles(YearEndScoringTours, YearEndClosingTours, YearEndCommon):
    """The year-end of a cluster made through the screens, in the browser,
    each step by its role, on what the previous steps made: the scoring
    (this file), then the votes, the proposals, the letter, the council's
    decisions and the rollover (``yearend_closing.py``)."""

    def test_year_end_by_its_roles(self):
        plan = self._set_up_cluster()
        self._score_the_year(plan)
        self._close_the_year(plan)
