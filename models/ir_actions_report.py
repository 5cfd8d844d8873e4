# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from odoo import models
from odoo.tools.pdf import PdfFileReader, PdfFileWriter

# Decree 30/2020/NĐ-CP: page numbers from page 2, centred in the top margin,
# 13-14 pt Arabic numerals.
PAGE_NUMBER_FONT = ("Times-Roman", 13)


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _prepare_html(self, html, report_model=False):
        """The addon's documents carry their Decree 30 header in the body:
        give wkhtmltopdf no header or footer page at all, which Debian's
        build (unpatched Qt) cannot draw and warns about."""
        prepared = super()._prepare_html(html, report_model=report_model)
        if not prepared or not self._is_emulation_document():
            return prepared
        bodies, res_ids, __, __, paperformat_args = prepared
        return bodies, res_ids, None, None, paperformat_args

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """Number the pages of each official document, from page 2 (Debian's
        wkhtmltopdf draws no header and ignores CSS page counters, so the
        numbers are stamped on the finished PDF)."""
        streams = super()._render_qweb_pdf_prepare_streams(
            report_ref, data, res_ids=res_ids
        )
        report = self._get_report(report_ref)
        if report._is_emulation_document():
            for entry in streams.values():
                if entry.get("stream"):
                    entry["stream"] = report._stamp_page_numbers(entry["stream"])
        return streams

    def _stamp_page_numbers(self, stream):
        reader = PdfFileReader(stream, strict=False)
        if len(reader.pages) < 2:
            return stream
        paperformat = self.get_paperformat()
        writer = PdfFileWriter()
        for index, page in enumerate(reader.pages):
            if index:
                page.merge_page(self._page_number_overlay(page, paperformat, index + 1))
            writer.add_page(page)
        stamped = io.BytesIO()
        writer.write(stamped)
        stream.close()
        return stamped

    def _page_number_overlay(self, page, paperformat, number):
        """A page with only ``number``, centred on the text block, in the
        middle of the top margin."""
        width = float(page.mediabox.width)
        height = float(page.mediabox.height)
        left = (paperformat.margin_left or 0) * mm
        right = (paperformat.margin_right or 0) * mm
        top = (paperformat.margin_top or 0) * mm
        overlay = io.BytesIO()
        drawing = canvas.Canvas(overlay, pagesize=(width, height))
        drawing.setFont(*PAGE_NUMBER_FONT)
        drawing.drawCentredString(
            left + (width - left - right) / 2, height - top / 2 - 2 * mm, str(number)
        )
        drawing.save()
        overlay.seek(0)
        return PdfFileReader(overlay, strict=False).pages[0]

    def report_action(self, docids, data=None, config=True):
        """Official documents carry no company letterhead: printing one
        never opens Odoo's document layout configurator; and every Odoo
        client reads the action: no None inside it (XML-RPC cannot carry
        one)."""
        if not self._is_emulation_document():
            return super().report_action(docids, data=data, config=config)
        action = super().report_action(docids, data=data, config=False)
        return {key: value for key, value in action.items() if value is not None}

    def _is_emulation_document(self):
        return bool(self) and self.report_name.split(".")[0] == "emulation_cluster"
