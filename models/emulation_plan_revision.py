# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class EmulationPlanRevision(models.Model):
    """An adjustment of an issued plan. It keeps the version the adjustment
    replaced, readable as it was printed, and the deputy's consent."""

    _name = "emulation.plan.revision"
    _description = "Plan Revision"
    _order = "plan_id, revision_number desc"
    _rec_name = "revision_number"

    plan_id = fields.Many2one(
        comodel_name="emulation.plan",
        required=True,
        ondelete="cascade",
        index=True,
        readonly=True,
    )
    cluster_id = fields.Many2one(related="plan_id.cluster_id", store=True, index=True)
    revision_number = fields.Integer(
        string="Revision", required=True, readonly=True, aggregator=False
    )
    description = fields.Text(string="What Changes", required=True, readonly=True)
    proposed_by_id = fields.Many2one(
        comodel_name="res.partner",
        string="Proposed By",
        readonly=True,
        help="Leader unit that proposed the adjustment.",
    )
    proposed_user_id = fields.Many2one(
        comodel_name="res.users", string="Recorded By", readonly=True
    )
    agreed_by_id = fields.Many2one(
        comodel_name="res.users",
        string="Agreed By",
        readonly=True,
        help="User of the deputy unit (or manager) who agreed.",
    )
    agreed_unit_id = fields.Many2one(
        comodel_name="res.partner", string="Agreeing Unit", readonly=True
    )
    agreed_date = fields.Date(string="Agreed On", readonly=True)
    agreement_document_id = fields.Many2one(
        comodel_name="emulation.document",
        string="Agreement Document",
        readonly=True,
    )
    previous_number = fields.Char(string="Previous Number-Symbol", readonly=True)
    previous_version_html = fields.Html(
        string="Previous Version",
        sanitize=False,
        readonly=True,
        help="The plan as it was printed before this adjustment.",
    )
    previous_values = fields.Json(
        readonly=True,
        help="Main fields of the plan before this adjustment.",
    )

    def _compute_display_name(self):
        for revision in self:
            revision.display_name = self.env._(
                "%(plan)s – revision %(number)s",
                plan=revision.plan_id.display_name,
                number=revision.revision_number,
            )
