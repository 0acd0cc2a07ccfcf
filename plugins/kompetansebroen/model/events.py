"""Courses and events (*kurs og arrangementer*): what one event is, once its front matter is read.

Times are Norwegian: an event with a time of day has ``start`` (and ``end``)
as datetimes in ``Europe/Oslo``; an all-day event has plain dates and may span
several days, with ``end`` the last day (inclusive, as editors write it).
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..text import event_times
from ..text.event_times import oslo
from ..text.urls import page_url

FEED_MONTHS = 12
"""How far back a region's calendar file reaches: events that ended in the last 12 months stay in it."""


class EventFormat(enum.StrEnum):
    """How people take part: on site, online, or either."""

    PHYSICAL = "fysisk"
    DIGITAL = "digitalt"
    HYBRID = "hybrid"

    @property
    def label(self) -> str:
        """How pages show the format: «Fysisk oppmøte», «Digitalt», «Fysisk og digitalt»."""
        return {"fysisk": "Fysisk oppmøte", "digitalt": "Digitalt", "hybrid": "Fysisk og digitalt"}[
            self.value
        ]


class EventStatus(enum.StrEnum):
    """``avlyst`` events stay listed and in the calendars, marked as cancelled."""

    PLANNED = "planlagt"
    CANCELLED = "avlyst"

    @property
    def label(self) -> str:
        """How the browser editor's list shows the status: «Planlagt», «Avlyst»."""
        return self.value.capitalize()


EventTime = dt.date | dt.datetime
"""A day (all-day event) or an aware ``Europe/Oslo`` datetime. A datetime *is* a date: test it first."""


def is_timed(value: EventTime) -> bool:
    """Whether ``value`` has a time of day (``datetime`` is a subclass of ``date``)."""
    return isinstance(value, dt.datetime)


def local_day(value: EventTime) -> dt.date:
    """The calendar day of ``value`` in Norwegian time."""
    if isinstance(value, dt.datetime):
        return value.astimezone(oslo()).date()
    return value


@dataclass(frozen=True)
class Event:
    """One course or event.

    ``path`` is relative to the tree it comes from (``arrangementer/fagdag.md``)
    and so the same for a shared file and a region's replacement of it; it is
    what calendar UIDs are made from. ``origin`` is ``None`` for shared content
    or the region id.
    """

    path: str
    title: str
    description: str
    start: EventTime
    format: EventFormat
    organiser: str
    end: EventTime | None = None
    place: str | None = None
    registration_url: str | None = None
    registration_deadline: dt.date | None = None
    audience: tuple[str, ...] = ()
    price: str | None = None
    contact: str | None = None
    tags: tuple[str, ...] = ()
    status: EventStatus = EventStatus.PLANNED
    origin: str | None = None
    fingerprint: str = field(default="", compare=False)
    """The source file's hash, when the loader knows it (not used for identity)."""

    def __post_init__(self) -> None:
        # Validation reports these to editors; here they guard the functions that rely on them.
        for name in ("start", "end"):
            value = getattr(self, name)
            if isinstance(value, dt.datetime) and value.tzinfo is None:
                raise ValueError(f"{self.path}: {name} must be an aware datetime")
        if self.end is not None:
            if is_timed(self.start) != is_timed(self.end):
                raise ValueError(f"{self.path}: start and end must both be dates or both datetimes")
            if _ordinal(self.end) < _ordinal(self.start):
                raise ValueError(f"{self.path}: end is before start")

    @classmethod
    def from_meta(
        cls, path: str, meta: Mapping[str, Any], *, origin: str | None = None, fingerprint: str = ""
    ) -> Event:
        """The event described by validated front matter (the values of the event schema)."""
        return cls(
            path=path,
            title=meta["title"],
            description=meta["description"],
            start=meta["start"],
            end=meta.get("end"),
            format=EventFormat(meta["format"]),
            organiser=meta["organiser"],
            place=meta.get("place"),
            registration_url=meta.get("registration_url"),
            registration_deadline=meta.get("registration_deadline"),
            audience=tuple(meta.get("audience", ())),
            price=meta.get("price"),
            contact=meta.get("contact"),
            tags=tuple(meta.get("tags", ())),
            status=EventStatus(meta.get("status", EventStatus.PLANNED.value)),
            origin=origin,
            fingerprint=fingerprint,
        )

    @property
    def all_day(self) -> bool:
        return not is_timed(self.start)

    @property
    def cancelled(self) -> bool:
        return self.status is EventStatus.CANCELLED

    @property
    def first_day(self) -> dt.date:
        """The day the event starts, in Norwegian time."""
        return local_day(self.start)

    @property
    def last_day(self) -> dt.date:
        """The day the event ends (its start day when it has no end), in Norwegian time."""
        return local_day(self.end if self.end is not None else self.start)

    @property
    def when(self) -> str:
        """In Norwegian: «torsdag 13. mars 2025 kl. 09.00–15.30», «14.–15. mars 2025»."""
        return event_times.when(self.start, self.end)

    @property
    def ends_at(self) -> dt.datetime:
        """The moment the event is over: its end, or the end of its last day in Norwegian time.

        An event with a start time and no end counts as lasting the rest of its day.
        """
        if isinstance(self.end, dt.datetime):
            return self.end
        next_day = self.last_day + dt.timedelta(days=1)
        return dt.datetime.combine(next_day, dt.time(0), tzinfo=oslo())

    def registration_open(self, today: dt.date) -> bool:
        """Whether «Meld deg på» is shown: a sign-up link, not cancelled, not over, the deadline not passed."""
        if self.registration_url is None or self.cancelled or self.last_day < today:
            return False
        return self.registration_deadline is None or self.registration_deadline >= today

    @property
    def registration_closes_at(self) -> dt.datetime:
        """When sign-up closes: the end of the deadline day, else when the event is over (Norwegian time)."""
        if self.registration_deadline is None:
            return self.ends_at
        next_day = self.registration_deadline + dt.timedelta(days=1)
        return dt.datetime.combine(next_day, dt.time(0), tzinfo=oslo())

    @property
    def url(self) -> str:
        """The event page, relative to the region root (``arrangementer/fagdag/``)."""
        return page_url(self.path)

    @property
    def sort_key(self) -> tuple[float, str, str]:
        """Chronological order; all-day events come before timed ones on the same day."""
        return (_ordinal(self.start), self.title.casefold(), self.path)


def _ordinal(value: EventTime) -> float:
    """A number that orders days and instants together: a day counts as its midnight in Oslo."""
    if isinstance(value, dt.datetime):
        return value.timestamp()
    return dt.datetime.combine(value, dt.time(0), tzinfo=oslo()).timestamp()


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier, or the month's last day when it is shorter (31 → 30, 29 Feb → 28)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def calendar_window(events: Iterable[Event], today: dt.date, months: int = FEED_MONTHS) -> list[Event]:
    """What a region's calendar file holds: upcoming events and those whose last day is within ``months``.

    In chronological order. The window keeps a subscriber's recent history
    (and cancellations of recent events) without the file growing for ever.
    """
    since = months_before(today, months)
    return sorted((event for event in events if event.last_day >= since), key=lambda e: e.sort_key)
