# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What several models of the addon share that is not a model: how a paper
reached the cluster, how Vietnamese official documents write dates, how a
year's titles and dates move to the next year, and how a line points to
the document it is part of."""

import re
import unicodedata

from dateutil.relativedelta import relativedelta

from odoo import fields

# The level that organises a cluster (and whose clusters propose an award).
ORGANISING_LEVELS = [
    ("central", "Central Council"),
    ("ministry", "Ministry"),
    ("province", "Province"),
    ("sector", "Sector"),
]

# How a filing, a signature or a registration reached the secretariat.
CHANNEL_SELECTION = [
    ("online", "Online"),
    ("paper", "Paper"),
    ("email", "E-mail"),
    ("other", "Other"),
]


def parent_field(comodel, *args, **attrs):
    """The Many2one from a line to the document it is part of (a criterion's
    template, a scorecard's line...): always set, deleted with the
    document, and indexed, as the document's One2many reads by it."""
    return fields.Many2one(
        comodel, *args, required=True, ondelete="cascade", index=True, **attrs
    )


def _vn_day_month(date):
    """Decree 30/2020 pads days below 10 and the months January and
    February with a zero: 07/4, 31/01."""
    day = f"{date.day:02d}"
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return day, month


def format_vn_number(value, digits=2):
    """ "1.234,50": Vietnamese thousands and decimal separators, whatever the
    reader's language (official documents are in Vietnamese)."""
    text = f"{value or 0.0:,.{digits}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_vn_short_date(date):
    """ "31/01/2020", "07/4/2014"."""
    if not date:
        return ""
    day, month = _vn_day_month(date)
    return f"{day}/{month}/{date.year}"


def format_vn_long_date(date):
    """ "ngày 26 tháng 3 năm 2020", as the place-and-date line writes it."""
    if not date:
        return ""
    day, month = _vn_day_month(date)
    return f"ngày {day} tháng {month} năm {date.year}"


# Paginating tables for Debian's wkhtmltopdf (unpatched Qt), which neither
# repeats a table's header nor keeps a row whole across a page break: long
# tables are cut into one table per page, from an estimate of each row's
# height. Measured with wkhtmltopdf 0.12.6 at Odoo's --dpi 90: 257 mm of
# page are 1260 CSS pixels. The estimates err on the tall side, so that a
# page is at worst a little short, never overflowing.
PX_PER_MM = 4.9
LINE_PX = 20  # a 12 pt line
CELL_PADDING_PX = 10  # padding and borders of a grid cell, each way
CHAR_PX = 8.5  # a wide average glyph of 12 pt Liberation Serif


def estimate_lines(text, width_px, char_px=CHAR_PX):
    """Lines ``text`` takes in a cell ``width_px`` wide, wrapped at words."""
    per_line = max(int((width_px - CELL_PADDING_PX) / char_px), 1)
    lines = 0
    for paragraph in str(text or "").splitlines() or [""]:
        lines += 1
        used = 0
        for word in paragraph.split():
            if used and used + 1 + len(word) > per_line:
                lines += 1
                used = 0
            used += len(word) + (1 if used else 0)
            while used > per_line:  # a word wider than the cell breaks
                lines += 1
                used -= per_line
    return lines


def estimate_row_px(cells):
    """Height of a table row whose ``cells`` are lists of (text, width)
    blocks, one block per line-starting element."""
    lines = max(
        (
            sum(estimate_lines(text, width) for text, width in blocks)
            for blocks in cells
        ),
        default=1,
    )
    return lines * LINE_PX + CELL_PADDING_PX


def paginate(heights, first_page_px, page_px):
    """Cut rows of ``heights`` into pages: lists of row indexes, the first
    page having ``first_page_px`` for rows, the others ``page_px``. A row
    taller than a page stands alone on its own."""
    pages, current, used, budget = [], [], 0, first_page_px
    for index, height in enumerate(heights):
        if current and used + height > budget:
            pages.append(current)
            current, used, budget = [], 0, page_px
        current.append(index)
        used += height
    if current:
        pages.append(current)
    return pages


def paper_content_px(paperformat):
    """(width, height) in CSS pixels of the text block of ``paperformat``."""
    width_mm, height_mm = {"A3": (297, 420), "A5": (148, 210)}.get(
        paperformat.format, (210, 297)
    )
    if paperformat.format == "custom" and paperformat.page_width:
        width_mm, height_mm = paperformat.page_width, paperformat.page_height
    if paperformat.orientation == "Landscape":
        width_mm, height_mm = height_mm, width_mm
    width = width_mm - paperformat.margin_left - paperformat.margin_right
    height = height_mm - paperformat.margin_top - paperformat.margin_bottom
    return width * PX_PER_MM, height * PX_PER_MM


def file_slug(text):
    """ASCII file name part: "Hà Nam" -> "Ha-Nam"."""
    text = unicodedata.normalize(
        "NFKD", (text or "").replace("đ", "d").replace("Đ", "D")
    )
    text = text.encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "file"


# 29 February moves to 28 February (relativedelta keeps the month)
ONE_YEAR = relativedelta(years=1)


def shift_title_years(text, year):
    """ "Báo cáo năm 2020, phương hướng năm 2021" -> "... năm 2021, ... năm
    2022": the year and the next one, written alone, move by one year. Dates,
    periods and document numbers ("28/8/2020", "2011-2020", "30/2020/NĐ-CP")
    are left as they are."""
    if not text:
        return text
    pattern = re.compile(rf"(?<![\d/.\-])({year}|{year + 1})(?!\d|[/.\-]\d)")
    return pattern.sub(lambda match: str(int(match[1]) + 1), text)


def dialog_action(title, res_model, context):
    """The action that opens a new ``res_model`` form (a wizard) in a
    dialog titled ``title``, with ``context`` (its defaults)."""
    return {
        "type": "ir.actions.act_window",
        "name": title,
        "res_model": res_model,
        "view_mode": "form",
        "target": "new",
        "context": context,
    }


def in_vietnamese(records):
    """``records`` reading Vietnamese, where the language is active: official
    documents print in Vietnamese (award names included) whoever prints them;
    a database without it prints in its own language rather than fail."""
    if records.env["res.lang"]._lang_get("vi_VN"):
        return records.with_context(lang="vi_VN")
    return records
