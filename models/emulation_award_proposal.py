# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..tools.common import format_vn_short_date
from .emulation_award_type import award_type_field
from .emulation_edit_policy_mixin import archive_group
from .emulation_plan_bound_mixin import PLAN_UNIT_RECORD_INHERIT
from .emulation_workflow_mixin import state_field

PROPOSAL_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted to the Council"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
]


class EmulationAwardProposal(models.Model):
    """A unit (or one of its people) the cluster proposes for an award,
    with the dossier the council needs (Decree 152 Art. 33, 37, 42).

    Made from a closed nomination poll, one per unit chosen, or by hand by
    the secretariat. It is judged by the rules in force on the day it is
    submitted: the award's deadline and its quota across every proposal
    the council receives for the year, and the restrictions of the unit
    (an award is frozen while it is under discipline, inspection or
    complaint). The council decides; the unit is told."""

    _name = "emulation.award.proposal"
    _description = "Award Proposal"
    _inherit = PLAN_UNIT_RECORD_INHERIT
    _order = "year desc, letter_id, sequence, id"

    _edit_groups = {
        "content": {
            "fields": (
                "sequence",
                "letter_id",
                "individual_name",
                "individual_position",
                "achievement",
                "item_ids",
                "note",
            ),
            "roles": {"secretariat": ("draft",)},
        },
        "decision": {
            "fields": (
                "decision_number",
                "decision_date",
                "decision_document_id",
                "rejection_reason",
            ),
            "roles": {"council": ("submitted",)},
        },
        "archive": archive_group("manager"),
    }
    _edit_create_fields = ("plan_id", "partner_id", "award_type_id", "poll_id")
    _edit_create_roles = ("secretariat",)
    _allowed_moves = {
        "draft": ("submitted",),
        "submitted": (
            "approved",
            "rejected",
            # recalled with its letter before the council decides
            "draft",
        ),
    }

    name = fields.Char(compute="_compute_name", store=True)
    sequence = fields.Integer(default=10)
    plan_id = fields.Many2one(
        string="Activity Plan", help="The plan of the year judged."
    )
    year = fields.Integer(related="plan_id.year", store=True, index=True)
    partner_id = fields.Many2one(domain="[('id', 'in', member_unit_ids)]")
    member_unit_ids = fields.Many2many(related="plan_id.member_unit_ids")
    award_type_id = award_type_field(index=True)
    beneficiary = fields.Selection(related="award_type_id.beneficiary", store=True)
    individual_name = fields.Char(
        "Individual", help="Full name of the person, for an individual award."
    )
    individual_position = fields.Char("Position")
    poll_id = fields.Many2one(
        "emulation.poll",
        "Poll",
        ondelete="restrict",
        index="btree_not_null",
        domain="[('plan_id', '=', plan_id), ('subject', '=', 'nomination'), "
        "('state', '=', 'closed')]",
        help="The nomination poll of the year-end conference that chose the unit.",
    )
    yes_percent = fields.Float(
        "Votes (%)",
        digits=(5, 2),
        compute="_compute_poll_result",
        store=True,
        help="Share of yes votes the unit received in its last round.",
    )
    score_total = fields.Float("Total Points", compute="_compute_score", store=True)
    rank = fields.Integer(compute="_compute_score", store=True, aggregator="min")
    achievement = fields.Text(
        "Achievements",
        help="The unit's main achievements in a few lines, as the list prints them.",
    )
    letter_id = fields.Many2one(
        "emulation.award.letter",
        "Submission Letter",
        ondelete="restrict",
        index="btree_not_null",
        domain="[('plan_id', '=', plan_id), ('state', '=', 'draft')]",
    )
    item_ids = fields.One2many(
        "emulation.award.proposal.item", "proposal_id", "Dossier"
    )
    missing_item_count = fields.Integer(
        "Missing Items", compute="_compute_missing_items", store=True
    )
    is_dossier_complete = fields.Boolean(
        "Dossier Complete", compute="_compute_missing_items", store=True
    )
    state = state_field(
        PROPOSAL_STATES,
        string="Status",
    )
    outcome = fields.Selection(
        [
            ("not_submitted", "Not Submitted"),
            ("pending", "Before the Council"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        compute="_compute_outcome",
        store=True,
        help="Whether the council has decided, and how.",
    )
    submit_date = fields.Date("Submitted On", readonly=True, tracking=True)
    decision_number = fields.Char(tracking=True)
    decision_date = fields.Date(tracking=True)
    decision_document_id = fields.Many2one(
        "emulation.document",
        "Decision Document",
        tracking=True,
        help="The decision awarding it, among the reference documents.",
    )
    rejection_reason = fields.Text(tracking=True)
    decided_by_id = fields.Many2one("res.users", "Decided By", readonly=True)
    note = fields.Text()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "plan_unit_award_uniq",
            "unique(plan_id, partner_id, award_type_id, individual_name)",
            "The unit is already proposed for this award this year.",
        ),
    ]

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends("partner_id.name", "award_type_id.name", "year", "individual_name")
    def _compute_name(self):
        for proposal in self:
            who = proposal.individual_name or proposal.partner_id.name or ""
            proposal.name = (
                f"{who} – {proposal.award_type_id.name or ''} {proposal.year or ''}"
            ).strip()

    @api.depends("poll_id.result_ids.yes_percent", "partner_id")
    def _compute_poll_result(self):
        for proposal in self:
            results = proposal.poll_id.sudo().result_ids.filtered(
                lambda result, unit=proposal.partner_id: result.partner_id == unit
            )
            last = results.sorted("round")[-1:]
            proposal.yes_percent = last.yes_percent

    @api.depends("plan_id", "partner_id")
    def _compute_score(self):
        rows = {
            (row.plan_id.id, row.partner_id.id): row
            for row in self.env["emulation.ranking"]
            .sudo()
            .search(
                [
                    ("plan_id", "in", self.plan_id.ids),
                    ("partner_id", "in", self.partner_id.ids),
                ]
            )
        }
        for proposal in self:
            row = rows.get((proposal.plan_id.id, proposal.partner_id.id))
            # nothing is copied from a provisional ranking: it may change
            agreed = row and row.is_agreed
            proposal.score_total = row.final_total if agreed else 0.0
            proposal.rank = row.rank if agreed else 0

    @api.depends("item_ids.is_present")
    def _compute_missing_items(self):
        for proposal in self:
            missing = len(proposal.item_ids.filtered(lambda item: not item.is_present))
            proposal.missing_item_count = missing
            proposal.is_dossier_complete = bool(proposal.item_ids) and not missing

    @api.depends("state")
    def _compute_outcome(self):
        for proposal in self:
            proposal.outcome = {
                "draft": "not_submitted",
                "submitted": "pending",
            }.get(proposal.state, proposal.state)

    # ------------------------------------------------------------------
    # checks
    # ------------------------------------------------------------------
    @api.constrains("partner_id", "plan_id")
    def _check_member(self):
        for proposal in self:
            if proposal.partner_id not in proposal.plan_id.sudo().member_unit_ids:
                raise ValidationError(
                    self.env._(
                        "Only a member unit of the plan's cluster can be "
                        "proposed by it."
                    )
                )

    @api.constrains("award_type_id", "plan_id")
    def _check_proposer_level(self):
        for proposal in self:
            level = proposal.award_type_id.proposer_level
            if level and level != proposal.cluster_id.level:
                levels = dict(
                    self.env["emulation.cluster"]
                    ._fields["level"]
                    ._description_selection(self.env)
                )
                raise ValidationError(
                    self.env._(
                        "%(award)s is proposed by clusters of the level "
                        '"%(level)s"; this cluster is of the level "%(own)s".',
                        award=proposal.award_type_id.name,
                        level=levels[level],
                        own=levels[proposal.cluster_id.level],
                    )
                )

    @api.constrains("award_type_id", "individual_name")
    def _check_individual(self):
        for proposal in self:
            if (
                proposal.beneficiary == "individual"
                and not (proposal.individual_name or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "%(award)s is awarded to a person: give the person's name.",
                        award=proposal.award_type_id.name,
                    )
                )

    @api.constrains("poll_id", "partner_id", "award_type_id")
    def _check_poll(self):
        for proposal in self.filtered("poll_id"):
            poll = proposal.poll_id.sudo()
            if (
                poll.plan_id != proposal.plan_id
                or poll.subject != "nomination"
                or poll.award_type_id != proposal.award_type_id
            ):
                raise ValidationError(
                    self.env._(
                        "The poll of a proposal is the plan's nomination poll "
                        "for the same award."
                    )
                )

    @api.constrains("letter_id", "plan_id")
    def _check_letter(self):
        for proposal in self.filtered("letter_id"):
            if proposal.letter_id.plan_id != proposal.plan_id:
                raise ValidationError(
                    self.env._(
                        "A submission letter covers the proposals of its own plan."
                    )
                )

    @api.onchange("decision_number")
    def _onchange_decision_number_date(self):
        """The council records its decision: dated today in its time zone
        unless it gives the decision's own day."""
        for proposal in self:
            if proposal.decision_number and not proposal.decision_date:
                proposal.decision_date = fields.Date.context_today(proposal)

    @api.constrains("decision_date")
    def _check_decision_date(self):
        today = fields.Date.context_today(self)
        for proposal in self.filtered("decision_date"):
            if proposal.decision_date > today:
                raise ValidationError(
                    self.env._(
                        "The council's decision cannot be dated in the future "
                        "(%(date)s).",
                        date=format_vn_short_date(proposal.decision_date),
                    )
                )
            if proposal.submit_date and proposal.decision_date < proposal.submit_date:
                raise ValidationError(
                    self.env._(
                        "The decision is dated before the proposal was submitted "
                        "(%(date)s).",
                        date=format_vn_short_date(proposal.submit_date),
                    )
                )

    # ------------------------------------------------------------------
    # create: the dossier's lines follow the award type
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        proposals = super().create(vals_list)
        proposals.sudo()._create_dossier_items()
        proposals._subscribe_unit_officers()
        return proposals

    def _create_dossier_items(self):
        """One line per item the award requires; the achievement report is
        linked to the unit's award-dossier filing of the plan, if any."""
        filings = self.env["emulation.submission"].search(
            [
                ("plan_id", "in", self.plan_id.ids),
                ("partner_id", "in", self.partner_id.ids),
                ("kind", "=", "award_dossier"),
            ],
            order="id",
        )
        filing_of = {(sub.plan_id.id, sub.partner_id.id): sub for sub in filings}
        lines = []
        for proposal in self:
            filing = filing_of.get((proposal.plan_id.id, proposal.partner_id.id))
            for item in proposal.award_type_id.dossier_item_ids:
                lines.append(
                    {
                        "proposal_id": proposal.id,
                        "item_id": item.id,
                        "sequence": item.sequence,
                        "submission_id": filing.id
                        if filing and item.source == "achievement_report"
                        else False,
                    }
                )
        self.env["emulation.award.proposal.item"].create(lines)

    def _subscribe_unit_officers(self):
        """The unit's officers follow its proposals (the decision reaches
        them): the reminder log's one officer lookup, one query."""
        officers = self.env["emulation.reminder.log"]._get_unit_officers(
            self.partner_id
        )
        for proposal in self.sudo():
            proposal.message_subscribe(
                partner_ids=officers[proposal.partner_id].partner_id.ids
            )

    # ------------------------------------------------------------------
    # from a poll
    # ------------------------------------------------------------------
    @api.model
    def _create_from_poll(self, poll):
        """One proposal per unit a closed nomination poll chose, skipping
        the ones already made."""
        poll.check_access("read")
        if poll.state != "closed" or poll.subject != "nomination":
            raise UserError(
                self.env._(
                    "Proposals are made from a closed nomination poll: its "
                    "results are final."
                )
            )
        chosen = poll.sudo().candidate_ids.filtered("is_elected").partner_id
        existing = (
            self.with_context(active_test=False)
            .search(
                [
                    ("poll_id", "=", poll.id),
                    ("partner_id", "in", chosen.ids),
                ]
            )
            .partner_id
        )
        return self.create(
            [
                {
                    "plan_id": poll.plan_id.id,
                    "partner_id": unit.id,
                    "award_type_id": poll.award_type_id.id,
                    "poll_id": poll.id,
                }
                for unit in chosen - existing
            ]
        )

    def _get_generated_documents(self):
        """{source: whether it is available now} of the documents the addon
        prints from data for this proposal."""
        self.ensure_one()
        poll = self.poll_id.sudo()
        closed = poll.state == "closed"
        return {
            "letter": bool(self.letter_id.number),
            "review_minutes": closed,
            "vote_minutes": closed and poll.is_secret,
        }

    def action_view_letter(self):
        self.ensure_one()
        return self.letter_id._get_records_action(name=self.letter_id.display_name)
