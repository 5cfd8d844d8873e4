# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The main flows in a real browser (headless Chromium), in Vietnamese."""

import base64
import logging
import re
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools.misc import file_open

from .common import EmulationCommon
from .test_poll import PollCommon
from .test_proposal import ProposalCommon
from .test_scorecard import LEADER, ScorecardCommon
from .yearend_common import CLUSTER, SET_UP_TOUR, YearEndCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestTours(HttpCase, EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_vietnamese()
        for user in (cls.user_officer, cls.user_secretariat, cls.user_deputy):
            user.lang = "vi_VN"
        cls.env.ref("base.user_admin").lang = "vi_VN"
        cls.plan = cls._create_plan(year=2026)
        cls.obligation = cls.env["emulation.obligation"].create(
            {
                "name": "Báo cáo sơ kết tour",
                "plan_id": cls.plan.id,
                "deadline": date(2026, 12, 15),
            }
        )
        cls._issue_plan(cls.plan)
        cls.submissions = {sub.partner_id: sub for sub in cls.obligation.submission_ids}

    def _file(self, unit, user, **vals):
        submission = self.submissions[unit].with_user(user)
        attachment = (
            self.env["ir.attachment"]
            .with_user(user)
            .create(
                {
                    "name": "bao-cao.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4"),
                    "res_model": submission._name,
                    "res_id": submission.id,
                }
            )
        )
        submission.write({"attachment_ids": [Command.link(attachment.id)], **vals})
        submission.action_file()
        return submission

    def test_officer_files_his_report(self):
        self.start_tour(
            "/odoo", "emulation_officer_files", login=self.user_officer.login
        )
        submission = self.submissions[self.unit_member3]
        self.assertEqual(submission.state, "filed")
        self.assertEqual(submission.attachment_ids.name, "bao-cao-so-ket-tour.pdf")
        self.assertEqual(submission.filed_by_id, self.user_officer)

    def test_officer_recalls_a_filing(self):
        submission = self._file(self.unit_member3, self.user_officer)
        self.start_tour(
            "/odoo", "emulation_officer_recalls", login=self.user_officer.login
        )
        self.assertEqual(submission.state, "to_file")
        self.assertEqual(submission.round_ids.decision, "recalled")
        self.assertEqual(
            submission.round_ids.reason,
            "Gửi nhầm tệp của năm trước, đơn vị sẽ nộp lại.",
        )
        self.assertTrue(submission.attachment_ids, "nothing recalled is lost")

    def test_secretariat_returns_and_accepts(self):
        deputy = self._file(self.unit_deputy, self.user_deputy)
        paper = self._file(
            self.unit_member4,
            self.user_secretariat,
            channel="paper",
            date_received=date(2026, 11, 20),
        )
        self.start_tour(
            "/odoo", "emulation_secretariat_reviews", login=self.user_secretariat.login
        )
        self.assertEqual(deputy.state, "returned")
        self.assertIn("Thiếu chữ ký", deputy.return_reason)
        self.assertEqual(paper.state, "accepted")

    def test_administrator_sets_up_a_cluster(self):
        self.env["emulation.document"].create(
            {
                "name": "462/BNV-VP",
                "date": date(2026, 1, 15),
                "issuer_name": "Bộ Nội vụ",
            }
        )
        self.start_tour("/odoo", "emulation_admin_sets_up", login="admin")
        cluster = self.env["emulation.cluster"].search(
            [("name", "=", "Cụm thi đua thử nghiệm tour")]
        )
        self.assertEqual(len(cluster.membership_ids), 3)
        self.assertTrue(all(cluster.membership_ids.partner_id.mapped("is_company")))
        plan = cluster.plan_ids
        self.assertEqual(plan.state, "issued")
        self.assertEqual(plan.obligation_ids.name, "Báo cáo tổng kết năm")
        self.assertEqual(
            len(plan.obligation_ids.submission_ids), 2, "every member but the leader"
        )
        # what the tour read in the tracker: the cluster's two filings due
        tally = self.env["emulation.submission.tally"].with_user(
            self.env.ref("base.user_admin")
        )
        self.assertEqual(
            tally._read_group(
                [("cluster_id", "=", cluster.id)], ["state"], ["count:sum"]
            ),
            [("to_file", 2)],
        )


@tagged("post_install", "-at_install")
class TestScoringTours(HttpCase, ScorecardCommon):
    """Self-scoring, appraisal and the agreed ranking, in Vietnamese, as the
    officer and the secretariat meet them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_vietnamese()
        for user in (cls.user_officer, cls.user_secretariat):
            user.lang = "vi_VN"
        cls.plan.scorecard_ids.line_ids.filtered(
            lambda line: line.criterion_id.code == "I.2"
        ).target_value = 100

    def test_self_scoring_appraisal_and_the_ranking(self):
        card = self.card_officer
        self.start_tour(
            "/odoo", "emulation_officer_self_scores", login=self.user_officer.login
        )
        self.assertEqual(card.state, "self_scored")
        self.assertEqual(card.self_scored_by_id, self.user_officer)
        self.assertFalse(card.self_scored_on_behalf)
        self.assertEqual(card.self_total, 71)
        self.assertEqual(self._line(card, "I.1").evidence, "Báo cáo tổng kết năm 2020")
        self.assertEqual(
            card.plan_id.obligation_ids.submission_ids.filtered(
                lambda sub: sub.partner_id == self.unit_member3
            ).state,
            "filed",
        )
        self.start_tour(
            "/odoo",
            "emulation_secretariat_appraises",
            login=self.user_secretariat.login,
        )
        self.assertEqual(card.state, "agreed")
        self.assertEqual(card.appraiser_id, self.user_secretariat)
        self.assertEqual(card.final_total, 65)
        self.assertEqual(
            self._line(card, "I.1").appraiser_comment,
            "Thiếu minh chứng cho một nhiệm vụ",
        )
        # the other units score and are agreed; then the officer reads the
        # whole ranking
        others = self.plan.scorecard_ids - card
        for other in others:
            for code, value in LEADER.items():
                self._line(other, code).self_value = value
        self._line(self.card_leader, "III.1").self_value = 10
        others = others.with_user(self.user_manager)
        others.action_submit_self_scores()
        others.action_appraise()
        others.action_agree()
        self.start_tour(
            "/odoo", "emulation_officer_reads_ranking", login=self.user_officer.login
        )


@tagged("post_install", "-at_install")
class TestVotingTour(HttpCase, PollCommon):
    """The officer casts his unit's ballot in the browser, in Vietnamese."""

    def test_officer_votes(self):
        self._load_vietnamese()
        self.user_officer.lang = "vi_VN"
        poll = self._poll()
        poll.action_open_voting()
        self.start_tour(
            "/odoo", "emulation_officer_votes", login=self.user_officer.login
        )
        # a secret ballot: the choice stored apart from the unit that voted
        ballot = self.env["emulation.ballot"].search([("poll_id", "=", poll.id)])
        self.assertEqual(ballot.approve_ids.partner_id, self.unit_leader)
        self.assertEqual(
            (ballot.round, ballot.partner_id, ballot.entered_by_id.id),
            (1, self.env["res.partner"], False),
        )
        voted = poll.voter_ids.filtered("voted_round")
        self.assertEqual((voted.partner_id, voted.voted_round), (self.unit_member3, 1))


@tagged("post_install", "-at_install")
class TestProposalTours(HttpCase, ProposalCommon):
    """The secretariat turns the conference's vote into proposals, and the
    council decides one, in the browser, in Vietnamese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_vietnamese()
        (cls.user_secretariat | cls.user_council).lang = "vi_VN"

    def test_secretariat_makes_the_proposals(self):
        self.start_tour(
            "/odoo", "emulation_secretariat_proposes", login=self.user_secretariat.login
        )
        proposal = self.env["emulation.award.proposal"].search(
            [("poll_id", "=", self.flag_poll.id)]
        )
        self.assertEqual(
            (proposal.partner_id, proposal.create_uid, proposal.missing_item_count),
            (self.unit_member3, self.user_secretariat, 1),
        )

    def test_council_decides(self):
        with freeze_time("2021-03-20"):
            proposal = self._flag_proposal()
            self._letter(proposal).with_user(self.user_secretariat).action_submit()
        self.start_tour(
            "/odoo", "emulation_council_decides", login=self.user_council.login
        )
        self.assertEqual(
            (
                proposal.state,
                proposal.decision_number,
                proposal.decision_date,
                proposal.decided_by_id,
            ),
            ("approved", "245/QĐ-TTg", date(2021, 5, 4), self.user_council),
        )

    def test_secretariat_recalls_the_letter(self):
        with freeze_time("2021-03-20"):
            proposal = self._flag_proposal()
            letter = self._letter(proposal)
            letter.with_user(self.user_secretariat).action_submit()
        number = letter.name
        self.start_tour(
            "/odoo",
            "emulation_secretariat_recalls_the_letter",
            login=self.user_secretariat.login,
        )
        self.assertEqual((letter.state, proposal.state), ("draft", "draft"))
        self.assertEqual(letter.name, number, "its number is kept")
        self.assertEqual(proposal.letter_id, letter)


def _scan_js_array(source, start):
    """The JavaScript array of ``source`` whose items start at ``start``:
    its own code between the items, and the text of each object it holds,
    that object's own level only (strings blanked, nested ones left out)."""
    code, objects, current = [], [], []
    depth, quote, index = 0, None, start
    while True:
        char = source[index]
        index += 1
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = None
            continue
        if char in "'\"`":
            quote = char
            char = '""'
        elif char in "{[":
            depth += 1
            if depth == 1:
                current = []
                continue
        elif char in "}]":
            depth -= 1
            if depth < 0:
                return "".join(code), objects
            if depth == 0:
                objects.append("".join(current))
                continue
        if depth == 0:
            code.append(char)
        elif depth == 1:
            current.append(char)


@tagged("post_install", "-at_install")
class TestNewClusterTour(YearEndCommon):
    """A cluster set up from nothing in the browser, in Vietnamese, by an
    administrator the test creates (the addon's manager, nothing of the demo
    given to him): its regulation, five member units and their officers,
    a rule of each kind, criteria imported from the sample spreadsheet, the
    2027 plan with a conference and two reports, issued; then one of the new
    officers meets his first screen."""

    CLUSTER = CLUSTER
    OFFICER_LOGIN = "tuan.a@snv.kontum.gov.vn"
    TOUR_FILE = "emulation_cluster/static/tests/tours/emulation_new_cluster_tour.esm.js"
    TOUR = SET_UP_TOUR
    # what a person may have to do to set a cluster up (clicks and entries)
    MAX_STEPS = 120

    def _count_person_steps(self):
        """The steps of the set-up tour that a person does: those with a
        ``run`` (a click, an entry, an upload), not those that only check
        what the screen shows. The tour's file is read as JavaScript text:
        the objects of its ``steps`` array, found by their braces outside
        strings (whatever the formatting), each counted once; a step list
        that generates steps (a spread, a call, a loop) is refused, since
        its text would not say how many run."""
        with file_open(self.TOUR_FILE) as handle:
            source = handle.read()
        start = source.index(f'tours.add("{self.TOUR}"')
        start = source.index("steps: () => [", start) + len("steps: () => [")
        code, objects = _scan_js_array(source, start)
        for generator in ("...", "(", "for ", "while "):
            self.assertNotIn(
                generator, code, "the tour's steps are written out one by one"
            )
        person = [step for step in objects if re.search(r"(^|[{,])\s*run\s*:", step)]
        return len(objects), len(person)

    def test_steps_a_person_does(self):
        total, person = self._count_person_steps()
        _logger.info(
            "the set-up of a cluster from nothing: %s steps a person does "
            "(of %s steps)",
            person,
            total,
        )
        self.assertLessEqual(
            person,
            self.MAX_STEPS,
            f"setting up a cluster takes {person} clicks and entries",
        )

    def test_new_cluster_from_nothing(self):
        plan = self._set_up_cluster()
        admin = self.administrator
        cluster = self.env["emulation.cluster"].search([("name", "=", self.CLUSTER)])
        self.assertEqual(len(cluster), 1)
        self.assertEqual(cluster.create_uid, admin)
        self.assertEqual(
            (cluster.regulation_id.name, cluster.regulation_id.document_type),
            ("08/QĐ-CTĐTN", "regulation"),
        )
        units = cluster.membership_ids.partner_id
        self.assertEqual(len(units), 5)
        self.assertEqual(units.create_uid, admin, "units made, not borrowed")
        officer_group = self.env.ref("emulation_cluster.group_unit_officer")
        for unit in units:
            self.assertEqual(len(unit.emulation_officer_ids), 1, unit.name)
            self.assertIn(officer_group, unit.emulation_officer_ids.groups_id)
        rules = self.env["emulation.rule"].search([("cluster_id", "=", cluster.id)])
        self.assertEqual(
            sorted(rules.mapped("rule_type")),
            sorted(
                ["classification", "scoring", "voting", "nomination_quota", "proposal"]
            ),
        )
        self.assertEqual(rules.document_id, cluster.regulation_id)
        self.assertEqual(set(rules.mapped("scope")), {"cluster"})
        template = self.env["emulation.criterion.template"].search(
            [("cluster_id", "=", cluster.id), ("plan_id", "=", False)]
        )
        self.assertEqual(
            (template.state, len(template.criterion_ids), template.total_max),
            ("validated", 8, 100),
        )
        self.assertEqual(plan, cluster.plan_ids)
        self.assertEqual(plan.event_ids.name, "Hội nghị tổng kết Cụm năm 2027")
        self.assertEqual(len(plan.obligation_ids), 2)
        self.assertEqual(plan.criterion_template_id.source_template_id, template)
        self.assertEqual(plan.create_uid, admin)
        # the invitation mail cannot be read here: the officer's password is
        # set for him
        officer = self.env["res.users"].search([("login", "=", self.OFFICER_LOGIN)])
        self.assertEqual(officer.emulation_unit_id.name, "Sở Nội vụ tỉnh Kon Tum")
        self.start_tour(
            "/odoo", "emulation_new_officer_first_screen", login=self.OFFICER_LOGIN
        )
