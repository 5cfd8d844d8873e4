# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The deadline e-mail one can act on: it names the unit, the report, its
deadline with the days left, and links to the filing through Odoo's record
link, which asks to log in first."""

from urllib.parse import unquote

from freezegun import freeze_time

from odoo.tests import HttpCase, tagged

from .test_submission import SubmissionCommon


@tagged("post_install", "-at_install")
class TestReminderMail(HttpCase, SubmissionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_vietnamese()
        (cls.unit_deputy | cls.unit_member4).lang = "vi_VN"
        cls.user_deputy.lang = "vi_VN"

    def _mail_to(self, unit):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "emulation.submission"),
                ("res_id", "=", self.sub_deputy.id if unit == self.unit_deputy else 0),
                ("message_type", "=", "email_outgoing"),
            ]
        )

    def test_reminder_names_the_unit_and_links_to_the_filing(self):
        with freeze_time("2020-06-08 02:00:00"):  # 7 days before 15/6
            self.env["emulation.obligation"]._cron_send_deadline_reminders()
        mail = self._mail_to(self.unit_deputy)
        self.assertEqual(len(mail), 1)
        body = mail.body_html
        self.assertIn(f"Kính gửi: {self.unit_deputy.name}", body)
        self.assertIn(self.ob_mid.name, body)
        self.assertIn("15/06/2020", body)
        self.assertIn("còn 7 ngày", body)
        self.assertNotIn("Kính gửi quý đơn vị", body)
        link = f"/mail/view?model=emulation.submission&amp;res_id={self.sub_deputy.id}"
        self.assertIn(link, body)
        path = link.replace("&amp;", "&")
        # not logged in: Odoo asks to log in, then goes on to the filing
        response = self.url_open(path, allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])
        self.assertIn(
            f"res_id={self.sub_deputy.id}", unquote(response.headers["Location"])
        )
        # logged in as the unit's officer: straight to the filing
        self.authenticate(self.user_deputy.login, self.user_deputy.login)
        response = self.url_open(path, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn(
            f"emulation.submission/{self.sub_deputy.id}",
            response.headers["Location"],
        )

    def test_last_day_in_words(self):
        with freeze_time("2020-06-14 02:00:00"):
            self.ob_mid.reminder_offsets = "1"
            self.env["emulation.obligation"]._cron_send_deadline_reminders()
        mail = self._mail_to(self.unit_deputy)
        self.assertIn("còn 1 ngày", mail.body_html)
