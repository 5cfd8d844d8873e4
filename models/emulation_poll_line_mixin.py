# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models

from ..tools.common import parent_field


class EmulationPollLineMixin(models.AbstractModel):
    """A line of a poll about one unit (a voter, a candidate, a candidate's
    count): removed with its poll; a voter or a candidate is a member of
    the poll's cluster (:meth:`_check_poll_members`)."""

    _name = "emulation.poll.line.mixin"
    _description = "Line of a Poll"

    poll_id = parent_field("emulation.poll", "Poll")

    def _check_poll_members(self):
        """Refuse a unit that is not a member of its poll's cluster."""
        for poll in self.poll_id:
            poll._check_members(
                self.filtered(lambda line, p=poll: line.poll_id == p).partner_id
            )
