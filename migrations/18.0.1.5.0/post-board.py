# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The deadline reminder reloaded; the secretariat lands on the year at a
glance, the council on what awaits its decision (users who chose no other
home action)."""

import logging

from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.tools import file_path
from odoo.tools.convert import xml_import

_logger = logging.getLogger(__name__)
REMINDER = "mail_template_submission_reminder"


def _land(env, group_xmlid, action_xmlid):
    # the Settings administrators keep Odoo's own home
    users = env["res.users"].search(
        [
            ("share", "=", False),
            ("action_id", "=", False),
            ("groups_id", "in", env.ref(group_xmlid).ids),
            ("groups_id", "not in", env.ref("base.group_system").ids),
        ]
    )
    users.write({"action_id": env.ref(action_xmlid).id})
    return len(users)


def _reload_reminder_template(env):
    """The deadline reminder now names the unit, the days left and links to
    the filing: its record (in a noupdate file, which an upgrade never
    rewrites) is loaded again from the data file, its translations anew from
    the catalogs (loaded right after this script)."""
    path = file_path("emulation_cluster/data/mail_template_data.xml")
    record = etree.parse(path).find(f".//record[@id='{REMINDER}']")
    env.cr.execute(
        "UPDATE ir_model_data SET noupdate = FALSE "
        "WHERE module = 'emulation_cluster' AND name = %s",
        (REMINDER,),
    )
    xml_import(env, "emulation_cluster", {}, "update", xml_filename=path)._tag_record(
        record
    )
    template = env.ref(f"emulation_cluster.{REMINDER}")
    env.flush_all()
    env.cr.execute(
        "UPDATE mail_template SET body_html = jsonb_build_object('en_US', "
        "body_html->'en_US') WHERE id = %s",
        (template.id,),
    )
    # the users' own edits are kept from now on
    env.cr.execute(
        "UPDATE ir_model_data SET noupdate = TRUE "
        "WHERE module = 'emulation_cluster' AND name = %s",
        (REMINDER,),
    )
    template.invalidate_recordset(["body_html"])


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    _reload_reminder_template(env)
    secretariat = _land(
        env,
        "emulation_cluster.group_secretariat",
        "emulation_cluster.emulation_year_board_action",
    )
    council = _land(
        env,
        "emulation_cluster.group_council",
        "emulation_cluster.emulation_award_proposal_action_council",
    )
    _logger.info(
        "emulation_cluster: %s secretariat user(s) land on the year at a glance, "
        "%s council member(s) on what awaits the council",
        secretariat,
        council,
    )
