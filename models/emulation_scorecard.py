# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL
from odoo.tools.float_utils import float_round

from .emulation_criterion import IN_MAXIMUM_KINDS
from .emulation_edit_policy_mixin import archive_group
from .emulation_reminder_log import CRON_BATCH_SIZE
from .emulation_workflow_mixin import state_field

OPEN_STATES = ("draft", "self_scored", "appraised", "explained", "reappraised")
APPRAISAL_STATES = ("self_scored", "explained")
SCORECARD_STATES = [
    ("draft", "To Self-Score"),
    ("self_scored", "Self-Scored"),
    ("appraised", "Appraised"),
    ("explained", "Explained"),
    ("reappraised", "Appraised Again"),
    ("agreed", "Agreed"),
]


def total_field(string, digits=(6, 2), **attrs):
    """A total of the scorecard's applicable lines: the four are summed
    together (``_compute_totals``), stored, and averaged when the scorecards
    are grouped."""
    return fields.Float(
        string,
        digits=digits,
        compute="_compute_totals",
        store=True,
        aggregator="avg",
        **attrs,
    )


class EmulationScorecard(models.Model):
    """A member unit's scorecard of a plan's year (bảng chấm điểm): one
    line per leaf criterion of the year's copy of the criteria. The unit
    scores itself, the cluster's secretariat appraises, the unit may
    explain an appraisal it disputes, the secretariat appraises again, and
    the year-end conference agrees: then nothing changes any more."""

    _name = "emulation.scorecard"
    _description = "Scorecard"
    _inherit = [
        "emulation.workflow.mixin",
        "emulation.plan.bound.mixin",
        "emulation.member.unit.mixin",
        "emulation.notification.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "plan_id desc, rank, partner_id, id"
    _rec_names_search = ["partner_id.name", "plan_id.name"]

    _edit_groups = {
        # targets and what does not apply to the unit: the secretariat, before
        # the unit scores itself
        "setup": {"fields": ("setup_note",), "roles": {"secretariat": ("draft",)}},
        "self": {
            "fields": ("self_note",),
            "roles": {"owner": ("draft",), "secretariat": ("draft",)},
        },
        "appraisal": {
            "fields": ("appraisal_note",),
            "roles": {"reviewer": APPRAISAL_STATES},
        },
        "explanation": {
            "fields": ("explanation_note",),
            "roles": {"owner": ("appraised",)},
        },
        # the lines themselves: each line field has its own group above
        "lines": {
            "fields": ("line_ids",),
            "roles": {"owner": OPEN_STATES, "secretariat": OPEN_STATES},
        },
        "archive": archive_group("manager"),
    }
    # created by the system only (_create_for_plan), one per member unit
    _edit_create_fields = ("plan_id", "partner_id")
    _edit_create_roles = ("manager",)
    _allowed_moves = {
        "draft": ("self_scored",),
        "self_scored": ("draft", "appraised"),
        "appraised": ("explained", "agreed"),
        "explained": ("reappraised",),
        "reappraised": ("agreed",),
    }

    plan_id = fields.Many2one(readonly=True)
    year = fields.Integer(related="plan_id.year", store=True, index=True)
    partner_id = fields.Many2one(readonly=True)
    template_id = fields.Many2one(
        "emulation.criterion.template", "Criteria", readonly=True, ondelete="restrict"
    )
    state = state_field(
        SCORECARD_STATES,
        string="Status",
        group_expand="_read_group_expand_state",
    )
    line_ids = fields.One2many("emulation.score.line", "scorecard_id", "Scores")
    setup_note = fields.Text("Targets Note")
    self_note = fields.Text("Unit's Note")
    appraisal_note = fields.Text()
    explanation_note = fields.Text("Unit's Explanation")
    self_scored_on_behalf = fields.Boolean(
        "Self-Scored by the Secretariat",
        readonly=True,
        help="The secretariat entered the unit's self scores from its paper table.",
    )
    self_scored_by_id = fields.Many2one("res.users", "Self-Scored By", readonly=True)
    date_self_scored = fields.Datetime("Self-Scored On", readonly=True)
    appraiser_id = fields.Many2one(
        "res.users", "Appraised By", readonly=True, tracking=True
    )
    date_agreed = fields.Date("Agreed On", readonly=True, tracking=True)
    self_total = total_field("Self Score")
    final_total = total_field(
        "Total",
        help="Final scores (appraised where appraised, else the self score), "
        "bonus and penalty included.",
    )
    max_total = total_field(
        "Own Maximum", help="The maxima of the criteria that apply to the unit."
    )
    percentage = total_field("% of Own Maximum", digits=(5, 2))
    classification_id = fields.Many2one(
        "emulation.rule.classification",
        "Classification",
        readonly=True,
        ondelete="restrict",
    )
    classification_rule_id = fields.Many2one(
        "emulation.rule",
        "Classified Under",
        readonly=True,
        ondelete="restrict",
        help="The classification rule in force when the result was ranked.",
    )
    classification_reason = fields.Text(
        "Why This Classification",
        compute="_compute_classification_reason",
        help="Which rule classified the unit and which of its conditions decided.",
    )
    rank = fields.Integer(readonly=True, aggregator="min")
    is_provisional = fields.Boolean(
        "Provisional",
        compute="_compute_is_provisional",
        help="Not agreed yet: totals, classification and rank may change.",
    )
    waiting_target_count = fields.Integer(
        "Lines Waiting for a Target",
        compute="_compute_waiting_target_count",
        help="Criteria scored against a target the secretariat has not "
        "entered yet: they score nothing until it does.",
    )
    # the secretariat's own unit: its form says who appraises it instead
    is_own_unit_of_secretariat = fields.Boolean(
        "Own Unit's Scorecard", compute="_compute_is_own_unit_of_secretariat"
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "plan_partner_uniq",
            "unique(plan_id, partner_id)",
            "This unit already has its scorecard for this plan.",
        ),
    ]

    @api.depends(
        "line_ids.self_points",
        "line_ids.final_points",
        "line_ids.is_applicable",
        "line_ids.max_points",
    )
    def _compute_totals(self):
        # Saved scorecards add up in the database: reading every line
        # through the ORM costs more than linearly with the number of lines
        # (each prefetch batch walks the whole set). Unsaved ones (a form's
        # onchange) add up the lines in memory.
        saved = self.filtered("id")
        sums = saved._sum_lines() if saved else {}
        for card in self:
            if card.id:
                self_total, final_total, max_total = sums.get(card.id, (0.0,) * 3)
            else:
                lines = card.line_ids.filtered("is_applicable")
                self_total = sum(lines.mapped("self_points"))
                final_total = sum(lines.mapped("final_points"))
                max_total = sum(
                    line.max_points for line in lines if line.kind in IN_MAXIMUM_KINDS
                )
            card.self_total = float_round(self_total, 2)
            card.final_total = float_round(final_total, 2)
            card.max_total = max_total
            card.percentage = (
                float_round(card.final_total * 100.0 / max_total, 2)
                if max_total
                else 0.0
            )

    def _sum_lines(self, by_group=False):
        """Sums of the applicable lines of these saved scorecards, in one
        query: {card id: (self points, final points, maximum)}, or with
        ``by_group`` {(card id, top-level group id): (...)}."""
        self.env["emulation.score.line"].flush_model(
            [
                "scorecard_id",
                "criterion_id",
                "top_group_id",
                "kind",
                "is_applicable",
                "self_points",
                "final_points",
            ]
        )
        self.env["emulation.criterion"].flush_model(["max_points"])
        group_by = SQL(", line.top_group_id") if by_group else SQL()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT line.scorecard_id%s,
                       COALESCE(SUM(line.self_points), 0),
                       COALESCE(SUM(line.final_points), 0),
                       COALESCE(SUM(CASE WHEN line.kind IN %s
                                         THEN criterion.max_points END), 0)
                  FROM emulation_score_line line
                  JOIN emulation_criterion criterion
                    ON criterion.id = line.criterion_id
                 WHERE line.scorecard_id IN %s AND line.is_applicable
                 GROUP BY line.scorecard_id%s
                """,
                group_by,
                IN_MAXIMUM_KINDS,
                tuple(self.ids),
                group_by,
            )
        )
        if by_group:
            return {(row[0], row[1]): row[2:] for row in rows}
        return {row[0]: row[1:] for row in rows}

    @api.depends_context("lang")
    @api.depends("classification_id", "classification_rule_id", "final_total", "state")
    def _compute_classification_reason(self):
        reasons = self._explain_classifications()
        for card in self:
            card.classification_reason = reasons.get(card.id, False)

    def _explain_classifications(self, brief=False):
        """{scorecard id: why it has its classification}, in the reader's
        language, from what the ranking stored; one query for every
        scorecard's group results. ``brief``: the deciding condition only,
        for the printed table, which names the rule once."""
        ranked = self.filtered(lambda card: card.id and card.classification_id)
        if not ranked:
            return {}
        results = ranked.sudo()._get_group_results()
        # ranked before the rule was kept with the result: the one the
        # ranking would take, per plan
        rules = {
            plan.id: plan._get_ranking_rules(plan.sudo().scorecard_ids)[1]
            for plan in ranked.filtered(
                lambda card: not card.classification_rule_id
            ).plan_id
        }
        reasons = {}
        for card in ranked.sudo():
            rule = card.classification_rule_id or rules[card.plan_id.id]
            if not rule:
                continue
            percentages = {
                group.code or group.name: points * 100.0 / maximum
                for group, (points, maximum) in results[card].items()
                if maximum
            }
            reasons[card.id] = rule._explain_classification(
                card.classification_id, card.final_total, percentages, brief=brief
            )
        return reasons

    @api.depends("state")
    @api.depends("line_ids.kind", "line_ids.is_applicable", "line_ids.target_value")
    def _compute_waiting_target_count(self):
        for card in self:
            card.waiting_target_count = len(
                card.line_ids.filtered(lambda line: line._is_waiting_for_target())
            )

    @api.depends_context("uid")
    def _compute_is_own_unit_of_secretariat(self):
        user = self.env.user
        for card in self:
            card.is_own_unit_of_secretariat = card._is_role_secretariat(
                user
            ) and not card._is_role_reviewer(user)

    def _compute_is_provisional(self):
        for card in self:
            card.is_provisional = card.state != "agreed"

    @api.depends("partner_id", "year")
    def _compute_display_name(self):
        for card in self:
            card.display_name = f"{card.partner_id.name} – {card.year}"

    # ------------------------------------------------------------------
    # creation: one per member unit, by the system
    # ------------------------------------------------------------------
    @api.model
    def _create_for_plan(self, plan):
        """The scorecards of ``plan``'s member units that have none yet, each
        with one line per active leaf criterion of the year's copy."""
        template = plan.criterion_template_id
        if not template or template.state != "validated":
            raise UserError(
                self.env._(
                    "Plan %(plan)s has no validated criteria yet: take and "
                    "validate the year's criteria first.",
                    plan=plan.display_name,
                )
            )
        units = plan.cluster_id._get_members_at(plan._get_reference_date())
        existing = (
            self.sudo()
            .with_context(active_test=False)
            .search([("plan_id", "=", plan.id)])
        )
        units -= existing.partner_id
        leaves = template.criterion_ids.filtered(
            lambda criterion: criterion.active and criterion.kind != "group"
        )
        cards = self.sudo().create(
            [
                {
                    "plan_id": plan.id,
                    "partner_id": unit.id,
                    "template_id": template.id,
                    "line_ids": [
                        (0, 0, {"criterion_id": criterion.id}) for criterion in leaves
                    ],
                }
                for unit in units
            ]
        )
        cards._ask_targets()
        return cards

    def _ask_targets(self):
        """The secretariat is asked to enter the targets of the cards that
        lack some, before the units score themselves (a criterion against
        a target scores nothing without it)."""
        cards = self.filtered("waiting_target_count")
        if not cards:
            return
        today = fields.Date.context_today(self)
        deadlines = {}
        for card in cards:
            obligations = card.plan_id.obligation_ids.filtered(
                lambda ob: ob.kind == "self_scoring" and ob.deadline
            )
            deadlines[card] = min(obligations.mapped("deadline"), default=today)
        reviewers = self._get_reviewers(cards)
        self._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_targets"),
            [(card, reviewers[card], max(deadlines[card], today)) for card in cards],
            lambda card: {
                "summary": card.env._(
                    "Enter the targets of %(unit)s (%(count)s criteria) before "
                    "self-scoring",
                    unit=card.partner_id.name,
                    count=card.waiting_target_count,
                )
            },
        )

    def _close_targets_activities(self):
        """Every target entered: the secretariat's activity is done."""
        done = self.sudo().filtered(lambda card: not card.waiting_target_count)
        if done:
            done._close_activities(
                ["emulation_cluster.mail_activity_type_targets"],
                feedback=self.env._("Targets entered"),
            )

    # ------------------------------------------------------------------
    # results
    # ------------------------------------------------------------------
    def _get_group_results(self):
        """{scorecard: {top-level group: (final points, own maximum)}},
        summed in the database (one query whatever the number of lines)."""
        results = defaultdict(dict)
        if not self:
            return results
        sums = self._sum_lines(by_group=True)
        cards = {card.id: card for card in self}
        groups = self.env["emulation.criterion"].browse(
            {group_id for __, group_id in sums if group_id}
        )
        for (card_id, group_id), (__, points, maximum) in sums.items():
            group = groups.browse(group_id).with_prefetch(groups._prefetch_ids)
            results[cards[card_id]][group] = (points, maximum)
        return results

    @api.model
    def _get_group_percentages(self, group_results):
        """The percentage of each top-level group with a maximum, from one
        scorecard's entry of ``_get_group_results``."""
        return [
            points * 100.0 / maximum
            for points, maximum in group_results.values()
            if maximum
        ]

    # ------------------------------------------------------------------
    # reminders
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_scoring_reminders(self, batch_size=CRON_BATCH_SIZE):
        """Remind the units of their self-scoring once its deadline passed, and
        the secretariat of the appraisals a week before the year-end conference."""
        today = fields.Date.context_today(self)
        self_scoring = SQL(
            """
            SELECT DISTINCT s.id AS res_id, 0 AS offset_days, s.cluster_id,
                   s.partner_id AS unit_id FROM emulation_scorecard s
              JOIN emulation_obligation o
                ON o.plan_id = s.plan_id AND o.kind = 'self_scoring'
               AND o.state = 'open' AND o.deadline < %(today)s::date
             WHERE s.state = 'draft' AND s.active
            """,
            today=today,
        )
        appraisal = SQL(
            """
            SELECT DISTINCT s.id AS res_id, 7 AS offset_days, s.cluster_id,
                   s.partner_id AS unit_id FROM emulation_scorecard s
              JOIN emulation_event e ON e.plan_id = s.plan_id
               AND e.state != 'cancelled' AND e.active
               AND (e.date_start AT TIME ZONE 'UTC')::date - 7 <= %(today)s::date
              JOIN emulation_event_type t
                ON t.id = e.type_id AND t.code = 'year_end_review'
             WHERE s.state IN ('self_scored', 'explained') AND s.active
            """,
            today=today,
        )
        send_self, send_appraisal = (
            self._send_self_scoring_reminders,
            self._send_appraisal_reminders,
        )
        sent = self.env["emulation.reminder.log"]._run_pass(
            "scoring",
            [
                ("self_scoring", self._name, self_scoring, send_self),
                ("appraisal", self._name, appraisal, send_appraisal),
            ],
            batch_size,
        )
        return sent[0] | sent[1] if sent else self.browse()

    @api.model
    def _send_self_scoring_reminders(self, cards, offsets=None):
        recipients = self._get_unit_recipients(cards)
        obligations = cards.plan_id.obligation_ids.filtered(
            lambda ob: ob.kind == "self_scoring" and ob.deadline
        )
        deadlines = {
            plan: min(group.mapped("deadline"))
            for plan, group in obligations.grouped("plan_id").items()
        }
        self._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_self_scoring"),
            [(card, recipients[card], deadlines[card.plan_id]) for card in cards],
            lambda card: {
                "summary": card.env._(
                    "Self-score %(unit)s for %(year)s",
                    unit=card.partner_id.name,
                    year=card.year,
                )
            },
        )

    @api.model
    def _send_appraisal_reminders(self, cards, offsets=None):
        today = fields.Date.context_today(self)
        reviewers = self._get_reviewers(cards)
        self._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_appraisal"),
            [(card, reviewers[card], today) for card in cards],
            lambda card: {
                "summary": card.env._(
                    "Appraise the scorecard of %(unit)s before the year-end conference",
                    unit=card.partner_id.name,
                )
            },
        )
