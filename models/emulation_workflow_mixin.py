# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from ..tools.raw_values import PLAUSIBLE_DATES
from .emulation_edit_policy_mixin import AUDIT_CONTEXT_KEYS


def state_field(selection, **attrs):
    """A workflow's state: starting in the first state of ``selection``,
    required, read-only (only the transitions write it, through
    :meth:`EmulationWorkflowMixin._write_transition`), tracked (the record
    of who moved it when), indexed and not copied (as Odoo does for any
    ``state``), unless ``attrs`` says otherwise (``attrs`` may also give its
    ``string``, its ``group_expand``...)."""
    attrs = {
        "default": selection[0][0],
        "required": True,
        "readonly": True,
        "tracking": True,
        "index": True,
        "copy": False,
        **attrs,
    }
    return fields.Selection(selection=selection, **attrs)


class EmulationWorkflowMixin(models.AbstractModel):
    """The transitions of a record: its state machine.

    A model declares the state moves its transitions make, from each state
    the states it may go to (``_allowed_moves``: ``{from: (to, ...)}``).
    Each transition is a method that starts with :meth:`_check_transition`
    (access, state, role: no context key bypasses it) and writes what it
    decided through :meth:`_write_transition`, the only way to a system
    field (one the editing policy leaves to the buttons), which refuses any
    other move and keeps the audit trail whatever the context. A transition
    closes the activities it makes pointless (:meth:`_close_activities`).
    States are grouped in the order the selection declares, not the
    alphabet's.

    The editing policy (``emulation.edit.policy.mixin``) comes with it: the
    roles a transition names are the policy's."""

    _name = "emulation.workflow.mixin"
    _inherit = ["emulation.edit.policy.mixin"]
    _description = "Emulation Workflow"

    _allowed_moves = {}

    # ------------------------------------------------------------------
    # who acts, and when
    # ------------------------------------------------------------------
    def _get_acting_user(self):
        """Who acts. Historical filings loaded by a superuser script (demo
        data, migration of paper records) may name the user; a user cannot."""
        user_id = self.env.context.get("emulation_acting_user_id")
        if self.env.su and user_id:
            return self.env["res.users"].browse(user_id)
        return self.env.user

    def _get_action_datetime(self):
        """When the action happens (backdated only by a superuser script)."""
        when = self.env.context.get("emulation_action_date")
        if self.env.su and when:
            return fields.Datetime.to_datetime(when)
        return fields.Datetime.now()

    def _get_act_date(self, act_date, act, earliest=()):
        """The day an act happened, as the one who records it enters it
        (a paper act is recorded days or months later): today in the
        user's time zone when not given, never in the future, never before
        the acts it follows, ``earliest`` = [(date, what it is)]."""
        today = fields.Date.context_today(self, self._get_action_datetime())
        if not act_date:
            act_date = today
        try:
            act_date = fields.Date.to_date(act_date)
        except (TypeError, ValueError):
            act_date = None
        if (
            not isinstance(act_date, datetime.date)
            or isinstance(act_date, datetime.datetime)
            or not PLAUSIBLE_DATES[0] <= act_date <= PLAUSIBLE_DATES[1]
        ):
            raise ValidationError(self.env._("%(act)s: give a valid date.", act=act))
        if act_date > today:
            raise ValidationError(
                self.env._(
                    "%(act)s cannot be dated in the future (%(date)s).",
                    act=act,
                    date=act_date.strftime("%d/%m/%Y"),
                )
            )
        for before, what in earliest:
            if before and act_date < before:
                raise ValidationError(
                    self.env._(
                        "%(act)s cannot be dated %(date)s, earlier than %(what)s "
                        "(%(before)s).",
                        act=act,
                        date=act_date.strftime("%d/%m/%Y"),
                        what=what,
                        before=before.strftime("%d/%m/%Y"),
                    )
                )
        return act_date

    # ------------------------------------------------------------------
    # transitions
    # ------------------------------------------------------------------
    def _write_transition(self, vals):
        """Write what a transition decided, after its checks, with the
        rights it needs; the audit trail is kept whatever the context."""
        if "state" in vals:
            for record in self:
                if not record._is_allowed_move(vals["state"]):
                    raise UserError(
                        self.env._(
                            "%(document)s %(name)s cannot go from %(from)s to %(to)s.",
                            document=self._get_document_label(),
                            name=record.display_name,
                            **{
                                "from": record._get_state_label(),
                                "to": record._get_state_label(vals["state"]),
                            },
                        )
                    )
        return (
            self.with_context(**dict.fromkeys(AUDIT_CONTEXT_KEYS, False))
            .sudo()
            .write(vals)
        )

    def _is_allowed_move(self, state):
        """Whether this record may go to ``state`` (staying is no move)."""
        self.ensure_one()
        return state == self.state or state in self._allowed_moves.get(self.state, ())

    def _check_state(self, allowed, action):
        """Refuse ``action``, a translated past participle ("issued"), on
        the records whose state is not in ``allowed``."""
        wrong = self.filtered(lambda record: record.state not in allowed)
        if wrong:
            raise UserError(
                self.env._(
                    "%(document)s %(name)s cannot be %(action)s while it is %(state)s.",
                    document=self._get_document_label(),
                    name=wrong[0].display_name,
                    action=action,
                    state=wrong[0]._get_state_label(),
                )
            )

    def _check_transition(self, allowed, roles, action):
        """The checks every transition starts with: the user may write the
        records, they are in a state ``action`` starts from, and the user
        plays one of ``roles`` for each."""
        self.check_access("write")
        self._check_state(allowed, action)
        for record in self:
            if not any(record._has_role(role) for role in roles):
                raise UserError(
                    self.env._(
                        "Only %(who)s can do this: %(document)s %(name)s "
                        "cannot be %(action)s by you.",
                        who=self._get_roles_wording(roles),
                        document=self._get_document_label(),
                        name=record.display_name,
                        action=action,
                    )
                )

    def _transition_to(self, state, allowed, roles, action):
        """Check the transition ``action`` from ``allowed`` by ``roles``,
        then write ``state``: the transitions that only move the state (a
        plan or a covenant set back to draft, an activity confirmed...)."""
        self._check_transition(allowed, roles, action)
        self._write_transition({"state": state})
        return True

    def _post_each(self, body, subtype_xmlid):
        """Post on each record's chatter (a model with ``mail.thread``) what
        its transition did, ``body(record)`` worded for that record: the
        transitions wrote this loop again each."""
        for record in self:
            record.message_post(body=body(record), subtype_xmlid=subtype_xmlid)

    def _get_form_view_action(self, **attrs):
        """The window action that opens this record's form (``attrs``: its
        ``target``...): the buttons that lead to a record (the next year's
        plan, the year's criteria, a copy just made) all wrote it."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            **attrs,
        }

    def _open(self, xmlid, domain, context=None):
        """The window action ``xmlid`` narrowed to ``domain``, with
        ``context`` (its defaults...) instead of its own: the buttons that
        open a record's related records (a plan's, a cluster's, a
        covenant's...) all wrote it."""
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        action["context"] = context or {}
        return action

    def _close_activities(self, xmlids, feedback):
        """Mark done the automated activities of these types, whoever they
        are assigned to: the transition that makes them pointless was
        checked."""
        return (
            self.sudo()
            .with_context(mail_activity_automation_skip=False)
            .activity_feedback(xmlids, feedback=feedback)
        )

    @api.model
    def _read_group_orderby(self, order, groupby_terms, query):
        """States grouped in the workflow's order, not the alphabet's (the
        pivot and the list group by state without a group_expand)."""
        if "state" in groupby_terms and "state" in self._fields:
            keys = [key for key, _label in self._fields["state"].selection]
            groupby_terms = dict(
                groupby_terms,
                state=SQL(
                    "array_position(%s::varchar[], %s::varchar)",
                    keys,
                    groupby_terms["state"],
                ),
            )
        return super()._read_group_orderby(order, groupby_terms, query)

    @api.model
    def _read_group_expand_state(self, states, domain):
        """Every state as a column of the kanban and the pivot, in the
        workflow's order."""
        return [key for key, _label in self._fields["state"].selection]
