# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models

from ..tools.common import ORGANISING_LEVELS


def award_type_field(**attrs):
    """The award type a proposal, an award rule or a quota line is of:
    required, and an award type in use cannot be deleted (``attrs``: the
    field's own, e.g. its index)."""
    return fields.Many2one(
        "emulation.award.type",
        "Award Type",
        required=True,
        ondelete="restrict",
        **attrs,
    )


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
                "proposer_level",
                "dossier_item_ids",
                "active",
            ),
            "roles": {"manager": None},
        }
    }
    _edit_create_roles = ("manager",)

    name = fields.Char(required=True, translate=True, tracking=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [("title", "Emulation Title"), ("form", "Award Form")],
        "Category",
        required=True,
        default="form",
        tracking=True,
        help="An emulation title (danh hiệu thi đua) or a form of award "
        "(hình thức khen thưởng).",
    )
    beneficiary = fields.Selection(
        [("collective", "Collective"), ("individual", "Individual")],
        "For",
        required=True,
        default="collective",
        tracking=True,
    )
    conditions = fields.Text(
        translate=True, help="The conditions of the award, in words."
    )
    proposer_level = fields.Selection(
        ORGANISING_LEVELS,
        "Proposed by Clusters of",
        help="The organising level whose clusters may propose this award; "
        "empty: clusters of any level.",
    )
    dossier_item_ids = fields.Many2many(
        "emulation.dossier.item",
        string="Dossier Items",
        help="The papers a proposal for this award must hold before it is "
        "submitted to the council.",
    )
    rule_line_ids = fields.One2many(
        "emulation.rule.award",
        "award_type_id",
        "Quotas and Deadlines",
        readonly=True,
        help="The rules that set this award's quota and dossier deadline, "
        "each with its legal basis and validity.",
    )
    active = fields.Boolean(default=True)

    # the dossier each award of the data requires (Decree 152/2025 Art.
    # 37(2), 42): the flags are voted by secret ballot, the certificates in
    # the review meeting
    DEFAULT_DOSSIERS = {
        "award_type_government_flag": ("letter", "achievement", "review", "vote"),
        "award_type_ministry_flag": ("letter", "achievement", "review", "vote"),
        "award_type_pm_merit": ("letter", "achievement", "review"),
        "award_type_ministry_merit": ("letter", "achievement", "review"),
        "award_type_excellent_labour_collective": ("letter", "achievement", "review"),
        "award_type_grassroots_fighter": ("letter", "achievement", "review"),
        "award_type_ministry_merit_individual": ("letter", "achievement", "review"),
    }

    @api.model
    def _set_default_dossier_items(self):
        """Give the award types of the data their dossier, where a manager
        has not set one: at install, and on the upgrade that brings
        dossiers to a database whose award types were created before."""
        items = {
            "letter": "dossier_item_letter",
            "achievement": "dossier_item_achievement_report",
            "review": "dossier_item_review_minutes",
            "vote": "dossier_item_vote_minutes",
        }
        for xmlid, keys in self.DEFAULT_DOSSIERS.items():
            award = self.env.ref(f"emulation_cluster.{xmlid}", raise_if_not_found=False)
            if award and not award.dossier_item_ids:
                award.dossier_item_ids = [
                    Command.set(
                        [
                            self.env.ref(f"emulation_cluster.{items[key]}").id
                            for key in keys
                        ]
                    )
                ]
