# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

from ..tools.common import parent_field


class EmulationEventDuty(models.Model):
    """What one role does for an activity ("Đơn vị Cụm phó: triển khai giấy
    mời, chuẩn bị các điều kiện cho hội nghị")."""

    _name = "emulation.event.duty"
    _description = "Activity Duty"
    _inherit = ["emulation.workflow.mixin"]
    _order = "event_id, sequence, id"

    _edit_groups = {
        "line": {
            "fields": ("sequence", "role", "description"),
            "parent": ("event_id", "content"),
        }
    }
    _edit_create_fields = ("event_id",)

    event_id = parent_field("emulation.event")
    sequence = fields.Integer(default=10)
    role = fields.Selection(
        [
            ("leader", "Leader Unit"),
            ("deputy", "Deputy Unit"),
            ("members", "Member Units"),
            ("other", "Other"),
        ],
        required=True,
        default="leader",
    )
    description = fields.Text("Duty", required=True)

    def _get_role_words(self):
        """The role as the plan writes it (fixed administrative wording)."""
        self.ensure_one()
        word = (
            self.event_id.plan_id._get_kind_word() if self.event_id.plan_id else "Cụm"
        )
        return {
            "leader": f"Đơn vị {word} trưởng",
            "deputy": f"Đơn vị {word} phó",
            "members": f"Các đơn vị thành viên trong {word}",
            "other": "",
        }[self.role]
