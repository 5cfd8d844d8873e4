# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models
from odoo.exceptions import UserError


class EmulationWorkflowMixin(models.AbstractModel):
    """What the addon's workflows (plan, activity, covenant, registration)
    share: a transition refused, before anything is written, when a record
    is not in a state it starts from."""

    _name = "emulation.workflow.mixin"
    _description = "Emulation Workflow"

    def _check_state(self, allowed, action):
        """Refuse ``action``, a translated past participle ("issued"), on
        the records whose state is not in ``allowed``."""
        wrong = self.filtered(lambda record: record.state not in allowed)
        if wrong:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(document)s %(name)s cannot be %(action)s while it is "
                    "%(state)s.",
                    document=self.env["ir.model"]._get(self._name).name,
                    name=wrong[0].display_name,
                    action=action,
                    state=states[wrong[0].state],
                )
            )
