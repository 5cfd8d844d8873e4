# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Two reminder passes at once, on committed data.

Not a TransactionCase: each pass runs in a transaction of its own, as two
cron workers (or a worker and "Run Manually") would. Tagged out of the
standard runs; the gate runs it in a database of its own, since it commits.
"""

import logging
import uuid
from datetime import date

from freezegun import freeze_time

from odoo import SUPERUSER_ID, Command, api
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged

UNITS = 6


@tagged("-standard", "emulation_concurrency", "post_install", "-at_install")
class TestConcurrentReminderPasses(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        cls.tag = uuid.uuid4().hex[:8]
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            cls.obligation_id = cls._make_overdue_obligation(env).id

    @classmethod
    def _make_overdue_obligation(cls, env):
        """An issued 2020 plan of a new cluster, whose report was due on
        15/6/2020 and filed by nobody."""
        units = env["res.partner"].create(
            [
                {"name": f"Sở Nội vụ {cls.tag} số {i}", "is_company": True}
                for i in range(UNITS)
            ]
        )
        secretariat = env["res.users"].create(
            {
                "name": f"Văn phòng Cụm {cls.tag}",
                "login": f"conc_secretariat_{cls.tag}",
                "groups_id": [
                    Command.link(env.ref("emulation_cluster.group_secretariat").id)
                ],
            }
        )
        secretariat.partner_id.parent_id = units[0]
        cluster = env["emulation.cluster"].create(
            {
                "secretariat_user_ids": [Command.link(secretariat.id)],
                "name": f"Cụm thử song song {cls.tag}",
                "code": f"CONC-{cls.tag}",
                "kind": "cluster",
                "level": "ministry",
                "membership_ids": [
                    Command.create(
                        {"partner_id": unit.id, "date_start": date(2019, 1, 1)}
                    )
                    for unit in units
                ],
            }
        )
        guidance = env["emulation.document"].create(
            {
                "name": f"462/BNV-VP ({cls.tag})",
                "document_type": "official_letter",
                "date": date(2020, 1, 31),
                "issuer_name": "Bộ Nội vụ",
            }
        )
        plan = env["emulation.plan"].create(
            {
                "name": f"Kế hoạch {cls.tag} năm 2020",
                "cluster_id": cluster.id,
                "year": 2020,
                "number": "790/KH-CTĐ",
                "issue_date": date(2020, 3, 26),
                "issue_place": "Hải Phòng",
                "leader_id": units[0].id,
                "deputy_id": units[1].id,
                "purpose": "<p>Đẩy mạnh phong trào thi đua.</p>",
                "signer_title": "GIÁM ĐỐC",
                "signer_name": "Nguyễn Văn Ký",
                "basis_ids": [
                    Command.create(
                        {"document_id": guidance.id, "citation_mode": "implementing"}
                    )
                ],
            }
        )
        obligation = env["emulation.obligation"].create(
            {
                "name": "Báo cáo sơ kết 6 tháng",
                "plan_id": plan.id,
                "kind": "mid_year_report",
                "deadline": date(2020, 6, 15),
            }
        )
        plan.action_issue()
        return obligation

    def _overdue_logs(self, env):
        submissions = env["emulation.submission"].search(
            [("obligation_id", "=", self.obligation_id)]
        )
        logs = env["emulation.reminder.log"].search(
            [
                ("kind", "=", "overdue"),
                ("res_model", "=", "emulation.submission"),
                ("res_id", "in", submissions.ids),
            ]
        )
        return submissions, logs

    def test_two_passes_at_once_log_no_error_and_send_nothing_twice(self):
        with (
            freeze_time("2020-06-16 02:00:00"),
            self.assertNoLogs("odoo", level=logging.ERROR),
            self.registry.cursor() as cr_first,
            self.registry.cursor() as cr_second,
        ):
            first = api.Environment(cr_first, SUPERUSER_ID, {})
            second = api.Environment(cr_second, SUPERUSER_ID, {})
            # the second worker has read something already: its snapshot
            # predates what the first one commits
            cr_second.execute("SELECT 1")
            self.assertGreater(first["emulation.obligation"]._cron_mark_overdue(), 0)
            # while the first pass runs, the second gives up at once
            self.assertEqual(second["emulation.obligation"]._cron_mark_overdue(), 0)
            cr_first.commit()
            # the first one committed after the second's snapshot was taken:
            # the second still gives up, without a serialization error
            self.assertEqual(second["emulation.obligation"]._cron_mark_overdue(), 0)
            cr_second.rollback()
            # a later pass finds nothing left to do
            self.assertEqual(second["emulation.obligation"]._cron_mark_overdue(), 0)
            cr_second.commit()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            submissions, logs = self._overdue_logs(env)
            self.assertTrue(submissions)
            self.assertTrue(all(submissions.mapped("is_overdue")))
            # one log row per submission: nothing sent twice, nothing lost
            self.assertEqual(sorted(logs.mapped("res_id")), sorted(submissions.ids))
            overdue_type = env.ref("emulation_cluster.mail_activity_type_overdue")
            summaries = env["mail.activity"].search(
                [
                    ("res_model", "=", "emulation.obligation"),
                    ("res_id", "=", self.obligation_id),
                    ("activity_type_id", "=", overdue_type.id),
                ]
            )
            self.assertEqual(len(summaries), 1, "one summary for the secretariat")
