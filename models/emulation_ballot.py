# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class EmulationBallot(models.Model):
    """A unit's ballot in one round of a poll: the candidates it approves.
    Cast once per round by an officer for his own unit, or entered from
    paper (in a secret poll by the counting committee only). Never
    changed afterwards, and without chatter: in a secret poll no one but
    the counting committee reads another unit's ballot (record rules)."""

    _name = "emulation.ballot"
    _description = "Ballot"
    _inherit = ["emulation.workflow.mixin"]
    _order = "poll_id, round, id"
    _rec_name = "poll_id"

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
        comodel_name="emulation.poll",
        string="Poll",
        required=True,
        ondelete="restrict",
        index=True,
    )
    cluster_id = fields.Many2one(
        related="poll_id.cluster_id", string="Cluster", store=True
    )
    round = fields.Integer(
        string="Voting Round",
        compute="_compute_round",
        store=True,
        help="The round the ballot was cast in.",
    )
    poll_round = fields.Integer(
        related="poll_id.round", string="Round Open", help="The poll's current round."
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Voting Unit",
        required=True,
        index=True,
        default=lambda self: self.env.user.partner_id.commercial_partner_id,
    )
    approve_ids = fields.Many2many(
        comodel_name="emulation.poll.candidate",
        relation="emulation_ballot_candidate_rel",
        column1="ballot_id",
        column2="candidate_id",
        string="Approved Candidates",
    )
    is_written = fields.Boolean(
        string="Written Vote",
        help="The vote of an absent member, sent in writing.",
    )
    is_invalid = fields.Boolean(
        string="Invalid",
        help="A paper ballot the counting committee found invalid.",
    )
    entered_by_id = fields.Many2one(
        comodel_name="res.users",
        string="Entered By",
        readonly=True,
        default=lambda self: self.env.user,
    )
    is_entered_from_paper = fields.Boolean(
        string="Entered From Paper",
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
            ballot.is_entered_from_paper = (
                ballot.entered_by_id.partner_id.commercial_partner_id
                != ballot.partner_id
            )

    def _get_edit_cluster(self):
        return self.poll_id.cluster_id

    @api.model
    def _check_can_create(self, vals_list, given=None):
        result = super()._check_can_create(vals_list, given)
        seen = set()
        for vals in vals_list:
            ballot = self.new(vals)
            self._check_ballot(ballot)
            key = (ballot.poll_id._origin.id, ballot.partner_id.id)
            if key in seen:
                raise UserError(self.env._("A unit votes once in a round."))
            seen.add(key)
        return result

    @api.model
    def _check_ballot(self, ballot):
        """Who may cast it, when, and what it may contain."""
        poll = ballot.poll_id._origin.sudo()
        user_unit = self.env.user.partner_id.commercial_partner_id
        own = ballot.partner_id == user_unit and ballot._has_role("owner")
        if not own:
            # for another unit: from paper only, by the secretariat (and in
            # a secret poll by the counting committee only)
            if not poll.cluster_id._is_served_by(self.env.user) and (
                self.env.user not in poll.counting_user_ids
            ):
                raise AccessError(
                    self.env._("A unit's officer votes for his own unit only.")
                )
            if poll.is_secret and self.env.user not in poll.counting_user_ids:
                raise AccessError(
                    self.env._(
                        "In a secret poll only the counting committee enters "
                        "the paper ballots."
                    )
                )
        if poll.state != "open":
            raise UserError(
                self.env._(
                    "The poll %(poll)s is not open for voting: the round is closed.",
                    poll=poll.name,
                )
            )
        if self.sudo().search_count(
            [
                ("poll_id", "=", poll.id),
                ("round", "=", poll.round),
                ("partner_id", "=", ballot.partner_id.id),
            ],
            limit=1,
        ):
            raise UserError(
                self.env._(
                    "%(unit)s has already voted in round %(round)s: a unit "
                    "votes once in a round.",
                    unit=ballot.partner_id.name,
                    round=poll.round,
                )
            )
        voter = poll.voter_ids.filtered(lambda v: v.partner_id == ballot.partner_id)
        if not voter:
            raise UserError(
                self.env._(
                    "%(unit)s does not vote in this poll.", unit=ballot.partner_id.name
                )
            )
        if voter.attendance == "absent":
            if not poll.rule_id.written_votes_allowed:
                raise UserError(
                    self.env._(
                        "%(unit)s is absent and rule %(rule)s does not allow "
                        "written votes.",
                        unit=ballot.partner_id.name,
                        rule=poll.rule_id.name,
                    )
                )
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
        if ballot.is_invalid and own:
            raise UserError(
                self.env._("Only the counting committee finds a ballot invalid.")
            )
        approved = ballot.approve_ids._origin.sudo()
        running = poll.candidate_ids.filtered(
            lambda c: c.last_round == poll.round and not c.is_elected
        )
        if approved - running:
            raise UserError(
                self.env._("A ballot approves only the candidates of this round.")
            )
        seats = poll.seats - len(poll.candidate_ids.filtered("is_elected"))
        if len(approved) > seats and not ballot.is_invalid:
            raise UserError(
                self.env._(
                    "A ballot approves at most %(count)s candidate(s) in this round.",
                    count=seats,
                )
            )
