# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The closing part of the year-end, walked in the browser by its roles on
the cluster the set-up tour made, once its scores are agreed: the votes of
the conference, both minutes, the proposals and their letter, the
council's decisions and the rollover to next year."""

from datetime import date

import lxml.html
from freezegun import freeze_time

from odoo.tests.common import new_test_user

from .yearend_common import OFFICERS

TOURS_TIMEOUT = 600
CONFERENCE_DAY = "2027-12-10 02:00:00"
POLLS = {
    "nomination": ("Suy tôn đơn vị đề nghị tặng Cờ năm 2027", "Sở Nội vụ tỉnh Kon Tum"),
    "leader": ("Bầu Cụm trưởng năm 2028", "Sở Nội vụ tỉnh Gia Lai"),
    "deputy": ("Bầu Cụm phó năm 2028", "Sở Nội vụ tỉnh Kon Tum"),
}
ABSENT = "Sở Nội vụ tỉnh Lâm Đồng"
# the members whose officers vote in the browser; the secretariat's unit
# votes from its own screen, the absent one in writing, on paper
VOTING_IN_THE_BROWSER = (
    "Sở Nội vụ tỉnh Gia Lai",
    "Sở Nội vụ tỉnh Kon Tum",
    "Sở Nội vụ tỉnh Đắk Nông",
)


class YearEndClosingTours:
    """Mixed into a ``YearEndCommon`` test whose plan's scores are agreed
    at its conference (10/12/2027): ``_close_the_year(plan)``."""

    def _close_the_year(self, plan):
        self.secretariat = self._closing_secretariat(plan)
        self._closing_votes(plan)
        self._closing_proposals(plan)
        self._closing_letter(plan)
        self._closing_council(plan)
        self._closing_rollover(plan)

    def _closing_secretariat(self, plan):
        """The cluster's secretariat (one user, of the leader unit), who
        logs in with his login as password, as the officers do here."""
        secretariat = plan.cluster_id.secretariat_user_ids
        self.assertEqual(len(secretariat), 1)
        self.assertEqual(secretariat.emulation_unit_id, plan.leader_id)
        secretariat.password = secretariat.login
        return secretariat

    def _closing_start(self, tour, login):
        self.start_tour("/odoo", tour, login=login, timeout=TOURS_TIMEOUT)

    # ------------------------------------------------------------------
    # the conference's votes
    # ------------------------------------------------------------------
    def _closing_votes(self, plan):
        conference = plan.event_ids
        self.assertEqual(len(conference), 1)
        with freeze_time(CONFERENCE_DAY):
            self._closing_start(
                "emulation_yearend_secretariat_prepares_the_votes",
                self.secretariat.login,
            )
            self.assertEqual(
                (
                    conference.state,
                    conference.date_held,
                    conference.absent_unit_ids.name,
                ),
                ("held", date(2027, 12, 10), ABSENT),
            )
            polls = conference.poll_ids
            self.assertEqual(
                {poll.subject: (poll.name, poll.state) for poll in polls},
                {subject: (name, "open") for subject, (name, __) in POLLS.items()},
            )
            self.assertEqual(polls.create_uid, self.secretariat)
            self.assertEqual(polls.counting_user_ids, self.secretariat)
            self.assertEqual(set(polls.mapped("is_secret")), {True})
            for unit in VOTING_IN_THE_BROWSER:
                self._closing_start("emulation_yearend_officer_votes", OFFICERS[unit])
            self._closing_start(
                "emulation_yearend_secretariat_counts", self.secretariat.login
            )
        for poll in polls:
            name, chosen = POLLS[poll.subject]
            self.assertEqual(poll.state, "closed", name)
            self.assertEqual(
                poll.candidate_ids.filtered("is_elected").partner_id.name, chosen
            )
            # a secret vote: no ballot names its unit
            ballots = self.env["emulation.ballot"].search([("poll_id", "=", poll.id)])
            self.assertEqual(len(ballots), 5)
            self.assertFalse(ballots.partner_id)
            voted = poll.voter_ids.filtered("voted_round").partner_id
            self.assertEqual(len(voted), 5)
        term = self.env["emulation.cluster.term"]._get_term(plan.cluster_id, 2028)
        self.assertEqual(
            (term.leader_id.name, term.deputy_id.name),
            (POLLS["leader"][1], POLLS["deputy"][1]),
        )
        # both minutes, as the secretariat prints them (the tour clicked
        # them), dated the day of the conference; in Vietnamese, the award's
        # name too, even for a reader in English (no language given here)
        Report = self.env["ir.actions.report"].with_user(self.secretariat)
        for report in (
            "emulation_cluster.report_emulation_poll_review_minutes",
            "emulation_cluster.report_emulation_poll_count_minutes",
        ):
            html = Report._render_qweb_html(report, polls.ids)[0]
            text = " ".join(lxml.html.fromstring(html).text_content().split())
            self.assertIn("ngày 10 tháng 12 năm 2027", text.lower(), report)
            self.assertIn("Cờ thi đua của Chính phủ", text, report)
            self.assertIn(POLLS["nomination"][1], text, report)
        self.closing_polls = polls

    # ------------------------------------------------------------------
    # the proposals, their dossiers and their letter
    # ------------------------------------------------------------------
    def _closing_proposals(self, plan):
        with freeze_time("2027-12-15 02:00:00"):
            self._closing_start(
                "emulation_yearend_secretariat_proposes", self.secretariat.login
            )
        proposals = self.env["emulation.award.proposal"].search(
            [("plan_id", "=", plan.id)]
        )
        flag = proposals.filtered("poll_id")
        merit = proposals - flag
        ref = self.env.ref
        self.assertEqual(
            (flag.partner_id.name, flag.award_type_id, flag.poll_id.subject),
            (
                POLLS["nomination"][1],
                ref("emulation_cluster.award_type_government_flag"),
                "nomination",
            ),
        )
        self.assertEqual(
            (merit.partner_id.name, merit.award_type_id),
            (
                "Sở Nội vụ tỉnh Gia Lai",
                ref("emulation_cluster.award_type_ministry_merit"),
            ),
        )
        self.assertEqual(proposals.create_uid, self.secretariat)
        self.assertEqual(set(proposals.mapped("state")), {"draft"})
        # what is missing of each dossier: only the letter
        for proposal in proposals:
            self.assertEqual(
                proposal.item_ids.filtered(
                    lambda line: not line.is_present
                ).item_id.mapped("source"),
                ["letter"],
                proposal.display_name,
            )
        self.assertEqual(
            flag.item_ids.filtered("file_name").mapped("file_name"),
            ["bao-cao-thanh-tich-kon-tum.pdf"],
        )
        self.assertEqual(
            sorted(merit.item_ids.filtered("file_name").mapped("file_name")),
            ["bao-cao-thanh-tich-gia-lai.pdf", "bien-ban-binh-xet-bang-khen.pdf"],
        )
        self.closing_flag, self.closing_merit = flag, merit

    def _closing_letter(self, plan):
        with freeze_time("2027-12-20 03:00:00"):
            self._closing_start(
                "emulation_yearend_secretariat_sends_the_letter", self.secretariat.login
            )
        letter = self.env["emulation.award.letter"].search([("plan_id", "=", plan.id)])
        self.assertEqual(len(letter), 1)
        self.assertRegex(letter.number, r"^01/TTr-")
        self.assertEqual(
            (letter.state, letter.issue_date, letter.submit_date, letter.create_uid),
            ("submitted", date(2027, 12, 18), date(2027, 12, 20), self.secretariat),
        )
        proposals = self.closing_flag | self.closing_merit
        self.assertEqual(letter.proposal_ids, proposals)
        self.assertEqual(
            {(p.state, p.submit_date) for p in proposals},
            {("submitted", date(2027, 12, 20))},
        )

    # ------------------------------------------------------------------
    # the council's decisions
    # ------------------------------------------------------------------
    def _closing_council(self, plan):
        council = self._closing_council_user()
        with freeze_time("2028-01-15 03:00:00"):
            self._closing_start("emulation_yearend_council_decides", council.login)
        flag, merit = self.closing_flag, self.closing_merit
        self.assertEqual(
            (flag.state, flag.decision_number, flag.decision_date, flag.decided_by_id),
            ("approved", "85/QĐ-TTg", date(2028, 1, 14), council),
        )
        self.assertEqual(
            (merit.state, merit.decided_by_id, merit.decision_number),
            ("rejected", council, False),
        )
        self.assertIn("chưa đủ 05 năm", merit.rejection_reason)
        # the units are told, in their proposals' chatter
        self.assertTrue(
            flag.message_ids.filtered(lambda m: "85/QĐ-TTg" in (m.body or ""))
        )

    # ------------------------------------------------------------------
    # next year
    # ------------------------------------------------------------------
    def _closing_rollover(self, plan):
        with freeze_time("2028-01-20 03:00:00"):
            self._closing_start(
                "emulation_yearend_admin_rolls_over", self.administrator.login
            )
        new = self.env["emulation.plan"].search(
            [("cluster_id", "=", plan.cluster_id.id), ("year", "=", 2028)]
        )
        self.assertEqual(len(new), 1)
        self.assertEqual(
            (new.state, new.leader_id.name, new.deputy_id.name),
            ("draft", POLLS["leader"][1], POLLS["deputy"][1]),
        )
        self.assertEqual(plan.next_plan_id, new)
        self.assertEqual(new.event_ids.date_start.year, 2028)

    # ------------------------------------------------------------------
    # the council's user, as Odoo's Settings would make it
    # ------------------------------------------------------------------
    def _closing_council_user(self):
        return new_test_user(
            self.env,
            login="hoidong.tdkt@taynguyen.gov.vn",
            name="Hội đồng Thi đua - Khen thưởng",
            groups="emulation_cluster.group_council",
            lang="vi_VN",
            tz="Asia/Ho_Chi_Minh",
        )
