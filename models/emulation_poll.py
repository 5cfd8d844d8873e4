# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .emulation_edit_policy_mixin import archive_group
from .emulation_workflow_mixin import state_field

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
        "archive": archive_group("manager"),
    }
    _edit_create_fields = ("event_id",)
    _edit_create_roles = ("secretariat",)
    _allowed_moves = {
        "draft": ("open",),
        "open": ("counted", "closed"),
        "counted": ("open", "closed"),
    }

    name = fields.Char(required=True, tracking=True)
    event_id = fields.Many2one(
        "emulation.event",
        "Held At",
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
        [
            ("nomination", "Nominate Units for an Award"),
            ("leader", "Elect Next Year's Leader"),
            ("deputy", "Elect Next Year's Deputy"),
        ],
        required=True,
        default="nomination",
        tracking=True,
    )
    award_type_id = fields.Many2one(
        "emulation.award.type", "Award Type", ondelete="restrict", tracking=True
    )
    is_secret = fields.Boolean(
        "Secret Ballot",
        default=True,
        tracking=True,
        help="Ticked: the ballots are stored without their unit, so that "
        "nobody can tell what a unit chose. Unticked: a show of hands, "
        "entered by the secretariat.",
    )
    counting_user_ids = fields.Many2many(
        "res.users",
        "emulation_poll_counting_user_rel",
        "poll_id",
        "user_id",
        "Counting Committee",
        help="Who counts the votes (ban kiểm phiếu): they enter the paper and "
        "written ballots, and learn no more than the count.",
    )
    chair_name = fields.Char("Chair", help="The chair's name, as he signs the minutes.")
    chair_title = fields.Char(
        "Chair's Title",
        help="The chair's job title, printed with his name in the minutes' "
        "opening (not under the signature).",
    )
    secretary_name = fields.Char(
        "Secretary", help="The secretary's name, as she signs the minutes."
    )
    secretary_title = fields.Char("Secretary's Title")
    note = fields.Text()
    state = state_field(
        [
            ("draft", "Being Prepared"),
            ("open", "Voting"),
            ("counted", "Round Counted"),
            ("closed", "Closed"),
        ],
        string="Status",
    )
    round = fields.Integer(
        "Voting Round", default=1, readonly=True, tracking=True, copy=False
    )
    candidate_ids = fields.One2many("emulation.poll.candidate", "poll_id", "Candidates")
    voter_ids = fields.One2many("emulation.poll.voter", "poll_id", "Voters")
    result_ids = fields.One2many(
        "emulation.poll.result", "poll_id", "Results", readonly=True
    )
    rule_id = fields.Many2one(
        "emulation.rule",
        "Voting Rule Applied",
        readonly=True,
        ondelete="restrict",
        tracking=True,
    )
    seats = fields.Integer(
        "Units to Choose",
        readonly=True,
        help="The quota of the award type (nominations) or one (elections).",
    )
    chair_reason = fields.Text(
        "Chair's Decision",
        help="Why the chair chose among the candidates still tied, when the "
        "voting rule lets the chair decide.",
    )
    voter_count = fields.Integer("Members", compute="_compute_counts")
    present_count = fields.Integer("Present", compute="_compute_counts")
    ballot_count = fields.Integer("Ballots of the Round", compute="_compute_counts")
    proposal_count = fields.Integer(compute="_compute_proposal_count")
    is_paper_clerk = fields.Boolean(
        "Records Paper Ballots",
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
        return self._open_children(
            "emulation_cluster.emulation_award_proposal_action",
            "poll_id",
            {"create": False},
        )

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
