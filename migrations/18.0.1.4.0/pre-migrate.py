# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""18.0.1.3.0 -> 18.0.1.4.0, before the data files are loaded.

The rules national law sets for every cluster (the proposals' quotas and
deadlines of Decrees 98/2023 and 152/2025) and their decrees become data
(``data/emulation_rule_data.xml``, noupdate). A database that already holds
them, as the demo's records or as records a manager typed, keeps its own:
their external ids are given to those records, so that loading the data
creates no second decree and no second rule for the same days (which the
rules' overlap check would refuse, stopping the upgrade).
"""

import logging

from odoo.tools import sql

_logger = logging.getLogger(__name__)

MODULE = "emulation_cluster"
# the demo's records that were these data until now
DEMO_NAMES = {
    "document_decree_152_2025_demo": "document_decree_152_2025",
    "rule_proposal_152_2025_demo": "rule_proposal_152_2025",
}
DOCUMENTS = {
    "document_decree_98_2023": "98/2023/NĐ-CP",
    "document_decree_152_2025": "152/2025/NĐ-CP",
}
# (first day, last day or None) of each national rule of proposals
RULES = {
    "rule_proposal_98_2023": ("2024-01-01", "2025-06-30"),
    "rule_proposal_152_2025": ("2025-07-01", None),
}


def _xmlid_exists(cr, name):
    cr.execute(
        "SELECT 1 FROM ir_model_data WHERE module = %s AND name = %s",
        (MODULE, name),
    )
    return bool(cr.rowcount)


def _adopt(cr, name, model, res_id):
    cr.execute(
        """
        INSERT INTO ir_model_data (module, name, model, res_id, noupdate)
        VALUES (%s, %s, %s, %s, TRUE)
        """,
        (MODULE, name, model, res_id),
    )
    _logger.info("%s.%s given to the existing %s %s", MODULE, name, model, res_id)


def _rename_demo_records(cr):
    for old, new in DEMO_NAMES.items():
        if _xmlid_exists(cr, new):
            continue
        cr.execute(
            """
            UPDATE ir_model_data SET name = %s, noupdate = TRUE
             WHERE module = %s AND name = %s
            """,
            (new, MODULE, old),
        )


def _adopt_documents(cr):
    for name, number in DOCUMENTS.items():
        if _xmlid_exists(cr, name):
            continue
        cr.execute(
            "SELECT id FROM emulation_document WHERE name = %s ORDER BY id LIMIT 1",
            (number,),
        )
        row = cr.fetchone()
        if row:
            _adopt(cr, name, "emulation.document", row[0])


def _adopt_rules(cr):
    for name, (date_from, date_to) in RULES.items():
        if _xmlid_exists(cr, name):
            continue
        cr.execute(
            """
            SELECT id FROM emulation_rule
             WHERE active AND rule_type = 'proposal' AND scope = 'all'
               AND date_from <= COALESCE(%s::date, 'infinity'::date)
               AND %s::date <= COALESCE(date_to, 'infinity'::date)
             ORDER BY date_from, id
             LIMIT 1
            """,
            (date_to, date_from),
        )
        row = cr.fetchone()
        if row:
            _adopt(cr, name, "emulation.rule", row[0])


def migrate(cr, version):
    if not version:
        return
    _rename_demo_records(cr)
    if sql.table_exists(cr, "emulation_document"):
        _adopt_documents(cr)
    if sql.table_exists(cr, "emulation_rule"):
        _adopt_rules(cr)
