# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import calendar
import datetime

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, format_date

from .emulation_award_type import award_type_field
from .emulation_reminder_log import CRON_BATCH_SIZE

# The days of each month in a leap year.
LONGEST_MONTHS = {month: calendar.monthrange(2000, month)[1] for month in range(1, 13)}
# Days before an award's dossier deadline the secretariat is reminded of
# the proposals still in draft.
PROPOSAL_REMINDER_DAYS = 14


class EmulationRuleAward(models.Model):
    """What a proposals rule sets for one award type: the share of the
    council's decisions of a year it may take (the Government flag's 20 %
    of the units leading a cluster, Decree 152 Art. 7) and the day its
    dossiers must reach the council (30 June of the year after the one
    judged, Art. 35)."""

    _name = "emulation.rule.award"
    _description = "Award Quota and Deadline"
    _inherit = ["emulation.rule.line.mixin", "emulation.notification.mixin"]
    _order = "rule_id, award_type_id, id"

    _edit_groups = {
        "line": {
            "fields": (
                "award_type_id",
                "quota_percent",
                "deadline_day",
                "deadline_month",
                "deadline_year_offset",
            ),
            "parent": ("rule_id", "config"),
        }
    }

    award_type_id = award_type_field(index=True)
    quota_percent = fields.Float(
        "Quota (% of Cluster Leaders)",
        digits=(5, 2),
        help="At most this share of the units leading a cluster or bloc in "
        "the year judged, counted over every proposal the council receives "
        "for the year, whatever the cluster; 0: no quota.",
    )
    deadline_day = fields.Integer()
    deadline_month = fields.Integer()
    deadline_year_offset = fields.Integer(
        "Years After the Year Judged",
        default=1,
        help="1: the dossiers of 2020 are due in 2021.",
    )
    # rule's dates, shown on the award type
    rule_document_id = fields.Many2one(
        related="rule_id.document_id", string="Legal Basis"
    )
    rule_date_from = fields.Date("Valid From", related="rule_id.date_from")
    rule_date_to = fields.Date("Valid Until", related="rule_id.date_to")

    _sql_constraints = [
        (
            "rule_award_type_uniq",
            "unique(rule_id, award_type_id)",
            "The rule already sets a quota and deadline for this award type.",
        ),
    ]

    @api.constrains("quota_percent", "deadline_day", "deadline_month")
    def _check_quota_and_deadline(self):
        for line in self:
            # every award the rule names has its dossiers' deadline: 0/0
            # is no day of the year
            if (
                not 0 <= line.quota_percent <= 100
                or not 1 <= line.deadline_month <= 12
                or not 1 <= line.deadline_day <= 31
                or line.deadline_year_offset < 0
            ):
                raise ValidationError(
                    self.env._(
                        "A quota lies between 0 and 100 %; a deadline gives "
                        "both its day (1 to 31) and its month (1 to 12)."
                    )
                )
            # no 31 June nor 30 February (29 February is the month's last
            # day, whatever the year)
            if line.deadline_day > LONGEST_MONTHS[line.deadline_month]:
                raise ValidationError(
                    self.env._(
                        "%(day)s/%(month)s is not a day of the year: a deadline "
                        "is a day of its month.",
                        day=line.deadline_day,
                        month=line.deadline_month,
                    )
                )

    def _get_deadline(self, year):
        """The day the dossiers of ``year`` are due, or False (no deadline);
        a day past the month's end means its last day."""
        self.ensure_one()
        if not self.deadline_month:
            return False
        due_year = year + self.deadline_year_offset
        last = calendar.monthrange(due_year, self.deadline_month)[1]
        return datetime.date(
            due_year, self.deadline_month, min(self.deadline_day, last)
        )

    # ------------------------------------------------------------------
    # reminders: the dossiers due soon
    # ------------------------------------------------------------------
    @api.model
    def _cron_send_proposal_reminders(self, batch_size=CRON_BATCH_SIZE):
        """Remind the secretariat of the proposals still in draft two weeks
        before their award's dossier deadline (the proposals rule in force
        today for the cluster): one activity per proposal, never twice.
        Returns the proposals reminded."""
        deadlines = self._get_dossier_deadlines_due()
        due = SQL(
            """
            SELECT p.id AS res_id, %(days)s AS offset_days, p.cluster_id,
                   NULL::int AS unit_id
              FROM emulation_award_proposal p
              JOIN unnest(%(clusters)s::int[], %(awards)s::int[], %(years)s::int[])
                   AS w(cluster_id, award, year)
                ON w.cluster_id = p.cluster_id AND w.award = p.award_type_id
               AND w.year = p.year
             WHERE p.state = 'draft' AND p.active
            """,
            days=PROPOSAL_REMINDER_DAYS,
            clusters=[key[0] for key in deadlines],
            awards=[key[1] for key in deadlines],
            years=[key[2] for key in deadlines],
        )
        sent = self.env["emulation.reminder.log"]._run_pass(
            "proposal_deadline",
            [
                (
                    "proposal_deadline",
                    "emulation.award.proposal",
                    due,
                    lambda proposals, offsets: self._send_proposal_reminders(
                        proposals, deadlines
                    ),
                )
            ],
            batch_size,
        )
        return sent[0] if sent else self.env["emulation.award.proposal"]

    @api.model
    def _get_dossier_deadlines_due(self):
        """{(cluster id, award type id, year judged): deadline} of the
        dossiers due within ``PROPOSAL_REMINDER_DAYS``, under the proposals
        rule in force today for each cluster that has a draft proposal."""
        today = fields.Date.context_today(self)
        horizon = today + datetime.timedelta(days=PROPOSAL_REMINDER_DAYS)
        drafts = (
            self.env["emulation.award.proposal"]
            .sudo()
            ._read_group([("state", "=", "draft")], ["cluster_id"])
        )
        deadlines = {}
        for (cluster,) in drafts:
            rule = self.env["emulation.rule"]._get_applicable(
                "proposal", cluster, today
            )
            for line in rule.award_rule_ids:
                for due_year in {today.year, horizon.year}:
                    year = due_year - line.deadline_year_offset
                    deadline = line._get_deadline(year)
                    if deadline and today <= deadline <= horizon:
                        deadlines[cluster.id, line.award_type_id.id, year] = deadline
        return deadlines

    @api.model
    def _send_proposal_reminders(self, proposals, deadlines):
        def deadline(proposal):
            key = (proposal.cluster_id.id, proposal.award_type_id.id, proposal.year)
            return deadlines[key]

        self._schedule_activities(
            self.env.ref("emulation_cluster.mail_activity_type_proposal_deadline"),
            [
                (proposal, proposal.cluster_id.secretariat_user_ids, deadline(proposal))
                for proposal in proposals
            ],
            lambda proposal: {
                "summary": proposal.env._(
                    "Send the dossier of %(proposal)s to the council by %(date)s",
                    proposal=proposal.display_name,
                    date=format_date(proposal.env, deadline(proposal)),
                )
            },
        )
