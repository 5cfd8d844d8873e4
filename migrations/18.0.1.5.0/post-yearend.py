# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""18.0.1.4.0 -> 18.0.1.5.0, the year-end as it happened, once the new
code is loaded.

- A submission's lateness is now its first filing's: a correction filed
  after a return no longer overwrites it. The submissions filed more than
  once take back their first round's lateness; the later rounds are marked
  as corrections. (Their deadline was the obligation's, not the
  correction's own: they are not judged again.)
- A returned submission keeps the day its correction is due: its open
  "File Again" activity's deadline.
- A letter sent to the council keeps the day it was sent: its proposals'.
- The next letters are numbered 01, 02… below 10 (Decree 30); the numbers
  given so far stay as they were sent.
"""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)


def _lateness_from_first_round(cr):
    cr.execute(
        """
        UPDATE emulation_submission_round
           SET is_correction = number > 1
         WHERE is_correction IS DISTINCT FROM (number > 1)
        """
    )
    cr.execute(
        """
        UPDATE emulation_submission sub
           SET is_late = COALESCE(first.is_late, FALSE),
               late_days = COALESCE(first.late_days, 0)
          FROM emulation_submission_round first
         WHERE first.submission_id = sub.id
           AND first.number = 1
           AND EXISTS (
               SELECT 1 FROM emulation_submission_round later
                WHERE later.submission_id = sub.id AND later.number > 1
           )
        """
    )
    _logger.info("%s refiled submissions judged on their first filing", cr.rowcount)


def _fill_empty(cr, table, column, state, values):
    """Set the empty ``column`` of the ``table`` records in ``state`` from
    ``values``, a query of their (res_id, value) rows."""
    cr.execute(
        SQL(
            """
            UPDATE %s rec
               SET %s = src.value
              FROM (%s) src
             WHERE src.res_id = rec.id
               AND rec.state = %s
               AND %s IS NULL
            """,
            SQL.identifier(table),
            SQL.identifier(column),
            values,
            state,
            SQL.identifier("rec", column),
        )
    )


def _refile_deadlines(cr):
    _fill_empty(
        cr,
        "emulation_submission",
        "refile_deadline",
        "returned",
        SQL(
            """
            SELECT activity.res_id, MAX(activity.date_deadline) AS value
              FROM mail_activity activity
              JOIN ir_model_data xmlid
                ON xmlid.model = 'mail.activity.type'
               AND xmlid.res_id = activity.activity_type_id
               AND xmlid.module = 'emulation_cluster'
               AND xmlid.name = 'mail_activity_type_refile'
             WHERE activity.res_model = 'emulation.submission'
             GROUP BY activity.res_id
            """
        ),
    )


def _letters_sent_on(cr):
    _fill_empty(
        cr,
        "emulation_award_letter",
        "submit_date",
        "submitted",
        SQL(
            """
            SELECT letter_id AS res_id, MIN(submit_date) AS value
              FROM emulation_award_proposal
             WHERE submit_date IS NOT NULL AND letter_id IS NOT NULL
             GROUP BY letter_id
            """
        ),
    )


def _letter_numbers_padded(cr):
    cr.execute(
        """
        UPDATE ir_sequence
           SET padding = 2
         WHERE code LIKE 'emulation.award.letter.cluster.%%'
           AND padding < 2
        """
    )


def migrate(cr, version):
    if not version:
        return
    _lateness_from_first_round(cr)
    _refile_deadlines(cr)
    _letters_sent_on(cr)
    _letter_numbers_padded(cr)
