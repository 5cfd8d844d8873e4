# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, models
from odoo.exceptions import ValidationError


class EmulationPeriodMixin(models.AbstractModel):
    """A record that runs from one date to another (a membership, a rule, a
    template of criteria, an activity, a consultation): it cannot end
    before it starts. The models wrote this check again each with its own
    names; each now says which two fields (``_period_fields``) and how the
    refusal is worded (:meth:`_period_error`)."""

    _name = "emulation.period.mixin"
    _description = "Record with a Period"

    # (start, stop): while one of them is empty there is nothing to compare
    _period_fields = ()

    @api.constrains(lambda self: self._period_fields)
    def _check_dates(self):
        start, stop = self._period_fields
        for record in self:
            if record[start] and record[stop] and record[stop] < record[start]:
                raise ValidationError(record._period_error())

    def _period_error(self):
        """The refusal of a record that ends before it starts."""
        raise NotImplementedError()
