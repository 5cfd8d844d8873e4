# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A small model of the tests that uses the editing policy and the workflow
mixins as another module would: loaded by ``odoo_test_helper`` in the tests
only (never imported at module level, so that the addon never has it)."""

from odoo import fields, models


class EmulationTestMemo(models.Model):
    """A memo of a cluster written by its secretariat, answered by a unit,
    archived by a manager, with lines, a unique code, an author role of its
    own and two states."""

    _name = "emulation.test.memo"
    _description = "Test Memo"
    _inherit = ["emulation.workflow.mixin"]

    _edit_groups = {
        "content": {
            "fields": ("name", "code", "amount"),
            "roles": {"secretariat": ("draft",)},
        },
        "reply": {"fields": ("reply",), "roles": {"owner": ("draft",)}},
        "archive": {"fields": ("active",), "roles": {"manager": None}},
        "margin": {"fields": ("margin_note",), "roles": {"author": None}},
    }
    _edit_create_fields = ("cluster_id", "partner_id")
    _allowed_moves = {"draft": ("done",)}

    name = fields.Char(required=True)
    code = fields.Char()
    amount = fields.Float()
    reply = fields.Text()
    margin_note = fields.Text()
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done"), ("archived", "Archived")],
        default="draft",
    )
    cluster_id = fields.Many2one("emulation.cluster")
    partner_id = fields.Many2one("res.partner")
    line_ids = fields.One2many("emulation.test.memo.line", "memo_id")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_uniq", "unique(code)", "Another test memo has this code."),
    ]

    def _is_role_author(self, user):
        """A role of this model only: who created the memo."""
        return self.create_uid == user

    def _get_role_wordings(self):
        # a real module's wording is translated; a test model's stays out of
        # the addon's catalog
        return dict(super()._get_role_wordings(), author="its author")

    def action_done(self):
        self._check_transition(("draft",), ("secretariat",), "done")
        self._write_transition({"state": "done"})


class EmulationTestMemoLine(models.Model):
    _name = "emulation.test.memo.line"
    _description = "Test Memo Line"
    _inherit = ["emulation.edit.policy.mixin"]

    _edit_groups = {
        "line": {"fields": ("name",), "parent": ("memo_id", "content")},
    }
    _edit_create_fields = ("memo_id",)

    memo_id = fields.Many2one("emulation.test.memo", required=True, ondelete="cascade")
    name = fields.Char()
