# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The reminder runner selects what is due in SQL: a batch is never taken by
records that are not due yet, and the progress it reports counts what is
left to send."""

from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import tagged

from .test_proposal import ProposalCommon


@tagged("post_install", "-at_install")
class TestReminderRunner(ProposalCommon):
    def test_due_dossiers_behind_ones_not_due(self):
        """Drafts whose dossiers are due come after drafts that are not:
        batches of one still reach them, and "remaining" counts them."""
        merit_line = self.proposal_rule._get_award_line(self.merit)
        merit_line.write({"deadline_day": 31, "deadline_month": 12})
        not_due = self._merit_by_hand(self.unit_member4) | self._merit_by_hand(
            self.unit_deputy
        )
        due = self._flag_proposal()
        self.assertGreater(due.id, max(not_due.ids))
        Award = self.env["emulation.rule.award"]
        Log = self.env["emulation.reminder.log"]
        with (
            freeze_time("2021-06-20"),
            patch.object(type(Log), "_notify_progress") as progress,
        ):
            self.assertEqual(Award._cron_send_proposal_reminders(batch_size=1), due)
            progress.assert_called_once_with(1, 0)
            # the others fall due: one per batch, the rest counted
            merit_line.write({"deadline_day": 30, "deadline_month": 6})
            progress.reset_mock()
            first = Award._cron_send_proposal_reminders(batch_size=1)
            progress.assert_called_once_with(1, 1)
            second = Award._cron_send_proposal_reminders(batch_size=1)
            self.assertEqual(first | second, not_due)
            self.assertFalse(Award._cron_send_proposal_reminders(batch_size=1))
            self.assertEqual(progress.call_args.args, (0, 0))
