# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

from odoo import api, fields, models


class EmulationRuleVersion(models.Model):
    """A rule's versions: the next one copied from it, starting the day after
    it ends, and the one it follows ending when the new one applies."""

    _inherit = "emulation.rule"

    def copy_data(self, default=None):
        """The next version: the same values, no legal basis, unconfirmed,
        valid from the day after this one ends when that day is free."""
        default = dict(default or {})
        vals_list = super().copy_data(default)
        for rule, vals in zip(self, vals_list, strict=True):
            vals.setdefault("previous_version_id", rule.id)
            if "date_from" not in default:
                vals["date_from"] = rule._get_next_version_start()
        return vals_list

    def _get_next_version_start(self):
        """The day after this rule ends, unless a rule of its kind and scope
        already applies from then; False: the user sets it."""
        self.ensure_one()
        if not self.date_to:
            return False
        start = self.date_to + datetime.timedelta(days=1)
        taken = self.sudo().search_count(
            self._get_same_scope_domain()
            + [
                ("id", "!=", self.id),
                ("date_from", "!=", False),
                "|",
                ("date_to", "=", False),
                ("date_to", ">=", start),
            ],
            limit=1,
        )
        return False if taken else start

    def _get_same_scope_domain(self):
        self.ensure_one()
        return [
            ("rule_type", "=", self.rule_type),
            ("scope", "=", self.scope),
            ("level", "=", self.level),
            ("cluster_id", "=", self.cluster_id.id),
        ]

    def _end_before(self, date_from):
        """These rules, still running on ``date_from`` when their next
        version starts, end the day before. Written as the user: what he may
        change is checked as for any edit."""
        if not date_from:
            return
        date_from = fields.Date.to_date(date_from)
        running = self.filtered(
            lambda rule: rule.date_from
            and rule.date_from < date_from
            and (not rule.date_to or rule.date_to >= date_from)
        )
        if running:
            running.date_to = date_from - datetime.timedelta(days=1)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("previous_version_id") and vals.get("document_id"):
                self.browse(vals["previous_version_id"])._end_before(
                    vals.get("date_from")
                )
        return super().create(vals_list)

    def write(self, vals):
        # a version applies once it has its start and its legal basis: the
        # one it follows ends then, not before
        if {"date_from", "document_id"} & set(vals):
            for rule in self.filtered("previous_version_id"):
                basis = vals.get("document_id", rule.document_id)
                if basis:
                    rule.previous_version_id._end_before(
                        vals.get("date_from", rule.date_from)
                    )
        return super().write(vals)
