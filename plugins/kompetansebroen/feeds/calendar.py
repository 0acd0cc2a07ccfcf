"""Events as iCalendar (RFC 5545) files readers can subscribe to or add to their own calendar.

Two files: one per event (``arrangementer/<navn>/kalender.ics``) and one per
region (``arrangementer/kalender.ics``) with upcoming events and those of the
last 12 months. ``icalendar`` writes them, so text is escaped (``,`` ``;``
``\\`` and newlines) and lines are folded at 75 octets as the RFC says. The
output depends only on the input: the same events give byte-identical files.

Identity and versions
    ``UID`` is ``<hash of the source path>@<site host>``. The path is the one
    inside ``content/`` or ``regions/<id>/`` (``arrangementer/fagdag.md``), so an
    event keeps its UID across builds, across edits of its text and across a
    region's replacement of a shared file; only renaming the file makes a new
    event. ``DTSTAMP`` and ``SEQUENCE`` come from the event's revision, which
    git's history gives (project/event_history.py): the stamp is the newest
    commit time of the event's file, and the sequence counts the changes of
    its time, place or status, so both grow as the event changes and neither
    depends on the clock. For a file git does not know, the stamp is the build
    date (00:00 UTC; the build is dated by its content) and the sequence 1 for
    a cancelled event, else 0.

Time zone
    Times are written ``DTSTART;TZID=Europe/Oslo:20250314T090000`` with a
    ``VTIMEZONE`` for Europe/Oslo that holds the changes to and from summer time
    in the years the calendar's events fall in (plus the change before, which is
    in effect on 1 January). We compute it from the system's time-zone data
    rather than with ``icalendar.Timezone.from_tzid``: that one writes the
    spring change at 03:00, the first time after it, where RFC 5545 wants the
    onset in the offset before it (02:00 with ``TZOFFSETFROM:+0100``), an hour
    late for a client that follows the RFC. All-day events use ``VALUE=DATE``
    with the day after the last day as the (exclusive) ``DTEND``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress, vDuration, vText
from icalendar import Event as VEvent

from ..model.events import Event, EventFormat, calendar_window
from ..model.kinds import Kind
from ..model.revisions import Revision, RevisionKey
from ..text.dates import norwegian_date
from ..text.event_times import TIME_ZONE, oslo

PRODUCT_ID = "-//Kompetansebroen//Kurs og arrangementer//NB"
REFRESH = dt.timedelta(days=1)
"""How often subscribers are asked to fetch the region calendar again."""
CANCELLED_PREFIX = "AVLYST: "
"""Many calendar apps do not show STATUS:CANCELLED; the title says it too."""


@dataclass(frozen=True)
class CalendarSite:
    """What the calendars say about where they come from."""

    host: str
    """The site's host, the right-hand side of every UID: ``kompetansebroen.example``."""
    region_url: str
    """Absolute URL of the region's home, ending in ``/``: ``https://kompetansebroen.example/innlandet/``."""
    region_name: str
    """Display name: ``Innlandet``."""
    site_name: str = "Kompetansebroen"

    @property
    def calendar_name(self) -> str:
        """``Kurs og arrangementer – Kompetansebroen Innlandet``."""
        return f"Kurs og arrangementer \u2013 {self.site_name} {self.region_name}"


def event_uid(path: str, host: str) -> str:
    """``arrangementer/fagdag.md`` on ``kompetansebroen.example`` → ``<32 hex digits>@kompetansebroen.example``."""
    digest = hashlib.sha256(path.encode("utf-8")).hexdigest()[:32]
    return f"{digest}@{host}"


def revision_key(event: Event) -> RevisionKey:
    """The key of the event's revision: where its file is (``None`` for ``content/``) and its path there."""
    return (event.origin, event.path)


def stamp_and_sequence(event: Event, revision: Revision | None, today: dt.date) -> tuple[dt.datetime, int]:
    """The event's DTSTAMP and SEQUENCE: its revision's, or the build date and 0 (1 once cancelled)."""
    stamp = revision.stamp if revision is not None else None
    if stamp is None:
        stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    sequence = revision.sequence if revision is not None else (1 if event.cancelled else 0)
    return stamp, sequence


def event_calendar(
    event: Event, site: CalendarSite, today: dt.date, revision: Revision | None = None
) -> bytes:
    """The calendar file of one event, for «Legg til i kalender»; ``today`` is the build date."""
    calendar = _calendar(site, subscription=False)
    calendar.add_component(oslo_timezone(*_years([event], fallback=event.first_day.year)))
    calendar.add_component(_vevent(event, site, stamp_and_sequence(event, revision, today)))
    return calendar.to_ical()


def region_calendar(
    events: Iterable[Event],
    site: CalendarSite,
    today: dt.date,
    revisions: Mapping[RevisionKey, Revision] | None = None,
) -> bytes:
    """The region's calendar to subscribe to: upcoming events and those of the last 12 months.

    ``events`` are the region's events (its merged view); the window is decided
    against ``today``, the build date in Norwegian time. ``revisions`` by
    :func:`revision_key`.
    """
    chosen = calendar_window(events, today)
    calendar = _calendar(site, subscription=True)
    calendar.add_component(oslo_timezone(*_years(chosen, fallback=today.year)))
    for event in sorted(chosen, key=lambda e: (e.sort_key, event_uid(e.path, site.host))):
        revision = (revisions or {}).get(revision_key(event))
        calendar.add_component(_vevent(event, site, stamp_and_sequence(event, revision, today)))
    return calendar.to_ical()


def _calendar(site: CalendarSite, *, subscription: bool) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if subscription:
        # A name only on the subscription: on a single event's file it makes some apps create a new calendar.
        calendar.add("name", site.calendar_name)
        calendar.add("x-wr-calname", site.calendar_name)
        description = f"Kurs og arrangementer for helsefellesskapet i {site.region_name}."
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", description)
        calendar.add("url", f"{site.region_url}{Kind.EVENT.folder}/")
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        # An X- property has no known type: without vDuration it would be written as «1 day, 0:00:00».
        calendar.add("x-published-ttl", vDuration(REFRESH))
    calendar.add("x-wr-timezone", TIME_ZONE)
    return calendar


def _vevent(event: Event, site: CalendarSite, version: tuple[dt.datetime, int]) -> VEvent:
    page = site.region_url + event.url
    component = VEvent()
    component.add("uid", event_uid(event.path, site.host))
    component.add("dtstamp", version[0])
    component.add("sequence", version[1])
    if isinstance(event.start, dt.datetime):
        component.add("dtstart", event.start.astimezone(oslo()))
        if isinstance(event.end, dt.datetime):
            component.add("dtend", event.end.astimezone(oslo()))
    else:
        component.add("dtstart", event.start)
        # DTEND of a date is exclusive: the day after the last day.
        component.add("dtend", event.last_day + dt.timedelta(days=1))
    component.add("summary", (CANCELLED_PREFIX if event.cancelled else "") + event.title)
    component.add("description", _description(event, page))
    component.add("location", _location(event))
    component.add("url", page)
    if event.contact:
        organiser = vCalAddress(f"mailto:{event.contact}")
        organiser.params["CN"] = vText(event.organiser)
        component.add("organizer", organiser)
    if event.tags:
        component.add("categories", list(event.tags))
    component.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    return component


def _location(event: Event) -> str:
    if event.format is EventFormat.DIGITAL:
        return event.place or "Digitalt"
    if event.format is EventFormat.HYBRID:
        return f"{event.place} (også digitalt)"
    return event.place or ""


def _description(event: Event, page: str) -> str:
    """The event's description followed by its practical details, one per line."""
    lines = []
    if event.cancelled:
        lines += ["Arrangementet er avlyst.", ""]
    lines += [event.description, "", f"Tid: {event.when}", f"Sted: {_location(event)}"]
    lines.append(f"Arrangør: {event.organiser}")
    if event.audience:
        lines.append(f"Målgruppe: {', '.join(event.audience)}")
    if event.price:
        lines.append(f"Pris: {event.price}")
    if event.registration_url:
        deadline = (
            f" (frist {norwegian_date(event.registration_deadline)})" if event.registration_deadline else ""
        )
        lines.append(f"Påmelding: {event.registration_url}{deadline}")
    elif event.registration_deadline:
        lines.append(f"Påmeldingsfrist: {norwegian_date(event.registration_deadline)}")
    if event.contact:
        lines.append(f"Kontakt: {event.contact}")
    lines.append(f"Mer informasjon: {page}")
    return "\n".join(lines)


def _years(events: Iterable[Event], *, fallback: int) -> tuple[int, int]:
    """The first and last year any of ``events`` touches, or ``fallback`` alone when there are none."""
    days = [day for event in events for day in (event.first_day, event.last_day)]
    if not days:
        return fallback, fallback
    return min(days).year, max(days).year


# -- the time zone ---------------------------------------------------------------------


@dataclass(frozen=True)
class Transition:
    """One change of UTC offset: the instant (UTC), the offsets before and after, the name after."""

    at: dt.datetime
    offset_before: dt.timedelta
    offset_after: dt.timedelta
    name: str
    summer: bool

    @property
    def local_onset(self) -> dt.datetime:
        """The onset as RFC 5545 writes it: wall time in the offset *before* the change, without a zone."""
        return (self.at + self.offset_before).replace(tzinfo=None)


def oslo_timezone(first_year: int, last_year: int) -> Timezone:
    """A VTIMEZONE for Europe/Oslo valid from 1 January ``first_year`` to 31 December ``last_year``.

    One STANDARD or DAYLIGHT part per change of offset: the change in effect
    on 1 January of ``first_year`` and every change up to the end of
    ``last_year``. Explicit changes rather than yearly rules, so the component
    says exactly what the time-zone database says for those years.
    """
    timezone = Timezone()
    timezone.add("tzid", TIME_ZONE)
    for change in oslo_transitions(first_year, last_year):
        part = TimezoneDaylight() if change.summer else TimezoneStandard()
        part.add("dtstart", change.local_onset)
        part.add("tzoffsetfrom", change.offset_before)
        part.add("tzoffsetto", change.offset_after)
        part.add("tzname", change.name)
        timezone.add_component(part)
    return timezone


@cache
def oslo_transitions(first_year: int, last_year: int) -> tuple[Transition, ...]:
    """Europe/Oslo's offset changes from the one in effect on 1 January ``first_year`` to the end of ``last_year``."""
    if last_year < first_year:
        raise ValueError(f"last_year {last_year} is before first_year {first_year}")
    zone = oslo()
    start = dt.datetime(first_year, 1, 1, tzinfo=zone).astimezone(dt.UTC)
    stop = dt.datetime(last_year + 1, 1, 1, tzinfo=zone).astimezone(dt.UTC)
    changes = _changes(start, stop)
    before = _changes(start - dt.timedelta(days=2 * 366), start)
    if before:
        return (before[-1], *changes)
    # No change in the two years before: a zone without summer time then; say its offset holds from the start.
    offset = start.astimezone(zone).utcoffset() or dt.timedelta(0)
    steady = Transition(start, offset, offset, start.astimezone(zone).tzname() or TIME_ZONE, _summer(start))
    return (steady, *changes)


def _offset(moment: dt.datetime) -> dt.timedelta:
    return moment.astimezone(oslo()).utcoffset() or dt.timedelta(0)


def _summer(moment: dt.datetime) -> bool:
    return bool(moment.astimezone(oslo()).dst())


def _changes(start: dt.datetime, stop: dt.datetime) -> list[Transition]:
    """Every change of offset in [start, stop), found day by day and then to the second by halving."""
    found: list[Transition] = []
    step = dt.timedelta(days=1)
    low = start
    while low < stop:
        high = min(low + step, stop)
        if _offset(low) != _offset(high):
            before, a, b = _offset(low), low, high
            while b - a > dt.timedelta(seconds=1):
                middle = a + (b - a) / 2
                middle = middle.replace(microsecond=0)
                if _offset(middle) == before:
                    a = middle
                else:
                    b = middle
            local = b.astimezone(oslo())
            found.append(Transition(b, before, _offset(b), local.tzname() or TIME_ZONE, _summer(b)))
        low = high
    return found
