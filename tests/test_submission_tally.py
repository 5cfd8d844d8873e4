# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .test_submission import SubmissionCommon


@tagged("post_install", "-at_install")
class TestSubmissionTally(SubmissionCommon):
    def _tally(self, domain=None):
        """{(plan, unit, state): sum} of the tally, zero sums left out."""
        groups = self.env["emulation.submission.tally"]._read_group(
            domain or [], ["plan_id", "partner_id", "state"], ["count:sum"]
        )
        return {
            (plan.id, unit.id, state): count
            for plan, unit, state, count in groups
            if count
        }

    def _counted(self, domain=None):
        """{(plan, unit, state): count} of the active submissions."""
        groups = self.env["emulation.submission"]._read_group(
            domain or [], ["plan_id", "partner_id", "state"], ["__count"]
        )
        return {(plan.id, unit.id, state): count for plan, unit, state, count in groups}

    def _cluster_tally(self):
        """{(plan, cluster, state): sum} of the clusters' tally (the table
        itself), zero sums left out."""
        self.env.cr.execute(
            """
            SELECT plan_id, cluster_id, state, sum(count)
              FROM emulation_submission_cluster_tally
          GROUP BY plan_id, cluster_id, state
            HAVING sum(count) <> 0
            """
        )
        return {
            (plan, cluster, state): count
            for plan, cluster, state, count in self.env.cr.fetchall()
        }

    def _cluster_counted(self):
        """{(plan, cluster, state): count} of the active submissions."""
        groups = self.env["emulation.submission"]._read_group(
            [], ["plan_id", "cluster_id", "state"], ["__count"]
        )
        return {
            (plan.id, cluster.id, state): count
            for plan, cluster, state, count in groups
        }

    def assertTallyExact(self, msg=None):
        self.env.flush_all()
        self.assertTrue(self._counted(), "something to count")
        self.assertEqual(self._tally(), self._counted(), msg)
        self.assertEqual(self._cluster_tally(), self._cluster_counted(), msg)

    def test_tally_follows_every_move(self):
        """The tally counts the active submissions whatever they go
        through: created, filed, returned, filed again, accepted, archived,
        unarchived, moved to another unit, folded."""
        self.assertTallyExact("created by the plan's issue")
        self._file(self.sub_member3, self.user_officer, "2020-06-10")
        self._file(self.sub_deputy, self.user_deputy, "2020-06-11")
        self.assertTallyExact("filed")
        self._return(self.sub_member3, self.user_secretariat, "Thiếu chữ ký.")
        self.assertTallyExact("returned")
        self.sub_deputy.with_user(self.user_secretariat).action_accept()
        self.assertTallyExact("accepted")
        self.sub_member4.with_user(self.user_secretariat).action_archive()
        self.assertTallyExact("archived")
        self.sub_member4.with_user(self.user_secretariat).action_unarchive()
        self.assertTallyExact("unarchived")
        # a unit merged into another: its submissions change unit
        self.sub_member4.sudo().partner_id = self.unit_leader
        self.assertTallyExact("moved to another unit")
        # an obligation added to the issued plan: new submissions
        self.env["emulation.obligation"].create(
            {
                "name": "Báo cáo chuyên đề",
                "plan_id": self.plan.id,
                "deadline": date(2020, 9, 30),
            }
        )
        self.assertTallyExact("created")
        # a submission never filed, deleted
        extra = self.env["emulation.submission"].search(
            [("plan_id", "=", self.plan.id), ("state", "=", "to_file")], limit=1
        )
        extra.unlink()
        self.assertTallyExact("deleted")
        Tally = self.env["emulation.submission.tally"]
        rows_before = Tally.search_count([])
        sums = self._tally()
        self.assertGreater(Tally._fold(), 0)
        self.assertEqual(self._tally(), sums, "the fold changes no sum")
        groups = Tally._read_group(
            [], ["plan_id", "cluster_id", "partner_id", "state"], ["__count"]
        )
        self.assertEqual({count for *__, count in groups}, {1}, "one row a group")
        self.assertEqual(len(groups), len(self._counted()), "no zero row kept")
        self.assertLess(Tally.search_count([]), rows_before)
        self.env.cr.execute(
            """
            SELECT count(*) FROM emulation_submission_cluster_tally
          GROUP BY plan_id, cluster_id, state HAVING count(*) > 1 OR sum(count) = 0
            """
        )
        self.assertFalse(self.env.cr.fetchall(), "one row a group, none zero")
        self.assertEqual(self._cluster_tally(), self._cluster_counted())
        self.assertEqual(Tally._fold(), 0, "nothing left to fold")
        # counted again after the fold
        self._file(self.sub_member3, self.user_officer, "2020-06-20")
        self.assertTallyExact("filed again after the fold")

    def test_tally_rebuilt_equals_triggers(self):
        """The upgrade's count (one INSERT ... SELECT ... GROUP BY) gives
        what the triggers keep."""
        self._file(self.sub_member3, self.user_officer, "2020-06-10")
        self.env.flush_all()
        sums = self._tally()
        self.env["emulation.submission.tally"]._rebuild()
        self.assertEqual(self._tally(), sums)
        self.assertTallyExact()

    def test_tally_rules_mirror_the_submissions(self):
        """Each user reads the counts of the submissions he may read: the
        secretariat its clusters', an officer his unit's."""
        plan_other = self._create_plan(cluster=self.cluster_other)
        self.env["emulation.obligation"].create(
            {"name": "Báo cáo quý", "plan_id": plan_other.id, "deadline": "2020-04-15"}
        )
        self._issue_plan(plan_other)
        self._file(self.sub_member3, self.user_officer, "2020-06-10")
        self.env.flush_all()
        Tally = self.env["emulation.submission.tally"]
        for user in (
            self.user_secretariat,
            self.user_secretariat_other,
            self.user_officer,
            self.user_officer_other,
            self.user_manager,
            self.user_council,
        ):
            as_user = self.env(user=user)
            visible = {
                (plan, unit, state): count
                for plan, unit, state, count in as_user[
                    "emulation.submission.tally"
                ]._read_group([], ["plan_id", "partner_id", "state"], ["count:sum"])
                if count
            }
            readable = {
                (plan, unit, state): count
                for plan, unit, state, count in as_user[
                    "emulation.submission"
                ]._read_group([], ["plan_id", "partner_id", "state"], ["__count"])
            }
            if user != self.user_officer_other:  # a leader files nothing
                self.assertTrue(readable, user.login)
            self.assertEqual(visible, readable, user.login)
            # by cluster: the clusters' tally for whom it may answer
            by_cluster = {
                (cluster, state): count
                for cluster, state, count in as_user[
                    "emulation.submission.tally"
                ]._read_group([], ["cluster_id", "state"], ["count:sum"])
                if count
            }
            readable = {
                (cluster, state): count
                for cluster, state, count in as_user[
                    "emulation.submission"
                ]._read_group([], ["cluster_id", "state"], ["__count"])
            }
            self.assertEqual(by_cluster, readable, user.login)
        # who reads the clusters' tally: not an officer (his rule names his
        # unit), nor a read that names the unit
        for user, routed in (
            (self.user_manager, True),
            (self.user_council, True),
            (self.user_officer, False),
        ):
            self.assertEqual(
                Tally.with_user(user)._reads_by_cluster(
                    [("is_latest_plan", "=", True)],
                    ["cluster_id", "state"],
                    ["__count", "count:sum"],
                    (),
                    "cluster_id,state",
                ),
                routed,
                user.login,
            )
        self.assertFalse(
            Tally.with_user(self.user_manager)._reads_by_cluster(
                [("partner_id", "=", self.unit_member3.id)], ["state"], [], (), None
            )
        )
        # another cluster's secretariat reads none of this cluster's rows
        self.assertFalse(
            Tally.with_user(self.user_secretariat_other).search(
                [("cluster_id", "=", self.cluster.id)]
            )
        )
        self.assertEqual(
            Tally.with_user(self.user_officer).search([]).partner_id,
            self.unit_member3,
        )

    def test_tally_is_read_only(self):
        """Rows are the database's: no user creates, changes or deletes
        one, the manager included."""
        self.env.flush_all()
        row = self.env["emulation.submission.tally"].search(
            [("plan_id", "=", self.plan.id)], limit=1
        )
        for user in (self.user_secretariat, self.user_manager, self.user_officer):
            Tally = self.env["emulation.submission.tally"].with_user(user)
            with self.assertRaises(AccessError):
                Tally.create(
                    {
                        "plan_id": self.plan.id,
                        "cluster_id": self.cluster.id,
                        "partner_id": self.unit_member3.id,
                        "state": "accepted",
                        "count": 100,
                    }
                )
            with self.assertRaises(AccessError):
                row.with_user(user).write({"count": 100})
            with self.assertRaises(AccessError):
                row.with_user(user).unlink()

    def test_tracker_opens_on_the_tally(self):
        """The menu opens the tally's pivot: units by status for the
        secretariat, clusters by status for the manager, in a constant
        number of queries whatever the number of units; a row opens the
        submissions it counts."""
        menu = self.env.ref("emulation_cluster.emulation_submission_menu_tracker")
        for user, rows in (
            (self.user_secretariat, ["partner_id"]),
            (self.user_manager, ["cluster_id"]),
        ):
            action = menu.action.with_user(user).run()
            self.assertEqual(action["res_model"], "emulation.submission.tally")
            self.assertEqual(action["view_mode"].split(",")[0], "pivot")
            self.assertEqual(action["context"]["pivot_row_groupby"], rows)
            # the action as _for_xml_id reads it, but for the context
            stored = (
                self.env["ir.actions.act_window"]
                .with_user(user)
                ._for_xml_id("emulation_cluster.emulation_submission_tally_action")
            )
            self.assertEqual(
                {key: value for key, value in action.items() if key != "context"},
                {key: value for key, value in stored.items() if key != "context"},
            )
        Tally = self.env["emulation.submission.tally"].with_user(self.user_secretariat)
        domain = [("is_latest_plan", "=", True)]

        def first_screen():
            self.env.invalidate_all()
            return [
                Tally.read_group(domain, ["count:sum"], groupby, lazy=False)
                for groupby in ([], ["partner_id"], ["state"], ["partner_id", "state"])
            ]

        first_screen()  # caches (the user's groups and rules)
        with self.assertQueryCount(5):
            screen = first_screen()
        cells = {
            (group["partner_id"][0], group["state"]): group["count"]
            for group in screen[3]
            if group["count"]
        }
        self.assertEqual(
            cells,
            {
                (unit, state): count
                for (__, unit, state), count in self._counted(
                    [("plan_id", "=", self.plan.id)]
                ).items()
            },
        )
        # more units: as many queries
        newcomers = self.env["res.partner"].create(
            [{"name": f"Đơn vị mới {n}", "is_company": True} for n in range(5)]
        )
        self.cluster.membership_ids = [
            Command.create({"partner_id": unit.id, "date_start": date(2020, 1, 1)})
            for unit in newcomers
        ]
        self.plan.obligation_ids._create_missing_submissions()
        self.env.flush_all()
        first_screen()
        with self.assertQueryCount(5):
            screen = first_screen()
        self.assertTrue(
            newcomers
            & self.env["res.partner"].browse(
                [group["partner_id"][0] for group in screen[1]]
            )
        )
        # the drill-down: a row opens the submissions it counts
        row = Tally.search(
            [("partner_id", "=", self.unit_member3.id), ("state", "=", "to_file")],
            limit=1,
        )
        action = row.action_open_submissions()
        self.assertEqual(action["res_model"], "emulation.submission")
        opened = (
            self.env["emulation.submission"]
            .with_user(self.user_secretariat)
            .search(action["domain"])
        )
        self.assertEqual(opened.partner_id, self.unit_member3)
        self.assertEqual(set(opened.mapped("state")), {"to_file"})
        self.assertEqual(opened.plan_id, row.plan_id)
        # the manager's screen, clusters by status: the same counts as the
        # submissions', read from the clusters' tally
        Tally = self.env["emulation.submission.tally"].with_user(self.user_manager)
        self.assertTrue(
            Tally._reads_by_cluster(
                domain, ["cluster_id", "state"], ["__count", "count:sum"], (), None
            )
        )
        screen = [
            Tally.read_group(domain, ["count:sum"], groupby, lazy=False)
            for groupby in ([], ["cluster_id"], ["state"], ["cluster_id", "state"])
        ]
        Submission = self.env["emulation.submission"].with_user(self.user_manager)
        self.assertEqual(
            {
                (group["cluster_id"][0], group["state"]): group["count"]
                for group in screen[3]
                if group["count"]
            },
            {
                (cluster.id, state): count
                for cluster, state, count in Submission._read_group(
                    domain, ["cluster_id", "state"], ["__count"]
                )
            },
        )
        self.assertEqual(screen[0][0]["count"], Submission.search_count(domain))

    def test_a_clients_context_never_routes_a_read(self):
        """The routing to the clusters' tally is the server's: a client that
        sends its context key reads the units' rows its rules allow, the
        same as without it, and no error."""
        self.env.flush_all()
        for user, groupby in (
            (self.user_officer, ["partner_id", "state"]),
            (self.user_secretariat, ["partner_id", "state"]),
            (self.user_manager, ["cluster_id", "state"]),
        ):
            Tally = self.env["emulation.submission.tally"].with_user(user)
            plain = Tally.read_group([], ["count:sum"], groupby, lazy=False)
            sent = Tally.with_context(emulation_tally_by_cluster=True).read_group(
                [], ["count:sum"], groupby, lazy=False
            )
            self.assertEqual(sent, plain)
            self.assertEqual(
                Tally.with_context(emulation_tally_by_cluster=True).search([]),
                Tally.search([]),
            )
