# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EmulationClusterTerm(models.Model):
    """A cluster's leader and deputy for a year, as the year-end conference
    before it elected them: 2021's leader is known in December 2020, and
    the plan of 2021 starts from it."""

    _name = "emulation.cluster.term"
    _description = "Leader and Deputy of a Year"
    _inherit = ["emulation.workflow.mixin", "mail.thread"]
    _order = "cluster_id, year desc"
    _rec_name = "year"

    # written by the election polls only
    _edit_groups = {}

    cluster_id = fields.Many2one(
        "emulation.cluster",
        "Cluster",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    year = fields.Integer(required=True, readonly=True, aggregator=False)
    leader_id = fields.Many2one(
        "res.partner", "Leader Unit", readonly=True, tracking=True
    )
    deputy_id = fields.Many2one(
        "res.partner", "Deputy Unit", readonly=True, tracking=True
    )
    leader_poll_id = fields.Many2one(
        "emulation.poll", "Leader Elected By", readonly=True
    )
    deputy_poll_id = fields.Many2one(
        "emulation.poll", "Deputy Elected By", readonly=True
    )
    # the year rollover when no election was recorded in Odoo: who set the
    # units and why stay on record
    is_set_by_hand = fields.Boolean(
        "Set by Hand",
        readonly=True,
        tracking=True,
        help="The secretariat set the leader or the deputy by hand at the year "
        "rollover: no election poll was recorded for it.",
    )
    set_by_user_id = fields.Many2one("res.users", "Set By", readonly=True)
    set_by_hand_reason = fields.Text("How They Were Chosen", readonly=True)

    _sql_constraints = [
        (
            "cluster_year_uniq",
            "unique(cluster_id, year)",
            "The cluster already has its leader and deputy for this year.",
        ),
    ]

    @api.depends("cluster_id", "year")
    def _compute_display_name(self):
        for term in self:
            term.display_name = f"{term.cluster_id.name} – {term.year}"

    @api.constrains("leader_id", "deputy_id")
    def _check_different_units(self):
        for term in self:
            if term.leader_id and term.leader_id == term.deputy_id:
                raise ValidationError(
                    self.env._(
                        "%(unit)s cannot be both the leader and the deputy of "
                        "%(year)s.",
                        unit=term.leader_id.name,
                        year=term.year,
                    )
                )

    @api.model
    def _get_term(self, cluster, year):
        return self.sudo().search(
            [("cluster_id", "=", cluster.id), ("year", "=", year)], limit=1
        )

    @api.model
    def _record_election(self, poll, unit):
        """``unit`` elected by ``poll`` as next year's leader or deputy."""
        year = poll.year + 1
        term = self._get_term(poll.cluster_id, year)
        role = poll.subject  # "leader" or "deputy"
        vals = {f"{role}_id": unit.id, f"{role}_poll_id": poll.id}
        if term:
            term._write_transition(vals)
        else:
            term = self.sudo().create(
                dict(vals, cluster_id=poll.cluster_id.id, year=year)
            )
        return term
