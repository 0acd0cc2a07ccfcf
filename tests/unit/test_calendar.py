"""iCalendar files of events, read back by two independent parsers: ``icalendar`` and the strict ``ical``."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream
from ical.event import EventStatus as IcalStatus
from kompetansebroen.feeds.calendar import (
    CalendarSite,
    event_calendar,
    event_uid,
    oslo_timezone,
    oslo_transitions,
    region_calendar,
    revision_key,
)
from kompetansebroen.model.events import Event, EventFormat, EventStatus
from kompetansebroen.model.revisions import Revision

OSLO = ZoneInfo("Europe/Oslo")
TODAY = dt.date(2025, 3, 14)
SITE = CalendarSite("kompetansebroen.example", "https://kompetansebroen.example/innlandet/", "Innlandet")
OTHER_REGION = CalendarSite("kompetansebroen.example", "https://kompetansebroen.example/ahus/", "Ahus")


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=OSLO)


def event(name: str, start: dt.date, end: dt.date | None = None, **changes) -> Event:
    fields = {
        "path": f"arrangementer/{name}.md",
        "title": f"Arrangement {name}",
        "description": "Om arrangementet.",
        "start": start,
        "end": end,
        "format": EventFormat.PHYSICAL,
        "place": "Auditoriet, Sykehuset Innlandet Hamar",
        "organiser": "Sykehuset Innlandet",
    }
    return Event(**(fields | changes))


FAGDAG = event(
    "fagdag",
    at(2025, 6, 12, 9),
    at(2025, 6, 12, 15, 30),
    title="Fagdag: demens, delirium; og samhandling",
    description="Første linje.\nAndre linje, med komma; og semikolon.",
    contact="fagdag@eksempel.no",
    registration_url="https://skjema.eksempel.no/fagdag",
    registration_deadline=dt.date(2025, 6, 1),
    audience=("Sykepleiere", "Leger"),
    price="Gratis",
    tags=("Skrøpelige eldre", "Kompetanse"),
)


def both(ics: bytes) -> tuple[icalendar.Calendar, object]:
    """The calendar as ``icalendar`` and as ``ical`` read it; both must accept it."""
    return icalendar.Calendar.from_ical(ics), IcsCalendarStream.calendar_from_ics(ics.decode("utf-8"))


def lines(ics: bytes) -> list[bytes]:
    assert ics.endswith(b"\r\n")
    return ics[:-2].split(b"\r\n")


def unfolded(ics: bytes) -> list[str]:
    return ics.decode("utf-8").replace("\r\n ", "").split("\r\n")


# -- one event ---------------------------------------------------------------------------


def test_one_event_reads_back_the_same_in_both_parsers() -> None:
    ics = event_calendar(FAGDAG, SITE, TODAY)
    ours, strict = both(ics)
    [vevent] = ours.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == FAGDAG.title
    assert str(vevent["DESCRIPTION"]).startswith("Første linje.\nAndre linje, med komma; og semikolon.\n\n")
    assert vevent.decoded("DTSTART") == at(2025, 6, 12, 9)
    [item] = strict.events
    assert item.summary == FAGDAG.title
    assert item.dtstart == at(2025, 6, 12, 9)
    assert item.dtend == at(2025, 6, 12, 15, 30)
    assert item.dtstart.astimezone(dt.UTC) == dt.datetime(2025, 6, 12, 7, 0, tzinfo=dt.UTC)
    assert item.location == "Auditoriet, Sykehuset Innlandet Hamar"
    assert item.url == "https://kompetansebroen.example/innlandet/arrangementer/fagdag/"
    assert item.organizer.uri == "mailto:fagdag@eksempel.no"
    assert item.organizer.common_name == "Sykehuset Innlandet"
    assert item.categories == ["Skrøpelige eldre", "Kompetanse"]
    assert item.status == IcalStatus.CONFIRMED
    assert item.sequence == 0
    for detail in (
        "Tid: torsdag 12. juni 2025 kl. 09.00–15.30",
        "Arrangør: Sykehuset Innlandet",
        "Målgruppe: Sykepleiere, Leger",
        "Pris: Gratis",
        "Påmelding: https://skjema.eksempel.no/fagdag (frist 1. juni 2025)",
        "Mer informasjon: https://kompetansebroen.example/innlandet/arrangementer/fagdag/",
    ):
        assert detail in item.description.split("\n")


def test_times_are_written_with_the_oslo_tzid() -> None:
    text = unfolded(event_calendar(FAGDAG, SITE, TODAY))
    assert "DTSTART;TZID=Europe/Oslo:20250612T090000" in text
    assert "DTEND;TZID=Europe/Oslo:20250612T153000" in text
    assert "X-WR-TIMEZONE:Europe/Oslo" in text


def test_text_is_escaped_as_rfc_5545_says() -> None:
    text = unfolded(event_calendar(FAGDAG, SITE, TODAY))
    assert "SUMMARY:Fagdag: demens\\, delirium\\; og samhandling" in text
    description = next(line for line in text if line.startswith("DESCRIPTION:"))
    assert description.startswith("DESCRIPTION:Første linje.\\nAndre linje\\, med komma\\; og semikolon.\\n")
    assert "LOCATION:Auditoriet\\, Sykehuset Innlandet Hamar" in text


def test_lines_are_crlf_and_folded_at_75_octets_without_splitting_a_letter() -> None:
    long = event("lang", at(2025, 6, 12, 9), description="Æøå " * 60)
    for line in lines(event_calendar(long, SITE, TODAY)):
        assert len(line) <= 75
        line.decode("utf-8")  # a fold never cuts a multi-byte letter in two
    assert any(line.startswith(b" ") for line in lines(event_calendar(long, SITE, TODAY)))


def test_an_all_day_event_has_dates_and_an_exclusive_end() -> None:
    two_days = event("seminar", dt.date(2025, 3, 14), dt.date(2025, 3, 15))
    text = unfolded(event_calendar(two_days, SITE, TODAY))
    assert "DTSTART;VALUE=DATE:20250314" in text
    assert "DTEND;VALUE=DATE:20250316" in text
    [item] = both(event_calendar(two_days, SITE, TODAY))[1].events
    assert (item.dtstart, item.dtend) == (dt.date(2025, 3, 14), dt.date(2025, 3, 16))


def test_a_one_day_event_ends_the_next_day_and_a_timed_one_without_end_has_no_dtend() -> None:
    one_day = unfolded(event_calendar(event("dag", dt.date(2025, 12, 31)), SITE, TODAY))
    assert "DTEND;VALUE=DATE:20260101" in one_day
    open_ended = unfolded(event_calendar(event("kveld", at(2025, 3, 14, 18)), SITE, TODAY))
    assert not any(line.startswith("DTEND") for line in open_ended)


def test_a_cancelled_event_says_so_and_supersedes_the_announcement() -> None:
    cancelled = dataclasses.replace(FAGDAG, status=EventStatus.CANCELLED)
    text = unfolded(event_calendar(cancelled, SITE, TODAY))
    assert "STATUS:CANCELLED" in text
    assert "SEQUENCE:1" in text
    [item] = both(event_calendar(cancelled, SITE, TODAY))[1].events
    assert item.status == IcalStatus.CANCELLED
    assert item.summary == "AVLYST: " + FAGDAG.title
    assert item.description.startswith("Arrangementet er avlyst.\n")


def test_organizer_only_with_a_contact_and_a_digital_event_is_marked() -> None:
    online = event("nett", at(2025, 3, 20, 14), format=EventFormat.DIGITAL, place=None)
    text = unfolded(event_calendar(online, SITE, TODAY))
    assert not any(line.startswith("ORGANIZER") for line in text)
    assert "LOCATION:Digitalt" in text
    hybrid = event("hybrid", at(2025, 3, 20, 14), format=EventFormat.HYBRID, place="Storsalen")
    assert "LOCATION:Storsalen (også digitalt)" in unfolded(event_calendar(hybrid, SITE, TODAY))


def test_the_calendar_header() -> None:
    text = unfolded(event_calendar(FAGDAG, SITE, TODAY))
    assert text[:5] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Kompetansebroen//Kurs og arrangementer//NB",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    # Only the subscription has a name: on one event's file it would make some apps add a calendar.
    assert not any(line.startswith("X-WR-CALNAME") for line in text)


# -- identity and reproducibility --------------------------------------------------------


def test_the_same_input_gives_the_same_bytes() -> None:
    assert event_calendar(FAGDAG, SITE, TODAY) == event_calendar(FAGDAG, SITE, TODAY)
    events = [FAGDAG, event("b", dt.date(2025, 4, 1))]
    assert region_calendar(events, SITE, TODAY) == region_calendar(list(reversed(events)), SITE, TODAY)


def test_the_uid_comes_from_the_path_and_the_host_only() -> None:
    uid = event_uid("arrangementer/fagdag.md", "kompetansebroen.example")
    assert uid.endswith("@kompetansebroen.example")
    assert len(uid.split("@")[0]) == 32
    retitled = dataclasses.replace(
        FAGDAG, title="Ny tittel", start=at(2025, 6, 13, 9), end=None, origin="ahus"
    )
    uids = {
        both(event_calendar(FAGDAG, SITE, TODAY))[1].events[0].uid,
        both(event_calendar(FAGDAG, SITE, TODAY))[1].events[0].uid,
        both(event_calendar(retitled, OTHER_REGION, TODAY))[1].events[0].uid,
    }
    assert uids == {uid}
    assert event_uid("arrangementer/annet.md", "kompetansebroen.example") != uid


def test_without_a_revision_the_stamp_is_the_build_date_and_a_cancellation_is_sequence_1() -> None:
    text = unfolded(event_calendar(FAGDAG, SITE, TODAY))
    assert "DTSTAMP:20250314T000000Z" in text and "SEQUENCE:0" in text
    later = unfolded(event_calendar(FAGDAG, SITE, dt.date(2025, 3, 15)))
    assert "DTSTAMP:20250315T000000Z" in later


def test_a_revision_gives_the_stamp_and_the_sequence() -> None:
    revision = Revision(dt.datetime(2025, 2, 3, 10, 11, 12, tzinfo=dt.UTC), 3)
    [item] = both(event_calendar(FAGDAG, SITE, TODAY, revision))[1].events
    assert item.dtstamp == revision.stamp and item.sequence == 3
    cancelled = dataclasses.replace(FAGDAG, status=EventStatus.CANCELLED)
    unknown_to_git = Revision(None, 2)
    text = unfolded(event_calendar(cancelled, SITE, TODAY, unknown_to_git))
    assert "DTSTAMP:20250314T000000Z" in text and "SEQUENCE:2" in text
    events = [FAGDAG, event("b", dt.date(2025, 4, 1))]
    region = both(region_calendar(events, SITE, TODAY, {revision_key(FAGDAG): revision}))
    sequences = {item.uid: (item.dtstamp, item.sequence) for item in region[1].events}
    assert sequences == {
        event_uid(FAGDAG.path, SITE.host): (revision.stamp, 3),
        event_uid("arrangementer/b.md", SITE.host): (dt.datetime(2025, 3, 14, tzinfo=dt.UTC), 0),
    }


# -- the time zone -----------------------------------------------------------------------


def onsets(ics: bytes) -> list[tuple[str, str, str, str]]:
    """(kind, DTSTART, TZOFFSETFROM, TZOFFSETTO) of every part of the VTIMEZONE, as written."""
    found: list[tuple[str, str, str, str]] = []
    part: dict[str, str] = {}
    for line in unfolded(ics):
        name, _, value = line.partition(":")
        if line in ("BEGIN:STANDARD", "BEGIN:DAYLIGHT"):
            part = {"kind": value}
        elif line in ("END:STANDARD", "END:DAYLIGHT"):
            found.append((part["kind"], part["DTSTART"], part["TZOFFSETFROM"], part["TZOFFSETTO"]))
            part = {}
        elif part:
            part[name] = value
    assert len(icalendar.Calendar.from_ical(ics).walk("VTIMEZONE")) == 1
    return found


def test_the_vtimezone_holds_the_changes_of_the_years_used_only() -> None:
    assert onsets(event_calendar(FAGDAG, SITE, TODAY)) == [
        ("STANDARD", "20241027T030000", "+0200", "+0100"),  # in effect on 1 January 2025
        ("DAYLIGHT", "20250330T020000", "+0100", "+0200"),
        ("STANDARD", "20251026T030000", "+0200", "+0100"),
    ]
    over_new_year = event("nyttar", dt.date(2025, 12, 30), dt.date(2026, 1, 2))
    assert [start for _, start, _, _ in onsets(event_calendar(over_new_year, SITE, TODAY))] == [
        "20241027T030000",
        "20250330T020000",
        "20251026T030000",
        "20260329T020000",
        "20261025T030000",
    ]


def test_each_onset_is_written_in_the_offset_before_it_as_rfc_5545_says() -> None:
    """DTSTART minus TZOFFSETFROM is the instant of the change, as the time-zone database has it."""
    for change in oslo_transitions(2024, 2026):
        assert change.local_onset - change.offset_before == change.at.replace(tzinfo=None)
        just_before = change.at - dt.timedelta(seconds=1)
        assert just_before.astimezone(OSLO).utcoffset() == change.offset_before
        assert change.at.astimezone(OSLO).utcoffset() == change.offset_after
        assert change.at.minute == 0 and change.at.hour == 1  # 01:00 UTC in the EU


def test_a_client_that_only_has_our_vtimezone_converts_correctly() -> None:
    """icalendar builds a tzinfo from the VTIMEZONE alone; it must agree with zoneinfo around every change."""
    ics = event_calendar(event("nyttar", dt.date(2025, 1, 1), dt.date(2026, 12, 31)), SITE, TODAY)
    [timezone] = icalendar.Calendar.from_ical(ics).walk("VTIMEZONE")
    from_file = timezone.to_tz()
    for change in oslo_transitions(2025, 2026):
        for seconds in (-1800, 1800):
            instant = change.at + dt.timedelta(seconds=seconds)
            assert instant.astimezone(from_file).utcoffset() == instant.astimezone(OSLO).utcoffset()
    both(ics)  # and ical accepts the VTIMEZONE too


def test_the_vtimezone_for_one_year_alone() -> None:
    component = oslo_timezone(2030, 2030)
    assert component["TZID"] == "Europe/Oslo"
    assert [part.name for part in component.subcomponents] == ["STANDARD", "DAYLIGHT", "STANDARD"]
    with pytest.raises(ValueError):
        oslo_transitions(2031, 2030)


# -- the region's calendar ---------------------------------------------------------------


def test_the_region_calendar_holds_the_events_given_and_is_named_for_the_region() -> None:
    events = [
        FAGDAG,
        event("seminar", dt.date(2025, 4, 2), dt.date(2025, 4, 3)),
        event("avlyst", at(2025, 5, 5, 12), status=EventStatus.CANCELLED),
    ]
    ics = region_calendar(events, SITE, TODAY)
    ours, strict = both(ics)
    assert {item.uid for item in strict.events} == {event_uid(item.path, SITE.host) for item in events}
    assert [item.summary for item in strict.events] == [
        "Arrangement seminar",
        "AVLYST: Arrangement avlyst",
        FAGDAG.title,
    ]
    assert {item.uid: item.status for item in strict.events}[
        event_uid("arrangementer/avlyst.md", SITE.host)
    ] == (IcalStatus.CANCELLED)
    text = unfolded(ics)
    assert "X-WR-CALNAME:Kurs og arrangementer – Kompetansebroen Innlandet" in text
    assert "NAME:Kurs og arrangementer – Kompetansebroen Innlandet" in text
    assert "URL:https://kompetansebroen.example/innlandet/arrangementer/" in text
    assert "REFRESH-INTERVAL;VALUE=DURATION:P1D" in text
    assert "X-PUBLISHED-TTL:P1D" in text
    assert len(ours.walk("VTIMEZONE")) == 1


def test_the_region_calendar_keeps_twelve_months_back_and_everything_ahead() -> None:
    events = [
        event("for-gammel", dt.date(2024, 3, 13)),
        event("tolv-maaneder", dt.date(2024, 3, 14)),
        event("i-host", at(2024, 10, 1, 9), status=EventStatus.CANCELLED),
        event("neste-aar", at(2026, 9, 1, 9)),
    ]
    strict = both(region_calendar(events, SITE, TODAY))[1]
    uids = {item.uid for item in strict.events}
    assert uids == {
        event_uid(f"arrangementer/{name}.md", SITE.host) for name in ("tolv-maaneder", "i-host", "neste-aar")
    }
    # The time zone covers the years of the events in the file, not of those left out.
    assert onsets(region_calendar(events, SITE, TODAY))[0][1] == "20231029T030000"
    assert onsets(region_calendar(events, SITE, TODAY))[-1][1] == "20261025T030000"


def test_an_empty_region_calendar_is_still_a_valid_calendar() -> None:
    ics = region_calendar([], SITE, TODAY)
    ours, strict = both(ics)
    assert strict.events == []
    assert ours.walk("VEVENT") == []
    assert onsets(ics)[1][1] == "20250330T020000"
