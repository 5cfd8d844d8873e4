# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The check of the raw values a client sends, before a create or a write.

Why here and not in fields or ``@api.constrains``: these are values no form
sends (a text in a number field, ``1e308``, a NUL character, a line that is
not one of Odoo's commands, a file that is not base64, year 1), sent by a
script or a hand-made JSON-RPC call. Odoo would crash on them, or store them
and crash later, before any ``@api.constrains`` runs (conversion to the
column's type, the change tracking, the computes that depend on them); so
they are refused in words, field by field, before anything is computed or
written. Business rules stay on the fields and in ``@api.constrains``."""

import base64
import binascii
import datetime
import math

from odoo import Command, fields, models
from odoo.exceptions import ValidationError

# Dates the addon accepts: earlier or later ones are typing mistakes (year 1
# also breaks the chatter's change tracking).
PLAUSIBLE_DATES = (datetime.date(1945, 1, 1), datetime.date(2100, 12, 31))
# Longest texts a user types: a name or a title on one line, a reason or a
# note of a few pages (longer ones are pasted by mistake, or by a script).
TEXT_LIMITS = {"char": 1000, "text": 20000, "html": 100000}
# Numbers users type stay far from what breaks the arithmetic (1e308 makes
# infinity once multiplied) and from PostgreSQL's integer bounds.
MAX_NUMBER = 1e12
MAX_INTEGER = 2**31 - 1
# The length of each x2many command: (0, 0, values), (1, id, values),
# (2, id), (3, id), (4, id), (5,), (6, 0, ids).
COMMAND_LENGTHS = {0: 3, 1: 3, 2: 2, 3: 2, 4: 2, 5: 1, 6: 3}
# the cursor's cache key of the ids a batch of new records names that exist
EXISTING_IDS_KEY = "emulation_existing_ids"


def is_record_id(value):
    return isinstance(value, int) and not isinstance(value, bool)


def missing_ids(env, model_name, ids):
    """The ids of ``ids`` no record of ``model_name`` has; those the batch
    being created named were looked up already (``existing_ids``)."""
    known = env.cr.cache.get(EXISTING_IDS_KEY, {}).get(model_name, set())
    unknown = set(ids) - known
    if not unknown:
        return set()
    return unknown - set(env[model_name].sudo().browse(unknown).exists().ids)


def existing_ids(env, model, vals_list):
    """{model: ids that exist} of the records the values of a batch name
    (many2one values, ids linked or set in lines), one query per model, so
    that checking a batch costs the same whatever its size."""
    named = {}
    for vals in vals_list:
        for name, value in vals.items() if isinstance(vals, dict) else ():
            field = model._fields.get(name)
            if field is None or not field.relational:
                continue
            ids = named.setdefault(field.comodel_name, set())
            if field.type == "many2one":
                if is_record_id(value):
                    ids.add(value)
                continue
            for command in value if isinstance(value, list | tuple) else ():
                if is_record_id(command):
                    ids.add(command)
                elif (
                    isinstance(command, list | tuple)
                    and len(command) == 3
                    and command[0] == Command.SET
                    and isinstance(command[2], list | tuple)
                ):
                    ids.update(filter(is_record_id, command[2]))
                elif (
                    isinstance(command, list | tuple)
                    and len(command) >= 2
                    and command[0] == Command.LINK
                    and is_record_id(command[1])
                ):
                    ids.add(command[1])
    return {
        model_name: set(env[model_name].sudo().browse(ids).exists().ids)
        for model_name, ids in named.items()
        if ids
    }


def check_raw_values(env, model, vals):
    """Refuse values no form can send, with a message instead of a crash:
    texts that are not text (or hold a NUL character, or are longer than
    anyone types), numbers that are not finite numbers, records that do not
    exist, lines given as anything but Odoo's commands (their values checked
    the same way, as ``model``'s lines), files that are not base64, dates
    outside 1945-2100, a required field emptied."""
    if not isinstance(vals, dict):
        raise ValidationError(
            env._(
                "The values of %(document)s must be given field by field.",
                document=model._description,
            )
        )
    for name, value in vals.items():
        field = model._fields.get(name)
        if field is None:
            continue
        label = field._description_string(env)
        blank = isinstance(value, str) and not value.strip()
        if value is False or value is None or (blank and field.type != "selection"):
            if field.required and field.type != "boolean":
                raise ValidationError(env._("%(field)s is required.", field=label))
            continue
        checker = CHECKERS.get(field.type)
        if checker:
            checker(env, field, label, value)


def check_required_given(env, model, vals):
    """A required field missing from a new record (the form asks for it) is
    refused with its label; the database would refuse it with a technical
    error, and an ERROR line in the log."""
    for field in model._fields.values():
        if (
            field.required
            and field.store
            and not field.compute
            and field.type != "boolean"
            and not vals.get(field.name)
        ):
            raise ValidationError(
                env._(
                    "%(field)s is required.",
                    field=field._description_string(env),
                )
            )


def _check_text(env, field, label, value):
    if not isinstance(value, str):
        raise ValidationError(env._("%(field)s must be a text.", field=label))
    if "\x00" in value:
        raise ValidationError(
            env._(
                "%(field)s holds a character no keyboard types (NUL): remove it.",
                field=label,
            )
        )
    limit = TEXT_LIMITS.get(field.type)
    if limit and len(value) > limit:
        raise ValidationError(
            env._(
                "%(field)s is too long: at most %(limit)s characters.",
                field=label,
                # Vietnamese digit grouping; no f-string here: the catalog's
                # extractor cannot read one among a translation's arguments
                limit=format(limit, ",").replace(",", "."),
            )
        )
    if field.type == "selection" and value not in field.get_values(env):
        raise ValidationError(
            env._("%(field)s has no choice %(value)r.", field=label, value=value)
        )


def _check_integer(env, field, label, value):
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(env._("%(field)s must be a whole number.", field=label))
    if not -MAX_INTEGER <= value <= MAX_INTEGER:
        raise ValidationError(env._("%(field)s is too large a number.", field=label))


def _check_float(env, field, label, value):
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(env._("%(field)s must be a number.", field=label))
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise ValidationError(
            env._(
                "%(field)s must be a number between -%(max)s and %(max)s.",
                field=label,
                max=format(MAX_NUMBER, ",.0f").replace(",", "."),
            )
        )


def _check_many2one(env, field, label, value):
    if isinstance(value, models.BaseModel):
        exists = value._name == field.comodel_name and len(value) <= 1
    else:
        exists = is_record_id(value) and not missing_ids(
            env, field.comodel_name, {value}
        )
    if not exists:
        raise ValidationError(
            env._("%(field)s must name an existing record.", field=label)
        )


def _check_date(env, field, label, value):
    try:
        day = fields.Date.to_date(
            value if field.type == "date" or not isinstance(value, str) else value[:10]
        )
    except (TypeError, ValueError):
        day = None
    if isinstance(day, datetime.datetime):
        day = day.date()
    if not day or not PLAUSIBLE_DATES[0] <= day <= PLAUSIBLE_DATES[1]:
        raise ValidationError(
            env._(
                "%(field)s must be a date between %(first)s and %(last)s.",
                field=label,
                first=PLAUSIBLE_DATES[0].year,
                last=PLAUSIBLE_DATES[1].year,
            )
        )


def _check_binary(env, field, label, value):
    """A file comes base64-encoded, as the web client sends it."""
    if isinstance(value, str):
        value = value.encode()
    try:
        if not isinstance(value, bytes):
            raise binascii.Error
        base64.b64decode(b"".join(value.split()), validate=True)
    except binascii.Error:
        raise ValidationError(
            env._(
                "%(field)s is not a file as a browser sends it (base64).",
                field=label,
            )
        ) from None


def _command_ids(env, comodel, value, wrong):
    """The record ids the commands ``value`` name; the values they create
    or update are checked as ``comodel``'s own."""
    ids = []
    for command in value:
        if isinstance(command, dict):
            check_raw_values(env, comodel, command)
            continue
        if not isinstance(command, list | tuple):
            ids.append(command)
            continue
        if (
            not command
            or command[0] not in COMMAND_LENGTHS
            or isinstance(command[0], bool)
            or len(command) < COMMAND_LENGTHS[command[0]]
        ):
            raise ValidationError(wrong)
        operation = command[0]
        if operation in (Command.CREATE, Command.UPDATE):
            check_raw_values(env, comodel, command[2])
        if operation in (Command.UPDATE, Command.DELETE, Command.UNLINK, Command.LINK):
            ids.append(command[1])
        elif operation == Command.SET:
            if not isinstance(command[2], list | tuple):
                raise ValidationError(wrong)
            ids.extend(command[2])
    return ids


def _check_x2many(env, field, label, value):
    """Lines are Odoo's commands (or record ids); the ids they name exist."""
    if isinstance(value, models.BaseModel) and value._name == field.comodel_name:
        return
    comodel = env[field.comodel_name]
    wrong = env._("%(field)s must be given as a list of lines.", field=label)
    if not isinstance(value, list | tuple):
        raise ValidationError(wrong)
    ids = _command_ids(env, comodel, value, wrong)
    if any(isinstance(id_, bool) or not isinstance(id_, int) for id_ in ids):
        raise ValidationError(
            env._(
                "%(field)s must name existing records by their number.",
                field=label,
            )
        )
    if missing_ids(env, field.comodel_name, ids):
        raise ValidationError(
            env._("%(field)s must name existing records.", field=label)
        )


# The check of each field type's raw value.
CHECKERS = {
    "char": _check_text,
    "text": _check_text,
    "html": _check_text,
    "selection": _check_text,
    "integer": _check_integer,
    "float": _check_float,
    "monetary": _check_float,
    "many2one": _check_many2one,
    "date": _check_date,
    "datetime": _check_date,
    "binary": _check_binary,
    "one2many": _check_x2many,
    "many2many": _check_x2many,
}
