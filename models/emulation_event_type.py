# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class EmulationEventType(models.Model):
    """Kind of cluster activity: covenant signing, reviews, festivals..."""

    _name = "emulation.event.type"
    _description = "Cluster Activity Type"
    _inherit = ["emulation.workflow.mixin"]
    _order = "sequence, id"

    _edit_groups = {
        "config": {
            "fields": ("name", "code", "sequence", "description", "active"),
            "roles": {"manager": None},
        }
    }
    _edit_create_roles = ("manager",)

    name = fields.Char(required=True, translate=True)
    code = fields.Char(
        help="Technical code other features use to find the type, e.g. mid_year_review."
    )
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another activity type has this code."),
    ]
