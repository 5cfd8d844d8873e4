# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging

from odoo.tools import convert_file

_logger = logging.getLogger(__name__)

DEMO_USERS = ("user_secretariat_demo", "user_deputy_demo", "user_unit_officer_demo")


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
    convert_file(
        env(context=dict(env.context, lang=lang)),
        "emulation_cluster",
        "demo/emulation_history_demo.xml",
        {},
        mode="init",
        noupdate=True,
        kind="demo",
    )
