# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger

from .common import printed_text
from .test_scorecard import LEADER, ScorecardCommon


class PollCommon(ScorecardCommon):
    """The 2020 plan of the scoring tests, its four scorecards agreed
    (leader 90, deputy 80, member 3 80, member 4 40), a 2020 voting rule
    (more than 50 % of all members, quorum 2/3, written votes, two rounds,
    ties by score then women first), a 2026 one (at least 80 % of those
    present plus written votes, one round, the chair decides ties), and
    the cluster's quotas: one unit for the flag, three for certificates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        scores = {
            cls.card_leader: dict(LEADER, **{"III.1": 10}),
            cls.card_deputy: dict(LEADER),
            cls.card_officer: dict(LEADER, **{"I.1": 25, "II.1": 25}),
            cls.card_member4: {"I.1": 10, "I.2": 100, "II.1": 20},
        }
        for card, values in scores.items():
            card.line_ids.filtered(
                lambda line: line.criterion_id.code == "I.2"
            ).target_value = 100
            for line in card.line_ids:
                if line.criterion_id.code in values:
                    line.self_value = values[line.criterion_id.code]
        cards = cls.plan.scorecard_ids.with_user(cls.user_manager)
        cards.action_submit_self_scores()
        cards.action_appraise()
        cards.action_agree()
        AwardType = cls.env["emulation.award.type"]
        cls.flag = AwardType.create({"name": "Cờ thi đua (test)"})
        cls.merit = AwardType.create({"name": "Bằng khen (test)"})
        Rule = cls.env["emulation.rule"]
        cls.rule_2020 = Rule.create(
            {
                "name": "Bỏ phiếu 2020",
                "rule_type": "voting",
                "document_id": cls.guidance.id,
                "scope": "cluster",
                "cluster_id": cls.cluster.id,
                "date_from": date(2018, 1, 1),
                "date_to": date(2025, 6, 30),
                "vote_base": "members",
                "vote_threshold": 50,
                "vote_strict": True,
                "max_rounds": 2,
            }
        )
        cls.rule_2026 = Rule.create(
            {
                "name": "Bỏ phiếu 2026",
                "rule_type": "voting",
                "document_id": cls.guidance.id,
                "scope": "cluster",
                "cluster_id": cls.cluster.id,
                "date_from": date(2025, 7, 1),
                "vote_base": "present_written",
                "vote_threshold": 80,
                "vote_strict": False,
                "max_rounds": 1,
                "tiebreak_by_chair": True,
            }
        )
        cls.quota = Rule.create(
            {
                "name": "Số lượng đề nghị",
                "rule_type": "nomination_quota",
                "document_id": cls.guidance.id,
                "scope": "cluster",
                "cluster_id": cls.cluster.id,
                "date_from": date(2018, 1, 1),
                "quota_ids": [
                    Command.create({"award_type_id": cls.flag.id, "max_count": 1}),
                    Command.create({"award_type_id": cls.merit.id, "max_count": 3}),
                ],
            }
        )
        cls.conference = cls.plan.event_ids[:1]

    def _poll(self, award=None, event=None, **vals):
        Poll = self.env["emulation.poll"].with_user(self.user_secretariat)
        return Poll.create(
            {
                "name": "Suy tôn (test)",
                "event_id": (event or self.conference).id,
                "subject": "nomination",
                "award_type_id": (award or self.flag).id,
                "counting_user_ids": [Command.link(self.user_secretariat.id)],
                **vals,
            }
        )

    def _candidate(self, poll, unit):
        return poll.candidate_ids.filtered(lambda c: c.partner_id == unit)

    def _vote(self, poll, unit, approved, user=None, **vals):
        """``unit``'s ballot: cast by ``user``, its officer; or from paper,
        in a secret poll as the counting committee does it (the unit's
        ballot marked handed in, then entered without its unit)."""
        user = user or self.user_secretariat
        if (
            poll.is_secret
            and user in poll.counting_user_ids
            and unit != user.partner_id.commercial_partner_id
        ):
            self._hand_in(poll, unit, user)
            vals = dict(vals, partner_id=False)
            vals.pop("is_written", None)
        return self._enter(
            poll, approved, user, **dict({"partner_id": unit.id}, **vals)
        )

    def _hand_in(self, poll, unit, user=None):
        """``unit`` handed its ballot in on paper (absent: its written vote)."""
        return (
            poll.voter_ids.filtered(lambda voter: voter.partner_id == unit)
            .with_user(user or self.user_secretariat)
            .action_hand_in_paper()
        )

    def _enter(self, poll, approved, user, **vals):
        return (
            self.env["emulation.ballot"]
            .with_user(user)
            .create(
                {
                    "poll_id": poll.id,
                    "approve_ids": [
                        Command.set([self._candidate(poll, u).id for u in approved])
                    ],
                    **vals,
                }
            )
        )

    def _absent(self, poll, *units):
        """Recorded on the poll's conference, which its polls read."""
        poll.event_id.with_user(self.user_secretariat).absent_unit_ids = [
            Command.link(unit.id) for unit in units
        ]

    def _chosen(self, poll):
        return poll.candidate_ids.filtered("is_elected").partner_id


@tagged("post_install", "-at_install")
class TestPoll(PollCommon):
    """Polls: thresholds and their bases, quorum,
    written votes, rounds and ties, quotas, exclusions, secrecy, and the
    rules chosen by the conference's date."""

    def test_candidates_from_the_ranking_and_voters_from_the_members(self):
        poll = self._poll()
        self.assertEqual(
            poll.candidate_ids.partner_id.ids,
            (
                self.unit_leader
                | self.unit_deputy
                | self.unit_member3
                | self.unit_member4
            ).ids,
        )
        self.assertEqual(len(poll.voter_ids), 4)
        self.assertEqual(set(poll.voter_ids.mapped("attendance")), {"present"})
        # members read the poll once it is open, never while prepared
        Poll = self.env["emulation.poll"].with_user(self.user_officer)
        self.assertFalse(Poll.search([("id", "=", poll.id)]))
        poll.action_open_voting()
        self.assertEqual(Poll.search([("id", "=", poll.id)]), poll)
        self.assertEqual((poll.rule_id, poll.seats), (self.rule_2020, 1))
        self.assertFalse(
            self.env["emulation.poll"]
            .with_user(self.user_officer_other)
            .search([("id", "=", poll.id)])
        )

    def test_more_than_half_of_all_members(self):
        poll = self._poll()
        poll.action_open_voting()
        self._vote(poll, self.unit_leader, [self.unit_member3])
        self._vote(poll, self.unit_deputy, [self.unit_member3], self.user_deputy)
        self._vote(poll, self.unit_member3, [self.unit_member3], self.user_officer)
        self._vote(poll, self.unit_member4, [self.unit_leader])
        self.assertEqual(poll.ballot_count, 4)
        poll.action_count_round()
        self.assertEqual(poll.state, "closed")
        self.assertEqual(self._chosen(poll), self.unit_member3)
        result = poll.result_ids.filtered(lambda r: r.partner_id == self.unit_member3)
        self.assertEqual(
            (
                result.ballot_count,
                result.yes_count,
                result.no_count,
                result.yes_percent,
            ),
            (4, 3, 1, 75.0),
        )
        # exactly half is not more than half: nobody chosen
        poll = self._poll()
        poll.action_open_voting()
        self._vote(poll, self.unit_leader, [self.unit_member3])
        self._vote(poll, self.unit_deputy, [self.unit_member3], self.user_deputy)
        self._vote(poll, self.unit_member3, [self.unit_leader], self.user_officer)
        self._vote(poll, self.unit_member4, [self.unit_leader])
        poll.action_count_round()
        self.assertFalse(self._chosen(poll))
        self.assertEqual(set(poll.result_ids.mapped("outcome")), {"not_elected"})

    def test_same_votes_judged_by_the_rules_of_each_date(self):
        """The three members present approve member 3, the absent one sends
        a written vote for the leader. 2020 (more than 50 % of all
        members): 3 of 4 passes. 2026 (at least 80 % of those present plus
        written votes): 3 of 4 = 75 % fails."""
        plan_2026 = self._create_plan(year=2026)
        self._issue_plan(plan_2026)
        results = {}
        for event in (self.conference, plan_2026.event_ids[:1]):
            poll = self._poll(event=event)
            self._absent(poll, self.unit_member4)
            poll.action_open_voting()
            for unit in (self.unit_leader, self.unit_deputy, self.unit_member3):
                self._vote(poll, unit, [self.unit_member3])
            self._vote(poll, self.unit_member4, [self.unit_leader], is_written=True)
            poll.action_count_round()
            results[poll.rule_id] = self._chosen(poll)
        self.assertEqual(
            results,
            {
                self.rule_2020: self.unit_member3,
                self.rule_2026: self.env["res.partner"],
            },
        )

    def test_at_least_the_threshold_of_present_and_written(self):
        """2026 rule: 4 of 5 would be 80 % exactly; here 3 present of 4
        members, one written vote: 4 yes of 4 passes; 3 of 4 does not."""
        plan_2026 = self._create_plan(year=2026)
        self._issue_plan(plan_2026)
        poll = self._poll(event=plan_2026.event_ids[:1], award=self.merit)
        self._absent(poll, self.unit_member4)
        poll.action_open_voting()
        self.assertEqual(poll.seats, 3)
        for unit in (self.unit_leader, self.unit_deputy, self.unit_member3):
            self._vote(poll, unit, [self.unit_leader, self.unit_deputy])
        self._vote(poll, self.unit_member4, [self.unit_leader], is_written=True)
        poll.action_count_round()
        self.assertEqual(self._chosen(poll), self.unit_leader)
        deputy = poll.result_ids.filtered(lambda r: r.partner_id == self.unit_deputy)
        self.assertEqual((deputy.yes_count, deputy.base_count), (3, 4))

    def test_quorum(self):
        poll = self._poll()
        self._absent(poll, self.unit_member3, self.unit_member4)
        poll.action_open_voting()
        self._vote(poll, self.unit_leader, [self.unit_leader])
        with self.assertRaisesRegex(UserError, "No quorum: 2 of 4"):
            poll.action_count_round()
        self.assertEqual(poll.state, "open")
        self.assertFalse(poll.result_ids)
        # 3 of 4 reach 2/3
        poll.event_id.with_user(self.user_secretariat).absent_unit_ids = [
            Command.unlink(self.unit_member3.id)
        ]
        poll.action_count_round()
        self.assertEqual(poll.state, "closed")

    def test_written_votes(self):
        poll = self._poll()
        self._absent(poll, self.unit_member3)
        poll.action_open_voting()
        # a unit that voted keeps the attendance its ballot says
        self._vote(poll, self.unit_leader, [self.unit_deputy])
        with self.assertRaisesRegex(UserError, "already voted in this round"):
            self._absent(poll, self.unit_leader)
        with self.assertRaisesRegex(UserError, "already voted in this round"):
            poll.voter_ids.filtered(
                lambda v: v.partner_id == self.unit_leader
            ).with_user(self.user_secretariat).unlink()
        # an absent unit's vote is a written one; a present unit's is not
        with self.assertRaisesRegex(UserError, "written vote"):
            self._vote(poll, self.unit_member3, [self.unit_leader], self.user_officer)
        with self.assertRaisesRegex(UserError, "not in writing"):
            self._vote(
                poll,
                self.unit_deputy,
                [self.unit_leader],
                self.user_deputy,
                is_written=True,
            )
        ballot = self._vote(
            poll,
            self.unit_member3,
            [self.unit_leader],
            self.user_officer,
            is_written=True,
        )
        # a secret ballot keeps no written mark: the voter's absence says it
        self.assertFalse(ballot.is_written or ballot.partner_id)
        self.assertEqual(
            self.env["emulation.poll.voter"]
            .search([("poll_id", "=", poll.id), ("voted_round", "=", 1)])
            .partner_id,
            self.unit_leader | self.unit_member3,
        )
        # a rule without written votes refuses them
        self.rule_2020.written_votes_allowed = False
        poll = self._poll()
        self._absent(poll, self.unit_member3)
        poll.action_open_voting()
        with self.assertRaisesRegex(UserError, "does not allow written votes"):
            self._vote(
                poll,
                self.unit_member3,
                [self.unit_leader],
                self.user_officer,
                is_written=True,
            )

    def _tie(self, poll, first, second):
        """Two votes each for ``first`` and ``second``."""
        self._vote(poll, self.unit_leader, [first])
        self._vote(poll, self.unit_deputy, [first], self.user_deputy)
        self._vote(poll, self.unit_member3, [second], self.user_officer)
        self._vote(poll, self.unit_member4, [second])

    def test_ties_by_score_then_women_first(self):
        # "more than half" would leave no one: at least half here
        self.rule_2020.vote_strict = False
        poll = self._poll()
        poll.action_open_voting()
        self._tie(poll, self.unit_deputy, self.unit_leader)
        poll.action_count_round()
        # 2 votes each: the leader's 90 points beat the deputy's 80
        self.assertEqual(self._chosen(poll), self.unit_leader)
        # without the score, a collective of at least 70 % women first
        self.rule_2020.tiebreak_by_score = False
        self.unit_deputy.is_women_collective = True
        poll = self._poll()
        poll.action_open_voting()
        self._tie(poll, self.unit_deputy, self.unit_leader)
        poll.action_count_round()
        self.assertEqual(self._chosen(poll), self.unit_deputy)

    def test_second_round_on_the_tied_then_no_third(self):
        self.rule_2020.write(
            {
                "vote_strict": False,
                "tiebreak_by_score": False,
                "tiebreak_women_first": False,
            }
        )
        poll = self._poll()
        poll.action_open_voting()
        self._tie(poll, self.unit_deputy, self.unit_leader)
        poll.action_count_round()
        self.assertEqual(poll.state, "counted")
        self.assertEqual(
            set(poll.result_ids.filtered(lambda r: r.outcome == "tied").partner_id.ids),
            {self.unit_deputy.id, self.unit_leader.id},
        )
        poll.action_next_round()
        self.assertEqual(poll.round, 2)
        # only the tied candidates are voted on again
        with self.assertRaisesRegex(UserError, "only the candidates of this round"):
            self._vote(poll, self.unit_leader, [self.unit_member3])
        self._tie(poll, self.unit_deputy, self.unit_leader)
        poll.action_count_round()
        # two rounds allowed, no chair: closed with nobody chosen
        self.assertEqual(poll.state, "closed")
        self.assertFalse(self._chosen(poll))
        with self.assertRaises(UserError):
            poll.action_next_round()

    def test_chair_decides_after_the_last_round_with_a_reason(self):
        self.rule_2020.write(
            {
                "vote_strict": False,
                "tiebreak_by_score": False,
                "tiebreak_women_first": False,
                "tiebreak_by_chair": True,
            }
        )
        poll = self._poll()
        poll.action_open_voting()
        self._tie(poll, self.unit_deputy, self.unit_leader)
        poll.action_count_round()
        poll.action_next_round()
        self._tie(poll, self.unit_deputy, self.unit_leader)
        poll.action_count_round()
        self.assertEqual(poll.state, "counted")
        with self.assertRaisesRegex(UserError, "allows 2 round"):
            poll.action_next_round()
        deputy = self._candidate(poll, self.unit_deputy).with_user(
            self.user_secretariat
        )
        with self.assertRaisesRegex(UserError, "reason"):
            deputy.action_chair_decides()
        poll.with_user(self.user_secretariat).chair_reason = "Luân phiên theo vùng"
        with self.assertRaisesRegex(UserError, "still tied"):
            self._candidate(poll, self.unit_member3).with_user(
                self.user_secretariat
            ).action_chair_decides()
        deputy.action_chair_decides()
        self.assertEqual(poll.state, "closed")
        self.assertEqual(self._chosen(poll), self.unit_deputy)
        self.assertTrue(self._candidate(poll, self.unit_deputy).is_chair_decision)

    def test_quota_of_the_award_type(self):
        poll = self._poll(award=self.merit)
        poll.action_open_voting()
        self.assertEqual(poll.seats, 3)
        everyone = [
            self.unit_leader,
            self.unit_deputy,
            self.unit_member3,
            self.unit_member4,
        ]
        with self.assertRaisesRegex(UserError, "at most 3"):
            self._vote(poll, self.unit_leader, everyone)
        self._vote(poll, self.unit_leader, everyone[:3])
        self._vote(poll, self.unit_deputy, everyone[:3], self.user_deputy)
        self._vote(poll, self.unit_member3, everyone[1:], self.user_officer)
        self._vote(poll, self.unit_member4, [everyone[0], everyone[3], everyone[2]])
        poll.action_count_round()
        # leader 3, deputy 3, member 3 4, member 4 2: three chosen, no more
        self.assertEqual(
            self._chosen(poll),
            self.unit_leader | self.unit_deputy | self.unit_member3,
        )
        # an award type without a quota: the vote cannot open
        other = self.env["emulation.award.type"].create({"name": "Giấy khen (test)"})
        with self.assertRaisesRegex(UserError, "sets no quota"):
            self._poll(award=other).action_open_voting()

    def test_excluded_units_are_no_candidates(self):
        inspection = self.env["emulation.unit.restriction"].create(
            {
                "partner_id": self.unit_member4.id,
                "kind": "inspection",
                "date_from": date(2020, 11, 1),
                "document_id": self.guidance.id,
            }
        )
        poll = self._poll()
        self.assertNotIn(self.unit_member4, poll.candidate_ids.partner_id)
        # (assertRaises rolls back to a savepoint, as a request would)
        with self.assertRaises(UserError) as refusal:
            poll.with_user(self.user_secretariat).candidate_ids = [
                Command.create({"partner_id": self.unit_member4.id})
            ]
        self.assertIn("cannot be a candidate", str(refusal.exception))
        self.assertNotIn(self.unit_member4, poll.candidate_ids.partner_id)
        # over before the conference: a candidate again
        inspection.date_to = date(2020, 11, 30)
        poll.with_user(self.user_secretariat).candidate_ids = [
            Command.create({"partner_id": self.unit_member4.id})
        ]
        self.assertIn(self.unit_member4, poll.candidate_ids.partner_id)

    def test_ballot_refusals(self):
        poll = self._poll()
        # not open yet: the officer may not even read it, and is not told
        # its name; the secretariat is told it is not open
        with self.assertRaisesRegex(AccessError, "may not read") as refusal:
            self._vote(poll, self.unit_member3, [self.unit_leader], self.user_officer)
        self.assertNotIn(poll.name, str(refusal.exception))
        with self.assertRaisesRegex(UserError, "not open for voting"):
            self._vote(poll, self.unit_member3, [self.unit_leader])
        poll.action_open_voting()
        self._vote(poll, self.unit_member3, [self.unit_leader], self.user_officer)
        with self.assertRaisesRegex(UserError, "already voted"):
            self._vote(poll, self.unit_member3, [self.unit_deputy], self.user_officer)
        with self.assertRaisesRegex(AccessError, "his own unit only"):
            self._vote(poll, self.unit_member4, [self.unit_leader], self.user_officer)
        with self.assertRaisesRegex(UserError, "finds a ballot invalid"):
            self._vote(
                poll,
                self.unit_deputy,
                [self.unit_leader],
                self.user_deputy,
                is_invalid=True,
            )
        # a ballot never changes, not even through the API
        ballot = (
            self.env["emulation.ballot"]
            .search([("poll_id", "=", poll.id)])
            .with_user(self.user_officer)
        )
        with self.assertRaises(UserError):
            ballot.write({"approve_ids": [Command.set([])]})
        with self.assertRaises(AccessError):
            ballot.unlink()
        # counts are the system's
        with self.assertRaises(AccessError):
            poll.result_ids.with_user(self.user_secretariat).create(
                {"poll_id": poll.id, "candidate_id": poll.candidate_ids[0].id}
            )
        self._vote(poll, self.unit_leader, [self.unit_member3])
        self._vote(poll, self.unit_member4, [self.unit_member3])
        poll.action_count_round()
        with self.assertRaisesRegex(UserError, "not open for voting"):
            self._vote(poll, self.unit_deputy, [self.unit_leader], self.user_deputy)
        # a secretariat user outside the counting committee enters no paper
        # ballot of a secret poll
        poll = self._poll(counting_user_ids=[Command.link(self.user_manager.id)])
        poll.action_open_voting()
        with self.assertRaisesRegex(AccessError, "counting committee"):
            self._vote(poll, self.unit_member4, [self.unit_leader])

    def test_voters_and_candidates_are_members(self):
        """Members of the poll's cluster on the conference's date, added by
        hand too; a ballot from anyone else is refused."""
        outsider = self.env["res.partner"].create(
            {"name": "Đơn vị ngoài Cụm (test)", "is_company": True}
        )
        draft = self._poll().with_user(self.user_secretariat)
        for unit in (self.unit_other, outsider):
            with self.assertRaisesRegex(ValidationError, "not a member"):
                draft.candidate_ids = [Command.create({"partner_id": unit.id})]
        poll = self._poll()
        poll.action_open_voting()
        voter = poll.voter_ids.filtered(
            lambda v: v.partner_id == self.unit_member4
        ).with_user(self.user_secretariat)
        for unit in (self.unit_other, outsider):
            with self.assertRaisesRegex(ValidationError, "not a member"):
                voter.partner_id = unit
            with self.assertRaisesRegex(ValidationError, "not a member"):
                poll.with_user(self.user_secretariat).voter_ids = [
                    Command.create({"partner_id": unit.id})
                ]
        self.env.invalidate_all()
        self.assertEqual(voter.partner_id, self.unit_member4)
        # another cluster's officer cannot vote here
        with self.assertRaises(AccessError):
            self._vote(
                poll, self.unit_other, [self.unit_leader], self.user_officer_other
            )
        # a unit that left the cluster before the conference (its membership
        # corrected after the poll was prepared) votes no more
        self.cluster.membership_ids.filtered(
            lambda m: m.partner_id == self.unit_member4
        ).sudo().date_end = date(2020, 6, 30)
        with self.assertRaisesRegex(UserError, "not a member"):
            self._vote(poll, self.unit_member4, [self.unit_leader])
        self.assertEqual(poll.ballot_count, 0)

    def test_candidates_by_their_results(self):
        """The quota rule (with its legal basis) says which result an award
        requires; the candidates follow it; one added by hand needs a
        reason, which the minutes print."""
        self.quota.quota_ids.filtered(
            lambda line: line.award_type_id == self.flag
        ).required_classification = "not_lowest"
        rankings = self.env["emulation.ranking"].search(
            [("plan_id", "=", self.plan.id)]
        )
        failed = rankings.filtered(
            lambda r: r.classification_id.name == "Không hoàn thành nhiệm vụ"
        ).partner_id
        self.assertTrue(failed)
        poll = self._poll()
        self.assertTrue(poll.candidate_ids)
        self.assertFalse(poll.candidate_ids.partner_id & failed)
        # no quota requirement for the certificate: every member
        self.assertLessEqual(
            failed, self._poll(award=self.merit).candidate_ids.partner_id
        )
        secretariat_poll = poll.with_user(self.user_secretariat)
        with self.assertRaisesRegex(ValidationError, "added by hand"):
            secretariat_poll.candidate_ids = [
                Command.create({"partner_id": failed[0].id})
            ]
        self.assertFalse(
            self.env["emulation.poll.candidate"].search_count(
                [("poll_id", "=", poll.id), ("partner_id", "in", failed.ids)]
            )
        )
        secretariat_poll.candidate_ids = [
            Command.create(
                {
                    "partner_id": failed[0].id,
                    "added_reason": "Thành tích đột xuất trong phòng chống bão lũ.",
                }
            )
        ]
        self.assertIn(failed[0], poll.candidate_ids.partner_id)
        poll.action_open_voting()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "emulation_cluster.report_emulation_poll_review_minutes", poll.ids
            )[0]
            .decode()
        )
        self.assertIn("Thành tích đột xuất trong phòng chống bão lũ.", html)

    def test_access_before_state(self):
        """Who may not read the poll is refused as such, the poll unnamed,
        whatever its state; its state is told only to who reads it."""
        outsider = self.env["res.partner"].create(
            {"name": "Đơn vị ngoài Cụm (test)", "is_company": True}
        )
        user_outsider = self._create_emulation_user(
            "test_emu_officer_outsider", "group_unit_officer", outsider
        )
        poll = self._poll()
        poll.action_open_voting()
        for unit in poll.voter_ids.partner_id:
            self._vote(poll, unit, [self.unit_leader])
        poll.action_count_round()
        self.assertEqual(poll.state, "closed")
        for user, unit in (
            (user_outsider, outsider),
            (self.user_officer_other, self.unit_other),
            (self.user_secretariat_other, self.unit_member4),
        ):
            with self.assertRaises(AccessError, msg=user.login) as refusal:
                self._vote(poll, unit, [self.unit_leader], user)
            self.assertNotIn(poll.name, str(refusal.exception), user.login)
            self.assertNotIn(str(poll.id), str(refusal.exception), user.login)
        with self.assertRaisesRegex(UserError, "not open for voting"):
            self._vote(poll, self.unit_member3, [self.unit_leader], self.user_officer)

    def test_voting_rule_refusals(self):
        Rule = self.env["emulation.rule"]
        with self.assertRaises(ValidationError):
            Rule.create(
                {
                    "name": "Chồng lấn",
                    "rule_type": "voting",
                    "document_id": self.guidance.id,
                    "scope": "cluster",
                    "cluster_id": self.cluster.id,
                    "date_from": date(2026, 1, 1),
                }
            )
        # without its legal basis, a rule is a version being prepared: it
        # applies to nothing and is not confirmed
        draft = Rule.with_user(self.user_manager).create(
            {
                "name": "Không căn cứ",
                "rule_type": "voting",
                "date_from": date(2030, 1, 1),
            }
        )
        self.assertNotEqual(
            Rule._get_applicable("voting", self.cluster, date(2030, 6, 1)), draft
        )
        with self.assertRaisesRegex(ValidationError, "legal basis"):
            draft.is_confirmed = True
        with self.assertRaisesRegex(ValidationError, "threshold"):
            self.rule_2026.vote_threshold = 120
        # a blank name is no name, through the API too
        with self.assertRaisesRegex(ValidationError, "required"):
            self.rule_2026.with_user(self.user_manager).name = "   "


@tagged("post_install", "-at_install")
class TestPollCasting(PollCommon):
    """Casting is checked once per batch: the queries do not grow with the
    number of ballots."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        units = cls.env["res.partner"].create(
            [{"name": f"Đơn vị {i} (test)", "is_company": True} for i in range(96)]
        )
        cls.cluster.membership_ids = [
            Command.create({"partner_id": unit.id, "date_start": cls.member_since})
            for unit in units
        ]
        cls.quota.quota_ids.filtered(
            lambda line: line.award_type_id == cls.merit
        ).max_count = 3

    def _cast(self, poll, count):
        """The committee enters ``count`` paper ballots in one batch; the
        number of queries it took."""
        candidates = poll.candidate_ids[:3].ids
        # the units handed theirs in; the ballots are entered without them
        poll.voter_ids[:count].with_user(self.user_secretariat).action_hand_in_paper()
        vals_list = [
            {
                "poll_id": poll.id,
                "partner_id": False,
                "approve_ids": [Command.set(candidates[: 1 + index % 3])],
            }
            for index in range(count)
        ]
        Ballot = self.env["emulation.ballot"].with_user(self.user_secretariat)
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        Ballot.create(vals_list)
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def test_queries_do_not_grow_with_the_ballots(self):
        few, many = (self._poll(award=self.merit) for __ in range(2))
        (few | many).action_open_voting()
        self.assertEqual(len(many.voter_ids), 100)
        queries_few = self._cast(few, 10)
        queries_many = self._cast(many, 100)
        self.assertEqual((few.ballot_count, many.ballot_count), (10, 100))
        self.assertLessEqual(queries_few, 40)
        self.assertLessEqual(queries_many, queries_few)
        # a unit that voted hands in nothing more; no ballot beyond those
        # handed in is entered
        with self.assertRaisesRegex(UserError, "already voted"):
            self._cast(many, 2)
        with self.assertRaisesRegex(UserError, "0 more can be"):
            self.env["emulation.ballot"].with_user(self.user_secretariat).create(
                {"poll_id": many.id, "partner_id": False}
            )
        self.assertEqual(many.ballot_count, 100)


@tagged("post_install", "-at_install")
class TestPollSecrecy(HttpCase, PollCommon):
    """A secret poll, tried by every read a user can make (search, read,
    read_group, export, the chatter and its tracking, JSON-RPC and
    XML-RPC) as the secretariat, the council, a member of the counting
    committee outside the secretariat, a unit officer and a Settings
    administrator: nothing links a unit to what it chose."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_admin = cls._create_emulation_user(
            "test_emu_settings_admin", "group_manager", False
        )
        cls.user_admin.groups_id = [
            Command.link(cls.env.ref("base.group_system").id),
            Command.link(cls.env.ref("base.group_allow_export").id),
        ]
        cls.readers = (
            cls.user_secretariat,
            cls.user_council,
            cls.user_deputy,  # the counting committee, not the secretariat
            cls.user_officer,
            cls.user_admin,
        )

    def _secret_poll(self):
        poll = self._poll(counting_user_ids=[Command.set(self.user_deputy.ids)])
        poll.action_open_voting()
        self.env.flush_all()
        stamps = {voter.id: voter.write_date for voter in poll.voter_ids}
        self._vote(poll, self.unit_leader, [self.unit_member3])
        self._vote(poll, self.unit_member3, [self.unit_leader], self.user_officer)
        # the committee member enters the paper ballots (his unit's too)
        self._vote(poll, self.unit_deputy, [self.unit_member4], self.user_deputy)
        self._vote(poll, self.unit_member4, [self.unit_leader], self.user_deputy)
        self.env.flush_all()
        return poll, stamps

    def _call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def _assert_no_ballot_read(self, user, poll, ballots):
        """Through the ORM: no ballot found, read, grouped or exported."""
        Ballot = self.env["emulation.ballot"].with_user(user)
        self.assertFalse(Ballot.search([("poll_id", "=", poll.id)]), user.login)
        self.assertFalse(
            Ballot._read_group(
                [("poll_id", "=", poll.id)], ["partner_id", "approve_ids"], ["__count"]
            ),
            user.login,
        )
        for method, args in (
            ("read", (["partner_id", "approve_ids"],)),
            ("export_data", (["partner_id", "approve_ids/id"],)),
        ):
            # refused: the rights to read, or to export at all
            with self.assertRaises(UserError, msg=f"{user.login} {method}"):
                getattr(ballots.with_user(user), method)(*args)

    def _assert_no_rpc_read(self, user, poll, ballots):
        """Through JSON-RPC and XML-RPC, as a client would ask."""
        self.authenticate(user.login, user.login)
        rows = self._call(
            "emulation.ballot",
            "search_read",
            [("poll_id", "=", poll.id)],
            ["partner_id", "approve_ids"],
        )
        groups = self._call(
            "emulation.ballot",
            "read_group",
            [("poll_id", "=", poll.id)],
            ["__count"],
            ["partner_id", "approve_ids"],
            lazy=False,
        )
        self.assertEqual((rows, groups), ([], []), user.login)
        with (
            mute_logger("odoo.http"),
            self.assertRaisesRegex(JsonRpcException, "AccessError|UserError"),
        ):
            self._call("emulation.ballot", "export_data", ballots.ids, ["approve_ids"])
        uid = self.xmlrpc_common.authenticate(
            self.env.cr.dbname, user.login, user.login, {}
        )
        rows = self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            uid,
            user.login,
            "emulation.ballot",
            "search_read",
            [[("poll_id", "=", poll.id)]],
            {"fields": ["partner_id", "approve_ids"]},
        )
        self.assertEqual(rows, [], user.login)

    def test_no_read_links_a_unit_to_its_choice(self):
        poll, stamps = self._secret_poll()
        ballots = self.env["emulation.ballot"].search([("poll_id", "=", poll.id)])
        # stored apart: the ballots name no unit, nobody who entered them,
        # no time (the model has no log columns); the voters' flags carry
        # no time either (their lines are not written)
        self.assertEqual(len(ballots), 4)
        self.assertFalse(ballots.partner_id | ballots.entered_by_id.partner_id)
        self.assertFalse(any(ballots.mapped("is_written")))
        self.assertFalse(
            {"create_uid", "create_date", "write_uid", "write_date"}
            & set(ballots._fields)
        )
        voters = poll.voter_ids
        self.assertEqual(set(voters.mapped("voted_round")), {1})
        self.assertEqual({v.id: v.write_date for v in voters}, stamps)
        # nothing in the chatter about a ballot or a voter
        self.assertFalse(
            self.env["mail.message"].search(
                [("model", "in", ("emulation.ballot", "emulation.poll.voter"))]
            )
        )
        self.assertFalse(
            self.env["mail.tracking.value"].search(
                [
                    (
                        "field_id.model",
                        "in",
                        ("emulation.ballot", "emulation.poll.voter"),
                    )
                ]
            )
        )
        for user in self.readers:
            self._assert_no_ballot_read(user, poll, ballots)
            # what anyone reads of the voters: who voted, not when
            rows = poll.voter_ids.with_user(self.user_admin).read(
                ["partner_id", "voted_round", "write_date", "write_uid"]
            )
            self.assertEqual({row["write_date"] for row in rows}, set(stamps.values()))
            self.assertEqual(poll.with_user(user).ballot_count, 4, user.login)
        for user in self.readers:
            self._assert_no_rpc_read(user, poll, ballots)
        # counted: the council, like everyone, reads the tallies only
        poll.action_count_round()
        results = poll.with_user(self.user_council).result_ids
        self.assertEqual(
            {(r.partner_id, r.yes_count, r.ballot_count) for r in results},
            {
                (self.unit_leader, 2, 4),
                (self.unit_member3, 1, 4),
                (self.unit_member4, 1, 4),
                (self.unit_deputy, 0, 4),
            },
        )
        self._assert_no_ballot_read(self.user_council, poll, ballots)

    def test_the_committee_enters_paper_ballots(self):
        """A committee member outside the secretariat enters paper ballots;
        the secretariat outside the committee enters none of a secret poll,
        however it named the committee."""
        poll = self._poll(counting_user_ids=[Command.set(self.user_deputy.ids)])
        poll.action_open_voting()
        self._vote(poll, self.unit_member4, [self.unit_leader], self.user_deputy)
        with self.assertRaisesRegex(AccessError, "counting committee"):
            self._vote(poll, self.unit_deputy, [self.unit_leader])
        # the officer casts his own from the ballot form, and gets back
        # only what he cast
        self.authenticate(self.user_officer.login, self.user_officer.login)
        candidate = self._candidate(poll, self.unit_leader)
        saved = self._call(
            "emulation.ballot",
            "web_save",
            [],
            {
                "poll_id": poll.id,
                "partner_id": self.unit_member3.id,
                "approve_ids": [Command.set(candidate.ids)],
            },
            {
                "partner_id": {"fields": {"display_name": {}}},
                "approve_ids": {"fields": {"display_name": {}, "poll_id": {}}},
            },
        )
        self.assertEqual(saved[0]["partner_id"], False)
        self.assertEqual(
            saved[0]["approve_ids"],
            [{"id": candidate.id, "display_name": candidate.display_name}],
        )
        self.assertEqual(poll.ballot_count, 2)
        # the open poll (a show of hands): the ballots keep their unit
        shown = self._poll(is_secret=False)
        shown.action_open_voting()
        ballot = self._vote(shown, self.unit_member4, [self.unit_leader])
        self.assertEqual(ballot.partner_id, self.unit_member4)
        self.assertEqual(
            self.env["emulation.ballot"]
            .with_user(self.user_council)
            .search([("poll_id", "=", shown.id)]),
            ballot,
        )

    def test_paper_ballots_handed_in_then_entered_without_their_unit(self):
        """Two acts: the unit's ballot handed in on paper (its flag, no
        choice), then the ballot entered without its unit, no more than
        were handed in; whoever enters it learns no more than the count."""
        poll = self._poll(counting_user_ids=[Command.set(self.user_deputy.ids)])
        self._absent(poll, self.unit_member3)
        poll.action_open_voting()
        self.env.flush_all()
        stamps = {voter.id: voter.write_date for voter in poll.voter_ids}
        # only the secretariat or the committee records a paper ballot (the
        # form shows them its buttons)
        self.assertEqual(
            [
                poll.with_user(u).is_paper_clerk
                for u in (self.user_deputy, self.user_secretariat, self.user_officer)
            ],
            [True, True, False],
        )
        with self.assertRaisesRegex(AccessError, "secretariat or the counting"):
            self._hand_in(poll, self.unit_member4, self.user_officer)
        # member 3 is absent: its written vote; member 4 votes on paper
        self._hand_in(poll, self.unit_member3, self.user_deputy)
        self._hand_in(poll, self.unit_member4, self.user_secretariat)
        with self.assertRaisesRegex(UserError, "already voted in round 1"):
            self._hand_in(poll, self.unit_member4, self.user_deputy)
        # the committee names no unit; the secretariat outside it enters none
        with self.assertRaisesRegex(UserError, "names no unit"):
            self._enter(
                poll,
                [self.unit_leader],
                self.user_deputy,
                partner_id=self.unit_member4.id,
            )
        with self.assertRaisesRegex(AccessError, "counting committee"):
            self._enter(
                poll, [self.unit_leader], self.user_secretariat, partner_id=False
            )
        entered = self._enter(
            poll, [self.unit_leader], self.user_deputy, partner_id=False
        ) | self._enter(poll, [self.unit_member4], self.user_deputy, partner_id=False)
        with self.assertRaisesRegex(UserError, "2 paper ballot.s. are entered: 0 more"):
            self._enter(poll, [self.unit_leader], self.user_deputy, partner_id=False)
        # the officers cast their own units' ballots, flagged as today
        self._vote(poll, self.unit_leader, [self.unit_leader])
        self._vote(poll, self.unit_deputy, [self.unit_leader], self.user_deputy)
        self.env.flush_all()
        voters = poll.voter_ids
        self.assertEqual(poll.ballot_count, 4)
        self.assertEqual(set(voters.mapped("voted_round")), {1})
        self.assertEqual(
            voters.filtered("paper_round").partner_id,
            self.unit_member3 | self.unit_member4,
        )
        # nothing stored links a unit to the paper ballots, and nobody reads
        # them; the flags carry no time
        ballots = self.env["emulation.ballot"].search([("poll_id", "=", poll.id)])
        self.assertEqual(len(ballots), 4)
        self.assertFalse(entered.partner_id | ballots.partner_id)
        self.assertFalse(entered.entered_by_id | ballots.entered_by_id)
        self.assertFalse(any(ballots.mapped("is_written")))
        self.assertEqual({v.id: v.write_date for v in voters}, stamps)
        for user in (self.user_deputy, self.user_secretariat, self.user_admin):
            self._assert_no_ballot_read(user, poll, ballots)
        # counted: the written vote of the absent member 3 is in the base
        poll.action_count_round()
        results = {r.partner_id: r for r in poll.result_ids}
        self.assertEqual(results[self.unit_leader].ballot_count, 4)
        self.assertEqual(results[self.unit_leader].yes_count, 3)
        self.assertEqual(results[self.unit_member4].yes_count, 1)
        self.assertEqual(self._chosen(poll), self.unit_leader)
        with self.assertRaisesRegex(UserError, "not open for voting"):
            self._hand_in(poll, self.unit_leader, self.user_deputy)
        # an open poll (a show of hands): the paper ballot names its unit
        shown = self._poll(is_secret=False)
        shown.action_open_voting()
        with self.assertRaisesRegex(UserError, "names its unit"):
            self._hand_in(shown, self.unit_member4)
        ballot = self._vote(shown, self.unit_member4, [self.unit_leader])
        self.assertEqual(ballot.partner_id, self.unit_member4)
        self.assertFalse(shown.voter_ids.filtered("paper_round"))


@tagged("post_install", "-at_install")
class TestElection(PollCommon):
    """The election polls set next year's leader and
    deputy on the cluster; the same unit cannot be both."""

    def _elect(self, subject, unit):
        poll = self._poll(subject=subject, award_type_id=False)
        poll.action_open_voting()
        for voter in poll.voter_ids.partner_id:
            self._vote(poll, voter, [unit])
        poll.action_count_round()
        return poll

    def test_leader_and_deputy_of_next_year(self):
        leader_poll = self._elect("leader", self.unit_deputy)
        self.assertEqual(leader_poll.seats, 1)
        term = self.cluster.term_ids
        self.assertEqual(
            (term.year, term.leader_id, term.leader_poll_id, term.deputy_id),
            (2021, self.unit_deputy, leader_poll, self.env["res.partner"]),
        )
        # the elected leader cannot run for deputy
        poll = self._poll(subject="deputy", award_type_id=False)
        with self.assertRaisesRegex(UserError, "cannot be both leader and deputy"):
            poll.action_open_voting()
        self.assertEqual(poll.state, "draft")
        poll.candidate_ids.filtered(
            lambda c: c.partner_id == self.unit_deputy
        ).with_user(self.user_secretariat).unlink()
        poll.action_open_voting()
        for voter in poll.voter_ids.partner_id:
            self._vote(poll, voter, [self.unit_member3])
        poll.action_count_round()
        self.assertEqual(
            (term.leader_id, term.deputy_id), (self.unit_deputy, self.unit_member3)
        )
        # nobody writes a term by hand through the API
        with self.assertRaises(AccessError):
            term.with_user(self.user_secretariat).write(
                {"deputy_id": self.unit_deputy.id}
            )
        with self.assertRaises(ValidationError):
            term.write({"deputy_id": self.unit_deputy.id})


@tagged("post_install", "-at_install")
class TestPollMinutes(HttpCase, PollCommon):
    """Both minutes printed for real (wkhtmltopdf) and read back."""

    def _pdf_text(self, report, records, user):
        return printed_text(self.env, report, records, user)

    def test_the_conference_is_the_hub(self):
        """Attendance recorded once on the conference, read by its polls;
        the conference links to its polls, minutes and proposals, and is
        marked held on its real day; the blank ballot paper prints."""
        conference = self.conference.with_user(self.user_secretariat)
        conference.absent_unit_ids = [Command.link(self.unit_member4.id)]
        poll = self._poll()

        def absent():
            return poll.voter_ids.filtered(
                lambda v: v.attendance == "absent"
            ).partner_id

        self.assertEqual(absent(), self.unit_member4)
        conference.absent_unit_ids = [Command.set(self.unit_member3.ids)]
        self.assertEqual(absent(), self.unit_member3)
        self.assertEqual(conference.poll_count, 1)
        self.assertEqual(
            self.env["emulation.poll"].search(conference.action_view_polls()["domain"]),
            poll,
        )
        self.assertEqual(
            conference.action_print_minutes()["report_name"],
            "emulation_cluster.report_emulation_poll_review_minutes",
        )
        poll.action_open_voting()
        paper = " ".join(
            self._pdf_text(
                "emulation_cluster.report_emulation_poll_ballot_paper",
                poll,
                self.user_secretariat,
            ).split()
        )
        self.assertIn("PHIẾU BẦU", paper)
        self.assertIn("tối đa 1 đơn vị", paper)
        for candidate in poll.candidate_ids:
            self.assertIn(candidate.partner_id.name, paper)
        # held on its real day, never on a day to come
        with self.assertRaises(ValidationError) as refusal:
            conference.date_held = date(2099, 1, 1)
        self.assertIn("has not come yet", str(refusal.exception))
        conference.date_held = date(2020, 12, 5)
        conference.action_mark_held()
        self.assertEqual(
            (conference.state, conference.date_held), ("held", date(2020, 12, 5))
        )
        # none entered: today, in the user's time zone
        self.user_secretariat.tz = "Asia/Ho_Chi_Minh"
        other = self.conference.sudo().copy({"name": "Hội nghị sơ kết"})
        other.with_user(self.user_secretariat).action_mark_held()
        self.assertEqual(
            other.date_held,
            fields.Date.context_today(other.with_user(self.user_secretariat)),
        )

    def test_no_row_printed_twice_across_pages(self):
        units = self.env["res.partner"].create(
            [
                {"name": f"Đơn vị số {i:02d} (test)", "is_company": True}
                for i in range(70)
            ]
        )
        self.cluster.membership_ids = [
            Command.create({"partner_id": unit.id, "date_start": self.member_since})
            for unit in units
        ]
        poll = self._poll(award=self.merit)
        for candidate in poll.candidate_ids:
            candidate.achievement = "Hoàn thành xuất sắc nhiệm vụ; " * 3
        text = self._pdf_text(
            "emulation_cluster.report_emulation_poll_review_minutes",
            poll,
            self.user_secretariat,
        )
        self.assertGreater(text.count("\f"), 1, "the table runs over pages")
        for unit in units:
            self.assertEqual(text.count(unit.name), 1, unit.name)

    def test_review_and_count_minutes(self):
        self.conference.sudo().place = "thành phố Hải Phòng"
        poll = self._poll(
            chair_name="Nguyễn Văn Chủ",
            chair_title="Giám đốc Sở Nội vụ",
            secretary_name="Trần Thị Thư",
        )
        self._candidate(
            poll, self.unit_member3
        ).achievement = "Dẫn đầu phong trào cải cách hành chính"
        self._absent(poll, self.unit_member4)
        poll.action_open_voting()
        self._vote(poll, self.unit_leader, [self.unit_member3])
        self._vote(poll, self.unit_deputy, [self.unit_member3], self.user_deputy)
        self._vote(poll, self.unit_member3, [self.unit_leader], self.user_officer)
        self._vote(poll, self.unit_member4, [self.unit_member3], is_written=True)
        poll.action_count_round()
        self.assertEqual(self._chosen(poll), self.unit_member3)
        text = self._pdf_text(
            "emulation_cluster.report_emulation_poll_review_minutes",
            poll,
            self.user_officer,
        )
        for expected in (
            "BIÊN BẢN HỌP BÌNH XÉT",
            "Bình xét, suy tôn đề nghị Cờ thi đua (test) năm 2020",
            # the place opens the line, capitalised
            "Thành phố Hải Phòng, ngày 05 tháng 12 năm 2020",
            "Chủ trì: Nguyễn Văn Chủ, Giám đốc Sở Nội vụ. Thư ký: Trần Thị Thư.",
            # the absent unit named once, with its written vote
            "Thành viên có mặt: 3/4 đơn vị; vắng mặt: Sở Nội vụ Member 4 (test) "
            "(có ý kiến bằng văn bản).",
            "Dẫn đầu phong trào cải cách hành chính",
            "bỏ phiếu kín",
            "Bỏ phiếu 2020",
            "trên 50% số phiếu đồng ý so với tổng số thành viên",
        ):
            self.assertIn(expected, " ".join(text.split()), expected)
        flat = " ".join(text.split())
        # member 3: 3 of 4 ballots, 75 %, chosen; the leader 1, 25 %
        self.assertRegex(flat, r"Sở Nội vụ Member 3 \(test\) 4 3 75,00 1 0 Đạt")
        self.assertRegex(flat, r"Sở Nội vụ Leader \(test\) 4 1 25,00 3 0 Không đạt")
        self.assertIn(
            "Kết luận: Sở Nội vụ Member 3 (test) được suy tôn, đề nghị tặng "
            "Cờ thi đua (test).",
            flat,
        )
        self.assertIn("CHỦ TRÌ", flat)
        # attendance (once), candidates, results
        self.assertEqual(flat.count("Sở Nội vụ Member 4 (test)"), 3)
        # the signers' names under the signature, not their titles
        signatures = flat[flat.index("cùng ngày") :]
        self.assertIn("Nguyễn Văn Chủ", signatures)
        self.assertNotIn("Giám đốc", signatures)
        count = " ".join(
            self._pdf_text(
                "emulation_cluster.report_emulation_poll_count_minutes",
                poll,
                self.user_secretariat,
            ).split()
        )
        self.assertIn("BIÊN BẢN KIỂM PHIẾU", count)
        self.assertIn(f"Ban kiểm phiếu gồm: {self.user_secretariat.name}.", count)
        self.assertIn("Số thành viên: 4; có mặt: 3; ý kiến bằng văn bản: 1.", count)
        self.assertRegex(count, r"Sở Nội vụ Member 3 \(test\) 4 3 75,00 1 0 Đạt")
