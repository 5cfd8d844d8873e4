# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Random users of every group doing random things to every model of the
addon, with the values and context keys a client can send (malformed ones
included); after every step, the addon's invariants hold.

Another seed: EMULATION_SEED=<n> make test (or the test runner alone)."""

import base64
import logging
import os
import random
from collections import Counter
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_trust import TrustCommon

_logger = logging.getLogger(__name__)

DEFAULT_SEED = 20201126
OPERATIONS = 520
MODELS = [
    "emulation.plan",
    "emulation.plan.basis",
    "emulation.plan.consultation",
    "emulation.plan.revision",
    "emulation.event",
    "emulation.event.duty",
    "emulation.obligation",
    "emulation.covenant",
    "emulation.covenant.clause",
    "emulation.covenant.signature",
    "emulation.registration",
    "emulation.registration.line",
    "emulation.submission",
    "emulation.cluster",
    "emulation.cluster.membership",
    "emulation.document",
    "emulation.rule",
    "emulation.criterion.template",
    "emulation.criterion",
    "emulation.scorecard",
    "emulation.score.line",
    "emulation.poll",
    "emulation.poll.candidate",
    "emulation.poll.voter",
    "emulation.ballot",
    "emulation.award.proposal",
    "emulation.award.proposal.item",
    "emulation.award.letter",
]
# the families the run reports on, and the share of each that must be done
FAMILIES = {
    "emulation.plan": "planning",
    "emulation.plan.basis": "planning",
    "emulation.plan.consultation": "planning",
    "emulation.plan.revision": "planning",
    "emulation.event": "planning",
    "emulation.event.duty": "planning",
    "emulation.obligation": "planning",
    "emulation.covenant": "covenants",
    "emulation.covenant.clause": "covenants",
    "emulation.covenant.signature": "covenants",
    "emulation.registration": "registrations",
    "emulation.registration.line": "registrations",
    "emulation.submission": "filings",
    "emulation.cluster": "clusters",
    "emulation.cluster.membership": "clusters",
    "emulation.document": "clusters",
    "emulation.rule": "scoring",
    "emulation.criterion.template": "scoring",
    "emulation.criterion": "scoring",
    "emulation.scorecard": "scoring",
    "emulation.score.line": "scoring",
    "emulation.poll": "voting",
    "emulation.poll.candidate": "voting",
    "emulation.poll.voter": "voting",
    "emulation.ballot": "voting",
    "emulation.award.proposal": "awards",
    "emulation.award.proposal.item": "awards",
    "emulation.award.letter": "awards",
}
# Scoring and awards are where the year ends: at least this share of their
# operations must go through, or the run tests only refusals there.
DONE_SHARE = {"scoring": 1 / 3, "awards": 1 / 3, "votes": 1 / 3}
# records private to their unit (the README's access matrix)
PRIVATE = {
    "emulation.submission": "partner_id",
    "emulation.submission.round": "partner_id",
    "emulation.registration": "partner_id",
    "emulation.registration.line": "partner_id",
    "emulation.covenant.signature": "partner_id",
    "emulation.plan.consultation": "partner_id",
    "emulation.scorecard": "partner_id",
    "emulation.score.line": "partner_id",
    "emulation.score.history": "partner_id",
    "emulation.award.proposal": "partner_id",
}
# what the system derives from other units' values too (targets are scored
# against the best unit): never typed, left out of "another unit changed it"
DERIVED = {
    "emulation.scorecard": {
        "self_total",
        "final_total",
        "max_total",
        "percentage",
        "rank",
        "classification_id",
    },
    "emulation.score.line": {"self_points", "appraised_points", "final_points"},
    # from the ranking, the poll and the dossier's sources (a filing accepted)
    "emulation.award.proposal": {
        "score_total",
        "rank",
        "yes_percent",
        "missing_item_count",
        "is_dossier_complete",
    },
}
# (model, states) whose records are never lost nor moved back but by the
# transitions' declared moves
KEPT = {
    "emulation.plan": ("issued", "closed"),
    "emulation.covenant": ("signing", "in_force", "closed"),
    "emulation.covenant.signature": None,
    "emulation.registration": ("sent", "acknowledged", "returned"),
    "emulation.submission": None,
    "emulation.submission.round": None,
    "emulation.plan.revision": None,
    "emulation.scorecard": ("agreed",),
    "emulation.score.history": None,
    "emulation.criterion.template": None,
    "emulation.poll": ("closed",),
    "emulation.ballot": None,
    "emulation.award.proposal": ("submitted", "approved", "rejected"),
    "emulation.award.letter": ("submitted",),
}
TRANSITIONS = {
    "emulation.plan": [
        "action_assign_number",
        "action_start_consultation",
        "action_issue",
        "action_back_to_draft",
        "action_close",
        "action_finish_adjustment",
    ],
    "emulation.plan.revision": ["action_agree", "action_refuse"],
    "emulation.event": [
        "action_confirm",
        "action_mark_held",
        "action_postpone",
        "action_suspend",
        "action_cancel",
        "action_reset_planned",
    ],
    "emulation.obligation": ["action_cancel", "action_reopen"],
    "emulation.covenant": [
        "action_ask_opinions",
        "action_reset_to_draft",
        "action_send_for_signature",
        "action_close",
    ],
    "emulation.covenant.signature": [
        "action_sign",
        "action_refuse",
        "action_reset_to_waiting",
    ],
    "emulation.registration": ["action_send", "action_acknowledge", "action_return"],
    "emulation.submission": [
        "action_file",
        "action_start_review",
        "action_accept",
        "action_return",
    ],
    "emulation.criterion.template": ["action_validate", "action_reset_to_draft"],
    "emulation.scorecard": [
        "action_submit_self_scores",
        "action_back_to_self_scoring",
        "action_appraise",
        "action_explain",
        "action_agree",
    ],
    "emulation.poll": [
        "action_open_voting",
        "action_count_round",
        "action_next_round",
        "action_create_proposals",
    ],
    "emulation.poll.candidate": ["action_chair_decides"],
    "emulation.award.proposal": ["action_submit", "action_approve", "action_reject"],
    "emulation.award.letter": ["action_assign_number", "action_submit"],
}
HOSTILE_CONTEXTS = [
    {},
    {},
    {"emulation_registration_transition": True, "emulation_signature_transition": True},
    {"tracking_disable": True, "mail_notrack": True, "mail_create_nolog": True},
    {"default_state": "accepted", "default_partner_id": None},
    {"active_test": False},
]
MALFORMED_TEXTS = ["７", "٣", "7\u00a0,1", ["danh", "sách"], 42, "", "Giá trị thử"]
MALFORMED_DATES = ["0001-01-01", "9999-12-31", "2020-06-20", "2021-01-05", False]
MALFORMED_INTEGERS = [0, -5, 10000, 2021, 1, "x", True]


class RandomFixture(TrustCommon):
    """Something of every model to act on: a draft plan, a plan of the other
    cluster, a covenant out for signature, criteria and scorecards, rules,
    polls, a proposal in a numbered letter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_internal = cls.env["res.users"].create(
            {"name": "Nhân viên ngoài", "login": "test_emu_random_internal"}
        )
        cls.users = [
            cls.user_secretariat,
            cls.user_secretariat_other,
            cls.user_officer,
            cls.user_deputy,
            cls.user_officer_other,
            cls.user_manager,
            cls.user_council,
            cls.user_portal,
            cls.user_internal,
        ]
        # more to act on: a draft plan, a plan of the other cluster, a
        # covenant out for signature, registrations
        cls.draft = cls._create_plan(year=2021)
        other = cls._create_plan(cls.cluster_other, 2020)
        cls.env["emulation.obligation"].create(
            {"name": "Báo cáo", "plan_id": other.id, "deadline": date(2020, 11, 20)}
        )
        cls._issue_plan(other)
        with freeze_time("2020-03-20"):
            cls.covenant.action_send_for_signature()
        cls.env["emulation.registration"].with_user(cls.user_officer).create(
            {"plan_id": cls.plan.id}
        )
        # the year's criteria and the members' scorecards
        template = cls.env["emulation.criterion.template"].create(
            {
                "name": "Bảng tiêu chí",
                "document_id": cls.guidance.id,
                "date_from": date(2020, 1, 1),
            }
        )
        Criterion = cls.env["emulation.criterion"]
        group = Criterion.create(
            {"template_id": template.id, "code": "I", "name": "Nhóm I", "kind": "group"}
        )
        for code, kind, maximum in (
            ("I.1", "scored", 40),
            ("I.2", "target", 30),
            ("I.3", "counted", 20),
            ("I.4", "pass_fail", 10),
            ("II", "bonus", 10),
        ):
            Criterion.create(
                {
                    "template_id": template.id,
                    "code": code,
                    "name": f"Tiêu chí {code}",
                    "kind": kind,
                    "max_points": maximum,
                    "points_per_item": 5,
                    "parent_id": group.id if code.startswith("I.") else False,
                }
            )
        group.max_points = 100
        template.action_validate()
        template._copy_for_plan(cls.plan).action_validate()
        cls.env["emulation.scorecard"]._create_for_plan(cls.plan)
        cls.plan.scorecard_ids.line_ids.filtered(
            lambda line: line.kind == "target"
        ).target_value = 100
        # the year-end conference's votes: a rule, a quota, an open poll
        # with a ballot, and one being prepared
        cls.flag = cls.env["emulation.award.type"].create({"name": "Cờ thi đua"})
        Rule = cls.env["emulation.rule"]
        Rule.create(
            {
                "name": "Bỏ phiếu",
                "rule_type": "voting",
                "document_id": cls.guidance.id,
                "scope": "cluster",
                "cluster_id": cls.cluster.id,
                "date_from": date(2019, 1, 1),
                "max_rounds": 2,
                "tiebreak_by_chair": True,
            }
        )
        Rule.create(
            {
                "name": "Số lượng",
                "rule_type": "nomination_quota",
                "document_id": cls.guidance.id,
                "scope": "cluster",
                "cluster_id": cls.cluster.id,
                "date_from": date(2019, 1, 1),
                "quota_ids": [
                    Command.create({"award_type_id": cls.flag.id, "max_count": 1})
                ],
            }
        )
        Poll = cls.env["emulation.poll"].with_user(cls.user_secretariat)
        cls.poll = Poll.create(
            {
                "name": "Suy tôn",
                "event_id": cls.plan.event_ids[:1].id,
                "award_type_id": cls.flag.id,
                "counting_user_ids": [Command.link(cls.user_secretariat.id)],
            }
        )
        cls.poll.action_open_voting()
        cls.env["emulation.ballot"].with_user(cls.user_deputy).create(
            {
                "poll_id": cls.poll.id,
                "partner_id": cls.unit_deputy.id,
                "approve_ids": [Command.link(cls.poll.candidate_ids[0].id)],
            }
        )
        Poll.create(
            {
                "name": "Bầu Cụm trưởng",
                "event_id": cls.plan.event_ids[:1].id,
                "subject": "leader",
                "is_secret": False,
            }
        )
        # award proposals: the flag's dossier is the letter and a file; one
        # proposal in a numbered letter, ready to be sent
        ref = cls.env.ref
        cls.flag.dossier_item_ids = [
            Command.set(
                [
                    ref("emulation_cluster.dossier_item_letter").id,
                    ref("emulation_cluster.dossier_item_opinions").id,
                ]
            )
        ]
        proposal = (
            cls.env["emulation.award.proposal"]
            .with_user(cls.user_secretariat)
            .create(
                {
                    "plan_id": cls.plan.id,
                    "partner_id": cls.unit_member3.id,
                    "award_type_id": cls.flag.id,
                }
            )
        )
        letter = (
            cls.env["emulation.award.letter"]
            .with_user(cls.user_secretariat)
            .create({"plan_id": cls.plan.id, "issue_date": "2021-01-15"})
        )
        letter.action_assign_number()
        proposal.with_user(cls.user_secretariat).letter_id = letter
        cls.proposal = proposal
        cls.letter = letter
        cls._submit_a_proposal()

    @classmethod
    def _submit_a_proposal(cls):
        """A certificate of merit for the deputy unit, in a letter sent to
        the council: the council has something to decide."""
        merit = cls.env["emulation.award.type"].create(
            {
                "name": "Bằng khen",
                "dossier_item_ids": [
                    Command.set(
                        cls.env.ref("emulation_cluster.dossier_item_opinions").ids
                    )
                ],
            }
        )
        secretariat = cls.user_secretariat
        proposal = (
            cls.env["emulation.award.proposal"]
            .with_user(secretariat)
            .create(
                {
                    "plan_id": cls.plan.id,
                    "partner_id": cls.unit_deputy.id,
                    "award_type_id": merit.id,
                }
            )
        )
        proposal.item_ids.with_user(secretariat).write(
            {"file": base64.b64encode(b"%PDF-1.4 y kien"), "file_name": "y-kien.pdf"}
        )
        letter = (
            cls.env["emulation.award.letter"]
            .with_user(secretariat)
            .create(
                {
                    "plan_id": cls.plan.id,
                    "issue_date": "2021-01-20",
                    "issue_place": "Hải Phòng",
                    "issuer_name": "CỤM THI ĐUA",
                    "signer_name": "Nguyễn Văn Ký",
                }
            )
        )
        letter.action_assign_number()
        proposal.with_user(secretariat).letter_id = letter
        with freeze_time("2021-01-20"):
            letter.with_user(secretariat).action_submit()


@tagged("post_install", "-at_install")
class TestRandomOperations(RandomFixture):
    # ------------------------------------------------------------------
    # random values
    # ------------------------------------------------------------------
    def _pool(self, comodel):
        pools = {
            "res.partner": (
                self.unit_leader
                | self.unit_deputy
                | self.unit_member3
                | self.unit_member4
                | self.unit_other
            ).ids,
            "res.users": [user.id for user in self.users],
        }
        if comodel in pools:
            return pools[comodel]
        return (
            self.env[comodel]
            .sudo()
            .with_context(active_test=False)
            .search([], limit=20)
            .ids
        )

    def _value(self, rng, record, name):
        field = record._fields[name]
        if name == "reminder_offsets":
            return rng.choice(["7,1", "７", "٣", "7\u00a0,1", "", "3", "0"])
        kind = field.type
        if kind in ("char", "text", "html"):
            return rng.choice(MALFORMED_TEXTS)
        if kind == "integer":
            return rng.choice(MALFORMED_INTEGERS)
        if kind == "date":
            return rng.choice(MALFORMED_DATES)
        if kind == "datetime":
            return rng.choice(
                ["2020-07-01 02:00:00", "9999-12-31 00:00:00", "0001-01-01 00:00:00"]
            )
        if kind == "boolean":
            return rng.choice([True, False])
        if kind == "selection":
            keys = [key for key, __ in field._description_selection(self.env)]
            return rng.choice([*keys, "bogus"])
        if kind == "many2one":
            pool = self._pool(field.comodel_name) + [False, 999999]
            return rng.choice(pool)
        if kind == "many2many":
            pool = self._pool(field.comodel_name)
            return [Command.link(rng.choice(pool))] if pool else []
        if kind == "binary":
            return base64.b64encode(b"%PDF-1.4 random")
        if kind == "float":
            return rng.choice([1.5, -3.0, "x"])
        return None

    def _writable_names(self, Model):
        return [
            name
            for name, field in Model._fields.items()
            if field.store
            and name not in ("id", "display_name")
            and field.model_name not in ("mail.thread", "mail.activity.mixin")
            and not name.startswith(("create_", "write_", "message_", "activity_"))
            and field.type not in ("one2many",)
        ]

    # ------------------------------------------------------------------
    # operations
    # ------------------------------------------------------------------
    def _create_values(self, rng, model):
        # the draft may have been deleted by a manager: pick among the living
        plan = rng.choice(
            (self.plan | self.draft).exists() or self.env["emulation.plan"].search([])
        )
        choices = {
            "emulation.plan": {
                "cluster_id": rng.choice([self.cluster, self.cluster_other]).id,
                "year": rng.choice([2020, 2021, 2023, 0, 10000]),
            },
            "emulation.plan.basis": {
                "plan_id": plan.id,
                "document_id": self.guidance.id,
            },
            "emulation.plan.consultation": {
                "plan_id": plan.id,
                "partner_id": self.unit_member4.id,
            },
            "emulation.event": {
                "plan_id": plan.id,
                "name": "Hoạt động thử",
                "date_start": f"{plan.year}-09-01 02:00:00",
            },
            "emulation.event.duty": {
                "event_id": plan.event_ids[:1].id or self.plan.event_ids[:1].id,
                "description": "Chuẩn bị hội trường",
            },
            "emulation.obligation": {
                "plan_id": plan.id,
                "name": "Báo cáo thử",
                "deadline": f"{plan.year}-10-15",
                "reminder_offsets": rng.choice(["7,1", "７", "3"]),
            },
            "emulation.covenant": {"plan_id": plan.id, "name": "Giao ước thử"},
            "emulation.covenant.clause": {
                "covenant_id": self.covenant.id,
                "text": rng.choice(MALFORMED_TEXTS),
            },
            "emulation.registration": {
                "plan_id": plan.id,
                "partner_id": rng.choice(self._pool("res.partner")),
            },
            "emulation.registration.line": {
                "registration_id": rng.choice(
                    self.env["emulation.registration"].sudo().search([]).ids
                ),
                "award_name": "Bằng khen",
            },
            "emulation.cluster": {"name": "Cụm thử ngẫu nhiên"},
            "emulation.cluster.membership": {
                "cluster_id": self.cluster.id,
                "partner_id": self.unit_other.id,
                "date_start": rng.choice(MALFORMED_DATES) or "2020-01-01",
            },
            "emulation.document": {"name": f"{rng.randint(1, 999)}/TEST"},
            "emulation.rule": {
                "name": "Quy định thử",
                "document_id": self.guidance.id,
                "date_from": rng.choice(MALFORMED_DATES) or "2020-01-01",
            },
            "emulation.criterion.template": {
                "name": "Bộ tiêu chí thử",
                "document_id": self.guidance.id,
                "date_from": "2021-01-01",
            },
            "emulation.criterion": {
                "template_id": rng.choice(
                    self.env["emulation.criterion.template"].sudo().search([]).ids
                ),
                "code": rng.choice(["I", "I.9", "Z"]),
                "name": "Tiêu chí thử",
            },
            "emulation.scorecard": {
                "plan_id": plan.id,
                "partner_id": rng.choice(self._pool("res.partner")),
            },
            "emulation.poll": {
                "name": "Bỏ phiếu thử",
                "event_id": (plan.event_ids[:1] or self.plan.event_ids[:1]).id,
                "subject": rng.choice(["nomination", "leader", "deputy"]),
                "award_type_id": self.flag.id,
            },
            "emulation.poll.candidate": {
                "poll_id": rng.choice(self.env["emulation.poll"].sudo().search([]).ids),
                "partner_id": rng.choice(self._pool("res.partner")),
            },
            "emulation.poll.voter": {
                "poll_id": rng.choice(self.env["emulation.poll"].sudo().search([]).ids),
                "partner_id": rng.choice(self._pool("res.partner")),
            },
            "emulation.ballot": {
                "poll_id": rng.choice(self.env["emulation.poll"].sudo().search([]).ids),
                "partner_id": rng.choice(self._pool("res.partner")),
                "approve_ids": [
                    Command.link(
                        rng.choice(
                            self.env["emulation.poll.candidate"].sudo().search([]).ids
                        )
                    )
                ],
                "is_written": rng.choice([False, False, True]),
            },
            "emulation.award.proposal": {
                "plan_id": rng.choice([self.plan, plan]).id,
                "partner_id": rng.choice(self._pool("res.partner")),
                "award_type_id": self.flag.id,
            },
            "emulation.award.proposal.item": {
                "proposal_id": rng.choice(
                    self.env["emulation.award.proposal"].sudo().search([]).ids or [0]
                ),
                "item_id": self.env.ref("emulation_cluster.dossier_item_opinions").id,
            },
            "emulation.award.letter": {"plan_id": rng.choice([self.plan, plan]).id},
        }
        values = dict(choices.get(model, {}))
        if values and rng.random() < 0.3:
            # and a field the form would not let him set
            Model = self.env[model]
            name = rng.choice(self._writable_names(Model))
            values[name] = self._value(rng, Model, name)
        return values

    def _random_record(self, rng, model, domain=()):
        ids = (
            self.env[model]
            .sudo()
            .with_context(active_test=False)
            .search(list(domain))
            .ids
        )
        return self.env[model].browse(rng.choice(ids)) if ids else None

    def _bring_own_record_forward(self, record, officer):
        """As the unit's officer, file, send or sign ``record`` so that a
        decision on it would start from its state; a refusal leaves it."""
        own = record.with_user(officer)  # keeps the record's context
        try:
            with self.env.cr.savepoint():
                if record._name == "emulation.submission":
                    if not record.attachment_ids:
                        attachment = (
                            self.env["ir.attachment"]
                            .with_user(officer)
                            .create(
                                {
                                    "name": "bao-cao.pdf",
                                    "datas": base64.b64encode(b"%PDF-1.4"),
                                    "res_model": record._name,
                                    "res_id": record.id,
                                }
                            )
                        )
                        own.write({"attachment_ids": [Command.link(attachment.id)]})
                    own.action_file()
                elif record._name == "emulation.registration":
                    own.action_send()
                elif record._name == "emulation.covenant.signature":
                    own.action_sign()
        except UserError as refusal:
            _logger.debug("%s stays as it is: %s", record, refusal)

    def _plan_hostile(self, rng, counts):
        """What an ordinary but hostile user tries, on random records with
        random values: each scenario aims at one guard of the trust issue."""
        officer = rng.choice(
            [self.user_officer, self.user_deputy, self.user_officer_other]
        )
        unit = officer.partner_id.commercial_partner_id
        staff = rng.choice(
            [self.user_secretariat, self.user_secretariat_other, self.user_manager]
        )
        scenario = rng.randrange(14)
        counts[("hostile", scenario)] += 1
        self._family = "hostile"
        return getattr(self, f"_hostile_{scenario}")(rng, officer, unit, staff)

    def _hostile_0(self, rng, officer, unit, staff):
        """A copy of another record's field."""
        sub = self._random_record(
            rng, "emulation.submission", [("partner_id", "=", unit.id)]
        )
        name, value = rng.choice(
            [
                ("deadline", "2099-12-31"),
                ("cluster_id", self.cluster_other.id),
                ("plan_id", self.draft.id),
                ("cluster_id", self.cluster.id),
            ]
        )
        return (
            officer,
            f"{officer.login} writes the copy {sub}.{name}",
            (lambda: sub and sub.with_user(officer).write({name: value})),
        )

    def _hostile_1(self, rng, officer, unit, staff):
        """A file another unit uploaded."""
        sub = self._random_record(
            rng, "emulation.submission", [("partner_id", "=", unit.id)]
        )
        others = (
            self.env["emulation.submission"]
            .sudo()
            .search([("partner_id", "!=", unit.id)])
        )
        other_sub = rng.choice(others) if others else None
        uploader = (
            self.user_officer_other
            if officer != self.user_officer_other
            else self.user_officer
        )

        def link_foreign_file():
            if not (sub and other_sub):
                return
            files = (
                self.env["ir.attachment"]
                .sudo()
                .search(
                    [
                        ("res_model", "=", "emulation.submission"),
                        ("res_id", "=", other_sub.id),
                    ]
                )
            )
            foreign = (
                rng.choice(files)
                if files and rng.random() < 0.5
                # as if the other unit had just uploaded it
                else self.env["ir.attachment"]
                .with_user(uploader)
                .sudo()
                .create(
                    {
                        "name": "bao-cao-don-vi-khac.pdf",
                        "datas": base64.b64encode(b"%PDF-1.4"),
                        "res_model": "emulation.submission",
                        "res_id": other_sub.id,
                    }
                )
            )
            sub.with_user(officer).write({"attachment_ids": [Command.link(foreign.id)]})

        return (
            officer,
            f"{officer.login} links another unit's file to {sub}",
            link_foreign_file,
        )

    def _hostile_2(self, rng, officer, unit, staff):
        """Reminder settings a cast cannot read."""
        ob = self._random_record(rng, "emulation.obligation")
        value = rng.choice(["７", "٣", "7\u00a0,1", "7, 1", "3,,1"])
        return (
            staff,
            f"{staff.login} writes {ob}.reminder_offsets = {value!r}",
            (lambda: ob and ob.with_user(staff).write({"reminder_offsets": value})),
        )

    def _hostile_3(self, rng, officer, unit, staff):
        """Registering another unit, or from outside."""
        other = rng.choice(self._pool("res.partner"))
        return (
            officer,
            f"{officer.login} registers unit {other}",
            (
                lambda: self.env["emulation.registration"]
                .with_user(officer)
                .create({"plan_id": self.plan.id, "partner_id": other})
            ),
        )

    def _hostile_4(self, rng, officer, unit, staff):
        """A date no form sends."""
        model, name = rng.choice(
            [
                ("emulation.plan", "issue_date"),
                ("emulation.event", "date_start"),
                ("emulation.covenant", "signature_deadline"),
                ("emulation.obligation", "deadline"),
                ("emulation.cluster.membership", "date_end"),
            ]
        )
        record = self._random_record(rng, model)
        value = rng.choice(["0001-01-01", "9999-12-31 00:00:00", "1900-02-01"])
        return (
            staff,
            f"{staff.login} writes {record}.{name} = {value}",
            (lambda: record and record.with_user(staff).write({name: value})),
        )

    def _hostile_5(self, rng, officer, unit, staff):
        """A second line where one is allowed."""
        plan = rng.choice([self.plan, self.draft]).exists() or self.plan
        return (
            staff,
            f"{staff.login} asks a unit twice on {plan}",
            (
                lambda: self.env["emulation.plan.consultation"]
                .with_user(staff)
                .create([{"plan_id": plan.id, "partner_id": self.unit_member4.id}] * 2)
            ),
        )

    def _hostile_6(self, rng, officer, unit, staff):
        """Emptying a required field."""
        model, name = rng.choice(
            [
                ("emulation.cluster.membership", "cluster_id"),
                ("emulation.cluster.membership", "partner_id"),
                ("emulation.obligation", "name"),
                ("emulation.event", "name"),
                ("emulation.covenant", "name"),
            ]
        )
        record = self._random_record(rng, model)
        return (
            staff,
            f"{staff.login} empties {record}.{name}",
            (lambda: record and record.with_user(staff).write({name: False})),
        )

    def _hostile_7(self, rng, officer, unit, staff):
        """Deciding on one's own filing."""
        model, action, states = rng.choice(
            [
                ("emulation.registration", "action_acknowledge", ["sent"]),
                (
                    "emulation.submission",
                    "action_accept",
                    ["filed", "under_review"],
                ),
                ("emulation.submission", "action_start_review", ["filed"]),
                (
                    "emulation.covenant.signature",
                    "action_reset_to_waiting",
                    ["signed"],
                ),
            ]
        )
        # in a state the action starts from when there is one: only the
        # role may then refuse it
        record = self._random_record(
            rng, model, [("partner_id", "=", unit.id), ("state", "in", states)]
        ) or self._random_record(rng, model, [("partner_id", "=", unit.id)])
        context = rng.choice(HOSTILE_CONTEXTS[2:4])

        def decide_own():
            if not record:
                return
            if record.state not in states:
                self._bring_own_record_forward(record, officer)
            getattr(record.with_user(officer).with_context(**context), action)()

        return (
            officer,
            f"{officer.login} calls {record}.{action} ({context})",
            decide_own,
        )

    def _hostile_8(self, rng, officer, unit, staff):
        """Defaults a client can send."""
        choice = rng.randrange(4)
        if choice == 3:
            year = rng.choice([2033, 2034])
            return (
                staff,
                f"{staff.login} creates a plan for {year} in adjustment",
                (
                    lambda: self.env["emulation.plan"]
                    .with_user(staff)
                    .with_context(
                        default_adjustment_in_progress=True,
                        default_revision_number=3,
                        default_year=year,
                    )
                    .create({"cluster_id": self.cluster.id})
                ),
            )
        if choice == 0:
            return (
                officer,
                f"{officer.login} creates a registration with defaults",
                (
                    lambda: self.env["emulation.registration"]
                    .with_user(officer)
                    .with_context(
                        default_state=rng.choice(["sent", "acknowledged"]),
                        default_acknowledged_by_id=self.user_secretariat.id,
                        default_date_acknowledged="2020-04-01",
                    )
                    .create({"plan_id": self.plan.id})
                ),
            )
        if choice == 1:
            year = rng.choice([2031, 2032])
            return (
                staff,
                f"{staff.login} creates a plan for {year} with default_state",
                (
                    lambda: self.env["emulation.plan"]
                    .with_user(staff)
                    .with_context(default_state="issued", default_year=year)
                    .create({"cluster_id": self.cluster.id})
                ),
            )
        return (
            staff,
            f"{staff.login} creates a covenant with default_state",
            (
                lambda: self.env["emulation.covenant"]
                .with_user(staff)
                .with_context(default_state="in_force")
                .create({"name": "Giao ước", "plan_id": self.plan.id})
            ),
        )

    def _hostile_9(self, rng, officer, unit, staff):
        """Memberships archived, then another added."""
        membership = self._random_record(
            rng,
            "emulation.cluster.membership",
            [("cluster_id", "=", self.cluster.id)],
        )

        def archive_then_add():
            manager = self.user_manager
            membership.with_user(manager).write({"active": False})
            self.env["emulation.cluster.membership"].with_user(manager).with_context(
                active_test=False
            ).create(
                {
                    "cluster_id": self.cluster.id,
                    "partner_id": self.unit_other2.id,
                    "date_start": "2020-01-01",
                }
            )

        return (
            self.user_manager,
            f"archive {membership}, add a member",
            archive_then_add,
        )

    def _hostile_10(self, rng, officer, unit, staff):
        """A transition with the audit trail switched off: the unit's own
        filing, registration or signature, in a state it moves from."""
        model, states = rng.choice(
            [
                ("emulation.registration", ["draft", "returned"]),
                ("emulation.submission", ["to_file", "returned"]),
                ("emulation.covenant.signature", ["waiting"]),
            ]
        )
        record = self._random_record(
            rng, model, [("partner_id", "=", unit.id), ("state", "in", states)]
        )
        silent = {"tracking_disable": True, "mail_notrack": True}
        return (
            officer,
            f"{officer.login} moves {record} silently",
            (
                lambda: record
                and self._bring_own_record_forward(
                    record.with_context(**silent), officer
                )
            ),
        )

    def _hostile_11(self, rng, officer, unit, staff):
        """A secretariat user appraises his own unit's scorecard (the
        leader's staff, the leader's card), having self-scored it for the
        unit first where it was still to self-score."""
        user = self.user_secretariat
        own = user.partner_id.commercial_partner_id
        card = self.plan.scorecard_ids.filtered(lambda card: card.partner_id == own)

        def appraise_own():
            if card.state == "draft":
                try:
                    with self.env.cr.savepoint():
                        card.with_user(user).action_submit_self_scores()
                except UserError as refusal:
                    _logger.info("self-scoring refused: %s", refusal)
            line = card.line_ids.filtered(lambda line: line.kind == "scored")[:1]
            line.with_user(user).appraised_value = rng.choice([0.0, 1.0])
            card.with_user(user).action_appraise()

        return user, f"{user.login} appraises {card}, his own unit's", appraise_own

    def _hostile_12(self, rng, officer, unit, staff):
        """An officer votes for another unit, or twice for his own, or
        approves a candidate of another poll."""
        poll = self.poll
        other = rng.choice(self._pool("res.partner"))
        candidates = self.env["emulation.poll.candidate"].sudo().search([]).ids

        def vote():
            self.env["emulation.ballot"].with_user(officer).create(
                {
                    "poll_id": poll.id,
                    "partner_id": rng.choice([other, unit.id]),
                    "approve_ids": [Command.set([rng.choice(candidates)])],
                }
            )

        return officer, f"{officer.login} votes in {poll}", vote

    def _hostile_13(self, rng, officer, unit, staff):
        """An officer, or a secretariat user, decides a proposal of the
        council: writes the decision, approves or rejects it."""
        proposal = self._random_record(rng, "emulation.award.proposal")
        user = rng.choice([officer, staff])
        values = rng.choice(
            [
                {"decision_number": "1/QĐ", "decision_date": "2021-03-01"},
                {"rejection_reason": "Không"},
                {"state": "approved"},
            ]
        )

        def decide():
            if not proposal:
                return
            record = proposal.with_user(user)
            if rng.random() < 0.5:
                record.write(values)
            else:
                rng.choice([record.action_approve, record.action_reject])()

        return user, f"{user.login} decides {proposal}", decide

    def _plan_operation(self, rng, counts):
        """A random operation: (acting user, description, action)."""
        draw = rng.random()
        if draw < 0.53:
            # a hostile user's try, or an ordinary step of the year's end
            plan = self._plan_hostile if draw < 0.35 else self._plan_proper
            return plan(rng, counts)
        user = rng.choice(self.users)
        context = dict(rng.choice(HOSTILE_CONTEXTS))
        if "default_partner_id" in context:
            context["default_partner_id"] = rng.choice(self._pool("res.partner"))
        kind = rng.choices(
            [
                "create",
                "write",
                "transition",
                "cron",
                "archive",
                "unlink",
                "upload",
                "link",
            ],
            weights=[12, 34, 30, 4, 5, 5, 5, 5],
        )[0]
        model = rng.choice(MODELS)
        Model = self.env[model].with_user(user).with_context(**context)
        ids = self.env[model].sudo().with_context(active_test=False).search([]).ids
        record = Model.browse(rng.choice(ids)) if ids else Model.browse()
        counts[(model, kind)] += 1
        self._family = "cron" if kind == "cron" else FAMILIES[model]
        who = f"{user.login} ({context})"
        if kind == "cron":
            Obligation = self.env["emulation.obligation"]
            cron = rng.choice(
                [
                    Obligation._cron_send_deadline_reminders,
                    Obligation._cron_mark_overdue,
                    self.env["emulation.event"]._cron_send_event_reminders,
                    self.env[
                        "emulation.covenant.signature"
                    ]._cron_send_signature_reminders,
                    self.env["emulation.rule.award"]._cron_send_proposal_reminders,
                    self.env["emulation.covenant"]._cron_close_ended_years,
                ]
            )
            day = rng.choice(["2020-06-08", "2020-06-16", "2020-11-19", "2021-01-02"])

            def run_cron():
                with freeze_time(day):
                    cron()

            return (
                self.env.ref("base.user_root"),
                f"cron {cron.__name__} {day}",
                run_cron,
            )
        if kind == "create":
            values = self._create_values(rng, model)
            return user, f"{who} creates {model} {values}", lambda: Model.create(values)
        if kind == "upload":
            return user, f"{who} uploads and attaches", self._upload_action(rng, user)
        if kind == "link":
            # a file someone else uploaded, or another unit's filed report
            files = (
                self.env["ir.attachment"]
                .sudo()
                .search([("res_model", "=", "emulation.submission")])
            )
            if not files:
                return user, "no file to link", lambda: None
            file_id = rng.choice(files.ids)
            submissions = self.env["emulation.submission"].sudo().search([]).ids
            target = (
                self.env["emulation.submission"]
                .with_user(user)
                .browse(rng.choice(submissions))
            )
            return (
                user,
                f"{who} links file {file_id} to submission {target.id}",
                lambda: target.write({"attachment_ids": [Command.link(file_id)]}),
            )
        if not record:
            return user, f"no {model} to act on", lambda: None
        label = f"{model}({record.id})"
        if kind == "write":
            name = rng.choice(self._writable_names(Model))
            value = self._value(rng, Model, name)
            return (
                user,
                f"{who} writes {label}.{name} = {value!r}",
                lambda: record.write({name: value}),
            )
        if kind == "transition":
            if model == "emulation.plan" and rng.random() < 0.3:
                return (
                    user,
                    f"{who} proposes an adjustment of {label}",
                    (
                        lambda: self.env["emulation.plan.adjustment.wizard"]
                        .with_user(user)
                        .create(
                            {
                                "plan_id": record.id,
                                "description": "Điều chỉnh",
                                "consent_mode": rng.choice(
                                    ["deputy_user", "document", "manager"]
                                ),
                                "agreement_document_id": self.guidance.id,
                            }
                        )
                        .action_confirm()
                    ),
                )
            names = TRANSITIONS.get(model)
            if not names:
                return user, f"{model} has no transition", lambda: None
            name = rng.choice(names)
            args = (
                ("Thiếu chữ ký.",)
                if name == "action_return" and model.endswith("submission")
                else ()
            )
            return (
                user,
                f"{who} calls {label}.{name}{args}",
                lambda: getattr(record, name)(*args),
            )
        if kind == "archive":
            if "active" not in record._fields:
                return user, f"{model} is not archived", lambda: None
            active = not record.sudo().active
            return (
                user,
                f"{who} sets {label}.active = {active}",
                lambda: record.write({"active": active}),
            )
        return user, f"{who} deletes {label}", record.unlink

    # ------------------------------------------------------------------
    # what the year's end is made of, done by whom it is for
    # ------------------------------------------------------------------
    def _plan_proper(self, rng, counts):
        """An ordinary step of scoring or awards, by the user whose step it
        is, with a value the form would send: most go through."""
        draw = rng.random()
        if draw < 0.5:
            self._family = "scoring"
            counts[("emulation.score.line", "proper")] += 1
            return self._proper_scoring(rng)
        if draw > 0.85:
            self._family = "votes"
            counts[("emulation.ballot", "proper")] += 1
            return self._proper_vote(rng)
        self._family = "awards"
        counts[("emulation.award.proposal", "proper")] += 1
        return self._proper_award(rng)

    def _proper_value(self, rng, line):
        criterion = line.criterion_id.sudo()
        if criterion.kind == "counted":
            return rng.randint(0, 6)
        if criterion.kind == "pass_fail":
            return rng.choice([0.0, criterion.max_points])
        if criterion.kind == "target":
            return round(rng.uniform(0, 150), 2)
        return round(rng.uniform(0, criterion.max_points), 2)

    def _proper_scoring(self, rng):
        officers = {
            self.unit_member3: self.user_officer,
            self.unit_deputy: self.user_deputy,
        }
        unit = rng.choice(list(officers))
        card = self.plan.scorecard_ids.filtered(lambda card: card.partner_id == unit)
        lines = card.line_ids.filtered(lambda line: line.kind != "group")
        line = rng.choice(lines)
        if card.state == "draft" and line.kind == "target" and rng.random() < 0.3:
            value = round(rng.uniform(1, 200), 2)
            return (
                self.user_secretariat,
                f"the secretariat sets the target of {line} to {value}",
                lambda: line.with_user(self.user_secretariat).write(
                    {"target_value": value}
                ),
            )
        if card.state == "draft":
            officer = officers[unit]
            value = self._proper_value(rng, line)
            return (
                officer,
                f"{officer.login} self-scores {line} {value}",
                lambda: line.with_user(officer).write({"self_value": value}),
            )
        if card.state in ("self_scored", "appraised") and rng.random() < 0.8:
            value = self._proper_value(rng, line)
            return (
                self.user_secretariat,
                f"the secretariat appraises {line} {value}",
                lambda: line.with_user(self.user_secretariat).write(
                    {"appraised_value": value}
                ),
            )
        return (
            self.user_secretariat,
            f"the secretariat sends {card} back to self-scoring",
            card.with_user(self.user_secretariat).action_back_to_self_scoring,
        )

    def _proper_vote(self, rng):
        """A step of the conference's polls, end to end: a poll opened, a
        unit's ballot cast (by its officer, or from paper by the counting
        committee), a round counted, a further round."""
        secretariat = self.user_secretariat
        Poll = self.env["emulation.poll"].sudo()
        polls = Poll.search([("state", "in", ("open", "counted"))])
        if not polls:

            def open_poll():
                poll = Poll.with_user(secretariat).create(
                    {
                        "name": "Suy tôn",
                        "event_id": self.plan.event_ids[:1].id,
                        "award_type_id": self.flag.id,
                        "is_secret": rng.random() < 0.8,
                        "counting_user_ids": [Command.link(secretariat.id)],
                    }
                )
                poll.action_open_voting()

            return secretariat, "the secretariat opens a poll", open_poll
        poll = rng.choice(polls)
        if poll.state == "counted":
            return (
                secretariat,
                f"the secretariat votes again in {poll}",
                poll.with_user(secretariat).action_next_round,
            )
        waiting = poll.voter_ids.filtered(lambda v: v.voted_round < poll.round)
        running = poll._get_running_candidates()
        approved = rng.sample(
            running.ids, min(len(running), rng.randint(0, poll._get_seats_left()))
        )
        # a secret poll's paper ballots handed in and not entered yet
        pending = len(poll.voter_ids) - len(waiting) - poll.ballot_count
        if pending and (not waiting or rng.random() < 0.5):
            vals = {"poll_id": poll.id, "partner_id": False}
            vals["approve_ids"] = [Command.set(approved)]
            return (
                secretariat,
                f"the committee enters a paper ballot of {poll}, without its unit",
                lambda: self.env["emulation.ballot"]
                .with_user(secretariat)
                .create(vals),
            )
        if not waiting or rng.random() < 0.15:
            return (
                secretariat,
                f"the secretariat counts {poll}",
                poll.with_user(secretariat).action_count_round,
            )
        voter = rng.choice(waiting)
        officers = {
            self.unit_member3: self.user_officer,
            self.unit_deputy: self.user_deputy,
        }
        user = officers.get(voter.partner_id, secretariat)
        if (
            poll.is_secret
            and voter.partner_id != self.unit_leader
            and user == secretariat
        ):
            # the secretariat's own unit votes online; another's on paper,
            # handed in first, its ballot entered apart without the unit
            return (
                user,
                f"{voter.partner_id.name} hands its ballot in on paper in {poll}",
                voter.with_user(user).action_hand_in_paper,
            )
        vals = {
            "poll_id": poll.id,
            "partner_id": voter.partner_id.id,
            "approve_ids": [Command.set(approved)],
            "is_written": voter.attendance == "absent",
        }
        return (
            user,
            f"{user.login} casts the ballot of {voter.partner_id.name} in {poll}",
            lambda: self.env["emulation.ballot"].with_user(user).create(vals),
        )

    def _proper_award(self, rng):
        Proposal = self.env["emulation.award.proposal"].sudo()
        submitted = Proposal.search([("state", "=", "submitted")])
        if submitted and rng.random() < 0.5:
            proposal = rng.choice(submitted).with_user(self.user_council)
            if rng.random() < 0.7:

                def decide():
                    proposal.write(
                        {
                            "decision_number": "15/QĐ-HĐTĐKT",
                            "decision_date": "2021-03-01",
                        }
                    )
                    proposal.action_approve()

                return self.user_council, f"the council approves {proposal}", decide

            def refuse():
                proposal.write({"rejection_reason": "Chưa đủ tiêu chuẩn."})
                proposal.action_reject()

            return self.user_council, f"the council rejects {proposal}", refuse
        drafts = Proposal.search(
            [("state", "=", "draft"), ("plan_id", "=", self.plan.id)]
        )
        if drafts and rng.random() < 0.7:
            proposal = rng.choice(drafts).with_user(self.user_secretariat)
            text = rng.choice(
                ["Dẫn đầu phong trào thi đua.", "Hoàn thành xuất sắc nhiệm vụ."]
            )
            return (
                self.user_secretariat,
                f"the secretariat writes the achievement of {proposal}",
                lambda: proposal.write({"achievement": text}),
            )
        letters = (
            self.env["emulation.award.letter"]
            .sudo()
            .search([("state", "=", "draft"), ("plan_id", "=", self.plan.id)])
        )
        letter = letters and rng.choice(letters).with_user(self.user_secretariat)
        return (
            self.user_secretariat,
            f"the secretariat notes on {letter}",
            lambda: letter and letter.write({"note": "Gửi kèm bản điện tử."}),
        )

    def _upload_action(self, rng, user):
        submissions = self.env["emulation.submission"].sudo().search([]).ids
        target = (
            self.env["emulation.submission"]
            .with_user(user)
            .browse(rng.choice(submissions))
        )
        res_id = rng.choice([0, target.id, rng.choice(submissions)])

        def upload():
            attachment = (
                self.env["ir.attachment"]
                .with_user(user)
                .create(
                    {
                        "name": "bao-cao.pdf",
                        "datas": base64.b64encode(b"%PDF-1.4"),
                        "res_model": "emulation.submission",
                        "res_id": res_id,
                    }
                )
            )
            target.write({"attachment_ids": [Command.link(attachment.id)]})

        return upload

    # ------------------------------------------------------------------
    # invariants
    # ------------------------------------------------------------------
    def _snapshot(self):
        """States of the records that must be kept, and the stored values of
        every unit's private records."""
        kept = {}
        for model, states in KEPT.items():
            domain = [("state", "in", states)] if states else []
            for record in (
                self.env[model].sudo().with_context(active_test=False).search(domain)
            ):
                kept[(model, record.id)] = record.state if "state" in record else None
        private = {}
        for model, owner in PRIVATE.items():
            Model = self.env[model].sudo().with_context(active_test=False)
            names = [
                name
                for name in self._writable_names(Model)
                if Model._fields[name].type not in ("many2many", "binary")
                and name not in DERIVED.get(model, ())
            ]
            records = Model.search([])
            for row in records.read(names, load=None):
                private[(model, row["id"])] = (row[owner], row)
            if model == "emulation.score.line":
                for line in records.filtered(
                    lambda line: line.scorecard_id.state == "agreed"
                ):
                    private[(model, line.id)][1]["agreed"] = (
                        line.final_points,
                        line.self_points,
                    )
        return kept, private

    def _check_invariants(self, before, acting_user, step):
        env = self.env
        env.flush_all()
        env.invalidate_all()
        cr = env.cr
        self._check_votes(step)
        # one plan per cluster and year; one submission per obligation and unit
        cr.execute(
            "SELECT cluster_id, year FROM emulation_plan "
            "GROUP BY 1, 2 HAVING count(*) > 1"
        )
        self.assertFalse(cr.fetchall(), f"{step}: two plans of a cluster and year")
        cr.execute(
            "SELECT obligation_id, partner_id FROM emulation_submission "
            "GROUP BY 1, 2 HAVING count(*) > 1"
        )
        self.assertFalse(cr.fetchall(), f"{step}: two submissions of a unit")
        kept_before, private_before = before
        kept_after, private_after = self._snapshot()
        # every move of a kept record's state is in its chatter
        self.env.cr.precommit.run()
        for (model, res_id), state in kept_before.items():
            new_state = kept_after.get((model, res_id))
            if state is None or new_state is None or new_state == state:
                continue
            if "message_ids" not in env[model]._fields:
                continue
            tracked = (
                env["mail.tracking.value"]
                .sudo()
                .search_count(
                    [
                        ("mail_message_id.model", "=", model),
                        ("mail_message_id.res_id", "=", res_id),
                        ("field_id.name", "=", "state"),
                        ("mail_message_id.id", ">", self._last_message_id),
                    ]
                )
            )
            self.assertTrue(tracked, f"{step}: {model}({res_id}) moved untracked")
        # nothing filed, issued, signed or agreed lost or moved back
        for (model, res_id), state in kept_before.items():
            record = env[model].sudo().browse(res_id)
            self.assertTrue(record.exists(), f"{step}: {model}({res_id}) was deleted")
            if state is None:
                continue
            moves = env[model]._allowed_moves
            self.assertTrue(
                record.state == state or record.state in moves.get(state, ()),
                f"{step}: {model}({res_id}) moved {state} -> {record.state}",
            )
        # a record's unit, plan and cluster never change; a signed line never
        for key, (__, row) in private_before.items():
            if key not in private_after:
                continue
            after = private_after[key][1]
            for name in ("partner_id", "plan_id", "cluster_id", "obligation_id"):
                if name in row:
                    self.assertEqual(
                        after[name], row[name], f"{step}: {key}.{name} moved"
                    )
            # a signed line, an agreed score never change
            if row.get("state") == "signed" or "agreed" in row:
                self.assertEqual(after, row, f"{step}: {key} changed once final")
        # no record of a unit written by another unit's officer
        acting_unit = acting_user.partner_id.commercial_partner_id
        is_officer_only = not acting_user.has_group(
            "emulation_cluster.group_secretariat"
        )
        # (the council decides every unit's proposals)
        decided = (
            {"emulation.award.proposal"}
            if acting_user.has_group("emulation_cluster.group_council")
            else set()
        )
        if is_officer_only:
            for key, (owner, row) in private_before.items():
                if (
                    owner == acting_unit.id
                    or key not in private_after
                    or key[0] in decided
                ):
                    continue
                self.assertEqual(
                    private_after[key][1],
                    row,
                    f"{step}: {key} of another unit changed by {acting_user.login}",
                )
        # no private record readable by another unit's officer
        for user in (self.user_officer, self.user_deputy, self.user_officer_other):
            unit = user.partner_id.commercial_partner_id
            for model, owner in PRIVATE.items():
                records = env[model].with_user(user).search([])
                self.assertFalse(
                    records.sudo().filtered(lambda r, o=owner, u=unit: r[o] != u),
                    f"{step}: {user.login} reads {model} of another unit",
                )
            # no ballot but his own unit's (a secret one names no unit)
            ballots = env["emulation.ballot"].with_user(user).search([]).sudo()
            self.assertFalse(
                ballots.filtered(lambda ballot, u=unit: ballot.partner_id != u),
                f"{step}: {user.login} reads another unit's ballot",
            )
            # another unit's ranking row only once the plan's ranking is
            # agreed, and only in a plan of which the unit is a member
            rows = env["emulation.ranking"].with_user(user).search([]).sudo()
            self.assertFalse(
                rows.filtered(
                    lambda row, u=unit: row.partner_id != u
                    and not (row.is_agreed and u in row.plan_id.member_unit_ids)
                ),
                f"{step}: {user.login} reads a ranking row not agreed or not his",
            )
        self._check_workflow_integrity(step)

    def _check_votes(self, step):
        """Secret by construction and countable: no secret ballot names a
        unit, its written mark or who entered it; in every poll the ballots
        of the round are as many as the voters flagged for it."""
        Ballot = self.env["emulation.ballot"].sudo()
        self.assertFalse(
            Ballot.search(
                [
                    ("poll_id.is_secret", "=", True),
                    "|",
                    "|",
                    ("partner_id", "!=", False),
                    ("entered_by_id", "!=", False),
                    ("is_written", "=", True),
                ]
            ),
            f"{step}: a secret ballot links to its unit",
        )
        lines = {}
        for poll in self.env["emulation.poll"].sudo().search([]):
            ballots = Ballot.search_count(
                [("poll_id", "=", poll.id), ("round", "=", poll.round)]
            )
            voted = poll.voter_ids.filtered(lambda v, p=poll: v.voted_round == p.round)
            paper = voted.filtered(lambda v, p=poll: v.paper_round == p.round)
            # while voting, the paper ballots handed in may wait to be
            # entered; a counted round has one ballot per voter flagged
            self.assertLessEqual(
                len(voted) - len(paper), ballots, f"{step}: {poll} online ballots"
            )
            self.assertLessEqual(
                ballots, len(voted), f"{step}: {poll} ballots > voters"
            )
            if poll.state != "open":
                self.assertEqual(
                    ballots, len(voted), f"{step}: {poll} ballots != voters"
                )
            for line in poll.voter_ids:
                lines[(line._name, line.id)] = (
                    (line.partner_id.id, line.voted_round),
                    poll,
                )
            for line in poll.candidate_ids:
                lines[(line._name, line.id)] = ((line.partner_id.id, 0), poll)
        # a voter or candidate line added, changed or flagged by this step:
        # a member of the poll's cluster on the conference's date
        previous = getattr(self, "_vote_lines", None)
        for key, (state, poll) in lines.items() if previous is not None else ():
            if previous.get(key, (None,))[0] != state:
                self.assertIn(
                    self.env[key[0]].browse(key[1]).partner_id,
                    poll._get_members(),
                    f"{step}: {key[0]} {key[1]} of {poll} is no member",
                )
        self._vote_lines = lines

    def _check_refusal(self, error, user, step):
        """A refusal names no plan the user may not read."""
        Plan = self.env["emulation.plan"].with_context(active_test=False)
        try:
            readable = Plan.with_user(user).search([])
        except AccessError:
            readable = Plan.browse()
        message = str(error)
        known = set(readable.sudo().mapped("number") + readable.sudo().mapped("name"))
        for plan in Plan.search([]) - readable:
            for text in {plan.number, plan.name} - known - {False, ""}:
                self.assertNotIn(text, message, f"{step}: the refusal names {text}")

    def _check_workflow_integrity(self, step):
        env = self.env
        cr = env.cr
        # nobody appraises his own unit's scorecard
        cr.execute(
            """
            SELECT h.id FROM emulation_score_history h
              JOIN res_users u ON u.id = h.user_id
              JOIN res_partner p ON p.id = u.partner_id
             WHERE h.step = 'appraisal'
               AND p.commercial_partner_id = h.partner_id
            """
        )
        self.assertFalse(cr.fetchall(), f"{step}: a unit appraised its own scores")
        # a scorecard's total is its lines'; no line beyond its criterion
        cr.execute(
            """
            SELECT card.id FROM emulation_scorecard card
              JOIN emulation_score_line line ON line.scorecard_id = card.id
             GROUP BY card.id, card.final_total
            HAVING abs(sum(CASE WHEN line.is_applicable THEN line.final_points
                                ELSE 0 END) - card.final_total) > 0.01
            """
        )
        self.assertFalse(cr.fetchall(), f"{step}: a card's total is not its lines'")
        cr.execute(
            """
            SELECT line.id FROM emulation_score_line line
              JOIN emulation_criterion criterion ON criterion.id = line.criterion_id
             WHERE abs(line.final_points) > criterion.max_points + 0.001
                OR abs(line.self_points) > criterion.max_points + 0.001
            """
        )
        self.assertFalse(cr.fetchall(), f"{step}: a score beyond its maximum")
        # stored copies follow their source
        for table, source, join, columns in (
            (
                "emulation_submission",
                "emulation_obligation",
                "obligation_id",
                ("cluster_id", "plan_id", "deadline"),
            ),
            ("emulation_obligation", "emulation_plan", "plan_id", ("cluster_id",)),
            ("emulation_registration", "emulation_plan", "plan_id", ("cluster_id",)),
            (
                "emulation_covenant_signature",
                "emulation_covenant",
                "covenant_id",
                ("cluster_id",),
            ),
            (
                "emulation_registration_line",
                "emulation_registration",
                "registration_id",
                ("partner_id", "plan_id"),
            ),
        ):
            differs = " OR ".join(f"t.{c} IS DISTINCT FROM s.{c}" for c in columns)
            cr.execute(
                f"SELECT t.id FROM {table} t JOIN {source} s ON s.id = t.{join} "  # noqa: S608
                f"WHERE {differs}"
            )
            self.assertFalse(cr.fetchall(), f"{step}: a copy on {table} was written")
        # transitions made by whom they may be
        cr.execute(
            """
            SELECT s.id FROM emulation_submission s
              JOIN res_users u ON u.id = s.reviewer_id
              JOIN res_partner p ON p.id = u.partner_id
             WHERE s.state IN ('accepted', 'returned', 'under_review')
               AND COALESCE(p.commercial_partner_id, p.id) = s.partner_id
            """
        )
        self.assertFalse(cr.fetchall(), f"{step}: a unit reviewed its own filing")
        cr.execute(
            """
            SELECT r.id FROM emulation_registration r
              LEFT JOIN res_users u ON u.id = r.acknowledged_by_id
              LEFT JOIN res_partner p ON p.id = u.partner_id
             WHERE r.state = 'acknowledged'
               AND (u.id IS NULL
                    OR COALESCE(p.commercial_partner_id, p.id) = r.partner_id)
            """
        )
        self.assertFalse(cr.fetchall(), f"{step}: a unit acknowledged its own")
        cr.execute(
            """
            SELECT c.id FROM emulation_covenant c
             WHERE c.state = 'in_force' AND (
                   NOT EXISTS (
                   SELECT 1 FROM emulation_covenant_signature s
                    WHERE s.covenant_id = c.id)
                   OR EXISTS (
                   SELECT 1 FROM emulation_covenant_signature s
                    WHERE s.covenant_id = c.id AND s.state != 'signed'))
            """
        )
        self.assertFalse(cr.fetchall(), f"{step}: a covenant in force unsigned")
        cr.execute(
            """
            SELECT id FROM emulation_plan
             WHERE state IN ('issued', 'closed')
               AND (number IS NULL OR issue_date IS NULL OR leader_id IS NULL
                    OR deputy_id IS NULL)
            """
        )
        self.assertFalse(cr.fetchall(), f"{step}: a plan issued incomplete")
        cr.execute(
            """
            SELECT p.id FROM emulation_plan p
             WHERE p.adjustment_in_progress AND NOT EXISTS (
                   SELECT 1 FROM emulation_plan_revision r
                    WHERE r.plan_id = p.id AND r.state = 'agreed'
                      AND r.revision_number = p.revision_number)
            """
        )
        self.assertFalse(cr.fetchall(), f"{step}: an adjustment nobody agreed")
        cr.execute(
            "SELECT id FROM emulation_obligation WHERE reminder_offsets IS NOT NULL "
            "AND reminder_offsets !~ '^[0-9]{1,3}(,[0-9]{1,3})*$'"
        )
        self.assertFalse(cr.fetchall(), f"{step}: reminder offsets not normalised")
        # files: each attached by its unit, the secretariat, or the system
        cr.execute(
            """
            SELECT s.id, a.id FROM emulation_submission s
              JOIN emulation_submission_attachment_rel rel ON rel.submission_id = s.id
              JOIN ir_attachment a ON a.id = rel.attachment_id
              JOIN res_users u ON u.id = a.create_uid
              JOIN res_partner p ON p.id = u.partner_id
             WHERE u.id > 2 AND COALESCE(p.commercial_partner_id, p.id) != s.partner_id
               AND u.id NOT IN (SELECT user_id FROM emulation_cluster_secretariat_rel
                                 WHERE cluster_id = s.cluster_id)
               AND u.id NOT IN (SELECT uid FROM res_groups_users_rel
                                 WHERE gid = %s)
            """,
            (env.ref("emulation_cluster.group_manager").id,),
        )
        self.assertFalse(cr.fetchall(), f"{step}: another unit's file attached")
        # members of a plan's year are the memberships running that year
        for plan in (
            env["emulation.plan"].sudo().with_context(active_test=False).search([])
        ):
            memberships = plan.cluster_id.membership_ids.filtered(
                lambda m, p=plan: m.active
                and m.date_start <= date(p.year, 12, 31)
                and (not m.date_end or m.date_end >= date(p.year, 1, 1))
            )
            self.assertEqual(
                plan.member_unit_ids, memberships.partner_id, f"{step}: members"
            )
        # only the member units of a plan's year register for it (a unit
        # that left since keeps what it registered)
        cr.execute(
            """
            SELECT r.id FROM emulation_registration r
             WHERE NOT EXISTS (
                   SELECT 1 FROM emulation_plan_member_unit_rel m
                    WHERE m.plan_id = r.plan_id AND m.partner_id = r.partner_id)
               AND r.id > %s
            """,
            (self._last_registration_id,),
        )
        self.assertFalse(cr.fetchall(), f"{step}: a registration from outside")
        # an officer creates private records for his own unit only
        secretaries = (
            env.ref("emulation_cluster.group_secretariat").sudo().all_user_ids
            if "all_user_ids" in env["res.groups"]._fields
            else env["res.users"]
            .sudo()
            .search(
                [("groups_id", "in", env.ref("emulation_cluster.group_secretariat").id)]
            )
        )
        for model in ("emulation.registration", "emulation.registration.line"):
            Model = env[model].sudo().with_context(active_test=False)
            for record in Model.search(
                [("create_uid", "not in", secretaries.ids + [1, 2])]
            ):
                self.assertEqual(
                    record.create_uid.partner_id.commercial_partner_id,
                    record.partner_id,
                    f"{step}: {record} created for another unit",
                )
        # plausible dates only, in every date of the addon
        for model in MODELS:
            Model = env[model]
            for name, field in Model._fields.items():
                if field.type not in ("date", "datetime") or not field.store:
                    continue
                cr.execute(
                    f'SELECT min("{name}"), max("{name}") FROM "{Model._table}"'  # noqa: S608
                )
                low, high = cr.fetchone()
                if low:
                    self.assertGreaterEqual(low.year, 1945, f"{step}: {model}.{name}")
                    self.assertLessEqual(high.year, 2100, f"{step}: {model}.{name}")

    # ------------------------------------------------------------------
    # the test
    # ------------------------------------------------------------------
    def test_random_operations(self):
        # the fixture's records were created in this transaction: Odoo tracks
        # them from the next one
        self.env.flush_all()
        self.env.cr.precommit.run()
        seed = int(os.environ.get("EMULATION_SEED") or DEFAULT_SEED)
        rng = random.Random(seed)
        counts = Counter()
        outcomes = Counter()
        families = Counter()
        for step in range(OPERATIONS):
            before = self._snapshot()
            self.env.cr.execute("SELECT coalesce(max(id), 0) FROM mail_message")
            self._last_message_id = self.env.cr.fetchone()[0]
            self.env.cr.execute(
                "SELECT coalesce(max(id), 0) FROM emulation_registration"
            )
            self._last_registration_id = self.env.cr.fetchone()[0]
            user, description, action = self._plan_operation(rng, counts)
            families[(self._family, "tried")] += 1
            try:
                with self.env.cr.savepoint():
                    action()
                outcomes["done"] += 1
                families[(self._family, "done")] += 1
            except UserError as refusal:
                # a refusal (access, validation, missing record): rolled back
                outcomes["refused"] += 1
                families[(self._family, "refused")] += 1
                self._check_refusal(refusal, user, f"seed {seed}, step {step}")
            except Exception as error:
                raise AssertionError(
                    f"seed {seed}, step {step}, {description}: "
                    f"{type(error).__name__}: {error}"
                ) from error
            self._check_invariants(
                before, user, f"seed {seed}, step {step}, {description}"
            )
        per_model = Counter()
        for (model, __), count in counts.items():
            per_model[model] += count
        _logger.info(
            "random operations (seed %s): %s done, %s refused; per model: %s",
            seed,
            outcomes["done"],
            outcomes["refused"],
            ", ".join(f"{model} {count}" for model, count in sorted(per_model.items())),
        )
        for family in sorted({family for family, __ in families}):
            _logger.info(
                "random operations (seed %s), %s: %s tried, %s done, %s refused",
                seed,
                family,
                families[(family, "tried")],
                families[(family, "done")],
                families[(family, "refused")],
            )
        for family, share in DONE_SHARE.items():
            self.assertGreaterEqual(
                families[(family, "done")],
                share * families[(family, "tried")],
                f"seed {seed}: too few {family} operations go through",
            )
        self.assertTrue(
            self.env["emulation.award.proposal"].search_count(
                [("state", "in", ("approved", "rejected"))]
            ),
            f"seed {seed}: the council decides no proposal",
        )
        self.assertGreaterEqual(sum(counts.values()), 500)
        self.assertGreater(outcomes["done"], 50, "the operations change things too")
        self.assertGreater(outcomes["refused"], 50, "and are refused things")
        self.assertEqual(set(per_model) - {"hostile"}, set(MODELS))
