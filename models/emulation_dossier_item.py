# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

# Where an item of a dossier comes from: a document the addon generates, the
# unit's filed achievement report, or a file attached by hand.
DOSSIER_SOURCES = [
    ("letter", "Submission Letter (generated)"),
    ("review_minutes", "Review Meeting Minutes (generated from the poll)"),
    ("vote_minutes", "Vote-Count Minutes (generated from the poll)"),
    ("achievement_report", "Unit's Achievement Report (its filing)"),
    ("file", "File Attached by Hand"),
]


class EmulationDossierItem(models.Model):
    """A paper an award dossier holds (Decree 152 Art. 37, 42): the
    submission letter, the achievement report, the minutes of the review
    and of the vote count, the opinions of other bodies..."""

    _name = "emulation.dossier.item"
    _description = "Dossier Item"
    _inherit = ["emulation.workflow.mixin"]
    _order = "sequence, id"

    _edit_groups = {
        "config": {
            "fields": ("name", "sequence", "source", "note", "active"),
            "roles": {"manager": None},
        }
    }
    _edit_create_roles = ("manager",)

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    source = fields.Selection(
        DOSSIER_SOURCES,
        required=True,
        default="file",
        help="Where the item comes from: a document the addon prints from "
        "its data, the unit's filing of its achievement report, or a file "
        "the secretariat attaches.",
    )
    note = fields.Text()
    active = fields.Boolean(default=True)
