# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The tracker's counts in the deadline rush: two units filing the same
report at the same instant, each in his own transaction, both file and
both are counted (the triggers only insert: no row is shared, no
serialization error is logged); a fold running while a filing commits
loses nothing. The data is committed (the transactions must see it) and
archived at the end: run in a database of its own
(``--test-tags emulation_concurrency``); default runs skip it."""

import threading
import uuid

from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tests import tagged
from odoo.tests.common import BaseCase, get_db_name

from .concurrency_common import attach_report, create_issued_plan, create_officer


@tagged("-standard", "emulation_concurrency", "post_install", "-at_install")
class TestConcurrentTally(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())

    def _env(self, cr, uid=SUPERUSER_ID):
        # the registry's lock is held by the thread running the tests: give
        # the cursor its transaction instead of looking the registry up
        if cr.transaction is None:
            cr.transaction = api.Transaction(self.registry)
        return api.Environment(cr, uid, {})

    def _create_data(self):
        """A cluster of a leader and two member units, an issued plan with
        one report due, each member's submission with its file and an
        officer; committed."""
        tag = uuid.uuid4().hex[:8]
        with self.registry.cursor() as cr:
            env = self._env(cr)
            units, cluster, plan, obligation = create_issued_plan(
                env,
                tag,
                ("Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính"),
                "Cụm Thi đua kiểm đếm",
                "TALLY",
                "2/HD",
                "721/KH-CTĐ",
            )
            filings = []
            for index, unit in enumerate(units[1:]):
                submission = obligation.submission_ids.filtered(
                    lambda sub, unit=unit: sub.partner_id == unit
                )
                officer = create_officer(env, f"tally_{tag}_{index}", unit)
                attach_report(env, submission)
                filings.append((officer.id, submission.id))
            data = {
                "units": units.ids,
                "cluster": cluster.id,
                "plan": plan.id,
                "filings": filings,
            }
        self.addCleanup(self._archive_data, data)
        return data

    def _archive_data(self, data):
        with self.registry.cursor() as cr:
            env = self._env(cr)
            env["emulation.submission"].browse(
                [submission for __, submission in data["filings"]]
            ).active = False
            env["emulation.plan"].browse(data["plan"]).action_archive()
            env["emulation.cluster"].browse(data["cluster"]).active = False
            env["res.users"].browse(
                [officer for officer, __ in data["filings"]]
            ).active = False
            env["res.partner"].browse(data["units"]).active = False

    def _file(self, uid, submission_id, barrier, results, before_commit=None):
        """One officer's request: read the submission (his transaction
        begins), wait for the others, file it; ``before_commit`` waits for
        what must happen before the request commits."""
        with self.registry.cursor() as cr:
            env = self._env(cr, uid)
            submission = env["emulation.submission"].browse(submission_id)
            try:
                submission.read(["state"])  # the transaction's snapshot
                barrier.wait(timeout=30)
                submission.action_file()
                env.flush_all()
                if before_commit:
                    before_commit()
                results.append("done")
            except Exception as error:  # what the user would see as a crash
                cr.rollback()
                results.append(f"crash: {type(error).__name__}: {error}")

    def _counts(self, plan_id):
        """The tally's sums and the submissions' counts of the plan, by
        (unit, state), in a transaction of its own."""
        with self.registry.cursor() as cr:
            cr.execute(
                """
                SELECT partner_id, state, sum(count) FROM emulation_submission_tally
                 WHERE plan_id = %s GROUP BY partner_id, state HAVING sum(count) <> 0
                """,
                (plan_id,),
            )
            tally = {(unit, state): count for unit, state, count in cr.fetchall()}
            cr.execute(
                """
                SELECT partner_id, state, count(*) FROM emulation_submission
                 WHERE plan_id = %s AND active GROUP BY partner_id, state
                """,
                (plan_id,),
            )
            counted = {(unit, state): count for unit, state, count in cr.fetchall()}
        return tally, counted

    def _cluster_counts(self, plan_id):
        """The clusters' tally's sums and the submissions' counts of the
        plan, by status, in a transaction of its own."""
        with self.registry.cursor() as cr:
            cr.execute(
                """
                SELECT state, sum(count) FROM emulation_submission_cluster_tally
                 WHERE plan_id = %s GROUP BY state HAVING sum(count) <> 0
                """,
                (plan_id,),
            )
            tally = dict(cr.fetchall())
            cr.execute(
                """
                SELECT state, count(*) FROM emulation_submission
                 WHERE plan_id = %s AND active GROUP BY state
                """,
                (plan_id,),
            )
            counted = dict(cr.fetchall())
        return tally, counted

    def test_two_units_file_the_same_report_at_once(self):
        data = self._create_data()
        barrier = threading.Barrier(len(data["filings"]))
        results = []
        threads = [
            threading.Thread(
                target=self._file, args=(officer, submission, barrier, results)
            )
            for officer, submission in data["filings"]
        ]
        with self.assertNoLogs("odoo", level="ERROR"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=120)
        self.assertEqual(results, ["done", "done"])
        tally, counted = self._counts(data["plan"])
        self.assertEqual(tally, counted)
        filers = {unit for (unit, state) in tally if state == "filed"}
        self.assertEqual(filers, set(data["units"][1:]), "both filings counted")
        tally, counted = self._cluster_counts(data["plan"])
        self.assertEqual(tally, counted, "both filings counted by cluster")

    def test_fold_while_a_filing_commits(self):
        """The fold runs between a filing's counting and its commit: the
        filing's rows, invisible to the fold, are kept; the next fold sums
        them."""
        data = self._create_data()
        (officer, submission), __ = data["filings"]
        filed, folded = threading.Event(), threading.Event()
        results, folds = [], []

        def fold_now():
            filed.set()
            folded.wait(timeout=60)

        def fold():
            filed.wait(timeout=60)
            try:
                with self.registry.cursor() as cr:
                    folds.append(
                        self._env(cr)["emulation.submission.tally"]._cron_fold()
                    )
            finally:
                folded.set()

        filing = threading.Thread(
            target=self._file,
            args=(officer, submission, threading.Barrier(1), results, fold_now),
        )
        folding = threading.Thread(target=fold)
        with self.assertNoLogs("odoo", level="ERROR"):
            filing.start()
            folding.start()
            filing.join(timeout=120)
            folding.join(timeout=120)
        self.assertEqual(results, ["done"])
        self.assertEqual(len(folds), 1)
        self.assertGreater(folds[0], 0, "the fold found groups to fold")
        tally, counted = self._counts(data["plan"])
        self.assertEqual(tally, counted, "nothing lost")
        self.assertIn((data["units"][1], "filed"), tally)
        # and folded at last, sums unchanged
        with self.registry.cursor() as cr:
            self._env(cr)["emulation.submission.tally"]._cron_fold()
            cr.execute(
                """
                SELECT count(*) FROM emulation_submission_tally
                 WHERE plan_id = %s GROUP BY partner_id, state HAVING count(*) > 1
                """,
                (data["plan"],),
            )
            self.assertFalse(cr.fetchall(), "one row a group")
        self.assertEqual(self._counts(data["plan"]), (counted, counted))
        tally, counted = self._cluster_counts(data["plan"])
        self.assertEqual(tally, counted, "nothing lost by cluster")
