# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.float_utils import float_compare, float_round

from ..tools.common import parent_field

# Kinds whose maximum adds up to their group's (bonus and penalty sit outside).
IN_MAXIMUM_KINDS = ("scored", "pass_fail", "counted", "target")


class EmulationCriterion(models.Model):
    """A criterion of a scoring template (tiêu chí, thang điểm): a group, a
    criterion or a sub-criterion, in a tree of any depth. Its score
    arithmetic lives here, so that a scorecard line only stores values."""

    _name = "emulation.criterion"
    _description = "Emulation Criterion"
    _inherit = ["emulation.workflow.mixin"]
    _order = "template_id, sequence, id"
    _parent_store = True
    _rec_names_search = ["code", "name"]

    _edit_groups = {
        "line": {
            "fields": (
                "parent_id",
                "sequence",
                "code",
                "name",
                "kind",
                "max_points",
                "points_per_item",
                "target_formula",
                "evidence",
                "note",
                "active",
            ),
            "parent": ("template_id", "content"),
        }
    }
    _edit_create_fields = ("template_id",)

    template_id = parent_field("emulation.criterion.template", "Template")
    parent_id = fields.Many2one(
        "emulation.criterion",
        "Group",
        ondelete="restrict",
        index=True,
        domain="[('template_id', '=', template_id), ('kind', '=', 'group')]",
    )
    # the group by its code: typed in the list, it may name a group typed in
    # the same edit (a many2one offers saved records only); imported, the
    # spreadsheet's column of the group's code
    parent_code = fields.Char(
        "Group Code",
        compute="_compute_parent_code",
        inverse="_inverse_parent_code",
        help="The code of the group this criterion belongs to, in the same "
        "template; empty at the top level.",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("emulation.criterion", "parent_id", "Sub-criteria")
    sequence = fields.Integer(default=10)
    code = fields.Char(
        required=True,
        help='Unique within the template, e.g. "I", "I.2", "I.2.a".',
    )
    name = fields.Text("Criterion", required=True)
    kind = fields.Selection(
        [
            ("group", "Group"),
            ("scored", "Scored"),
            ("pass_fail", "Pass/Fail"),
            ("counted", "Counted"),
            ("target", "Against a Target"),
            ("bonus", "Bonus"),
            ("penalty", "Penalty"),
        ],
        required=True,
        default="scored",
        help="Group: the sum of its criteria. Scored: 0 to the maximum. "
        "Pass/Fail: the maximum or 0. Counted: points per item times the "
        "number of items, capped at the maximum. Against a target: from the "
        "unit's target and achieved value, with the formula chosen. Bonus "
        "and Penalty: added or subtracted up to the maximum, outside it.",
    )
    # a group's maximum adds up its criteria's as they are typed
    max_points = fields.Float(
        "Maximum",
        digits=(6, 2),
        compute="_compute_max_points",
        store=True,
        readonly=False,
        recursive=True,
        help="The most the criterion gives (its cap, for a bonus or a "
        "penalty). A group's maximum is the sum of its criteria's, bonus "
        "and penalty left out.",
    )
    points_per_item = fields.Float(digits=(6, 2))
    target_formula = fields.Selection(
        [
            (
                "proportional_to_best",
                "Share at target, the maximum for the best above it",
            ),
        ],
        "Formula",
        default="proportional_to_best",
        help="How units' values against their targets become points: the "
        "share at target is set by the scoring rule that applies.",
    )
    evidence = fields.Text(
        "Evidence Expected", help="What the unit attaches to support its score."
    )
    note = fields.Text()
    top_group_id = fields.Many2one(
        "emulation.criterion",
        "Top-level Group",
        compute="_compute_top_group_id",
        store=True,
        index="btree_not_null",
        help="The top-level criterion this one belongs to (itself at the top): "
        "the columns of the results table.",
    )
    in_maximum = fields.Boolean(
        "Counts in the Maximum",
        compute="_compute_in_maximum",
        store=True,
        recursive=True,
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_uniq",
            "unique(template_id, code)",
            "Another criterion of this template has this code.",
        ),
    ]

    @api.depends("parent_path")
    def _compute_top_group_id(self):
        for criterion in self:
            top = (criterion.parent_path or "").split("/")[0]
            criterion.top_group_id = int(top) if top.isdigit() else criterion.id

    def _add_up(self):
        """{criterion: (maximum, counts in the maximum)} of these criteria
        (a template's), in memory: a group adds up its criteria given by
        ``parent_id`` or by ``parent_code`` (typed, not saved yet)."""
        groups = {line.code: line for line in self if line.kind == "group"}
        children = {line: [] for line in self}
        for line in self:
            code = (line.parent_code or line.parent_id.code or "").strip()
            group = groups.get(code)
            if group is not None and group != line:
                children[group].append(line)
        result = {}

        def add_up(line, seen):
            if line in result:
                return result[line]
            typed = any(child.parent_id != line for child in children[line])
            if line.kind != "group" or not typed:
                # a leaf, or a group as saved (its stored maximum)
                result[line] = (
                    line.max_points,
                    line.kind in IN_MAXIMUM_KINDS
                    or (line.kind == "group" and line.in_maximum),
                )
                return result[line]
            total, counts = 0.0, False
            for child in children[line]:
                if child in seen:
                    continue
                child_total, child_counts = add_up(child, seen | {child})
                if child_counts:
                    total += child_total
                    counts = True
            result[line] = (total, counts)
            return result[line]

        for line in self:
            add_up(line, {line})
        return result

    @api.depends("parent_id.code")
    def _compute_parent_code(self):
        for criterion in self:
            criterion.parent_code = criterion.parent_id.code

    def _inverse_parent_code(self):
        """The group of that code in the criterion's template (created in
        the same save too), or a message naming the code."""
        codes = {
            (criterion.template_id.id, (criterion.parent_code or "").strip())
            for criterion in self
        }
        groups = {
            (group.template_id.id, group.code): group
            for group in self.with_context(active_test=False).search(
                [
                    ("template_id", "in", [template for template, _code in codes]),
                    ("code", "in", [code for _template, code in codes if code]),
                    ("kind", "=", "group"),
                ]
            )
        }
        for criterion in self:
            code = (criterion.parent_code or "").strip()
            group = groups.get((criterion.template_id.id, code))
            if code and not group:
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s: no group has the code %(group)s in "
                        "its template.",
                        code=criterion.code,
                        group=code,
                    )
                )
            if criterion.parent_id != group:
                criterion.parent_id = group

    @api.depends(
        "kind", "child_ids.max_points", "child_ids.in_maximum", "child_ids.active"
    )
    def _compute_max_points(self):
        for criterion in self:
            if criterion.kind == "group" and criterion.child_ids:
                criterion.max_points = sum(
                    child.max_points
                    for child in criterion.child_ids
                    if child.active and child.in_maximum
                )
            else:
                criterion.max_points = criterion.max_points

    @api.depends("kind", "child_ids.in_maximum", "child_ids.active")
    def _compute_in_maximum(self):
        for criterion in self:
            if criterion.kind == "group":
                criterion.in_maximum = any(
                    child.in_maximum for child in criterion.child_ids if child.active
                )
            else:
                criterion.in_maximum = criterion.kind in IN_MAXIMUM_KINDS

    @api.model
    def _edit_ignored_fields(self):
        """The group's code is not stored: its inverse writes ``parent_id``,
        which the policy checks."""
        return super()._edit_ignored_fields() | {"parent_code"}

    @api.model
    def get_import_templates(self):
        """The sample spreadsheet of the import dialog, with the column names
        in the user's language (the dialog matches them to the fields'
        labels in that language)."""
        lang = "vi" if (self.env.lang or "").startswith("vi") else "en"
        path = f"/emulation_cluster/static/xls/emulation_criteria_{lang}.xlsx"
        return [{"label": self.env._("Sample Criteria Spreadsheet"), "template": path}]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for criterion in self:
            criterion.display_name = f"{criterion.code} {criterion.name or ''}".strip()

    @api.model
    def _search_display_name(self, operator, value):
        """Imported into a chosen template (the criteria list of that
        template), a parent is found by its code in that template only."""
        domain = super()._search_display_name(operator, value)
        template_id = self.env.context.get("default_template_id")
        if isinstance(template_id, int):
            domain = [("template_id", "=", template_id), *domain]
        return domain

    # ------------------------------------------------------------------
    # checks
    # ------------------------------------------------------------------
    @api.constrains("parent_id", "template_id")
    def _check_parent(self):
        if self._has_cycle():
            raise ValidationError(
                self.env._("A criterion cannot be its own group or sub-criterion.")
            )
        for criterion in self.filtered("parent_id"):
            parent = criterion.parent_id
            if parent.template_id != criterion.template_id:
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s and its group %(group)s belong to "
                        "different templates.",
                        code=criterion.code,
                        group=parent.code,
                    )
                )
            if parent.kind != "group":
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s is placed under %(group)s, which "
                        "is not a group.",
                        code=criterion.code,
                        group=parent.code,
                    )
                )

    @api.constrains("max_points", "points_per_item")
    def _check_points(self):
        for criterion in self:
            if criterion.max_points < 0 or criterion.points_per_item < 0:
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s: points cannot be negative (a "
                        "penalty's cap is written as a positive number).",
                        code=criterion.code,
                    )
                )

    def _get_structure_errors(self):
        """What keeps these criteria (a whole template's) from being scored,
        as translated sentences: groups whose maximum is not the sum of
        their criteria's, empty groups, leaves without what their kind
        needs. Computed in memory from the records given."""
        errors = []
        active = self.filtered("active")
        children = {criterion: active.browse() for criterion in active}
        for criterion in active.filtered("parent_id"):
            if criterion.parent_id in children:
                children[criterion.parent_id] |= criterion
        for criterion in active:
            kids = children[criterion]
            if criterion.kind == "group":
                if not kids:
                    errors.append(
                        self.env._(
                            "Group %(code)s has no criterion.", code=criterion.code
                        )
                    )
                    continue
                total = sum(kid.max_points for kid in kids if kid.in_maximum)
                if float_compare(total, criterion.max_points, precision_digits=2):
                    errors.append(
                        self.env._(
                            "Group %(code)s has a maximum of %(max)s points but "
                            "its criteria add up to %(total)s.",
                            code=criterion.code,
                            max=float_round(criterion.max_points, 2),
                            total=float_round(total, 2),
                        )
                    )
                continue
            if kids:
                errors.append(
                    self.env._(
                        "Criterion %(code)s has sub-criteria: make it a group.",
                        code=criterion.code,
                    )
                )
            if criterion.max_points <= 0:
                errors.append(
                    self.env._(
                        "Criterion %(code)s needs its maximum.", code=criterion.code
                    )
                )
            if criterion.kind == "counted" and criterion.points_per_item <= 0:
                errors.append(
                    self.env._(
                        "Criterion %(code)s is counted: it needs its points per item.",
                        code=criterion.code,
                    )
                )
            if criterion.kind == "target" and not criterion.target_formula:
                errors.append(
                    self.env._(
                        "Criterion %(code)s is against a target: choose its formula.",
                        code=criterion.code,
                    )
                )
        return errors

    @api.ondelete(at_uninstall=False)
    def _unlink_only_in_draft(self):
        """A criterion leaves a template only while the template is a draft;
        afterwards it is archived, so that nothing scored against it is lost."""
        if any(criterion.template_id.state != "draft" for criterion in self):
            raise UserError(
                self.env._(
                    "This criterion belongs to a validated template: archive "
                    "it instead of deleting it."
                )
            )

    # ------------------------------------------------------------------
    # arithmetic
    # ------------------------------------------------------------------
    def _refuse_value(self, value, limit):
        raise ValidationError(
            self.env._(
                "Criterion %(code)s: %(value)s is outside 0 to %(limit)s.",
                code=self.code,
                value=float_round(value, 2),
                limit=float_round(limit, 2),
            )
        )

    def _get_points(self, value=0.0, count=0):
        """Points of a leaf criterion for an entered ``value`` (scored,
        pass/fail, bonus, penalty) or a ``count`` of items (counted). A
        value outside the criterion's bounds is refused, never capped
        silently; a counted total is capped at the maximum, as the rule
        says. Penalties come out negative. Targets are computed for the
        whole cluster at once (:meth:`_get_target_points`)."""
        self.ensure_one()
        if self.kind == "group":
            raise ValidationError(
                self.env._(
                    "%(code)s is a group: score its criteria, its total follows.",
                    code=self.code,
                )
            )
        if self.kind == "target":
            raise ValidationError(
                self.env._(
                    "Criterion %(code)s is scored against each unit's target.",
                    code=self.code,
                )
            )
        if self.kind == "counted":
            if count < 0:
                self._refuse_value(count, self.max_points)
            return min(count * self.points_per_item, self.max_points)
        if value < 0 or float_compare(value, self.max_points, precision_digits=2) > 0:
            self._refuse_value(value, self.max_points)
        if self.kind == "pass_fail" and value not in (0, self.max_points):
            raise ValidationError(
                self.env._(
                    "Criterion %(code)s is pass/fail: %(max)s points or none.",
                    code=self.code,
                    max=float_round(self.max_points, 2),
                )
            )
        return -value if self.kind == "penalty" else value

    def _get_target_points(self, values, share_percent):
        """Points of every unit on this target criterion at once, since a
        unit's score depends on the best unit above its target. ``values``:
        ``{key: (target, achieved)}``; ``share_percent``: the share of the
        maximum at target (the scoring rule's). Below target: share ×
        achieved / target; on target: the share; the best above target:
        the maximum; the others above: between the two, in proportion to
        how far they passed their target compared with the best."""
        self.ensure_one()
        if self.kind != "target":
            raise ValidationError(
                self.env._("Criterion %(code)s has no targets.", code=self.code)
            )
        share = self.max_points * share_percent / 100.0
        ratios = {}
        for key, (target, achieved) in values.items():
            if not target or target <= 0:
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s: a unit has no target; enter it "
                        "before its score can be computed.",
                        code=self.code,
                    )
                )
            if achieved is None or achieved < 0:
                self._refuse_value(achieved or 0.0, target)
            ratios[key] = achieved / target
        best = max((ratio for ratio in ratios.values() if ratio > 1), default=None)
        points = {}
        for key, ratio in ratios.items():
            if ratio <= 1:
                points[key] = share * ratio
            else:
                points[key] = share + (self.max_points - share) * (ratio - 1) / (
                    best - 1
                )
        return {key: float_round(value, 2) for key, value in points.items()}
