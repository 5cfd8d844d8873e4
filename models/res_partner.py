# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import email_normalize

from ..tools.common import dialog_action


class ResPartner(models.Model):
    _inherit = "res.partner"

    emulation_membership_ids = fields.One2many(
        "emulation.cluster.membership", "partner_id", "Emulation Memberships"
    )
    emulation_successor_id = fields.Many2one(
        "res.partner",
        "Successor Unit",
        domain=[("is_company", "=", True)],
        index="btree_not_null",
        tracking=True,
        help="Unit that took over this one (e.g. after a merger of provinces).",
    )
    emulation_predecessor_ids = fields.One2many(
        "res.partner", "emulation_successor_id", "Predecessor Units"
    )

    is_women_collective = fields.Boolean(
        "Collective of at Least 70 % Women",
        tracking=True,
        help="Comes first among equally voted candidates (Decree 152/2025 Art. 4).",
    )
    emulation_restriction_ids = fields.One2many(
        "emulation.unit.restriction", "partner_id", "Discipline, Inspection, Complaint"
    )
    # the unit's history over the years: each row readable as its own
    # record rules allow (a unit's ranking before agreement, its proposals)
    emulation_ranking_ids = fields.One2many(
        "emulation.ranking", "partner_id", "Results by Year"
    )
    emulation_proposal_ids = fields.One2many(
        "emulation.award.proposal", "partner_id", "Award Proposals"
    )

    emulation_officer_ids = fields.Many2many(
        "res.users",
        string="Officers",
        compute="_compute_emulation_officer_ids",
        help="Internal users of this unit who work in the emulation clusters: "
        "the company of their contact is this unit.",
    )
    emulation_can_have_secretariat = fields.Boolean(
        compute="_compute_emulation_can_have_secretariat",
        help="The unit's staff may serve as a cluster's secretariat: it leads "
        "a cluster (or a cluster with no leader yet counts it as a member).",
    )

    def _compute_emulation_officer_ids(self):
        units = self.filtered("id")
        users = (
            self.env["res.users"]
            .search(
                [
                    ("share", "=", False),
                    ("partner_id.commercial_partner_id", "in", units.ids),
                    (
                        "groups_id",
                        "in",
                        self.env.ref("emulation_cluster.group_unit_officer").ids,
                    ),
                ]
            )
            .grouped(lambda user: user.partner_id.commercial_partner_id)
        )
        for unit in self:
            unit.emulation_officer_ids = users.get(unit, self.env["res.users"])

    def _compute_emulation_can_have_secretariat(self):
        units = self._get_emulation_secretariat_clusters().secretariat_unit_ids
        for partner in self:
            partner.emulation_can_have_secretariat = partner in units

    def _get_emulation_secretariat_clusters(self):
        """The clusters these units are members of today and whose
        secretariat they may staff (they lead them)."""
        Membership = self.env["emulation.cluster.membership"].sudo()
        clusters = Membership.search(
            Membership._get_active_at_domain(fields.Date.context_today(self))
            + [("partner_id", "in", self.filtered("id").ids)]
        ).cluster_id
        return clusters.filtered(lambda cluster: cluster.secretariat_unit_ids & self)

    def action_open_officer_wizard(self):
        """The unit's "Add an Officer" button (managers only: the wizard
        checks again before it creates the user)."""
        self.ensure_one()
        return dialog_action(
            self.env._("Add an Officer"),
            "emulation.officer.wizard",
            {"default_unit_id": self.id},
        )

    @api.constrains("email", "emulation_membership_ids")
    def _check_member_unit_email(self):
        """A member unit's e-mail receives the reminders and is printed on
        the documents: it must be an address."""
        for unit in self.filtered("emulation_membership_ids"):
            if unit.email and not email_normalize(unit.email):
                raise ValidationError(
                    self.env._(
                        "The e-mail of the member unit %(unit)s is not a valid "
                        "address: %(email)s",
                        unit=unit.name,
                        email=unit.email,
                    )
                )
