"""When an event is, written the Norwegian way: «torsdag 14. mars 2025 kl. 09.00–15.30».

Conventions (Språkrådet): weekdays and months in lower case, times with a
full stop (``09.00``), an en dash for «fra–til» — without spaces between short
parts (``14.–15. mars 2025``, ``09.00–15.30``) and with spaces when the parts
are longer expressions (``28. februar – 2. mars 2025``). Every time is shown in
Norwegian time, whatever zone the value carries.

Part of the bottom layer: it takes plain dates and datetimes, and the model
takes Norwegian time (``oslo()``) from here.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .dates import MONTHS, day_month, norwegian_date

TIME_ZONE = "Europe/Oslo"

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
DASH = "\u2013"
"""En dash (tankestrek), the Norwegian sign for «fra–til»."""


@cache
def oslo() -> ZoneInfo:
    """Norwegian time, with a clear message when the system has no time-zone database."""
    try:
        return ZoneInfo(TIME_ZONE)
    except ZoneInfoNotFoundError as error:  # pragma: no cover - depends on the system
        raise RuntimeError(
            f"The time zone {TIME_ZONE} is missing: install the system time-zone database "
            "or the tzdata package"
        ) from error


def clock(moment: dt.datetime) -> str:
    """``09:00`` in Norwegian time → ``09.00``."""
    local = moment.astimezone(oslo())
    return f"{local.hour:02d}.{local.minute:02d}"


def long_day(day: dt.date) -> str:
    """``2025-03-14`` → ``fredag 14. mars 2025``."""
    return f"{WEEKDAYS[day.weekday()]} {norwegian_date(day)}"


def day_span(first: dt.date, last: dt.date) -> str:
    """A run of whole days: ``14.–15. mars 2025``, ``28. februar – 2. mars 2025``, across years in full.

    One day alone gets its weekday: ``fredag 14. mars 2025``.
    """
    if first == last:
        return long_day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}.{DASH}{norwegian_date(last)}"
    if first.year == last.year:
        return f"{day_month(first)} {DASH} {norwegian_date(last)}"
    return f"{norwegian_date(first)} {DASH} {norwegian_date(last)}"


def time_span(start: dt.datetime, end: dt.datetime | None) -> str:
    """``torsdag 14. mars 2025 kl. 09.00–15.30``; over several days each end gets its day.

    Without an end only the start: ``torsdag 14. mars 2025 kl. 09.00``. An end
    equal to the start is not repeated.
    """
    start_day = start.astimezone(oslo()).date()
    opening = f"{long_day(start_day)} kl. {clock(start)}"
    if end is None or end == start:
        return opening
    end_day = end.astimezone(oslo()).date()
    if end_day == start_day:
        return f"{opening}{DASH}{clock(end)}"
    return f"{opening} {DASH} {long_day(end_day)} kl. {clock(end)}"


def when(start: dt.date, end: dt.date | None = None) -> str:
    """An event's time in words: days alone (all-day) or days with times (see :func:`day_span`, :func:`time_span`).

    ``start`` and ``end`` are both dates or both datetimes.
    """
    if isinstance(start, dt.datetime):
        if end is not None and not isinstance(end, dt.datetime):
            raise ValueError("start and end must both be dates or both datetimes")
        return time_span(start, end)
    if isinstance(end, dt.datetime):
        raise ValueError("start and end must both be dates or both datetimes")
    return day_span(start, end if end is not None else start)


def month_heading(year: int, month: int) -> str:
    """A month as a heading in the list of upcoming events: ``Mars 2025``."""
    return f"{MONTHS[month - 1].capitalize()} {year}"


def day_and_time(value: dt.date) -> str:
    """When a page was published or updated: ``30. juni 2020``, with a time ``30. juni 2020 kl. 11.41``.

    A datetime is shown in Norwegian time; a plain date has no time to show.
    """
    if isinstance(value, dt.datetime):
        local = value.astimezone(oslo())
        return f"{norwegian_date(local.date())} kl. {clock(local)}"
    return norwegian_date(value)


def iso_moment(value: dt.date) -> str:
    """A date as ``2020-06-30``; a datetime in Norwegian time with its offset: ``2020-06-30T11:41:00+02:00``."""
    if isinstance(value, dt.datetime):
        return value.astimezone(oslo()).isoformat(timespec="seconds")
    return value.isoformat()
