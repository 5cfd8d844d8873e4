# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo import models
from odoo.exceptions import AccessError

_logger = logging.getLogger(__name__)


class IrModelAccess(models.Model):
    _inherit = "ir.model.access"

    def _make_access_error(self, model, mode):
        """The addon's documents are refused in the user's words (see
        :meth:`_make_emulation_access_error`)."""
        if not self._is_emulation_model(model):
            return super()._make_access_error(model, mode)
        return self._make_emulation_access_error(model, mode)

    def _is_emulation_model(self, model):
        return self.env[model]._original_module == "emulation_cluster"

    def _make_emulation_access_error(self, model, mode, reachable=False):
        """An AccessError naming the kind of document as users call it, in
        the user's language: no model name, id, group or rule name, nor the
        title of a record the user may not read. ``reachable``: the user's
        role reaches such documents, not these (a record rule refused)."""
        _logger.info(
            "Access denied: operation %s on %s, uid %s", mode, model, self.env.uid
        )
        env = self.with_context(**self.env.user.context_get()).env
        document = env["ir.model"]._get(model).name
        if reachable and mode == "read":
            message = env._(
                "You cannot open this %(document)s: it is another unit's or "
                "another cluster's.",
                document=document,
            )
        elif reachable and mode == "create":
            message = env._(
                "You cannot create this %(document)s: it would be another "
                "unit's or another cluster's.",
                document=document,
            )
        elif reachable:
            message = env._(
                "You cannot change or delete this %(document)s: it is another "
                "unit's or another cluster's, or no longer yours to change.",
                document=document,
            )
        elif mode == "read":
            message = env._(
                "Your role does not let you open %(document)s records.",
                document=document,
            )
        else:
            message = env._(
                "Your role does not let you create, change or delete "
                "%(document)s records.",
                document=document,
            )
        return AccessError(message)
