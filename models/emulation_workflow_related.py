# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class EmulationWorkflowRelated(models.AbstractModel):
    """A record's related records, as its smart buttons show them (the lists
    they open, the progress they count)."""

    _inherit = "emulation.workflow.mixin"

    def _open_children(self, xmlid, field, context=None):
        """The window action ``xmlid`` on the records whose ``field`` is this
        record, a new one made for it, with ``context`` besides: the
        buttons that open a record's own lines (a plan's obligations, a
        cluster's plans, a poll's proposals...) all wrote it."""
        self.ensure_one()
        return self._open(
            xmlid,
            [(field, "=", self.id)],
            {f"default_{field}": self.id, **(context or {})},
        )

    def _is_referenced_by(self, model_name, field):
        """Whether any record of ``model_name``, readable by the user or
        not, has one of these as its ``field``: what a record already in
        use refuses (a plan with a covenant deleted, criteria already
        scored against changed)."""
        return bool(
            self.env[model_name].sudo().search_count([(field, "in", self.ids)], limit=1)
        )

    def _count_by_state(self, model_name, field, states):
        """({record: number}, {record: number of those in ``states``}) of the
        records of ``model_name`` whose ``field`` is one of these, in one
        query: the progress of a covenant's signatures, of a plan's or an
        obligation's filings."""
        groups = self.env[model_name]._read_group(
            [(field, "in", self.ids)],
            groupby=[field, "state"],
            aggregates=["__count"],
        )
        totals, in_states = {}, {}
        for record, state, count in groups:
            totals[record] = totals.get(record, 0) + count
            if state in states:
                in_states[record] = in_states.get(record, 0) + count
        return totals, in_states
