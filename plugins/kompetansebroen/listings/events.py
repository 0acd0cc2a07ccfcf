"""Which events a region lists where: upcoming by month, past ones newest first, the next few, by topic.

«Upcoming» is decided against the build date — a day, not a moment: an event
is upcoming until the end of its last day in Norwegian time, so a course that
runs today is still listed as upcoming all day, and a multi-day event stays
upcoming until its last day is over. The build date is today in Norwegian
time, or ``SOURCE_DATE_EPOCH`` when set, so that a rebuild of the same content
on the same day gives the same pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from ..model.events import Event
from ..project.build_date import build_today


def is_upcoming(event: Event, today: dt.date) -> bool:
    """Whether the event's last day is today or later."""
    return event.last_day >= today


def upcoming(events: Iterable[Event], today: dt.date) -> list[Event]:
    """Events not yet over, soonest first (cancelled ones too: readers who planned to go need to know)."""
    return sorted((event for event in events if is_upcoming(event, today)), key=lambda e: e.sort_key)


def past(events: Iterable[Event], today: dt.date) -> list[Event]:
    """Events that are over, the most recent first."""
    over = [event for event in events if not is_upcoming(event, today)]
    # Newest first, with ties in the same order as upcoming lists (title, then path).
    return sorted(over, key=lambda e: (-e.sort_key[0], e.sort_key[1], e.sort_key[2]))


@dataclass(frozen=True)
class MonthGroup:
    """The upcoming events that start in one month."""

    year: int
    month: int
    events: tuple[Event, ...]


def upcoming_by_month(events: Iterable[Event], today: dt.date) -> list[MonthGroup]:
    """Upcoming events grouped by the month they start in, months and events in ascending order.

    An event that began last month and is still running is listed under the
    month it began, which is then the first group.
    """
    return [
        MonthGroup(year, month, tuple(group))
        for (year, month), group in groupby(
            upcoming(events, today), key=lambda e: (e.first_day.year, e.first_day.month)
        )
    ]


def next_events(
    events: Iterable[Event], today: dt.date, count: int, *, include_cancelled: bool = False
) -> list[Event]:
    """The ``count`` soonest upcoming events, for a home page or a hub.

    Cancelled events are left out by default: a short teaser list should show
    what one can still attend; the full listing shows them, marked.
    """
    chosen = (event for event in upcoming(events, today) if include_cancelled or not event.cancelled)
    return [event for _, event in zip(range(max(count, 0)), chosen, strict=False)]


def with_topic(events: Iterable[Event], topic: str) -> list[Event]:
    """The events tagged with ``topic``, in chronological order."""
    return sorted((event for event in events if topic in event.tags), key=lambda e: e.sort_key)


__all__ = [
    "MonthGroup",
    "build_today",
    "is_upcoming",
    "next_events",
    "past",
    "upcoming",
    "upcoming_by_month",
    "with_topic",
]
