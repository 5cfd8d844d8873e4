# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""18.0.1.0.0 -> 18.0.1.1.0, before the models are loaded.

- The reminder log serves every kind of reminder: its rows name their
  document by (res_model, res_id) instead of one column per model, and the
  covenant signature reminders, recorded until now as ``reminder_date`` on
  the line, become rows of the log.
- Revisions gain a workflow (the deputy's consent): the existing ones were
  agreed when recorded.
- The submission rules were ``noupdate``: they follow the code again.
"""

from odoo.tools import SQL, sql


def _migrate_reminder_log(cr):
    for column, kind in (
        ("res_model", "varchar"),
        ("res_id", "int4"),
        ("cluster_id", "int4"),
        ("partner_id", "int4"),
    ):
        if not sql.column_exists(cr, "emulation_reminder_log", column):
            sql.create_column(cr, "emulation_reminder_log", column, kind)
    # (the model a row was of, its column for it, the unit's column there)
    for model, column, unit in (
        ("emulation.submission", "submission_id", "partner_id"),
        ("emulation.event", "event_id", "host_id"),
    ):
        cr.execute(
            SQL(
                """
                UPDATE emulation_reminder_log l
                   SET res_model = %(model)s, res_id = l.%(column)s,
                       cluster_id = d.cluster_id, partner_id = d.%(unit)s
                  FROM %(table)s d
                 WHERE d.id = l.%(column)s AND l.res_id IS NULL
                """,
                model=model,
                column=SQL.identifier(column),
                unit=SQL.identifier(unit),
                table=SQL.identifier(model.replace(".", "_")),
            )
        )
    for name in ("submission_offset_uniq", "event_offset_uniq"):
        cr.execute(
            SQL(
                "ALTER TABLE emulation_reminder_log DROP CONSTRAINT IF EXISTS %s",
                SQL.identifier(f"emulation_reminder_log_{name}"),
            )
        )
    cr.execute(
        "DELETE FROM ir_model_constraint WHERE name IN %s",
        (
            (
                "emulation_reminder_log_submission_offset_uniq",
                "emulation_reminder_log_event_offset_uniq",
            ),
        ),
    )
    if sql.column_exists(cr, "emulation_covenant_signature", "reminder_date"):
        cr.execute(
            """
            INSERT INTO emulation_reminder_log
                   (kind, res_model, res_id, offset_days, cluster_id, partner_id,
                    create_uid, create_date, write_uid, write_date)
            SELECT 'signature', 'emulation.covenant.signature', s.id, 0,
                   s.cluster_id, s.partner_id, 1, s.reminder_date, 1, s.reminder_date
              FROM emulation_covenant_signature s
             WHERE s.reminder_date IS NOT NULL
            """
        )


def _migrate_revisions(cr):
    if not sql.column_exists(cr, "emulation_plan_revision", "state"):
        sql.create_column(cr, "emulation_plan_revision", "state", "varchar")
        sql.create_column(cr, "emulation_plan_revision", "consent_mode", "varchar")
        sql.create_column(cr, "emulation_plan_revision", "deputy_id", "int4")
        cr.execute(
            """
            UPDATE emulation_plan_revision r
               SET state = 'agreed', deputy_id = p.deputy_id,
                   consent_mode = CASE WHEN r.agreed_unit_id = p.deputy_id
                                       THEN 'deputy_user' ELSE 'manager' END
              FROM emulation_plan p
             WHERE p.id = r.plan_id
            """
        )


def migrate(cr, version):
    if not version:
        return
    _migrate_reminder_log(cr)
    _migrate_revisions(cr)
    cr.execute(
        """
        UPDATE ir_model_data SET noupdate = false
         WHERE module = 'emulation_cluster' AND model = 'ir.rule'
        """
    )
