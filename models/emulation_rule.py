# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, formatLang

from ..tools.common import ORGANISING_LEVELS, format_vn_short_date

# How specific a scope is: a cluster's own rule wins over its level's, which
# wins over the rule for all clusters.
SCOPE_PRIORITY = {"cluster": 0, "level": 1, "all": 2}


class EmulationRule(models.Model):
    """A rule of emulation work held as configuration: its legal basis, its
    validity dates, its scope and its values. The law changes (Decree
    98/2023, then 152/2025), so no value of a rule lives in the code.

    One date convention, everywhere: a rule applies to an act by the date of
    that act. Scoring and classification are judged on the date the
    scorecards are agreed (the year-end conference), votes on the
    conference's date, proposals on the date they are submitted.

    A rule changes by versions: duplicating one makes the next version
    (``copy``), with the same values, no legal basis, unconfirmed, valid
    from the day after the current one ends or from a day the manager sets;
    giving it a start ends its previous version the day before. A version
    without its legal basis or its start applies to nothing."""

    _name = "emulation.rule"
    _description = "Emulation Rule"
    _inherit = ["emulation.workflow.mixin", "emulation.period.mixin", "mail.thread"]
    _order = "rule_type, date_from desc, id desc"

    _edit_groups = {
        "config": {
            "fields": (
                "name",
                "rule_type",
                "document_id",
                "date_from",
                "date_to",
                "scope",
                "level",
                "cluster_id",
                "is_confirmed",
                "note",
                "classification_ids",
                "ranking_basis",
                "tiebreak_code",
                "target_share",
                "vote_base",
                "vote_threshold",
                "vote_strict",
                "quorum_numerator",
                "quorum_denominator",
                "written_votes_allowed",
                "max_rounds",
                "tiebreak_by_score",
                "tiebreak_women_first",
                "tiebreak_by_chair",
                "exclude_restricted",
                "quota_ids",
                "award_rule_ids",
                "active",
            ),
            "roles": {"manager": None},
        }
    }
    _edit_create_fields = ("previous_version_id",)
    _edit_create_roles = ("manager",)
    _period_fields = ("date_from", "date_to")

    name = fields.Char(required=True, tracking=True)
    rule_type = fields.Selection(
        [
            ("classification", "Classification of Results"),
            ("scoring", "Scoring and Ranking"),
            ("voting", "Votes"),
            ("nomination_quota", "Nomination Quotas"),
            ("proposal", "Proposals: Quotas and Deadlines"),
        ],
        "Kind",
        required=True,
        default="classification",
        tracking=True,
        index=True,
    )
    document_id = fields.Many2one(
        "emulation.document",
        "Legal Basis",
        tracking=True,
        index=True,
        copy=False,
        help="The document that sets this rule. A rule without it (a new "
        "version being prepared) applies to nothing.",
    )
    date_from = fields.Date(
        "Valid From",
        tracking=True,
        copy=False,
        help="The rule applies to acts dated from this day: the agreement of "
        "the scorecards for scoring, the conference for votes, the "
        "submission for proposals.",
    )
    date_to = fields.Date(
        "Valid Until",
        tracking=True,
        copy=False,
        help="Last day the rule applies; empty: until another rule replaces it.",
    )
    scope = fields.Selection(
        [
            ("all", "All Clusters"),
            ("level", "An Organising Level"),
            ("cluster", "One Cluster"),
        ],
        required=True,
        default="all",
        tracking=True,
    )
    level = fields.Selection(ORGANISING_LEVELS, "Organising Level", tracking=True)
    cluster_id = fields.Many2one(
        "emulation.cluster", "Cluster", tracking=True, index="btree_not_null"
    )
    is_confirmed = fields.Boolean(
        "Confirmed",
        tracking=True,
        copy=False,
        help="Ticked once the values were checked against the legal basis. "
        "Unticked: they apply all the same, and are marked as unconfirmed "
        "wherever shown.",
    )
    previous_version_id = fields.Many2one(
        "emulation.rule",
        "Previous Version",
        copy=False,
        index="btree_not_null",
        help="The rule this one was duplicated from: it ends the day before "
        "this one starts.",
    )
    note = fields.Text()
    classification_ids = fields.One2many(
        "emulation.rule.classification", "rule_id", "Classifications", copy=True
    )
    ranking_basis = fields.Selection(
        [
            ("total", "Total Points"),
            ("percentage", "Percentage of Own Maximum"),
        ],
        default="total",
        help="What units rank by: their total points, or their total as a "
        "percentage of the maximum of the criteria that apply to them.",
    )
    tiebreak_code = fields.Char(
        "Tie-break Group",
        help="Code of the top-level criterion group compared first when two "
        "units tie; then their names.",
    )
    target_share = fields.Float(
        "Share at Target (%)",
        default=50.0,
        digits=(5, 2),
        help="Criteria against a target: the share of the maximum a unit "
        "gets on its target. Below it, that share times achieved / target; "
        "the best unit above target gets the maximum, the others above "
        "target between the two.",
    )
    # votes (judged on the conference's date)
    vote_base = fields.Selection(
        [
            ("members", "All Members"),
            ("present", "Members Present"),
            ("present_written", "Members Present and Written Votes"),
        ],
        "Threshold Base",
        default="members",
        help="What the share of yes votes is counted against.",
    )
    vote_threshold = fields.Float(
        "Threshold (%)",
        default=50.0,
        digits=(5, 2),
        help="Share of the base a candidate needs, e.g. 50 or 80.",
    )
    vote_strict = fields.Boolean(
        "Strictly Above",
        default=True,
        help="Ticked: more than the threshold (> 50 %); unticked: at least "
        "the threshold (≥ 80 %).",
    )
    quorum_numerator = fields.Integer(
        "Quorum",
        default=2,
        help="A round is valid when at least this fraction of the members "
        "are present: numerator / denominator, e.g. 2 / 3.",
    )
    quorum_denominator = fields.Integer("Quorum Out Of", default=3)
    written_votes_allowed = fields.Boolean(
        "Written Votes of Absent Members",
        default=True,
        help="An absent member may send its vote in writing.",
    )
    max_rounds = fields.Integer(
        "Rounds Allowed",
        default=1,
        help="A further round takes the candidates still tied for the last seats.",
    )
    tiebreak_by_score = fields.Boolean(
        "Tie: Higher Score First",
        default=True,
        help="On equal votes, the unit with the higher agreed score of the "
        "year comes first.",
    )
    tiebreak_women_first = fields.Boolean(
        "Tie: Women First",
        default=True,
        help="On equal votes (and scores), a collective with at least 70 % "
        "women comes first (Decree 152/2025 Art. 4).",
    )
    tiebreak_by_chair = fields.Boolean(
        "Tie: the Chair Decides",
        help="Still tied after the last round: the chair decides, with the "
        "reason recorded. Off by default: no legal source was found for it.",
    )
    exclude_restricted = fields.Boolean(
        "Exclude Units Under Discipline, Inspection or Complaint",
        default=True,
        help="An award is frozen while its candidate is under discipline, "
        "inspection or complaint (Decree 152/2025 Art. 4).",
    )
    quota_ids = fields.One2many("emulation.rule.quota", "rule_id", "Quotas", copy=True)
    award_rule_ids = fields.One2many(
        "emulation.rule.award", "rule_id", "Quotas and Deadlines of Awards", copy=True
    )
    active = fields.Boolean(default=True)

    # ------------------------------------------------------------------
    # checks
    # ------------------------------------------------------------------
    @api.constrains("scope", "level", "cluster_id")
    def _check_scope(self):
        for rule in self:
            if rule.scope == "level" and not rule.level:
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s: choose its organising level.", rule=rule.name
                    )
                )
            if rule.scope == "cluster" and not rule.cluster_id:
                raise ValidationError(
                    self.env._("Rule %(rule)s: choose its cluster.", rule=rule.name)
                )

    @api.constrains(
        "rule_type",
        "vote_threshold",
        "quorum_numerator",
        "quorum_denominator",
        "max_rounds",
    )
    def _check_vote_values(self):
        for rule in self.filtered(lambda rule: rule.rule_type == "voting"):
            if (
                not 0 < rule.vote_threshold <= 100
                or rule.quorum_denominator <= 0
                or not 0 <= rule.quorum_numerator <= rule.quorum_denominator
                or rule.max_rounds < 1
            ):
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s: the threshold lies between 0 and 100 %%, "
                        "the quorum is a fraction of at most 1, and at least one "
                        "round is held.",
                        rule=rule.name,
                    )
                )

    @api.constrains("document_id", "is_confirmed")
    def _check_legal_basis(self):
        if self.filtered(lambda rule: rule.is_confirmed and not rule.document_id):
            raise ValidationError(
                self.env._(
                    "A rule is confirmed against its legal basis: give the "
                    "document that sets it first."
                )
            )

    def _period_error(self):
        return self.env._("Rule %(rule)s ends before it starts.", rule=self.name)

    @api.constrains(
        "rule_type",
        "scope",
        "level",
        "cluster_id",
        "date_from",
        "date_to",
        "active",
        "document_id",
    )
    def _check_no_overlap(self):
        """Two rules of the same kind and scope never apply on the same day:
        one query for the whole batch. A version without its legal basis
        applies to nothing, so it collides with nothing yet."""
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT rule.id, other.id
                  FROM emulation_rule rule
                  JOIN emulation_rule other
                    ON other.id != rule.id
                   AND other.active
                   AND other.document_id IS NOT NULL
                   AND other.rule_type = rule.rule_type
                   AND other.scope = rule.scope
                   AND other.level IS NOT DISTINCT FROM rule.level
                   AND other.cluster_id IS NOT DISTINCT FROM rule.cluster_id
                   AND other.date_from <= COALESCE(rule.date_to, 'infinity'::date)
                   AND rule.date_from <= COALESCE(other.date_to, 'infinity'::date)
                 WHERE rule.id IN %s AND rule.active
                   AND rule.document_id IS NOT NULL
                 LIMIT 1
                """,
                tuple(self.ids) or (0,),
            )
        )
        row = self.env.cr.fetchone()
        if row:
            rule, other = self.browse(row[0]), self.sudo().browse(row[1])
            raise ValidationError(
                self.env._(
                    "Rule %(rule)s overlaps another rule of the same kind and "
                    "scope valid from %(date)s: end that rule first, or narrow "
                    "the dates.",
                    rule=rule.name,
                    date=format_vn_short_date(other.date_from),
                )
            )

    # ------------------------------------------------------------------
    # which rule applies
    # ------------------------------------------------------------------
    @api.model
    def _get_applicable(self, rule_type, cluster, on_date):
        """The rule of ``rule_type`` that applies to an act of ``cluster``
        dated ``on_date``: the cluster's own, else its organising level's,
        else the one for all clusters. An empty recordset when none does."""
        rules = (
            self.sudo()
            .with_context(active_test=True)
            .search(
                [
                    ("rule_type", "=", rule_type),
                    ("document_id", "!=", False),
                    ("date_from", "<=", on_date),
                    "|",
                    ("date_to", "=", False),
                    ("date_to", ">=", on_date),
                    "|",
                    "|",
                    ("scope", "=", "all"),
                    "&",
                    ("scope", "=", "level"),
                    ("level", "=", cluster.level),
                    "&",
                    ("scope", "=", "cluster"),
                    ("cluster_id", "=", cluster.id),
                ]
            )
        )
        return rules.sorted(lambda rule: SCOPE_PRIORITY[rule.scope])[:1]

    @api.model
    def _get_required(self, rule_type, cluster, on_date):
        """The same, refusing to go on without one."""
        rule = self._get_applicable(rule_type, cluster, on_date)
        if not rule:
            label = dict(self._fields["rule_type"]._description_selection(self.env))[
                rule_type
            ]
            raise UserError(
                self.env._(
                    'No rule "%(kind)s" applies to cluster %(cluster)s on '
                    "%(date)s: a manager records it, with its legal basis, "
                    "under Configuration > Rules.",
                    kind=label,
                    cluster=cluster.display_name,
                    date=format_vn_short_date(on_date),
                )
            )
        return rule

    def _get_quota(self, award_type):
        """How many units the cluster may propose for ``award_type`` under
        this quota rule; 0 when the rule sets none for it."""
        line = self.quota_ids.filtered(lambda quota: quota.award_type_id == award_type)
        return line[:1].max_count

    def _get_award_line(self, award_type):
        """The quota and deadline this proposals rule sets for
        ``award_type`` (empty: none)."""
        return self.award_rule_ids.filtered(
            lambda line: line.award_type_id == award_type
        )[:1]

    def _reaches_quorum(self, present, members):
        self.ensure_one()
        return present * self.quorum_denominator >= members * self.quorum_numerator

    def _passes_threshold(self, yes, base):
        """Whether ``yes`` votes out of ``base`` pass the threshold; exact
        arithmetic (no rounding of percentages)."""
        self.ensure_one()
        if not base:
            return False
        if self.vote_strict:
            return yes * 100 > base * self.vote_threshold
        return yes * 100 >= base * self.vote_threshold

    def _get_classification_levels(self):
        """The classification lines, the highest first."""
        return self.classification_ids.sorted(
            lambda line: (-line.min_points, line.sequence)
        )

    def _classify(self, total, group_percentages):
        """The classification line a result earns under this rule: the first
        (highest) one whose minimum total it reaches with no top-level
        group under its minimum percentage. ``group_percentages``: the
        percentage of its maximum each top-level group reached."""
        self.ensure_one()
        lowest = min(group_percentages, default=100.0)
        for line in self._get_classification_levels():
            if total >= line.min_points and lowest >= line.min_group_percent:
                return line
        return self.env["emulation.rule.classification"]

    def _explain_classification(self, level, total, group_percentages, brief=False):
        """In words, why a result of ``total`` points whose top-level groups
        reached ``group_percentages`` ({group's label: percentage}) earns
        ``level`` under this rule: the condition of the level just above it
        that it misses, or, at the highest level, that it meets them all.
        ``brief``: that condition alone (nothing at the highest level)."""
        self.ensure_one()
        levels = self._get_classification_levels()
        above = levels[: list(levels).index(level)] if level in levels else levels

        def number(value):
            return formatLang(self.env, value, digits=2)

        if not above:
            if brief:
                return False
            return self.env._(
                "%(level)s under %(rule)s: %(total)s points, at least %(minimum)s, "
                "and every group at least %(percent)s %% of its maximum.",
                level=level.name,
                rule=self.name,
                total=number(total),
                minimum=number(level.min_points),
                percent=number(level.min_group_percent),
            )
        missed = above[-1]
        if total < missed.min_points or not group_percentages:
            values = {
                "total": number(total),
                "minimum": number(missed.min_points),
                "missed": missed.name,
            }
            if brief:
                return self.env._(
                    "%(total)s points < %(minimum)s for %(missed)s", **values
                )
            why = self.env._(
                "%(total)s points, below the %(minimum)s points %(missed)s requires",
                **values,
            )
        else:
            group, percent = min(group_percentages.items(), key=lambda item: item[1])
            values = {
                "group": group,
                "percent": number(percent),
                "minimum": number(missed.min_group_percent),
                "missed": missed.name,
            }
            if brief:
                return self.env._(
                    "group %(group)s at %(percent)s %% < %(minimum)s %% for %(missed)s",
                    **values,
                )
            why = self.env._(
                "group %(group)s reached %(percent)s %%, below the %(minimum)s %% "
                "%(missed)s requires of every group",
                **values,
            )
        return self.env._(
            "%(level)s under %(rule)s: %(why)s.",
            level=level.name or self.env._("Not classified"),
            rule=self.name,
            why=why,
        )
