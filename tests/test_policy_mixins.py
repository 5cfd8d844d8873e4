# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The editing policy and the workflow mixins on a small model of the tests
(``fake_policy_models``, loaded as OCA's ``odoo-test-helper`` does), as
another module would use them, and on the addon's own models: one flag per
group declared once, roles as methods, a default value that is no edit,
transitions, the input refused in words."""

from odoo_test_helper import FakeModelLoader

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestPolicyMixins(EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .fake_policy_models import EmulationTestMemo, EmulationTestMemoLine

        cls.loader.update_registry((EmulationTestMemo, EmulationTestMemoLine))
        cls.env["ir.model.access"].create(
            [
                {
                    "name": f"test memo {model} {group}",
                    "model_id": cls.env["ir.model"]._get_id(model),
                    "group_id": cls.env.ref(f"emulation_cluster.{group}").id,
                    "perm_read": True,
                    "perm_write": True,
                    "perm_create": True,
                    "perm_unlink": True,
                }
                for model in ("emulation.test.memo", "emulation.test.memo.line")
                for group in ("group_unit_officer", "group_secretariat")
            ]
        )
        cls.Memo = cls.env["emulation.test.memo"]
        cls.memo = cls.Memo.create(
            {
                "name": "Memo",
                "cluster_id": cls.cluster.id,
                "partner_id": cls.unit_member3.id,
            }
        )

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def _memo_as(self, user, memo=None):
        return (memo or self.memo).with_user(user)

    # ------------------------------------------------------------------
    # the flags: one per group of the declaration, none written by hand
    # ------------------------------------------------------------------
    def test_one_flag_per_group(self):
        flags = {name for name in self.Memo._fields if name.startswith("is_")} - {
            "is_overdue"
        }
        self.assertEqual(
            flags,
            {
                "is_content_editable",
                "is_reply_editable",
                "is_archive_editable",
                "is_margin_editable",
            },
        )
        field = self.Memo._fields["is_content_editable"]
        self.assertEqual(field.type, "boolean")
        self.assertFalse(field.store)
        # reflected as any field, with its label (translatable)
        self.assertEqual(
            self.env["ir.model.fields"]
            ._get("emulation.test.memo", "is_content_editable")
            .field_description,
            "Is Content Editable",
        )
        # the lines follow their parent's flag: none of their own
        self.assertNotIn(
            "is_line_editable", self.env["emulation.test.memo.line"]._fields
        )

    def test_flags_follow_role_and_state(self):
        as_secretariat = self._memo_as(self.user_secretariat)
        as_officer = self._memo_as(self.user_officer)
        self.assertTrue(as_secretariat.is_content_editable)
        self.assertFalse(as_secretariat.is_reply_editable)
        self.assertFalse(as_secretariat.is_archive_editable)
        self.assertFalse(as_officer.is_content_editable)
        self.assertTrue(as_officer.is_reply_editable)
        self.assertTrue(self._memo_as(self.user_manager).is_archive_editable)
        as_secretariat.action_done()
        self.assertFalse(self._memo_as(self.user_secretariat).is_content_editable)
        self.assertFalse(self._memo_as(self.user_officer).is_reply_editable)

    # ------------------------------------------------------------------
    # the server refuses what the flags lock
    # ------------------------------------------------------------------
    def test_write_follows_the_flags(self):
        self._memo_as(self.user_secretariat).write({"name": "Memo 2", "amount": 3})
        self._memo_as(self.user_officer).write({"reply": "Agreed."})
        with self.assertRaises(AccessError):
            self._memo_as(self.user_officer).write({"name": "Mine"})
        with self.assertRaises(AccessError):
            self._memo_as(self.user_secretariat_other).write({"name": "Theirs"})
        with self.assertRaisesRegex(UserError, "buttons of the form"):
            self._memo_as(self.user_secretariat).write({"state": "done"})
        self._memo_as(self.user_secretariat).action_done()
        with self.assertRaises(UserError):
            self._memo_as(self.user_secretariat).write({"name": "Late"})
        self.assertEqual(self.memo.name, "Memo 2")
        self.assertEqual(self.memo.reply, "Agreed.")

    def test_lines_follow_their_parent(self):
        Line = self.env["emulation.test.memo.line"].with_user(self.user_secretariat)
        line = Line.create({"memo_id": self.memo.id, "name": "One"})
        self.memo.action_done()
        with self.assertRaises(UserError):
            Line.create({"memo_id": self.memo.id, "name": "Two"})
        with self.assertRaises(UserError):
            line.write({"name": "Changed"})
        with self.assertRaises(UserError):
            line.unlink()
        self.assertEqual(self.memo.line_ids.mapped("name"), ["One"])

    def test_a_role_of_the_model(self):
        """A model adds a role by a method (and its wording): here the
        memo's author."""
        memo = self.Memo.with_user(self.user_secretariat).create(
            {"name": "Own", "cluster_id": self.cluster.id}
        )
        memo.write({"margin_note": "Seen."})
        self.assertTrue(memo.is_margin_editable)
        with self.assertRaisesRegex(AccessError, "its author"):
            memo.with_user(self.user_manager).write({"margin_note": "Not mine."})
        self.assertFalse(memo.with_user(self.user_manager).is_margin_editable)

    # ------------------------------------------------------------------
    # creation: a default value is no edit
    # ------------------------------------------------------------------
    def test_default_value_is_no_edit(self):
        """The form sends every default it shows: a new record is active,
        in its first state, whoever may change them later."""
        Memo = self.Memo.with_user(self.user_secretariat)
        memo = Memo.create(
            {
                "name": "New",
                "cluster_id": self.cluster.id,
                "active": True,
                "state": "draft",
            }
        )
        self.assertTrue(memo.active)
        memo = Memo.with_context(default_active=True).create(
            {"name": "New 2", "cluster_id": self.cluster.id}
        )
        self.assertTrue(memo.active)
        # another value is an edit: only a manager archives
        with self.assertRaises(AccessError):
            Memo.create(
                {"name": "New 3", "cluster_id": self.cluster.id, "active": False}
            )
        with self.assertRaises(AccessError):
            Memo.with_context(default_active=False).create(
                {"name": "New 4", "cluster_id": self.cluster.id}
            )
        with self.assertRaises(UserError):
            Memo.create(
                {"name": "New 5", "cluster_id": self.cluster.id, "state": "done"}
            )
        self.assertFalse(
            self.Memo.with_context(active_test=False).search(
                [("name", "in", ("New 3", "New 4", "New 5"))]
            )
        )

    # ------------------------------------------------------------------
    # transitions
    # ------------------------------------------------------------------
    def test_transitions(self):
        with self.assertRaisesRegex(UserError, "Only the cluster's secretariat"):
            self._memo_as(self.user_officer).action_done()
        self._memo_as(self.user_secretariat).action_done()
        self.assertEqual(self.memo.state, "done")
        with self.assertRaisesRegex(UserError, "cannot be done while it is Done"):
            self._memo_as(self.user_secretariat).action_done()
        # a move the model does not declare is refused, even to the system
        with self.assertRaisesRegex(UserError, "cannot go from Done to Draft"):
            self.memo._write_transition({"state": "draft"})

    def test_states_in_the_workflow_order(self):
        """Grouped by state, the workflow's order, not the alphabet's."""
        self.Memo.create({"name": "Done", "cluster_id": self.cluster.id}).action_done()
        self.Memo.create(
            {"name": "Archived", "cluster_id": self.cluster.id, "state": "archived"}
        )
        groups = self.Memo.read_group([], ["state"], ["state"])
        self.assertEqual(
            [group["state"] for group in groups], ["draft", "done", "archived"]
        )

    # ------------------------------------------------------------------
    # the input
    # ------------------------------------------------------------------
    def test_raw_values_refused_in_words(self):
        memo = self._memo_as(self.user_secretariat)
        for bad in ("abc", float("nan"), 1e308, [1]):
            with self.assertRaisesRegex(ValidationError, "Amount must be"):
                memo.write({"amount": bad})
        with self.assertRaisesRegex(ValidationError, "NUL"):
            memo.write({"name": "a\x00b"})
        with self.assertRaisesRegex(ValidationError, "Name is required"):
            memo.write({"name": " "})
        with self.assertRaisesRegex(ValidationError, "Name is required"):
            self.Memo.with_user(self.user_secretariat).create(
                {"cluster_id": self.cluster.id}
            )
        self.assertEqual(self.memo.name, "Memo")

    @mute_logger("odoo.sql_db")
    def test_unique_refused_with_its_message(self):
        """Refused before the database refuses it (which would log an error
        and break the transaction), with the constraint's message."""
        self._memo_as(self.user_secretariat).write({"code": "A-1"})
        # the value written in this transaction counts, flushed or not
        with self.assertRaisesRegex(ValidationError, "Another test memo has this code"):
            self.Memo.with_user(self.user_secretariat).create(
                {"name": "Twin", "cluster_id": self.cluster.id, "code": "A-1"}
            )
        # in a batch: the twin among new ones, or of a recorded one
        Memo = self.Memo.with_user(self.user_secretariat)
        for codes in (("B-1", "B-2", "B-1"), ("B-3", "B-4", "A-1")):
            with self.assertRaisesRegex(
                ValidationError, "Another test memo has this code"
            ):
                Memo.create(
                    [
                        {"name": code, "cluster_id": self.cluster.id, "code": code}
                        for code in codes
                    ]
                )
        self.assertFalse(self.Memo.search([("code", "like", "B-")]))
        twins = Memo.create(
            [
                {"name": code, "cluster_id": self.cluster.id, "code": code}
                for code in ("C-1", "C-2")
            ]
        )
        with self.assertRaisesRegex(ValidationError, "Another test memo has this code"):
            twins[1].write({"code": "C-1"})
        with self.assertRaisesRegex(ValidationError, "Another test memo has this code"):
            twins.write({"code": "C-3"})
        # a write that leaves the key as it is does not look for twins (one
        # query per memo until now); the one query is the policy's
        with self.assertQueryCount(1):
            twins.write({"amount": 5.0})
        self.assertEqual(twins.mapped("code"), ["C-1", "C-2"])


@tagged("post_install", "-at_install")
class TestPolicyMixinsOnModels(EmulationCommon):
    """The same declaration on the addon's models."""

    def test_flags_generated_on_real_models(self):
        models_with_policy = [
            self.env[name]
            for name in self.env.registry
            if not self.env[name]._abstract
            and getattr(self.env[name], "_edit_groups", None)
        ]
        self.assertGreater(len(models_with_policy), 20)
        for Model in models_with_policy:
            for group, spec in Model._edit_groups.items():
                flag = f"is_{group}_editable"
                if "parent" in spec:
                    continue
                self.assertIn(flag, Model._fields, f"{Model._name}: {flag}")
                self.assertEqual(
                    Model._fields[flag].compute, "_compute_edit_flags", Model._name
                )

    def test_active_default_no_edit_on_real_models(self):
        """The secretariat creates an award letter sending ``active=True``,
        the form's default, though archiving is a manager's; archiving at
        creation stays a manager's."""
        Letter = self.env["emulation.award.letter"].with_user(self.user_secretariat)
        values = {"plan_id": self._create_plan(self.cluster, 2020).id}
        letter = Letter.create(dict(values, active=True))
        self.assertTrue(letter.active)
        with self.assertRaises(AccessError):
            Letter.create(dict(values, active=False))
