# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import email_normalize

# What "Add an Officer" may give: one of the addon's own groups, nothing else
OFFICER_ROLE_GROUPS = {
    "officer": "emulation_cluster.group_unit_officer",
    "secretariat": "emulation_cluster.group_secretariat",
}


class EmulationOfficerWizard(models.TransientModel):
    """Creates the user of a member unit's officer from the unit's form:
    an internal user whose contact belongs to the unit, with the officer's
    (or, in a leader unit, the secretariat's) group, invited by e-mail to
    choose a password or given one here."""

    _name = "emulation.officer.wizard"
    _description = "Add an Officer"

    unit_id = fields.Many2one(
        "res.partner",
        "Unit",
        required=True,
        readonly=True,
        ondelete="cascade",
        domain=[("is_company", "=", True)],
    )
    name = fields.Char(required=True)
    email = fields.Char(
        "E-mail", required=True, help="The officer's address, which is also the login."
    )
    can_be_secretariat = fields.Boolean(
        related="unit_id.emulation_can_have_secretariat"
    )
    role = fields.Selection(
        [("officer", "Unit Officer"), ("secretariat", "Secretariat")],
        required=True,
        default="officer",
        help="Unit Officer: files the unit's reports, registrations and "
        "signatures. Secretariat (the leader unit's staff): also writes the "
        "plan and the covenant and reviews the filings.",
    )
    send_invitation = fields.Boolean(
        "Send an Invitation",
        default=True,
        help="An e-mail with a link where the officer chooses a password.",
    )
    password = fields.Char(
        help="The password the officer logs in with, when no invitation is sent.",
    )

    def action_add(self):
        """Checks the acting user, then the input, and only then creates the
        user as the superuser (a manager has no right on users)."""
        self.ensure_one()
        if not self.env.user.has_group("emulation_cluster.group_manager"):
            raise AccessError(
                self.env._("Only an emulation manager can add a unit's officers.")
            )
        self._check_input()
        user = (
            self.env["res.users"]
            .sudo()
            .with_context(no_reset_password=not self.send_invitation)
            .create(self._prepare_user_values())
        )
        if self.role == "secretariat":
            self._serve_led_clusters(user)
        return {"type": "ir.actions.act_window_close"}

    def _serve_led_clusters(self, user):
        """A secretariat officer serves the clusters his unit leads from the
        start: without it his first screen would stay empty until someone
        also named him on each cluster's secretariat tab."""
        self.unit_id._get_emulation_secretariat_clusters().write(
            {"secretariat_user_ids": [Command.link(user.id)]}
        )

    def _check_input(self):
        if not self.unit_id.is_company:
            raise UserError(self.env._("An officer is added to a unit (a company)."))
        if self.role not in OFFICER_ROLE_GROUPS:
            raise UserError(self.env._("Choose the officer's role."))
        if self.role == "secretariat" and not self.can_be_secretariat:
            raise UserError(
                self.env._(
                    "Only the staff of a cluster's leader unit serve as its "
                    "secretariat: %(unit)s leads no cluster.",
                    unit=self.unit_id.name,
                )
            )
        if not email_normalize(self.email or ""):
            raise UserError(
                self.env._(
                    "The e-mail %(email)s is not a valid address.", email=self.email
                )
            )
        if not self.send_invitation and not self.password:
            raise UserError(
                self.env._("Send an invitation, or give the officer a password.")
            )
        login = self._get_login()
        taken = (
            self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            .search_count([("login", "=ilike", login)], limit=1)
        )
        if taken:
            raise UserError(
                self.env._(
                    "The login %(login)s is already used by another user.",
                    login=login,
                )
            )

    def _get_login(self):
        return email_normalize(self.email)

    @api.model
    def _get_role_group(self, role):
        return self.env.ref(OFFICER_ROLE_GROUPS[role])

    def _prepare_user_values(self):
        values = {
            "name": self.name,
            "login": self._get_login(),
            "email": self.email.strip(),
            # the contact belongs to the unit: res.users.emulation_unit_id
            "parent_id": self.unit_id.id,
            "lang": self.env.user.lang,
            "tz": self.env.user.tz,
            "groups_id": [Command.set(self._get_role_group(self.role).ids)],
        }
        # the first screen: what the unit owes, or the year at a glance
        values["action_id"] = self.env.ref(
            "emulation_cluster.emulation_unit_duty_action"
            if self.role == "officer"
            else "emulation_cluster.emulation_year_board_action"
        ).id
        if not self.send_invitation:
            values["password"] = self.password
        return values
