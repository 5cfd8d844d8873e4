# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class EmulationPollCandidate(models.Model):
    """A unit the members vote on in a poll."""

    _name = "emulation.poll.candidate"
    _description = "Poll Candidate"
    _inherit = ["emulation.poll.unit.mixin"]
    _order = "poll_id, sequence, id"
    _rec_name = "partner_id"

    _edit_groups = {
        "line": {
            "fields": ("sequence", "partner_id", "achievement", "added_reason"),
            "parent": ("poll_id", "setup"),
        }
    }
    _edit_create_fields = ("poll_id",)

    sequence = fields.Integer(default=10)
    achievement = fields.Char(
        help="The candidate's achievements in one line, for the minutes."
    )
    added_reason = fields.Text(
        "Why Added by Hand",
        help="Why the unit is a candidate although its result of the year "
        "is not the one the award requires. The minutes print it.",
    )
    is_women_collective = fields.Boolean(
        "≥ 70 % Women", related="partner_id.is_women_collective"
    )
    last_round = fields.Integer(
        "Voted Until Round",
        default=1,
        readonly=True,
        help="The last round the candidate takes part in: a further round "
        "takes only the candidates still tied.",
    )
    is_elected = fields.Boolean("Chosen", readonly=True)
    is_chair_decision = fields.Boolean("Chosen by the Chair", readonly=True)

    _sql_constraints = [
        (
            "poll_partner_uniq",
            "unique(poll_id, partner_id)",
            "This unit is already a candidate of the poll.",
        ),
    ]

    @api.constrains("partner_id", "poll_id")
    def _check_member(self):
        result = super()._check_member()
        self.poll_id._check_candidates_eligible()
        self.poll_id._check_candidates_qualified()
        return result

    @api.model
    def _check_new_unit(self, poll, unit, vals):
        """With the result the award requires or the reason it is added by
        hand."""
        poll._check_qualified([(unit, vals.get("added_reason"))])

    def write(self, vals):
        self._check_unit_written(vals)
        if "partner_id" in vals or "added_reason" in vals:
            for candidate in self.sudo():
                unit = vals.get("partner_id", candidate.partner_id.id)
                if not isinstance(unit, int):
                    continue  # the input checks refuse it
                candidate.poll_id._check_qualified(
                    [
                        (
                            self.env["res.partner"].browse(unit),
                            vals.get("added_reason", candidate.added_reason),
                        )
                    ]
                )
        return super().write(vals)

    def action_chair_decides(self):
        self.ensure_one()
        return self.poll_id._chair_decides(self)
