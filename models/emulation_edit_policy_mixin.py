# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.raw_values import (
    EXISTING_IDS_KEY,
    check_required_given,
    existing_ids,
)

# Context keys a client can send that would silence the audit trail: never
# honoured on a transition, nor on a user's create or write.
AUDIT_CONTEXT_KEYS = ("tracking_disable", "mail_notrack", "mail_create_nolog")


def archive_group(*roles):
    """The group of ``active`` in ``_edit_groups``: ``roles`` archive and
    restore the record in any state."""
    return {"fields": ("active",), "roles": dict.fromkeys(roles)}


class EmulationEditPolicyMixin(models.AbstractModel):
    """The one editing policy of the addon: who may change which fields,
    in which state.

    A model declares, per group of fields, in which states and for which
    users the group is editable (``_edit_groups``), and which fields are
    set at creation only (``_edit_create_fields``: its owner unit, cluster,
    plan). Every other stored field belongs to the system: transitions and
    scheduled actions write it (``emulation.workflow.mixin``).

    ``_edit_groups = {group: spec}``, where ``spec`` holds:

    - ``fields``: the field names of the group;
    - ``roles``: ``{role: states}``, the roles that may edit the group and,
      for each, the states in which it may (``None``: any state). A role
      ``r`` is a method ``_is_role_r(user)`` (another module adds a role by
      adding such a method and its wording in :meth:`_get_role_wordings`):
      ``owner`` (an officer of the record's unit), ``reviewer`` (the
      cluster's secretariat, but not for its own unit's record),
      ``secretariat`` (the cluster's secretariat, managers included),
      ``manager``, ``council`` (the Emulation and Commendation Council,
      which decides award proposals);
    - ``closed_if`` (optional): the name of a method returning why the
      record is closed for the group whatever the role (e.g. "its plan is
      issued"), or an empty string when it is open;
    - or ``parent``: ``(link field, parent group)`` for the lines of a
      record, editable when the parent's group is (the parent's form shows
      them, with the parent's flag).

    The group of ``active`` (who archives, in any state) is written
    ``"archive": archive_group(role, ...)``.

    Each group ``g`` of its own (not ``parent``) gets a computed boolean
    ``is_g_editable``, added to the model by :meth:`_setup_base` from this
    declaration, that the forms use in ``readonly=``; ``write()`` checks
    the same declaration, so that what the form lets a user change the
    server accepts, and what the form locks the server refuses, whatever
    the client sends. The superuser (data files, migrations, the
    transitions' own writes after their checks) is the only exception.
    The input checks run before the policy's (raw values, unique keys,
    file sizes) are in ``emulation_edit_policy_input.py``.
    """

    _name = "emulation.edit.policy.mixin"
    _description = "Emulation Editing Policy"

    _edit_groups = {}
    _edit_create_fields = ()

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
        this record: its method ``_is_role_<role>``, read as the superuser
        (the caller checked access)."""
        self.ensure_one()
        check = getattr(self.sudo(), f"_is_role_{role}", None)
        if check is None:
            raise ValueError(f"unknown role {role!r}")
        return check(user or self.env.user)

    def _is_role_manager(self, user):
        return user.has_group("emulation_cluster.group_manager")

    def _is_role_council(self, user):
        return user.has_group("emulation_cluster.group_council")

    def _is_role_owner(self, user):
        unit = self._get_owner_unit()
        return bool(
            unit
            and user.has_group("emulation_cluster.group_unit_officer")
            and user.partner_id.commercial_partner_id == unit
        )

    def _is_role_secretariat(self, user):
        cluster = self._get_edit_cluster()
        if cluster is None or (not cluster and not self.id):
            # no cluster (yet): the group decides
            return user.has_group("emulation_cluster.group_secretariat")
        return bool(cluster) and cluster._is_served_by(user)

    def _is_role_reviewer(self, user):
        if not self._is_role_secretariat(user):
            return False
        unit = self._get_owner_unit()
        return not unit or user.partner_id.commercial_partner_id != unit

    def _get_role_wordings(self):
        """{role: who plays it, in words}, for the refusals."""
        return {
            "owner": self.env._("the unit's officers"),
            "reviewer": self.env._("the cluster's secretariat"),
            "secretariat": self.env._("the cluster's secretariat"),
            "manager": self.env._("a manager"),
            "council": self.env._("the Emulation and Commendation Council"),
        }

    def _get_roles_wording(self, roles):
        words = self._get_role_wordings()
        return self.env._(" or ").join(dict.fromkeys(words[role] for role in roles))

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
    def _edit_flag_names(self):
        """{flag field name: group} of the groups of the model's own (the
        lines of a parent follow the parent's flag)."""
        return {
            f"is_{group}_editable": group
            for group, spec in self._edit_groups.items()
            if "parent" not in spec
        }

    @api.model
    def _setup_base(self):
        """Add the flag of each group, declared once in ``_edit_groups``,
        as Odoo adds the fields it makes itself (``_add_field``): the
        class's own fields are set up first, then the flags they lack."""
        result = super()._setup_base()
        cls = self.env.registry[self._name]
        for name in self._edit_flag_names():
            if name in cls._fields:
                continue
            field = fields.Boolean(compute="_compute_edit_flags")
            # _add_field adds only a field its class names
            setattr(cls, name, field)
            self._add_field(name, field)
            field.prepare_setup()
        return result

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
        flags = [(group, flag) for flag, group in self._edit_flag_names().items()]
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
            # a write that leaves every unique key as it is asks nothing
            if self._get_unique_constraints(vals):
                self._check_unique_constraints(
                    [dict(record._get_unique_values(), **vals) for record in self],
                    exclude_ids=self.ids,
                    names=vals,
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
            link = self._edit_groups[group].get("parent", (None,))[0]
            refusals = {}  # lines of one parent: its answer, asked once
            for record in self:
                key = record.sudo()[link].id if link else record.id
                if key not in refusals:
                    refusals[key] = record._get_group_refusal_detail(group)
                error, reason = refusals[key]
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
        self.env.cr.cache[EXISTING_IDS_KEY] = existing_ids(self.env, self, vals_list)
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
        defaults = {
            key[8:]
            for key, value in context.items()
            if key.startswith("default_") and not self._is_default_value(key[8:], value)
        }
        given = [
            {name for name in vals if not self._is_default_value(name, vals[name])}
            | defaults
            for vals in vals_list
        ]
        vals_list = [self._add_missing_default_values(vals) for vals in vals_list]
        for vals in vals_list:
            check_required_given(self.env, self, vals)
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
