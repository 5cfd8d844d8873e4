# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class EmulationAwardType(models.Model):
    """An emulation title (danh hiệu) or an award form (hình thức khen
    thưởng) a cluster nominates units for: the Government emulation flag,
    a ministry or provincial flag, certificates of merit..."""

    _name = "emulation.award.type"
    _description = "Award Type"
    _inherit = ["emulation.workflow.mixin", "mail.thread"]
    _order = "sequence, id"

    _edit_groups = {
        "config": {
            "fields": (
                "name",
                "sequence",
                "kind",
                "beneficiary",
                "conditions",
                "active",
            ),
            "roles": {"manager": None},
        }
    }
    _edit_create_roles = ("manager",)

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        selection=[("title", "Emulation Title"), ("form", "Award Form")],
        string="Category",
        required=True,
        default="form",
        tracking=True,
        help="An emulation title (danh hiệu thi đua) or a form of award "
        "(hình thức khen thưởng).",
    )
    beneficiary = fields.Selection(
        selection=[("collective", "Collective"), ("individual", "Individual")],
        string="For",
        required=True,
        default="collective",
        tracking=True,
    )
    conditions = fields.Text(help="The conditions of the award, in words.")
    is_config_editable = fields.Boolean(compute="_compute_edit_flags")
    active = fields.Boolean(default=True)
