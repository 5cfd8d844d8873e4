# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""18.0.1.3.0 -> 18.0.1.4.0, once the new code and data are loaded.

- The dossier package of a submission letter was kept as an ordinary
  attachment of the letter, which every user who reads the letter (the
  officers of the units it lists) could read. It is now the letter's field
  ``package_file``, whose groups (the secretariat and the council) Odoo's
  attachment check enforces: the attachments kept so far become that
  field's (the latest of each letter; older copies, if any, too, so that
  none stays readable), and the letter keeps the file name.
- The open activities of the years already closed are marked done, as
  closing a year now does: nobody meets them as hundreds of days late.
- The unit officers (not the secretariat) who have no home action land on
  what their unit owes, as the officers added from a unit's form do.
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def _make_packages_private(cr):
    cr.execute(
        """
        WITH latest AS (
            SELECT DISTINCT ON (res_id) res_id, name
              FROM ir_attachment
             WHERE res_model = 'emulation.award.letter'
               AND res_field IS NULL
               AND mimetype = 'application/zip'
          ORDER BY res_id, id DESC
        )
        UPDATE emulation_award_letter letter
           SET package_filename = latest.name
          FROM latest
         WHERE letter.id = latest.res_id
        """
    )
    cr.execute(
        """
        UPDATE ir_attachment
           SET res_field = 'package_file', name = 'package_file'
         WHERE res_model = 'emulation.award.letter'
           AND res_field IS NULL
           AND mimetype = 'application/zip'
        """
    )
    _logger.info("%s dossier packages made private to their field", cr.rowcount)


def _close_past_years(env):
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


def migrate(cr, version):
    if not version:
        return
    _make_packages_private(cr)
    _close_past_years(api.Environment(cr, SUPERUSER_ID, {}))
