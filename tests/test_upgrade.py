# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What must hold of the data in any database, a fresh one as one upgraded
from the previous release. Tagged ``emulation_upgrade``: after the upgrade,
make test runs these (and counts the rows) rather than the whole suite, whose
other tests make their own data."""

from odoo.modules.module import get_manifest
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL


@tagged("post_install", "-at_install", "emulation_upgrade")
class TestUpgradedDatabase(TransactionCase):
    def test_addon_is_at_this_version(self):
        module = self.env["ir.module.module"].search(
            [("name", "=", "emulation_cluster")]
        )
        self.assertEqual(module.state, "installed")
        self.assertEqual(
            module.latest_version, get_manifest("emulation_cluster")["version"]
        )

    def test_registration_lines_name_an_award_type_or_are_flagged(self):
        """Every registration line names an award type for its kind of
        beneficiary, or keeps a text flagged "Title to Match" (the upgrade
        to 18.0.1.3.0 matches the older free-text titles)."""
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT l.id, l.award_name
              FROM emulation_registration_line l
              LEFT JOIN emulation_award_type t ON t.id = l.award_type_id
             WHERE CASE WHEN l.award_type_id IS NULL
                        THEN btrim(coalesce(l.award_name, '')) = ''
                             OR l.award_type_to_match IS NOT TRUE
                        ELSE l.award_type_to_match
                             OR t.beneficiary IS DISTINCT FROM l.beneficiary_kind
                   END
            """
        )
        self.assertFalse(self.env.cr.fetchall())

    def test_record_rules_follow_the_code(self):
        """No record rule of the addon is noupdate: a fix reaches every
        database on upgrade."""
        frozen = self.env["ir.model.data"].search(
            [
                ("module", "=", "emulation_cluster"),
                ("model", "=", "ir.rule"),
                ("noupdate", "=", True),
            ]
        )
        self.assertFalse(frozen.mapped("name"))

    def test_each_role_has_its_first_screen(self):
        """The demo's secretariat lands on the year at a glance and its
        council on what awaits a decision (set by the upgrade to 18.0.1.5.0
        in a database made before)."""
        for xmlid, action in (
            (
                "emulation_cluster.user_secretariat_demo",
                "emulation_cluster.emulation_year_board_action",
            ),
            (
                "emulation_cluster.user_council_demo",
                "emulation_cluster.emulation_award_proposal_action_council",
            ),
        ):
            user = self.env.ref(xmlid, raise_if_not_found=False)
            if user:
                self.assertEqual(user.action_id.id, self.env.ref(action).id, xmlid)

    def test_scheduled_actions_call_their_model(self):
        """Each scheduled action of the addon (noupdate: an upgrade keeps
        them) calls a method its model has: the reminders run on the model
        whose records they select (the upgrade to 18.0.1.5.0 moves them)."""
        crons = self.env["ir.model.data"].search(
            [("module", "=", "emulation_cluster"), ("model", "=", "ir.cron")]
        )
        self.assertTrue(crons)
        for cron in self.env["ir.cron"].browse(crons.mapped("res_id")):
            method = cron.code.strip().removeprefix("model.").split("(")[0]
            self.assertTrue(
                callable(getattr(self.env[cron.model_id.model], method, None)),
                f"{cron.cron_name}: {cron.model_id.model}.{method}",
            )
        moved = self.env.ref("emulation_cluster.ir_cron_proposal_reminders")
        self.assertEqual(moved.model_id.model, "emulation.rule.award")

    def test_secret_ballots_name_no_unit(self):
        """No secret ballot names its unit, its written mark or who entered
        it, no ballot has Odoo's log columns, and in every poll the ballots
        of the round are as many as the voters flagged for it (the upgrade
        to 18.0.1.5.0 flags the voters and strips the ballots)."""
        self.env.flush_all()
        cr = self.env.cr
        cr.execute(
            """
            SELECT b.id
              FROM emulation_ballot b
              JOIN emulation_poll p ON p.id = b.poll_id
             WHERE p.is_secret
               AND (b.partner_id IS NOT NULL OR b.entered_by_id IS NOT NULL
                    OR b.is_written)
            """
        )
        self.assertFalse(cr.fetchall())
        cr.execute(
            """
            SELECT column_name FROM information_schema.columns
             WHERE table_name = 'emulation_ballot'
               AND column_name IN ('create_uid', 'create_date', 'write_uid',
                                   'write_date')
            """
        )
        self.assertFalse(cr.fetchall())
        cr.execute(
            """
            SELECT p.id,
                   (SELECT count(*) FROM emulation_ballot b
                     WHERE b.poll_id = p.id AND b.round = p.round),
                   (SELECT count(*) FROM emulation_poll_voter v
                     WHERE v.poll_id = p.id AND v.voted_round = p.round)
              FROM emulation_poll p
            """
        )
        self.assertEqual(
            [row for row in cr.fetchall() if row[1] != row[2]],
            [],
            "poll, ballots, voters",
        )

    def test_submission_tally_counts_the_submissions(self):
        """The tracker's tallies sum, per plan, unit (or cluster) and
        status, to the active submissions (filled once by the upgrade in a
        database made before them, kept by the triggers since)."""
        self.env.flush_all()
        for table, group in (
            ("emulation_submission_tally", ("plan_id", "partner_id", "state")),
            ("emulation_submission_cluster_tally", ("plan_id", "cluster_id", "state")),
        ):
            columns = SQL(", ").join(map(SQL.identifier, group))
            self.env.cr.execute(
                SQL(
                    """
                SELECT * FROM (
                       SELECT %(columns)s, sum(count) AS counted
                         FROM %(table)s
                     GROUP BY %(columns)s
                       HAVING sum(count) <> 0
                     ) tally
                FULL JOIN (
                       SELECT %(columns)s, count(*) AS counted
                         FROM emulation_submission
                        WHERE active
                     GROUP BY %(columns)s
                     ) submissions USING (%(columns)s)
                 WHERE tally.counted IS DISTINCT FROM submissions.counted
                    """,
                    columns=columns,
                    table=SQL.identifier(table),
                )
            )
            self.assertFalse(self.env.cr.fetchall(), table)
