# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Shared fixtures of the emulation_cluster tests.

Two clusters: ``cluster`` with four member units (``unit_leader``,
``unit_deputy``, ``unit_member3``, ``unit_member4``) and ``cluster_other``
with two (``unit_other``, ``unit_other2``), all members since 2019-01-01.
Users (each with the lowest group that fits, linked to a unit through the
company of their contact):

- ``user_secretariat``: secretariat of ``cluster``, unit ``unit_leader``;
- ``user_deputy``: unit officer of ``unit_deputy``;
- ``user_officer``: unit officer of ``unit_member3``;
- ``user_officer_other``: unit officer of ``unit_other`` (other cluster);
- ``user_secretariat_other``: secretariat of ``cluster_other``;
- ``user_manager``, ``user_council``, ``user_portal``.

Helpers: ``_create_plan(cluster, year, **vals)`` returns a draft plan with
what issuing needs (leader, deputy, number, date, a legal basis, purpose,
signer and its year-end conference); ``_issue_plan(plan)`` issues it.
"""

import subprocess
import tempfile
from datetime import date

from odoo import Command

from odoo.addons.base.tests.common import BaseCommon, new_test_user


def printed_text(env, report, records, user=None):
    """``report`` of ``records`` printed for real (wkhtmltopdf, which fetches
    the styles from the server: call it from an HttpCase) as ``user``, read
    back with pdftotext; pages are separated by form feeds."""
    # tests render HTML unless told to print for real
    Report = env["ir.actions.report"].with_context(force_report_rendering=True)
    if user:
        Report = Report.with_user(user)
    pdf = Report._render_qweb_pdf(report, records.ids)[0]
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        return subprocess.run(
            ["pdftotext", "-layout", handle.name, "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout


class EmulationCommon(BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.council = Partner.create(
            {"name": "Hội đồng Thi đua, Khen thưởng (test)", "is_company": True}
        )
        (
            cls.unit_leader,
            cls.unit_deputy,
            cls.unit_member3,
            cls.unit_member4,
            cls.unit_other,
            cls.unit_other2,
        ) = Partner.create(
            [
                {
                    "name": name,
                    "is_company": True,
                    "email": f"{code}@example.com",
                    "city": city,
                }
                for name, code, city in [
                    ("Sở Nội vụ Leader (test)", "leader", "Hải Phòng"),
                    ("Sở Nội vụ Deputy (test)", "deputy", "Nam Định"),
                    ("Sở Nội vụ Member 3 (test)", "member3", "Thái Bình"),
                    ("Sở Nội vụ Member 4 (test)", "member4", "Hà Nam"),
                    ("Sở Nội vụ Other (test)", "other", "Huế"),
                    ("Sở Nội vụ Other 2 (test)", "other2", "Đà Nẵng"),
                ]
            ]
        )
        cls.member_since = date(2019, 1, 1)
        Cluster = cls.env["emulation.cluster"]
        cls.cluster = Cluster.create(
            {
                "name": "Cụm Thi đua thử nghiệm 1",
                "code": "TEST-C1",
                "kind": "cluster",
                "level": "ministry",
                "council_id": cls.council.id,
                "membership_ids": [
                    Command.create(
                        {"partner_id": unit.id, "date_start": cls.member_since}
                    )
                    for unit in (
                        cls.unit_leader,
                        cls.unit_deputy,
                        cls.unit_member3,
                        cls.unit_member4,
                    )
                ],
            }
        )
        cls.cluster_other = Cluster.create(
            {
                "name": "Cụm Thi đua thử nghiệm 2",
                "code": "TEST-C2",
                "kind": "cluster",
                "level": "ministry",
                "council_id": cls.council.id,
                "membership_ids": [
                    Command.create(
                        {"partner_id": unit.id, "date_start": cls.member_since}
                    )
                    for unit in (cls.unit_other, cls.unit_other2)
                ],
            }
        )
        cls.user_secretariat = cls._create_emulation_user(
            "test_emu_secretariat", "group_secretariat", cls.unit_leader
        )
        cls.user_secretariat_other = cls._create_emulation_user(
            "test_emu_secretariat_other", "group_secretariat", cls.unit_other
        )
        cls.cluster.secretariat_user_ids = [Command.link(cls.user_secretariat.id)]
        cls.cluster_other.secretariat_user_ids = [
            Command.link(cls.user_secretariat_other.id)
        ]
        cls.user_deputy = cls._create_emulation_user(
            "test_emu_deputy", "group_unit_officer", cls.unit_deputy
        )
        cls.user_officer = cls._create_emulation_user(
            "test_emu_officer", "group_unit_officer", cls.unit_member3
        )
        cls.user_officer_other = cls._create_emulation_user(
            "test_emu_officer_other", "group_unit_officer", cls.unit_other
        )
        cls.user_manager = cls._create_emulation_user(
            "test_emu_manager", "group_manager", False
        )
        cls.user_council = cls._create_emulation_user(
            "test_emu_council", "group_council", cls.council
        )
        cls.user_portal = new_test_user(
            cls.env, login="test_emu_portal", groups="base.group_portal"
        )
        cls.user_portal.partner_id.parent_id = cls.unit_member4
        cls.guidance = cls.env["emulation.document"].create(
            {
                "name": "462/BNV-VP (test)",
                "document_type": "official_letter",
                "date": date(2020, 1, 31),
                "issuer_name": "Bộ Nội vụ",
                "summary": "về việc hướng dẫn công tác thi đua, khen thưởng",
            }
        )

    @classmethod
    def _load_vietnamese(cls):
        """Vietnamese active, with the addon's translations loaded (tests
        run in databases where it may not be yet)."""
        cls.env["res.lang"]._activate_lang("vi_VN")
        cls.env["ir.module.module"]._load_module_terms(
            ["emulation_cluster"], ["vi_VN"], overwrite=True
        )

    @classmethod
    def _create_emulation_user(cls, login, group, unit):
        user = new_test_user(
            cls.env,
            login=login,
            name=login.replace("_", " ").title(),
            groups=f"emulation_cluster.{group}",
        )
        if unit:
            user.partner_id.parent_id = unit
        return user

    @classmethod
    def _create_plan(cls, cluster=None, year=2020, **vals):
        """A draft plan of ``cluster`` (default: ``cls.cluster``) for
        ``year``, numbered and dated 26 March of that year; leader and
        deputy default to the cluster's first two members at that date."""
        cluster = cluster or cls.cluster
        issue_date = vals.pop("issue_date", date(year, 3, 26))
        members = cluster.membership_ids.sorted("id").partner_id
        values = {
            "name": f"Kế hoạch hoạt động {cluster.name} năm {year}",
            "cluster_id": cluster.id,
            "year": year,
            "number": f"{year % 1000 + 700}/KH-CTĐ",
            "issue_date": issue_date,
            "issue_place": "Hải Phòng",
            "leader_id": members[0].id,
            "deputy_id": members[1].id,
            "purpose": "<p>Đẩy mạnh phong trào thi đua trong Cụm.</p>",
            "signer_title": "GIÁM ĐỐC",
            "signer_name": "Nguyễn Văn Ký",
            "basis_ids": [
                Command.create(
                    {"document_id": cls.guidance.id, "citation_mode": "implementing"}
                )
            ],
            "event_ids": [
                Command.create(
                    {
                        "name": f"Hội nghị tổng kết năm {year}",
                        "date_start": f"{year}-12-05 01:00:00",
                        "date_precision": "month",
                        "is_tentative": True,
                    }
                )
            ],
        }
        values.update(vals)
        return cls.env["emulation.plan"].create(values)

    @classmethod
    def _issue_plan(cls, plan):
        """Issue ``plan`` as the superuser (no consultation round)."""
        plan.action_issue()
        return plan
