# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import Command
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
        user = user or self.user_secretariat
        return (
            self.env["emulation.ballot"]
            .with_user(user)
            .create(
                {
                    "poll_id": poll.id,
                    "partner_id": unit.id,
                    "approve_ids": [
                        Command.set([self._candidate(poll, u).id for u in approved])
                    ],
                    **vals,
                }
            )
        )

    def _absent(self, poll, *units):
        poll.voter_ids.filtered(lambda v: v.partner_id in units).with_user(
            self.user_secretariat
        ).attendance = "absent"

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
        poll.voter_ids.filtered(
            lambda v: v.partner_id == self.unit_member3
        ).attendance = "present"
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
            self._vote(poll, self.unit_deputy, [self.unit_leader], is_written=True)
        ballot = self._vote(
            poll,
            self.unit_member3,
            [self.unit_leader],
            self.user_officer,
            is_written=True,
        )
        self.assertTrue(ballot.is_written)
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
        ballot = self.env["emulation.ballot"].with_user(self.user_officer).search([])
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

    def test_secrecy_through_the_orm(self):
        poll = self._poll()
        poll.action_open_voting()
        self._vote(poll, self.unit_leader, [self.unit_member3])
        self._vote(poll, self.unit_deputy, [self.unit_member4], self.user_deputy)
        own = self._vote(poll, self.unit_member3, [self.unit_leader], self.user_officer)
        Ballot = self.env["emulation.ballot"]
        self.assertEqual(Ballot.with_user(self.user_officer).search([]), own)
        others = Ballot.search([("poll_id", "=", poll.id)]) - own
        with self.assertRaises(AccessError):
            others.with_user(self.user_officer).read(["approve_ids"])
        groups = Ballot.with_user(self.user_officer)._read_group(
            [], ["approve_ids"], ["__count"]
        )
        self.assertEqual(
            [(candidate.partner_id, count) for candidate, count in groups],
            [(self.unit_leader, 1)],
        )
        # not the manager, not the council, not a secretariat user outside
        # the committee
        for user in (self.user_manager, self.user_council):
            self.assertFalse(
                Ballot.with_user(user).search([("poll_id", "=", poll.id)]),
                user.login,
            )
        # the cluster's secretariat outside the committee reads none either
        hidden = self._poll(counting_user_ids=[Command.set(self.user_manager.ids)])
        hidden.action_open_voting()
        self._vote(hidden, self.unit_member4, [self.unit_leader], self.user_manager)
        self.assertFalse(
            Ballot.with_user(self.user_secretariat).search(
                [("poll_id", "=", hidden.id)]
            )
        )
        self.assertEqual(
            len(
                Ballot.with_user(self.user_manager).search(
                    [("poll_id", "=", hidden.id)]
                )
            ),
            1,
        )
        # the counting committee reads them all
        self.assertEqual(
            len(
                Ballot.with_user(self.user_secretariat).search(
                    [("poll_id", "=", poll.id)]
                )
            ),
            3,
        )
        # an open poll (a show of hands): the secretariat reads the ballots
        poll.sudo().is_secret = False
        self.assertEqual(
            len(
                Ballot.with_user(self.user_manager).search([("poll_id", "=", poll.id)])
            ),
            3,
        )
        # counts as everyone reads them: results, not ballots
        self.assertEqual(poll.with_user(self.user_officer).ballot_count, 3)

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
        vals_list = [
            {
                "poll_id": poll.id,
                "partner_id": voter.partner_id.id,
                "approve_ids": [Command.set(candidates[: 1 + index % 3])],
            }
            for index, voter in enumerate(poll.voter_ids[:count])
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
        # the batch is refused as a whole: one unit twice, or one that voted
        with self.assertRaisesRegex(UserError, "already voted"):
            self._cast(many, 2)
        self.assertEqual(many.ballot_count, 100)


@tagged("post_install", "-at_install")
class TestPollSecrecyRpc(HttpCase, PollCommon):
    """Secrecy seen from a web client: what JSON-RPC gives a unit officer."""

    def _call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def test_an_officer_learns_no_other_choice(self):
        poll = self._poll()
        poll.action_open_voting()
        self._vote(poll, self.unit_leader, [self.unit_member4])
        self._vote(poll, self.unit_deputy, [self.unit_member4], self.user_deputy)
        own = self._vote(poll, self.unit_member3, [self.unit_leader], self.user_officer)
        # the officer may export (the right is Odoo's own group), which
        # changes nothing to what he reads
        self.user_officer.groups_id = [
            Command.link(self.env.ref("base.group_allow_export").id)
        ]
        self.authenticate(self.user_officer.login, self.user_officer.login)
        rows = self._call(
            "emulation.ballot", "search_read", [], ["partner_id", "approve_ids"]
        )
        self.assertEqual([row["id"] for row in rows], own.ids)
        groups = self._call(
            "emulation.ballot",
            "read_group",
            [],
            ["approve_ids"],
            ["approve_ids"],
            lazy=False,
        )
        self.assertEqual(
            [(group["approve_ids"][0], group["__count"]) for group in groups],
            [(self._candidate(poll, self.unit_leader).id, 1)],
        )
        exported = self._call(
            "emulation.ballot", "export_data", own.ids, ["partner_id", "approve_ids"]
        )
        self.assertEqual(
            exported["datas"],
            [[self.unit_member3.name, self.unit_leader.name]],
        )
        # asking for the others' ballots by id is refused
        others = self.env["emulation.ballot"].search([]) - own
        with (
            mute_logger("odoo.http"),
            self.assertRaisesRegex(JsonRpcException, "AccessError"),
        ):
            self._call("emulation.ballot", "export_data", others.ids, ["approve_ids"])


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

    def test_review_and_count_minutes(self):
        self.conference.sudo().place = "Hải Phòng"
        poll = self._poll(
            chair_name="Nguyễn Văn Chủ",
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
            "Hải Phòng, ngày 05 tháng 12 năm 2020",
            "Chủ trì: Nguyễn Văn Chủ. Thư ký: Trần Thị Thư.",
            "Thành viên có mặt: 3/4 đơn vị; vắng mặt: Sở Nội vụ Member 4 (test)",
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
