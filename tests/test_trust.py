# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the workflow guards, the server guards, whatever the client sends.

Each test acts as a hostile but ordinary user: logged in as a unit officer
or as the secretariat, calling what the web client calls (create, write,
unlink, the buttons), with the values and context keys a browser can send.
Every refusal is a clear message, and nothing changes."""

import base64
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import EmulationCommon


class TrustCommon(EmulationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls._create_plan(year=2020)
        cls.obligation = cls.env["emulation.obligation"].create(
            {
                "name": "Báo cáo sơ kết 6 tháng",
                "plan_id": cls.plan.id,
                "deadline": date(2020, 6, 15),
            }
        )
        cls._issue_plan(cls.plan)
        cls.submission = cls.obligation.submission_ids.filtered(
            lambda sub: sub.partner_id == cls.unit_member3
        )
        cls.submission_deputy = cls.obligation.submission_ids.filtered(
            lambda sub: sub.partner_id == cls.unit_deputy
        )
        cls.covenant = cls.env["emulation.covenant"].create(
            {
                "name": "Giao ước thi đua năm 2020",
                "plan_id": cls.plan.id,
                "registration_deadline": date(2020, 4, 15),
                "clause_ids": [Command.create({"text": "Hoàn thành nhiệm vụ."})],
            }
        )

    def _upload(self, user, record=None, name="bao-cao.pdf"):
        return (
            self.env["ir.attachment"]
            .with_user(user)
            .create(
                {
                    "name": name,
                    "datas": base64.b64encode(b"%PDF-1.4"),
                    "res_model": record._name if record else "emulation.submission",
                    "res_id": record.id if record else 0,
                }
            )
        )

    def _register(self, user=None, **vals):
        values = {
            "plan_id": self.plan.id,
            "line_ids": [Command.create({"award_name": "Cờ thi đua của Bộ Nội vụ"})],
        }
        values.update(vals)
        return (
            self.env["emulation.registration"]
            .with_user(user or self.user_officer)
            .create(values)
        )

    def _sent_covenant(self):
        with freeze_time("2020-03-20"):
            self.covenant.with_user(self.user_secretariat).action_send_for_signature()
        return self.covenant

    def _line(self, unit):
        return self.covenant.signature_ids.filtered(
            lambda line: line.partner_id == unit
        )


@tagged("post_install", "-at_install")
class TestTrust(TrustCommon):
    # ------------------------------------------------------------------
    # 1. context keys never switch off a guard
    # ------------------------------------------------------------------
    def test_01_context_keys_bypass_nothing(self):
        registration = self._register()
        registration.action_send()
        hostile = registration.with_user(self.user_officer).with_context(
            emulation_registration_transition=True
        )
        with self.assertRaises(UserError):
            hostile.write(
                {"state": "acknowledged", "acknowledged_by_id": self.user_officer.id}
            )
        with self.assertRaises(UserError):
            hostile.action_acknowledge()
        self.assertEqual(registration.state, "sent")
        self.assertFalse(registration.acknowledged_by_id)
        # the covenant line: signed "by the secretariat", reopened, handed over
        self._sent_covenant()
        line = self._line(self.unit_member3).with_user(self.user_officer)
        hostile = line.with_context(emulation_signature_transition=True)
        for vals in (
            {"state": "signed", "channel": "paper"},
            {"registered_by_id": self.user_secretariat.id},
            {"partner_id": self.unit_member4.id},
            {"covenant_id": self.covenant.id},
        ):
            with self.assertRaises(UserError):
                hostile.write(vals)
        self.assertEqual(line.state, "waiting")
        self.assertEqual(line.partner_id, self.unit_member3)

    def test_01_default_keys_set_no_protected_field(self):
        Registration = self.env["emulation.registration"].with_user(self.user_officer)
        registration = Registration.with_context(
            default_state="acknowledged",
            default_acknowledged_by_id=self.user_secretariat.id,
            default_channel="paper",
        ).create(
            {
                "plan_id": self.plan.id,
                "line_ids": [Command.create({"award_name": "Bằng khen"})],
            }
        )
        self.assertEqual(registration.state, "draft")
        self.assertFalse(registration.acknowledged_by_id)
        self.assertEqual(registration.channel, "online", "the unit registers online")
        # an owner field from the context is checked like one in the values
        with self.assertRaises(AccessError):
            Registration.with_context(default_partner_id=self.unit_member4.id).create(
                {"plan_id": self.plan.id}
            )
        self.assertFalse(
            self.env["emulation.registration"].search(
                [("partner_id", "=", self.unit_member4.id)]
            )
        )

    def test_01_no_context_erases_the_audit_trail(self):
        registration = self._register()
        # as if created in an earlier request (Odoo tracks no change of a
        # record created in the same transaction)
        self.env.flush_all()
        self.env.cr.precommit.run()
        silent = registration.with_user(self.user_officer).with_context(
            tracking_disable=True, mail_notrack=True, mail_create_nolog=True
        )
        silent.action_send()
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.env.invalidate_all()
        tracked = registration.sudo().message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "state"
        )
        self.assertTrue(tracked, "the transition is tracked whatever the context")
        created = (
            self.env["emulation.registration"]
            .with_user(self.user_deputy)
            .with_context(mail_create_nolog=True, tracking_disable=True)
            .create({"plan_id": self.plan.id})
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        self.assertTrue(created.sudo().message_ids, "its creation is logged")

    # ------------------------------------------------------------------
    # 2. copies of other records' fields
    # ------------------------------------------------------------------
    def test_02_copied_fields_are_never_written(self):
        submission = self.submission.with_user(self.user_officer)
        for vals in (
            {"deadline": date(2099, 12, 31)},
            {"cluster_id": self.cluster_other.id},
            {"plan_id": self.plan.id},
            {"kind": "other"},
        ):
            with self.assertRaises(UserError):
                submission.write(vals)
        self.assertEqual(self.submission.deadline, date(2020, 6, 15))
        self.assertEqual(self.submission.cluster_id, self.cluster)
        # nor by the secretariat, on the obligation or the registration
        with self.assertRaises(UserError):
            self.obligation.with_user(
                self.user_secretariat
            ).cluster_id = self.cluster_other
        registration = self._register()
        for record, vals in (
            (registration, {"cluster_id": self.cluster_other.id}),
            (registration, {"year": 2099}),
            (registration.line_ids, {"partner_id": self.unit_member4.id}),
            (registration.line_ids, {"plan_id": self.plan.id}),
        ):
            with self.assertRaises(UserError):
                record.with_user(self.user_secretariat).write(vals)
        self.assertEqual(registration.cluster_id, self.cluster)
        self.assertEqual(registration.line_ids.partner_id, self.unit_member3)
        # the other cluster's secretariat does not even see them
        with self.assertRaises(AccessError):
            self.submission.with_user(self.user_secretariat_other).read(["state"])

    def test_02_lateness_is_frozen_at_filing(self):
        """A filing keeps the lateness judged when it was filed; a deadline
        moved later afterwards (an adjustment) does not make it on time."""
        with freeze_time("2020-06-20"):
            attachment = self._upload(self.user_officer, self.submission)
            self.submission.with_user(self.user_officer).attachment_ids = [
                Command.link(attachment.id)
            ]
            self.submission.with_user(self.user_officer).action_file()
        self.assertTrue(self.submission.is_late)
        self.assertEqual(self.submission.late_days, 5)
        self.env["emulation.plan.revision"].with_user(self.user_manager)._propose(
            self.plan, "Lùi hạn báo cáo sơ kết", "manager"
        )
        self.obligation.with_user(self.user_secretariat).deadline = date(2020, 6, 30)
        self.assertEqual(self.submission.deadline, date(2020, 6, 30), "copy follows")
        self.assertTrue(self.submission.is_late, "lateness frozen at filing")
        self.assertEqual(self.submission.late_days, 5)
        self.assertEqual(self.submission.round_ids.deadline, date(2020, 6, 15))

    # ------------------------------------------------------------------
    # 3. files of others
    # ------------------------------------------------------------------
    def test_03_only_own_or_readable_files_are_attached(self):
        submission = self.submission.with_user(self.user_officer)
        # another user's upload, attached to nothing yet
        stray = self._upload(self.user_deputy)
        with self.assertRaises(AccessError):
            submission.write({"attachment_ids": [Command.link(stray.id)]})
        with self.assertRaises(AccessError):
            submission.write({"attachment_ids": [Command.set([stray.id])]})
        self.assertFalse(stray.sudo().res_id, "not re-homed")
        # another unit's filed report
        report = self._upload(self.user_deputy, self.submission_deputy)
        self.submission_deputy.with_user(self.user_deputy).attachment_ids = [
            Command.link(report.id)
        ]
        with freeze_time("2020-06-10"):
            self.submission_deputy.with_user(self.user_deputy).action_file()
        with self.assertRaises(AccessError):
            submission.write({"attachment_ids": [Command.link(report.id)]})
        self.assertFalse(self.submission.attachment_ids)
        self.assertEqual(report.sudo().res_id, self.submission_deputy.id)
        # his own upload is attached and tied to the submission
        own = self._upload(self.user_officer)
        submission.write({"attachment_ids": [Command.link(own.id)]})
        self.assertEqual(own.sudo().res_id, self.submission.id)
        self.assertEqual(self.submission.attachment_ids, own)
        # the secretariat reads it, as any reviewer of the cluster
        own.with_user(self.user_secretariat).read(["name"])

    # ------------------------------------------------------------------
    # 4. states change through their transitions only
    # ------------------------------------------------------------------
    def test_04_states_are_never_written(self):
        plan = self.plan.with_user(self.user_secretariat)
        for vals in (
            {"state": "draft"},
            {"state": "issued", "number": False},
            {"adjustment_in_progress": True},
            {"revision_number": 7},
            {"member_unit_ids": [Command.link(self.unit_other.id)]},
        ):
            with self.assertRaises(UserError):
                plan.write(vals)
        self.assertEqual(self.plan.state, "issued")
        self.assertFalse(self.plan.adjustment_in_progress)
        self._sent_covenant()
        for line in self.covenant.signature_ids:
            line.with_user(self.user_secretariat).signer_name = "Người ký"
            with freeze_time("2020-03-21"):
                line.with_user(self.user_secretariat).action_sign()
        self.assertEqual(self.covenant.state, "in_force")
        covenant = self.covenant.with_user(self.user_secretariat)
        with self.assertRaises(UserError):
            covenant.write({"state": "draft"})
        with self.assertRaises(UserError):
            covenant.clause_ids.write({"text": "Viết lại"})
        with self.assertRaises(UserError):
            covenant.unlink()
        self.assertEqual(len(self.covenant.signature_ids), 4)
        self.assertEqual(self.covenant.clause_ids.text, "Hoàn thành nhiệm vụ.")

    def test_04_no_covenant_in_force_with_unsigned_lines(self):
        self._sent_covenant()
        with self.assertRaises(UserError):
            self.covenant.with_user(self.user_secretariat).write({"state": "in_force"})
        self.assertEqual(self.covenant.state, "signing")
        self.covenant.with_user(self.user_secretariat).action_close()
        with self.assertRaises(UserError):
            self.covenant.with_user(self.user_manager).action_send_for_signature()

    def test_04_only_the_listed_backward_moves(self):
        """The transitions declare their moves; anything else is refused
        even to code acting with every right, the superuser aside."""
        with self.assertRaises(UserError):
            self.plan.with_user(self.user_manager)._write_transition({"state": "draft"})
        registration = self._register()
        registration.action_send()
        with self.assertRaises(UserError):
            registration._write_transition({"state": "draft"})
        self.assertEqual(registration.state, "sent")
        # the superuser (data files, migrations) is the one exception
        self.plan._write_transition({"state": "closed"})
        self.assertEqual(self.plan.state, "closed")

    # ------------------------------------------------------------------
    # 5. owner fields are set at creation, within the cluster and year
    # ------------------------------------------------------------------
    def test_05_records_are_not_moved_out_of_reach(self):
        registration = self._register()
        for vals in (
            {"partner_id": self.unit_member4.id},
            {"plan_id": self._create_plan(self.cluster_other, 2020).id},
        ):
            with self.assertRaises(UserError):
                registration.with_user(self.user_officer).write(vals)
        self.assertEqual(registration.partner_id, self.unit_member3)
        self.assertEqual(registration.plan_id, self.plan)
        draft = self._create_plan(year=2021)
        with self.assertRaises(UserError):
            draft.with_user(self.user_secretariat).cluster_id = self.cluster_other
        self.assertEqual(draft.cluster_id, self.cluster)

    def test_05_registrations_only_by_members_of_the_year(self):
        outsider_unit = self.env["res.partner"].create(
            {"name": "Sở Nội vụ ngoài Cụm", "is_company": True}
        )
        outsider = self._create_emulation_user(
            "test_emu_outsider", "group_unit_officer", outsider_unit
        )
        with self.assertRaises(UserError):
            self._register(outsider)
        # for another unit of the cluster: only the secretariat, as such
        with self.assertRaises(AccessError):
            self._register(self.user_officer, partner_id=self.unit_member4.id)
        paper = self._register(self.user_secretariat, partner_id=self.unit_member4.id)
        self.assertEqual(paper.channel, "paper", "recorded as such")
        self.assertEqual(paper.recorded_by_id, self.user_secretariat)
        # not for a unit of another cluster, nor into a draft plan
        with self.assertRaises(UserError):
            self._register(self.user_secretariat, partner_id=self.unit_other.id)
        draft = self._create_plan(year=2021)
        with self.assertRaises(UserError):
            self._register(self.user_officer, plan_id=draft.id)
        self.assertFalse(
            self.env["emulation.registration"].search(
                [("partner_id", "in", (outsider_unit | self.unit_other).ids)]
            )
        )

    # ------------------------------------------------------------------
    # 6. one bad value never stops every cluster's reminders
    # ------------------------------------------------------------------
    def test_06_reminder_offsets_are_normalised(self):
        obligation = self.obligation.with_user(self.user_secretariat)
        for bad in ("７", "٣", "7\u00a0,1", "7, 1 2", "0", "400", "-3", "7,,1"):
            with self.assertRaises(ValidationError, msg=bad):
                obligation.reminder_offsets = bad
        self.assertEqual(self.obligation.reminder_offsets, "7,1")
        obligation.reminder_offsets = " 1, 14,7 ,7"
        self.assertEqual(self.obligation.reminder_offsets, "14,7,1")

    def test_06_one_bad_record_stops_no_cron(self):
        other_plan = self._create_plan(self.cluster_other, 2020)
        other = self.env["emulation.obligation"].create(
            {"name": "Báo cáo", "plan_id": other_plan.id, "deadline": date(2020, 6, 15)}
        )
        self._issue_plan(other_plan)
        # a value written before values were checked (an older database)
        self.env.cr.execute(
            "UPDATE emulation_obligation SET reminder_offsets = %s WHERE id = %s",
            ("７,1", self.obligation.id),
        )
        self.env.invalidate_all()
        Log = self.env["emulation.reminder.log"]
        with (
            freeze_time("2020-06-08"),
            self.assertLogs("odoo.addons.emulation_cluster", "WARNING") as logs,
        ):
            self.env["emulation.obligation"]._cron_send_deadline_reminders()
        self.assertIn("are not a list of days", logs.output[0])
        # the other cluster is reminded
        self.assertEqual(
            Log.search_count(
                [("kind", "=", "deadline"), ("res_id", "in", other.submission_ids.ids)]
            ),
            len(other.submission_ids),
        )
        # the secretariat of the bad record is told, once
        told = self.obligation.activity_ids.filtered(
            lambda act: act.user_id == self.user_secretariat
        )
        self.assertEqual(len(told), 1)
        self.assertIn(self.obligation.name, told.summary)
        with freeze_time("2020-06-09"):
            self.env["emulation.obligation"]._cron_send_deadline_reminders()
        self.assertEqual(len(self.obligation.activity_ids), 1)

    # ------------------------------------------------------------------
    # 7. who may read a plan
    # ------------------------------------------------------------------
    def test_07_member_units_whatever_triggers_the_recompute(self):
        membership = self.cluster.membership_ids.filtered(
            lambda m: m.partner_id == self.unit_member4
        )
        membership.with_user(self.user_manager).action_archive()
        self.assertNotIn(self.unit_member4, self.plan.member_unit_ids)
        # adding another member, from a context that shows archived records
        newcomer = self.env["res.partner"].create(
            {"name": "Sở Nội vụ mới", "is_company": True}
        )
        self.cluster.with_user(self.user_manager).with_context(
            active_test=False
        ).membership_ids = [
            Command.create({"partner_id": newcomer.id, "date_start": "2020-01-01"})
        ]
        self.assertIn(newcomer, self.plan.member_unit_ids)
        self.assertNotIn(self.unit_member4, self.plan.member_unit_ids)
        # nobody writes it, even during an adjustment
        self.env["emulation.plan.revision"].with_user(self.user_manager)._propose(
            self.plan, "Bổ sung hoạt động", "manager"
        )
        with self.assertRaises(UserError):
            self.plan.with_user(self.user_secretariat).member_unit_ids = [
                Command.link(self.unit_other.id)
            ]
        with self.assertRaises(AccessError):
            self.plan.with_user(self.user_officer_other).read(["name"])

    # ------------------------------------------------------------------
    # 8. refusals name no record the user may not read
    # ------------------------------------------------------------------
    def test_08_refusals_name_nothing_unreadable(self):
        draft = self._create_plan(self.cluster, 2021, number="999/KH-BÍ-MẬT")
        values = {"cluster_id": self.cluster.id, "year": 2021, "name": "Trùng"}
        for user in (
            self.user_portal,
            self.user_officer,
            self.user_officer_other,
            self.user_secretariat_other,
        ):
            with self.assertRaises(UserError) as refusal:
                self.env["emulation.plan"].with_user(user).create(values)
            self.assertNotIn("999", str(refusal.exception), user.login)
            self.assertNotIn(draft.name, str(refusal.exception), user.login)
        internal = self.env["res.users"].create(
            {"name": "Nhân viên khác", "login": "test_emu_internal"}
        )
        with self.assertRaises(AccessError) as refusal:
            self.env["emulation.plan"].with_user(internal).create(values)
        self.assertNotIn("999", str(refusal.exception))
        # its own secretariat is told which plan exists
        with self.assertRaises(ValidationError) as refusal:
            self.env["emulation.plan"].with_user(self.user_secretariat).create(values)
        self.assertIn("999/KH-BÍ-MẬT", str(refusal.exception))

    # ------------------------------------------------------------------
    # 9. a clear message instead of a crash or a silent change
    # ------------------------------------------------------------------
    def test_09_smaller_refusals(self):
        self._sent_covenant()
        line = self._line(self.unit_member3).with_user(self.user_officer)
        line.signer_name = "Nguyễn Văn A"
        with freeze_time("2020-03-21"):
            line.action_sign()
        with self.assertRaises(UserError):
            line.unit_name = "Tên khác"
        Plan = self.env["emulation.plan"].with_user(self.user_secretariat)
        for year in (0, -5, 10000):
            with self.assertRaises(ValidationError):
                Plan.create({"cluster_id": self.cluster.id, "year": year})
        draft = self._create_plan(year=2022)
        with self.assertRaises(ValidationError):
            draft.with_user(self.user_secretariat).year = 10000
        event = draft.event_ids.with_user(self.user_secretariat)
        with self.assertRaises(ValidationError):
            event.date_start = "9999-12-31 00:00:00"
        with self.assertRaises(ValidationError):
            self.env["emulation.covenant.clause"].with_user(
                self.user_secretariat
            ).create({"covenant_id": self.covenant.id, "text": ["một", "danh sách"]})
        with self.assertRaises(ValidationError):
            draft.with_user(self.user_secretariat).issue_date = "0001-01-01"
        with self.assertRaises(ValidationError):
            self.obligation.with_user(self.user_secretariat).write({"name": 42})
        self.assertEqual(draft.year, 2022)
        self.assertEqual(event.date_start.year, 2022)
        self.assertEqual(line.unit_name, self.unit_member3.name)


@tagged("post_install", "-at_install")
class TestTrustSettled(TrustCommon):
    """Reading outside a cluster, and what else the access review settled."""

    def test_officer_outside_any_cluster_reads_nothing(self):
        outsider_unit = self.env["res.partner"].create(
            {"name": "Sở Nội vụ ngoài Cụm", "is_company": True}
        )
        outsider = self._create_emulation_user(
            "test_emu_outsider2", "group_unit_officer", outsider_unit
        )
        for model in (
            "emulation.cluster",
            "emulation.cluster.membership",
            "emulation.document",
            "emulation.plan",
            "emulation.event",
            "emulation.obligation",
            "emulation.covenant",
        ):
            self.assertFalse(self.env[model].with_user(outsider).search([]), model)
        # a member reads its cluster, its memberships and the documents
        self.assertEqual(
            self.env["emulation.cluster"].with_user(self.user_officer).search([]),
            self.cluster,
        )
        self.assertTrue(
            self.env["emulation.document"].with_user(self.user_officer).search([])
        )

    def test_manager_deletes_drafts_only(self):
        draft = self._create_plan(year=2021)
        obligation = self.env["emulation.obligation"].create(
            {"name": "Báo cáo", "plan_id": draft.id, "deadline": date(2021, 6, 15)}
        )
        for user in (self.user_secretariat, self.user_officer):
            for record in (draft.event_ids, obligation, draft):
                with self.assertRaises(AccessError):
                    record.with_user(user).unlink()
        draft.event_ids.with_user(self.user_manager).unlink()
        obligation.with_user(self.user_manager).unlink()
        draft.with_user(self.user_manager).unlink()
        self.assertFalse(draft.exists())
        for record in (self.plan.event_ids, self.obligation, self.plan):
            with self.assertRaises(UserError):
                record.with_user(self.user_manager).unlink()
        self.assertTrue(self.plan.exists())
        self.assertTrue(self.obligation.exists())

    def test_officer_rule_on_registrations(self):
        registration = self._register()
        self.assertEqual(
            self.env["emulation.registration"].with_user(self.user_officer).search([]),
            registration,
        )
        # once the unit leaves the cluster before the year, the plan of that
        # year is no longer its: neither is the registration
        membership = self.cluster.membership_ids.filtered(
            lambda m: m.partner_id == self.unit_member3
        )
        membership.with_user(self.user_manager).action_archive()
        self.assertFalse(
            self.env["emulation.registration"].with_user(self.user_officer).search([])
        )
