# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class EmulationPollUnitMixin(models.AbstractModel):
    """A poll's line about a member unit that takes part in it (a voter, a
    candidate): its unit is a member of the poll's cluster, checked before a
    line is created, before its unit changes, and by a constraint. The
    voters and the candidates declared their unit and held these checks
    with the same code."""

    _name = "emulation.poll.unit.mixin"
    _description = "Unit Line of a Poll"
    _inherit = ["emulation.workflow.mixin", "emulation.poll.line.mixin"]

    partner_id = fields.Many2one(
        "res.partner",
        "Unit",
        required=True,
        index=True,
        domain=[("is_company", "=", True)],
    )

    @api.constrains("partner_id", "poll_id")
    def _check_member(self):
        self._check_poll_members()

    @api.model
    def _check_can_create(self, vals_list, given=None):
        """Before anything is created: a member of the poll's cluster, then
        what :meth:`_check_new_unit` adds."""
        result = super()._check_can_create(vals_list, given)
        for vals in vals_list:
            poll = self.env["emulation.poll"].browse(vals.get("poll_id")).sudo()
            unit = self.env["res.partner"].browse(vals.get("partner_id"))
            if poll and unit:
                poll._check_members(unit)
                self._check_new_unit(poll, unit, vals)
        return result

    @api.model
    def _check_new_unit(self, poll, unit, vals):
        """Hook: what else a new line's unit must be (its poll in sudo)."""

    def _check_unit_written(self, vals):
        """Before anything is written (access first): the unit ``vals``
        gives the lines is a member of their polls' clusters, so that a
        refused unit changes nothing."""
        if isinstance(vals.get("partner_id"), int) and vals["partner_id"]:
            self.check_access("write")
            unit = self.env["res.partner"].browse(vals["partner_id"])
            for poll in self.sudo().poll_id:
                poll._check_members(unit)
