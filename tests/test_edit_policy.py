# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the form lets a user change, the server accepts; what the form
locks, the server refuses. Model by model, state by state, user by user,
field group by field group, through the real form views (``Form``)."""

import base64
from contextlib import closing
from datetime import date

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import EmulationCommon
from .test_poll import PollCommon
from .test_scorecard import ScorecardCommon

SKIP = object()


@tagged("post_install", "-at_install")
class TestEditPolicyAgreement(EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_document = cls.env["emulation.document"].create(
            {"name": "1305/BNV-VP (test)", "date": date(2020, 3, 15)}
        )

    # ------------------------------------------------------------------
    # the check
    # ------------------------------------------------------------------
    def _new_value(self, record, name):
        """A value a user could type in ``name``, other than the current."""
        field = record._fields[name]
        current = record.sudo()[name]
        special = {
            "deadline": date(record.sudo()["plan_id"].year, 10, 30)
            if "plan_id" in record._fields
            else SKIP,
            "date_start": "2020-12-07 02:00:00",
            "date_stop": "2020-12-07 09:00:00",
            "issue_date": date(2020, 3, 27),
            "date_signed": date(2020, 3, 21),
            "date_received": date(2020, 6, 14),
            "date_answered": date(2020, 3, 20),
            "date_asked": date(2020, 3, 1),
            "consultation_deadline": date(2020, 3, 25),
            "signature_deadline": date(2020, 3, 30),
            "registration_deadline": date(2020, 4, 20),
            "year": SKIP,  # its own tests: the plan's events move with it
            "reminder_offsets": "5,2",
            "signed_copy": base64.b64encode(b"%PDF-1.4 signed"),
            "document_id": self.other_document,
            "basis_document_id": self.other_document,
            "signing_document_id": self.other_document,
            "state_document_id": self.other_document,
            "regulation_id": self.other_document,
            "host_id": self.unit_member3,
            "recipient_id": self.unit_member3,
            "leader_id": SKIP,  # must stay a member different from the deputy
            "deputy_id": SKIP,
            "type_id": self.env.ref("emulation_cluster.event_type_other"),
            "user_id": self.user_secretariat,
            "signing_event_id": SKIP,
            # score lines: values within every criterion of the fixtures
            "self_value": 1.0,
            "appraised_value": 1.0,
            "target_value": 50.0,
        }
        if name in special:
            return special[name]
        if field.type in ("one2many", "many2many", "binary", "many2one"):
            return SKIP  # lines are checked on their own model
        if field.type in ("char", "text"):
            return f"{current or ''} sửa".strip()
        if field.type == "html":
            return "<p>Nội dung sửa</p>"
        if field.type == "integer":
            return (current or 0) + 1
        if field.type == "boolean":
            return not current
        if field.type == "selection":
            keys = [key for key, __ in field._description_selection(self.env)]
            return next(key for key in keys if key != current)
        return SKIP

    def _stored(self, record, name):
        value = record.sudo()[name]
        if record._fields[name].type == "many2one":
            return value.id
        if record._fields[name].type == "html":
            return str(value)
        return value

    def _expected(self, record, name, value):
        field = record._fields[name]
        if hasattr(value, "_name"):
            return value.id
        if field.type == "datetime":
            return fields.Datetime.to_datetime(value)
        if field.type == "binary":
            return value
        return value

    # fields the form asks together (a paper filing needs its date)
    COMPANIONS = {
        ("emulation.submission", "channel"): {"date_received": date(2020, 6, 14)},
        ("emulation.registration.line", "beneficiary_kind"): {
            "individual_name": "Trần Thị B"
        },
    }

    def _assert_agreement(self, record, user):
        """Field by field: the form of ``record`` as ``user`` lets change
        exactly what the server accepts, and the form's lock is the
        policy's group boolean. Returns the fields the user may change."""
        record = record.with_user(user)
        groups = record._edit_field_groups()
        try:
            form = Form(record)
        except AccessError:
            # out of sight: nothing can be changed either
            for name in groups:
                value = self._new_value(record, name)
                if value is SKIP:
                    continue
                with self.assertRaises(AccessError, msg=name):
                    record.write({name: value})
            return set()
        view_fields = form._view["fields"]
        editable = set()
        for name in view_fields:
            # everything the form lets a user type belongs to a group
            if not form._get_modifier(name, "readonly") and name not in groups:
                field = record._fields[name]
                if field.store or field.inverse:
                    self.fail(
                        f"{record._name}.{name} is editable in the form as "
                        f"{user.login} but belongs to no field group"
                    )
        for name, group in sorted(groups.items()):
            value = self._new_value(record, name)
            # fields another view edits (kanban colour, list handle, the
            # archive action) or that this state does not show
            if (
                value is SKIP
                or name not in view_fields
                or form._get_modifier(name, "invisible")
            ):
                continue
            locked = form._get_modifier(name, "readonly")
            with self.subTest(
                model=record._name,
                state=record.sudo()["state"] if "state" in record._fields else "",
                user=user.login,
                field=name,
            ):
                self.assertEqual(
                    locked,
                    not record._is_group_editable(group),
                    "the form's readonly is the policy's group boolean",
                )
                before = self._stored(record, name)
                if locked:
                    with self.assertRaises(UserError):
                        record.write({name: value})
                    self.assertEqual(self._stored(record, name), before)
                else:
                    editable.add(name)
                    with closing(self.env.cr.savepoint()):
                        edited = Form(record)
                        setattr(edited, name, value)
                        for other, other_value in self.COMPANIONS.get(
                            (record._name, name), {}
                        ).items():
                            setattr(edited, other, other_value)
                        edited.save()
                        if record._fields[name].type == "html":
                            self.assertIn("Nội dung sửa", self._stored(record, name))
                        else:
                            self.assertEqual(
                                self._stored(record, name),
                                self._expected(record, name, value),
                            )
                    self.env.invalidate_all()
        return editable

    def _assert_lines_agreement(self, parent, lines_field, user):
        """The same for the lines of ``parent``, edited where the user
        edits them: in the parent's form. Returns the line fields the user
        may change."""
        parent = parent.with_user(user)
        line = parent.sudo()[lines_field][:1].with_user(user)
        groups = line._edit_field_groups()
        try:
            form = Form(parent)
        except AccessError:
            return set()
        editable = set()
        locked = form._get_modifier(lines_field, "readonly")
        for name in sorted(groups):
            value = self._new_value(line, name)
            if value is SKIP:
                continue
            with self.subTest(model=line._name, user=user.login, field=name):
                if locked:
                    with self.assertRaises(UserError):
                        line.write({name: value})
                    continue
                with closing(self.env.cr.savepoint()):
                    edited = Form(parent)
                    with getattr(edited, lines_field).edit(0) as row:
                        if (
                            name not in row._view["fields"]
                            or row._get_modifier(name, "readonly")
                            # e.g. a target on a line not scored against one
                            or row._get_modifier(name, "invisible")
                        ):
                            continue
                        setattr(row, name, value)
                        for other, other_value in self.COMPANIONS.get(
                            (line._name, name), {}
                        ).items():
                            setattr(row, other, other_value)
                    edited.save()
                    editable.add(name)
                    self.assertEqual(
                        self._stored(line, name), self._expected(line, name, value)
                    )
                self.env.invalidate_all()
        return editable

    # ------------------------------------------------------------------
    # plan
    # ------------------------------------------------------------------
    def test_plan(self):
        plan = self._create_plan(year=2020)
        users = (
            self.user_secretariat,
            self.user_secretariat_other,
            self.user_officer,
            self.user_manager,
        )
        content = {"name", "number", "issue_place", "purpose", "signer_name"}
        # draft: the secretariat of the cluster and managers edit it
        for user in users:
            editable = self._assert_agreement(plan, user)
            expected = user in (self.user_secretariat, self.user_manager)
            self.assertEqual(content <= editable, expected, user.login)
        plan.action_start_consultation()
        self.assertIn(
            "consultation_deadline", self._assert_agreement(plan, self.user_secretariat)
        )
        plan.action_issue()
        # issued: nothing of its content, but its archive
        editable = self._assert_agreement(plan, self.user_secretariat)
        self.assertFalse(content & editable)
        self.assertNotIn("consultation_deadline", editable)
        # during an agreed adjustment, its content again
        self.env["emulation.plan.revision"].with_user(self.user_manager)._propose(
            plan, "Điều chỉnh thời gian", "manager"
        )
        self.assertTrue(plan.adjustment_in_progress)
        self.assertTrue(content <= self._assert_agreement(plan, self.user_secretariat))
        plan.action_finish_adjustment()
        plan.action_close()
        self.assertFalse(content & self._assert_agreement(plan, self.user_manager))

    def test_event_and_obligation(self):
        plan = self._create_plan(year=2020)
        event = plan.event_ids
        obligation = self.env["emulation.obligation"].create(
            {"name": "Báo cáo năm", "plan_id": plan.id, "deadline": date(2020, 11, 20)}
        )
        for user in (self.user_secretariat, self.user_officer, self.user_manager):
            self._assert_agreement(event, user)
            self._assert_agreement(obligation, user)
        self.assertIn("name", self._assert_agreement(event, self.user_secretariat))
        plan.action_issue()
        # what the plan prints is locked with it; the course is followed
        editable = self._assert_agreement(event, self.user_secretariat)
        self.assertNotIn("name", editable)
        self.assertIn("state_reason", editable)
        editable = self._assert_agreement(obligation, self.user_secretariat)
        self.assertNotIn("deadline", editable)
        self.assertIn("reminder_offsets", editable)
        event.state_reason = "Do dịch bệnh."
        event.action_cancel()
        self.assertNotIn("name", self._assert_agreement(event, self.user_manager))

    # ------------------------------------------------------------------
    # covenant and signatures
    # ------------------------------------------------------------------
    def _covenant(self):
        plan = self._issue_plan(self._create_plan(year=2020))
        return (
            self.env["emulation.covenant"]
            .with_user(self.user_secretariat)
            .create(
                {
                    "name": "Giao ước thi đua năm 2020",
                    "plan_id": plan.id,
                    "clause_ids": [Command.create({"text": "Hoàn thành nhiệm vụ."})],
                }
            )
        )

    @freeze_time("2020-03-20")
    def test_covenant(self):
        covenant = self._covenant()
        content = {"name", "signing_mode"}
        users = (self.user_secretariat, self.user_officer, self.user_manager)
        for user in users:
            self._assert_agreement(covenant, user)
        self.assertTrue(
            content <= self._assert_agreement(covenant, self.user_secretariat)
        )
        covenant.action_ask_opinions()
        for user in users:
            self._assert_agreement(covenant, user)
        covenant.action_send_for_signature()
        # out for signature: what the members sign is frozen, its document
        # particulars not yet (the form locked neither before; the server
        # accepted both in every state)
        editable = self._assert_agreement(covenant, self.user_secretariat)
        self.assertFalse(content & editable)
        self.assertIn("number", editable)
        line = covenant.signature_ids.filtered(
            lambda line: line.partner_id == self.unit_member3
        )
        for user in (self.user_officer, self.user_secretariat, self.user_deputy):
            self._assert_agreement(line, user)
        self.assertIn("signer_name", self._assert_agreement(line, self.user_officer))
        line.with_user(self.user_officer).signer_name = "Nguyễn Văn A"
        line.with_user(self.user_officer).action_sign()
        # signed: the line is kept as signed, for everyone
        for user in (self.user_officer, self.user_secretariat, self.user_manager):
            self.assertFalse(self._assert_agreement(line, user))
        covenant.action_close()
        editable = self._assert_agreement(covenant, self.user_secretariat)
        self.assertFalse({"number", "registration_deadline"} & editable)

    # ------------------------------------------------------------------
    # registration
    # ------------------------------------------------------------------
    def test_registration(self):
        plan = self._issue_plan(self._create_plan(year=2020))
        registration = (
            self.env["emulation.registration"]
            .with_user(self.user_officer)
            .create(
                {
                    "plan_id": plan.id,
                    "line_ids": [
                        Command.create({"award_name": "Cờ thi đua của Bộ Nội vụ"})
                    ],
                }
            )
        )
        users = (self.user_officer, self.user_secretariat, self.user_deputy)
        for user in users:
            self._assert_agreement(registration, user)
            self._assert_lines_agreement(registration, "line_ids", user)
        self.assertIn(
            "award_name",
            self._assert_lines_agreement(registration, "line_ids", self.user_officer),
        )
        registration.with_user(self.user_officer).action_send()
        # sent: the unit waits; the secretariat may still correct a
        # registration that came on paper (the form locked its lines before)
        self.assertFalse(
            self._assert_lines_agreement(registration, "line_ids", self.user_officer)
        )
        self.assertIn(
            "award_name",
            self._assert_lines_agreement(
                registration, "line_ids", self.user_secretariat
            ),
        )
        self.assertIn(
            "note", self._assert_agreement(registration, self.user_secretariat)
        )
        registration.with_user(self.user_secretariat).return_reason = "Thiếu chỉ tiêu"
        registration.with_user(self.user_secretariat).action_return()
        self.assertIn("note", self._assert_agreement(registration, self.user_officer))
        registration.with_user(self.user_officer).action_send()
        registration.with_user(self.user_secretariat).action_acknowledge()
        for user in users:
            self.assertFalse(
                self._assert_lines_agreement(registration, "line_ids", user)
            )

    # ------------------------------------------------------------------
    # submission
    # ------------------------------------------------------------------
    def test_submission(self):
        plan = self._create_plan(year=2020)
        self.env["emulation.obligation"].create(
            {
                "name": "Báo cáo sơ kết",
                "plan_id": plan.id,
                "deadline": date(2020, 6, 15),
            }
        )
        self._issue_plan(plan)
        submission = plan.obligation_ids.submission_ids.filtered(
            lambda sub: sub.partner_id == self.unit_member3
        )
        users = (
            self.user_officer,
            self.user_secretariat,
            self.user_officer_other,
            self.user_council,
        )
        for user in users:
            self._assert_agreement(submission, user)
        self.assertEqual(
            self._assert_agreement(submission, self.user_officer), {"cover_note"}
        )
        self.assertIn(
            "channel", self._assert_agreement(submission, self.user_secretariat)
        )
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.user_officer)
            .create(
                {
                    "name": "bao-cao.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4"),
                    "res_model": "emulation.submission",
                    "res_id": submission.id,
                }
            )
        )
        with freeze_time(date(2020, 6, 10)):
            submission.with_user(self.user_officer).attachment_ids = [
                Command.link(attachment.id)
            ]
            submission.with_user(self.user_officer).action_file()
        # filed: frozen for the unit and for the secretariat
        for user in users:
            self.assertFalse(
                self._assert_agreement(submission, user) - {"active"}, user.login
            )
        submission.with_user(self.user_secretariat).action_return("Thiếu chữ ký")
        self.assertEqual(
            self._assert_agreement(submission, self.user_officer), {"cover_note"}
        )

    def test_revision(self):
        plan = self._issue_plan(self._create_plan(year=2020))
        revision = (
            self.env["emulation.plan.revision"]
            .with_user(self.user_secretariat)
            ._propose(plan, "Đổi địa điểm hội nghị", "deputy_user")
        )
        self.assertEqual(
            self._assert_agreement(revision, self.user_deputy), {"refusal_reason"}
        )
        for user in (self.user_secretariat, self.user_officer):
            self.assertFalse(self._assert_agreement(revision, user))
        revision.with_user(self.user_deputy).action_agree()
        self.assertFalse(self._assert_agreement(revision, self.user_deputy))

    def test_every_model_declares_its_policy(self):
        """Every model of the addon with fields users edit declares them in
        the policy: each group's fields exist and are stored, none is a
        copy of another record's field, each group has its boolean, and a
        new record's form offers no editable field outside the policy."""
        policed = [
            name
            for name in self.env
            if name.startswith("emulation.")
            and not self.env[name]._abstract
            and not self.env[name]._transient
            and getattr(self.env[name], "_edit_groups", None)
        ]
        self.assertGreaterEqual(len(policed), 17)
        for name in policed:
            Model = self.env[name]
            for group, spec in Model._edit_groups.items():
                if "parent" not in spec:
                    self.assertIn(f"is_{group}_editable", Model._fields, name)
                for field_name in spec["fields"]:
                    field = Model._fields[field_name]
                    self.assertTrue(field.store, f"{name}.{field_name}")
                    self.assertFalse(field.related, f"{name}.{field_name} is a copy")
            if all("parent" in spec for spec in Model._edit_groups.values()):
                continue  # lines: edited in their parent's form
            allowed = Model._edit_creatable_fields() | Model._edit_ignored_fields()
            form = Form(Model.with_user(self.user_manager))
            for field_name in form._view["fields"]:
                field = Model._fields[field_name]
                if form._get_modifier(field_name, "readonly") or not (
                    field.store or field.inverse
                ):
                    continue
                self.assertIn(field_name, allowed, f"{name}: new record's form")


class AgreementHelpers:
    """The agreement checks of TestEditPolicyAgreement, for the classes
    whose fixtures come from another common class."""

    _new_value = TestEditPolicyAgreement._new_value
    _stored = TestEditPolicyAgreement._stored
    _expected = TestEditPolicyAgreement._expected
    _assert_agreement = TestEditPolicyAgreement._assert_agreement
    _assert_lines_agreement = TestEditPolicyAgreement._assert_lines_agreement
    COMPANIONS = TestEditPolicyAgreement.COMPANIONS

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_document = cls.env["emulation.document"].create(
            {"name": "1305/BNV-VP (test)", "date": date(2020, 3, 15)}
        )


@tagged("post_install", "-at_install")
class TestScorecardPolicyAgreement(AgreementHelpers, ScorecardCommon):
    """The scorecard's form and its lines agree with the policy, as each
    role, in each state of the workflow."""

    def _agreement(self, user):
        card = self.card_officer
        return (
            self._assert_agreement(card, user),
            self._assert_lines_agreement(card, "line_ids", user),
        )

    def test_scorecard(self):
        officer, secretariat = self.user_officer, self.user_secretariat
        self.assertEqual(
            self._agreement(officer), ({"self_note"}, {"self_value", "evidence"})
        )
        self.assertEqual(self._agreement(self.user_officer_other), (set(), set()))
        self.assertEqual(
            self._agreement(secretariat),
            (
                {"setup_note", "self_note"},
                # the first line is not scored against a target
                {"self_value", "evidence", "is_applicable"},
            ),
        )
        self._line(self.card_officer, "I.2", secretariat).target_value = 100
        self.card_officer.with_user(officer).action_submit_self_scores()
        self.assertEqual(self._agreement(officer), (set(), set()))
        self.assertEqual(
            self._agreement(secretariat),
            ({"appraisal_note"}, {"appraised_value", "appraiser_comment"}),
        )
        self.card_officer.with_user(secretariat).action_appraise()
        self.assertEqual(
            self._agreement(officer), ({"explanation_note"}, {"explanation"})
        )
        self.assertEqual(self._agreement(secretariat), (set(), set()))
        self.card_officer.with_user(secretariat).action_agree()
        for user in (officer, secretariat, self.user_manager):
            self.assertEqual(self._agreement(user), (set(), set()), user.login)


@tagged("post_install", "-at_install")
class TestPollPolicyAgreement(AgreementHelpers, PollCommon):
    """The poll's form, its candidates and its voters agree with the policy,
    as each role, in each state."""

    def _agreement(self, poll, user):
        return (
            self._assert_agreement(poll, user),
            self._assert_lines_agreement(poll, "candidate_ids", user),
            self._assert_lines_agreement(poll, "voter_ids", user),
        )

    def test_poll(self):
        officer, secretariat = self.user_officer, self.user_secretariat
        poll = self._poll()
        # being prepared: the secretariat sets it up; members do not see it
        self.assertEqual(self._agreement(poll, officer), (set(), set(), set()))
        header, candidates, voters = self._agreement(poll, secretariat)
        self.assertTrue(
            {"name", "subject", "is_secret", "chair_name", "secretary_name"} <= header
        )
        self.assertFalse(header & {"chair_reason", "event_id"})
        # (another unit as candidate would be a duplicate: left out here)
        self.assertEqual(candidates, {"sequence", "achievement", "added_reason"})
        # the attendance is the conference's, not a poll's
        self.assertNotIn("attendance", voters)
        poll.action_open_voting()
        # voting: members read, change nothing
        self.assertEqual(self._agreement(poll, officer), (set(), set(), set()))
        header, candidates, voters = self._agreement(poll, secretariat)
        # voting: the attendance is the conference's, the poll's lines stay
        self.assertEqual((header, candidates, voters), (set(), set(), set()))
