"""Dates written the Norwegian way: «30. juni 2020».

The one formatter of a day, month and year: event times, the «Publisert …»
line, lists, feeds and the pages «Mine favoritter» reads its dates from all
write a date through :func:`norwegian_date`, so changing it changes every page.
"""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)


def day_month(date: dt.date) -> str:
    """``2020-06-30`` → ``30. juni`` (the first part of a span across months)."""
    return f"{date.day}. {MONTHS[date.month - 1]}"


def norwegian_date(date: dt.date) -> str:
    """``2020-06-30`` → ``30. juni 2020``."""
    return f"{day_month(date)} {date.year}"
