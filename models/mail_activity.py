# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _check_access(self, operation):
        """On the addon's records, an activity assigned to someone else is
        edited, marked done or cancelled only by its assignee or by the
        cluster's secretariat (Odoo lets anyone who may write the document
        do it: a unit would cancel the secretariat's review of its own
        filing). The activity's ``can_write`` follows, so the buttons do not
        show for others."""
        result = super()._check_access(operation)
        if operation not in ("write", "unlink") or self.env.su or not self:
            return result
        allowed = self - result[0] if result else self
        forbidden = self.browse()
        for activity in allowed.sudo():
            if (
                not (activity.res_model or "").startswith("emulation.")
                or activity.user_id == self.env.user
            ):
                continue
            record = self.env[activity.res_model].browse(activity.res_id).exists()
            if not record or not hasattr(record, "_has_role"):
                continue
            if not record._has_role("secretariat"):
                forbidden |= activity
        if not forbidden:
            return result
        forbidden = self.browse(forbidden.ids)
        if result:
            return (result[0] | forbidden, result[1])
        return (forbidden, lambda: forbidden._make_access_error(operation))
