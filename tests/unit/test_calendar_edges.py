"""Calendars at the edges: the night the clock changes, an end before the start, far years, long letters.

Each case is decided where an editor can be told (the event's fields) or
proved in what the calendar writes, read back by both parsers (``icalendar``
and the strict ``ical``).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import yaml
from kompetansebroen.content_types.registry import content_type
from kompetansebroen.content_types.spec import Vocabulary
from kompetansebroen.feeds.calendar import event_calendar, region_calendar
from kompetansebroen.frontmatter.event_fields import EventTime, parse_event_time
from kompetansebroen.frontmatter.fields import Date, FieldError
from kompetansebroen.model.events import Event
from kompetansebroen.model.kinds import Kind
from test_calendar import SITE, TODAY, both, event, lines

OSLO = ZoneInfo("Europe/Oslo")


def test_a_start_in_the_hour_the_clock_skips_is_refused_with_the_time_it_means() -> None:
    with pytest.raises(FieldError) as raised:
        parse_event_time("2027-03-28 02:30", "start")
    assert raised.value.message == (
        "«2027-03-28 02:30» finnes ikke i norsk tid: klokken stilles fram én time denne natten; "
        "skriv f.eks. start: 2027-03-28 03:30"
    )


def test_the_first_hour_after_the_skip_reads_back_at_the_right_instant() -> None:
    start = parse_event_time("2027-03-28 03:30", "start")
    ics = event_calendar(event("natt", start), SITE, TODAY)
    assert b"DTSTART;TZID=Europe/Oslo:20270328T033000" in ics
    ours, strict = both(ics)
    expected = dt.datetime(2027, 3, 28, 1, 30, tzinfo=dt.UTC)
    assert ours.walk("VEVENT")[0].decoded("DTSTART").astimezone(dt.UTC) == expected
    assert strict.events[0].dtstart.astimezone(dt.UTC) == expected


def test_a_time_that_occurs_twice_is_the_first_in_summer_time_as_rfc_5545_reads_it() -> None:
    """2027-10-31 02:30 happens at 00:30 and at 01:30 UTC; RFC 5545 takes the first, and so do we."""
    start = parse_event_time("2027-10-31 02:30", "start")
    assert isinstance(start, dt.datetime) and start.fold == 0
    assert start.astimezone(dt.UTC) == dt.datetime(2027, 10, 31, 0, 30, tzinfo=dt.UTC)
    ics = event_calendar(event("dobbel", start), SITE, TODAY)
    assert b"DTSTART;TZID=Europe/Oslo:20271031T023000" in ics
    ours, strict = both(ics)
    first = dt.datetime(2027, 10, 31, 0, 30, tzinfo=dt.UTC)
    assert ours.walk("VEVENT")[0].decoded("DTSTART").astimezone(dt.UTC) == first
    assert strict.events[0].dtstart.astimezone(dt.UTC) == first
    # The VTIMEZONE holds that night's change, so a client with only our file agrees.
    assert b"DTSTART:20271031T030000" in ics


def read_event(front_matter: str) -> list[str]:
    schema = content_type(Kind.EVENT).schema(Vocabulary(("Kompetanse",)), ["nord"], shared=True)
    node = yaml.compose(front_matter)
    return [f"{found.field}: {found.message}" for found in schema.read(node).problems]


BASE = 'title: "Kurs"\ndescription: "Om kurset."\nformat: digitalt\norganiser: "Sykehuset Nord"\n'


@pytest.mark.parametrize(
    ("times", "expected"),
    [
        (
            "start: 2027-05-10 14:00\nend: 2027-05-10 09:00\n",
            "end: «2027-05-10 09:00» er før start («2027-05-10 14:00»); skriv en slutt som er lik eller senere enn start",
        ),
        (
            "start: 2027-05-10\nend: 2027-05-09\n",
            "end: «2027-05-09» er før start («2027-05-10»); skriv en slutt som er lik eller senere enn start",
        ),
    ],
)
def test_an_end_before_the_start_is_refused(times: str, expected: str) -> None:
    assert read_event(BASE + times) == [expected]


def test_an_event_object_with_its_end_before_its_start_cannot_be_made() -> None:
    with pytest.raises(ValueError, match="end is before start"):
        event("baklengs", dt.datetime(2027, 5, 10, 14, tzinfo=OSLO), dt.datetime(2027, 5, 10, 9, tzinfo=OSLO))


@pytest.mark.parametrize("written", ["9999-12-31", "9999-12-31 23:30", "2100-01-01", "1899-12-31"])
def test_a_year_out_of_reach_is_refused_in_events_and_every_date(written: str) -> None:
    year = written[:4]
    with pytest.raises(FieldError, match=f"har året {int(year)}, som ikke kan stemme"):
        EventTime().convert("start", yaml.compose(f"x: {written}").value[0][1])
    if " " not in written:
        with pytest.raises(FieldError, match="mellom 1900 og 2099"):
            Date().convert("date", yaml.compose(f"x: {written}").value[0][1])


def test_the_last_day_allowed_still_makes_a_calendar_both_parsers_read() -> None:
    last = event("siste", dt.date(2099, 12, 31))
    ics = event_calendar(last, SITE, dt.date(2099, 12, 31))
    [item] = both(ics)[1].events
    assert (item.dtstart, item.dtend) == (dt.date(2099, 12, 31), dt.date(2100, 1, 1))
    region = both(region_calendar([last], SITE, dt.date(2099, 12, 31)))[1]
    assert [each.summary for each in region.events] == [last.title]


@pytest.mark.parametrize("shift", range(4))
@pytest.mark.parametrize("letter", ["ø", "€", "𝄞", "e\u0301"])
def test_folding_never_splits_a_letter_of_any_length_at_any_offset(shift: int, letter: str) -> None:
    title = "x" * shift + letter * 80
    long: Event = event("lang", dt.datetime(2027, 6, 1, 9, tzinfo=OSLO), title=title, place=letter * 50)
    ics = event_calendar(long, SITE, TODAY)
    folded = [line for line in lines(ics) if line.startswith(b" ")]
    assert folded, "the title is long enough to be folded"
    for line in lines(ics):
        assert len(line) <= 75, line
        line.decode("utf-8")  # each physical line is whole UTF-8: no letter cut in two
    ours, strict = both(ics)
    assert str(ours.walk("VEVENT")[0]["SUMMARY"]) == title
    assert strict.events[0].summary == title
    assert strict.events[0].location == letter * 50
