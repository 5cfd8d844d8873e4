# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import binascii
import datetime
import math
import re

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

# Context keys a client can send that would silence the audit trail: never
# honoured on a transition, nor on a user's create or write.
AUDIT_CONTEXT_KEYS = ("tracking_disable", "mail_notrack", "mail_create_nolog")
# Dates the addon accepts: earlier or later ones are typing mistakes (year 1
# also breaks the chatter's change tracking).
PLAUSIBLE_DATES = (datetime.date(1945, 1, 1), datetime.date(2100, 12, 31))
# "unique(a, b)" in _sql_constraints
UNIQUE_DEFINITION = re.compile(r"^\s*unique\s*\((?P<columns>[\w\s,]+)\)\s*$", re.I)
# Longest texts a user types: a name or a title on one line, a reason or a
# note of a few pages (longer ones are pasted by mistake, or by a script).
TEXT_LIMITS = {"char": 1000, "text": 20000, "html": 100000}
# Numbers users type stay far from what breaks the arithmetic (1e308 makes
# infinity once multiplied) and from PostgreSQL's integer bounds.
MAX_NUMBER = 1e12
MAX_INTEGER = 2**31 - 1
# The check of each field type's raw value.
RAW_VALUE_CHECKERS = {
    "char": "_check_raw_text",
    "text": "_check_raw_text",
    "html": "_check_raw_text",
    "selection": "_check_raw_text",
    "integer": "_check_raw_integer",
    "float": "_check_raw_float",
    "monetary": "_check_raw_float",
    "many2one": "_check_raw_many2one",
    "date": "_check_raw_date",
    "datetime": "_check_raw_date",
    "binary": "_check_raw_binary",
    "one2many": "_check_raw_x2many",
    "many2many": "_check_raw_x2many",
}
# The length of each x2many command: (0, 0, values), (1, id, values),
# (2, id), (3, id), (4, id), (5,), (6, 0, ids).
COMMAND_LENGTHS = {0: 3, 1: 3, 2: 2, 3: 2, 4: 2, 5: 1, 6: 3}
# Roles a field group or a transition can name.
ROLES = ("owner", "reviewer", "secretariat", "manager", "council")
# the cursor's cache key of the ids a batch of new records names that exist
EXISTING_IDS_KEY = "emulation_existing_ids"


class EmulationWorkflowMixin(models.AbstractModel):
    """The one editing policy of the addon.

    A model declares, per group of fields, in which states and for which
    users the group is editable (``_edit_groups``); which fields are set at
    creation only (``_edit_create_fields``: its owner unit, cluster, plan);
    and which state moves its transitions make (``_allowed_moves``). Every
    other stored field belongs to the system: transitions and scheduled
    actions write it through :meth:`_write_transition`, after their checks.

    ``_edit_groups = {group: spec}``, where ``spec`` holds:

    - ``fields``: the field names of the group;
    - ``roles``: ``{role: states}``, the roles that may edit the group and,
      for each, the states in which it may (``None``: any state). Roles:
      ``owner`` (an officer of the record's unit), ``reviewer`` (the
      cluster's secretariat, but not for its own unit's record),
      ``secretariat`` (the cluster's secretariat, managers included),
      ``manager``, ``council`` (the Emulation and Commendation Council,
      which decides award proposals);
    - ``closed_if`` (optional): the name of a method returning why the
      record is closed for the group whatever the role (e.g. "its plan is
      issued"), or an empty string when it is open;
    - or ``parent``: ``(link field, parent group)`` for the lines of a
      record, editable when the parent's group is.

    Each group ``g`` has a boolean ``is_g_editable`` that the forms use in
    ``readonly=``; ``write()`` checks the same declaration, so that what
    the form lets a user change the server accepts, and what the form locks
    the server refuses, whatever the client sends. The superuser (data
    files, migrations, the transitions' own writes after their checks) is
    the only exception.
    """

    _name = "emulation.workflow.mixin"
    _description = "Emulation Editing Policy"

    _edit_groups = {}
    _edit_create_fields = ()
    _allowed_moves = frozenset()

    # ------------------------------------------------------------------
    # who is who
    # ------------------------------------------------------------------
    def _get_edit_cluster(self):
        """The cluster whose secretariat serves this record."""
        self.ensure_one()
        return self["cluster_id"] if "cluster_id" in self._fields else None

    def _get_owner_unit(self):
        """The member unit that owns this record (its officers edit it)."""
        self.ensure_one()
        return self["partner_id"] if "partner_id" in self._fields else None

    def _has_role(self, role, user=None):
        """Whether ``user`` (default: the current user) plays ``role`` for
        this record. Read as the superuser: the caller checked access."""
        self.ensure_one()
        user = user or self.env.user
        record = self.sudo()
        if role == "manager":
            return user.has_group("emulation_cluster.group_manager")
        if role == "council":
            return user.has_group("emulation_cluster.group_council")
        if role == "owner":
            unit = record._get_owner_unit()
            return bool(
                unit
                and user.has_group("emulation_cluster.group_unit_officer")
                and user.partner_id.commercial_partner_id == unit
            )
        if role in ("secretariat", "reviewer"):
            cluster = record._get_edit_cluster()
            if cluster is None or (not cluster and not record.id):
                # no cluster (yet): the group decides
                served = user.has_group("emulation_cluster.group_secretariat")
            else:
                served = bool(cluster) and cluster._is_served_by(user)
            if role == "reviewer" and served:
                unit = record._get_owner_unit()
                return not unit or user.partner_id.commercial_partner_id != unit
            return served
        raise ValueError(f"unknown role {role!r}")

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

    def _is_secretariat(self, user=None):
        """Whether ``user`` serves this record's cluster (or is a manager)."""
        return self._has_role("secretariat", user)

    # ------------------------------------------------------------------
    # field groups
    # ------------------------------------------------------------------
    @api.model
    def _edit_field_groups(self):
        """{field name: group name} of the fields users may edit."""
        return {
            name: group
            for group, spec in self._edit_groups.items()
            for name in spec["fields"]
        }

    @api.model
    def _edit_ignored_fields(self):
        """Fields the mail mixins manage (followers, activities, messages)."""
        return {
            name
            for name, field in self._fields.items()
            if field.model_name in ("mail.thread", "mail.activity.mixin")
            or name.startswith(("message_", "activity_", "website_message"))
        }

    @api.model
    def _edit_flag_depends(self):
        depends = []
        if "state" in self._fields:
            depends.append("state")
        # a new record's form asks its defaults first with every field it
        # shows set to False, the flags included, and recomputes only what
        # depends on a default; without a state, "active" is that default
        if "active" in self._fields:
            depends.append("active")
        for spec in self._edit_groups.values():
            if "parent" in spec:
                depends.append(spec["parent"][0])
        return depends

    @api.depends(lambda self: self._edit_flag_depends())
    @api.depends_context("uid")
    def _compute_edit_flags(self):
        flags = [
            (group, f"is_{group}_editable")
            for group in self._edit_groups
            if f"is_{group}_editable" in self._fields
        ]
        for record in self:
            for group, flag in flags:
                record[flag] = record._is_group_editable(group)

    def _is_group_editable(self, group, user=None):
        return not self._get_group_refusal(group, user)

    def _get_group_refusal(self, group, user=None):
        """Why ``group`` is not editable on this record by ``user``, as a
        translated sentence; an empty string when it is editable."""
        return self._get_group_refusal_detail(group, user)[1]

    def _get_group_refusal_detail(self, group, user=None):
        """(exception class, reason) of a refusal: ``UserError`` when the
        record is closed to the group in its state, ``AccessError`` when the
        user plays no role that may edit it; (None, "") when editable."""
        self.ensure_one()
        spec = self._edit_groups[group]
        record = self.sudo()
        if "parent" in spec:
            link, parent_group = spec["parent"]
            parent = record[link]
            if not parent:
                return None, ""  # a line being created inside its parent's form
            return parent.with_env(self.env)._get_group_refusal_detail(
                parent_group, user
            )
        closed_if = spec.get("closed_if")
        reason = closed_if and getattr(record, closed_if)()
        if reason:
            return UserError, reason
        in_state = [
            role
            for role, states in spec["roles"].items()
            if states is None or record.state in states
        ]
        if not in_state:
            return UserError, record._get_closed_reason()
        if any(self._has_role(role, user) for role in in_state):
            return None, ""
        return AccessError, self.env._(
            "only %(who)s can change it now",
            who=self._get_roles_wording(in_state),
        )

    def _get_closed_reason(self):
        self.ensure_one()
        if "state" not in self._fields:
            return self.env._("it can no longer change")
        return self.env._(
            "it cannot change while it is %(state)s",
            state=self._get_state_label(),
        )

    def _get_state_label(self, state=None):
        self.ensure_one()
        states = dict(self._fields["state"]._description_selection(self.env))
        return states.get(state or self.state, state or self.state)

    def _get_roles_wording(self, roles):
        words = {
            "owner": self.env._("the unit's officers"),
            "reviewer": self.env._("the cluster's secretariat"),
            "secretariat": self.env._("the cluster's secretariat"),
            "manager": self.env._("a manager"),
            "council": self.env._("the Emulation and Commendation Council"),
        }
        return self.env._(" or ").join(dict.fromkeys(words[role] for role in roles))

    def _get_document_label(self):
        return self.env["ir.model"]._get(self._name).name

    def _get_field_labels(self, names):
        return ", ".join(
            self._fields[name]._description_string(self.env) for name in sorted(names)
        )

    # ------------------------------------------------------------------
    # write
    # ------------------------------------------------------------------
    def write(self, vals):
        if not self.env.su:
            self._check_values(vals)
            self = self.with_context(**dict.fromkeys(AUDIT_CONTEXT_KEYS, False))
            self._check_edit_policy(vals)
            self._check_file_sizes(vals)
            self._check_unique_constraints(
                [dict(record._get_unique_values(), **vals) for record in self],
                exclude_ids=self.ids,
            )
        return super().write(vals)

    def _check_edit_policy(self, vals):
        """Refuse, before anything is written, a change the policy forbids:
        a system field, or a group not editable by the user on a record."""
        names = set(vals) - self._edit_ignored_fields()
        if not names or not self:
            return
        # access first: a user who may not write is told so, not why
        self.check_access("write")
        groups = self._edit_field_groups()
        system = names - set(groups)
        if system:
            raise UserError(
                self.env._(
                    "%(fields)s of %(document)s cannot be changed by hand: "
                    "the buttons of the form change it.",
                    fields=self._get_field_labels(system),
                    document=self._get_document_label(),
                )
            )
        for group in dict.fromkeys(groups[name] for name in names):
            for record in self:
                error, reason = record._get_group_refusal_detail(group)
                if reason:
                    raise error(
                        self.env._(
                            "%(fields)s of %(record)s cannot be changed: %(reason)s.",
                            fields=self._get_field_labels(
                                name for name in names if groups[name] == group
                            ),
                            record=record.display_name,
                            reason=reason,
                        )
                    )

    def _write_transition(self, vals):
        """Write what a transition decided, after its checks, with the
        rights it needs; the audit trail is kept whatever the context."""
        if "state" in vals:
            for record in self:
                move = (record.state, vals["state"])
                if move[0] != move[1] and move not in self._allowed_moves:
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

    # ------------------------------------------------------------------
    # create
    # ------------------------------------------------------------------
    @api.model
    def _edit_creatable_fields(self):
        """Fields a user may give at creation: the ownership fields and the
        groups editable in the initial state."""
        state = self._fields.get("state")
        initial = state.default(self) if state and state.default else None
        creatable = set(self._edit_create_fields)
        for spec in self._edit_groups.values():
            if "parent" in spec or any(
                states is None or initial in states for states in spec["roles"].values()
            ):
                creatable.update(spec["fields"])
        return creatable

    @api.model
    def _is_default_value(self, name, value):
        field = self._fields.get(name)
        if field is None or field.type in ("one2many", "many2many"):
            return False
        default = field.default(self) if field.default else False
        # a record default (the current user) is compared by its id, as
        # clients send it
        if isinstance(default, models.BaseModel):
            default = default.id
        if isinstance(value, models.BaseModel):
            value = value.id
        return value == default or (not value and not default)

    @api.model_create_multi
    def create(self, vals_list):
        if self.env.su:
            return super().create(vals_list)
        # access first: who may not create at all is told so, not which
        # field he may not set
        self.check_access("create")
        creatable = self._edit_creatable_fields()
        ignored = self._edit_ignored_fields()
        # what Odoo itself reads from the context sets no protected field
        context = {
            key: value
            for key, value in self.env.context.items()
            if not (key.startswith("default_") and key[8:] not in creatable)
        }
        context.update(dict.fromkeys(AUDIT_CONTEXT_KEYS, False))
        # a new environment: with_context() could add keys, not remove them
        self = self.with_env(self.env(context=context))
        # the records a batch names are looked up once per model, not once
        # per new record: casting 600 ballots costs what casting 60 does
        self.env.cr.cache[EXISTING_IDS_KEY] = self._get_existing_ids(vals_list)
        try:
            for vals in vals_list:
                self._check_values(vals)
        finally:
            self.env.cr.cache.pop(EXISTING_IDS_KEY, None)
        for vals in vals_list:
            refused = {
                name
                for name in set(vals) - creatable - ignored
                # a client may send a system field's own default (the web
                # client sends a new record's state)
                if not self._is_default_value(name, vals[name])
            }
            if refused:
                raise UserError(
                    self.env._(
                        "%(fields)s of %(document)s cannot be set by hand: the "
                        "buttons of the form set it.",
                        fields=self._get_field_labels(refused),
                        document=self._get_document_label(),
                    )
                )
        # a value equal to the field's default is no edit: the form sends
        # every default it shows (a new record is active, in its first
        # state), whoever may change that field later
        given = [
            {name for name in vals if not self._is_default_value(name, vals[name])}
            | {key[8:] for key in context if key.startswith("default_")}
            for vals in vals_list
        ]
        vals_list = [self._add_missing_default_values(vals) for vals in vals_list]
        for vals in vals_list:
            self._check_required_given(vals)
        self._check_can_create(vals_list, given)
        for vals in vals_list:
            if self._get_file_names(vals):
                self.new(vals)._check_file_sizes(vals)
        self._check_unique_constraints(vals_list)
        return super().create(vals_list)

    @api.model
    def _check_can_create(self, vals_list, given=None):
        """Refuse, before anything is created, a record the user may not
        create: the lines of a parent whose group is locked, a record the
        user plays none of ``_edit_create_roles`` for, and values of a group
        the user could not edit on the new record (``given``: the fields
        the client gave, per record). Models add their own checks."""
        self.check_access("create")
        parents = [
            spec["parent"] for spec in self._edit_groups.values() if "parent" in spec
        ]
        given = given or [set(vals) for vals in vals_list]
        for vals, names in zip(vals_list, given, strict=True):
            record = self.new(vals)
            for link, parent_group in parents:
                parent = record[link]._origin
                if not parent:
                    continue
                parent.check_access("read")
                reason = parent._get_group_refusal(parent_group)
                if reason:
                    raise UserError(
                        self.env._(
                            "%(parent)s cannot receive a new line: %(reason)s.",
                            parent=parent.display_name,
                            reason=reason,
                        )
                    )
            self._check_create_roles(record)
            for group, spec in self._edit_groups.items():
                if "parent" in spec or not names & set(spec["fields"]):
                    continue
                error, reason = record._get_group_refusal_detail(group)
                if reason:
                    raise error(
                        self.env._(
                            "This %(document)s cannot be created with %(fields)s: "
                            "%(reason)s.",
                            document=self._get_document_label(),
                            fields=self._get_field_labels(names & set(spec["fields"])),
                            reason=reason,
                        )
                    )

    @api.model
    def _check_create_roles(self, record):
        """``record`` (a new record with the creation values) may be created
        by the user when he plays one of ``_edit_create_roles`` for it."""
        roles = getattr(self, "_edit_create_roles", ())
        if not roles or any(record._has_role(role) for role in roles):
            return
        raise AccessError(
            self.env._(
                "Only %(who)s can create this %(document)s.",
                who=self._get_roles_wording(roles),
                document=self._get_document_label(),
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_if_parent_editable(self):
        """A line is deleted only while its parent's group is editable."""
        if self.env.su:
            return
        for spec in self._edit_groups.values():
            if "parent" not in spec:
                continue
            link, parent_group = spec["parent"]
            for parent in self.sudo()[link]:
                reason = parent.with_env(self.env)._get_group_refusal(parent_group)
                if reason:
                    raise UserError(
                        self.env._(
                            "The lines of %(parent)s cannot change: %(reason)s.",
                            parent=parent.display_name,
                            reason=reason,
                        )
                    )

    # ------------------------------------------------------------------
    # unique constraints
    # ------------------------------------------------------------------
    @api.model
    def _get_unique_constraints(self):
        """[(constraint name, columns)] of the model's unique(...) SQL
        constraints."""
        constraints = []
        for key, definition, __ in self._sql_constraints:
            match = UNIQUE_DEFINITION.match(definition)
            if match:
                columns = [col.strip() for col in match["columns"].split(",")]
                constraints.append((f"{self._table}_{key}", columns))
        return constraints

    def _get_unique_values(self):
        self.ensure_one()
        record = self.sudo()
        return {
            column: record[column].id
            if record._fields[column].type == "many2one"
            else record[column]
            for __, columns in self._get_unique_constraints()
            for column in columns
        }

    @api.model
    def _check_unique_constraints(self, vals_list, exclude_ids=()):
        """Refuse with the constraint's own message, before the database
        does (a user would get a database error, and the server log an
        ERROR), a value a unique constraint forbids."""
        for name, columns in self._get_unique_constraints():
            seen = set()
            for vals in vals_list:
                key = tuple(
                    value.id if isinstance(value, models.BaseModel) else value
                    for value in (vals.get(column) for column in columns)
                )
                if any(value in (None, False, "") for value in key):
                    continue  # NULLs are distinct
                duplicate = key in seen
                seen.add(key)
                if not duplicate:
                    # in SQL, without flushing the change being checked
                    self.env.cr.execute(
                        SQL(
                            "SELECT 1 FROM %s WHERE %s "
                            "AND NOT (id = ANY(%s::int[])) LIMIT 1",
                            SQL.identifier(self._table),
                            SQL(" AND ").join(
                                SQL("%s = %s", SQL.identifier(column), value)
                                for column, value in zip(columns, key, strict=True)
                            ),
                            list(exclude_ids),
                        )
                    )
                    duplicate = bool(self.env.cr.fetchone())
                if duplicate:
                    constraint = (
                        self.env["ir.model.constraint"]
                        .sudo()
                        .search([("name", "=", name)], limit=1)
                    )
                    raise ValidationError(
                        constraint.message
                        or self.env._("This value is already recorded.")
                    )

    # ------------------------------------------------------------------
    # values
    # ------------------------------------------------------------------
    @api.model
    def _check_required_given(self, vals):
        """A required field missing from a new record is refused with its
        label, before the database refuses it with a technical error."""
        for name, field in self._fields.items():
            if (
                field.required
                and field.store
                and not field.compute
                and field.type != "boolean"
                and not vals.get(name)
            ):
                raise ValidationError(
                    self.env._(
                        "%(field)s is required.",
                        field=field._description_string(self.env),
                    )
                )

    @api.model
    def _check_values(self, vals):
        """Refuse values no form can send, with a message instead of a
        crash: texts that are not text (or hold a NUL character, or are
        longer than anyone types), numbers that are not finite numbers,
        records that do not exist, lines given as anything but Odoo's
        commands (their values checked the same way), files that are not
        base64, dates outside 1945-2100."""
        self._check_raw_values(self, vals)

    @api.model
    def _check_raw_values(self, model, vals):
        """:meth:`_check_values` for the values ``vals`` of ``model``, any
        model (the lines created inside a command are checked too)."""
        if not isinstance(vals, dict):
            raise ValidationError(
                self.env._(
                    "The values of %(document)s must be given field by field.",
                    document=model._description,
                )
            )
        for name, value in vals.items():
            field = model._fields.get(name)
            if field is None:
                continue
            label = field._description_string(self.env)
            blank = isinstance(value, str) and not value.strip()
            if value is False or value is None or (blank and field.type != "selection"):
                if field.required and field.type != "boolean":
                    raise ValidationError(
                        self.env._("%(field)s is required.", field=label)
                    )
                continue
            checker = RAW_VALUE_CHECKERS.get(field.type)
            if checker:
                getattr(self, checker)(model, field, label, value)

    @api.model
    def _check_raw_text(self, model, field, label, value):
        if not isinstance(value, str):
            raise ValidationError(self.env._("%(field)s must be a text.", field=label))
        if "\x00" in value:
            raise ValidationError(
                self.env._(
                    "%(field)s holds a character no keyboard types (NUL): remove it.",
                    field=label,
                )
            )
        limit = TEXT_LIMITS.get(field.type)
        if limit and len(value) > limit:
            raise ValidationError(
                self.env._(
                    "%(field)s is too long: at most %(limit)s characters.",
                    field=label,
                    limit=f"{limit:,}".replace(",", "."),
                )
            )
        if field.type == "selection" and value not in field.get_values(self.env):
            raise ValidationError(
                self.env._(
                    "%(field)s has no choice %(value)r.", field=label, value=value
                )
            )

    @api.model
    def _check_raw_integer(self, model, field, label, value):
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(
                self.env._("%(field)s must be a whole number.", field=label)
            )
        if not -MAX_INTEGER <= value <= MAX_INTEGER:
            raise ValidationError(
                self.env._("%(field)s is too large a number.", field=label)
            )

    @api.model
    def _check_raw_float(self, model, field, label, value):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValidationError(
                self.env._("%(field)s must be a number.", field=label)
            )
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            raise ValidationError(
                self.env._(
                    "%(field)s must be a number between -%(max)s and %(max)s.",
                    field=label,
                    max=f"{MAX_NUMBER:,.0f}".replace(",", "."),
                )
            )

    @api.model
    def _check_raw_many2one(self, model, field, label, value):
        if not self._is_existing_id(field, value):
            raise ValidationError(
                self.env._("%(field)s must name an existing record.", field=label)
            )

    @api.model
    def _check_raw_date(self, model, field, label, value):
        self._check_plausible_date(field, label, value)

    @api.model
    def _check_raw_binary(self, model, field, label, value):
        """A file comes base64-encoded, as the web client sends it."""
        if isinstance(value, str):
            value = value.encode()
        try:
            if not isinstance(value, bytes):
                raise binascii.Error
            base64.b64decode(b"".join(value.split()), validate=True)
        except binascii.Error:
            raise ValidationError(
                self.env._(
                    "%(field)s is not a file as a browser sends it (base64).",
                    field=label,
                )
            ) from None

    @api.model
    def _check_raw_x2many(self, model, field, label, value):
        """Lines are Odoo's commands (or record ids); the values they create
        or update are checked as the lines' own, the ids they name exist."""
        if isinstance(value, models.BaseModel) and value._name == field.comodel_name:
            return
        comodel = self.env[field.comodel_name]
        wrong = self.env._("%(field)s must be given as a list of lines.", field=label)
        if not isinstance(value, list | tuple):
            raise ValidationError(wrong)
        ids = []
        for command in value:
            if isinstance(command, dict):
                self._check_raw_values(comodel, command)
                continue
            if not isinstance(command, list | tuple):
                ids.append(command)
                continue
            if (
                not command
                or command[0] not in COMMAND_LENGTHS
                or isinstance(command[0], bool)
            ):
                raise ValidationError(wrong)
            operation = command[0]
            if len(command) < COMMAND_LENGTHS[operation]:
                raise ValidationError(wrong)
            if operation in (Command.CREATE, Command.UPDATE):
                self._check_raw_values(comodel, command[2])
            if operation in (
                Command.UPDATE,
                Command.DELETE,
                Command.UNLINK,
                Command.LINK,
            ):
                ids.append(command[1])
            elif operation == Command.SET:
                if not isinstance(command[2], list | tuple):
                    raise ValidationError(wrong)
                ids.extend(command[2])
        if any(isinstance(id_, bool) or not isinstance(id_, int) for id_ in ids):
            raise ValidationError(
                self.env._(
                    "%(field)s must name existing records by their number.",
                    field=label,
                )
            )
        if self._get_missing_ids(field.comodel_name, ids):
            raise ValidationError(
                self.env._("%(field)s must name existing records.", field=label)
            )

    @api.model
    def _get_file_names(self, vals):
        return [
            name
            for name, value in vals.items()
            if value and name in self._fields and self._fields[name].type == "binary"
        ]

    def _check_file_sizes(self, vals):
        """Files no larger than what the record's cluster accepts (its
        secretariat sets it; the server's limit caps it)."""
        names = self._get_file_names(vals)
        for record in self if names else ():
            cluster = record.sudo()._get_upload_cluster()
            limit = (cluster or self.env["emulation.cluster"])._get_upload_limit()
            for name in names:
                # base64: four characters for three bytes
                if len(vals[name]) * 3 // 4 > limit:
                    raise ValidationError(
                        self.env._(
                            "%(field)s is too large: at most %(limit)s MB.",
                            field=self._fields[name].get_description(self.env)[
                                "string"
                            ],
                            limit=round(limit / (1024 * 1024), 1),
                        )
                    )

    def _get_upload_cluster(self):
        """The cluster whose limit applies: the record's, or its parent's
        for a line."""
        self.ensure_one()
        cluster = self._get_edit_cluster()
        if cluster is None:
            for spec in self._edit_groups.values():
                parent = "parent" in spec and self[spec["parent"][0]]
                if parent:
                    return parent._get_upload_cluster()
        return cluster

    @api.model
    def _is_existing_id(self, field, value):
        if isinstance(value, models.BaseModel):
            return value._name == field.comodel_name and len(value) <= 1
        if not _is_record_id(value):
            return False
        return not self._get_missing_ids(field.comodel_name, {value})

    @api.model
    def _get_missing_ids(self, model, ids):
        """The ids of ``ids`` no record of ``model`` has; those the batch
        being created named were looked up already."""
        known = self.env.cr.cache.get(EXISTING_IDS_KEY, {}).get(model, set())
        unknown = set(ids) - known
        if not unknown:
            return set()
        return unknown - set(self.env[model].sudo().browse(unknown).exists().ids)

    @api.model
    def _get_existing_ids(self, vals_list):
        """{model: ids that exist} of the records the values of a batch name
        (many2one values, ids linked or set in lines), one query per model."""
        named = {}
        for vals in vals_list:
            for name, value in vals.items() if isinstance(vals, dict) else ():
                field = self._fields.get(name)
                if field is None or not field.relational:
                    continue
                ids = named.setdefault(field.comodel_name, set())
                if field.type == "many2one":
                    if _is_record_id(value):
                        ids.add(value)
                    continue
                for command in value if isinstance(value, list | tuple) else ():
                    if _is_record_id(command):
                        ids.add(command)
                    elif (
                        isinstance(command, list | tuple)
                        and len(command) == 3
                        and command[0] == Command.SET
                        and isinstance(command[2], list | tuple)
                    ):
                        ids.update(filter(_is_record_id, command[2]))
                    elif (
                        isinstance(command, list | tuple)
                        and len(command) >= 2
                        and command[0] == Command.LINK
                        and _is_record_id(command[1])
                    ):
                        ids.add(command[1])
        return {
            model: set(self.env[model].sudo().browse(ids).exists().ids)
            for model, ids in named.items()
            if ids
        }

    @api.model
    def _check_plausible_date(self, field, label, value):
        try:
            day = fields.Date.to_date(
                value
                if field.type == "date" or not isinstance(value, str)
                else value[:10]
            )
        except (TypeError, ValueError):
            day = None
        if isinstance(day, datetime.datetime):
            day = day.date()
        if not day or not PLAUSIBLE_DATES[0] <= day <= PLAUSIBLE_DATES[1]:
            raise ValidationError(
                self.env._(
                    "%(field)s must be a date between %(first)s and %(last)s.",
                    field=label,
                    first=PLAUSIBLE_DATES[0].year,
                    last=PLAUSIBLE_DATES[1].year,
                )
            )

    # ------------------------------------------------------------------
    # transitions
    # ------------------------------------------------------------------
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


def _is_record_id(value):
    return isinstance(value, int) and not isinstance(value, bool)
