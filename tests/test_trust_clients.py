# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What a hostile user reaches with a real client: the external API
(XML-RPC, as odoorpc and xmlrpc.client call it) and the ORM as each role.
Every public method returns what every client can read, or refuses in
words; refusals use the user's words and language; a filing holds only
its own unit's files."""

import inspect
import xmlrpc.client

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .test_random_operations import RandomFixture

# XML-RPC fault codes of a refusal in words: UserError (and its
# ValidationError, RedirectWarning), AccessDenied, AccessError
REFUSAL_CODES = (2, 3, 4)


@tagged("post_install", "-at_install")
class TestTrustClients(HttpCase, RandomFixture):
    def _rpc(self, user, model, method, *args, **kwargs):
        # a refusal is logged by the server as a warning: expected here
        with mute_logger("odoo.http"):
            return self.xmlrpc_object.execute_kw(
                self.env.cr.dbname,
                user.id,
                user.login,
                model,
                method,
                list(args),
                kwargs,
            )

    def _assert_refused_rpc(self, user, model, method, *args):
        with self.assertRaises(xmlrpc.client.Fault) as refusal:
            self._rpc(user, model, method, *args)
        self.assertIn(
            refusal.exception.faultCode,
            REFUSAL_CODES,
            f"{model}.{method} crashed: {refusal.exception.faultString}",
        )
        return refusal.exception.faultString

    def _file(self, submission, user):
        report = self._upload(user, submission)
        submission.with_user(user).attachment_ids = [Command.link(report.id)]
        with freeze_time("2020-06-10"):
            submission.with_user(user).action_file()
        return report

    # ------------------------------------------------------------------
    # public methods, as an external client calls them
    # ------------------------------------------------------------------
    def test_public_methods_refuse_in_words(self):
        self._file(self.submission, self.user_officer)
        # the return without its reason (the button asks it in a wizard)
        self._assert_refused_rpc(
            self.user_secretariat,
            "emulation.submission",
            "action_return",
            [self.submission.id],
        )
        self.assertEqual(self.submission.state, "filed")
        # a plan made from no earlier one
        self._assert_refused_rpc(
            self.user_secretariat,
            "emulation.plan",
            "action_view_previous_plan",
            [self.plan.id],
        )
        self._assert_refused_rpc(
            self.user_secretariat,
            "emulation.plan",
            "action_view_next_plan",
            [self.plan.id],
        )
        # printing returns an action every client reads
        action = self._rpc(
            self.user_secretariat, "emulation.plan", "action_print", [self.plan.id]
        )
        self.assertEqual(action["type"], "ir.actions.report")
        action = self._rpc(
            self.user_secretariat,
            "emulation.award.letter",
            "action_print_letter",
            [self.letter.id],
        )
        self.assertEqual(action["type"], "ir.actions.report")

    def test_every_public_action_answers_any_client(self):
        """Every action_* method of the addon's models, called through
        XML-RPC by an officer and by the secretariat on a record of its
        model: a result every client reads, or a refusal in words. (The
        wizards' records belong to the user who opened them: left out.)"""
        Model = self.env["ir.model"]
        models = Model.search([("model", "=like", "emulation.%")]).mapped("model")
        called, crashes = 0, []
        for model in sorted(models):
            if model not in self.env or self.env[model]._abstract:
                continue
            record = self.env[model].search([], limit=1, order="id")
            if not record:
                continue
            for name, method in inspect.getmembers(
                type(self.env[model]), inspect.isfunction
            ):
                if not name.startswith("action_") or not method.__module__.startswith(
                    "odoo.addons.emulation_cluster"
                ):
                    continue
                args = [] if getattr(method, "_api", None) == "model" else [record.ids]
                for user in (self.user_officer, self.user_secretariat):
                    called += 1
                    try:
                        self._rpc(user, model, name, *args)
                    except xmlrpc.client.Fault as fault:
                        if fault.faultCode not in REFUSAL_CODES:
                            crashes.append(
                                f"{model}.{name} as {user.login}: "
                                f"{fault.faultString.splitlines()[-1]}"
                            )
        self.assertFalse(crashes, "\n".join(crashes))
        self.assertGreater(called, 100)

    # ------------------------------------------------------------------
    # refusals in the user's words
    # ------------------------------------------------------------------
    def test_refusals_name_what_users_call_things(self):
        self._load_vietnamese()
        officer = self.user_officer
        officer.lang = "vi_VN"
        # technical features on: Odoo would list the rules and the records
        officer.groups_id = [Command.link(self.env.ref("base.group_no_one").id)]
        other_plan = self.env["emulation.plan"].search(
            [("cluster_id", "=", self.cluster_other.id)], limit=1
        )
        words = self.env["ir.model"].with_context(lang="vi_VN")
        cases = [
            (
                lambda: self.submission_deputy.with_user(officer).read(["state"]),
                self.submission_deputy,
            ),
            (
                lambda: self.submission_deputy.with_user(officer).write(
                    {"cover_note": "Ghi đè"}
                ),
                self.submission_deputy,
            ),
            (lambda: other_plan.with_user(officer).read(["name"]), other_plan),
            (
                lambda: self.env["emulation.rule"]
                .with_user(officer)
                .create({"name": "Quy chế"}),
                self.env["emulation.rule"],
            ),
        ]
        for call, record in cases:
            with self.assertRaises(AccessError) as refusal:
                call()
            message = str(refusal.exception)
            for technical in (
                record._name,
                "id=",
                "(",
                "Uh-oh",
                "Plan:",
                str(officer.id),
                *(record.mapped("display_name")),
            ):
                self.assertNotIn(technical, message, message)
            self.assertIn(words._get(record._name).name, message)
            self.assertIn("bạn", message.lower(), "in Vietnamese")
        # and through the external API
        fault = self._assert_refused_rpc(
            officer, "emulation.plan", "read", [other_plan.id], ["name"]
        )
        self.assertNotIn("emulation.plan", fault)
        self.assertNotIn(other_plan.name, fault)

    # ------------------------------------------------------------------
    # a filing holds its own unit's files only
    # ------------------------------------------------------------------
    def test_no_other_units_file_in_a_filing(self):
        report = self._file(self.submission_deputy, self.user_deputy)
        for user in (self.user_secretariat, self.user_manager):
            for files in ([Command.link(report.id)], [Command.set([report.id])]):
                with self.assertRaises(AccessError):
                    self.submission.with_user(user).write({"attachment_ids": files})
            self._assert_refused_rpc(
                user,
                "emulation.submission",
                "write",
                [self.submission.id],
                {"attachment_ids": [(4, report.id)]},
            )
        self.assertFalse(self.submission.attachment_ids)
        self.assertEqual(report.res_id, self.submission_deputy.id)
        # the secretariat files the unit's paper report it uploaded itself
        own = self._upload(self.user_secretariat)
        self.submission.with_user(self.user_secretariat).attachment_ids = [
            Command.link(own.id)
        ]
        self.assertEqual(self.submission.attachment_ids, own)
