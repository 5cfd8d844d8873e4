# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date

from odoo import api, fields, models

from ..tools.common import (
    estimate_row_px,
    format_vn_short_date,
    paginate,
    paper_content_px,
)

# the official heading, title and date line above the tracker's table
TRACKER_HEADING_PX = 330


class EmulationPlanReport(models.Model):
    """What the plan's printed documents read: the plan itself, the
    submission tracker paged as printed, the results table."""

    _inherit = "emulation.plan"

    def _get_submission_tracker(self):
        """Rows (units), columns (obligations) and cells {(unit id,
        obligation id): submission} of the plan's tracker, read in a few
        queries."""
        self.ensure_one()
        submissions = self.env["emulation.submission"].search(
            [("plan_id", "=", self.id)]
        )
        obligations = submissions.obligation_id.sorted(
            lambda ob: (ob.deadline or fields.Date.today(), ob.sequence, ob.id)
        )
        units = submissions.partner_id.sorted("name")
        cells = {(sub.partner_id.id, sub.obligation_id.id): sub for sub in submissions}
        widths = self._get_tracker_column_widths(len(obligations))
        pages = self._paginate_tracker(units, obligations, cells, widths)
        return {
            "units": units,
            "obligations": obligations,
            "cells": cells,
            "widths": widths,
            # [[(row number, unit), ...], ...]: one table per printed page
            "pages": [[(index + 1, units[index]) for index in page] for page in pages],
        }

    @api.model
    def _get_tracker_column_widths(self, obligation_count):
        """Percentages of the tracker's columns: number, unit, obligations."""
        each = round(70 / obligation_count, 2) if obligation_count else 0
        return {"number": 5, "unit": 25, "obligation": each}

    def _paginate_tracker(self, units, obligations, cells, widths):
        """Units of each printed page of the tracker, from an estimate of
        each row's height (see ``common.paginate``)."""
        report = self.env.ref("emulation_cluster.emulation_submission_tracker_report")
        page_width, page_height = paper_content_px(
            report.paperformat_id or self.env.company.paperformat_id
        )
        unit_px = page_width * widths["unit"] / 100
        cell_px = page_width * widths["obligation"] / 100
        states = dict(
            self.env["emulation.submission"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        head = estimate_row_px(
            [[(ob.name, cell_px), ("00/00/0000 00", cell_px)] for ob in obligations]
        )
        heights = []
        for unit in units:
            row = [[(unit.name, unit_px)]]
            for obligation in obligations:
                submission = cells.get((unit.id, obligation.id))
                blocks = (
                    [(states.get(submission.state, "–"), cell_px)] if submission else []
                )
                if submission and submission.date_filed:
                    blocks.append(("00/00/0000", cell_px))
                if submission and (submission.is_late or submission.is_overdue):
                    blocks.append(("000 ngày trễ hạn", cell_px))
                if submission and submission.state == "returned":
                    blocks.append((submission.return_reason, cell_px))
                row.append(blocks)
            heights.append(estimate_row_px(row))
        # the first page also carries the document's heading and title
        return paginate(
            heights, page_height - TRACKER_HEADING_PX - head, page_height - head
        )

    def action_print(self):
        return self.env.ref(
            "emulation_cluster.action_report_emulation_plan"
        ).report_action(self)

    def action_print_results_table(self):
        """The plan's results table, where the secretariat looks for it."""
        self.check_access("read")
        return self.env.ref(
            "emulation_cluster.emulation_scorecard_results_report"
        ).report_action(self)

    def _get_kind_word(self):
        """ "Cụm" or "Khối", as the documents write it."""
        self.ensure_one()
        return "Khối" if self.cluster_kind == "bloc" else "Cụm"

    def _get_role_label(self, unit):
        """ "đơn vị Cụm trưởng" / "đơn vị Cụm phó" for the leader and deputy."""
        self.ensure_one()
        word = self._get_kind_word()
        if unit and unit == self.leader_id:
            return f"đơn vị {word} trưởng"
        if unit and unit == self.deputy_id:
            return f"đơn vị {word} phó"
        return ""

    def _get_report_events(self):
        self.ensure_one()
        return self.event_ids.sorted(lambda event: (event.sequence, event.id))

    def _get_report_obligation_lines(self):
        """Obligations grouped as the plan lists them: those due the same day
        to the same unit are one line ("...; Bảng tự chấm điểm ... gửi về
        đơn vị Cụm trưởng trước ngày 20/11/2020.")."""
        self.ensure_one()
        groups = []
        for obligation in self.obligation_ids.filtered(
            lambda obl: obl.state != "cancelled"
        ).sorted(lambda obl: (obl.sequence, obl.deadline or date.max, obl.id)):
            key = (obligation.deadline, obligation.recipient_id, obligation.note)
            if obligation.deadline and groups and groups[-1][0] == key:
                groups[-1][1].append(obligation)
            else:
                groups.append((key, [obligation]))
        return [
            self._get_report_obligation_line(obligations)
            for _key, obligations in groups
        ]

    def _get_report_obligation_line(self, obligations):
        """The line the plan prints for ``obligations`` (same deadline and
        recipient): "Báo cáo ... gửi về đơn vị Cụm trưởng trước ngày
        15/6/2020"."""
        self.ensure_one()
        first = obligations[0]
        text = "; ".join(obligation.name for obligation in obligations)
        if first.deadline:
            role = self._get_role_label(first.recipient_id)
            recipient = role or first.recipient_id.name
            if recipient:
                text += f" gửi về {recipient}"
            text += f" trước ngày {format_vn_short_date(first.deadline)}"
        if first.note:
            text += f" {first.note.strip()}"
        return text

    def _get_report_addresses(self):
        """Distinct "Unit - address" and e-mail the reports are sent to."""
        self.ensure_one()
        seen = []
        for obligation in self.obligation_ids.filtered(
            lambda obl: obl.state != "cancelled" and (obl.address or obl.email)
        ):
            key = (
                obligation.recipient_id.name or "",
                obligation.address or "",
                obligation.email or "",
            )
            if key not in seen:
                seen.append(key)
        return seen
