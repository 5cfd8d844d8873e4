# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The official documents' page numbers (Decree 30: from page 2, in the
middle of the top margin), stamped on the finished PDF without rewriting
its pages."""

import io
import subprocess
import tempfile

from reportlab.pdfgen import canvas

from odoo.tests import TransactionCase, tagged


def _pages_text(pdf):
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        text = subprocess.run(
            ["pdftotext", "-layout", handle.name, "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return text.split("\f")


@tagged("post_install", "-at_install")
class TestPageNumbers(TransactionCase):
    def test_numbers_from_page_two_pages_kept_as_they_are(self):
        buffer = io.BytesIO()
        drawing = canvas.Canvas(buffer, pageCompression=1)
        for page in range(1, 4):
            for line in range(40):
                drawing.drawString(72, 700 - 15 * line, f"Trang {page} dong {line}")
            drawing.showPage()
        drawing.save()
        original = buffer.getvalue()
        report = self.env.ref("emulation_cluster.emulation_poll_count_minutes_report")
        stamped = report._stamp_page_numbers(io.BytesIO(original)).getvalue()
        pages = _pages_text(stamped)
        # page 1 carries no number, page 2 and 3 theirs, above the text
        self.assertEqual(pages[0].split()[:2], ["Trang", "1"])
        self.assertEqual(pages[1].split()[:2], ["2", "Trang"])
        self.assertEqual(pages[2].split()[:2], ["3", "Trang"])
        for page, text in enumerate(pages[:3], start=1):
            self.assertIn(f"Trang {page} dong 39", text)
        # the pages' own streams are kept compressed as they came: the
        # stamp adds a font and two small streams a page, no more
        self.assertLess(len(stamped), len(original) + 2000)
        # one page: nothing to number
        single = io.BytesIO()
        drawing = canvas.Canvas(single)
        drawing.drawString(72, 700, "Một trang")
        drawing.save()
        self.assertEqual(
            report._stamp_page_numbers(io.BytesIO(single.getvalue())).getvalue(),
            single.getvalue(),
        )
