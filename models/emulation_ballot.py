# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import Counter

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL


class EmulationBallot(models.Model):
    """A ballot in one round of a poll: the candidates it approves. Cast
    once per round by an officer for his own unit, or entered from paper:
    in an open poll naming its unit; in a secret poll by the counting
    committee only, without its unit, once the unit's voter line is marked
    as handed in on paper. Never changed afterwards, and without chatter.

    Secret by construction: once the checks (which read the voting unit)
    are passed, a secret poll's ballot is stored without its unit, its
    written mark and who entered it, and no ballot has Odoo's log columns
    (who created it, when); that the unit voted is its voter line's round
    flag, which carries no time. Nothing stored links a choice to a unit,
    whatever the reader's rights. An open poll's ballot (a show of hands)
    keeps its unit."""

    _name = "emulation.ballot"
    _description = "Ballot"
    _inherit = ["emulation.workflow.mixin"]
    _order = "poll_id, round, id"
    _rec_name = "poll_id"
    # no create_uid/create_date/write_uid/write_date: they would say who
    # entered a secret ballot, and when
    _log_access = False

    # every field is given once, at creation; nothing is editable afterwards
    _edit_groups = {}
    _edit_create_fields = (
        "poll_id",
        "partner_id",
        "approve_ids",
        "is_written",
        "is_invalid",
    )
    _edit_create_roles = ("owner", "secretariat")

    poll_id = fields.Many2one(
        "emulation.poll", "Poll", required=True, ondelete="restrict", index=True
    )
    cluster_id = fields.Many2one(
        related="poll_id.cluster_id", string="Cluster", store=True
    )
    round = fields.Integer(
        "Voting Round",
        compute="_compute_round",
        store=True,
        help="The round the ballot was cast in.",
    )
    poll_round = fields.Integer(
        "Round Open", related="poll_id.round", help="The poll's current round."
    )
    is_poll_secret = fields.Boolean("Secret", related="poll_id.is_secret")
    partner_id = fields.Many2one(
        "res.partner",
        "Voting Unit",
        index=True,
        default=lambda self: self.env.user.partner_id.commercial_partner_id,
        help="The unit the ballot is cast for. Kept in an open poll only: a "
        "secret ballot is stored without it.",
    )
    approve_ids = fields.Many2many(
        "emulation.poll.candidate",
        "emulation_ballot_candidate_rel",
        "ballot_id",
        "candidate_id",
        "Approved Candidates",
    )
    is_written = fields.Boolean(
        "Written Vote", help="The vote of an absent member, sent in writing."
    )
    is_invalid = fields.Boolean(
        "Invalid", help="A paper ballot the counting committee found invalid."
    )
    entered_by_id = fields.Many2one(
        "res.users", "Entered By", readonly=True, default=lambda self: self.env.user
    )
    is_entered_from_paper = fields.Boolean(
        "Entered From Paper",
        readonly=True,
        compute="_compute_is_entered_from_paper",
        store=True,
    )

    _sql_constraints = [
        (
            "poll_round_partner_uniq",
            "unique(poll_id, round, partner_id)",
            "This unit has already voted in this round.",
        ),
    ]

    @api.depends("poll_id")
    def _compute_round(self):
        # the round open when the ballot is cast; it never follows the poll
        for ballot in self:
            ballot.round = ballot.round or ballot.poll_id.round

    @api.depends("partner_id", "entered_by_id")
    def _compute_is_entered_from_paper(self):
        for ballot in self:
            ballot.is_entered_from_paper = bool(ballot.partner_id) and (
                ballot.entered_by_id.partner_id.commercial_partner_id
                != ballot.partner_id
            )

    @api.model
    def _create(self, data_list):
        # after the checks, which read them: a secret poll's ballot keeps
        # neither its unit, nor its written mark, nor who entered it
        poll_ids = {data["stored"].get("poll_id") for data in data_list}
        secret = set(
            self.env["emulation.poll"]
            .sudo()
            .browse(poll_id for poll_id in poll_ids if poll_id)
            .filtered("is_secret")
            .ids
        )
        for data in data_list:
            if data["stored"].get("poll_id") in secret:
                data["stored"].update(
                    partner_id=False, is_written=False, entered_by_id=False
                )
        return super()._create(data_list)

    def web_save(self, vals, specification, next_id=None):
        """The ballot form saved: a secret ballot is read by no one, so the
        caster gets back only what he has just cast (the ballot's own
        fields, their records by name), not a record read."""
        if self or next_id:
            return super().web_save(vals, specification, next_id=next_id)
        ballot = self.create(vals)
        own = {
            name: {"fields": {"display_name": {}}} if spec.get("fields") else {}
            for name, spec in specification.items()
            if name in self._fields
        }
        return ballot.sudo().with_context(bin_size=True).web_read(own)

    def _get_edit_cluster(self):
        return self.poll_id.cluster_id

    @api.model
    def _check_can_create(self, vals_list, given=None):
        """Who may cast the ballots, when, and what they may contain, checked
        once for the whole batch (the poll, its voters and candidates read
        once, whatever the number of ballots); then each voter's flag is
        claimed, which refuses a second ballot in the round."""
        self.check_access("create")
        ballots = [self.new(vals) for vals in vals_list]
        polls = self.env["emulation.poll"].browse(
            {ballot.poll_id._origin.id for ballot in ballots}
        )
        self._check_polls_open(polls)
        voters = self._get_voters(polls)
        members = {poll.id: poll._get_members() for poll in polls.sudo()}
        running = {
            poll.id: (poll._get_running_candidates(), poll._get_seats_left())
            for poll in polls.sudo()
        }
        seen = set()
        anonymous = Counter()
        named = []
        for ballot in ballots:
            poll = ballot.poll_id._origin.sudo()
            if poll.is_secret and not ballot.partner_id:
                # a paper ballot of a secret poll: entered without its unit,
                # whose handing in was recorded apart on its voter line
                self._check_paper_clerk(poll, committee_only=True)
                anonymous[poll.id] += 1
                self._check_choices(ballot, *running[poll.id])
                continue
            named.append(ballot)
            key = (poll.id, ballot.partner_id.id)
            if key in seen:
                raise UserError(self.env._("A unit votes once in a round."))
            seen.add(key)
            own = self._check_caster(ballot, poll)
            if ballot.is_invalid and own:
                raise UserError(
                    self.env._("Only the counting committee finds a ballot invalid.")
                )
            self._check_voter(ballot, poll, voters.get(key))
            if ballot.partner_id not in members[poll.id]:
                # a voter line kept from before the membership changed
                raise UserError(
                    self.env._(
                        "%(unit)s is not a member of the cluster on the "
                        "conference's date: its ballot is refused.",
                        unit=ballot.partner_id.name,
                    )
                )
            self._check_choices(ballot, *running[poll.id])
        if anonymous:
            self._check_handed_in(polls.sudo(), anonymous)
        self._claim_voters(
            [
                voters[(ballot.poll_id._origin.id, ballot.partner_id.id)]
                for ballot in named
            ]
        )

    @api.model
    def _check_create_roles(self, record):
        # who casts is checked per poll by _check_caster: the unit's officer,
        # or from paper the secretariat or the counting committee
        return

    @api.model
    def _check_unique_constraints(self, vals_list, exclude_ids=(), names=None):
        # a unit's second ballot in a round is refused by its voter's flag,
        # claimed in one query for the whole batch (_claim_voters)
        return

    @api.model
    def _check_polls_open(self, polls):
        """Access first, then state: a poll the user may not read is refused
        without being named."""
        if polls - polls._filtered_access("read"):
            raise AccessError(self.env._("You cannot vote in a poll you may not read."))
        for poll in polls.sudo():
            if poll.state != "open":
                raise UserError(
                    self.env._(
                        "The poll %(poll)s is not open for voting: the round is "
                        "closed.",
                        poll=poll.name,
                    )
                )

    @api.model
    def _get_voters(self, polls):
        """{(poll id, unit id): voter line} of the polls, read at once."""
        return {
            (voter.poll_id.id, voter.partner_id.id): voter
            for voter in polls.sudo().voter_ids
        }

    @api.model
    def _check_caster(self, ballot, poll):
        """A unit's officer casts its ballot; another unit's comes from
        paper, entered by the secretariat or the counting committee in an
        open poll (a secret poll's paper ballot names no unit). True: the
        unit's own."""
        user = self.env.user
        if ballot.partner_id == user.partner_id.commercial_partner_id and (
            self._is_officer()
        ):
            return True
        self._check_paper_clerk(poll, committee_only=poll.is_secret)
        if poll.is_secret:
            # naming the unit would tell the committee its choice
            raise UserError(
                self.env._(
                    "In a secret poll a paper ballot names no unit: mark the "
                    "unit's ballot as handed in on paper in the poll's voters, "
                    "then enter the ballot without its unit."
                )
            )
        return False

    @api.model
    def _check_paper_clerk(self, poll, committee_only=False):
        """Who records paper ballots: the secretariat serving the poll's
        cluster or its counting committee; with ``committee_only`` (the
        choices of a secret poll's ballots), the counting committee only."""
        user = self.env.user
        committee = user in poll.counting_user_ids
        if not committee and not poll.cluster_id._is_served_by(user):
            raise AccessError(
                self.env._("A unit's officer votes for his own unit only.")
            )
        if committee_only and not committee:
            raise AccessError(
                self.env._(
                    "In a secret poll only the counting committee enters "
                    "the paper ballots."
                )
            )

    @api.model
    def _check_handed_in(self, polls, anonymous):
        """A secret poll's paper ballots entered without their unit
        (``anonymous``: {poll id: how many in this batch}) are no more than
        the units marked as having handed theirs in on paper in the round.
        A unit's own ballot and its flag are made together, so the paper
        ballots already entered are the round's ballots less the units
        flagged otherwise. The polls are locked first: two clerks entering
        at the same moment cannot both take the last paper ballot."""
        self.env["emulation.poll"].flush_model(["round"])
        self.env.execute_query(
            SQL(
                "UPDATE emulation_poll SET round = round WHERE id IN %s",
                tuple(anonymous),
            )
        )
        counts = {
            (poll_id, round_): count
            for poll_id, round_, count in polls._get_ballot_counts()
        }
        for poll in polls.filtered(lambda p: p.id in anonymous):
            voted = poll.voter_ids.filtered(lambda v, p=poll: v.voted_round == p.round)
            paper = voted.filtered(lambda v, p=poll: v.paper_round == p.round)
            entered = counts.get((poll.id, poll.round), 0) - len(voted - paper)
            left = len(paper) - entered
            if anonymous[poll.id] > left:
                raise UserError(
                    self.env._(
                        "%(paper)s unit(s) handed in their ballot on paper in "
                        "round %(round)s and %(entered)s paper ballot(s) are "
                        "entered: %(left)s more can be. Mark a unit's ballot "
                        "as handed in on paper first.",
                        paper=len(paper),
                        round=poll.round,
                        entered=entered,
                        left=max(left, 0),
                    )
                )

    @api.model
    def _is_officer(self):
        return self.env.user.has_group("emulation_cluster.group_unit_officer")

    @api.model
    def _check_voter(self, ballot, poll, voter):
        """The unit votes in the poll, once in the round, present at the
        conference or absent with a written vote."""
        if not ballot.partner_id:
            raise UserError(self.env._("A ballot names the unit it is cast for."))
        if not voter:
            raise UserError(
                self.env._(
                    "%(unit)s does not vote in this poll.", unit=ballot.partner_id.name
                )
            )
        voter._check_may_vote(poll)
        if voter.attendance == "absent":
            if not ballot.is_written:
                raise UserError(
                    self.env._(
                        "%(unit)s is absent: its vote is a written vote.",
                        unit=ballot.partner_id.name,
                    )
                )
        elif ballot.is_written:
            raise UserError(
                self.env._(
                    "%(unit)s is present: it votes at the conference, not in writing.",
                    unit=ballot.partner_id.name,
                )
            )

    def _get_voted_message(self, unit, round_):
        return self.env._(
            "%(unit)s has already voted in round %(round)s: a unit "
            "votes once in a round.",
            unit=unit.name,
            round=round_,
        )

    @api.model
    def _check_choices(self, ballot, running, seats):
        """Only the candidates of the round (``running``), no more than the
        ``seats`` left."""
        approved = ballot.approve_ids._origin
        if approved - running:
            raise UserError(
                self.env._("A ballot approves only the candidates of this round.")
            )
        if len(approved) > seats and not ballot.is_invalid:
            raise UserError(
                self.env._(
                    "A ballot approves at most %(count)s candidate(s) in this round.",
                    count=seats,
                )
            )

    @api.model
    def _claim_voters(self, voters):
        """Flag the voters as having voted in their poll's round, in one
        query; a voter already flagged (by a ballot cast at the same moment)
        is refused. The flag is a round number: it carries no time."""
        ids = [voter.id for voter in voters]
        self.env["emulation.poll"].flush_model(["round"])
        self.env["emulation.poll.voter"].flush_model(["voted_round"])
        claimed = {
            row[0]
            for row in self.env.execute_query(
                SQL(
                    "UPDATE emulation_poll_voter AS voter "
                    "SET voted_round = poll.round "
                    "FROM emulation_poll AS poll WHERE poll.id = voter.poll_id "
                    "AND voter.id = ANY(%s) "
                    "AND COALESCE(voter.voted_round, 0) < poll.round "
                    "RETURNING voter.id",
                    ids,
                )
            )
        }
        flagged = self.env["emulation.poll.voter"].browse(ids)
        flagged.invalidate_recordset(["voted_round"])
        # what reads the flag (the units' duties) sees it
        flagged.modified(["voted_round"])
        for voter in voters:
            if voter.id not in claimed:
                raise UserError(
                    self._get_voted_message(voter.partner_id, voter.poll_id.round)
                )
