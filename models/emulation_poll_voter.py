# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL


class EmulationPollVoter(models.Model):
    """A member unit entitled to vote in a poll, present or absent (an
    absent member may send a written vote when the rule allows it)."""

    _name = "emulation.poll.voter"
    _description = "Poll Voter"
    _inherit = ["emulation.poll.unit.mixin"]
    _order = "poll_id, partner_id"
    _rec_name = "partner_id"

    # the attendance is the conference's, recorded once on it
    # (emulation.event.absent_unit_ids): no poll's voter line sets it by hand
    _edit_groups = {
        "line": {
            "fields": ("partner_id",),
            "parent": ("poll_id", "attendance"),
        }
    }
    _edit_create_fields = ("poll_id",)

    partner_id = fields.Many2one(string="Member Unit")
    attendance = fields.Selection(
        [("present", "Present"), ("absent", "Absent")], required=True, default="present"
    )

    voted_round = fields.Integer(
        "Voted in Round",
        default=0,
        readonly=True,
        copy=False,
        help="The last round the unit voted in. A round number, never a "
        "time: it says that the unit voted, not when, nor what.",
    )

    paper_round = fields.Integer(
        "Handed In on Paper in Round",
        default=0,
        readonly=True,
        copy=False,
        help="The last round the unit handed its ballot in on paper (a "
        "written vote if it is absent) in a secret poll: the ballot is "
        "entered without its unit.",
    )

    _sql_constraints = [
        (
            "poll_partner_uniq",
            "unique(poll_id, partner_id)",
            "This unit is already a voter of the poll.",
        ),
    ]

    def write(self, vals):
        if {"partner_id", "attendance"} & set(vals):
            self._check_not_voted()
        self._check_unit_written(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_not_voted(self):
        self._check_not_voted()

    def _check_not_voted(self):
        """Once a unit has voted in the round, its attendance is what its
        ballot says (present, or absent with a written vote): changing it
        would change the count's base after the fact."""
        for voter in self.sudo():
            if voter.voted_round and voter.voted_round >= voter.poll_id.round:
                raise UserError(
                    self.env._(
                        "%(unit)s has already voted in this round: its attendance "
                        "can no longer change.",
                        unit=voter.partner_id.name,
                    )
                )

    def action_hand_in_paper(self):
        """The unit has handed its ballot in on paper (absent: its written
        vote), in a secret poll: its flag of the round is set, nothing of
        what it chose. The counting committee then enters the ballot
        without its unit, and learns no more than the count."""
        self.check_access("read")
        Ballot = self.env["emulation.ballot"]
        for voter in self:
            poll = voter.poll_id
            Ballot._check_polls_open(poll)
            poll = poll.sudo()
            user = self.env.user
            if user not in poll.counting_user_ids and not (
                poll.cluster_id._is_served_by(user)
            ):
                raise AccessError(
                    self.env._(
                        "Only the secretariat or the counting committee records "
                        "a ballot handed in on paper."
                    )
                )
            if not poll.is_secret:
                raise UserError(
                    self.env._(
                        "In an open poll a paper ballot names its unit: enter "
                        "it with the unit, from the Vote button."
                    )
                )
            poll._check_members(voter.partner_id)
            voter._check_may_vote(poll)
        self._claim_paper()
        return True

    def _check_may_vote(self, poll):
        """The unit has not voted yet in the round of its ``poll`` (the
        voter's, as the caller reads it), and votes in writing only if the
        rule allows it when it is absent."""
        self.ensure_one()
        if self.voted_round >= poll.round:
            raise UserError(
                self.env["emulation.ballot"]._get_voted_message(
                    self.partner_id, poll.round
                )
            )
        if self.attendance == "absent" and not poll.rule_id.written_votes_allowed:
            raise UserError(
                self.env._(
                    "%(unit)s is absent and rule %(rule)s does not allow "
                    "written votes.",
                    unit=self.partner_id.name,
                    rule=poll.rule_id.name,
                )
            )

    def _claim_paper(self):
        """Flag the voters as having voted on paper in their poll's round,
        in one query that leaves their lines' write date alone (the flag
        carries no time); one flagged meanwhile is refused."""
        self.env["emulation.poll"].flush_model(["round"])
        self.flush_recordset(["voted_round", "paper_round"])
        claimed = {
            row[0]
            for row in self.env.execute_query(
                SQL(
                    "UPDATE emulation_poll_voter AS voter "
                    "SET voted_round = poll.round, paper_round = poll.round "
                    "FROM emulation_poll AS poll WHERE poll.id = voter.poll_id "
                    "AND voter.id = ANY(%s) "
                    "AND COALESCE(voter.voted_round, 0) < poll.round "
                    "RETURNING voter.id",
                    self.ids,
                )
            )
        }
        self.invalidate_recordset(["voted_round", "paper_round"])
        # what reads the flag (the units' duties) sees it
        self.modified(["voted_round"])
        for voter in self.sudo():
            if voter.id not in claimed:
                raise UserError(
                    self.env["emulation.ballot"]._get_voted_message(
                        voter.partner_id, voter.poll_id.round
                    )
                )
