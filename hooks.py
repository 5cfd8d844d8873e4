# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from lxml import etree

from odoo.tools.convert import xml_import
from odoo.tools.misc import file_open

_logger = logging.getLogger(__name__)

DEMO_USERS = ("user_secretariat_demo", "user_deputy_demo", "user_unit_officer_demo")
HISTORY_FILE = "emulation_cluster/demo/emulation_history_demo.xml"


class HistoryImport(xml_import):
    """Odoo's XML importer, writing in ``lang``: the stock one writes in no
    language (lang=None), fine for data, not for a history people read."""

    def __init__(self, env, *args, lang=None, **kwargs):
        super().__init__(env, *args, **kwargs)
        self.envs = [env(context=dict(env.context, lang=lang))]
        self._tags["function"] = self._tag_function_step

    def _tag_function_step(self, rec):
        """A <function> of the history: a step of the workflow."""
        self._tag_function(rec)
        self.end_step()

    def end_step(self):
        """End a step as its own transaction would: Odoo tracks a record's
        changes from the transaction after the one that created it."""
        self.env.flush_all()
        self.env.cr.precommit.run()


def post_init_hook(env):
    """Write the demo data's history (the plan issued, the filings filed,
    returned and accepted), after the module's translations are loaded, in
    the demo users' language: Odoo loads them after the data and demo
    files, and the chatter keeps the language it was written in."""
    if not env.ref("emulation_cluster.plan_2020_bac_bo_demo", raise_if_not_found=False):
        return  # installed without demo data
    users = env["res.users"].browse(
        [env.ref(f"emulation_cluster.{xmlid}").id for xmlid in DEMO_USERS]
    )
    # the demo users are Vietnamese civil servants: in Vietnamese when the
    # database has it
    if "vi_VN" in dict(env["res.lang"].get_installed()):
        users.write({"lang": "vi_VN"})
    lang = users[:1].lang or env.lang or "en_US"
    _logger.info("emulation_cluster: writing the demo history in %s", lang)
    importer = HistoryImport(
        env,
        "emulation_cluster",
        {},
        "init",
        noupdate=True,
        xml_filename=HISTORY_FILE,
        lang=lang,
    )
    importer.end_step()  # the demo records, created by the demo files
    with file_open(HISTORY_FILE, "rb") as history:
        importer.parse(etree.parse(history).getroot())
