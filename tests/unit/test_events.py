"""Courses and events: front-matter fields, the rules between them, and the Event they make."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import yaml
from kompetansebroen.content_types.registry import content_type, kind_of
from kompetansebroen.content_types.spec import Vocabulary
from kompetansebroen.frontmatter.event_fields import (
    DEFAULT_PROFESSIONS,
    EVENT_FIELD_ALIASES,
    EventTime,
    HttpsUrl,
    parse_event_time,
)
from kompetansebroen.frontmatter.fields import FIELD_ALIASES, FieldError
from kompetansebroen.frontmatter.yaml_source import compose
from kompetansebroen.model.documents import Kind
from kompetansebroen.model.events import Event, EventFormat, EventStatus

OSLO = ZoneInfo("Europe/Oslo")
TOPICS = ["Helsefellesskap", "Kompetanse", "Skrøpelige eldre"]
REGIONS = ["ahus", "innlandet"]

VALID = """\
title: "Fagdag om skrøpelige eldre"
description: "Hvordan vi samarbeider om de sårbare pasientene."
start: 2025-03-14 09:00
end: 2025-03-14 15:30
format: fysisk
place: "Auditoriet, Sykehuset Innlandet Hamar"
organiser: "Sykehuset Innlandet"
"""


def schema(*, shared: bool = True, professions: tuple[str, ...] = DEFAULT_PROFESSIONS):
    # The schema the loader checks an event with: the declaration in the registry.
    return content_type(Kind.EVENT).schema(Vocabulary(tuple(TOPICS), professions), REGIONS, shared=shared)


def read(text: str, *, shared: bool = True, professions: tuple[str, ...] = DEFAULT_PROFESSIONS):
    node, error = compose(text)
    assert error is None, error
    return schema(shared=shared, professions=professions).read_as(
        node, lambda values: Event.from_meta("arrangementer/fagdag.md", values)
    )


def problems(text: str, **options) -> list[tuple[int | None, str, str]]:
    event, found = read(text, **options)
    assert event is None, "expected problems"
    return [(item.line, item.field, item.message) for item in found]


def with_fields(**changes: str | None) -> str:
    """``VALID`` with fields replaced (a value), removed (None) or added, as YAML text."""
    lines = {}
    for line in VALID.splitlines():
        name, _, value = line.partition(": ")
        lines[name] = value
    for name, value in changes.items():
        if value is None:
            lines.pop(name, None)
        else:
            lines[name] = value
    return "".join(f"{name}: {value}\n" for name, value in lines.items())


def converted(value_yaml: str, name: str = "start") -> dt.date:
    node, error = compose(f"{name}: {value_yaml}")
    assert error is None
    return EventTime().convert(name, node.value[0][1])


def message(value_yaml: str, name: str = "start") -> str:
    with pytest.raises(FieldError) as caught:
        converted(value_yaml, name)
    return caught.value.message


# -- a valid event -----------------------------------------------------------------------


def test_a_valid_event_becomes_an_event_with_norwegian_times() -> None:
    event, found = read(VALID)
    assert found == []
    assert event == Event(
        path="arrangementer/fagdag.md",
        title="Fagdag om skrøpelige eldre",
        description="Hvordan vi samarbeider om de sårbare pasientene.",
        start=dt.datetime(2025, 3, 14, 9, 0, tzinfo=OSLO),
        end=dt.datetime(2025, 3, 14, 15, 30, tzinfo=OSLO),
        format=EventFormat.PHYSICAL,
        place="Auditoriet, Sykehuset Innlandet Hamar",
        organiser="Sykehuset Innlandet",
    )
    assert event.status is EventStatus.PLANNED
    assert not event.all_day and not event.cancelled
    assert event.start.utcoffset() == dt.timedelta(hours=1)
    assert event.url == "arrangementer/fagdag/"


def test_every_optional_field_is_read() -> None:
    text = with_fields(
        registration_url="https://skjema.eksempel.no/fagdag",
        registration_deadline="2025-03-01",
        audience="[Sykepleiere, Fastleger]",
        price='"1 500 kr"',
        contact="fagdag@eksempel.no",
        tags="[Skrøpelige eldre]",
        status="avlyst",
        regions="[innlandet]",
    )
    event, found = read(text)
    assert found == []
    assert event.registration_url == "https://skjema.eksempel.no/fagdag"
    assert event.registration_deadline == dt.date(2025, 3, 1)
    assert event.audience == ("Sykepleiere", "Fastleger")
    assert event.price == "1 500 kr"
    assert event.contact == "fagdag@eksempel.no"
    assert event.tags == ("Skrøpelige eldre",)
    assert event.cancelled


def test_an_all_day_event_may_span_days() -> None:
    event, found = read(with_fields(start="2025-03-14", end="2025-03-15"))
    assert found == []
    assert event.all_day
    assert (event.first_day, event.last_day) == (dt.date(2025, 3, 14), dt.date(2025, 3, 15))


def test_a_digital_event_needs_no_place() -> None:
    event, found = read(with_fields(format="digitalt", place=None))
    assert found == []
    assert event.format is EventFormat.DIGITAL and event.place is None


def test_required_fields_are_named_with_an_example() -> None:
    found = problems("price: Gratis\n")
    fields = {field for _, field, _ in found}
    assert fields == {"title", "description", "start", "format", "organiser"}
    start = next(text for _, field, text in found if field == "start")
    assert start.startswith("mangler; forventet en dato ÅÅÅÅ-MM-DD eller dato og klokkeslett")
    assert "start: 2025-03-14 09:00" in start


# -- start and end: the forms of a time ----------------------------------------------------


@pytest.mark.parametrize(
    ("value_yaml", "expected"),
    [
        ("2025-03-14", dt.date(2025, 3, 14)),
        ('"2025-03-14"', dt.date(2025, 3, 14)),
        ("2025-03-14 09:00", dt.datetime(2025, 3, 14, 9, 0, tzinfo=OSLO)),
        ('"2025-06-14 09:00"', dt.datetime(2025, 6, 14, 9, 0, tzinfo=OSLO)),
        # YAML's own timestamps, as a datetime would come: the same local time.
        ("2025-03-14 09:00:00", dt.datetime(2025, 3, 14, 9, 0, tzinfo=OSLO)),
        ("2025-03-14T09:00:00", dt.datetime(2025, 3, 14, 9, 0, tzinfo=OSLO)),
    ],
)
def test_a_time_is_a_day_or_a_norwegian_moment(value_yaml: str, expected: dt.date) -> None:
    value = converted(value_yaml)
    assert value == expected
    assert type(value) is type(expected)


def test_summer_and_winter_times_get_their_own_offset() -> None:
    assert converted("2025-03-14 09:00").utcoffset() == dt.timedelta(hours=1)
    assert converted("2025-06-14 09:00").utcoffset() == dt.timedelta(hours=2)


def test_a_time_read_by_yaml_as_a_number_is_explained_and_quoted() -> None:
    assert message("12:30", "end") == (
        "«12:30» leses av YAML som tallet 750, ikke et klokkeslett; "
        'skriv dato og klokkeslett i anførselstegn, f.eks. end: "2025-03-14 12:30"'
    )
    assert "tallet 570" in message("9:30", "end")
    assert 'end: "2025-03-14 09:30"' in message("9:30", "end")


def test_the_number_message_reaches_the_editor_with_file_line() -> None:
    found = problems(with_fields(end="12:30"))
    assert found == [
        (
            4,
            "end",
            "«12:30» leses av YAML som tallet 750, ikke et klokkeslett; "
            'skriv dato og klokkeslett i anførselstegn, f.eks. end: "2025-03-14 12:30"',
        )
    ]


@pytest.mark.parametrize("value_yaml", ['"12:30"', "09:00", '"kl. 12.30"'])
def test_a_time_without_a_date_asks_for_the_date(value_yaml: str) -> None:
    text = message(value_yaml, "end")
    assert "er et klokkeslett uten dato; skriv datoen foran klokkeslettet, f.eks. end: 2025-03-14" in text


@pytest.mark.parametrize(
    ("value_yaml", "fix"),
    [
        ("2025-3-14", "start: 2025-03-14"),
        ("14.03.2025", "start: 2025-03-14"),
        ("2025-03-14 9:00", "start: 2025-03-14 09:00"),
        ("2025-03-14 09.00", "start: 2025-03-14 09:00"),
        ('"14.03.2025 kl. 9.00"', "start: 2025-03-14 09:00"),
        ("2025-03-14T09:00", "start: 2025-03-14 09:00"),
    ],
)
def test_other_ways_of_writing_a_time_get_the_exact_form(value_yaml: str, fix: str) -> None:
    text = message(value_yaml)
    assert "er ikke på formen ÅÅÅÅ-MM-DD" in text
    assert text.endswith(fix)


def test_dates_and_times_that_do_not_exist_are_refused() -> None:
    assert message("2025-02-30") == (
        "«2025-02-30» er en dato som ikke finnes (februar 2025 har 28 dager); "
        "skriv en gyldig dato på formen ÅÅÅÅ-MM-DD"
    )
    assert message("2025-03-14 25:00") == (
        "«2025-03-14 25:00» har et klokkeslett som ikke finnes; skriv timer 00–23 og minutter 00–59, "
        "f.eks. start: 2025-03-14 09:00"
    )


def test_a_time_the_clock_skips_in_spring_is_refused_with_the_time_after() -> None:
    assert message("2025-03-30 02:30") == (
        "«2025-03-30 02:30» finnes ikke i norsk tid: klokken stilles fram én time denne natten; "
        "skriv f.eks. start: 2025-03-30 03:30"
    )


def test_a_time_that_occurs_twice_in_autumn_is_the_first_one_in_summer_time() -> None:
    value = converted("2025-10-26 02:30")
    assert value.utcoffset() == dt.timedelta(hours=2)


def test_a_time_zone_is_refused_with_the_norwegian_time() -> None:
    assert message("2025-03-14T08:00:00Z") == (
        "«2025-03-14T08:00:00Z» har en tidssone; skriv norsk tid uten tidssone: start: 2025-03-14 09:00"
    )
    assert message("2025-06-14 09:00:00+02:00").endswith("start: 2025-06-14 09:00")


def test_seconds_other_than_zero_are_refused() -> None:
    assert (
        message("2025-03-14 09:00:30") == "«2025-03-14 09:00:30» har sekunder; skriv start: 2025-03-14 09:00"
    )


@pytest.mark.parametrize(
    ("value_yaml", "start_of_message"),
    [
        ("", "er tom; skriv en dato, f.eks. start: 2025-03-14"),
        ("[2025-03-14]", "forventet en dato eller dato og klokkeslett, fant en liste"),
        ("true", "forventet en dato eller dato og klokkeslett, fant en ja/nei-verdi"),
        ("neste fredag", "«neste fredag» er ikke en dato; skriv start: ÅÅÅÅ-MM-DD for en hel dag"),
        ("!dato 2025-03-14", "YAML-merket «!dato» er ikke tillatt her"),
    ],
)
def test_values_that_are_not_times_say_what_to_write(value_yaml: str, start_of_message: str) -> None:
    assert message(value_yaml).startswith(start_of_message)


def test_parse_event_time_takes_the_text_as_written() -> None:
    assert parse_event_time(" 2025-03-14 ", "start") == dt.date(2025, 3, 14)
    with pytest.raises(FieldError):
        parse_event_time("12:30", "end")


# -- rules between fields ----------------------------------------------------------------


def test_a_day_and_a_time_mixed_in_one_event_is_an_error() -> None:
    assert problems(with_fields(end="2025-03-14")) == [
        (
            4,
            "end",
            "start har klokkeslett, men end er en hel dag; skriv også slutten med klokkeslett, "
            "f.eks. end: 2025-03-14 15:30, eller fjern klokkeslettet i start",
        )
    ]
    assert problems(with_fields(start="2025-03-14", end="2025-03-15 15:30")) == [
        (
            4,
            "end",
            "start er en hel dag, men end har klokkeslett; skriv også start med klokkeslett, "
            "f.eks. start: 2025-03-14 09:00, eller skriv end: 2025-03-15",
        )
    ]


def test_an_end_before_the_start_is_an_error() -> None:
    assert problems(with_fields(end="2025-03-14 08:30")) == [
        (
            4,
            "end",
            "«2025-03-14 08:30» er før start («2025-03-14 09:00»); "
            "skriv en slutt som er lik eller senere enn start",
        )
    ]
    assert problems(with_fields(start="2025-03-14", end="2025-03-13")) == [
        (
            4,
            "end",
            "«2025-03-13» er før start («2025-03-14»); skriv en slutt som er lik eller senere enn start",
        )
    ]


def test_an_end_equal_to_the_start_is_allowed() -> None:
    assert read(with_fields(end="2025-03-14 09:00"))[1] == []
    assert read(with_fields(start="2025-03-14", end="2025-03-14"))[1] == []


@pytest.mark.parametrize(("form", "what"), [("fysisk", "et fysisk"), ("hybrid", "et hybrid")])
def test_an_event_on_site_needs_a_place(form: str, what: str) -> None:
    assert problems(with_fields(format=form, place=None)) == [
        (
            5,
            "place",
            f"mangler; {what} arrangement trenger sted og adresse, "
            'f.eks. place: "Auditoriet, Sykehuset Innlandet Hamar, Skolegata 32, 2318 Hamar" '
            "(eller skriv format: digitalt)",
        )
    ]


def test_a_deadline_after_the_start_is_an_error() -> None:
    assert problems(with_fields(registration_deadline="2025-03-15")) == [
        (
            8,
            "registration_deadline",
            "fristen 2025-03-15 er etter start (2025-03-14); skriv en frist som er senest startdagen, "
            "f.eks. registration_deadline: 2025-03-14",
        )
    ]


def test_a_deadline_on_the_start_day_is_allowed() -> None:
    assert read(with_fields(registration_deadline="2025-03-14"))[1] == []


def test_a_deadline_is_a_date_without_a_time() -> None:
    assert problems(with_fields(registration_deadline="2025-03-01 12:00")) == [
        (
            8,
            "registration_deadline",
            "«2025-03-01 12:00» er ikke på formen ÅÅÅÅ-MM-DD; skriv registration_deadline: 2025-03-01",
        )
    ]


# -- single fields -----------------------------------------------------------------------


def test_a_registration_link_must_be_https() -> None:
    assert problems(with_fields(registration_url="http://skjema.eksempel.no/fagdag")) == [
        (
            8,
            "registration_url",
            "«http://skjema.eksempel.no/fagdag» er ikke en sikker adresse (https); påmelding sender "
            "personopplysninger, så skriv registration_url: https://skjema.eksempel.no/fagdag",
        )
    ]


def test_a_registration_link_without_a_scheme_gets_https() -> None:
    node, _ = compose("registration_url: skjema.eksempel.no/fagdag")
    with pytest.raises(FieldError) as caught:
        HttpsUrl().convert("registration_url", node.value[0][1])
    assert caught.value.message == (
        "«skjema.eksempel.no/fagdag» mangler https://; skriv registration_url: https://skjema.eksempel.no/fagdag"
    )


def test_an_unknown_profession_gets_did_you_mean() -> None:
    assert problems(with_fields(audience="[Sykepleier, Leger]")) == [
        (8, "audience", "ukjent yrkesgruppe «Sykepleier»; mente du «Sykepleiere»?")
    ]


def test_an_unknown_profession_without_a_close_match_gets_the_list() -> None:
    [(line, field, text)] = problems(with_fields(audience="[Astronauter]"))
    assert (line, field) == (8, "audience")
    assert text == (
        "ukjent yrkesgruppe «Astronauter»; bruk yrkesgrupper fra listen i mkdocs.yml: "
        + ", ".join(DEFAULT_PROFESSIONS)
    )


def test_the_profession_list_comes_from_the_caller() -> None:
    assert read(with_fields(audience="[Tannleger]"), professions=("Tannleger",))[1] == []
    assert problems(with_fields(audience="[Leger]"), professions=("Tannleger",))[0][2].startswith(
        "ukjent yrkesgruppe «Leger»"
    )


def test_contact_must_be_an_email_address() -> None:
    assert problems(with_fields(contact="Kari Nordmann")) == [
        (8, "contact", "«Kari Nordmann» er ikke en e-postadresse; skriv f.eks. contact: post@eksempel.no")
    ]


def test_format_and_status_are_words_from_a_list() -> None:
    assert problems(with_fields(format="fysisks")) == [
        (5, "format", "ukjent format «fysisks»; mente du «fysisk»?")
    ]
    assert problems(with_fields(status="utsatt")) == [
        (8, "status", "ukjent status «utsatt»; gyldige verdier er planlagt, avlyst")
    ]


def test_a_price_yaml_reads_as_a_number_must_be_quoted() -> None:
    assert problems(with_fields(price="0")) == [
        (8, "price", '«0» leses av YAML som et tall, ikke tekst; skriv price: "0"')
    ]


def test_tags_and_regions_follow_the_rules_of_every_page() -> None:
    assert problems(with_fields(tags="[Kompetense]")) == [
        (8, "tags", "ukjent tema «Kompetense»; mente du «Kompetanse»?")
    ]
    [(line, field, text)] = problems(with_fields(regions="[innlandet]"), shared=False)
    assert (line, field) == (8, "regions")
    assert text.startswith("regions kan bare brukes på sider i content/")


def test_event_aliases_name_event_fields_and_leave_the_shared_aliases_alone() -> None:
    assert set(EVENT_FIELD_ALIASES.values()) <= set(schema().fields)
    assert not set(EVENT_FIELD_ALIASES) & set(FIELD_ALIASES)


def test_an_unknown_field_gets_did_you_mean() -> None:
    # The misspelt field is not also reported as missing.
    assert problems(with_fields(organiser=None, organizer='"X"')) == [
        (7, "organizer", "ukjent felt; mente du «organiser»?")
    ]


# -- the Event itself --------------------------------------------------------------------


def test_an_event_refuses_naive_times_and_impossible_orders() -> None:
    base = {
        "path": "arrangementer/x.md",
        "title": "X",
        "description": "Y",
        "format": EventFormat.DIGITAL,
        "organiser": "Z",
    }
    with pytest.raises(ValueError, match="aware"):
        Event(start=dt.datetime(2025, 3, 14, 9), **base)
    with pytest.raises(ValueError, match="must both be dates or both datetimes"):
        Event(start=dt.date(2025, 3, 14), end=dt.datetime(2025, 3, 14, 9, tzinfo=OSLO), **base)
    with pytest.raises(ValueError, match="before start"):
        Event(start=dt.date(2025, 3, 14), end=dt.date(2025, 3, 13), **base)


def test_the_days_of_a_timed_event_are_norwegian_days() -> None:
    late = dt.datetime(2025, 3, 14, 23, 30, tzinfo=dt.UTC)  # 00:30 on the 15th in Oslo
    event = Event(
        path="arrangementer/x.md",
        title="X",
        description="Y",
        start=late,
        format=EventFormat.DIGITAL,
        organiser="Z",
    )
    assert event.first_day == event.last_day == dt.date(2025, 3, 15)


@pytest.mark.parametrize(
    ("path", "is_event"),
    [
        ("arrangementer/fagdag.md", True),
        ("arrangementer/index.md", False),
        ("arrangementer/bilder/kart.md", False),
        ("artikler/fagdag.md", False),
        ("arrangementer/kart.png", False),
    ],
)
def test_which_files_are_events(path: str, is_event: bool) -> None:
    assert (kind_of(path) is Kind.EVENT) is is_event


def test_the_schema_reads_yaml_nodes_as_the_other_schemas_do() -> None:
    node = yaml.compose(VALID)
    assert schema().read(node).problems == []
