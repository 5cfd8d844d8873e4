# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The tracker now reads the submissions tally, which the database keeps as
the submissions move (triggers created by the model's ``init()``): the
submissions filed before are counted once, one row per plan, unit and
status (one INSERT ... SELECT ... GROUP BY)."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["emulation.submission.tally"]._rebuild()
