# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""18.0.1.3.0 -> 18.0.1.4.0, once the new code and data are loaded.

- The open activities of the years already closed are marked done, as
  closing a year now does: nobody meets them as hundreds of days late.
- The unit officers (not the secretariat) who have no home action land on
  what their unit owes, as the officers added from a unit's form do.
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    closed = (
        env["emulation.plan"]
        .with_context(active_test=False)
        .search([("state", "=", "closed")])
    )
    closed._close_year_activities()
    officers = env["res.users"].search(
        [
            ("share", "=", False),
            ("action_id", "=", False),
            ("groups_id", "in", env.ref("emulation_cluster.group_unit_officer").ids),
            (
                "groups_id",
                "not in",
                env.ref("emulation_cluster.group_secretariat").ids,
            ),
        ]
    )
    officers.write(
        {"action_id": env.ref("emulation_cluster.emulation_unit_duty_action").id}
    )
    _logger.info(
        "emulation_cluster: activities of %s closed plan(s) closed, %s "
        "officer(s) land on what their unit owes",
        len(closed),
        len(officers),
    )
