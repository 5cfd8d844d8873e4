# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the concurrency tests commit before their transactions race: a
cluster of units and its issued plan with one report due, officers and
their files."""

import base64
from datetime import date

from odoo import Command
from odoo.tests.common import new_test_user


def create_issued_plan(env, tag, unit_names, cluster_name, code, guidance, number):
    """Units named ``unit_names`` (the first leads, the second is deputy),
    their cluster, and its 2020 plan issued with one half-year report due:
    returns (units, cluster, plan, obligation)."""
    units = env["res.partner"].create(
        [{"name": f"{name} ({tag})", "is_company": True} for name in unit_names]
    )
    cluster = env["emulation.cluster"].create(
        {
            "name": f"{cluster_name} {tag}",
            "code": f"{code}-{tag}",
            "kind": "cluster",
            "level": "ministry",
            "membership_ids": [
                Command.create({"partner_id": unit.id, "date_start": date(2019, 1, 1)})
                for unit in units
            ],
        }
    )
    document = env["emulation.document"].create(
        {
            "name": f"{guidance} ({tag})",
            "document_type": "official_letter",
            "date": date(2020, 1, 31),
            "issuer_name": "Bộ Nội vụ",
        }
    )
    plan = env["emulation.plan"].create(
        {
            "name": f"Kế hoạch năm 2020 ({tag})",
            "cluster_id": cluster.id,
            "year": 2020,
            "number": number,
            "issue_date": date(2020, 3, 26),
            "issue_place": "Hải Phòng",
            "leader_id": units[0].id,
            "deputy_id": units[1].id,
            "purpose": "<p>Thi đua.</p>",
            "signer_title": "GIÁM ĐỐC",
            "signer_name": "Nguyễn Văn Ký",
            "basis_ids": [
                Command.create(
                    {"document_id": document.id, "citation_mode": "implementing"}
                )
            ],
            "event_ids": [
                Command.create(
                    {
                        "name": "Hội nghị tổng kết năm 2020",
                        "date_start": "2020-12-05 01:00:00",
                        "date_precision": "month",
                        "is_tentative": True,
                    }
                )
            ],
        }
    )
    obligation = env["emulation.obligation"].create(
        {
            "name": "Báo cáo sơ kết 6 tháng",
            "plan_id": plan.id,
            "deadline": date(2020, 6, 15),
        }
    )
    plan.action_issue()
    return units, cluster, plan, obligation


def create_officer(env, login, unit, **attrs):
    """An officer of ``unit`` (no invitation e-mail: nothing sends it)."""
    officer = new_test_user(
        env(context=dict(env.context, no_reset_password=True)),
        login=login,
        groups="emulation_cluster.group_unit_officer",
        **attrs,
    )
    officer.partner_id.parent_id = unit
    return officer


def attach_report(env, submission):
    """A file attached to ``submission``, so that it can be filed."""
    attachment = env["ir.attachment"].create(
        {
            "name": "bao-cao.pdf",
            "datas": base64.b64encode(b"%PDF-1.4"),
            "res_model": submission._name,
            "res_id": submission.id,
        }
    )
    submission.write({"attachment_ids": [Command.link(attachment.id)]})
