# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..tools.common import format_vn_short_date


class EmulationAwardProposalCouncil(models.Model):
    """The proposal before the council: submitting it (complete dossier, no
    restriction, within the deadline and the quota of the rules in force)
    and the council's decision, told to the unit."""

    _inherit = "emulation.award.proposal"

    def action_submit(self, act_date=None):
        """Submit to the council, once every check of that day passes.
        ``act_date``: the day it was sent, as the secretariat records it
        (today when not given)."""
        self._check_transition(("draft",), ("secretariat",), self.env._("submitted"))
        label = self.env._("Submitting the proposal")
        on_date = act_date
        for proposal in self:
            on_date = proposal._get_act_date(
                act_date,
                label,
                [(proposal.letter_id.issue_date, self.env._("the letter's date"))],
            )
        self._check_submittable(on_date)
        # the total and rank go to the council as the ranking stands today
        for name in ("score_total", "rank"):
            self.env.add_to_compute(self._fields[name], self)
        self._write_transition({"state": "submitted", "submit_date": on_date})
        self._post_each(
            lambda proposal: self.env._(
                "Submitted to the council with the letter %(letter)s.",
                letter=proposal.letter_id.number,
            ),
            "mail.mt_note",
        )
        return True

    def action_open_submit_wizard(self):
        """Ask the day the proposal was sent (the checks run first)."""
        self._check_transition(("draft",), ("secretariat",), self.env._("submitted"))
        return self.env["emulation.act.date.wizard"]._open_for(
            "submit_proposal", self, self.env._("Submit the Proposal to the Council")
        )

    def _check_submittable(self, on_date):
        """Every refusal of submitting, before anything is written: an
        excluded unit, a missing dossier item, a passed deadline, a full
        quota. Each names only what the secretariat reads: its own
        proposals, never the other clusters' ones counted in the quota."""
        self._check_not_restricted(on_date)
        self._check_dossier_complete()
        self._check_deadline(on_date)
        self._check_quota(on_date)

    def _check_not_restricted(self, on_date):
        restricted = self.env["emulation.unit.restriction"]._get_restricted_units(
            self.partner_id, on_date
        )
        if restricted:
            raise UserError(
                self.env._(
                    "%(unit)s is under discipline, inspection or a complaint on "
                    "%(date)s: its awards are frozen until it is settled "
                    "(Decree 152/2025, Art. 4).",
                    unit=restricted[0].display_name,
                    date=format_vn_short_date(on_date),
                )
            )

    def _check_dossier_complete(self):
        for proposal in self:
            missing = proposal.item_ids.filtered(lambda item: not item.is_present)
            if missing or not proposal.item_ids:
                raise UserError(
                    self.env._(
                        "The dossier of %(proposal)s is incomplete: %(items)s. "
                        "Attach or generate them, then submit.",
                        proposal=proposal.display_name,
                        items=", ".join(missing.item_id.mapped("name"))
                        or self.env._("its award type requires no item yet"),
                    )
                )

    def _get_award_rule_lines(self, on_date):
        """{proposal: its award's quota and deadline line} under the
        proposals rule in force on ``on_date`` for its cluster."""
        rules = {
            cluster: self.env["emulation.rule"]._get_applicable(
                "proposal", cluster, on_date
            )
            for cluster in self.cluster_id
        }
        return {
            proposal: rules[proposal.cluster_id]._get_award_line(proposal.award_type_id)
            for proposal in self
        }

    def _check_deadline(self, on_date):
        for proposal, line in self._get_award_rule_lines(on_date).items():
            deadline = line and line._get_deadline(proposal.year)
            if deadline and on_date > deadline:
                raise UserError(
                    self.env._(
                        "The dossiers of %(award)s for %(year)s were due by "
                        "%(deadline)s (%(basis)s): %(proposal)s can no longer "
                        "be submitted.",
                        award=proposal.award_type_id.name,
                        year=proposal.year,
                        deadline=format_vn_short_date(deadline),
                        basis=line.rule_id.document_id.display_name,
                        proposal=proposal.display_name,
                    )
                )

    def _check_quota(self, on_date):
        """The quota is the council's, over every cluster: at most this
        share of the units leading a cluster or bloc in the year."""
        lines = self._get_award_rule_lines(on_date)
        batches = {}
        for proposal, line in lines.items():
            if line and line.quota_percent:
                key = (line, proposal.award_type_id, proposal.year)
                batches.setdefault(key, self.browse())
                batches[key] |= proposal
        for (line, award_type, year), proposals in batches.items():
            percent = f"{line.quota_percent:g}".replace(".", ",")
            leaders = self._count_cluster_leaders(year)
            allowed = int(leaders * line.quota_percent // 100)
            taken = self._count_council_proposals(award_type, year, proposals)
            if taken + len(proposals) > allowed:
                raise UserError(
                    self.env._(
                        "The quota of %(award)s for %(year)s is full: at most "
                        "%(allowed)s (%(percent)s %% of the %(leaders)s units "
                        "leading a cluster or bloc), and %(taken)s are already "
                        "before the council (%(basis)s).",
                        award=award_type.name,
                        year=year,
                        allowed=allowed,
                        percent=percent,
                        leaders=leaders,
                        taken=taken,
                        basis=line.rule_id.document_id.display_name,
                    )
                )

    def _count_cluster_leaders(self, year):
        """The units leading a cluster or bloc in ``year``: the leaders of
        the year's issued plans, whatever the cluster (one query)."""
        self.env["emulation.plan"].flush_model(["year", "state", "leader_id"])
        return self.env.execute_query(
            SQL(
                "SELECT count(DISTINCT leader_id) FROM emulation_plan "
                "WHERE year = %s AND state NOT IN ('draft', 'consultation') "
                "AND leader_id IS NOT NULL AND active",
                year,
            )
        )[0][0]

    def _count_council_proposals(self, award_type, year, excluded):
        """Proposals of every cluster before the council or approved for
        ``award_type`` and ``year``: a count, not the records."""
        self.flush_model(["award_type_id", "year", "state", "active"])
        return self.env.execute_query(
            SQL(
                "SELECT count(*) FROM emulation_award_proposal "
                "WHERE award_type_id = %s AND year = %s AND active "
                "AND state IN ('submitted', 'approved') AND id NOT IN %s",
                award_type.id,
                year,
                tuple(excluded.ids) or (0,),
            )
        )[0][0]

    # ------------------------------------------------------------------
    # the council's decision
    # ------------------------------------------------------------------
    def action_approve(self):
        def missing(proposal):
            if (
                not (proposal.decision_number or "").strip()
                or not proposal.decision_date
            ):
                return self.env._(
                    "Give the number and the date of the council's decision "
                    "before approving %(proposal)s.",
                    proposal=proposal.display_name,
                )

        return self._decide("approved", missing)

    def action_reject(self):
        def missing(proposal):
            if not (proposal.rejection_reason or "").strip():
                return self.env._(
                    "Write the grounds of the refusal before rejecting %(proposal)s.",
                    proposal=proposal.display_name,
                )

        return self._decide("rejected", missing)

    def _decide(self, state, missing):
        """The council's decision ``state`` on the submitted proposals,
        refused with the message ``missing(proposal)`` returns for a
        proposal that lacks what the decision needs; the units are told."""
        self._check_transition(("submitted",), ("council",), self.env._("decided"))
        for proposal in self:
            message = missing(proposal)
            if message:
                raise UserError(message)
        self._write_transition({"state": state, "decided_by_id": self.env.user.id})
        self._tell_unit()
        return True

    def _tell_unit(self):
        """The unit's officers follow the proposal and get the decision."""
        self._subscribe_unit_officers()
        for proposal in self.sudo():
            if proposal.state == "approved":
                body = self.env._(
                    "The council approved %(award)s for %(unit)s: decision "
                    "%(number)s of %(date)s.",
                    award=proposal.award_type_id.name,
                    unit=proposal.individual_name or proposal.partner_id.name,
                    number=proposal.decision_number,
                    date=format_vn_short_date(proposal.decision_date),
                )
            else:
                body = self.env._(
                    "The council did not approve %(award)s for %(unit)s: %(reason)s",
                    award=proposal.award_type_id.name,
                    unit=proposal.individual_name or proposal.partner_id.name,
                    reason=proposal.rejection_reason,
                )
            proposal.message_post(
                body=body,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                author_id=self.env.user.partner_id.id,
            )
