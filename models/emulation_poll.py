# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import Counter

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools.common import format_vn_long_date, format_vn_short_date

VN_TZ = "Asia/Ho_Chi_Minh"


class EmulationPoll(models.Model):
    """A vote held at an event of the plan (the year-end conference): the
    members review and honour units for an award (bình xét, suy tôn), or
    elect next year's leader or deputy.

    Every count follows the voting rule in force on the conference's date:
    quorum, threshold and its base, written votes of absent members, ties
    and rounds; a nomination follows the cluster's quota for its award
    type. Results are counts computed when a round closes, never a
    grouping of ballots by voter; a secret poll's ballots name no unit
    (see ``emulation.ballot``)."""

    _name = "emulation.poll"
    _description = "Poll"
    _inherit = ["emulation.workflow.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    _edit_groups = {
        "setup": {
            "fields": (
                "name",
                "subject",
                "award_type_id",
                "is_secret",
                "counting_user_ids",
                "chair_name",
                "chair_title",
                "secretary_name",
                "secretary_title",
                "candidate_ids",
                "note",
            ),
            "roles": {"secretariat": ("draft",)},
        },
        "attendance": {
            "fields": ("voter_ids",),
            "roles": {"secretariat": ("draft", "open")},
        },
        "decision": {
            "fields": ("chair_reason",),
            "roles": {"secretariat": ("counted",)},
        },
        "archive": {"fields": ("active",), "roles": {"manager": None}},
    }
    _edit_create_fields = ("event_id",)
    _edit_create_roles = ("secretariat",)
    _allowed_moves = frozenset(
        {
            ("draft", "open"),
            ("open", "counted"),
            ("open", "closed"),
            ("counted", "open"),
            ("counted", "closed"),
        }
    )

    name = fields.Char(required=True, tracking=True)
    event_id = fields.Many2one(
        comodel_name="emulation.event",
        string="Held At",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        help="The event of the plan where the members vote: the year-end conference.",
    )
    plan_id = fields.Many2one(
        related="event_id.plan_id", store=True, index=True, string="Plan"
    )
    cluster_id = fields.Many2one(
        related="event_id.cluster_id", store=True, index=True, string="Cluster"
    )
    year = fields.Integer(related="event_id.year", store=True)
    date = fields.Date(
        compute="_compute_date",
        store=True,
        help="The conference's date: the rules in force that day apply.",
    )
    subject = fields.Selection(
        selection=[
            ("nomination", "Nominate Units for an Award"),
            ("leader", "Elect Next Year's Leader"),
            ("deputy", "Elect Next Year's Deputy"),
        ],
        required=True,
        default="nomination",
        tracking=True,
    )
    award_type_id = fields.Many2one(
        comodel_name="emulation.award.type",
        string="Award Type",
        ondelete="restrict",
        tracking=True,
    )
    is_secret = fields.Boolean(
        string="Secret Ballot",
        default=True,
        tracking=True,
        help="Ticked: the ballots are stored without their unit, so that "
        "nobody can tell what a unit chose. Unticked: a show of hands, "
        "entered by the secretariat.",
    )
    counting_user_ids = fields.Many2many(
        comodel_name="res.users",
        relation="emulation_poll_counting_user_rel",
        column1="poll_id",
        column2="user_id",
        string="Counting Committee",
        help="Who counts the votes (ban kiểm phiếu): they enter the paper and "
        "written ballots, and learn no more than the count.",
    )
    chair_name = fields.Char(
        string="Chair", help="The chair's name, as he signs the minutes."
    )
    chair_title = fields.Char(
        string="Chair's Title",
        help="The chair's job title, printed with his name in the minutes' "
        "opening (not under the signature).",
    )
    secretary_name = fields.Char(
        string="Secretary", help="The secretary's name, as she signs the minutes."
    )
    secretary_title = fields.Char(string="Secretary's Title")
    note = fields.Text()
    state = fields.Selection(
        selection=[
            ("draft", "Being Prepared"),
            ("open", "Voting"),
            ("counted", "Round Counted"),
            ("closed", "Closed"),
        ],
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        index=True,
        tracking=True,
        copy=False,
    )
    round = fields.Integer(
        string="Voting Round", default=1, readonly=True, tracking=True, copy=False
    )
    candidate_ids = fields.One2many(
        comodel_name="emulation.poll.candidate",
        inverse_name="poll_id",
        string="Candidates",
    )
    voter_ids = fields.One2many(
        comodel_name="emulation.poll.voter",
        inverse_name="poll_id",
        string="Voters",
    )
    result_ids = fields.One2many(
        comodel_name="emulation.poll.result",
        inverse_name="poll_id",
        string="Results",
        readonly=True,
    )
    rule_id = fields.Many2one(
        comodel_name="emulation.rule",
        string="Voting Rule Applied",
        readonly=True,
        ondelete="restrict",
        tracking=True,
    )
    seats = fields.Integer(
        string="Units to Choose",
        readonly=True,
        help="The quota of the award type (nominations) or one (elections).",
    )
    chair_reason = fields.Text(
        string="Chair's Decision",
        help="Why the chair chose among the candidates still tied, when the "
        "voting rule lets the chair decide.",
    )
    voter_count = fields.Integer(string="Members", compute="_compute_counts")
    present_count = fields.Integer(string="Present", compute="_compute_counts")
    ballot_count = fields.Integer(
        string="Ballots of the Round", compute="_compute_counts"
    )
    proposal_count = fields.Integer(compute="_compute_proposal_count")
    is_paper_clerk = fields.Boolean(
        string="Records Paper Ballots",
        compute="_compute_is_paper_clerk",
        help="Whether the user records the paper ballots: the secretariat "
        "serving the cluster or the counting committee.",
    )
    active = fields.Boolean(default=True)

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends("event_id.date_start")
    def _compute_date(self):
        tz = pytz.timezone(VN_TZ)
        for poll in self:
            start = poll.event_id.date_start
            poll.date = (
                pytz.utc.localize(start).astimezone(tz).date() if start else False
            )

    @api.depends("voter_ids.attendance", "round", "state")
    def _compute_counts(self):
        # ballots are counted without being read: a secret poll's ballots
        # stay unreadable to whoever opens the poll
        counts = {
            (poll_id, round_): count
            for poll_id, round_, count in self._get_ballot_counts()
        }
        for poll in self:
            poll.voter_count = len(poll.voter_ids)
            poll.present_count = len(
                poll.voter_ids.filtered(lambda voter: voter.attendance == "present")
            )
            poll.ballot_count = counts.get((poll.id, poll.round), 0)

    @api.depends_context("uid")
    def _compute_is_paper_clerk(self):
        user = self.env.user
        for poll in self:
            sudo = poll.sudo()
            poll.is_paper_clerk = user in sudo.counting_user_ids or bool(
                sudo.cluster_id and sudo.cluster_id._is_served_by(user)
            )

    def _compute_proposal_count(self):
        counts = dict(
            self.env["emulation.award.proposal"]._read_group(
                [("poll_id", "in", self.ids)], ["poll_id"], ["__count"]
            )
        )
        for poll in self:
            poll.proposal_count = counts.get(poll, 0)

    def _get_ballot_counts(self):
        if not self.ids:
            return []
        self.env["emulation.ballot"].flush_model(["poll_id", "round"])
        return self.env.execute_query(
            SQL(
                "SELECT poll_id, round, count(*) FROM emulation_ballot "
                "WHERE poll_id IN %s GROUP BY poll_id, round",
                tuple(self.ids),
            )
        )

    # ------------------------------------------------------------------
    # checks
    # ------------------------------------------------------------------
    @api.constrains("subject", "award_type_id")
    def _check_award_type(self):
        for poll in self:
            if poll.subject == "nomination" and not poll.award_type_id:
                raise UserError(
                    self.env._("A nomination poll names the award it nominates for.")
                )

    @api.constrains("event_id")
    def _check_event_dated(self):
        for poll in self:
            if not poll.event_id.date_start:
                raise UserError(
                    self.env._(
                        "The event %(event)s has no date yet: the rules of a "
                        "vote are those in force on the day it is held.",
                        event=poll.event_id.name,
                    )
                )

    def _get_rule(self):
        """The voting rule in force on the conference's date."""
        self.ensure_one()
        return self.env["emulation.rule"]._get_required(
            "voting", self.cluster_id, self.date
        )

    def _get_quota_seats(self):
        """How many units this poll chooses: one for an election; for a
        nomination, the cluster's quota for the award type in force on the
        conference's date."""
        self.ensure_one()
        if self.subject != "nomination":
            return 1
        rule = self.env["emulation.rule"]._get_required(
            "nomination_quota", self.cluster_id, self.date
        )
        seats = rule._get_quota(self.award_type_id)
        if not seats:
            raise UserError(
                self.env._(
                    "The quota rule %(rule)s sets no quota for %(award)s: a "
                    "manager adds it before the vote.",
                    rule=rule.name,
                    award=self.award_type_id.name,
                )
            )
        return seats

    def _get_members(self):
        """The member units of the poll's cluster on the conference's date:
        the only units that vote and are candidates."""
        self.ensure_one()
        return self.sudo().cluster_id._get_members_at(self.date)

    def _check_members(self, units):
        """Refuse ``units`` that are not members of the poll's cluster on
        the conference's date (added by hand as voters or candidates)."""
        self.ensure_one()
        outsiders = units - self._get_members()
        if outsiders:
            raise ValidationError(
                self.env._(
                    "%(unit)s is not a member of %(cluster)s on %(date)s, the "
                    "conference's date: only its members vote and are "
                    "candidates.",
                    unit=outsiders[0].name,
                    cluster=self.sudo().cluster_id.name,
                    date=format_vn_short_date(self.date),
                )
            )

    def _check_candidates_eligible(self, rule=None):
        """No unit under discipline, inspection or complaint on the
        conference's date is a candidate for an award."""
        for poll in self.filtered(lambda poll: poll.subject == "nomination"):
            applied = rule or self.env["emulation.rule"]._get_applicable(
                "voting", poll.cluster_id, poll.date
            )
            if applied and not applied.exclude_restricted:
                continue
            restricted = self.env["emulation.unit.restriction"]._get_restricted_units(
                poll.sudo().candidate_ids.partner_id, poll.date
            )
            if restricted:
                raise UserError(
                    self.env._(
                        "%(unit)s is under discipline, inspection or complaint "
                        "on %(date)s: it cannot be a candidate for an award "
                        "(Decree 152/2025 Art. 4).",
                        unit=restricted[0].name,
                        date=format_vn_short_date(poll.date),
                    )
                )

    def _get_quota_line(self):
        """The quota rule's line of the award type, in force on the
        conference's date (empty: no rule or no line yet)."""
        self.ensure_one()
        if self.subject != "nomination":
            return self.env["emulation.rule.quota"]
        rule = self.env["emulation.rule"]._get_applicable(
            "nomination_quota", self.cluster_id, self.date
        )
        return (
            rule.sudo().quota_ids.filtered(
                lambda line: line.award_type_id == self.award_type_id
            )[:1]
            if rule
            else self.env["emulation.rule.quota"]
        )

    def _get_qualified_units(self, units):
        """The units of ``units`` whose result of the year meets what the
        award requires (its quota line), all of them if nothing is required."""
        self.ensure_one()
        line = self._get_quota_line()
        if not line or line.required_classification == "any":
            return units
        rankings = (
            self.env["emulation.ranking"]
            .sudo()
            .search(
                [("plan_id", "=", self.plan_id.id), ("partner_id", "in", units.ids)]
            )
        )
        return line._get_qualified_units(rankings)

    def _check_candidates_qualified(self):
        """A candidate whose result is not the one the award requires stays
        only with the reason it was added by hand."""
        for poll in self.filtered(lambda poll: poll.subject == "nomination"):
            poll._check_qualified(
                [(c.partner_id, c.added_reason) for c in poll.sudo().candidate_ids]
            )

    def _check_qualified(self, candidates):
        """Refuse, of ``candidates`` ([(unit, reason added by hand)]), a unit
        whose result is not the one the award requires, given no reason."""
        self.ensure_one()
        if self.subject != "nomination":
            return
        units = self.env["res.partner"].union(*(unit for unit, __ in candidates))
        qualified = self._get_qualified_units(units)
        for unit, reason in candidates:
            if unit in qualified or (reason or "").strip():
                continue
            line = self._get_quota_line()
            required = dict(
                line._fields["required_classification"]._description_selection(self.env)
            )[line.required_classification]
            raise ValidationError(
                self.env._(
                    "%(unit)s does not have the result %(award)s requires "
                    "(%(required)s, rule %(rule)s): write why it is added "
                    "by hand; the minutes print it.",
                    unit=unit.name,
                    award=self.award_type_id.name,
                    required=required,
                    rule=line.rule_id.name,
                )
            )

    def _check_not_elected_to_the_other_role(self):
        """The same unit is never next year's leader and deputy."""
        self.ensure_one()
        if self.subject not in ("leader", "deputy"):
            return
        term = self.env["emulation.cluster.term"]._get_term(
            self.cluster_id, self.year + 1
        )
        other = term.deputy_id if self.subject == "leader" else term.leader_id
        if other and other in self.sudo().candidate_ids.partner_id:
            raise UserError(
                self.env._(
                    "%(unit)s is already elected for %(year)s to the other "
                    "role: the same unit cannot be both leader and deputy. "
                    "Remove it from the candidates.",
                    unit=other.name,
                    year=self.year + 1,
                )
            )

    # ------------------------------------------------------------------
    # creation: members as voters, the ranking as candidates
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        polls = super().create(vals_list)
        polls._fill_voters_and_candidates()
        return polls

    def _fill_voters_and_candidates(self):
        """Every member at the conference's date votes (present unless
        marked absent); the candidates are the plan's ranking, in its
        order, unless some were given."""
        Ranking = self.env["emulation.ranking"].sudo()
        for poll in self.sudo():
            members = poll.cluster_id._get_members_at(poll.date)
            if not poll.voter_ids:
                # the attendance the conference recorded
                absent = poll.event_id.absent_unit_ids
                poll.voter_ids = [
                    Command.create(
                        {
                            "partner_id": unit.id,
                            "attendance": "absent" if unit in absent else "present",
                        }
                    )
                    for unit in members
                ]
            if not poll.candidate_ids:
                ranked = Ranking.search([("plan_id", "=", poll.plan_id.id)])
                ordered = (
                    ranked.sorted(
                        lambda row: (row.rank or 10**6, row.partner_id.name)
                    ).partner_id
                    & members
                )
                candidates = ordered | (members - ordered)
                if poll.subject == "nomination":
                    restricted = self.env[
                        "emulation.unit.restriction"
                    ]._get_restricted_units(candidates, poll.date)
                    candidates -= restricted
                    # the units whose result the award requires, in order
                    qualified = poll._get_qualified_units(candidates)
                    candidates = candidates.filtered(lambda u, q=qualified: u in q)
                poll.candidate_ids = [
                    Command.create({"partner_id": unit.id, "sequence": index})
                    for index, unit in enumerate(candidates, start=1)
                ]
        self.invalidate_recordset(["voter_ids", "candidate_ids"])

    def _get_attendance_changes(self, absent):
        """{voter: attendance} of the voters of the polls still being
        prepared or voted whose attendance differs from ``absent`` (the
        conference's absent members)."""
        changes = {}
        for poll in self.sudo().filtered(lambda p: p.state in ("draft", "open")):
            for voter in poll.voter_ids:
                attendance = "absent" if voter.partner_id in absent else "present"
                if voter.attendance != attendance:
                    changes[voter] = attendance
        return changes

    def _check_conference_attendance(self, absent):
        """Refuse an attendance that would change a voter who has voted in
        the round (its ballot says whether it was present)."""
        changed = self.env["emulation.poll.voter"].union(
            *self._get_attendance_changes(absent)
        )
        changed._check_not_voted()

    def _read_conference_attendance(self):
        """The voters of the polls still being prepared or voted take the
        attendance the conference recorded."""
        for poll in self:
            changes = poll._get_attendance_changes(poll.sudo().event_id.absent_unit_ids)
            for voter, attendance in changes.items():
                voter.attendance = attendance

    # ------------------------------------------------------------------
    # transitions
    # ------------------------------------------------------------------
    def action_open_voting(self):
        """Voting starts: the rule of the conference's date, the quota and
        the candidates are checked; ballots can be cast."""
        self._check_transition(("draft",), ("secretariat",), self.env._("opened"))
        for poll in self:
            rule = poll._get_rule()
            seats = poll._get_quota_seats()
            if not poll.candidate_ids or not poll.voter_ids:
                raise UserError(
                    self.env._("A poll needs its candidates and its voters.")
                )
            if poll.is_secret and not poll.counting_user_ids:
                raise UserError(
                    self.env._(
                        "A secret poll needs its counting committee: only its "
                        "members read and enter the ballots."
                    )
                )
            poll._check_candidates_eligible(rule)
            poll._check_candidates_qualified()
            poll._check_not_elected_to_the_other_role()
            poll._write_transition(
                {"state": "open", "round": 1, "rule_id": rule.id, "seats": seats}
            )
        return True

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

    # ------------------------------------------------------------------
    # the minutes
    # ------------------------------------------------------------------
    def _get_minutes_data(self):
        """What both minutes print, from the poll's records: attendance,
        candidates with their year's result, each round's counts and the
        conclusion. Read after the access check of the report itself."""
        self.ensure_one()
        poll = self.sudo()
        voters = poll.voter_ids
        absent = voters.filtered(lambda voter: voter.attendance == "absent")
        written = absent.filtered("voted_round").partner_id
        ranking = {
            row.partner_id: row
            for row in self.env["emulation.ranking"]
            .sudo()
            .search([("plan_id", "=", poll.plan_id.id)])
        }
        rounds = sorted(set(poll.result_ids.mapped("round")))
        event = poll.event_id
        start = (
            pytz.utc.localize(event.date_start).astimezone(pytz.timezone(VN_TZ))
            if event.date_start
            else None
        )
        return {
            "poll": poll,
            "place": event.place or "",
            "place_date": poll._get_place_date(),
            "time": start.strftime("%H giờ %M") if start else "",
            "date": format_vn_long_date(poll.date),
            "members": len(voters),
            "present": len(voters) - len(absent),
            "absent": absent.partner_id,
            "written": written,
            # each absent unit named once, with its written vote if it sent one
            "absent_text": "; ".join(
                unit.name + (" (có ý kiến bằng văn bản)" if unit in written else "")
                for unit in absent.partner_id
            ),
            "candidates": [
                {
                    "candidate": candidate,
                    "ranking": ranking.get(candidate.partner_id),
                }
                for candidate in poll.candidate_ids
            ],
            "rounds": [
                {
                    "number": number,
                    "results": poll.result_ids.filtered(
                        lambda result, number=number: result.round == number
                    ),
                }
                for number in rounds
            ],
            "chosen": poll.candidate_ids.filtered("is_elected"),
            "rule": poll.rule_id,
            "committee": poll.counting_user_ids,
        }

    def _get_place_date(self):
        """ "Thành phố Hải Phòng, ngày 05 tháng 12 năm 2020": the place opens
        the line, capitalised as a sentence starts."""
        self.ensure_one()
        place_date = ", ".join(
            part
            for part in (self.event_id.place, format_vn_long_date(self.date))
            if part
        )
        return place_date[:1].upper() + place_date[1:]

    def _get_ballot_paper_data(self):
        """What the blank ballot paper prints: the candidates of the current
        round and how many may be chosen. Read after the access check of the
        report itself."""
        self.ensure_one()
        poll = self.sudo()
        seats = poll.seats if poll.state != "draft" else 0
        return {
            "poll": poll,
            "place_date": poll._get_place_date(),
            "round": poll.round,
            "candidates": poll._get_running_candidates(),
            "seats": seats and poll._get_seats_left(),
        }

    def _get_subject_line(self):
        """The subject as the minutes print it."""
        self.ensure_one()
        if self.subject == "leader":
            return f"Bầu đơn vị Cụm trưởng năm {self.year + 1}"
        if self.subject == "deputy":
            return f"Bầu đơn vị Cụm phó năm {self.year + 1}"
        return f"Bình xét, suy tôn đề nghị {self.award_type_id.name} năm {self.year}"

    def action_create_proposals(self):
        """Make the award proposals of the units this nomination chose
        (the secretariat), and show them."""
        self.ensure_one()
        self._check_transition(
            ("closed",), ("secretariat",), self.env._("turned into proposals")
        )
        self.env["emulation.award.proposal"]._create_from_poll(self)
        return self.action_view_proposals()

    def action_view_proposals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emulation_cluster.emulation_award_proposal_action"
        )
        action["domain"] = [("poll_id", "=", self.id)]
        action["context"] = {"default_poll_id": self.id, "create": False}
        return action

    def action_enter_paper_ballot(self):
        """The ballot form for a paper ballot (the counting committee, the
        secretariat in an open poll): a secret poll's names no unit."""
        action = self.action_cast_ballot()
        if self.is_secret:
            action["context"]["default_partner_id"] = False
        return action

    def action_cast_ballot(self):
        """The ballot form of this round, for the user's unit (an officer)
        or for a unit on paper (the secretariat, the counting committee)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emulation_cluster.emulation_ballot_action_cast"
        )
        action["context"] = {"default_poll_id": self.id}
        return action
