#!/usr/bin/env python3
# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# command-line script: it prints its results
# pylint: disable=print-used
"""Make a database Vietnamese only, as the instances the addon lands in:
Vietnamese loaded (the installed modules' translations), every user, contact
and company in Vietnamese, Vietnamese the default of new contacts, English
deactivated. make test runs it on its copy of click-odoo-initdb's template,
which has no language option.

    python3 scripts/vi_base.py -c ODOO_CONF -d DATABASE
"""

import argparse

import odoo
from odoo import SUPERUSER_ID, api


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["res.lang"]._activate_lang("vi_VN")
        env["ir.module.module"].search(
            [("state", "=", "installed")]
        )._update_translations(["vi_VN"])
        everyone = env["res.partner"].with_context(active_test=False).search([])
        everyone.write({"lang": "vi_VN"})
        env["res.users"].with_context(active_test=False).search([]).write(
            {"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"}
        )
        env["ir.default"].set("res.partner", "lang", "vi_VN")
        env["res.lang"].with_context(active_test=False).search(
            [("code", "!=", "vi_VN")]
        ).write({"active": False})
        langs = env["res.lang"].search([]).mapped("code")
        assert langs == ["vi_VN"], langs
        print(f"{args.database}: only language {langs}, {len(everyone)} contacts")


if __name__ == "__main__":
    main()
