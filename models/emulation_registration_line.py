# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import unicodedata
from collections import Counter, defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..tools.common import parent_field
from .emulation_registration import REGISTRATION_STATES

# Characters around a title that do not make it another title ("Cờ thi đua
# của Chính phủ." or in quotes).
TITLE_STRIP = " \t\r\n.,;:\"'“”‘’"


def normalize_title(text):
    """The form of a title's text that matching compares: Unicode composed
    (Vietnamese typed with combining marks is the same text), case-folded,
    spaces collapsed; diacritics kept (they tell titles apart)."""
    text = unicodedata.normalize("NFC", text or "").casefold()
    return unicodedata.normalize("NFC", " ".join(text.split())).strip(TITLE_STRIP)


class EmulationRegistrationLine(models.Model):
    """One title or award a unit aims at, for itself or for a person."""

    _name = "emulation.registration.line"
    _description = "Emulation Registration Line"
    _inherit = ["emulation.workflow.mixin"]
    _order = "registration_id, sequence, id"
    _rec_name = "award_name"

    _edit_groups = {
        "line": {
            "fields": (
                "sequence",
                "beneficiary_kind",
                "individual_name",
                "individual_position",
                "award_type_id",
                "award_name",
                "target",
                "note",
            ),
            "parent": ("registration_id", "content"),
        }
    }
    _edit_create_fields = ("registration_id",)

    registration_id = parent_field("emulation.registration", "Registration")
    sequence = fields.Integer(default=10)
    partner_id = fields.Many2one(
        related="registration_id.partner_id",
        store=True,
        index=True,
        string="Member Unit",
    )
    plan_id = fields.Many2one(
        related="registration_id.plan_id",
        store=True,
        index=True,
        string="Activity Plan",
    )
    cluster_id = fields.Many2one(
        related="registration_id.cluster_id", store=True, string="Cluster"
    )
    year = fields.Integer(related="registration_id.year", store=True)
    # computed rather than related: exports print a related selection's
    # technical value, not its label
    state = fields.Selection(
        REGISTRATION_STATES,
        "Registration Status",
        compute="_compute_state",
        store=True,
        index=True,
    )
    beneficiary_kind = fields.Selection(
        [("collective", "Collective"), ("individual", "Individual")],
        "Beneficiary",
        required=True,
        default="collective",
    )
    individual_name = fields.Char(
        "Individual", help="Full name of the person, for an individual title."
    )
    individual_position = fields.Char("Position", help="Position or job of the person.")
    award_type_id = fields.Many2one(
        "emulation.award.type",
        "Title or Award Aimed At",
        index=True,
        ondelete="restrict",
        domain="[('beneficiary', '=', beneficiary_kind)]",
        help="The emulation title or form of award the line aims at, among "
        "the award types the managers maintain.",
    )
    # The title as the registration writes it: the type's name when a type
    # is chosen; lines recorded before award types keep their own text.
    award_name = fields.Char(
        "Title as Written",
        compute="_compute_award_name",
        store=True,
        readonly=False,
        precompute=True,
        help="The title or award as the registration words it: the chosen "
        "award type's name. A line recorded before award types existed keeps "
        "the unit's own wording here (in yellow) until someone chooses its "
        "award type.",
    )
    award_type_to_match = fields.Boolean(
        "Title to Match",
        compute="_compute_award_type_to_match",
        store=True,
        help="Recorded as text before registrations named award types, and "
        "the text names none of them: the secretariat chooses its award type.",
    )
    can_match_award_type = fields.Boolean(
        "Award Type Can Be Chosen", compute="_compute_can_match_award_type"
    )
    target = fields.Char(help="Target the unit commits to for this title.")
    note = fields.Char()

    @api.depends("registration_id.state")
    def _compute_state(self):
        for line in self:
            line.state = line.registration_id.state

    @api.depends("award_type_id")
    def _compute_award_name(self):
        for line in self:
            line.award_name = line.award_type_id.name or line.award_name

    @api.depends("award_type_id", "award_name")
    def _compute_award_type_to_match(self):
        for line in self:
            line.award_type_to_match = bool(
                not line.award_type_id and (line.award_name or "").strip()
            )

    @api.depends("award_type_to_match", "state")
    @api.depends_context("uid")
    def _compute_can_match_award_type(self):
        for line in self:
            line.can_match_award_type = line.award_type_to_match and (
                line._is_group_editable("line") or line._has_role("secretariat")
            )

    @api.depends(
        "award_type_id.name",
        "award_name",
        "beneficiary_kind",
        "individual_name",
        "partner_id",
    )
    def _compute_display_name(self):
        for line in self:
            who = (
                line.individual_name
                if line.beneficiary_kind == "individual"
                else line.partner_id.name
            )
            title = line.award_type_id.name or line.award_name
            line.display_name = f"{title or ''} – {who or ''}"

    @api.constrains("beneficiary_kind", "individual_name")
    def _check_individual_name(self):
        for line in self:
            if (
                line.beneficiary_kind == "individual"
                and not (line.individual_name or "").strip()
            ):
                raise ValidationError(
                    self.env._("Name the person an individual title is registered for.")
                )

    @api.constrains("award_type_id", "award_name")
    def _check_title(self):
        for line in self:
            if not line.award_type_id and not (line.award_name or "").strip():
                raise ValidationError(
                    self.env._("Choose the title or award the line aims at.")
                )

    @api.constrains("award_type_id", "beneficiary_kind")
    def _check_award_type_beneficiary(self):
        kinds = dict(self._fields["beneficiary_kind"]._description_selection(self.env))
        for line in self:
            award = line.award_type_id
            if award and award.beneficiary != line.beneficiary_kind:
                raise ValidationError(
                    self.env._(
                        "%(award)s is for a beneficiary of kind %(expected)s, "
                        "not %(given)s: choose another title or award, or "
                        "change the beneficiary.",
                        award=award.name,
                        expected=kinds.get(award.beneficiary, award.beneficiary),
                        given=kinds.get(line.beneficiary_kind, line.beneficiary_kind),
                    )
                )

    # ------------------------------------------------------------------
    # titles kept as text
    # ------------------------------------------------------------------
    def _is_award_type_match(self, vals):
        """Whether ``vals`` only gives an award type to lines that are all
        titles kept as text (the secretariat matching them)."""
        return bool(
            self
            and set(vals) - self._edit_ignored_fields() == {"award_type_id"}
            and vals["award_type_id"]
            and all(self.sudo().mapped("award_type_to_match"))
        )

    def write(self, vals):
        if self._is_award_type_match(vals):
            # the text as written stays: it is what the unit registered
            with self.env.protecting([self._fields["award_name"]], self):
                return super().write(vals)
        return super().write(vals)

    def _check_edit_policy(self, vals):
        """The cluster's secretariat may also choose the award type of a
        title kept as text on a registration it can no longer edit (an
        acknowledged one): the type is all it may change there, and the
        text as written is kept."""
        if not self._is_award_type_match(vals):
            return super()._check_edit_policy(vals)
        # access first: a user who may not write is told so, not why
        self.check_access("write")
        others = self.filtered(lambda line: not line._has_role("secretariat"))
        return super(EmulationRegistrationLine, others)._check_edit_policy(vals)

    def _match_award_types(self):
        """Give each line of ``self`` kept as text (no award type) the award
        type whose name, in any language of the database, is its text, case,
        spaces and Unicode composition aside: a type for the line's kind of
        beneficiary, an active one rather than an archived one. A text that
        names no type, or several, stays text, flagged for the secretariat.

        Two queries read the types and the lines, one write per type.
        Returns the lines matched."""
        if not self:
            return self
        self.flush_model(["award_type_id", "award_name", "beneficiary_kind"])
        self.env["emulation.award.type"].flush_model(["name", "beneficiary", "active"])
        cr = self.env.cr
        cr.execute(
            SQL("SELECT id, name, beneficiary, active FROM emulation_award_type")
        )
        # (normalized name, beneficiary) -> ({active type ids}, {archived})
        candidates = defaultdict(lambda: (set(), set()))
        for type_id, names, beneficiary, active in cr.fetchall():
            for name in (names or {}).values():
                key = (normalize_title(name), beneficiary)
                candidates[key][0 if active else 1].add(type_id)
        cr.execute(
            SQL(
                """
                SELECT id, award_name, beneficiary_kind
                  FROM emulation_registration_line
                 WHERE id = ANY(%s::int[])
                   AND award_type_id IS NULL AND award_name IS NOT NULL
                """,
                self.ids,
            )
        )
        by_type = defaultdict(list)
        for line_id, text, kind in cr.fetchall():
            active, archived = candidates.get((normalize_title(text), kind), ((), ()))
            found = active or archived
            if len(found) == 1:
                by_type[next(iter(found))].append(line_id)
        matched = self.browse()
        for type_id, line_ids in by_type.items():
            lines = self.browse(line_ids)
            lines.write({"award_type_id": type_id})
            matched |= lines
        return matched

    def _notify_titles_to_match(self):
        """Ask the secretariat of each cluster to choose the award type of
        the titles of ``self`` still kept as text: one activity per active
        registration and secretariat user, in the user's language. Returns
        the activities."""
        lines = self.filtered("award_type_to_match")
        counts = Counter(line.registration_id.id for line in lines)
        registrations = lines.registration_id.filtered("active")
        today = fields.Date.context_today(self)
        return self.env["emulation.reminder.log"]._schedule_activities(
            self.env.ref("mail.mail_activity_data_todo"),
            [
                (registration, registration.cluster_id.secretariat_user_ids, today)
                for registration in registrations
            ],
            lambda registration: {
                "summary": registration.env._(
                    "Match the registered titles to award types"
                ),
                "note": registration.env._(
                    "Registered titles kept as text, which name no award type: "
                    "%(count)s. Choose the award type of each with the Titles "
                    "to Match button of the registration.",
                    count=counts[registration.id],
                ),
            },
        )
