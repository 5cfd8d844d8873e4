# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every bad value a client can send is refused in words, before anything
is computed or written: numbers that are not finite, texts in numeric
fields, lines that are not Odoo's commands, files that are not base64,
NUL characters, texts longer than anyone types, impossible dates."""

import base64
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .test_random_operations import RandomFixture

NOT_NUMBERS = [float("nan"), float("inf"), float("-inf"), 1e308, "abc", "１２", [1]]


@tagged("post_install", "-at_install")
class TestTrustInputs(RandomFixture):
    def _card_line(self, kind, unit=None):
        card = self.plan.scorecard_ids.filtered(
            lambda card: card.partner_id == (unit or self.unit_member3)
        )
        return card.line_ids.filtered(lambda line: line.kind == kind)[:1]

    def _rule_values(self, **vals):
        values = {
            "name": "Quy chế thử",
            "rule_type": "voting",
            "document_id": self.guidance.id,
            "scope": "cluster",
            "cluster_id": self.cluster.id,
            "date_from": "2019-01-01",
        }
        values.update(vals)
        return values

    def _assert_refused(self, call, msg=None):
        """``call`` is refused in words: a ValidationError, not a crash."""
        with self.assertRaises(ValidationError, msg=msg) as refusal:
            call()
        self.assertNotIn("Traceback", str(refusal.exception))
        return refusal.exception

    # ------------------------------------------------------------------
    # score lines: no value that breaks the points computation
    # ------------------------------------------------------------------
    def test_score_values_are_numbers(self):
        scored = self._card_line("scored").with_user(self.user_officer)
        counted = self._card_line("counted").with_user(self.user_officer)
        target = self._card_line("target").with_user(self.user_secretariat)
        for bad in NOT_NUMBERS:
            self._assert_refused(lambda bad=bad: scored.write({"self_value": bad}), bad)
            self._assert_refused(
                lambda bad=bad: counted.write({"self_value": bad}), bad
            )
            self._assert_refused(
                lambda bad=bad: target.write({"target_value": bad}), bad
            )
        self.assertEqual(scored.self_value, 0.0)
        self.assertEqual(target.target_value, 100.0)
        # a number in bounds is still scored
        scored.self_value = 12.5
        self.assertEqual(scored.self_points, 12.5)

    # ------------------------------------------------------------------
    # the raw-input validator: inside commands, files, NUL, ids
    # ------------------------------------------------------------------
    def test_non_finite_numbers_in_any_model(self):
        Rule = self.env["emulation.rule"].with_user(self.user_manager)
        for bad in (float("nan"), float("inf"), 1e308, "１２"):
            self._assert_refused(
                lambda bad=bad: Rule.create(self._rule_values(vote_threshold=bad)),
                bad,
            )
        template = self.env["emulation.criterion.template"].create(
            {
                "name": "Bảng nháp",
                "document_id": self.guidance.id,
                "date_from": date(2021, 1, 1),
            }
        )
        Criterion = self.env["emulation.criterion"].with_user(self.user_manager)
        for bad in (float("inf"), float("nan"), -1e300):
            self._assert_refused(
                lambda bad=bad: Criterion.create(
                    {
                        "template_id": template.id,
                        "code": "X",
                        "name": "X",
                        "kind": "scored",
                        "max_points": bad,
                    }
                ),
                bad,
            )
        self.assertFalse(template.criterion_ids)
        # an integer beyond PostgreSQL's
        self._assert_refused(lambda: Rule.create(self._rule_values(max_rounds=2**40)))

    def test_values_inside_commands(self):
        Rule = self.env["emulation.rule"].with_user(self.user_manager)
        for quota in (
            {"award_type_id": self.flag.id, "max_count": "abc"},
            {"award_type_id": self.flag.id, "max_count": float("nan")},
            {"award_type_id": "cờ", "max_count": 1},
        ):
            self._assert_refused(
                lambda quota=quota: Rule.create(
                    self._rule_values(
                        rule_type="nomination_quota",
                        quota_ids=[Command.create(quota)],
                    )
                ),
                quota,
            )
        for lines in (
            "abc",
            [("abc",)],
            [(0, 0, "abc")],
            [(4,)],
            [(6, 0, "abc")],
            [(9, 1)],
            [True],
        ):
            self._assert_refused(
                lambda lines=lines: Rule.create(
                    self._rule_values(rule_type="nomination_quota", quota_ids=lines)
                ),
                lines,
            )
        self.assertFalse(
            self.env["emulation.rule"].search([("name", "=", "Quy chế thử")])
        )

    def test_ids_in_many2many_commands(self):
        Ballot = self.env["emulation.ballot"].with_user(self.user_officer)
        for approve in (
            "abc",
            [Command.link("abc")],
            [Command.set(["1"])],
            [Command.set([1.5])],
            [Command.link(True)],
            [Command.link(10**9)],
        ):
            self._assert_refused(
                lambda approve=approve: Ballot.create(
                    {
                        "poll_id": self.poll.id,
                        "partner_id": self.unit_member3.id,
                        "approve_ids": approve,
                    }
                ),
                approve,
            )
        submission = self.submission.with_user(self.user_officer)
        for files in (
            [Command.link("abc")],
            [Command.set(["x"])],
            [(4, 1.5)],
            [Command.link(None)],
        ):
            self._assert_refused(
                lambda files=files: submission.write({"attachment_ids": files}), files
            )
        self.assertFalse(self.submission.attachment_ids)

    def test_files_are_base64_and_names_have_no_nul(self):
        item = self.proposal.item_ids[:1].with_user(self.user_secretariat)
        for bad in ("%%% không phải base64 %%%", "YWJ", b"\x00\x01", 12):
            self._assert_refused(lambda bad=bad: item.write({"file": bad}), bad)
        self._assert_refused(lambda: item.write({"file_name": "bao\x00cao.pdf"}))
        self._assert_refused(lambda: item.write({"note": "ghi chú\x00"}))
        self.assertFalse(item.file)
        line = self.covenant.signature_ids.filtered(
            lambda line: line.partner_id == self.unit_member3
        ).with_user(self.user_officer)
        self._assert_refused(lambda: line.write({"signed_copy": "@@@"}))
        self.assertFalse(line.signed_copy)
        # a real file goes in
        item.write({"file": base64.b64encode(b"%PDF-1.4"), "file_name": "to-trinh.pdf"})
        self.assertEqual(base64.b64decode(item.file), b"%PDF-1.4")

    def test_texts_have_a_length(self):
        submission = self.submission.with_user(self.user_officer)
        self._assert_refused(lambda: submission.write({"cover_note": "x" * 2_000_000}))
        item = self.proposal.item_ids[:1].with_user(self.user_secretariat)
        self._assert_refused(lambda: item.write({"note": "x" * 5000}))
        self.assertFalse(self.submission.cover_note)
        submission.cover_note = "Kính gửi Ban Thư ký. " * 40
        self.assertTrue(self.submission.cover_note)

    # ------------------------------------------------------------------
    # award rules: a deadline is a day of the year
    # ------------------------------------------------------------------
    def test_award_deadline_is_a_day(self):
        rule = self.env["emulation.rule"].create(
            self._rule_values(rule_type="proposal", name="Quy chế đề nghị")
        )
        Line = self.env["emulation.rule.award"].with_user(self.user_manager)
        for day, month in ((31, 2), (30, 2), (31, 4), (0, 3), (5, 0), (32, 1), (0, 0)):
            self._assert_refused(
                lambda day=day, month=month: Line.create(
                    {
                        "rule_id": rule.id,
                        "award_type_id": self.flag.id,
                        "deadline_day": day,
                        "deadline_month": month,
                    }
                ),
                (day, month),
            )
        line = Line.create(
            {
                "rule_id": rule.id,
                "award_type_id": self.flag.id,
                "deadline_day": 29,
                "deadline_month": 2,
            }
        )
        self.assertEqual(line._get_deadline(2021), date(2022, 2, 28))
        self._assert_refused(lambda: line.write({"deadline_day": 31}))

    def test_default_record_compared_by_id(self):
        """A client sending a system field's default (the user himself as
        the recorder) is neither refused nor a warning in the log."""
        with self.assertNoLogs("odoo.models", "WARNING"):
            registration = (
                self.env["emulation.registration"]
                .with_user(self.user_deputy)
                .create(
                    {"plan_id": self.plan.id, "recorded_by_id": self.user_deputy.id}
                )
            )
        self.assertEqual(registration.recorded_by_id, self.user_deputy)
        with self.assertRaises(UserError):
            self.env["emulation.registration"].with_user(self.user_deputy).create(
                {"plan_id": self.plan.id, "recorded_by_id": self.user_officer.id}
            )

    # ------------------------------------------------------------------
    # sizes: what users type, what they upload
    # ------------------------------------------------------------------
    def test_return_reason_has_a_length(self):
        own = self._upload(self.user_officer, self.submission)
        submission = self.submission.with_user(self.user_officer)
        submission.attachment_ids = [Command.link(own.id)]
        with freeze_time("2020-06-10"):
            submission.action_file()
        messages = len(self.submission.message_ids)
        reviewer = self.submission.with_user(self.user_secretariat)
        self._assert_refused(lambda: reviewer.action_return("x" * 2_000_000))
        self._assert_refused(lambda: reviewer.action_return("Thiếu\x00 chữ ký"))
        self.assertEqual(self.submission.state, "filed")
        self.assertEqual(len(self.submission.message_ids), messages)
        self.assertFalse(
            self.submission.activity_ids.filtered(
                lambda act: act.activity_type_id
                == self.env.ref("emulation_cluster.mail_activity_type_refile")
            )
        )
        reviewer.action_return("Thiếu chữ ký của lãnh đạo.")
        self.assertEqual(self.submission.state, "returned")

    def test_upload_limit_of_the_cluster(self):
        self.env["ir.config_parameter"].set_param(
            "web.max_file_upload_size", str(10 * 1024 * 1024)
        )
        cluster = self.cluster.with_user(self.user_secretariat)
        # the secretariat sets it, within the server's limit; nobody else
        self._assert_refused(lambda: cluster.write({"max_upload_mb": 50}))
        self._assert_refused(lambda: cluster.write({"max_upload_mb": 0}))
        with self.assertRaises(AccessError):
            self.cluster.with_user(self.user_officer).max_upload_mb = 2
        with self.assertRaises(AccessError):
            self.cluster.with_user(self.user_secretariat_other).max_upload_mb = 2
        cluster.max_upload_mb = 1
        self.assertEqual(self.cluster.max_upload_mb, 1)
        big = base64.b64encode(b"%PDF-1.4" + b"0" * (1024 * 1024 + 10))
        # a filing's file
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.user_officer)
            .create({"name": "lon.pdf", "datas": big, "res_model": "", "res_id": 0})
        )
        submission = self.submission.with_user(self.user_officer)
        self._assert_refused(
            lambda: submission.write({"attachment_ids": [Command.link(attachment.id)]})
        )
        self.assertFalse(self.submission.attachment_ids)
        # a signed copy and a dossier file
        line = self.covenant.signature_ids.filtered(
            lambda line: line.partner_id == self.unit_member3
        ).with_user(self.user_officer)
        self._assert_refused(lambda: line.write({"signed_copy": big}))
        item = self.proposal.item_ids[:1].with_user(self.user_secretariat)
        self._assert_refused(lambda: item.write({"file": big}))
        self.assertFalse(line.signed_copy)
        # the server's limit caps a cluster's larger one
        cluster.max_upload_mb = 10
        self.env["ir.config_parameter"].set_param(
            "web.max_file_upload_size", str(1024 * 1024)
        )
        self._assert_refused(lambda: line.write({"signed_copy": big}))
        line.write({"signed_copy": base64.b64encode(b"%PDF-1.4 small")})
        self.assertTrue(line.signed_copy)
