# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every "New" a role meets in the addon's menus saves.

Generated from ``ir.ui.menu``: for every menu of the addon and each of its
groups, when the menu's action offers "New" to a user of that group (create
access, and the view's ``create`` not 0), the test does what the browser
does as that user: the form's defaults from ``onchange``, the required
fields typed, then ``web_save`` of every field the form sends, defaults
included, read-only ones left out (``odoo.tests.Form``). A refusal may only
be a business rule in words, never an access error on a field the form sent
with its default."""

from datetime import date

from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import Form, TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.base.tests.common import new_test_user

# What a user types in a required field the form leaves empty, by model and
# field, as a function of the test case and the role; the generic values of
# ``_typed_value`` cover the rest.
TYPED = {
    # a rule from 2031: none of its kind and scope then
    "emulation.rule": {
        "date_from": lambda test, role: date(2031, 1, 1),
        "document_id": lambda test, role: test.env.ref(
            "emulation_cluster.document_369_qd_ctd_demo"
        ),
    },
    "emulation.document": {"date": lambda test, role: date(2026, 3, 2)},
    "emulation.cluster": {"code": lambda test, role: "TN-NEW"},
    # the covenant of the plan that has none yet
    "emulation.covenant": {"plan_id": lambda test, role: test.plan_without_covenant},
    # a unit that has not registered for the issued plan yet
    "emulation.registration": {
        "plan_id": lambda test, role: test.issued_plan,
        "partner_id": lambda test, role: test.unit_not_registered,
    },
    # a member of the cluster, for the award its members are proposed for
    "emulation.award.proposal": {
        "plan_id": lambda test, role: test.issued_plan,
        "partner_id": lambda test, role: test.unit_not_registered,
    },
}


@tagged("post_install", "-at_install")
class TestNewForms(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        if not ref("emulation_cluster.cluster_bac_bo_demo", raise_if_not_found=False):
            cls.skipTest(cls, "the menus are replayed on the demo's cluster")
        cls.cluster = ref("emulation_cluster.cluster_bac_bo_demo")
        # a user's unit is the company of his contact
        units = {
            # a unit that has not registered for 2020 yet
            "officer": ref("emulation_cluster.partner_snv_ha_nam_demo"),
            "secretariat": ref("emulation_cluster.partner_snv_hai_phong_demo"),
            "manager": ref("emulation_cluster.partner_bnv_demo"),
            "council": ref("emulation_cluster.partner_council_bnv_demo"),
        }
        groups = {
            "officer": "group_unit_officer",
            "secretariat": "group_secretariat",
            "manager": "group_manager",
            "council": "group_council",
        }
        cls.users = {}
        for role, group in groups.items():
            user = new_test_user(
                cls.env,
                login=f"test_new_forms_{role}",
                groups=f"emulation_cluster.{group}",
                lang="vi_VN" if cls.env["res.lang"]._lang_get("vi_VN") else "en_US",
            )
            user.partner_id.parent_id = units[role]
            cls.users[role] = user
        # the secretariat serves the cluster its unit leads
        cls.cluster.secretariat_user_ids = [(4, cls.users["secretariat"].id)]
        cls.issued_plan = ref("emulation_cluster.plan_2020_bac_bo_demo")
        cls.unit_not_registered = ref("emulation_cluster.partner_snv_ha_nam_demo")
        cls.plan_without_covenant = cls.env["emulation.plan"].create(
            {
                "name": "Kế hoạch hoạt động năm 2022",
                "cluster_id": cls.cluster.id,
                "year": 2022,
            }
        )

    # ------------------------------------------------------------------
    # what the web client offers
    # ------------------------------------------------------------------
    @classmethod
    def _addon_menus(cls):
        data = cls.env["ir.model.data"].search(
            [("module", "=", "emulation_cluster"), ("model", "=", "ir.ui.menu")]
        )
        return cls.env["ir.ui.menu"].browse(data.mapped("res_id")).sorted("id")

    def _action_context(self, action, user):
        return safe_eval(
            action.context or "{}",
            {
                "uid": user.id,
                "user": user,
                "context": {},
                "active_id": False,
                "active_ids": [],
                "allowed_company_ids": user.company_ids.ids,
            },
        )

    def _offers_new(self, Model, action):
        """Whether the action offers "New" to the model's user: create
        access, and no ``create="0"`` on its first view nor on its form."""
        if not Model.has_access("create"):
            return False
        modes = action.view_mode.split(",")
        views = dict((view_type, view_id) for view_id, view_type in action.views)
        requested = [(views.get(mode, False), mode) for mode in modes]
        if "form" not in modes:
            requested.append((False, "form"))
        result = Model.get_views(requested)
        first = etree.fromstring(result["views"][modes[0]]["arch"])
        form = etree.fromstring(result["views"]["form"]["arch"])
        falsy = ("0", "false", "False")
        return first.get("create") not in falsy and form.get("create") not in falsy

    def _form_view(self, action):
        views = dict((view_type, view_id) for view_id, view_type in action.views)
        return views.get("form") or False

    def _cases(self):
        """(menu, role, model as the user with the action's context, action)
        of every menu × group offering New."""
        for menu in self._addon_menus():
            action = menu.action
            if not action or action._name != "ir.actions.act_window":
                continue
            for role, user in self.users.items():
                visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
                if menu.id not in visible:
                    continue
                context = self._action_context(action, user)
                Model = (
                    self.env[action.res_model]
                    .with_user(user)
                    .with_context(lang=user.lang, **context)
                )
                if self._offers_new(Model, action):
                    yield menu, role, Model, action

    # ------------------------------------------------------------------
    # what the user types
    # ------------------------------------------------------------------
    def _typed_value(self, form, model, role, name, field_info):
        typed = TYPED.get(model, {})
        if name in typed:
            return typed[name](self, role)
        kind = field_info["type"]
        if kind in ("char", "text", "html"):
            return f"Thử nghiệm {name}"
        if kind in ("integer", "float", "monetary"):
            return 1
        if kind == "date":
            return date(2025, 12, 1)
        if kind == "datetime":
            return "2025-12-01 02:00:00"
        if kind == "selection":
            return form._view["fields"][name]["selection"][0][0]
        if kind == "many2one":
            comodel = form._record.env[field_info["relation"]]
            return comodel.search([], limit=1)
        raise AssertionError(f"no value typed for {model}.{name} ({kind})")

    def _fill_required(self, form, model, role):
        """Type what a user must: the required fields the form leaves empty
        and those ``TYPED`` names, when editable and visible."""
        for name, info in form._view["fields"].items():
            if name == "id" or info["type"] in ("one2many", "many2many", "boolean"):
                continue
            if form._get_modifier(name, "readonly") or form._get_modifier(
                name, "invisible"
            ):
                continue
            if name in TYPED.get(model, {}) or (
                form._values.get(name) in (False, None, "")
                and form._get_modifier(name, "required")
            ):
                form[name] = self._typed_value(form, model, role, name, info)

    # ------------------------------------------------------------------
    # the test
    # ------------------------------------------------------------------
    def test_every_new_form_saves(self):
        """Each form a role opens with "New" from a menu saves what the
        user typed; a refusal is a business rule in words."""
        cases = list(self._cases())
        self.assertTrue(cases, "some menu offers New")
        seen = set()
        for menu, role, Model, action in cases:
            with self.subTest(menu=menu.complete_name, role=role, model=Model._name):
                seen.add((Model._name, role))
                with self.env.cr.savepoint(flush=False) as savepoint:
                    try:
                        form = Form(Model, view=self._form_view(action))
                        self._fill_required(form, Model._name, role)
                        record = form.save()
                    except AccessError as error:
                        self.fail(f"refused with an access error: {error}")
                    finally:
                        savepoint.rollback()
                        self.env.invalidate_all()
                    self.assertTrue(record)
        # the forms found dead once are among those replayed
        self.assertLessEqual(
            {
                ("emulation.poll", "secretariat"),
                ("emulation.award.letter", "secretariat"),
                ("emulation.award.proposal", "secretariat"),
                ("emulation.rule", "manager"),
                ("emulation.award.type", "manager"),
                ("emulation.dossier.item", "manager"),
            },
            seen,
        )
