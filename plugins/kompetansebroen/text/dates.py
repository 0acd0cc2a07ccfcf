"""Dates written the Norwegian way: «30. juni 2020»."""

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


def norwegian_date(date: dt.date) -> str:
    """``2020-06-30`` → ``30. juni 2020``."""
    return f"{date.day}. {MONTHS[date.month - 1]} {date.year}"
