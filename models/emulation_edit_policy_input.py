# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo import api, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from ..tools.raw_values import check_raw_values

# "unique(a, b)" in _sql_constraints
UNIQUE_DEFINITION = re.compile(r"^\s*unique\s*\((?P<columns>[\w\s,]+)\)\s*$", re.I)


class EmulationEditPolicyInput(models.AbstractModel):
    """The editing policy's input checks: what the database or the fields
    would refuse too late, or in words no user understands (raw values no
    form sends, duplicates of a unique key, oversized files), refused in
    words before anything is computed or written."""

    _inherit = "emulation.edit.policy.mixin"

    @api.model
    def _check_values(self, vals):
        """Refuse raw values no form sends, in words, before anything is
        computed or written (``tools/raw_values.py`` says why there)."""
        check_raw_values(self.env, self, vals)

    @api.model
    def _get_unique_constraints(self, names=None):
        """[(constraint name, columns)] of the model's unique(...) SQL
        constraints; with ``names`` (the fields a write changes), only
        those on one of them."""
        constraints = []
        for key, definition, __ in self._sql_constraints:
            match = UNIQUE_DEFINITION.match(definition)
            if match:
                columns = [col.strip() for col in match["columns"].split(",")]
                if names is None or set(columns) & set(names):
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
    def _check_unique_constraints(self, vals_list, exclude_ids=(), names=None):
        """Refuse with the constraint's own message, before the database
        does (a user would get a database error, and the server log an
        ERROR), a value a unique constraint forbids: one query per
        constraint for the whole batch. ``names``: the fields a write
        changes; a constraint on none of them is not checked."""
        for name, columns in self._get_unique_constraints(names):
            keys = set()
            duplicate = False
            for vals in vals_list:
                key = tuple(
                    value.id if isinstance(value, models.BaseModel) else value
                    for value in (vals.get(column) for column in columns)
                )
                if any(value in (None, False, "") for value in key):
                    continue  # NULLs are distinct
                duplicate = key in keys
                if duplicate:
                    break
                keys.add(key)
            if keys and not duplicate:
                # in SQL, once the changes already made are (the ones
                # being checked are not written yet)
                self.flush_model(columns)
                self.env.cr.execute(
                    SQL(
                        "SELECT 1 FROM %s WHERE (%s) IN %s "
                        "AND NOT (id = ANY(%s::int[])) LIMIT 1",
                        SQL.identifier(self._table),
                        SQL(", ").join(map(SQL.identifier, columns)),
                        tuple(keys),
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
                    constraint.message or self.env._("This value is already recorded.")
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
        secretariat sets it; the server's limit caps it), refused before
        they reach the filestore."""
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
                            field=self._fields[name]._description_string(self.env),
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
