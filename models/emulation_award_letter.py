# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from .emulation_edit_policy_mixin import archive_group
from .emulation_plan_bound_mixin import PLAN_DOCUMENT_INHERIT
from .emulation_workflow_mixin import state_field

# what a letter takes from its plan unless given: the issuing body, the
# place and the signer
PLAN_DEFAULTS = (
    "issue_place",
    "issuer_parent_name",
    "issuer_name",
    "signer_title",
    "signer_name",
)
# what a letter takes from the cluster's previous letter: whom it is
# addressed to and sent to
PREVIOUS_LETTER_DEFAULTS = ("addressee", "distribution_list")
LETTER_REPORT = "emulation_cluster.emulation_award_letter_report"
# who reads the dossier package, however it is reached (Odoo's attachment
# check enforces a binary field's groups: search, /web/content, chatter)
PACKAGE_GROUPS = "emulation_cluster.group_secretariat,emulation_cluster.group_council"
LIST_REPORT = "emulation_cluster.emulation_award_list_report"


class EmulationAwardLetter(models.Model):
    """The cluster's submission letter (tờ trình) that sends proposals to
    the council, printed from data in the Decree 30 layout with the list
    of the proposals it covers; its dossier package gathers every PDF and
    the editable copies of the letter and the list in one ZIP."""

    _name = "emulation.award.letter"
    _description = "Submission Letter"
    _inherit = PLAN_DOCUMENT_INHERIT
    _order = "year desc, issue_date desc, id desc"

    _edit_groups = {
        "content": {
            "fields": (
                "issue_date",
                "issue_place",
                "issuer_parent_name",
                "issuer_name",
                "addressee",
                "basis_document_ids",
                "proposal_ids",
                "distribution_list",
                "signer_title",
                "signer_name",
                "note",
            ),
            "roles": {"secretariat": ("draft",)},
        },
        "archive": archive_group("manager"),
    }
    _edit_create_fields = ("plan_id",)
    _edit_create_roles = ("secretariat",)
    # recalled from the council before it decides any of its proposals
    _allowed_moves = {"draft": ("submitted",), "submitted": ("draft",)}

    name = fields.Char(compute="_compute_name", store=True)
    plan_id = fields.Many2one(
        string="Activity Plan", domain="[('state', 'in', ('issued', 'closed'))]"
    )
    year = fields.Integer(related="plan_id.year", store=True, index=True)
    state = state_field(
        [("draft", "Draft"), ("submitted", "Submitted to the Council")],
        string="Status",
    )
    addressee = fields.Char(
        help='Printed after "Kính gửi:", e.g. the council of the ministry '
        "or of the province.",
    )
    basis_document_ids = fields.Many2many(
        "emulation.document",
        string="Legal Bases",
        help="Cited in this order; the review minutes of the conference "
        "close the list by themselves.",
    )
    proposal_ids = fields.One2many("emulation.award.proposal", "letter_id", "Proposals")
    submit_date = fields.Date(
        "Sent to the Council On",
        readonly=True,
        copy=False,
        tracking=True,
        help="The day the letter was sent to the council, as recorded.",
    )
    collective_count = fields.Integer("Collectives", compute="_compute_counts")
    individual_count = fields.Integer("Individuals", compute="_compute_counts")
    note = fields.Text()
    package_file = fields.Binary(
        "Dossier Package",
        attachment=True,
        copy=False,
        readonly=True,
        groups=PACKAGE_GROUPS,
    )
    package_filename = fields.Char(
        "Dossier Package File Name", copy=False, readonly=True, groups=PACKAGE_GROUPS
    )
    active = fields.Boolean(default=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        values.update(
            self._get_plan_defaults(values.get("plan_id"), fields_list, values)
        )
        return values

    @api.model
    def _get_plan_defaults(self, plan_id, names, given):
        """The plan's issuing body, place and signer for the fields not
        given, as the user reads them: a client naming a plan he may not
        read gets nothing from it."""
        plan = self.env["emulation.plan"].browse(plan_id)
        if not plan or not plan.has_access("read"):
            return {}
        values = {
            name: plan[name]
            for name in PLAN_DEFAULTS
            if name in names and not given.get(name) and plan[name]
        }
        # the plan's legal bases, in its order
        if "basis_document_ids" in names and not given.get("basis_document_ids"):
            documents = plan.basis_ids.sorted(lambda basis: (basis.sequence, basis.id))
            if documents.document_id:
                values["basis_document_ids"] = [Command.set(documents.document_id.ids)]
        previous = self.search(
            [("cluster_id", "=", plan.cluster_id.id)],
            order="issue_date desc, id desc",
            limit=1,
        )
        for name in PREVIOUS_LETTER_DEFAULTS:
            if name in names and not given.get(name) and previous[name]:
                values[name] = previous[name]
        return values

    @api.onchange("plan_id")
    def _onchange_plan_id_defaults(self):
        """The form fills what the plan gives as soon as the plan is chosen:
        nothing to retype on each letter."""
        for letter in self.filtered("plan_id"):
            names = PLAN_DEFAULTS + PREVIOUS_LETTER_DEFAULTS + ("basis_document_ids",)
            given = {name: letter[name] for name in names}
            letter.update(letter._get_plan_defaults(letter.plan_id.id, names, given))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self._check_values(vals)
        vals_list = [
            dict(
                vals,
                **self._get_plan_defaults(
                    vals.get("plan_id"),
                    PLAN_DEFAULTS + PREVIOUS_LETTER_DEFAULTS + ("basis_document_ids",),
                    vals,
                ),
            )
            for vals in vals_list
        ]
        return super().create(vals_list)

    @api.depends("number", "year", "cluster_id.name")
    def _compute_name(self):
        for letter in self:
            if letter.number:
                letter.name = letter.number
            elif letter.year:
                letter.name = self.env._(
                    "Letter of %(year)s (not numbered)", year=letter.year
                )
            else:
                letter.name = self.env._("New Submission Letter")

    @api.depends("proposal_ids.beneficiary")
    def _compute_counts(self):
        """The letter's own counts, as printed, whoever reads it: counted in
        the database, not from the proposals the reader's cache holds (an
        officer reads only his unit's, and the cache is shared with sudo)."""
        counts = {}
        letters = self.filtered("id")
        if letters:
            counts = {
                (letter.id, beneficiary): count
                for letter, beneficiary, count in self.env["emulation.award.proposal"]
                .sudo()
                ._read_group(
                    [("letter_id", "in", letters.ids)],
                    ["letter_id", "beneficiary"],
                    ["__count"],
                )
            }
        for letter in self:
            if not letter.id:
                # a letter being written: what the form holds
                proposals = letter.proposal_ids
                letter.individual_count = len(
                    proposals.filtered(lambda prop: prop.beneficiary == "individual")
                )
                letter.collective_count = len(proposals) - letter.individual_count
                continue
            letter.individual_count = counts.get((letter.id, "individual"), 0)
            letter.collective_count = counts.get((letter.id, "collective"), 0)

    # ------------------------------------------------------------------
    # number, submission
    # ------------------------------------------------------------------
    def action_assign_number(self):
        """Next "NN/TTr-…" of the cluster for the year."""
        self._check_transition(("draft",), ("secretariat",), self.env._("numbered"))
        for letter in self.filtered(lambda letter: not letter.number):
            letter._write_transition({"number": letter._get_next_number()})
        return True

    def _get_next_number(self):
        self.ensure_one()
        cluster = self.cluster_id.sudo()
        symbol = cluster._get_plan_symbol()
        symbol = "TTr-" + (symbol.split("-", 1)[1] if "-" in symbol else symbol)
        code = f"emulation.award.letter.cluster.{cluster.id}"
        sequence = self.env["ir.sequence"].sudo().search([("code", "=", code)], limit=1)
        if not sequence:
            sequence = cluster._create_yearly_sequence(
                self.env._(
                    "Submission letters of %(cluster)s", cluster=cluster.display_name
                ),
                code,
                # Decree 30 writes the numbers below 10 as 01, 02…
                2,
                "/" + symbol.replace("%", "%%"),
            )
        # a letter is numbered in the year it is sent: the one after the year judged
        return sequence.next_by_id(sequence_date=date(self.year + 1, 1, 1))

    def action_submit(self, act_date=None):
        """Send the letter and every proposal it covers to the council:
        all of them pass the checks of that day, or none is sent.
        ``act_date``: the day it was sent, as the secretariat records it
        (today when not given; the form's button asks it)."""
        self._check_transition(("draft",), ("secretariat",), self.env._("submitted"))
        self._check_sendable()
        label = self.env._("Sending the letter")
        for letter in self:
            act_date = letter._get_act_date(
                act_date, label, [(letter.issue_date, self.env._("the letter's date"))]
            )
        self.proposal_ids.filtered(lambda prop: prop.state == "draft").action_submit(
            act_date=act_date
        )
        self._write_transition({"state": "submitted", "submit_date": act_date})
        return True

    def action_recall(self, reason=False):
        """The secretariat takes the letter back from the council, with the
        proposals it covers, before the council decides any of them: the
        letter and its proposals are drafts again (number, content and
        files kept), to correct and send again; the reason and the day it
        was sent stay in their chatters."""
        self._check_recall()
        if not isinstance(reason, str) or not reason.strip():
            raise UserError(self.env._("Give the reason for recalling the letter."))
        self._check_values({"note": reason})
        reason = reason.strip()
        proposals = self.proposal_ids
        proposals._write_transition({"state": "draft", "submit_date": False})
        self._write_transition({"state": "draft", "submit_date": False})
        self._post_each(
            lambda letter: Markup("<p>%s</p><p>%s</p>")
            % (
                self.env._(
                    "Recalled from the council before its decision, with its "
                    "%(count)s proposals; it can be corrected and sent again.",
                    count=len(letter.proposal_ids),
                ),
                reason,
            ),
            "mail.mt_note",
        )
        proposals._post_each(
            lambda proposal: Markup("<p>%s</p><p>%s</p>")
            % (
                self.env._(
                    "Recalled from the council with the letter %(letter)s.",
                    letter=proposal.letter_id.display_name,
                ),
                reason,
            ),
            "mail.mt_note",
        )
        return True

    def _check_recall(self):
        """The secretariat recalls a letter sent, none of whose proposals
        the council has decided (nor started recording a decision for)."""
        self._check_transition(("submitted",), ("secretariat",), self.env._("recalled"))
        for letter in self:
            decided = letter.sudo().proposal_ids.filtered(
                lambda prop: prop.state != "submitted"
                or prop.decision_number
                or prop.decision_date
            )
            if decided:
                raise UserError(
                    self.env._(
                        "%(letter)s cannot be recalled: the council has decided "
                        "(or is recording its decision on) %(count)s of its "
                        "proposals.",
                        letter=letter.display_name,
                        count=len(decided),
                    )
                )

    def action_open_recall_wizard(self):
        return self.env["emulation.recall.wizard"]._open_for(
            self, self.env._("Recall the Letter")
        )

    def _check_sendable(self):
        for letter in self:
            missing = letter._get_missing_before_sending()
            if missing:
                raise UserError(
                    self.env._(
                        "Before sending %(letter)s, give it: %(missing)s.",
                        letter=letter.display_name,
                        missing=", ".join(missing),
                    )
                )
            if not letter.proposal_ids:
                raise UserError(
                    self.env._("The letter lists no proposal: add them first.")
                )

    def _get_missing_before_sending(self):
        """The labels of what the letter lacks to be sent, only those."""
        return self._get_missing_labels(
            ("number", "issue_date", "issue_place", "issuer_name", "signer_name")
        )

    def action_open_submit_wizard(self):
        """Say what is missing, else ask the day the letter was sent."""
        self._check_transition(("draft",), ("secretariat",), self.env._("submitted"))
        self._check_sendable()
        return self.env["emulation.act.date.wizard"]._open_for(
            "submit_letter", self, self.env._("Send the Letter to the Council")
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(letter.state != "draft" for letter in self):
            raise UserError(
                self.env._("A letter sent to the council is kept: archive it.")
            )
