# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..tools.common import CHANNEL_SELECTION
from .emulation_edit_policy_mixin import archive_group
from .emulation_workflow_mixin import state_field

OPEN_STATES = ("to_file", "returned")
REVIEW_STATES = ("filed", "under_review")
# Days a returned filing is given to be filed again when its deadline passed.
REFILE_DAYS = 3
SUBMISSION_STATES = [
    ("to_file", "To File"),
    ("filed", "Filed"),
    ("under_review", "Under Review"),
    ("returned", "Returned"),
    ("accepted", "Accepted"),
]


class EmulationSubmission(models.Model):
    """What a member unit sends against a reporting obligation (báo cáo,
    hồ sơ nộp): one record per obligation and unit, created by the system,
    filed, reviewed by the cluster secretariat, returned and filed again
    until accepted. Its lateness is decided, and frozen, on its first
    filing: a deadline moved later afterwards changes neither ``is_late``
    nor ``late_days``, and a correction filed after a return leaves them as
    they are: it is judged by its own deadline (the "File Again" activity's)
    and, past it, shown apart as a late correction. Each round keeps the
    deadline it was judged by."""

    _name = "emulation.submission"
    _description = "Submission"
    _inherit = [
        "emulation.workflow.mixin",
        "emulation.member.unit.mixin",
        "emulation.my.unit.mixin",
        "emulation.latest.plan.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "deadline desc, obligation_id, partner_id, id"
    _rec_names_search = ["obligation_id.name", "partner_id.name"]

    _edit_groups = {
        "filing": {
            "fields": ("attachment_ids", "cover_note"),
            "roles": {"owner": OPEN_STATES, "secretariat": OPEN_STATES},
            "closed_if": "_get_filing_closed_reason",
        },
        "receipt": {
            "fields": ("channel", "date_received"),
            "roles": {"secretariat": OPEN_STATES},
            "closed_if": "_get_filing_closed_reason",
        },
        "archive": archive_group("secretariat"),
    }
    _allowed_moves = {
        "to_file": ("filed",),
        "filed": (
            "under_review",
            "accepted",
            "returned",
            # recalled by the unit before its review starts
            "to_file",
        ),
        "under_review": ("accepted", "returned"),
        "returned": ("filed",),
    }

    obligation_id = fields.Many2one(
        "emulation.obligation",
        required=True,
        ondelete="restrict",
        index=True,
        readonly=True,
    )
    plan_id = fields.Many2one(
        related="obligation_id.plan_id", store=True, index=True, string="Plan"
    )
    cluster_id = fields.Many2one(
        related="obligation_id.cluster_id", store=True, index=True, string="Cluster"
    )
    kind = fields.Selection(related="obligation_id.kind", store=True)
    deadline = fields.Date(related="obligation_id.deadline", store=True, index=True)
    partner_id = fields.Many2one(readonly=True, domain=[("is_company", "=", True)])
    state = state_field(
        SUBMISSION_STATES,
        string="Status",
        group_expand="_read_group_expand_state",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "emulation_submission_attachment_rel",
        "submission_id",
        "attachment_id",
        "Files",
        copy=False,
    )
    cover_note = fields.Text(help="Cover note sent with the files.")
    channel = fields.Selection(
        CHANNEL_SELECTION,
        "Received By",
        default="online",
        required=True,
        tracking=True,
        help="How the files reached the secretariat. Online: filed in Odoo by "
        "the unit; otherwise registered by the secretariat on its behalf.",
    )
    date_received = fields.Date(
        "Received On",
        help="Date a paper or e-mail filing reached the secretariat; it decides "
        "whether the filing was late.",
    )
    date_filed = fields.Datetime("Filed On", readonly=True, copy=False, tracking=True)
    filed_by_id = fields.Many2one("res.users", "Filed By", readonly=True, copy=False)
    is_late = fields.Boolean(
        "Late",
        readonly=True,
        copy=False,
        index=True,
        help="Filed after the deadline in force when it was filed.",
    )
    late_days = fields.Integer("Days Late", readonly=True, copy=False, aggregator="max")
    refile_deadline = fields.Date(
        "Correction Due",
        readonly=True,
        copy=False,
        help="When the filing was returned: the day the correction is due (the "
        '"File Again" activity\'s deadline).',
    )
    is_late_correction = fields.Boolean(
        "Late Correction",
        readonly=True,
        copy=False,
        help="The correction after a return was filed after its own deadline. "
        "The unit's lateness is judged on its first filing only.",
    )
    correction_late_days = fields.Integer(
        "Days Late (Correction)", readonly=True, copy=False
    )
    is_overdue = fields.Boolean(
        "Overdue",
        readonly=True,
        copy=False,
        index=True,
        help="Still not filed the day after the deadline.",
    )
    reviewer_id = fields.Many2one("res.users", "Reviewer", readonly=True, copy=False)
    date_decision = fields.Datetime("Decided On", readonly=True, copy=False)
    return_reason = fields.Text(
        "Reason for Return", readonly=True, copy=False, tracking=True
    )
    round_ids = fields.One2many(
        "emulation.submission.round", "submission_id", "Rounds", readonly=True
    )
    round_count = fields.Integer("Rounds Filed", compute="_compute_round_count")
    can_review = fields.Boolean(compute="_compute_can_review")
    can_recall = fields.Boolean(compute="_compute_can_recall")
    dossier_deadline = fields.Date(
        "Dossiers Due By",
        compute="_compute_dossier_deadline",
        help="An award dossier without a deadline of its own is due by the "
        "deadline the proposals rule in force sets for the awards of the "
        "year (the earliest).",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "obligation_partner_uniq",
            "unique(obligation_id, partner_id)",
            "A unit has only one submission per reporting obligation.",
        ),
    ]

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends("obligation_id.name", "partner_id.name")
    def _compute_display_name(self):
        for submission in self:
            submission.display_name = (
                f"{submission.obligation_id.name or ''} – "
                f"{submission.partner_id.name or ''}"
            )

    @api.depends("round_ids")
    def _compute_round_count(self):
        counts = dict(
            self.env["emulation.submission.round"]._read_group(
                [("submission_id", "in", self.ids)],
                groupby=["submission_id"],
                aggregates=["__count"],
            )
        )
        for submission in self:
            submission.round_count = counts.get(submission, 0)

    @api.model
    def action_open_tracker(self):
        """The tracker (the menu's entry): the counts of the submissions
        tally, which the database keeps as the submissions move (see
        :class:`EmulationSubmissionTally`)."""
        return self.env["emulation.submission.tally"]._get_tracker_action()

    @api.depends_context("uid")
    @api.depends("state", "partner_id", "cluster_id.secretariat_user_ids")
    def _compute_can_review(self):
        for submission in self:
            submission.can_review = (
                submission.state in REVIEW_STATES and submission._has_role("reviewer")
            )

    @api.depends("kind", "deadline", "cluster_id", "plan_id.year")
    def _compute_dossier_deadline(self):
        Rule = self.env["emulation.rule"]
        today = fields.Date.context_today(self)
        rules = {}
        for submission in self:
            submission.dossier_deadline = False
            if submission.kind != "award_dossier" or submission.deadline:
                continue
            cluster = submission.cluster_id
            if cluster not in rules:
                rules[cluster] = Rule._get_applicable("proposal", cluster, today)
            deadlines = [
                due
                for line in rules[cluster].sudo().award_rule_ids
                if (due := line._get_deadline(submission.plan_id.year))
            ]
            submission.dossier_deadline = min(deadlines, default=False)

    @api.depends_context("uid")
    @api.depends("state", "partner_id")
    def _compute_can_recall(self):
        for submission in self:
            submission.can_recall = (
                submission.state == "filed" and submission._has_role("owner")
            )

    def _get_filing_closed_reason(self):
        """Files are prepared while the plan is issued and the obligation
        open."""
        self.ensure_one()
        if self.plan_id.state != "issued":
            return self.env._("its plan is not open for filing")
        if self.obligation_id.state != "open":
            return self.env._("its reporting obligation was cancelled")
        return ""

    # ------------------------------------------------------------------
    # files
    # ------------------------------------------------------------------
    def write(self, vals):
        if "attachment_ids" in vals and not self.env.su:
            # commands and ids first, then whose files they are
            self._check_values({"attachment_ids": vals["attachment_ids"]})
            self._check_attachments(vals["attachment_ids"])
        result = super().write(vals)
        if "attachment_ids" in vals:
            self._adopt_uploads()
        return result

    def _check_attachments(self, commands):
        """Only files the user uploaded, or can already read, are attached:
        never another user's upload, nor another unit's filed report."""
        ids = set()
        for command in commands:
            if isinstance(command, int):
                ids.add(command)
            elif command[0] == Command.LINK:
                ids.add(command[1])
            elif command[0] == Command.SET:
                ids.update(command[2])
        ids -= set(self.sudo().attachment_ids.ids)
        if ids:
            attachments = self.env["ir.attachment"].browse(ids).exists()
            attachments.check("read")
            self._check_attachments_owner(attachments)
            self._check_attachments_size(attachments)

    def _check_attachments_size(self, attachments):
        """Files no larger than what the cluster accepts."""
        for submission in self.sudo():
            limit = submission.cluster_id._get_upload_limit()
            for attachment in attachments.sudo():
                if attachment.file_size > limit:
                    raise ValidationError(
                        self.env._(
                            "%(file)s is too large: %(cluster)s accepts files of "
                            "at most %(limit)s MB.",
                            file=attachment.name,
                            cluster=submission.cluster_id.name,
                            limit=round(limit / (1024 * 1024), 1),
                        )
                    )

    def _check_attachments_owner(self, attachments):
        """A file already tied to a record stays that record's: it goes
        into a filing of the same unit only, whoever links it (a unit's
        filing never holds another unit's report, even linked by the
        secretariat or a manager)."""
        units = self.sudo().partner_id
        for attachment in attachments.sudo():
            if not (attachment.res_model and attachment.res_id):
                continue  # an upload of the user's own (checked above)
            record = self.env[attachment.res_model].sudo().browse(attachment.res_id)
            owner = (
                record.exists()._get_owner_unit()
                if record.exists() and hasattr(record, "_get_owner_unit")
                else None
            )
            if owner is None or owner != units:
                raise AccessError(
                    self.env._(
                        "%(file)s belongs to another record: a filing holds only "
                        "its own unit's files. Upload the file again if it is "
                        "the unit's.",
                        file=attachment.name,
                    )
                )

    def _adopt_uploads(self):
        """A file uploaded before it was attached belongs to no record, and
        only its uploader may read it: tie the uploader's own files to the
        submission so that whoever may read the submission may read them."""
        uid = self.env.uid
        for submission in self:
            submission.sudo().attachment_ids.filtered(
                lambda attachment: not attachment.res_id
                and (self.env.su or attachment.create_uid.id == uid)
            ).write({"res_model": self._name, "res_id": submission.id})

    @api.ondelete(at_uninstall=False)
    def _unlink_except_filed(self):
        for submission in self:
            if submission.state != "to_file" or submission.round_ids:
                raise UserError(
                    self.env._(
                        "The submission %(name)s has been filed and is kept on "
                        "record: archive it instead of deleting it.",
                        name=submission.display_name,
                    )
                )

    def _check_acting_user(self, roles, action):
        """Run the transition checks as the acting user (the user himself,
        or the user a superuser script names)."""
        user = self._get_acting_user()
        if user == self.env.user:
            self._check_transition(self._transition_states(roles), roles, action)
            return
        self._check_state(self._transition_states(roles), action)
        for submission in self:
            if not any(submission._has_role(role, user) for role in roles):
                raise UserError(
                    self.env._(
                        "%(user)s cannot act on %(name)s.",
                        user=user.name,
                        name=submission.display_name,
                    )
                )

    @api.model
    def _transition_states(self, roles):
        return OPEN_STATES if "owner" in roles else REVIEW_STATES
