# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# Fields an issued plan may still change outside an adjustment: workflow,
# chatter, activities and the adjustment bookkeeping itself.
UNLOCKED_FIELDS = {
    "state",
    "active",
    "adjustment_in_progress",
    "revision_number",
    "revision_ids",
    "consultation_ids",
    "event_ids",
    "obligation_ids",
}


class EmulationPlan(models.Model):
    """Annual activity plan of a cluster (Kế hoạch hoạt động), one per
    cluster and year, issued as an official document."""

    _name = "emulation.plan"
    _description = "Annual Activity Plan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "emulation.official.document.mixin",
        "emulation.workflow.mixin",
    ]
    _order = "year desc, cluster_id"

    name = fields.Char(
        string="Title",
        required=True,
        tracking=True,
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
        help='Printed under "KẾ HOẠCH", e.g. "Hoạt động của Cụm Thi đua các '
        'tỉnh, thành Bắc Bộ năm 2020".',
    )
    cluster_id = fields.Many2one(
        comodel_name="emulation.cluster",
        required=True,
        index=True,
        tracking=True,
    )
    cluster_kind = fields.Selection(related="cluster_id.kind")
    year = fields.Integer(
        required=True,
        index=True,
        tracking=True,
        aggregator=False,
        default=lambda self: fields.Date.context_today(self).year,
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("consultation", "Consultation"),
            ("issued", "Issued"),
            ("closed", "Closed"),
        ],
        default="draft",
        required=True,
        index=True,
        tracking=True,
        copy=False,
        group_expand="_read_group_expand_state",
    )
    leader_id = fields.Many2one(
        comodel_name="res.partner",
        string="Leader Unit",
        tracking=True,
        index="btree_not_null",
        domain="[('emulation_membership_ids.cluster_id', '=', cluster_id)]",
    )
    deputy_id = fields.Many2one(
        comodel_name="res.partner",
        string="Deputy Unit",
        tracking=True,
        index="btree_not_null",
        domain="[('emulation_membership_ids.cluster_id', '=', cluster_id)]",
    )
    basis_ids = fields.One2many(
        comodel_name="emulation.plan.basis",
        inverse_name="plan_id",
        string="Legal Bases",
        copy=True,
    )
    cited_document_ids = fields.Many2many(
        comodel_name="emulation.document",
        relation="emulation_plan_cited_document_rel",
        column1="plan_id",
        column2="document_id",
        string="Other Cited Documents",
        help="Documents cited in the plan's text besides its legal bases.",
    )
    member_unit_ids = fields.Many2many(
        comodel_name="res.partner",
        relation="emulation_plan_member_unit_rel",
        column1="plan_id",
        column2="partner_id",
        string="Member Units of the Year",
        compute="_compute_member_unit_ids",
        store=True,
        help="Units that were members of the cluster at some time of the "
        "plan's year: they read the plan, even after they left the cluster.",
    )
    purpose = fields.Html(string="Purpose and Requirements")
    covenant_content = fields.Html(
        string="Covenant Contents to Carry Out",
        help="Section II: how the members carry out the year's covenant.",
    )
    campaign_content = fields.Html(
        string="Launch and Registration",
        help="Launching the emulation movement and registering for it.",
    )
    reporting_intro = fields.Text(
        string="Reporting Rules",
        help="Sentence introducing the reporting obligations.",
    )
    organisation = fields.Html(string="Organisation of Implementation")
    event_ids = fields.One2many(
        comodel_name="emulation.event",
        inverse_name="plan_id",
        string="Conferences and Activities",
    )
    obligation_ids = fields.One2many(
        comodel_name="emulation.obligation",
        inverse_name="plan_id",
        string="Reporting Obligations",
    )
    consultation_ids = fields.One2many(
        comodel_name="emulation.plan.consultation",
        inverse_name="plan_id",
        string="Consultation",
    )
    consultation_deadline = fields.Date(
        string="Answers Expected By",
        help="Date by which the members are asked to give their opinion.",
    )
    consultation_pending_count = fields.Integer(
        string="Pending Answers", compute="_compute_consultation_counts"
    )
    revision_ids = fields.One2many(
        comodel_name="emulation.plan.revision",
        inverse_name="plan_id",
        string="Revisions",
    )
    revision_number = fields.Integer(
        string="Revision", default=0, copy=False, readonly=True, tracking=True
    )
    adjustment_in_progress = fields.Boolean(
        copy=False,
        readonly=True,
        help="Set by an agreed adjustment: the issued plan may be edited "
        "until the adjustment is finished.",
    )
    is_editable = fields.Boolean(compute="_compute_is_editable")
    event_count = fields.Integer(compute="_compute_counts", string="Activity Count")
    obligation_count = fields.Integer(compute="_compute_counts")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "cluster_year_uniq",
            "unique(cluster_id, year)",
            "A cluster has only one activity plan per year.",
        ),
    ]

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends(
        "year",
        "cluster_id.membership_ids.partner_id",
        "cluster_id.membership_ids.date_start",
        "cluster_id.membership_ids.date_end",
        "cluster_id.membership_ids.active",
    )
    def _compute_member_unit_ids(self):
        memberships = self.env["emulation.cluster.membership"].search(
            [("cluster_id", "in", self.cluster_id.ids)]
        )
        by_cluster = memberships.grouped("cluster_id")
        empty = self.env["emulation.cluster.membership"]
        for plan in self:
            if not plan.year:
                plan.member_unit_ids = False
                continue
            first_day = date(plan.year, 1, 1)
            last_day = date(plan.year, 12, 31)
            plan.member_unit_ids = (
                by_cluster.get(plan.cluster_id, empty)
                .filtered(
                    lambda membership, first=first_day, last=last_day: (
                        membership.date_start <= last
                        and (not membership.date_end or membership.date_end >= first)
                    )
                )
                .partner_id
            )

    @api.depends("cluster_id", "year")
    def _compute_name(self):
        for plan in self:
            if plan.name or not plan.cluster_id:
                continue
            plan.name = self.env._(
                "Activities of %(cluster)s in %(year)s",
                cluster=plan.cluster_id.name,
                year=plan.year,
            )

    @api.depends("state", "adjustment_in_progress")
    def _compute_is_editable(self):
        for plan in self:
            plan.is_editable = (
                plan.state in ("draft", "consultation") or plan.adjustment_in_progress
            )

    @api.depends("consultation_ids.date_answered")
    def _compute_consultation_counts(self):
        for plan in self:
            plan.consultation_pending_count = len(
                plan.consultation_ids.filtered(lambda line: not line.date_answered)
            )

    @api.depends("event_ids", "obligation_ids")
    def _compute_counts(self):
        for plan in self:
            plan.event_count = len(plan.event_ids)
            plan.obligation_count = len(plan.obligation_ids)

    @api.model
    def _read_group_expand_state(self, states, domain):
        return [key for key, _label in self._fields["state"].selection]

    def _get_reference_date(self):
        """Date at which the plan's leader, deputy and members are taken:
        its issue date, else 1 January of its year."""
        self.ensure_one()
        return self.issue_date or date(self.year, 1, 1)

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("leader_id", "deputy_id", "cluster_id", "issue_date", "year")
    def _check_leader_deputy(self):
        members_by_cluster = {}
        for plan in self:
            if plan.leader_id and plan.leader_id == plan.deputy_id:
                raise ValidationError(
                    self.env._("The leader and the deputy must be different units.")
                )
            ref_date = plan._get_reference_date()
            key = (plan.cluster_id, ref_date)
            if key not in members_by_cluster:
                members_by_cluster[key] = plan.cluster_id._get_members_at(ref_date)
            members = members_by_cluster[key]
            for unit in plan.leader_id | plan.deputy_id:
                if unit not in members:
                    raise ValidationError(
                        self.env._(
                            "%(unit)s is not a member of %(cluster)s on "
                            "%(date)s: it cannot lead the cluster that year.",
                            unit=unit.display_name,
                            cluster=plan.cluster_id.display_name,
                            date=fields.Date.to_string(ref_date),
                        )
                    )

    @api.constrains("year", "issue_date")
    def _check_year(self):
        for plan in self:
            if not 1900 < plan.year < 3000:
                raise ValidationError(self.env._("The plan's year is not valid."))
            if plan.issue_date and abs(plan.issue_date.year - plan.year) > 1:
                raise ValidationError(
                    self.env._("A plan is issued in its year or the year before.")
                )
        self.obligation_ids._check_deadline()
        self.event_ids._check_date_in_plan_year()

    def _check_unique_cluster_year(self, vals_list):
        """Refuse a second plan of a cluster and year with a clear message
        before the database does."""
        keys = {(vals.get("cluster_id"), vals.get("year")) for vals in vals_list}
        if len(keys) < len(vals_list):
            raise ValidationError(
                self.env._("A cluster has only one activity plan per year.")
            )
        for cluster_id, year in keys:
            if not cluster_id or not year:
                continue
            existing = (
                self.sudo()
                .with_context(active_test=False)
                .search(
                    [
                        ("cluster_id", "=", cluster_id),
                        ("year", "=", year),
                        ("id", "not in", self.ids),
                    ],
                    limit=1,
                )
            )
            if existing:
                raise ValidationError(
                    self.env._(
                        "%(cluster)s already has a plan for %(year)s: %(plan)s.",
                        cluster=existing.cluster_id.display_name,
                        year=year,
                        plan=existing.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        self._check_unique_cluster_year(vals_list)
        return super().create(vals_list)

    @api.model
    def _search(self, domain, *args, **kwargs):
        # The record rules read member_unit_ids, but in 18.0 the ORM does not
        # flush a many2many before searching on it: recompute it first, so
        # that a plan created or a membership changed in the same transaction
        # is seen (nothing is done when nothing is pending).
        self.flush_model(["member_unit_ids"])
        return super()._search(domain, *args, **kwargs)

    def write(self, vals):
        # access first: a reader is told he may not write, not why
        self.check_access("write")
        self._check_locked(set(vals))
        if "cluster_id" in vals or "year" in vals:
            for plan in self:
                plan._check_unique_cluster_year(
                    [
                        {
                            "cluster_id": vals.get("cluster_id", plan.cluster_id.id),
                            "year": vals.get("year", plan.year),
                        }
                    ]
                )
        return super().write(vals)

    def _check_locked(self, field_names=None):
        """An issued or closed plan changes only through an adjustment."""
        if field_names is not None and not (
            field_names - UNLOCKED_FIELDS - set(self._get_mail_thread_fields())
        ):
            return
        locked = self.filtered(lambda plan: not plan.is_editable)
        if locked:
            raise UserError(
                self.env._(
                    "Plan %(plan)s is issued: it can only be changed through an "
                    "adjustment agreed with the deputy unit.",
                    plan=locked[0].display_name,
                )
            )

    @api.model
    def _get_mail_thread_fields(self):
        return [
            name
            for name, field in self._fields.items()
            if field.model_name in ("mail.thread", "mail.activity.mixin")
            or name.startswith(("message_", "activity_", "website_message"))
        ]

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(plan.state != "draft" for plan in self):
            raise UserError(
                self.env._("Only draft plans can be deleted; archive the others.")
            )

    @api.depends("name", "number", "year")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = (
                f"{plan.number} – {plan.name}" if plan.number else plan.name or ""
            )

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------

    def action_assign_number(self):
        """Take the next number of the cluster's sequence for the year."""
        self._check_state(("draft", "consultation"), self.env._("numbered"))
        for plan in self.filtered(lambda plan: not plan.number):
            plan.number = plan.cluster_id._get_next_plan_number(plan.year)
        return True

    def action_start_consultation(self):
        """Ask every member unit but the leader for its opinion."""
        self._check_state(("draft",), self.env._("sent for consultation"))
        today = fields.Date.context_today(self)
        consultation_lines = []
        for plan in self:
            asked = plan.consultation_ids.partner_id
            members = plan.cluster_id._get_members_at(plan._get_reference_date())
            consultation_lines += [
                {"plan_id": plan.id, "partner_id": unit.id, "date_asked": today}
                for unit in members - plan.leader_id - asked
            ]
        self.env["emulation.plan.consultation"].create(consultation_lines)
        self.write({"state": "consultation"})
        self._schedule_consultation_activities()
        return True

    def _schedule_consultation_activities(self):
        """Remind the secretariat to collect the members' answers."""
        today = fields.Date.context_today(self)
        for plan in self:
            deadline = plan.consultation_deadline or today + timedelta(days=7)
            for user in plan.cluster_id.secretariat_user_ids:
                plan.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=deadline,
                    summary=self.env._("Collect the members' opinions on the plan"),
                    note=plan._get_pending_consultation_note(),
                    user_id=user.id,
                )

    def _get_pending_consultation_note(self):
        self.ensure_one()
        pending = self.consultation_ids.filtered(lambda line: not line.date_answered)
        return Markup("<p>%s</p><ul>%s</ul>") % (
            self.env._("Answers still expected from:"),
            Markup().join(
                Markup("<li>%s</li>") % line.partner_id.display_name for line in pending
            ),
        )

    def _close_consultation_activities(self):
        """Mark the reminders done once every member has answered."""
        answered = self.filtered(
            lambda plan: plan.consultation_ids and not plan.consultation_pending_count
        )
        if answered:
            answered.activity_feedback(
                ["mail.mail_activity_data_todo"],
                feedback=self.env._("Every member unit has answered."),
            )

    def action_back_to_draft(self):
        self._check_state(("consultation",), self.env._("set back to draft"))
        self.write({"state": "draft"})
        return True

    def action_issue(self):
        self._check_state(("draft", "consultation"), self.env._("issued"))
        for plan in self:
            missing = [
                plan._fields[name].get_description(self.env)["string"]
                for name in ("leader_id", "deputy_id", "number", "issue_date")
                if not plan[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Plan %(plan)s cannot be issued without: %(fields)s.",
                        plan=plan.display_name,
                        fields=", ".join(missing),
                    )
                )
        self.write({"state": "issued"})
        self.activity_unlink(["mail.mail_activity_data_todo"])
        return True

    def action_close(self):
        self._check_state(("issued",), self.env._("closed"))
        if self.filtered("adjustment_in_progress"):
            raise UserError(
                self.env._("Finish the adjustment in progress before closing.")
            )
        self.write({"state": "closed"})
        return True

    def action_open_adjustment_wizard(self):
        self.ensure_one()
        self._check_state(("issued",), self.env._("adjusted"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Adjust the Plan"),
            "res_model": "emulation.plan.adjustment.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }

    def action_finish_adjustment(self):
        self._check_state(("issued",), self.env._("adjusted"))
        self.write({"adjustment_in_progress": False})
        return True

    def action_print(self):
        return self.env.ref(
            "emulation_cluster.action_report_emulation_plan"
        ).report_action(self)

    # ------------------------------------------------------------------
    # report helpers
    # ------------------------------------------------------------------
    def _get_kind_word(self):
        """ "Cụm" or "Khối", as the documents write it."""
        self.ensure_one()
        return "Khối" if self.cluster_kind == "bloc" else "Cụm"

    def _get_role_label(self, unit):
        """ "đơn vị Cụm trưởng" / "đơn vị Cụm phó" for the leader and deputy."""
        self.ensure_one()
        word = self._get_kind_word()
        if unit and unit == self.leader_id:
            return f"đơn vị {word} trưởng"
        if unit and unit == self.deputy_id:
            return f"đơn vị {word} phó"
        return ""

    def _get_report_events(self):
        self.ensure_one()
        return self.event_ids.sorted(lambda event: (event.sequence, event.id))

    def _get_report_obligation_lines(self):
        """Obligations grouped as the plan lists them: those due the same day
        to the same unit are one line ("...; Bảng tự chấm điểm ... gửi về
        đơn vị Cụm trưởng trước ngày 20/11/2020.")."""
        self.ensure_one()
        groups = []
        for obligation in self.obligation_ids.filtered(
            lambda obl: obl.state != "cancelled"
        ).sorted(lambda obl: (obl.sequence, obl.deadline or date.max, obl.id)):
            key = (obligation.deadline, obligation.recipient_id, obligation.note)
            if obligation.deadline and groups and groups[-1][0] == key:
                groups[-1][1].append(obligation)
            else:
                groups.append((key, [obligation]))
        return [
            obligations[0]._get_plan_line(obligations) for _key, obligations in groups
        ]

    def _get_report_addresses(self):
        """Distinct "Unit - address" and e-mail the reports are sent to."""
        self.ensure_one()
        seen = []
        for obligation in self.obligation_ids.filtered(
            lambda obl: obl.state != "cancelled" and (obl.address or obl.email)
        ):
            key = (
                obligation.recipient_id.name or "",
                obligation.address or "",
                obligation.email or "",
            )
            if key not in seen:
                seen.append(key)
        return seen
