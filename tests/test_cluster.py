# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import EmulationCommon


@tagged("post_install", "-at_install")
class TestCluster(EmulationCommon):
    def test_members_at_date_follow_membership_history(self):
        """A merger ends a membership: history survives, the successor is named."""
        membership = self.cluster.membership_ids.filtered(
            lambda m: m.partner_id == self.unit_member4
        )
        membership.write({"date_end": date(2025, 6, 30), "unit_name": "Sở cũ"})
        self.unit_member4.emulation_successor_id = self.unit_leader
        self.assertIn(
            self.unit_member4, self.cluster._get_members_at(date(2020, 3, 26))
        )
        self.assertNotIn(
            self.unit_member4, self.cluster._get_members_at(date(2025, 7, 1))
        )
        self.assertEqual(self.unit_leader.emulation_predecessor_ids, self.unit_member4)
        self.assertIn("Sở cũ", membership.display_name)
        members = (self.cluster | self.cluster_other)._get_members_by_cluster(
            date(2020, 1, 1)
        )
        self.assertEqual(len(members[self.cluster.id]), 4)
        self.assertEqual(len(members[self.cluster_other.id]), 2)

    def test_membership_cannot_end_before_it_starts(self):
        membership = self.cluster.membership_ids[0]
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                membership.date_end = date(2018, 12, 31)
        self.assertFalse(membership.date_end)

    def test_overlapping_memberships_refused(self):
        Membership = self.env["emulation.cluster.membership"]
        with self.assertRaises(ValidationError):
            Membership.create(
                {
                    "cluster_id": self.cluster.id,
                    "partner_id": self.unit_member3.id,
                    "date_start": date(2020, 1, 1),
                }
            )
        # after the running membership ends, the unit may join again
        running = self.cluster.membership_ids.filtered(
            lambda m: m.partner_id == self.unit_member3
        )
        running.date_end = date(2020, 12, 31)
        rejoined = Membership.create(
            {
                "cluster_id": self.cluster.id,
                "partner_id": self.unit_member3.id,
                "date_start": date(2021, 1, 1),
            }
        )
        self.assertEqual(len(self.cluster.membership_ids), 5)
        # ... but not for a period that overlaps the first one
        with self.assertRaises(ValidationError):
            rejoined.date_start = date(2020, 12, 31)
        self.assertEqual(rejoined.date_start, date(2021, 1, 1))

    def test_officer_reads_clusters_but_cannot_change_them(self):
        cluster = self.cluster.with_user(self.user_officer)
        self.assertEqual(cluster.name, self.cluster.name)
        with self.assertRaises(AccessError):
            cluster.name = "Renamed"
        self.assertNotEqual(self.cluster.name, "Renamed")

    def test_portal_user_has_no_access(self):
        with self.assertRaises(AccessError):
            self.cluster.with_user(self.user_portal).check_access("read")

    def test_user_unit_is_company_of_contact(self):
        self.assertEqual(self.user_officer.emulation_unit_id, self.unit_member3)
        self.assertFalse(self.user_manager.emulation_unit_id)

    def test_plan_numbering_per_cluster_and_year(self):
        """One counter per cluster and year, symbol from the cluster."""
        self.assertEqual(self.cluster._get_next_plan_number(2020), "1/KH-CTĐ")
        self.assertEqual(self.cluster._get_next_plan_number(2020), "2/KH-CTĐ")
        self.assertEqual(self.cluster._get_next_plan_number(2021), "1/KH-CTĐ")
        self.cluster_other.plan_symbol = "KH-KTĐ"
        self.assertEqual(self.cluster_other._get_next_plan_number(2020), "1/KH-KTĐ")

    def test_document_is_recorded_once(self):
        Document = self.env["emulation.document"]
        vals = {
            "name": "462/BNV-VP",
            "date": date(2020, 1, 31),
            "issuer_id": self.council.id,
            "summary": "về việc hướng dẫn",
        }
        document = Document.create(vals)
        with self.assertRaises(ValidationError), mute_logger("odoo.sql_db"):
            with self.env.cr.savepoint():
                Document.create(vals)
        self.assertEqual(
            Document.search_count(
                [("name", "=", "462/BNV-VP"), ("issuer_id", "=", self.council.id)]
            ),
            1,
        )
        # the same number of another date is another document
        Document.create(dict(vals, date=date(2021, 1, 31)))
        self.assertEqual(document.display_name, "462/BNV-VP (31/01/2020)")
        self.assertEqual(
            document._get_full_citation(),
            "Công văn số 462/BNV-VP ngày 31/01/2020 của "
            "Hội đồng Thi đua, Khen thưởng (test) về việc hướng dẫn",
        )
