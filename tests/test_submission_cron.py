# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import logging
from contextlib import ExitStack
from datetime import date, datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command
from odoo.tests import tagged

from .test_submission import SubmissionCommon

_logger = logging.getLogger(__name__)

# Queries of one batch of the scheduled actions, whatever its size (see
# _assert_ceiling). The reminders' e-mails read one more table with
# auth_signup, a dependency since the officers' invitations; each pass
# takes its lock and looks at what other passes committed.
QUERY_CEILINGS = {
    "reminders": {"bare": 34, "instance": 34},
    "overdue": {"bare": 25, "instance": 25},
}


@tagged("post_install", "-at_install")
class TestSubmissionCron(SubmissionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Submission = cls.env["emulation.submission"]
        cls.Log = cls.env["emulation.reminder.log"]
        cls.Obligation = cls.env["emulation.obligation"]
        cls.reminder_type = cls.env.ref(
            "emulation_cluster.mail_activity_type_deadline_reminder"
        )
        cls.overdue_type = cls.env.ref("emulation_cluster.mail_activity_type_overdue")

    def _reminder_activities(self, obligation=None):
        domain = [
            ("res_model", "=", "emulation.submission"),
            ("activity_type_id", "=", self.reminder_type.id),
        ]
        if obligation:
            subs = self.Submission.search([("obligation_id", "=", obligation.id)])
            domain.append(("res_id", "in", subs.ids))
        return self.env["mail.activity"].search(domain)

    def _reminder_mails(self):
        # by what they are about, not by their subject: it is in each
        # recipient's language
        return self.env["mail.mail"].search(
            [
                ("model", "=", "emulation.submission"),
                ("message_type", "=", "email_outgoing"),
            ]
        )

    def test_reminders_recipients_and_idempotence(self):
        self._file(self.sub_member3, self.user_officer, "2020-06-01")
        with freeze_time("2020-06-08 02:00:00"):  # 7 days before 15/6
            self.Obligation._cron_send_deadline_reminders()
        activities = self._reminder_activities(self.ob_mid)
        by_unit = {
            self.Submission.browse(act.res_id).partner_id: act.user_id
            for act in activities
        }
        self.assertEqual(
            set(by_unit),
            {self.unit_deputy, self.unit_member4},
            "the unit that filed is not reminded",
        )
        self.assertEqual(by_unit[self.unit_deputy], self.user_deputy)
        self.assertEqual(
            by_unit[self.unit_member4],
            self.user_secretariat,
            "a unit without users: the secretariat is told",
        )
        self.assertFalse(self._reminder_activities(self.ob_annual), "not due yet")
        mails = self._reminder_mails()
        self.assertEqual(len(mails), 2)
        self.assertEqual(
            set(mails.mapped("email_to")),
            {unit.email_formatted for unit in (self.unit_deputy, self.unit_member4)},
        )
        self.assertIn("15/06/2020", mails[0].subject)
        self.assertIn("12 Lê Đại Hành", mails[0].body_html)
        self.assertIn("secretariat@example.com", mails[0].body_html)
        # a second run the same day, or a day later, sends nothing new
        with freeze_time("2020-06-08 10:00:00"):
            self.Obligation._cron_send_deadline_reminders()
        with freeze_time("2020-06-09 02:00:00"):
            self.Obligation._cron_send_deadline_reminders()
        self.assertEqual(len(self._reminder_activities(self.ob_mid)), 2)
        self.assertEqual(len(self._reminder_mails()), 2)
        # the 1-day reminder is another one, sent once
        with freeze_time("2020-06-14 02:00:00"):
            self.Obligation._cron_send_deadline_reminders()
            self.Obligation._cron_send_deadline_reminders()
        self.assertEqual(len(self._reminder_activities(self.ob_mid)), 4)
        self.assertEqual(len(self._reminder_mails()), 4)
        logs = self.Log.search(
            [
                ("kind", "=", "deadline"),
                ("res_model", "=", "emulation.submission"),
                ("res_id", "in", self.ob_mid.submission_ids.ids),
            ]
        )
        self.assertEqual(sorted(logs.mapped("offset_days")), [1, 1, 7, 7])

    def test_reminder_missed_run_and_returned(self):
        self.ob_mid.reminder_offsets = "7,1"
        with freeze_time("2020-06-11"):  # the 7-day run was missed
            self.Obligation._cron_send_deadline_reminders()
        self.assertEqual(len(self._reminder_activities(self.ob_mid)), 3)
        # filing closes the unit's reminder; returned, it is owed again and
        # asked to file again, but the same reminder is not repeated
        self._file(self.sub_member3, self.user_officer, "2020-06-12")
        self._return(self.sub_member3, self.user_secretariat, "Thiếu chữ ký")
        self.assertEqual(len(self._reminder_activities(self.ob_mid)), 2)
        refile = self.sub_member3.activity_ids.activity_type_id
        self.assertEqual(
            refile, self.env.ref("emulation_cluster.mail_activity_type_refile")
        )
        with freeze_time("2020-06-12"):
            self.Obligation._cron_send_deadline_reminders()
        self.assertEqual(len(self._reminder_activities(self.ob_mid)), 2)
        # no reminder when none is configured, or after the deadline
        self.ob_annual.reminder_offsets = ""
        with freeze_time("2020-11-19"):
            self.Obligation._cron_send_deadline_reminders()
        self.assertFalse(self._reminder_activities(self.ob_annual))
        with freeze_time("2020-06-16"):
            self.Obligation._cron_send_deadline_reminders()
        self.assertEqual(len(self._reminder_activities(self.ob_mid)), 2)

    def test_reminders_skip_closed_plan(self):
        self.plan.state = "closed"
        with freeze_time("2020-06-08"):
            self.Obligation._cron_send_deadline_reminders()
        self.assertFalse(self._reminder_activities())

    def test_overdue(self):
        self._file(self.sub_member3, self.user_officer, "2020-06-10")
        with freeze_time("2020-06-15 10:00:00"):
            self.Obligation._cron_mark_overdue()
        self.assertFalse(self.Submission.search([("is_overdue", "=", True)]))
        with freeze_time("2020-06-16 02:00:00"):
            self.Obligation._cron_mark_overdue()
        overdue = self.Submission.search([("is_overdue", "=", True)])
        self.assertEqual(overdue.partner_id, self.unit_deputy | self.unit_member4)
        self.assertEqual(overdue.obligation_id, self.ob_mid)
        activity = self.ob_mid.activity_ids.filtered(
            lambda a: a.activity_type_id == self.overdue_type
        )
        self.assertEqual(len(activity), 1, "one summary per obligation")
        self.assertEqual(activity.user_id, self.user_secretariat)
        for unit in overdue.partner_id:
            self.assertIn(unit.name, str(activity.note))
        self.assertNotIn(self.unit_member3.name, str(activity.note))
        with freeze_time("2020-06-17 02:00:00"):
            self.Obligation._cron_mark_overdue()
        self.assertEqual(
            len(
                self.ob_mid.activity_ids.filtered(
                    lambda a: a.activity_type_id == self.overdue_type
                )
            ),
            1,
        )
        # filing late clears the flag and marks the submission late
        self._file(self.sub_member4, self.user_secretariat, "2020-06-18")
        self.assertFalse(self.sub_member4.is_overdue)
        self.assertEqual(self.sub_member4.late_days, 3)

    def test_event_reminders(self):
        event = self.env["emulation.event"].create(
            {
                "name": "Hội nghị sơ kết 6 tháng",
                "plan_id": self.plan.id,
                "date_start": datetime(2020, 6, 20, 1, 0),
                "place": "Nam Định",
                "host_id": self.unit_deputy.id,
                "participant_ids": [
                    Command.set((self.unit_leader | self.unit_member3).ids)
                ],
            }
        )
        event_type = self.env.ref("emulation_cluster.mail_activity_type_event_reminder")
        Event = self.env["emulation.event"]
        with freeze_time("2020-06-15"):
            Event._cron_send_event_reminders()
        self.assertFalse(event.activity_ids, "a planned activity is not reminded")
        event.action_confirm()
        with freeze_time("2020-06-01"):
            Event._cron_send_event_reminders()
        self.assertFalse(event.activity_ids, "too early")
        with freeze_time("2020-06-15"):
            Event._cron_send_event_reminders()
            Event._cron_send_event_reminders()
        activities = event.activity_ids.filtered(
            lambda a: a.activity_type_id == event_type
        )
        self.assertEqual(activities.user_id, self.user_deputy)
        mails = self.env["mail.mail"].search(
            [("model", "=", "emulation.event"), ("res_id", "=", event.id)]
        )
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails.recipient_ids, self.unit_leader | self.unit_member3)
        with freeze_time("2020-06-16"):
            Event._cron_send_event_reminders()
        self.assertEqual(len(event.activity_ids), 1)

    # ------------------------------------------------------------------
    # query count does not grow with the number of submissions
    # ------------------------------------------------------------------
    def _make_submissions(self, count, tag=""):
        """A cluster of 10 units without users and ``count`` submissions
        (``count / 10`` obligations) due on 15/6/2020."""
        units = self.env["res.partner"].create(
            [
                {
                    "name": f"Unit {tag}{count}-{i}",
                    "is_company": True,
                    "email": f"u{tag}{count}-{i}@example.com",
                }
                for i in range(10)
            ]
        )
        cluster = self.env["emulation.cluster"].create(
            {
                "name": f"Bench cluster {tag}{count}",
                "code": f"BENCH-{tag}{count}",
                "secretariat_user_ids": [Command.link(self.user_secretariat.id)],
                "membership_ids": [
                    Command.create(
                        {"partner_id": unit.id, "date_start": date(2019, 1, 1)}
                    )
                    for unit in units
                ],
            }
        )
        plan = self._create_plan(cluster, 2020)
        self.env["emulation.obligation"].create(
            [
                {
                    "name": f"Report {i}",
                    "plan_id": plan.id,
                    "deadline": date(2020, 6, 15),
                    "recipient_id": self.council.id,
                }
                for i in range(count // 10)
            ]
        )
        self._issue_plan(plan)
        self.assertEqual(len(plan.obligation_ids.submission_ids), count)
        return plan

    def _count_queries(self, method):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        with self._orm_chunks():
            method()
            self.env.flush_all()
        return self.cr.sql_log_count - before

    def _orm_chunks(self):
        """The ORM inserts and updates rows 100 at a time: a fixed chunk, not
        a query per record. Widen it so that the comparison shows the
        scheduled actions' own queries."""
        stack = ExitStack()
        stack.enter_context(patch("odoo.models.INSERT_BATCH_SIZE", 1000))
        stack.enter_context(patch("odoo.models.UPDATE_BATCH_SIZE", 1000))
        return stack

    def _assert_ceiling(self, name, count):
        """A fixed ceiling too, so that a constant regression is caught:
        measured in each kind of database make test uses, bare (the addon
        and its dependencies) or instance (contacts, calendar, event, hr,
        l10n_vn and portal too)."""
        hr = self.env["ir.module.module"].search([("name", "=", "hr")])
        kind = "instance" if hr.state == "installed" else "bare"
        _logger.info("query count of %s in a %s database: %s", name, kind, count)
        self.assertLessEqual(count, QUERY_CEILINGS[name][kind], f"{name}, {kind}")

    def test_query_count_reminders(self):
        self.plan.state = "closed"  # only the bench plans are due
        warm = self._make_submissions(10, "warm")
        with freeze_time("2020-06-08"):  # fill the caches (templates, refs)
            self.Obligation._cron_send_deadline_reminders()
        warm.state = "closed"
        plan10 = self._make_submissions(10)
        plan200 = self._make_submissions(200)
        with freeze_time("2020-06-08"):
            plan200.state = "closed"
            count10 = self._count_queries(self.Obligation._cron_send_deadline_reminders)
            plan200.state = "issued"
            plan10.state = "closed"
            count200 = self._count_queries(
                self.Obligation._cron_send_deadline_reminders
            )
        self.assertEqual(len(self._reminder_activities()), 220)
        self.assertEqual(count10, count200)
        self._assert_ceiling("reminders", count10)

    def test_query_count_overdue(self):
        self.plan.state = "closed"
        self._make_submissions(10, "warm")
        with freeze_time("2020-06-16"):  # fill the caches
            self.Obligation._cron_mark_overdue()
        plan10 = self._make_submissions(10)
        plan200 = self._make_submissions(200)
        with freeze_time("2020-06-16"):
            plan200.state = "closed"
            count10 = self._count_queries(self.Obligation._cron_mark_overdue)
            plan200.state = "issued"
            plan10.state = "closed"
            count200 = self._count_queries(self.Obligation._cron_mark_overdue)
        self.assertEqual(self.Submission.search_count([("is_overdue", "=", True)]), 220)
        self.assertEqual(count10, count200)
        self._assert_ceiling("overdue", count10)
