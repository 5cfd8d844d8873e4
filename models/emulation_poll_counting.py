# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import Counter

from odoo import models
from odoo.exceptions import UserError


class EmulationPollCounting(models.Model):
    """Counting a round of the vote: the ballots' scores, who is elected by
    a majority of the members within the seats left, the ties the chair
    decides, and the next round for the seats still open."""

    _inherit = "emulation.poll"

    def action_count_round(self):
        """Close the round and count it under the poll's rule: quorum,
        threshold and its base, quota and ties. Still tied for the last
        seats: a further round if the rule allows one, else the chair's
        decision if the rule allows it; otherwise the poll closes."""
        self._check_transition(("open",), ("secretariat",), self.env._("counted"))
        for poll in self:
            poll._count_round()
        return True

    def action_next_round(self):
        """A further round, on the candidates still tied for the last seats."""
        self._check_transition(
            ("counted",), ("secretariat",), self.env._("voted again")
        )
        for poll in self:
            if poll.round >= poll.rule_id.max_rounds:
                raise UserError(
                    self.env._(
                        "Rule %(rule)s allows %(count)s round(s): no further "
                        "round. The chair decides, if the rule lets him.",
                        rule=poll.rule_id.name,
                        count=poll.rule_id.max_rounds,
                    )
                )
            tied = poll._get_tied_candidates()
            tied._write_transition({"last_round": poll.round + 1})
            poll._write_transition({"state": "open", "round": poll.round + 1})
        return True

    def _get_running_candidates(self):
        """The candidates voted on in the current round, not chosen yet."""
        self.ensure_one()
        return self.sudo().candidate_ids.filtered(
            lambda c: c.last_round == self.round and not c.is_elected
        )

    def _get_seats_left(self):
        """The units still to choose in the current round."""
        self.ensure_one()
        return self.seats - len(self.sudo().candidate_ids.filtered("is_elected"))

    def _get_tied_candidates(self):
        self.ensure_one()
        return (
            self.sudo()
            .result_ids.filtered(
                lambda result: result.round == self.round and result.outcome == "tied"
            )
            .candidate_id
        )

    def _count_round(self):
        self.ensure_one()
        poll = self.sudo()
        rule = poll.rule_id
        members = len(poll.voter_ids)
        present = len(poll.voter_ids.filtered(lambda v: v.attendance == "present"))
        if not rule._reaches_quorum(present, members):
            raise UserError(
                self.env._(
                    "No quorum: %(present)s of %(members)s members are present, "
                    "rule %(rule)s asks for %(num)s/%(den)s. The round cannot "
                    "be counted.",
                    present=present,
                    members=members,
                    rule=rule.name,
                    num=rule.quorum_numerator,
                    den=rule.quorum_denominator,
                )
            )
        ballots = (
            self.env["emulation.ballot"]
            .sudo()
            .search([("poll_id", "=", poll.id), ("round", "=", poll.round)])
        )
        voted = poll.voter_ids.filtered(lambda v: v.voted_round == poll.round)
        if len(ballots) != len(voted):
            # the count is checkable: one ballot per voter flagged
            raise UserError(
                self.env._(
                    "The round cannot be counted: %(ballots)s ballot(s) for "
                    "%(voters)s unit(s) that voted.",
                    ballots=len(ballots),
                    voters=len(voted),
                )
            )
        # a written vote is an absent member's: the voters say it, not the
        # ballots (a secret ballot is stored without its written mark)
        written = len(voted.filtered(lambda v: v.attendance == "absent"))
        base = {
            "members": members,
            "present": present,
            "present_written": present + written,
        }[rule.vote_base]
        valid = ballots.filtered(lambda ballot: not ballot.is_invalid)
        yes = Counter(candidate for ballot in valid for candidate in ballot.approve_ids)
        running = poll._get_running_candidates()
        seats = poll._get_seats_left()
        scores = poll._get_scores()

        def key(candidate):
            return (
                yes[candidate],
                scores.get(candidate.partner_id, 0.0) if rule.tiebreak_by_score else 0,
                rule.tiebreak_women_first and candidate.is_women_collective,
            )

        passing = [c for c in running if rule._passes_threshold(yes[c], base)]
        passing.sort(key=key, reverse=True)
        if len(passing) <= seats:
            elected, tied = passing, []
        else:
            # the last seat's key: those above it are chosen; those on it
            # share the seats left, or stay tied if they are more
            boundary = key(passing[seats - 1])
            elected = [c for c in passing if key(c) > boundary]
            tied = [c for c in passing if key(c) == boundary]
            if len(elected) + len(tied) <= seats:
                elected, tied = elected + tied, []
        outcome = {c: "elected" for c in elected}
        outcome.update({c: "tied" for c in tied})
        self.env["emulation.poll.result"].sudo().create(
            [
                {
                    "poll_id": poll.id,
                    "round": poll.round,
                    "candidate_id": candidate.id,
                    "ballot_count": len(ballots),
                    "invalid_count": len(ballots) - len(valid),
                    "yes_count": yes[candidate],
                    "no_count": len(valid) - yes[candidate],
                    "base_count": base,
                    "yes_percent": yes[candidate] * 100.0 / base if base else 0.0,
                    "outcome": outcome.get(candidate, "not_elected"),
                }
                for candidate in running
            ]
        )
        poll.env["emulation.poll.candidate"].browse(
            [c.id for c in elected]
        )._write_transition({"is_elected": True})
        undecided = tied and (poll.round < rule.max_rounds or rule.tiebreak_by_chair)
        poll._write_transition({"state": "counted" if undecided else "closed"})
        poll.message_post(body=poll._get_round_summary(elected, tied))
        if poll.state == "closed":
            poll._record_election()

    def _get_scores(self):
        """{unit: its total of the year} for the tie-break by score."""
        self.ensure_one()
        rows = (
            self.env["emulation.ranking"]
            .sudo()
            .search([("plan_id", "=", self.plan_id.id)])
        )
        return {row.partner_id: row.final_total for row in rows}

    def _get_round_summary(self, elected, tied):
        names = ", ".join(c.partner_id.name for c in elected) or self.env._("none")
        summary = self.env._(
            "Round %(round)s counted: chosen: %(names)s.", round=self.round, names=names
        )
        if tied:
            summary += " " + self.env._(
                "Still tied: %(names)s.",
                names=", ".join(c.partner_id.name for c in tied),
            )
        return summary

    def _chair_decides(self, candidate):
        """The chair chooses among the candidates still tied after the last
        round, when the rule lets him; the reason is recorded."""
        self._check_transition(
            ("counted",), ("secretariat",), self.env._("decided by the chair")
        )
        self.ensure_one()
        if not self.rule_id.tiebreak_by_chair:
            raise UserError(
                self.env._(
                    "Rule %(rule)s does not let the chair decide a tie.",
                    rule=self.rule_id.name,
                )
            )
        if self.round < self.rule_id.max_rounds:
            raise UserError(
                self.env._("Vote again first: the rule allows a further round.")
            )
        if candidate not in self._get_tied_candidates():
            raise UserError(
                self.env._("The chair decides only among the candidates still tied.")
            )
        if not (self.chair_reason or "").strip():
            raise UserError(
                self.env._("Write the reason of the chair's decision first.")
            )
        candidate._write_transition({"is_elected": True, "is_chair_decision": True})
        self.message_post(
            body=self.env._(
                "The chair chose %(unit)s: %(reason)s",
                unit=candidate.partner_id.name,
                reason=self.chair_reason,
            )
        )
        elected = len(self.sudo().candidate_ids.filtered("is_elected"))
        if elected >= self.seats:
            self._write_transition({"state": "closed"})
            self._record_election()
        return True

    def _record_election(self):
        """An election poll sets its winner on the cluster for next year."""
        self.ensure_one()
        chosen = self.sudo().candidate_ids.filtered("is_elected").partner_id
        if self.subject in ("leader", "deputy") and chosen:
            self.env["emulation.cluster.term"]._record_election(self, chosen[:1])
