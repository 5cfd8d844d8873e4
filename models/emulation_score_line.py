# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_round

from ..tools.common import parent_field

# The values each step enters, kept in the score history when they change.
HISTORY_STEPS = {
    "target_value": "target",
    "is_applicable": "applicability",
    "self_value": "self",
    "appraised_value": "appraisal",
    "explanation": "explanation",
}


# The values points are computed from.
POINTS_INPUTS = {"self_value", "appraised_value", "target_value", "is_applicable"}


class EmulationScoreLine(models.Model):
    """A unit's score on one leaf criterion: the value it entered (a score,
    a number of items, or its achieved value against its target), the
    appraised value, the unit's explanation, and the points each gives.
    Points are written by the system from the criterion's arithmetic, never
    typed; every value ever entered stays in the score history."""

    _name = "emulation.score.line"
    _description = "Score Line"
    _inherit = ["emulation.workflow.mixin"]
    _order = "scorecard_id, sequence, id"

    _edit_groups = {
        "setup_line": {
            "fields": ("target_value", "is_applicable"),
            "parent": ("scorecard_id", "setup"),
        },
        "self_line": {
            "fields": ("self_value", "evidence", "attachment_ids"),
            "parent": ("scorecard_id", "self"),
        },
        "appraisal_line": {
            "fields": ("appraised_value", "appraiser_comment"),
            "parent": ("scorecard_id", "appraisal"),
        },
        "explanation_line": {
            "fields": ("explanation",),
            "parent": ("scorecard_id", "explanation"),
        },
    }
    _edit_create_fields = ("scorecard_id", "criterion_id")

    scorecard_id = parent_field("emulation.scorecard", "Scorecard")
    plan_id = fields.Many2one(
        related="scorecard_id.plan_id", store=True, index=True, string="Plan"
    )
    cluster_id = fields.Many2one(
        related="scorecard_id.cluster_id", store=True, string="Cluster"
    )
    year = fields.Integer(related="scorecard_id.year", store=True, index=True)
    partner_id = fields.Many2one(
        related="scorecard_id.partner_id", store=True, index=True, string="Member Unit"
    )
    criterion_id = fields.Many2one(
        "emulation.criterion",
        "Criterion",
        required=True,
        ondelete="restrict",
        index=True,
    )
    code = fields.Char(related="criterion_id.code")
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    kind = fields.Selection(related="criterion_id.kind", store=True)
    max_points = fields.Float("Maximum", related="criterion_id.max_points")
    top_group_id = fields.Many2one(
        related="criterion_id.top_group_id", store=True, index=True
    )
    is_applicable = fields.Boolean(
        "Applies",
        default=True,
        help="Unticked: the criterion does not apply to this unit and leaves "
        "its maximum.",
    )
    target_value = fields.Float("Target", digits=(12, 2))
    self_value = fields.Float(
        digits=(12, 2),
        help="The unit's score; for a counted criterion, the number of items; "
        "against a target, the value achieved.",
    )
    evidence = fields.Text()
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "emulation_score_line_attachment_rel",
        "line_id",
        "attachment_id",
        "Evidence Files",
    )
    self_points = fields.Float("Self Score", digits=(6, 2), readonly=True, default=0.0)
    appraised_value = fields.Float(digits=(12, 2))
    is_appraised = fields.Boolean("Appraised", readonly=True)
    appraised_points = fields.Float(
        "Appraised Score", digits=(6, 2), readonly=True, default=0.0
    )
    appraiser_comment = fields.Text("Appraiser's Comment")
    explanation = fields.Text("Unit's Explanation")
    is_waiting_target = fields.Boolean(
        "Waiting for Target",
        compute="_compute_is_waiting_target",
        store=True,
        help="Scored against a target the secretariat has not entered yet: "
        "its points stay at zero and the self scores cannot be sent.",
    )
    final_points = fields.Float(
        "Final Score",
        digits=(6, 2),
        readonly=True,
        default=0.0,
        help="The appraised score where there is one, else the self score.",
    )

    _sql_constraints = [
        (
            "scorecard_criterion_uniq",
            "unique(scorecard_id, criterion_id)",
            "The scorecard already has a line for this criterion.",
        ),
    ]

    @api.constrains("criterion_id", "scorecard_id")
    def _check_leaf_of_the_year(self):
        for line in self:
            if line.criterion_id.kind == "group":
                raise ValidationError(
                    self.env._(
                        "%(code)s is a group: score its criteria, its total follows.",
                        code=line.criterion_id.code,
                    )
                )
            if line.criterion_id.template_id != line.scorecard_id.template_id:
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s is not one of this year's criteria.",
                        code=line.criterion_id.code,
                    )
                )

    @api.depends("kind", "is_applicable", "target_value")
    def _compute_is_waiting_target(self):
        for line in self:
            line.is_waiting_target = line._is_waiting_for_target()

    def _is_waiting_for_target(self):
        self.ensure_one()
        return self.kind == "target" and self.is_applicable and self.target_value <= 0

    # ------------------------------------------------------------------
    # writes: values checked, points recomputed, history kept
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._update_points()
        return lines

    def write(self, vals):
        if not self.env.su:
            # who may not change the line is told so before what he typed;
            # then what he typed is a number before any arithmetic
            self._check_edit_policy(vals)
            self._check_values(vals)
        self._check_entered_values(vals)
        changes = self._get_history_changes(vals)
        result = super().write(vals)
        if set(vals) & POINTS_INPUTS:
            if "appraised_value" in vals:
                self.sudo().write({"is_appraised": True})
            self._update_points()
        if changes:
            self.env["emulation.score.history"].sudo().create(changes)
        if {"target_value", "is_applicable"} & set(vals):
            cards = self.scorecard_id
            # the card's count, computed before this write, stayed cached
            # (seen in the tests): read it afresh before closing the activity
            cards.invalidate_recordset(["waiting_target_count"])
            cards._close_targets_activities()
        return result

    def _check_entered_values(self, vals):
        """Refuse a value outside its criterion's bounds before it is
        written, with the criterion's own message."""
        for name in ("self_value", "appraised_value"):
            if name not in vals:
                continue
            value = vals[name] or 0.0
            for line in self:
                criterion = line.criterion_id.sudo()
                if criterion.kind == "target":
                    if value < 0:
                        criterion._refuse_value(value, value)
                elif criterion.kind == "counted":
                    criterion._get_points(count=value)
                else:
                    criterion._get_points(value=value)
        if (vals.get("target_value") or 0.0) < 0:
            raise ValidationError(self.env._("A target cannot be negative."))

    def _get_history_changes(self, vals):
        steps = {name: HISTORY_STEPS[name] for name in vals if name in HISTORY_STEPS}
        if not steps:
            return []
        now = fields.Datetime.now()
        changes = []
        for line in self:
            for name, step in steps.items():
                new = vals[name]
                if line[name] == new:
                    continue
                change = {
                    "line_id": line.id,
                    "step": step,
                    "user_id": self.env.user.id,
                    "date": now,
                }
                if name == "explanation":
                    change["text"] = new or ""
                elif name == "is_applicable":
                    change["value"] = 1.0 if new else 0.0
                else:
                    change["value"] = new or 0.0
                changes.append(change)
        return changes

    def _update_points(self):
        """Write the points of these lines, and of every line the targets
        tie them to: a target's points depend on the best unit of the
        plan, so all the plan's lines of that criterion are recomputed
        (until agreed). One search, then one write per distinct result,
        and none for the lines whose points did not change."""
        lines = self.sudo()
        targets = lines.filtered(lambda line: line.kind == "target")
        if targets:
            lines |= self.sudo().search(
                [
                    ("plan_id", "in", targets.plan_id.ids),
                    ("criterion_id", "in", targets.criterion_id.ids),
                ]
            )
        rules = {}
        points = {}
        by_criterion = defaultdict(lambda: self.browse().sudo())
        for line in lines:
            if line.kind == "target":
                by_criterion[(line.plan_id, line.criterion_id)] |= line
            else:
                points[line] = (line._get_leaf_points("self"), line._get_leaf_points())
        for (plan, criterion), group in by_criterion.items():
            if plan not in rules:
                rule = self.env["emulation.rule"]._get_applicable(
                    "scoring", plan.cluster_id, fields.Date.context_today(self)
                )
                rules[plan] = rule.target_share if rule else 50.0
            points.update(group._get_target_points(criterion, rules[plan]))
        self._write_points(points)

    def _get_leaf_points(self, step="appraisal"):
        self.ensure_one()
        if not self.is_applicable:
            return 0.0
        value = self.self_value
        if step == "appraisal" and self.is_appraised:
            value = self.appraised_value
        if self.kind == "counted":
            return self.criterion_id._get_points(count=value)
        return self.criterion_id._get_points(value=value)

    def _get_target_points(self, criterion, share):
        """{line: (self points, final points)} of these lines of one
        target criterion, computed together."""
        measured = self.filtered(
            lambda line: line.is_applicable and line.target_value > 0
        )
        self_points = criterion._get_target_points(
            {line.id: (line.target_value, line.self_value) for line in measured},
            share,
        )
        final_points = criterion._get_target_points(
            {
                line.id: (
                    line.target_value,
                    line.appraised_value if line.is_appraised else line.self_value,
                )
                for line in measured
            },
            share,
        )
        return {
            line: (self_points.get(line.id, 0.0), final_points.get(line.id, 0.0))
            for line in self
        }

    def _write_points(self, points):
        """Write ``{line: (self points, final points)}``: points stay as
        agreed once the scorecard is; lines whose points are unchanged are
        not written, the others in one write per distinct result."""
        by_values = defaultdict(list)
        for line, (self_points, final_points) in points.items():
            if line.scorecard_id.state == "agreed":
                continue
            # rounded as the fields store them, so that equal is equal
            values = tuple(
                float_round(value, precision_digits=2)
                for value in (
                    self_points,
                    final_points if line.is_appraised else 0.0,
                    final_points,
                )
            )
            if values != (line.self_points, line.appraised_points, line.final_points):
                by_values[values].append(line.id)
        for (self_points, appraised_points, final_points), ids in by_values.items():
            self.browse(ids).sudo().write(
                {
                    "self_points": self_points,
                    "appraised_points": appraised_points,
                    "final_points": final_points,
                }
            )
