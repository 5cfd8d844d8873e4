# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError


class EmulationPlanNavigation(models.Model):
    """The plan's smart buttons: what each counts and the list it opens, and
    the links to the previous and next year's plans."""

    _inherit = "emulation.plan"

    submission_count = fields.Integer(compute="_compute_submission_count")
    submission_progress = fields.Char("Filed", compute="_compute_submission_count")
    covenant_id = fields.Many2one("emulation.covenant", compute="_compute_covenant_id")
    covenant_progress = fields.Char(
        "Covenant Signatures", compute="_compute_covenant_id"
    )
    registration_count = fields.Integer(compute="_compute_registration_count")
    event_count = fields.Integer("Activity Count", compute="_compute_counts")
    obligation_count = fields.Integer(compute="_compute_counts")
    criterion_template_id = fields.Many2one(
        "emulation.criterion.template",
        "Criteria of the Year",
        compute="_compute_criterion_template_id",
    )
    is_criteria_validated = fields.Boolean(
        "Criteria Validated", compute="_compute_criterion_template_id"
    )
    next_plan_id = fields.Many2one(
        "emulation.plan",
        "Next Year's Plan",
        compute="_compute_year_links",
        help="The plan the year rollover made from this one.",
    )
    has_previous_plan = fields.Boolean(compute="_compute_year_links")

    @api.depends("event_ids", "obligation_ids")
    def _compute_counts(self):
        for plan in self:
            plan.event_count = len(plan.event_ids)
            plan.obligation_count = len(plan.obligation_ids)

    def _compute_submission_count(self):
        total, filed = self._count_by_state(
            "emulation.submission", "plan_id", ("filed", "under_review", "accepted")
        )
        for plan in self:
            plan.submission_count = total.get(plan, 0)
            plan.submission_progress = self.env._(
                "%(filed)s/%(total)s filed",
                filed=filed.get(plan, 0),
                total=total.get(plan, 0),
            )

    def _compute_covenant_id(self):
        covenants = {
            covenant.plan_id: covenant
            for covenant in self.env["emulation.covenant"].search(
                [("plan_id", "in", self.ids)]
            )
        }
        for plan in self:
            covenant = covenants.get(plan, self.env["emulation.covenant"])
            plan.covenant_id = covenant
            plan.covenant_progress = covenant.signature_progress or False

    def _compute_registration_count(self):
        self._count_per_plan("emulation.registration", "registration_count")

    def _count_per_plan(self, model_name, field_name):
        """Set ``field_name`` of these plans to the number of the records of
        ``model_name`` that belong to each, those the user may read, in one
        query: the counters of the smart buttons, that differ by these two
        names only."""
        counts = dict(
            self.env[model_name]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan[field_name] = counts.get(plan, 0)

    @api.depends("previous_plan_id")
    @api.depends_context("uid")
    def _compute_year_links(self):
        # only the plans this user may read: the links open them
        Plan = self.env["emulation.plan"].with_context(active_test=False)
        ids = [plan_id for plan_id in self.ids if plan_id]
        nexts = {
            plan.previous_plan_id.id: plan
            for plan in Plan.search([("previous_plan_id", "in", ids)])
        }
        readable = set(Plan.search([("id", "in", self.previous_plan_id.ids)]).ids)
        for plan in self:
            plan.next_plan_id = nexts.get(plan.id, Plan)
            plan.has_previous_plan = plan.previous_plan_id.id in readable

    def action_view_previous_plan(self):
        self.ensure_one()
        if not self.previous_plan_id:
            raise UserError(
                self.env._("This plan was not made from an earlier year's plan.")
            )
        return self.previous_plan_id._get_form_action()

    def action_view_next_plan(self):
        self.ensure_one()
        if not self.next_plan_id:
            raise UserError(self.env._("No plan was made from this one yet."))
        return self.next_plan_id._get_form_action()

    def _get_form_action(self):
        self.ensure_one()
        # refused here, not in the form that would open
        self.check_access("read")
        return self._get_form_view_action(target="current")

    def action_view_events(self):
        """The plan's activities, its calendar opening on the plan's year."""
        self.ensure_one()
        first = min(
            self.event_ids.filtered("date_start").mapped("date_start") or [False]
        )
        return self._open_children(
            "emulation_cluster.emulation_event_action",
            "plan_id",
            {
                "initial_date": fields.Datetime.to_string(
                    first or datetime.datetime(self.year, 1, 1)
                ),
            },
        )

    def action_view_obligations(self):
        return self._open_children(
            "emulation_cluster.emulation_obligation_action", "plan_id"
        )

    @api.depends("criterion_template_ids.state")
    def _compute_criterion_template_id(self):
        for plan in self:
            plan.criterion_template_id = plan.criterion_template_ids[:1]
            plan.is_criteria_validated = plan.criterion_template_id.state == "validated"

    def action_view_criteria(self):
        """The year's criteria, or the choice of the template to copy."""
        self.ensure_one()
        if self.criterion_template_id:
            return self.criterion_template_id._get_form_view_action()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "emulation_cluster.emulation_criterion_template_copy_wizard_action"
        )
        action["context"] = {"default_plan_id": self.id}
        return action

    def action_view_registrations(self):
        return self._open_children(
            "emulation_cluster.emulation_registration_action", "plan_id"
        )

    def action_view_covenant(self):
        self.ensure_one()
        covenant = self.covenant_id
        if covenant.signature_ids:
            return covenant.action_view_signatures()
        if covenant:
            # not sent for signature yet: its clauses are what to work on
            return covenant._get_records_action(name=covenant.display_name)
        return {
            "type": "ir.actions.act_window",
            "res_model": "emulation.covenant",
            "view_mode": "form",
            "target": "current",
            "context": {"default_plan_id": self.id},
        }

    def action_view_submissions(self):
        self.ensure_one()
        # one plan: who filed what, unit by unit and obligation by obligation
        return self._open(
            "emulation_cluster.emulation_submission_action_tracker",
            [("plan_id", "=", self.id)],
            {
                "pivot_row_groupby": ["partner_id"],
                "pivot_column_groupby": ["obligation_id", "state"],
            },
        )
