# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

OFFSETS_PATTERN = re.compile(r"^\s*\d{1,3}\s*(,\s*\d{1,3}\s*)*$")


class EmulationObligation(models.Model):
    """Submissions and reminders of a reporting obligation."""

    _inherit = "emulation.obligation"

    reminder_offsets = fields.Char(
        string="Reminders (Days Before)",
        default="7,1",
        help="Days before the deadline on which the units that have not filed "
        'are reminded, separated by commas, e.g. "7,1". Leave empty for no '
        "reminder.",
    )
    submission_ids = fields.One2many(
        comodel_name="emulation.submission",
        inverse_name="obligation_id",
        string="Submissions",
    )
    submission_count = fields.Integer(compute="_compute_submission_stats")
    submission_missing_count = fields.Integer(
        string="Not Filed", compute="_compute_submission_stats"
    )

    @api.constrains("reminder_offsets")
    def _check_reminder_offsets(self):
        for obligation in self:
            offsets = obligation.reminder_offsets
            if offsets and not OFFSETS_PATTERN.match(offsets):
                raise ValidationError(
                    self.env._(
                        "Reminders must be numbers of days separated by commas, "
                        'e.g. "7,1" (got "%(value)s").',
                        value=offsets,
                    )
                )

    def _compute_submission_stats(self):
        groups = self.env["emulation.submission"]._read_group(
            [("obligation_id", "in", self.ids)],
            groupby=["obligation_id", "state"],
            aggregates=["__count"],
        )
        total, missing = {}, {}
        for obligation, state, count in groups:
            total[obligation] = total.get(obligation, 0) + count
            if state in ("to_file", "returned"):
                missing[obligation] = missing.get(obligation, 0) + count
        for obligation in self:
            obligation.submission_count = total.get(obligation, 0)
            obligation.submission_missing_count = missing.get(obligation, 0)

    @api.model_create_multi
    def create(self, vals_list):
        obligations = super().create(vals_list)
        obligations._create_missing_submissions()
        return obligations

    def write(self, vals):
        res = super().write(vals)
        if {"deadline", "state", "active", "plan_id", "unit_ids"} & set(vals):
            self._create_missing_submissions()
        return res

    def _get_submission_due_date(self):
        """Date at which the units expected to file are the cluster's
        members: the deadline (a unit that left before it owes nothing),
        else the plan's date."""
        self.ensure_one()
        return self.deadline or self.plan_id._get_reference_date()

    def _create_missing_submissions(self):
        """Create the submission of every member unit expected to file for
        the open obligations of issued plans that lack one (batched: one
        membership query per distinct deadline, one create)."""
        obligations = self.filtered(
            lambda ob: ob.active and ob.state == "open" and ob.plan_id.state == "issued"
        )
        Submission = (
            self.env["emulation.submission"].sudo().with_context(active_test=False)
        )
        if not obligations:
            return Submission
        existing = {
            (sub.obligation_id.id, sub.partner_id.id)
            for sub in Submission.search_fetch(
                [("obligation_id", "in", obligations.ids)],
                ["obligation_id", "partner_id"],
            )
        }
        vals_list = []
        for due_date, group in obligations.grouped(
            lambda ob: ob._get_submission_due_date()
        ).items():
            members = group.cluster_id._get_members_by_cluster(due_date)
            for obligation in group:
                # the units named on the obligation, else every member but
                # the unit that receives the reports
                units = obligation.unit_ids or (
                    members.get(obligation.cluster_id.id, self.env["res.partner"])
                    - obligation.recipient_id
                )
                for unit in units:
                    if (obligation.id, unit.id) not in existing:
                        vals_list.append(
                            {"obligation_id": obligation.id, "partner_id": unit.id}
                        )
        return Submission.create(vals_list)
