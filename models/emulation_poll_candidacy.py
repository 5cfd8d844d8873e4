# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.exceptions import UserError, ValidationError

from ..tools.common import format_vn_short_date


class EmulationPollCandidacy(models.Model):
    """Who may stand and who may vote: the members of the cluster, the
    candidates the rules in force make eligible and qualified, the seats
    the quota leaves."""

    _inherit = "emulation.poll"

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
