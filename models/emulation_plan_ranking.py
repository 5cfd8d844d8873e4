# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import fields, models


class EmulationPlanRanking(models.Model):
    """The plan's scorecards and their ranking: who ranks where and in which
    class, by the rules in force on the day the results are agreed."""

    _inherit = "emulation.plan"

    scorecard_count = fields.Integer(compute="_compute_scorecard_count")
    ranking_count = fields.Integer("Ranked Units", compute="_compute_ranking_count")
    # set by the year rollover only: a system field of the editing policy

    def _compute_scorecard_count(self):
        self._count_per_plan("emulation.scorecard", "scorecard_count")

    def _compute_ranking_count(self):
        # what this user may read of the ranking (own row, or all once agreed)
        self._count_per_plan("emulation.ranking", "ranking_count")

    def action_view_ranking(self):
        self.ensure_one()
        return self._open(
            "emulation_cluster.emulation_ranking_action",
            [("plan_id", "=", self.id)],
        )

    def action_create_scorecards(self):
        """One scorecard per member unit, against the year's criteria."""
        self.ensure_one()
        self._check_transition(
            ("issued",), ("secretariat",), self.env._("given its scorecards")
        )
        self.env["emulation.scorecard"]._create_for_plan(self)
        return self.action_view_scorecards()

    def action_view_scorecards(self):
        return self._open_children(
            "emulation_cluster.emulation_scorecard_action", "plan_id"
        )

    def _get_ranking_rules(self, cards):
        """The scoring and classification rules that rank ``cards`` of this
        plan: those in force on the day they were agreed, today for results
        not agreed yet."""
        self.ensure_one()
        Rule = self.env["emulation.rule"]
        agreed = [day for day in cards.mapped("date_agreed") if day]
        on_date = max(agreed) if agreed else fields.Date.context_today(self)
        return (
            Rule._get_applicable("scoring", self.cluster_id, on_date),
            Rule._get_applicable("classification", self.cluster_id, on_date),
        )

    def _rank_scorecards(self):
        """Classify and rank every scorecard of these plans, by the rules in
        force on the day the scorecards are agreed (today, for a result
        not agreed yet: marked provisional). Ties share a rank and the
        next rank skips (1, 1, 3); the rule's tie-break group, then the
        unit's name, order them. A unit that has not sent its scores yet is
        neither ranked nor classified (not "last with 0"). One read per
        plan."""
        for plan in self:
            cards = plan.sudo().with_context(active_test=True).scorecard_ids
            unscored = cards.filtered(lambda card: card.state == "draft")
            if unscored:
                unscored._write_transition(
                    {
                        "rank": 0,
                        "classification_id": False,
                        "classification_rule_id": False,
                    }
                )
            cards -= unscored
            if not cards:
                continue
            scoring, classification = plan._get_ranking_rules(cards)
            by_percentage = scoring.ranking_basis == "percentage"
            results = cards._get_group_results()
            tiebreak = {
                card: sum(
                    points
                    for group, (points, __) in results[card].items()
                    if scoring.tiebreak_code and group.code == scoring.tiebreak_code
                )
                for card in cards
            }

            def key(card, by_percentage=by_percentage, tiebreak=tiebreak):
                basis = card.percentage if by_percentage else card.final_total
                return (-round(basis, 2), -round(tiebreak[card], 2))

            ordered = cards.sorted(
                lambda card, key=key: (key(card), card.partner_id.name)
            )
            previous, rank = None, 0
            # one write per (rank, level), not one per scorecard
            outcomes = defaultdict(list)
            for position, card in enumerate(ordered, start=1):
                if key(card) != previous:
                    rank, previous = position, key(card)
                level = (
                    classification._classify(
                        card.final_total, cards._get_group_percentages(results[card])
                    )
                    if classification
                    else classification.classification_ids
                )
                outcomes[rank, level.id].append(card.id)
            for (rank, level_id), card_ids in outcomes.items():
                cards.browse(card_ids)._write_transition(
                    {
                        "rank": rank,
                        "classification_id": level_id,
                        "classification_rule_id": classification.id,
                    }
                )
        # the ranking views read what was just written: drop their cache
        self.env["emulation.ranking"].invalidate_model()
        self.env["emulation.ranking.group"].invalidate_model()
