# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

from reportlab.lib.units import mm

from odoo import models
from odoo.tools.pdf import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    PdfFileReader,
    PdfFileWriter,
)

# Decree 30/2020/NĐ-CP: page numbers from page 2, centred in the top margin,
# 13-14 pt Arabic numerals.
PAGE_NUMBER_FONT = ("Times-Roman", 13)
# the page number's font, by a name no wkhtmltopdf page uses
PAGE_NUMBER_RESOURCE = NameObject("/EmulationPageNumber")


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
        """Each page from the second gets its number as one more content
        stream, drawn in a font every PDF reader has: the page's own streams
        are kept as wkhtmltopdf compressed them. (Merging an overlay page
        parses them and writes them back uncompressed: 20 times the size
        and 20 s more for the 28 pages of a 600-unit poll's minutes.)"""
        reader = PdfFileReader(stream, strict=False)
        if len(reader.pages) < 2:
            return stream
        paperformat = self.get_paperformat()
        writer = PdfFileWriter()
        font = writer._add_object(
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Font"),
                    NameObject("/Subtype"): NameObject("/Type1"),
                    NameObject("/BaseFont"): NameObject(f"/{PAGE_NUMBER_FONT[0]}"),
                    NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
                }
            )
        )
        for index, page in enumerate(reader.pages):
            writer.add_page(page)
            if index:
                self._add_page_number(
                    writer, writer.pages[index], font, paperformat, index + 1
                )
        stamped = io.BytesIO()
        writer.write(stamped)
        stream.close()
        return stamped

    def _add_page_number(self, writer, page, font, paperformat, number):
        """``number`` centred on the text block, in the middle of the top
        margin; the page's drawing state saved around its own content."""
        width = float(page.mediabox.width)
        height = float(page.mediabox.height)
        left = (paperformat.margin_left or 0) * mm
        right = (paperformat.margin_right or 0) * mm
        top = (paperformat.margin_top or 0) * mm
        name, size = PAGE_NUMBER_FONT
        text = str(number)
        # Times' digits are half an em wide
        x = left + (width - left - right) / 2 - size * len(text) / 4
        y = height - top / 2 - 2 * mm
        resources = page[NameObject("/Resources")].get_object()
        if "/Font" not in resources:
            resources[NameObject("/Font")] = DictionaryObject()
        resources["/Font"].get_object()[PAGE_NUMBER_RESOURCE] = font
        before, after = DecodedStreamObject(), DecodedStreamObject()
        before.set_data(b"q\n")
        after.set_data(
            f"Q\nq BT {PAGE_NUMBER_RESOURCE} {size} Tf 1 0 0 1 {x:.2f} {y:.2f} Tm "
            f"({text}) Tj ET Q\n".encode()
        )
        contents = page[NameObject("/Contents")]
        own = contents.get_object()
        own = list(own) if isinstance(own, ArrayObject) else [contents]
        page[NameObject("/Contents")] = ArrayObject(
            [writer._add_object(before), *own, writer._add_object(after)]
        )

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
