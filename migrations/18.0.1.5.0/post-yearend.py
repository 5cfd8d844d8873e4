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


def _refile_deadlines(cr):
    cr.execute(
        """
        UPDATE emulation_submission sub
           SET refile_deadline = due.deadline
          FROM (
              SELECT activity.res_id, MAX(activity.date_deadline) AS deadline
                FROM mail_activity activity
                JOIN ir_model_data xmlid
                  ON xmlid.model = 'mail.activity.type'
                 AND xmlid.res_id = activity.activity_type_id
                 AND xmlid.module = 'emulation_cluster'
                 AND xmlid.name = 'mail_activity_type_refile'
               WHERE activity.res_model = 'emulation.submission'
               GROUP BY activity.res_id
          ) due
         WHERE due.res_id = sub.id
           AND sub.state = 'returned'
           AND sub.refile_deadline IS NULL
        """
    )


def _letters_sent_on(cr):
    cr.execute(
        """
        UPDATE emulation_award_letter letter
           SET submit_date = sent.day
          FROM (
              SELECT letter_id, MIN(submit_date) AS day
                FROM emulation_award_proposal
               WHERE submit_date IS NOT NULL AND letter_id IS NOT NULL
               GROUP BY letter_id
          ) sent
         WHERE sent.letter_id = letter.id
           AND letter.state = 'submitted'
           AND letter.submit_date IS NULL
        """
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
