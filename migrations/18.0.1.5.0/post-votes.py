# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""18.0.1.4.0 -> 18.0.1.5.0, once the new code is loaded: the ballots.

- That a unit voted is now its voter line's round flag (``voted_round``),
  set here from the ballots cast so far (the last round each unit voted in).
- A secret poll's ballot is stored without its unit, its written mark and
  who entered it: the ballots cast so far lose them.
- No ballot keeps Odoo's log columns (who created it, when): the model no
  longer has them, and their columns are dropped.
"""

import logging

_logger = logging.getLogger(__name__)


def _flag_voters(cr):
    cr.execute(
        """
        UPDATE emulation_poll_voter voter
           SET voted_round = voted.round
          FROM (SELECT poll_id, partner_id, max(round) AS round
                  FROM emulation_ballot
                 WHERE partner_id IS NOT NULL
              GROUP BY poll_id, partner_id) voted
         WHERE voter.poll_id = voted.poll_id
           AND voter.partner_id = voted.partner_id
        """
    )
    _logger.info("%s voters flagged as having voted", cr.rowcount)


def _unlink_secret_ballots(cr):
    cr.execute(
        """
        UPDATE emulation_ballot ballot
           SET partner_id = NULL, is_written = FALSE, entered_by_id = NULL,
               is_entered_from_paper = FALSE
          FROM emulation_poll poll
         WHERE poll.id = ballot.poll_id AND poll.is_secret
        """
    )
    _logger.info("%s secret ballots no longer name their unit", cr.rowcount)
    cr.execute(
        """
        ALTER TABLE emulation_ballot
            DROP COLUMN IF EXISTS create_uid,
            DROP COLUMN IF EXISTS create_date,
            DROP COLUMN IF EXISTS write_uid,
            DROP COLUMN IF EXISTS write_date
        """
    )


def migrate(cr, version):
    if not version:
        return
    _flag_voters(cr)
    _unlink_secret_ballots(cr)
