# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class EmulationPollResult(models.Model):
    """The count of one candidate in one round, computed when the round is
    counted: how many ballots, yes, no, invalid, and the outcome. A count,
    never a list of who voted what."""

    _name = "emulation.poll.result"
    _description = "Poll Result"
    _inherit = ["emulation.poll.line.mixin"]
    _order = "poll_id, round, yes_count desc, id"

    poll_id = fields.Many2one(readonly=True)
    round = fields.Integer("Voting Round", readonly=True)
    candidate_id = fields.Many2one(
        "emulation.poll.candidate",
        "Candidate",
        required=True,
        ondelete="cascade",
        readonly=True,
    )
    partner_id = fields.Many2one(
        related="candidate_id.partner_id", string="Unit", store=True
    )
    ballot_count = fields.Integer("Ballots Cast", readonly=True)
    invalid_count = fields.Integer("Invalid", readonly=True)
    yes_count = fields.Integer("Yes", readonly=True)
    no_count = fields.Integer("No", readonly=True)
    base_count = fields.Integer(
        "Counted Against",
        readonly=True,
        help="The threshold's base: all members, those present, or those "
        "present plus written votes, as the rule says.",
    )
    yes_percent = fields.Float("Yes (%)", digits=(5, 2), readonly=True)
    outcome = fields.Selection(
        [
            ("elected", "Chosen"),
            ("tied", "Tied"),
            ("not_elected", "Not Chosen"),
        ],
        readonly=True,
    )
