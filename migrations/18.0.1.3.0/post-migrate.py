# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""18.0.1.2.0 -> 18.0.1.3.0, once the new code and data are loaded.

Registration lines name their title by an award type instead of free text.
The text of each existing line is matched to the award types' names in
every language of the database (case, spaces and Unicode composition
aside; ``emulation.registration.line._match_award_types``) and keeps its
wording. A text that names no type, or several, stays text, flagged "Title
to Match"; the secretariat of its cluster gets one activity per registration,
in each user's language, to choose the type.
"""

import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Line = env["emulation.registration.line"]
    lines = Line.search([("award_type_id", "=", False), ("award_name", "!=", False)])
    matched = lines._match_award_types()
    to_match = (lines - matched).filtered("award_type_to_match")
    activities = to_match._notify_titles_to_match()
    _logger.info(
        "registration lines: %s title(s) matched to an award type, %s kept as "
        "text and flagged for the secretariat (%s registration(s), %s activities)",
        len(matched),
        len(to_match),
        len(to_match.registration_id),
        len(activities),
    )
