# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import datetime
import logging
from collections import defaultdict

from lxml import etree

from odoo import Command
from odoo.tools.convert import xml_import
from odoo.tools.misc import file_open

_logger = logging.getLogger(__name__)

# The demo users, and their passwords (their logins, given in the README)
# hashed as Odoo hashes a password (PBKDF2-SHA512, 600,000 rounds): hashed
# once here rather than at each install, where the four hashes took a fifth
# of the module's demo data.
DEMO_USERS = {
    "user_secretariat_demo": "$pbkdf2-sha512$600000$CMEYg7A2xri3thZi7D0HIA$"
    "gpKpXQoVmhThvJvIIvtNmycCSm2zVlgd5Dtr52gxCoiuKkR.zLC/YdRTd/tQSjFC0KoMso2g8UpI9nCl2NLK3A",
    "user_deputy_demo": "$pbkdf2-sha512$600000$o5QSQojxHkNoDWEMAeD8Xw$"
    "76y2jRxKzjv6sfR9k6OfuI1qNsSIPYxr0LoLclNES5XEF1Dp6IedLbEbM4rkPjSpGufcrHDMV2Hv/UevZkoU0Q",
    "user_unit_officer_demo": "$pbkdf2-sha512$600000$nJPSmlPqHWPs/b937v2fUw$"
    "PGI.cvioBvQCa1QM6BbLlZcnJU7ePFWszu5N3ZNWSWdJMUzIM3udlxigIgYYM5CQpOJwGHWAL.TXgD/Kmt07UA",
    "user_council_demo": "$pbkdf2-sha512$600000$XUsJgXAu5dybs5byHmOMEQ$"
    "PwodrXq5G717Uy9sp0F7EYlmyGA3S7Jx5eAl5Syg3iFHfAxveaZst8bjZcIFHUk5h5WM.IQMLV5CJqCUiNFXSA",
}
HISTORY_FILE = "emulation_cluster/demo/emulation_history_demo.xml"


class HistoryImport(xml_import):
    """Odoo's XML importer, writing in ``lang``: the stock one writes in no
    language (lang=None), fine for data, not for a history people read."""

    def __init__(self, env, *args, lang=None, **kwargs):
        super().__init__(env, *args, **kwargs)
        self.envs = [env(context=dict(env.context, lang=lang))]
        self._tags["function"] = self._tag_function_step

    def _tag_function_step(self, rec):
        """A <function> of the history: a step of the workflow."""
        self._tag_function(rec)
        self.end_step()

    def end_step(self):
        """End a step as its own transaction would: Odoo tracks a record's
        changes from the transaction after the one that created it."""
        self.env.flush_all()
        self.env.cr.precommit.run()


def post_init_hook(env):
    """Write the demo data's history (the plan issued, the filings filed,
    returned and accepted), after the module's translations are loaded, in
    the demo users' language: Odoo loads them after the data and demo
    files, and the chatter keeps the language it was written in."""
    if not env.ref("emulation_cluster.plan_2020_bac_bo_demo", raise_if_not_found=False):
        return  # installed without demo data
    users = env["res.users"].browse(
        [env.ref(f"emulation_cluster.{xmlid}").id for xmlid in DEMO_USERS]
    )
    for user, hashed in zip(users, DEMO_USERS.values(), strict=True):
        users._set_encrypted_password(user.id, hashed)
    # the demo users are Vietnamese civil servants: in Vietnamese when the
    # database has it
    if "vi_VN" in dict(env["res.lang"].get_installed()):
        users.write({"lang": "vi_VN"})
    lang = users[:1].lang or env.lang or "en_US"
    _logger.info("emulation_cluster: writing the demo history in %s", lang)
    importer = HistoryImport(
        env,
        "emulation_cluster",
        {},
        "init",
        noupdate=True,
        xml_filename=HISTORY_FILE,
        lang=lang,
    )
    importer.end_step()  # the demo records, created by the demo files
    with file_open(HISTORY_FILE, "rb") as history:
        importer.parse(etree.parse(history).getroot())
    for write_demo_step in (
        write_demo_scores,
        write_demo_votes,
        write_demo_proposals,
        write_demo_rollover,
    ):
        write_demo_step(importer.env)
        importer.end_step()


# The 2020 self scores of the demo members, by criterion code: a score, a
# number of items, or the value achieved against a target of 100.
DEMO_SCORES = {
    "I.1": (15, 14, 13, 15, 12, 14, 13, 11, 14, 12),
    "I.2": (124, 112, 118, 104, 130, 109, 100, 96, 121, 115),
    "I.3": (5, 4, 5, 4, 5, 4, 3, 4, 5, 4),
    "II.1": (5, 5, 5, 5, 5, 5, 0, 5, 5, 5),
    "II.2": (5, 5, 4, 5, 4, 5, 4, 3, 5, 4),
    "III.1": (10, 9, 9, 8, 10, 9, 7, 8, 9, 8),
    "III.2": (115, 108, 112, 120, 106, 110, 98, 104, 118, 111),
    "IV.1": (10, 10, 9, 9, 10, 8, 9, 8, 10, 9),
    "IV.2": (5, 5, 5, 5, 0, 5, 5, 5, 5, 5),
    "IV.3": (5, 4, 3, 5, 2, 3, 2, 1, 4, 3),
    "V.1": (10, 10, 9, 10, 9, 8, 9, 8, 10, 9),
    "VI.1": (10, 0, 0, 0, 0, 0, 0, 0, 0, 0),
    "VII.1": (0, 0, 0, 2, 0, 0, 4, 0, 0, 2),
}


def write_demo_scores(env):
    """The 2020 scorecards of the demo members, through the real workflow:
    the demo officers self-score their units, the secretariat the others
    from their paper tables; the secretariat appraises (the leader's
    scorecard by the administrator), Thái Bình explains one line and is
    appraised again; the year-end conference of 10/12/2020 agrees the
    others."""
    plan = env.ref("emulation_cluster.plan_2020_bac_bo_demo")
    copy = plan.criterion_template_id
    admin = env.ref("base.user_admin")
    secretariat = env.ref("emulation_cluster.user_secretariat_demo")
    officers = {
        user.partner_id.commercial_partner_id: user
        for user in (
            env.ref("emulation_cluster.user_unit_officer_demo"),
            env.ref("emulation_cluster.user_deputy_demo"),
        )
    }
    copy.with_user(admin).action_validate()
    # the members sent their 2020 self-scoring tables on paper, registered
    # by the secretariat; their scores are entered from them below (and no
    # PDF is printed while the database is being created: no web server)
    paper = (
        env["emulation.submission"]
        .with_user(secretariat)
        .search(
            [
                ("plan_id", "=", plan.id),
                ("kind", "=", "self_scoring"),
                ("state", "in", ("to_file", "returned")),
            ]
        )
    )
    for submission in paper:
        scan = env["ir.attachment"].create(
            {
                "name": f"bang-tu-cham-diem-{submission.partner_id.id}.txt",
                "raw": f"Bảng tự chấm điểm - {submission.partner_id.name}".encode(),
                "res_model": submission._name,
                "res_id": submission.id,
                "mimetype": "text/plain",
            }
        )
        submission.write(
            {
                "attachment_ids": [Command.link(scan.id)],
                "channel": "paper",
                "date_received": "2020-11-19",
            }
        )
    paper.action_file()
    plan.with_user(secretariat).action_create_scorecards()
    cards = plan.scorecard_ids.sorted(lambda card: card.partner_id.name)
    # each write as its user would make it, but one write per user and
    # value, not one per line: a line's write checks its policy, keeps its
    # history and recomputes the points of the plan's targets
    cards.line_ids.filtered(lambda line: line.kind == "target").with_user(
        secretariat
    ).write({"target_value": 100})
    by_value = defaultdict(lambda: env["emulation.score.line"])
    for index, card in enumerate(cards):
        user = officers.get(card.partner_id, secretariat)
        for line in card.line_ids:
            values = DEMO_SCORES.get(line.criterion_id.code)
            if values:
                by_value[user, values[index % len(values)]] |= line
    for (user, value), lines in by_value.items():
        lines.with_user(user).write({"self_value": value})
    # each user's acts on his cards in one call, as from their list
    by_user = cards.grouped(lambda card: officers.get(card.partner_id, secretariat))
    for user, user_cards in by_user.items():
        user_cards.with_user(user).action_submit_self_scores()
    leader = plan.leader_id
    by_appraiser = cards.grouped(
        lambda card: admin if card.partner_id == leader else secretariat
    )
    for appraiser, appraised in by_appraiser.items():
        first = appraised.line_ids.filtered(
            lambda line: line.criterion_id.code == "I.1" and line.self_value > 13
        )
        for value, lines in first.grouped("self_value").items():
            lines.with_user(appraiser).write(
                {
                    "appraised_value": value - 1,
                    "appraiser_comment": "Minh chứng chưa đầy đủ.",
                }
            )
        appraised.with_user(appraiser).action_appraise()
    officer = env.ref("emulation_cluster.user_unit_officer_demo")
    explained = cards.filtered(
        lambda card: card.partner_id == officer.partner_id.commercial_partner_id
    )
    if explained:
        line = explained.line_ids.filtered(lambda line: line.criterion_id.code == "I.1")
        line.with_user(
            officer
        ).explanation = (
            "Đơn vị đã bổ sung báo cáo kết quả nhiệm vụ trọng tâm (gửi kèm)."
        )
        explained.with_user(officer).action_explain()
        line.with_user(secretariat).appraised_value = line.self_value
        explained.with_user(secretariat).action_appraise()
    (cards - explained).with_user(secretariat).action_agree()
    # agreed at the year-end conference of 2020, and ranked as of that day
    (cards - explained).sudo().write({"date_agreed": "2020-12-10"})
    plan._rank_scorecards()


def _demo_votes(env, poll, choices, users, written=()):
    """The units' ballots, ``choices`` {unit: units approved}: cast by the
    unit's officer when it has one in the demo, else from paper by the
    counting committee, in one batch: in a secret poll, the units marked
    as having handed their paper in, then the papers entered without their
    unit. ``written``: the units that voted in writing (absent)."""
    committee = poll.counting_user_ids[:1]
    batches = defaultdict(list)
    paper = env["res.partner"]
    for unit, approved in choices.items():
        officer = users.get(unit)
        candidates = poll.candidate_ids.filtered(
            lambda c, approved=approved: c.partner_id in approved
        )
        values = {"poll_id": poll.id, "approve_ids": [Command.set(candidates.ids)]}
        if poll.is_secret and not officer:
            paper |= unit
            # the paper names no unit (the ballot's default is the user's own)
            values["partner_id"] = False
        else:
            values["partner_id"] = unit.id
            if unit in written:
                values["is_written"] = True
        batches[officer or committee].append(values)
    if paper:
        poll.voter_ids.filtered(lambda line: line.partner_id in paper).with_user(
            committee
        ).action_hand_in_paper()
    for user, vals_list in batches.items():
        env["emulation.ballot"].with_user(user).create(vals_list)


def write_demo_votes(env):
    """The polls of the 2020 year-end conference, through the real
    workflow: the members honour one unit for the ministry's flag and three
    for its certificate of merit (Quảng Ninh absent, voting in writing),
    then elect 2021's leader and deputy (by rotation: the deputy of 2020
    leads in 2021; an illustration, not the cluster's actual choice)."""
    ref = env.ref
    event = ref("emulation_cluster.plan_2020_event_year_end_demo")
    secretariat = ref("emulation_cluster.user_secretariat_demo")
    users = {
        user.partner_id.commercial_partner_id: user
        for user in (
            secretariat,
            ref("emulation_cluster.user_deputy_demo"),
            ref("emulation_cluster.user_unit_officer_demo"),
        )
    }
    ranking = (
        env["emulation.ranking"]
        .search([("plan_id", "=", event.plan_id.id)])
        .sorted("rank")
        .partner_id
    )
    absent = ref("emulation_cluster.partner_snv_quang_ninh_demo")
    Poll = env["emulation.poll"].with_user(secretariat)
    common = {
        "event_id": event.id,
        "counting_user_ids": [Command.set(secretariat.ids)],
        # illustrative names; the titles are printed apart from them
        "chair_name": "Nguyễn Văn Hải",
        "chair_title": "Giám đốc Sở Nội vụ thành phố Hải Phòng",
        "secretary_name": "Trần Thị Phương",
        "secretary_title": "Chánh Văn phòng Sở Nội vụ thành phố Hải Phòng",
    }
    flag = Poll.create(
        dict(
            common,
            name="Suy tôn đơn vị đề nghị tặng Cờ thi đua",
            award_type_id=ref("emulation_cluster.award_type_ministry_flag").id,
        )
    )
    merit = Poll.create(
        dict(
            common,
            name="Bình xét đơn vị đề nghị tặng Bằng khen",
            award_type_id=ref("emulation_cluster.award_type_ministry_merit").id,
        )
    )
    achievements = {
        ranking[0]: "Dẫn đầu Cụm năm 2020; hoàn thành xuất sắc nhiệm vụ Cụm trưởng.",
        ranking[1]: "Hoàn thành xuất sắc nhiệm vụ; tiêu biểu về cải cách hành chính.",
        ranking[2]: "Hoàn thành tốt nhiệm vụ; làm tốt công tác thi đua, khen thưởng.",
        ranking[3]: "Hoàn thành tốt nhiệm vụ chuyên môn năm 2020.",
    }
    # the conference's attendance, recorded once: its polls read it
    event.with_user(secretariat).absent_unit_ids = [Command.link(absent.id)]
    for poll in flag | merit:
        for candidate in poll.candidate_ids:
            if candidate.partner_id in achievements:
                candidate.with_user(secretariat).achievement = achievements[
                    candidate.partner_id
                ]
        poll.with_user(secretariat).action_open_voting()
    units = flag.voter_ids.partner_id
    # nine of ten for the first, one for the second
    _demo_votes(
        env,
        flag,
        {
            unit: ranking[1] if index == 3 else ranking[0]
            for index, unit in enumerate(units)
        },
        users,
        written=absent,
    )
    _demo_votes(
        env,
        merit,
        {
            unit: ranking[1:4] if index % 4 else ranking[1:3] | ranking[4]
            for index, unit in enumerate(units)
        },
        users,
        written=absent,
    )
    (flag | merit).with_user(secretariat).action_count_round()
    # next year's leader and deputy, by a show of hands
    leader_2021 = ref("emulation_cluster.partner_snv_nam_dinh_demo")
    deputy_2021 = ref("emulation_cluster.partner_snv_ha_nam_demo")
    for subject, chosen, name in (
        ("leader", leader_2021, "Bầu đơn vị Cụm trưởng năm 2021"),
        ("deputy", deputy_2021, "Bầu đơn vị Cụm phó năm 2021"),
    ):
        poll = Poll.create(dict(common, name=name, subject=subject, is_secret=False))
        if subject == "deputy":
            poll.candidate_ids.filtered(
                lambda c: c.partner_id == leader_2021
            ).with_user(secretariat).unlink()
        poll.with_user(secretariat).action_open_voting()
        _demo_votes(
            env, poll, dict.fromkeys(poll.voter_ids.partner_id - absent, chosen), {}
        )
        poll.with_user(secretariat).action_count_round()
    # the conference was held on the day it agreed the scores
    event.with_user(secretariat).date_held = datetime.date(2020, 12, 10)
    event.with_user(secretariat).action_mark_held()


def write_demo_proposals(env):
    """The 2020 proposals of the cluster, through the real workflow: one
    per unit the conference chose; the flag and the first certificate
    approved by the council's (illustrative) decision, the second rejected,
    the third still a draft, its achievement report missing. The first
    three go to the council with the letter of 15 January 2021."""
    ref = env.ref
    secretariat = ref("emulation_cluster.user_secretariat_demo")
    council = ref("emulation_cluster.user_council_demo")
    plan = ref("emulation_cluster.plan_2020_bac_bo_demo")
    Proposal = env["emulation.award.proposal"]
    polls = env["emulation.poll"].search(
        [("plan_id", "=", plan.id), ("subject", "=", "nomination")], order="id"
    )
    for poll in polls:
        poll.with_user(secretariat).action_create_proposals()
    proposals = Proposal.search([("plan_id", "=", plan.id)])
    ranks = {
        row.partner_id: row.rank
        for row in env["emulation.ranking"].search([("plan_id", "=", plan.id)])
    }
    proposals = proposals.sorted(
        lambda prop: (prop.award_type_id.sequence, ranks.get(prop.partner_id, 0))
    )
    flag, merits = proposals[:1], proposals[1:]
    for proposal in proposals:
        candidate = proposal.poll_id.candidate_ids.filtered(
            lambda c, unit=proposal.partner_id: c.partner_id == unit
        )
        proposal.with_user(secretariat).achievement = candidate.achievement
    # the achievement reports: the accepted filing where the unit has one,
    # else the paper report scanned, except for the last certificate
    for proposal in proposals[:-1]:
        line = proposal.item_ids.filtered(
            lambda line: line.source == "achievement_report" and not line.is_present
        )
        text = f"Báo cáo thành tích năm 2020 - {proposal.partner_id.name} (demo)\n"
        line.with_user(secretariat).write(
            {
                "file": base64.b64encode(text.encode()),
                "file_name": f"bao-cao-thanh-tich-2020-{line.id}.txt",
            }
        )
    letter = (
        env["emulation.award.letter"]
        .with_user(secretariat)
        .create(
            {
                "plan_id": plan.id,
                "issue_date": "2021-01-15",
                "addressee": "Hội đồng Thi đua - Khen thưởng Bộ Nội vụ",
                "basis_document_ids": [
                    Command.set(
                        [
                            ref("emulation_cluster.document_decree_91_2017_demo").id,
                            ref("emulation_cluster.document_462_bnv_vp_demo").id,
                            ref("emulation_cluster.document_369_qd_ctd_demo").id,
                        ]
                    )
                ],
                "distribution_list": "\n".join(
                    (
                        "- Như trên;",
                        "- Ban Thi đua - Khen thưởng Bộ Nội vụ;",
                        "- Các đơn vị thuộc Cụm;",
                        "- Lưu: VT, hồ sơ CTĐ.",
                    )
                ),
            }
        )
    )
    letter.action_assign_number()
    (flag | merits[:2]).with_user(secretariat).write({"letter_id": letter.id})
    letter.with_user(secretariat).sudo().with_context(
        emulation_action_date="2021-01-15 02:00:00"
    ).action_submit()
    decision = ref("emulation_cluster.document_decision_awards_2020_demo")
    approved = (flag | merits[:1]).with_user(council)
    approved.write(
        {
            "decision_number": decision.name,
            "decision_date": decision.date,
            "decision_document_id": decision.id,
        }
    )
    approved.action_approve()
    rejected = merits[1:2].with_user(council)
    rejected.rejection_reason = (
        "Chưa đủ điều kiện: thành tích chưa tiêu biểu so với các đơn vị được "
        "đề nghị cùng đợt (lý do minh họa cho dữ liệu mẫu)."
    )
    rejected.action_reject()


def write_demo_rollover(env):
    """The 2021 draft plan, made by the demo secretariat with the year
    rollover of the 2020 plan, with the leader and deputy the 2020
    year-end conference elected."""
    secretariat = env.ref("emulation_cluster.user_secretariat_demo")
    plan = env.ref("emulation_cluster.plan_2020_bac_bo_demo")
    wizard = (
        env["emulation.plan.rollover.wizard"]
        .with_user(secretariat)
        .create({"plan_id": plan.id})
    )
    wizard.action_confirm()
