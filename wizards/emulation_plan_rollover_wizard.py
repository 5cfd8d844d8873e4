# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.emulation_plan import YEAR_RANGE


def role_field(string, compute):
    """Next year's leader or deputy unit: the elected one, or the member
    the secretariat sets by hand when no election filled the role."""
    return fields.Many2one(
        "res.partner",
        string,
        compute=compute,
        store=True,
        readonly=False,
        domain="[('id', 'in', member_ids)]",
    )


class EmulationPlanRolloverWizard(models.TransientModel):
    """Next year's draft plan from an issued or closed one, with the leader
    and deputy the year-end conference elected (or that the secretariat
    sets by hand, recorded as such): its legal bases to review, the
    activities and obligations a year later, the covenant's clauses and the
    year's criteria. Nothing of the plan rolled over changes."""

    _name = "emulation.plan.rollover.wizard"
    _description = "Year Rollover of a Plan"

    plan_id = fields.Many2one(
        "emulation.plan", "Plan", required=True, readonly=True, ondelete="cascade"
    )
    cluster_id = fields.Many2one(related="plan_id.cluster_id")
    year = fields.Integer("Next Year", compute="_compute_year", aggregator=False)
    elected_leader_id = fields.Many2one("res.partner", compute="_compute_election")
    elected_deputy_id = fields.Many2one("res.partner", compute="_compute_election")
    is_elected = fields.Boolean(
        "Elected",
        compute="_compute_election",
        help="The year-end conference elected both next year's leader and deputy.",
    )
    set_by_hand = fields.Boolean(
        "Set Them by Hand",
        help="No election of next year's leader and deputy was recorded in "
        "Odoo (e.g. the vote was held on paper): set them here; the plan "
        "records who set them and why.",
    )
    leader_id = role_field("Leader Unit", "_compute_leader_id")
    deputy_id = role_field("Deputy Unit", "_compute_deputy_id")
    hand_reason = fields.Text(
        "How They Were Chosen",
        help='e.g. "Elected at the year-end conference of 10/12/2020; minutes '
        'on paper".',
    )
    member_ids = fields.Many2many(
        "res.partner", string="Member Units on 1 January", compute="_compute_members"
    )
    member_count = fields.Integer("Number of Member Units", compute="_compute_members")
    successor_warning = fields.Text(
        "Successors Without Membership", compute="_compute_members"
    )
    criterion_template_id = fields.Many2one(
        "emulation.criterion.template", "Criteria Copied", compute="_compute_contents"
    )
    contents_text = fields.Text("Carried into Next Year", compute="_compute_contents")

    # ------------------------------------------------------------------
    # computes: what the dialog shows before anything is created
    # ------------------------------------------------------------------
    @api.depends("plan_id.year")
    def _compute_year(self):
        for wizard in self:
            wizard.year = wizard.plan_id.year + 1 if wizard.plan_id else 0

    def _get_term(self):
        self.ensure_one()
        return self.env["emulation.cluster.term"]._get_term(
            self.plan_id.cluster_id, self.plan_id.year + 1
        )

    @api.depends("plan_id")
    def _compute_election(self):
        for wizard in self:
            term = (
                wizard._get_term()
                if wizard.plan_id
                else self.env["emulation.cluster.term"]
            )
            wizard.elected_leader_id = term.leader_id
            wizard.elected_deputy_id = term.deputy_id
            wizard.is_elected = bool(term.leader_id and term.deputy_id)

    # one method each: a role given at creation leaves the other computed
    @api.depends("plan_id")
    def _compute_leader_id(self):
        for wizard in self:
            wizard.leader_id = wizard.elected_leader_id

    @api.depends("plan_id")
    def _compute_deputy_id(self):
        for wizard in self:
            wizard.deputy_id = wizard.elected_deputy_id

    @api.depends("plan_id")
    def _compute_members(self):
        for wizard in self:
            if not wizard.plan_id:
                wizard.member_ids = False
                wizard.member_count = 0
                wizard.successor_warning = False
                continue
            members = wizard._get_new_year_members()
            wizard.member_ids = members
            wizard.member_count = len(members)
            wizard.successor_warning = wizard._get_successor_warning(members)

    def _get_new_year_members(self):
        """The members of next year's plan: the memberships running on
        1 January of that year."""
        self.ensure_one()
        return self.plan_id.cluster_id._get_members_at(
            date(self.plan_id.year + 1, 1, 1)
        )

    def _get_successor_warning(self, members):
        """The units of the year or of 1 January whose recorded successor
        has no membership of the cluster running on or after 1 January (the
        manager records it; the rollover changes no membership)."""
        self.ensure_one()
        plan = self.plan_id
        new_year = date(plan.year + 1, 1, 1)
        units = (members | plan.member_unit_ids).filtered("emulation_successor_id")
        if not units:
            return False
        Membership = self.env["emulation.cluster.membership"]
        joined = Membership.search(
            [
                ("cluster_id", "=", plan.cluster_id.id),
                ("partner_id", "in", units.emulation_successor_id.ids),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", new_year),
            ]
        ).partner_id
        lines = [
            self.env._(
                "%(unit)s names %(successor)s as its successor, which has no "
                "membership of the cluster yet.",
                unit=unit.name,
                successor=unit.emulation_successor_id.name,
            )
            for unit in units.sorted("name")
            if unit.emulation_successor_id not in joined
        ]
        return "\n".join(lines) or False

    @api.depends("plan_id")
    def _compute_contents(self):
        for wizard in self:
            plan = wizard.plan_id
            template = plan.criterion_template_id
            wizard.criterion_template_id = (
                template if template.state == "validated" else False
            )
            if not plan:
                wizard.contents_text = False
                continue
            wizard.contents_text = self.env._(
                "%(bases)s legal bases (to review), %(events)s activities, "
                "%(obligations)s reporting obligations, %(clauses)s covenant "
                "clauses.",
                bases=len(plan.basis_ids),
                events=len(plan.event_ids),
                obligations=len(plan.obligation_ids),
                clauses=len(plan.covenant_id.clause_ids),
            )

    # ------------------------------------------------------------------
    # checks
    # ------------------------------------------------------------------
    @api.model
    def _check_plan(self, plan):
        """What a rollover of ``plan`` needs, the user's rights first: the
        cluster's secretariat, an issued or closed plan, no adjustment in
        progress, and no plan of the next year yet."""
        plan._check_transition(
            ("issued", "closed"),
            ("secretariat",),
            self.env._("rolled over to next year"),
        )
        if plan.adjustment_in_progress:
            raise UserError(
                self.env._("Finish the adjustment in progress before the rollover.")
            )
        year = plan.year + 1
        if year > YEAR_RANGE[1]:
            raise UserError(
                self.env._(
                    "The plan's year must be between %(first)s and %(last)s.",
                    first=YEAR_RANGE[0],
                    last=YEAR_RANGE[1],
                )
            )
        # archived ones too; named by nothing but the year: the user may not
        # read that plan
        existing = (
            self.env["emulation.plan"]
            .sudo()
            .with_context(active_test=False)
            .search_count(
                [("cluster_id", "=", plan.cluster_id.id), ("year", "=", year)],
                limit=1,
            )
        )
        if existing:
            raise UserError(
                self.env._(
                    "The cluster already has a plan for %(year)s: a year is "
                    "rolled over only once.",
                    year=year,
                )
            )

    def _get_leader_deputy(self):
        """(leader, deputy, roles set by hand) of next year: the elected
        ones, else those the secretariat sets by hand with the reason."""
        self.ensure_one()
        term = self._get_term()
        elected = {"leader": term.leader_id, "deputy": term.deputy_id}
        if not self.set_by_hand:
            if not (elected["leader"] and elected["deputy"]):
                raise UserError(
                    self.env._(
                        "Next year's leader and deputy have not been elected "
                        "yet: close the election polls of the year-end "
                        "conference, or set them by hand and say how they "
                        "were chosen."
                    )
                )
            return elected["leader"], elected["deputy"], []
        if elected["leader"] and elected["deputy"]:
            raise UserError(
                self.env._(
                    "Next year's leader and deputy were elected by the year-end "
                    "conference: they are not set by hand."
                )
            )
        given = {"leader": self.leader_id, "deputy": self.deputy_id}
        if (
            not (given["leader"] and given["deputy"])
            or not (self.hand_reason or "").strip()
        ):
            raise UserError(
                self.env._(
                    "Give next year's leader and deputy units, and how they "
                    "were chosen."
                )
            )
        for role, unit in elected.items():
            if unit and given[role] != unit:
                raise UserError(
                    self.env._(
                        "%(unit)s was elected by the year-end conference: set "
                        "by hand only the role no election filled.",
                        unit=unit.name,
                    )
                )
        if given["leader"] == given["deputy"]:
            raise UserError(
                self.env._("The leader and the deputy must be different units.")
            )
        by_hand = [role for role in ("leader", "deputy") if not elected[role]]
        return given["leader"], given["deputy"], by_hand

    def _check_members(self, units):
        self.ensure_one()
        self.env["emulation.plan"]._check_leading_members(
            units,
            self._get_new_year_members(),
            self.plan_id.cluster_id,
            date(self.plan_id.year + 1, 1, 1),
            error=UserError,
        )

    # ------------------------------------------------------------------
    # the rollover
    # ------------------------------------------------------------------
    def action_confirm(self):
        self.ensure_one()
        self._check_plan(self.plan_id)
        leader, deputy, by_hand = self._get_leader_deputy()
        self._check_members(leader | deputy)
        # checked: the user serves the cluster and the plan may roll over
        if by_hand:
            self._record_term_by_hand(leader, deputy)
        new = self._create_next_plan(leader, deputy)
        self._copy_criteria(new)
        self._schedule_basis_review(new)
        self._post_rollover_message(new, by_hand)
        return new._get_form_view_action(target="current")

    def _record_term_by_hand(self, leader, deputy):
        """The term of next year, as the secretariat set it (no poll)."""
        plan = self.plan_id.sudo()
        Term = self.env["emulation.cluster.term"].sudo()
        vals = {
            "leader_id": leader.id,
            "deputy_id": deputy.id,
            "is_set_by_hand": True,
            "set_by_user_id": self.env.user.id,
            "set_by_hand_reason": self.hand_reason.strip(),
        }
        term = Term._get_term(plan.cluster_id, plan.year + 1)
        if term:
            term._write_transition(vals)
        else:
            Term.create(dict(vals, cluster_id=plan.cluster_id.id, year=plan.year + 1))

    def _create_next_plan(self, leader, deputy):
        plan = self.plan_id.sudo()
        vals = plan._prepare_next_year_vals(leader, deputy)
        new = self.env["emulation.plan"].sudo().create(vals)
        events = self._copy_next_year(plan.event_ids, new)
        self._copy_next_year(plan.obligation_ids, new)
        self._copy_covenant(plan, new, events)
        return new.with_env(self.env)

    def _get_role_map(self, plan, new):
        """The old leader's and deputy's duties go to the new ones."""
        return {plan.leader_id: new.leader_id, plan.deputy_id: new.deputy_id}

    def _copy_next_year(self, records, new):
        """Next year's copies, in ``new``, of ``records`` (the plan's
        activities or its obligations), in their order: {old: new one}."""
        records = records.sorted(lambda record: (record.sequence, record.id))
        roles = self._get_role_map(self.plan_id.sudo(), new)
        vals_list = records._prepare_next_year_vals(new, roles)
        created = self.env[records._name].sudo().create(vals_list)
        return dict(zip(records, created, strict=True))

    def _copy_covenant(self, plan, new, events):
        Covenant = self.env["emulation.covenant"].sudo()
        covenant = Covenant.search([("plan_id", "=", plan.id)], limit=1)
        if not covenant:
            return Covenant
        return Covenant.create(covenant._prepare_next_year_vals(new, events))

    def _copy_criteria(self, new):
        """The year's criteria: a copy of last year's (the criteria copy
        dialog's own choice, which falls back on the template in force)."""
        template = (
            self.env["emulation.criterion.template.copy.wizard"]
            .sudo()
            .with_context(default_plan_id=new.id)
            ._default_template()
        )
        if template:
            template.sudo()._copy_for_plan(new.sudo())

    def _schedule_basis_review(self, new):
        """The legal bases are last year's: the secretariat reviews them."""
        users = new.sudo().cluster_id.secretariat_user_ids or self.env.user
        self.env["emulation.reminder.log"]._schedule_activities(
            self.env.ref("mail.mail_activity_data_todo"),
            [(new.sudo(), users, fields.Date.context_today(self))],
            lambda plan: {
                "summary": plan.env._("Review the legal bases"),
                "note": Markup("<p>%s</p>")
                % plan.env._(
                    "The legal bases are those of %(year)s: check that each "
                    "still applies and add the guidance of %(next)s.",
                    year=plan.year - 1,
                    next=plan.year,
                ),
            },
        )

    def _post_rollover_message(self, new, by_hand):
        plan = self.plan_id
        lines = [
            self.env._(
                "Made by the year rollover of %(plan)s: review its legal bases, "
                "activities, obligations, covenant and criteria before asking "
                "the members.",
                plan=plan.display_name,
            )
        ]
        for role, unit in (("leader", new.leader_id), ("deputy", new.deputy_id)):
            label = new._fields[f"{role}_id"].get_description(self.env)["string"]
            if role in by_hand:
                lines.append(
                    self.env._(
                        "%(role)s: %(unit)s, set by hand by %(user)s; no "
                        "election was recorded (%(reason)s).",
                        role=label,
                        unit=unit.name,
                        user=self.env.user.name,
                        reason=self.hand_reason.strip(),
                    )
                )
            else:
                lines.append(
                    self.env._(
                        "%(role)s: %(unit)s, elected by the year-end conference.",
                        role=label,
                        unit=unit.name,
                    )
                )
        if self.successor_warning:
            lines += self.successor_warning.splitlines()
        new.sudo().message_post(
            body=Markup("").join(Markup("<p>%s</p>") % line for line in lines),
            subtype_xmlid="mail.mt_note",
        )
