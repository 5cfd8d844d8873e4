# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The cluster the year-end tours work on: the one the set-up tour makes
from nothing, in the browser, with nothing borrowed from the demo."""

from freezegun import freeze_time

from odoo.tests import HttpCase
from odoo.tests.common import new_test_user

from .common import EmulationCommon

CLUSTER = "Cụm thi đua các tỉnh Tây Nguyên"
SET_UP_TOUR = "emulation_new_cluster_from_nothing"
# the set-up is done on the day this was written; the year-end of the plan it
# makes (2027, conference on 10/12/2027) happens at the dates the year-end
# tests freeze, so that its acts are in the past and the dates are the same
# on every run
SET_UP_DAY = "2026-12-07 02:00:00"
OFFICERS = {
    "Sở Nội vụ tỉnh Đắk Lắk": "lan.tt@snv.daklak.gov.vn",
    "Sở Nội vụ tỉnh Gia Lai": "hien.rm@snv.gialai.gov.vn",
    "Sở Nội vụ tỉnh Kon Tum": "tuan.a@snv.kontum.gov.vn",
    "Sở Nội vụ tỉnh Đắk Nông": "nong.lv@snv.daknong.gov.vn",
    "Sở Nội vụ tỉnh Lâm Đồng": "da.pt@snv.lamdong.gov.vn",
}


class YearEndCommon(HttpCase):
    """Runs the set-up tour as a fresh administrator (the addon's manager,
    Vietnamese), then gives the officers it invited a password (the
    invitation e-mail cannot be followed here)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        EmulationCommon._load_vietnamese.__func__(cls)
        cls.administrator = new_test_user(
            cls.env,
            login="taynguyen_admin",
            name="Quản trị Cụm Tây Nguyên",
            groups="base.group_user,emulation_cluster.group_manager",
            lang="vi_VN",
            tz="Asia/Ho_Chi_Minh",
        )

    def _set_up_cluster(self):
        """The set-up tour, on SET_UP_DAY; returns the 2027 plan it issued."""
        # Odoo's import screen posts the model along with the file, which its
        # /base_import/set_file route ignores with a warning: that line, and
        # no other, is expected of the upload
        with (
            freeze_time(SET_UP_DAY),
            self.assertLogs("odoo.http", "WARNING") as logs,
        ):
            self.start_tour(
                "/odoo", SET_UP_TOUR, login=self.administrator.login, timeout=300
            )
        self.assertEqual(len(logs.records), 1, logs.output)
        cluster = self.env["emulation.cluster"].search([("name", "=", CLUSTER)])
        self.assertEqual(len(cluster), 1)
        plan = cluster.plan_ids
        self.assertEqual((plan.year, plan.state), (2027, "issued"))
        for login in OFFICERS.values():
            self._officer(login).password = login
        return plan

    def _officer(self, login):
        user = self.env["res.users"].search([("login", "=", login)])
        self.assertEqual(len(user), 1, login)
        return user
