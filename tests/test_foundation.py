# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon


@tagged("post_install", "-at_install")
class TestFoundation(BaseCommon):
    """The addon's groups, and who sees which emulation menu and record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.group_officer = cls.env.ref("emulation_cluster.group_unit_officer")
        cls.group_secretariat = cls.env.ref("emulation_cluster.group_secretariat")
        cls.group_manager = cls.env.ref("emulation_cluster.group_manager")
        cls.group_council = cls.env.ref("emulation_cluster.group_council")
        cls.menu_root = cls.env.ref("emulation_cluster.menu_root")
        cls.menu_cycle = cls.env.ref("emulation_cluster.menu_cycle")
        cls.menu_config = cls.env.ref("emulation_cluster.menu_config")
        cls.portal_user = new_test_user(
            cls.env, login="emu_portal", groups="base.group_portal"
        )
        cls.internal_user = new_test_user(
            cls.env, login="emu_internal", groups="base.group_user"
        )
        cls.officer = new_test_user(
            cls.env, login="emu_officer", groups="emulation_cluster.group_unit_officer"
        )
        cls.secretary = new_test_user(
            cls.env, login="emu_secretary", groups="emulation_cluster.group_secretariat"
        )
        cls.manager = new_test_user(
            cls.env, login="emu_manager", groups="emulation_cluster.group_manager"
        )
        cls.councillor = new_test_user(
            cls.env, login="emu_council", groups="emulation_cluster.group_council"
        )
        # One record per configuration model, so that "reads nothing" is
        # about access, not about empty tables.
        cls.document = cls.env["emulation.document"].create(
            {"name": "462/BNV-VP", "document_type": "official_letter"}
        )
        # the officer's unit is a member of the cluster: members read their
        # cluster (an officer of a unit in no cluster reads none)
        cls.unit = cls.env["res.partner"].create(
            {"name": "Sở Nội vụ thử", "is_company": True}
        )
        cls.officer.partner_id.parent_id = cls.unit
        cls.cluster = cls.env["emulation.cluster"].create(
            {
                "name": "Cụm thi đua thử",
                "code": "TEST-FOUNDATION",
                "membership_ids": [
                    Command.create(
                        {"partner_id": cls.unit.id, "date_start": "2020-01-01"}
                    )
                ],
            }
        )

    def _emulation_models(self):
        return (
            self.env["ir.model"]
            .search([("model", "=like", "emulation.%"), ("transient", "=", False)])
            .filtered(lambda model: not self.env[model.model]._abstract)
        )

    def _visible_menus(self, user):
        return self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()

    def test_one_choice_per_user_in_the_settings(self):
        """In a user's settings the addon is one choice among its levels
        (officer, secretariat, manager): choosing one replaces the other,
        and the council is chosen apart."""
        user = new_test_user(self.env, login="emu_settings", groups="base.group_user")
        levels = self.group_officer | self.group_secretariat | self.group_manager
        [field] = [
            name
            for name in self.env["res.users"].fields_get()
            if name.startswith("sel_groups_")
            and set(levels.ids) <= {int(gid) for gid in name[11:].split("_")}
        ]
        user.write({field: self.group_secretariat.id})
        self.assertTrue(user.has_group("emulation_cluster.group_unit_officer"))
        self.assertFalse(user.has_group("emulation_cluster.group_manager"))
        user.write({field: self.group_manager.id})
        self.assertTrue(user.has_group("emulation_cluster.group_manager"))
        self.assertFalse(user.has_group("emulation_cluster.group_council"))

    def test_groups_imply_each_other(self):
        self.assertIn(self.group_officer, self.group_secretariat.implied_ids)
        self.assertIn(self.group_secretariat, self.group_manager.implied_ids)
        # implication is transitive: a manager is a secretary and an officer
        self.assertTrue(self.manager.has_group("emulation_cluster.group_secretariat"))
        self.assertTrue(self.manager.has_group("emulation_cluster.group_unit_officer"))
        self.assertTrue(
            self.secretary.has_group("emulation_cluster.group_unit_officer")
        )
        # ... but never the other way round
        self.assertFalse(self.officer.has_group("emulation_cluster.group_secretariat"))
        self.assertFalse(self.secretary.has_group("emulation_cluster.group_manager"))
        # the council reads everything but is no member unit's officer
        self.assertFalse(
            self.councillor.has_group("emulation_cluster.group_unit_officer")
        )

    def test_admin_configures_the_clusters(self):
        """The administrator of an instance configures the addon from the
        start: the Configuration menu, clusters and their members."""
        admin = self.env.ref("base.user_admin")
        self.assertIn(self.menu_config.id, self._visible_menus(admin))
        cluster = (
            self.env["emulation.cluster"]
            .with_user(admin)
            .create(
                {
                    "name": "Khối thi đua mới",
                    "kind": "bloc",
                    "membership_ids": [
                        Command.create(
                            {"partner_id": self.unit.id, "date_start": "2021-01-01"}
                        )
                    ],
                }
            )
        )
        self.assertEqual(cluster.membership_ids.partner_id, self.unit)

    def test_outsiders_read_no_emulation_record(self):
        models = self._emulation_models()
        self.assertTrue(models, "the addon defines emulation models")
        for user in (self.portal_user, self.internal_user):
            for model in models:
                with (
                    self.subTest(user=user.login, model=model.model),
                    self.assertRaises(AccessError),
                ):
                    self.env[model.model].with_user(user).search([])

    def test_outsiders_see_no_emulation_menu(self):
        # a portal user has no back-end menu at all
        with self.assertRaises(AccessError):
            self.env["ir.ui.menu"].with_user(self.portal_user).load_menus(False)
        emulation_menus = self.env["ir.ui.menu"].search(
            [("id", "child_of", self.menu_root.id)]
        )
        visible = self._visible_menus(self.internal_user)
        self.assertNotIn(self.menu_root.id, visible)
        self.assertFalse(visible & set(emulation_menus.ids))

    def test_each_group_sees_its_menus(self):
        for user in (self.officer, self.secretary, self.manager, self.councillor):
            visible = self._visible_menus(user)
            self.assertIn(self.menu_root.id, visible, user.login)
            self.assertIn(self.menu_cycle.id, visible, user.login)
        self.assertIn(self.menu_config.id, self._visible_menus(self.manager))
        for user in (self.officer, self.secretary, self.councillor):
            self.assertNotIn(self.menu_config.id, self._visible_menus(user), user.login)

    def test_members_read_configuration_but_only_managers_change_it(self):
        cluster = self.cluster.with_user(self.officer)
        self.assertEqual(cluster.name, "Cụm thi đua thử")
        with self.assertRaises(AccessError):
            cluster.write({"name": "Đổi tên"})
        with self.assertRaises(AccessError):
            self.cluster.with_user(self.secretary).write({"name": "Đổi tên"})
        self.cluster.with_user(self.manager).write({"name": "Cụm đã đổi tên"})
        self.assertEqual(self.cluster.name, "Cụm đã đổi tên")
        self.assertEqual(self.document.with_user(self.councillor).name, "462/BNV-VP")
