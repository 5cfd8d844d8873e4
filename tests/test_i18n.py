# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import polib

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import code_translations

from odoo.addons.base.tests.common import BaseCommon

TRANSLATED_MODELS = (
    "ir.model",
    "ir.model.fields",
    "ir.model.fields.selection",
    "ir.ui.menu",
    "ir.actions.act_window",
    "ir.actions.report",
    "ir.actions.server",
    "res.groups",
    "ir.module.category",
)


@tagged("post_install", "-at_install")
class TestVietnamese(BaseCommon):
    """The addon speaks Vietnamese: i18n/vi.po is complete and is used."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.catalog = polib.pofile(file_path("emulation_cluster/i18n/vi.po"))
        cls.translations = {
            entry.msgid: entry.msgstr for entry in cls.catalog if not entry.obsolete
        }

    def _dependencies(self):
        """The addon and the modules it depends on, directly or not."""
        module = self.env["ir.module.module"].search(
            [("name", "=", "emulation_cluster")]
        )
        closure = module
        while module:
            module = module.dependencies_id.depend_id - closure
            closure |= module
        return set(closure.mapped("name"))

    def _module_labels(self):
        """English labels of the fields, selections, menus, actions and
        groups this addon defines. Fields that other installed modules add
        to the addon's models (calendar, sms, website...) are translated by
        those modules, not by this addon's catalog."""
        data = self.env["ir.model.data"].search(
            [("module", "=", "emulation_cluster"), ("model", "in", TRANSLATED_MODELS)]
        )
        own = self._dependencies()
        labels = set()
        for model, records in data.grouped("model").items():
            records = self.env[model].browse(records.mapped("res_id")).exists()
            if model == "ir.model.fields":
                # the modules that define the field, whatever module its
                # ir.model.fields row was recorded under (a mixin's field
                # added by calendar before the addon was installed)
                records = records.filtered(
                    lambda field: set(
                        self.env[field.model]._fields[field.name]._modules or ()
                    )
                    <= own
                )
            field = {
                "ir.model.fields": "field_description",
                "ir.model": "name",
            }.get(model, "name")
            labels.update(records.with_context(lang="en_US").mapped(field))
        return {label for label in labels if label}

    def test_catalog_has_no_empty_translation(self):
        empty = [entry.msgid for entry in self.catalog if not entry.msgstr]
        self.assertFalse(empty, "untranslated strings in i18n/vi.po")

    def test_template_lists_the_catalog_terms(self):
        """Odoo reads vi.po merged with the template's comments: a term the
        .pot lacks is dropped, and its code translation with it."""
        template = polib.pofile(
            file_path("emulation_cluster/i18n/emulation_cluster.pot")
        )
        self.assertEqual({entry.msgid for entry in template}, set(self.translations))
        python_terms = {
            entry.msgid
            for entry in self.catalog
            if "odoo-python" in entry.comment and entry.msgstr
        }
        loaded = code_translations.get_python_translations("emulation_cluster", "vi_VN")
        self.assertFalse(python_terms - set(loaded))

    def test_every_label_is_translated(self):
        missing = sorted(self._module_labels() - set(self.translations))
        self.assertFalse(missing, "labels missing from i18n/vi.po")

    def test_vietnamese_user_sees_vietnamese(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        self.env["ir.module.module"]._load_module_terms(
            ["emulation_cluster"], ["vi_VN"], overwrite=True
        )
        menu = self.env.ref("emulation_cluster.menu_root").with_context(lang="vi_VN")
        self.assertEqual(menu.name, "Thi đua - Khen thưởng")

        cluster = self.env["emulation.cluster"].create({"name": "Cụm thử"})
        unit = self.env["res.partner"].create({"name": "Sở Nội vụ", "is_company": True})
        membership = self.env["emulation.cluster.membership"].create(
            {
                "cluster_id": cluster.id,
                "partner_id": unit.id,
                "date_start": "2020-01-01",
            }
        )
        with self.assertRaises(ValidationError) as refusal:
            membership.with_context(lang="vi_VN").write({"date_end": "2019-12-31"})
        self.assertIn("không thể kết thúc trước khi bắt đầu", str(refusal.exception))
        self.assertFalse(membership.date_end)

        # a transition refused in the wrong state names the document in Vietnamese
        plan = self.env["emulation.plan"].create(
            {"name": "Kế hoạch thử", "cluster_id": cluster.id, "year": 2020}
        )
        with self.assertRaises(UserError) as refusal:
            plan.with_context(lang="vi_VN").action_close()
        self.assertIn(
            "Không thể kết thúc Kế hoạch hoạt động năm", str(refusal.exception)
        )
        self.assertIn("khi đang ở trạng thái Dự thảo", str(refusal.exception))
        self.assertEqual(plan.state, "draft")
