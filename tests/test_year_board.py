# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The year at a glance (the secretariat's first screen) and the council's
first screen: each count equals the records its click opens, only the
clusters the user serves, a query count that does not grow with units."""

import base64
from ast import literal_eval
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..models.emulation_board_mixin import BOARD_COUNTS
from .test_proposal import ProposalCommon


@tagged("post_install", "-at_install")
class TestYearBoard(ProposalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.report = cls.env["emulation.obligation"].create(
            {
                "name": "Báo cáo 6 tháng (bảng năm)",
                "plan_id": cls.plan.id,
                "deadline": date(2020, 6, 15),
            }
        )
        subs = {s.partner_id: s for s in cls.report.submission_ids}
        # member 3 files on time, the deputy late, member 4 never
        for unit, user, day in (
            (cls.unit_member3, cls.user_officer, "2020-06-10"),
            (cls.unit_deputy, cls.user_deputy, "2020-06-20"),
        ):
            submission = subs[unit]
            with freeze_time(day):
                attachment = (
                    cls.env["ir.attachment"]
                    .with_user(user)
                    .create(
                        {
                            "name": "bao-cao.pdf",
                            "datas": base64.b64encode(b"%PDF-1.4 test"),
                            "res_model": "emulation.submission",
                            "res_id": submission.id,
                        }
                    )
                )
                submission.with_user(user).write(
                    {"attachment_ids": [Command.link(attachment.id)]}
                )
                submission.with_user(user).action_file()
        with freeze_time("2020-06-17"):
            cls.env["emulation.obligation"]._cron_mark_overdue()
        cls.sub_member4 = subs[cls.unit_member4]
        cls.flag_poll.with_user(cls.user_secretariat).action_create_proposals()

    def _board(self, user, model="emulation.year.board"):
        return self.env[model].with_user(user).search([("plan_id", "=", self.plan.id)])

    def _opened(self, row, key):
        action = row.with_context(board_count=key).action_open_count()
        Model = self.env[action["res_model"]].with_user(row.env.user)
        return Model.search(action["domain"])

    def test_each_count_opens_its_records(self):
        """Every count of the plan's card and of each unit's row equals the
        number of records its click opens, and some say what happened."""
        board = self._board(self.user_secretariat)
        self.assertEqual(len(board), 1)
        for key in BOARD_COUNTS:
            self.assertEqual(
                len(self._opened(board, key)), board[key], f"plan card: {key}"
            )
        # the six-month report: member 3 on time, the deputy late, member 4
        # missing (the self-scoring filings of the scoring tests add theirs)
        on_time = self._opened(board, "report_on_time")
        late = self._opened(board, "report_late")
        missing = self._opened(board, "report_missing")
        mid_year = self.report.submission_ids
        self.assertEqual((on_time & mid_year).partner_id, self.unit_member3)
        self.assertEqual((late & mid_year).partner_id, self.unit_deputy)
        self.assertEqual(missing & mid_year, self.sub_member4)
        self.assertEqual(board.scorecard_agreed, 4)
        self.assertEqual(board.poll_closed, 1)
        self.assertEqual(board.proposal_count, 1)
        self.assertEqual(board.unit_count, 4)
        units = self._board(self.user_secretariat, "emulation.year.board.unit")
        self.assertEqual(units.partner_id, self.plan.member_unit_ids)
        for row in units:
            for key in BOARD_COUNTS:
                if key in row._fields:
                    self.assertEqual(
                        len(self._opened(row, key)),
                        row[key],
                        f"{row.partner_id.name}: {key}",
                    )
        # stable ids that XML-RPC clients can read (32-bit integers)
        self.assertTrue(all(0 < row_id < 2**31 for row_id in units.ids))
        self.assertEqual(
            self.env["emulation.year.board.unit"].browse(units.ids).partner_id,
            units.partner_id,
        )
        by_unit = {row.partner_id: row for row in units}
        self.assertEqual(by_unit[self.unit_member3].report_on_time, 1)
        self.assertEqual(by_unit[self.unit_member3].proposal_count, 1)
        self.assertEqual(by_unit[self.unit_leader].proposal_count, 0)
        self.assertEqual(by_unit[self.unit_member4].report_missing, 1)
        self.assertEqual(
            self._opened(by_unit[self.unit_member4], "report_missing"),
            self.sub_member4,
        )
        self.assertEqual(by_unit[self.unit_member4].scorecard_state, "agreed")

    def test_letter_on_the_board(self):
        """A letter being prepared shows on the plan's card."""
        proposal = self.env["emulation.award.proposal"].search(
            [("poll_id", "=", self.flag_poll.id)]
        )
        self._letter(proposal)
        board = self._board(self.user_secretariat)
        self.assertEqual(board.letter_draft, 1)

    def test_only_the_clusters_served(self):
        """Another cluster's secretariat sees neither the card nor the
        units; an officer has no board at all."""
        self.assertFalse(self._board(self.user_secretariat_other))
        self.assertFalse(
            self._board(self.user_secretariat_other, "emulation.year.board.unit")
        )
        self.assertTrue(self._board(self.user_council))
        with self.assertRaises(AccessError):
            self._board(self.user_officer)

    def test_unknown_count_refused(self):
        board = self._board(self.user_secretariat)
        with self.assertRaises(UserError):
            board.with_context(board_count="state").action_open_count()

    def test_first_screens(self):
        """The app opens on the year for the secretariat and on what awaits
        a decision for the council."""
        Menu = self.env["ir.ui.menu"]
        root = self.env.ref("emulation_cluster.menu_root")
        for user, action in (
            (self.user_secretariat, "emulation_cluster.emulation_year_board_action"),
            (
                self.user_council,
                "emulation_cluster.emulation_award_proposal_action_council",
            ),
            (self.user_officer, "emulation_cluster.emulation_unit_duty_action"),
        ):
            menus = Menu.with_user(user).load_web_menus(False)
            self.assertEqual(
                menus[root.id]["actionID"], self.env.ref(action).id, user.login
            )

    def test_council_sees_what_awaits_it_oldest_first(self):
        council_action = self.env.ref(
            "emulation_cluster.emulation_award_proposal_action_council"
        )
        proposal = self.env["emulation.award.proposal"].search(
            [("poll_id", "=", self.flag_poll.id)]
        )
        Proposal = self.env["emulation.award.proposal"].with_user(self.user_council)
        domain = [("plan_id", "=", self.plan.id)] + literal_eval(council_action.domain)
        self.assertFalse(Proposal.search(domain))
        proposal.state = "submitted"
        self.assertEqual(Proposal.search(domain), proposal)

    def test_secretariat_and_council_export(self):
        export = self.env.ref("base.group_allow_export")
        for user in (self.user_secretariat, self.user_council, self.user_manager):
            self.assertIn(export, user.groups_id, user.login)
        self.assertNotIn(export, self.user_officer.groups_id)

    def test_query_count_does_not_grow_with_units(self):
        """Reading the board's cards and the units' rows costs the same for
        5 and for 50 member units."""
        Partner = self.env["res.partner"]

        def plan_with(count, year):
            cluster = self.env["emulation.cluster"].create(
                {
                    "name": f"Cụm bảng năm {count}",
                    "kind": "cluster",
                    "level": "ministry",
                    "council_id": self.council.id,
                    "secretariat_user_ids": [Command.link(self.user_secretariat.id)],
                    "membership_ids": [
                        Command.create(
                            {
                                "partner_id": Partner.create(
                                    {"name": f"Đơn vị {count}-{i}", "is_company": True}
                                ).id,
                                "date_start": date(2019, 1, 1),
                            }
                        )
                        for i in range(count)
                    ],
                }
            )
            plan = self._create_plan(cluster=cluster, year=year)
            self.env["emulation.obligation"].create(
                {"name": "Báo cáo", "plan_id": plan.id, "deadline": date(year, 6, 1)}
            )
            self._issue_plan(plan)
            return plan

        fields_card = list(BOARD_COUNTS) + ["plan_id", "cluster_id", "unit_count"]
        fields_unit = [
            f
            for f in self.env["emulation.year.board.unit"]._fields
            if f != "display_name"
        ]
        counts = {}
        # the rules and the fields' metadata, read once per worker
        self.env["emulation.year.board"].with_user(self.user_secretariat).search_read(
            [], fields_card, limit=1
        )
        self.env["emulation.year.board.unit"].with_user(
            self.user_secretariat
        ).search_read([], fields_unit, limit=1)
        for count, year in ((5, 2031), (50, 2032)):
            plan = plan_with(count, year)
            self.env.flush_all()
            self.env.invalidate_all()
            Card = self.env["emulation.year.board"].with_user(self.user_secretariat)
            Unit = self.env["emulation.year.board.unit"].with_user(
                self.user_secretariat
            )
            queries_before = self.cr.sql_log_count
            Card.search_read([("plan_id", "=", plan.id)], fields_card)
            rows = Unit.search_read([("plan_id", "=", plan.id)], fields_unit)
            counts[count] = self.cr.sql_log_count - queries_before
            self.assertEqual(len(rows), count)
        self.assertEqual(counts[5], counts[50], counts)
        self.assertLessEqual(counts[50], 12, counts)
