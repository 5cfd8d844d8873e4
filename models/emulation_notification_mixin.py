# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo import Command, api, models


class EmulationNotificationMixin(models.AbstractModel):
    """Who is told, and the batched telling, for the models that remind or
    notify units and the secretariat: a unit's officers (one query for
    every unit), the activities of many records in one batch, each in its
    reader's language, and the e-mails of a template for many records,
    rendered once per group of records that share their text."""

    _name = "emulation.notification.mixin"
    _description = "Emulation Notifications"

    @api.model
    def _get_unit_officers(self, units):
        """{unit: officers} for ``units``: internal users whose contact
        belongs to the unit and who have the unit officer group (one
        query for all)."""
        result = defaultdict(lambda: self.env["res.users"])
        if not units:
            return result
        officer_group = self.env.ref("emulation_cluster.group_unit_officer")
        users = (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("partner_id.commercial_partner_id", "in", units.ids),
                    ("groups_id", "in", officer_group.ids),
                    ("share", "=", False),
                ]
            )
        )
        for user in users:
            result[user.partner_id.commercial_partner_id] |= user
        return result

    @api.model
    def _schedule_activities(self, activity_type, items, texts):
        """Create the activities of ``items`` in one batch.

        ``items``: (record, users, date_deadline) triples; ``texts(record)``
        returns ``{"summary": ..., "note": ...}`` and is called with the
        record in each assignee's language, so that every reader gets the
        activity in his own language (a scheduled action runs without
        any). An item may add a fourth element, a record the texts depend
        on too (e.g. the unit told): then ``texts(record, that_record)``."""
        vals_list = []
        rendered = {}
        model_ids = {}
        for record, users, deadline, *extra in items:
            model_id = model_ids.get(record._name)
            if model_id is None:
                model_id = model_ids[record._name] = self.env["ir.model"]._get_id(
                    record._name
                )
            for user in users:
                lang = user.lang or self.env.lang
                key = (record._name, record.id, lang, *(item.id for item in extra))
                if key not in rendered:
                    rendered[key] = texts(record.with_context(lang=lang), *extra)
                vals_list.append(
                    dict(
                        rendered[key],
                        automated=True,
                        res_model_id=model_id,
                        res_id=record.id,
                        activity_type_id=activity_type.id,
                        user_id=user.id,
                        date_deadline=deadline,
                    )
                )
        if not vals_list:
            return self.env["mail.activity"]
        return (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )

    @api.model
    def _send_template_batch(self, template, records, shared_by=None):
        """Queue one e-mail per record from ``template`` in one batch.

        Rendering a QWeb body compiles it again for every record, so the
        body, subject and sender are rendered once per group of records
        sharing ``shared_by(record)`` and the recipient's language: the
        template must then use only what the group shares (the obligation,
        not the unit). Only the recipients are rendered per record."""
        template = template.sudo()
        shared_by = shared_by or (lambda record: record.id)
        langs = template._render_lang(records.ids) if template.lang else {}
        groups = defaultdict(list)
        for record in records:
            groups[(shared_by(record), langs.get(record.id))].append(record.id)
        shared = {}
        for (__, lang), ids in groups.items():
            shared.update(
                template.with_context(lang=lang)._generate_template(
                    [ids[0]],
                    (
                        "body_html",
                        "email_from",
                        "reply_to",
                        "subject",
                        "auto_delete",
                        "mail_server_id",
                        "model",
                        "scheduled_date",
                    ),
                )
            )
        recipients = template._generate_template(
            records.ids, ("email_cc", "email_to", "partner_to")
        )
        vals_list = []
        for ids in groups.values():
            group_vals = shared[ids[0]]
            group_vals.pop("attachments", None)
            if not group_vals.get("email_from"):
                group_vals.pop("email_from", None)
            for record_id in ids:
                vals = dict(
                    group_vals,
                    **recipients[record_id],
                    res_id=record_id,
                    message_type="email_outgoing",
                )
                # body_html only: the message body would be sanitized once
                # more per record for nothing (the e-mail is not in a chatter)
                vals["recipient_ids"] = [
                    Command.link(pid) for pid in vals.pop("partner_ids", None) or []
                ]
                vals_list.append(vals)
        return self.env["mail.mail"].sudo().create(vals_list)

    @api.model
    def _get_unit_recipients(self, records, unit_field="partner_id"):
        """{record: who hears of it}: the officers of its unit (the field
        ``unit_field``), else its cluster's secretariat (a unit without
        users)."""
        officers = self._get_unit_officers(records[unit_field])
        return {
            record: officers.get(record[unit_field])
            or record.cluster_id.secretariat_user_ids
            for record in records
        }

    @api.model
    def _get_reviewers(self, records, unit_field="partner_id"):
        """{record: its cluster's secretariat but the officers of the
        record's own unit (all of it when no one else serves)}."""
        result = {}
        for record in records:
            staff = record.cluster_id.secretariat_user_ids
            others = staff.filtered(
                lambda user,
                unit=record[unit_field]: user.partner_id.commercial_partner_id != unit
            )
            result[record] = others or staff
        return result
