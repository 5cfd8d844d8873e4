# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class EmulationPlan(models.Model):
    """Creates the members' submissions when a plan is issued (whichever
    way the state is set: button, import or demo data)."""

    _inherit = "emulation.plan"

    submission_ids = fields.One2many(
        comodel_name="emulation.submission",
        inverse_name="plan_id",
        string="Submissions",
    )
    submission_count = fields.Integer(compute="_compute_submission_count")

    def _compute_submission_count(self):
        counts = dict(
            self.env["emulation.submission"]._read_group(
                [("plan_id", "in", self.ids)],
                groupby=["plan_id"],
                aggregates=["__count"],
            )
        )
        for plan in self:
            plan.submission_count = counts.get(plan, 0)

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        issued = plans.filtered(lambda plan: plan.state == "issued")
        issued.obligation_ids._create_missing_submissions()
        return plans

    def write(self, vals):
        res = super().write(vals)
        if vals.get("state") == "issued":
            self.obligation_ids._create_missing_submissions()
        return res

    def action_view_submissions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emulation_cluster.emulation_submission_action_tracker"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {}
        return action

    def _get_submission_tracker(self):
        """Rows (units), columns (obligations) and cells {(unit id,
        obligation id): submission} of the plan's tracker, read in a few
        queries."""
        self.ensure_one()
        submissions = self.env["emulation.submission"].search(
            [("plan_id", "=", self.id)]
        )
        obligations = submissions.obligation_id.sorted(
            lambda ob: (ob.deadline or fields.Date.today(), ob.sequence, ob.id)
        )
        units = submissions.partner_id.sorted("name")
        cells = {(sub.partner_id.id, sub.obligation_id.id): sub for sub in submissions}
        return {"units": units, "obligations": obligations, "cells": cells}
