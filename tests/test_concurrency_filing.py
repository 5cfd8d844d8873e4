# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Ten officers filing the same submission at once, each in his own
transaction, as ten browsers would: one files it, the others are told in
Vietnamese that it was just filed. The data is committed (the transactions
must see it) and archived at the end: run in a database of its own
(``--test-tags emulation_concurrency``); default runs skip it."""

import threading
import uuid

from odoo import SUPERUSER_ID, api
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.tests import tagged
from odoo.tests.common import BaseCase, get_db_name

from .concurrency_common import attach_report, create_issued_plan, create_officer

OFFICERS = 10


@tagged("-standard", "emulation_concurrency", "post_install", "-at_install")
class TestConcurrentFiling(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        # the officers read Vietnamese, whatever languages the database has
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            if not env["res.lang"]._lang_get("vi_VN"):
                env["res.lang"]._activate_lang("vi_VN")
                env["ir.module.module"]._load_module_terms(
                    ["emulation_cluster"], ["vi_VN"], overwrite=True
                )

    def _env(self, cr, uid=SUPERUSER_ID):
        # the registry's lock is held by the thread running the tests: give
        # the cursor its transaction instead of looking the registry up
        if cr.transaction is None:
            cr.transaction = api.Transaction(self.registry)
        return api.Environment(cr, uid, {"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"})

    def _create_data(self):
        """A cluster of two units, an issued plan with one report due, the
        deputy unit's submission with its file, and ten officers of that
        unit; committed."""
        tag = uuid.uuid4().hex[:8]
        with self.registry.cursor() as cr:
            env = self._env(cr)
            units, cluster, plan, obligation = create_issued_plan(
                env,
                tag,
                ("Sở Nội vụ Trưởng", "Sở Nội vụ Phó"),
                "Cụm Thi đua đồng thời",
                "CONC",
                "1/HD",
                "720/KH-CTĐ",
            )
            submission = obligation.submission_ids.filtered(
                lambda sub: sub.partner_id == units[1]
            )
            officers = env["res.users"]
            for index in range(OFFICERS):
                officers |= create_officer(
                    env, f"conc_{tag}_{index}", units[1], lang="vi_VN"
                )
            attach_report(env, submission)
            data = {
                "units": units.ids,
                "cluster": cluster.id,
                "plan": plan.id,
                "submission": submission.id,
                "officers": officers.ids,
            }
        self.addCleanup(self._archive_data, data)
        return data

    def _archive_data(self, data):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            env["emulation.submission"].browse(data["submission"]).active = False
            env["emulation.plan"].browse(data["plan"]).action_archive()
            env["emulation.cluster"].browse(data["cluster"]).active = False
            env["res.users"].browse(data["officers"]).active = False
            env["res.partner"].browse(data["units"]).active = False

    def _file(self, uid, submission_id, barrier, results):
        """One officer's request: read the submission (his transaction
        begins), wait for the others, file it."""
        with self.registry.cursor() as cr:
            env = self._env(cr, uid)
            submission = env["emulation.submission"].browse(submission_id)
            try:
                submission.read(["state"])  # the transaction's snapshot
                barrier.wait(timeout=30)
                submission.action_file()
                # committed when the cursor closes, as a request's
                results.append(("done", ""))
            except UserError as refusal:
                cr.rollback()
                results.append(("refused", str(refusal)))
            except Exception as error:  # what the user would see as a crash
                cr.rollback()
                results.append(("crash", f"{type(error).__name__}: {error}"))

    def test_ten_officers_file_at_once(self):
        data = self._create_data()
        barrier = threading.Barrier(OFFICERS)
        results = []
        threads = [
            threading.Thread(
                target=self._file, args=(uid, data["submission"], barrier, results)
            )
            for uid in data["officers"]
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        outcomes = [outcome for outcome, __ in results]
        self.assertEqual(len(results), OFFICERS, results)
        self.assertNotIn("crash", outcomes, results)
        self.assertEqual(outcomes.count("done"), 1, results)
        for outcome, message in results:
            if outcome == "refused":
                self.assertIn("vừa được nộp", message, message)
                self.assertNotIn("follow", message)
        with self.registry.cursor() as cr:
            env = self._env(cr)
            submission = env["emulation.submission"].browse(data["submission"])
            self.assertEqual(submission.state, "filed")
            self.assertEqual(len(submission.round_ids), 1)
            filer = submission.filed_by_id.partner_id
            self.assertEqual(
                len(
                    submission.message_follower_ids.filtered(
                        lambda follower: follower.partner_id == filer
                    )
                ),
                1,
            )
