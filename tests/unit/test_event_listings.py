"""Events in words and in lists: Norwegian times, upcoming and past against the build date."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from kompetansebroen.listings.events import (
    build_today,
    is_upcoming,
    next_events,
    past,
    upcoming,
    upcoming_by_month,
    with_topic,
)
from kompetansebroen.model.events import Event, EventFormat, EventStatus, calendar_window, months_before
from kompetansebroen.text.dates import norwegian_date
from kompetansebroen.text.event_times import day_span, month_heading, time_span, when

OSLO = ZoneInfo("Europe/Oslo")


def at(year: int, month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=OSLO)


def event(name: str, start: dt.date, end: dt.date | None = None, **changes) -> Event:
    fields = {
        "path": f"arrangementer/{name}.md",
        "title": name.capitalize(),
        "description": "Om arrangementet.",
        "start": start,
        "end": end,
        "format": EventFormat.DIGITAL,
        "organiser": "Sykehuset Innlandet",
    }
    return Event(**(fields | changes))


def names(events) -> list[str]:
    return [item.path.removeprefix("arrangementer/").removesuffix(".md") for item in events]


# -- Norwegian times ---------------------------------------------------------------------


def test_a_timed_event_on_one_day() -> None:
    assert when(at(2025, 3, 13, 9), at(2025, 3, 13, 15, 30)) == "torsdag 13. mars 2025 kl. 09.00–15.30"


def test_a_timed_event_without_an_end_or_ending_when_it_starts() -> None:
    assert when(at(2025, 3, 13, 9)) == "torsdag 13. mars 2025 kl. 09.00"
    assert when(at(2025, 3, 13, 9), at(2025, 3, 13, 9)) == "torsdag 13. mars 2025 kl. 09.00"


def test_a_timed_event_over_two_days_names_both() -> None:
    assert time_span(at(2025, 3, 13, 9), at(2025, 3, 14, 12)) == (
        "torsdag 13. mars 2025 kl. 09.00 – fredag 14. mars 2025 kl. 12.00"
    )


def test_times_are_shown_in_norwegian_time_whatever_their_zone() -> None:
    utc = dt.datetime(2025, 6, 12, 7, 0, tzinfo=dt.UTC)
    assert when(utc) == "torsdag 12. juni 2025 kl. 09.00"


@pytest.mark.parametrize(
    ("first", "last", "text"),
    [
        (dt.date(2025, 3, 14), dt.date(2025, 3, 14), "fredag 14. mars 2025"),
        (dt.date(2025, 3, 14), dt.date(2025, 3, 15), "14.–15. mars 2025"),
        (dt.date(2025, 2, 28), dt.date(2025, 3, 2), "28. februar – 2. mars 2025"),
        (dt.date(2025, 12, 30), dt.date(2026, 1, 2), "30. desember 2025 – 2. januar 2026"),
    ],
)
def test_all_day_events(first: dt.date, last: dt.date, text: str) -> None:
    assert day_span(first, last) == text
    assert when(first, last) == text


def test_an_all_day_event_without_an_end_is_one_day() -> None:
    assert when(dt.date(2025, 5, 17)) == "lørdag 17. mai 2025"


def test_a_day_and_a_time_cannot_be_mixed() -> None:
    with pytest.raises(ValueError):
        when(dt.date(2025, 3, 14), at(2025, 3, 14, 9))
    with pytest.raises(ValueError):
        when(at(2025, 3, 14, 9), dt.date(2025, 3, 14))


def test_an_event_in_words_month_heading_and_a_deadlines_date() -> None:
    assert event("a", dt.date(2025, 3, 14), dt.date(2025, 3, 15)).when == "14.–15. mars 2025"
    assert (
        event("b", at(2025, 3, 13, 9), at(2025, 3, 13, 15, 30)).when
        == "torsdag 13. mars 2025 kl. 09.00–15.30"
    )
    assert month_heading(2025, 3) == "Mars 2025"
    assert norwegian_date(dt.date(2025, 3, 1)) == "1. mars 2025"


# -- the build date ----------------------------------------------------------------------


def test_the_build_date_is_source_date_epoch_in_norwegian_time() -> None:
    # 2024-12-31 23:30 UTC is already New Year's Day in Oslo.
    epoch = int(dt.datetime(2024, 12, 31, 23, 30, tzinfo=dt.UTC).timestamp())
    never = lambda: pytest.fail("the clock must not be read when SOURCE_DATE_EPOCH is set")  # noqa: E731
    assert build_today({"SOURCE_DATE_EPOCH": str(epoch)}, never) == dt.date(2025, 1, 1)


def test_without_source_date_epoch_the_build_date_is_today_in_oslo() -> None:
    now = lambda: dt.datetime(2025, 6, 30, 22, 30, tzinfo=dt.UTC)  # noqa: E731
    assert build_today({}, now) == dt.date(2025, 7, 1)
    assert build_today({"SOURCE_DATE_EPOCH": " "}, now) == dt.date(2025, 7, 1)


def test_a_source_date_epoch_that_is_not_a_number_is_refused() -> None:
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH='i går'"):
        build_today({"SOURCE_DATE_EPOCH": "i går"})


# -- upcoming and past -------------------------------------------------------------------

TODAY = dt.date(2025, 3, 14)


@pytest.fixture
def events() -> list[Event]:
    return [
        event("april", at(2025, 4, 2, 9)),
        event("i-dag-ferdig", at(2025, 3, 14, 8), at(2025, 3, 14, 9)),
        event("i-gaar", dt.date(2025, 3, 13)),
        event("pagaar", dt.date(2025, 3, 12), dt.date(2025, 3, 16)),
        event("mars-avlyst", at(2025, 3, 20, 10), status=EventStatus.CANCELLED),
        event("mars", at(2025, 3, 20, 9), tags=("Kompetanse",)),
        event("i-fjor", dt.date(2024, 3, 1), tags=("Kompetanse",)),
        event("februar", at(2025, 2, 10, 12)),
    ]


def test_an_event_is_upcoming_until_its_last_day_is_over(events: list[Event]) -> None:
    by_name = dict(zip(names(events), events, strict=True))
    assert is_upcoming(by_name["i-dag-ferdig"], TODAY)  # today counts, whatever the hour
    assert is_upcoming(by_name["pagaar"], TODAY)  # began two days ago, ends on Sunday
    assert not is_upcoming(by_name["i-gaar"], TODAY)


def test_upcoming_soonest_first_with_cancelled_ones(events: list[Event]) -> None:
    assert names(upcoming(events, TODAY)) == ["pagaar", "i-dag-ferdig", "mars", "mars-avlyst", "april"]


def test_past_newest_first(events: list[Event]) -> None:
    assert names(past(events, TODAY)) == ["i-gaar", "februar", "i-fjor"]


def test_upcoming_grouped_by_the_month_they_start(events: list[Event]) -> None:
    groups = upcoming_by_month(events, TODAY)
    assert [(group.year, group.month) for group in groups] == [(2025, 3), (2025, 4)]
    assert names(groups[0].events) == ["pagaar", "i-dag-ferdig", "mars", "mars-avlyst"]
    assert names(groups[1].events) == ["april"]


def test_an_ongoing_event_from_last_month_heads_the_list() -> None:
    running = event("vinterkurs", dt.date(2025, 2, 27), dt.date(2025, 3, 15))
    later = event("senere", dt.date(2025, 3, 20))
    groups = upcoming_by_month([later, running], TODAY)
    assert [(group.month, names(group.events)) for group in groups] == [(2, ["vinterkurs"]), (3, ["senere"])]


def test_the_next_events_leave_cancelled_ones_out_unless_asked(events: list[Event]) -> None:
    assert names(next_events(events, TODAY, 3)) == ["pagaar", "i-dag-ferdig", "mars"]
    assert names(next_events(events, TODAY, 4, include_cancelled=True)) == [
        "pagaar",
        "i-dag-ferdig",
        "mars",
        "mars-avlyst",
    ]
    assert next_events(events, TODAY, 0) == []
    assert len(next_events(events, TODAY, 99)) == 4


def test_events_of_a_topic_in_time_order(events: list[Event]) -> None:
    assert names(with_topic(events, "Kompetanse")) == ["i-fjor", "mars"]
    assert with_topic(events, "Barn og unge") == []


def test_ties_are_broken_by_title_then_path() -> None:
    first = event("b", at(2025, 5, 1, 9), title="Alfa")
    second = event("a", at(2025, 5, 1, 9), title="Beta")
    assert names(upcoming([second, first], TODAY)) == ["b", "a"]


# -- the 12-month window of the region calendar ------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2025, 3, 14), 12, dt.date(2024, 3, 14)),
        (dt.date(2025, 3, 31), 1, dt.date(2025, 2, 28)),
        (dt.date(2024, 2, 29), 12, dt.date(2023, 2, 28)),
        (dt.date(2025, 1, 15), 1, dt.date(2024, 12, 15)),
    ],
)
def test_months_before(day: dt.date, months: int, expected: dt.date) -> None:
    assert months_before(day, months) == expected


def test_the_calendar_window_keeps_the_last_twelve_months_and_what_is_coming() -> None:
    events = [
        event("for-gammel", dt.date(2024, 3, 13)),
        event("akkurat-innenfor", dt.date(2024, 3, 14)),
        event("lang-fra-i-fjor", dt.date(2024, 3, 1), dt.date(2024, 3, 20)),
        event("i-host", at(2024, 10, 1, 9)),
        event("kommer", at(2025, 9, 1, 9)),
    ]
    assert names(calendar_window(events, TODAY)) == [
        "lang-fra-i-fjor",
        "akkurat-innenfor",
        "i-host",
        "kommer",
    ]
