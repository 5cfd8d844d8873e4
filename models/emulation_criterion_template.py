# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .emulation_edit_policy_mixin import archive_group
from .emulation_workflow_mixin import state_field


class EmulationCriterionTemplate(models.Model):
    """A versioned set of scoring criteria (bộ tiêu chí, thang điểm) that
    managers maintain, with its legal basis and validity dates. A plan's
    year scores against a copy of it, so that later edits of the template
    never change a past year. Validated, a template no longer changes: a
    change is a new version."""

    _name = "emulation.criterion.template"
    _description = "Criteria Template"
    _inherit = ["emulation.workflow.mixin", "emulation.period.mixin", "mail.thread"]
    _order = "date_from desc, id desc"

    _edit_groups = {
        "content": {
            "fields": (
                "name",
                "version",
                "document_id",
                "date_from",
                "date_to",
                "cluster_id",
                "note",
                "criterion_ids",
            ),
            "roles": {"manager": ("draft",)},
        },
        "archive": archive_group("manager"),
    }
    _period_fields = ("date_from", "date_to")
    _edit_create_roles = ("manager",)
    _allowed_moves = {"draft": ("validated",), "validated": ("draft",)}

    name = fields.Char(required=True, tracking=True)
    version = fields.Char(tracking=True, help='e.g. "2020" or "v2".')
    state = state_field(
        [("draft", "Draft"), ("validated", "Validated")],
    )
    document_id = fields.Many2one(
        "emulation.document",
        "Legal Basis",
        required=True,
        tracking=True,
        index=True,
        help="The document that sets these criteria (the council's guidance, "
        "the cluster's regulation...).",
    )
    date_from = fields.Date("Valid From", required=True, tracking=True)
    date_to = fields.Date("Valid Until", tracking=True)
    cluster_id = fields.Many2one(
        "emulation.cluster",
        "Cluster",
        tracking=True,
        index="btree_not_null",
        help="Empty: a template any cluster may take.",
    )
    plan_id = fields.Many2one(
        "emulation.plan",
        "Plan",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The plan whose year scores against this copy.",
    )
    source_template_id = fields.Many2one(
        "emulation.criterion.template", "Copied From", readonly=True, copy=False
    )
    criterion_ids = fields.One2many(
        "emulation.criterion", "template_id", "Criteria", copy=False
    )
    criterion_count = fields.Integer(compute="_compute_totals")
    total_max = fields.Float(
        "Maximum Points",
        digits=(6, 2),
        compute="_compute_totals",
        help="The sum of the top-level criteria's maxima, bonus and penalty left out.",
    )
    structure_errors = fields.Text(
        "To Correct Before Validation", compute="_compute_totals"
    )
    note = fields.Text()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("plan_uniq", "unique(plan_id)", "This plan already has its criteria."),
    ]

    @api.depends(
        "criterion_ids.max_points",
        "criterion_ids.parent_id",
        "criterion_ids.parent_code",
        "criterion_ids.kind",
        "criterion_ids.in_maximum",
        "criterion_ids.active",
    )
    def _compute_totals(self):
        for template in self:
            criteria = template.criterion_ids.filtered("active")
            template.criterion_count = len(criteria)
            # lines typed under a group by its code count as saved ones do
            totals = criteria._add_up()
            template.total_max = sum(
                totals[criterion][0]
                for criterion in criteria
                if not (criterion.parent_id or criterion.parent_code)
                and totals[criterion][1]
            )
            template.structure_errors = "\n".join(criteria._get_structure_errors())

    @api.onchange("criterion_ids")
    def _onchange_criteria_add_up(self):
        """While criteria are typed, each group's maximum is the sum of its
        criteria's, the groups given by their code included (they are
        linked when saved)."""
        lines = self.criterion_ids.filtered("active")
        for line, (total, _counts) in lines._add_up().items():
            if line.kind == "group" and total != line.max_points:
                line.max_points = total

    @api.depends("name", "version", "plan_id")
    def _compute_display_name(self):
        for template in self:
            name = template.name or ""
            if template.version:
                name = f"{name} ({template.version})"
            template.display_name = name

    def _period_error(self):
        return self.env._("Template %(name)s ends before it starts.", name=self.name)

    # ------------------------------------------------------------------
    # transitions
    # ------------------------------------------------------------------
    def action_validate(self):
        """Check the structure and lock the template."""
        self._check_transition(("draft",), ("manager",), self.env._("validated"))
        for template in self:
            template._check_structure()
        self._write_transition({"state": "validated"})
        return True

    def action_reset_to_draft(self):
        self._check_transition(
            ("validated",), ("manager",), self.env._("set back to draft")
        )
        if self._is_referenced_by("emulation.scorecard", "template_id"):
            raise UserError(
                self.env._(
                    "These criteria are already scored against: they no longer change."
                )
            )
        self._write_transition({"state": "draft"})
        return True

    def _check_structure(self):
        self.ensure_one()
        criteria = self.criterion_ids.filtered("active")
        if not criteria:
            raise UserError(
                self.env._("Template %(name)s has no criterion.", name=self.name)
            )
        errors = criteria._get_structure_errors()
        if errors:
            raise UserError(
                self.env._(
                    "Template %(name)s cannot be validated:\n%(errors)s",
                    name=self.name,
                    errors="\n".join(f"- {error}" for error in errors),
                )
            )

    # ------------------------------------------------------------------
    # copies: a new version, a plan's year
    # ------------------------------------------------------------------
    def copy(self, default=None):
        """A new version: the template and its whole tree, in draft."""
        news = super().copy(default)
        for template, new in zip(self, news, strict=True):
            template._copy_criteria_into(new)
        return news

    def _copy_criteria_into(self, target):
        """Copy the tree of this template's active criteria into ``target``,
        one batch per depth, keeping codes, order and parents."""
        self.ensure_one()
        criteria = self.criterion_ids.filtered("active")
        copies = {}
        level = criteria.filtered(lambda criterion: not criterion.parent_id)
        while level:
            vals_list = [
                dict(
                    criterion.copy_data(
                        {
                            "template_id": target.id,
                            "parent_id": copies[criterion.parent_id].id
                            if criterion.parent_id
                            else False,
                        }
                    )[0]
                )
                for criterion in level
            ]
            created = self.env["emulation.criterion"].create(vals_list)
            copies.update(zip(level, created, strict=True))
            level = criteria.filtered(
                lambda criterion, lv=level: criterion.parent_id in lv
            )
        return target

    def _copy_for_plan(self, plan):
        """The plan's year takes its own copy of this template."""
        self.ensure_one()
        if self.state != "validated":
            raise UserError(
                self.env._(
                    "Template %(name)s is a draft: validate it before a plan takes it.",
                    name=self.display_name,
                )
            )
        if self.search_count([("plan_id", "=", plan.id)], limit=1):
            raise UserError(
                self.env._(
                    "Plan %(plan)s already has its criteria: correct them there.",
                    plan=plan.display_name,
                )
            )
        new = self.copy(
            {
                "name": self.name,
                "version": str(plan.year),
                "cluster_id": plan.cluster_id.id,
            }
        )
        # where the copy comes from is the system's to say, not the form's
        new.sudo().write({"plan_id": plan.id, "source_template_id": self.id})
        new.message_post(
            body=self.env._(
                "Copied from %(template)s for plan %(plan)s.",
                template=self.display_name,
                plan=plan.display_name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return new

    def action_open_criteria(self):
        """The criteria of this template, where they are imported too."""
        action = self._open_children(
            "emulation_cluster.emulation_criterion_action",
            "template_id",
            {"active_test": False},
        )
        action["name"] = self.display_name
        return action
