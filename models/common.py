# Copyright 2026 emulation_cluster developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What several models of the addon share that is not a model: how a paper
reached the cluster, and how Vietnamese official documents write dates."""

# How a filing, a signature or a registration reached the secretariat.
CHANNEL_SELECTION = [
    ("online", "Online"),
    ("paper", "Paper"),
    ("email", "E-mail"),
    ("other", "Other"),
]


def _vn_day_month(date):
    """Decree 30/2020 pads days below 10 and the months January and
    February with a zero: 07/4, 31/01."""
    day = f"{date.day:02d}"
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return day, month


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
