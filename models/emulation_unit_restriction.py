# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class EmulationUnitRestriction(models.Model):
    """A unit under discipline, inspection or complaint, for a dated period,
    with the document that says so: while it runs, the unit cannot be a
    candidate for an award (Decree 152/2025 Art. 4)."""

    _name = "emulation.unit.restriction"
    _description = "Unit Under Discipline, Inspection or Complaint"
    _inherit = ["emulation.workflow.mixin", "mail.thread"]
    _order = "date_from desc, id desc"
    _rec_name = "partner_id"

    _edit_groups = {
        "config": {
            "fields": (
                "partner_id",
                "kind",
                "date_from",
                "date_to",
                "document_id",
                "note",
                "active",
            ),
            "roles": {"manager": None},
        }
    }
    _edit_create_roles = ("manager",)

    partner_id = fields.Many2one(
        "res.partner",
        "Unit",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_company", "=", True)],
    )
    kind = fields.Selection(
        [
            ("discipline", "Under Discipline"),
            ("inspection", "Under Inspection"),
            ("complaint", "Under Complaint"),
        ],
        "Situation",
        required=True,
        default="inspection",
        tracking=True,
    )
    date_from = fields.Date("From", required=True, tracking=True)
    date_to = fields.Date(
        "Until", tracking=True, help="Empty: until a document ends it."
    )
    document_id = fields.Many2one(
        "emulation.document",
        "Document",
        required=True,
        tracking=True,
        help="The decision or letter that opens (or records) the discipline, "
        "inspection or complaint.",
    )
    note = fields.Text()
    active = fields.Boolean(default=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for restriction in self:
            if restriction.date_to and restriction.date_to < restriction.date_from:
                raise ValidationError(
                    self.env._("A restriction cannot end before it starts.")
                )

    @api.model
    def _get_restricted_units(self, units, on_date):
        """The units of ``units`` under a restriction on ``on_date``."""
        return (
            self.sudo()
            .search(
                [
                    ("partner_id", "in", units.ids),
                    ("date_from", "<=", on_date),
                    "|",
                    ("date_to", "=", False),
                    ("date_to", ">=", on_date),
                ]
            )
            .partner_id
        )
