"""schema.org Event in JSON-LD: status, attendance mode, place or virtual location, safe inside <script>."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from kompetansebroen.feeds.event_json_ld import event_json_ld, event_json_ld_data, price_amount
from kompetansebroen.model.events import Event, EventFormat, EventStatus

OSLO = ZoneInfo("Europe/Oslo")
PAGE = "https://kompetansebroen.example/innlandet/arrangementer/fagdag/"

FAGDAG = Event(
    path="arrangementer/fagdag.md",
    title="Fagdag om skrøpelige eldre",
    description="Hvordan vi samarbeider.",
    start=dt.datetime(2025, 3, 14, 9, 0, tzinfo=OSLO),
    end=dt.datetime(2025, 3, 14, 15, 30, tzinfo=OSLO),
    format=EventFormat.PHYSICAL,
    place="Auditoriet, Sykehuset Innlandet Hamar",
    organiser="Sykehuset Innlandet",
    contact="fagdag@eksempel.no",
    registration_url="https://skjema.eksempel.no/fagdag",
    registration_deadline=dt.date(2025, 3, 1),
    audience=("Sykepleiere", "Leger"),
    price="1 500 kr",
    tags=("Skrøpelige eldre",),
)


def test_a_physical_event_in_full() -> None:
    assert json.loads(event_json_ld(FAGDAG, PAGE)) == {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": "Fagdag om skrøpelige eldre",
        "description": "Hvordan vi samarbeider.",
        "url": PAGE,
        "inLanguage": "nb",
        "startDate": "2025-03-14T09:00+01:00",
        "endDate": "2025-03-14T15:30+01:00",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": {
            "@type": "Place",
            "name": "Auditoriet, Sykehuset Innlandet Hamar",
            "address": "Auditoriet, Sykehuset Innlandet Hamar",
        },
        "organizer": {"@type": "Organization", "name": "Sykehuset Innlandet", "email": "fagdag@eksempel.no"},
        "offers": {
            "@type": "Offer",
            "url": "https://skjema.eksempel.no/fagdag",
            "price": "1500",
            "priceCurrency": "NOK",
            "validThrough": "2025-03-01",
        },
        "audience": {"@type": "Audience", "audienceType": "Sykepleiere, Leger"},
        "keywords": "Skrøpelige eldre",
    }


def test_a_cancelled_event_is_event_cancelled() -> None:
    data = event_json_ld_data(dataclasses.replace(FAGDAG, status=EventStatus.CANCELLED), PAGE)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"


def test_a_digital_event_is_online_at_its_sign_up_page_or_its_own_page() -> None:
    online = dataclasses.replace(FAGDAG, format=EventFormat.DIGITAL, place=None)
    data = event_json_ld_data(online, PAGE)
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://skjema.eksempel.no/fagdag"}
    without_sign_up = dataclasses.replace(online, registration_url=None)
    assert event_json_ld_data(without_sign_up, PAGE)["location"] == {"@type": "VirtualLocation", "url": PAGE}


def test_a_hybrid_event_has_both_locations() -> None:
    data = event_json_ld_data(dataclasses.replace(FAGDAG, format=EventFormat.HYBRID), PAGE)
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]


def test_an_all_day_event_has_dates_and_an_inclusive_end() -> None:
    seminar = dataclasses.replace(FAGDAG, start=dt.date(2025, 6, 12), end=dt.date(2025, 6, 13))
    data = event_json_ld_data(seminar, PAGE)
    assert (data["startDate"], data["endDate"]) == ("2025-06-12", "2025-06-13")
    one_day = dataclasses.replace(FAGDAG, start=dt.date(2025, 6, 12), end=None)
    assert event_json_ld_data(one_day, PAGE)["endDate"] == "2025-06-12"


def test_summer_time_has_its_offset_and_an_open_end_has_no_end_date() -> None:
    summer = dataclasses.replace(FAGDAG, start=dt.datetime(2025, 6, 12, 7, 0, tzinfo=dt.UTC), end=None)
    data = event_json_ld_data(summer, PAGE)
    assert data["startDate"] == "2025-06-12T09:00+02:00"
    assert "endDate" not in data


def test_optional_parts_are_left_out_when_missing() -> None:
    bare = dataclasses.replace(
        FAGDAG,
        contact=None,
        registration_url=None,
        registration_deadline=None,
        price=None,
        audience=(),
        tags=(),
    )
    data = event_json_ld_data(bare, PAGE)
    assert data["organizer"] == {"@type": "Organization", "name": "Sykehuset Innlandet"}
    assert not {"offers", "audience", "keywords"} & data.keys()


def test_a_price_that_is_not_a_number_is_a_description() -> None:
    data = event_json_ld_data(dataclasses.replace(FAGDAG, price="Gratis for ansatte, 500 kr for andre"), PAGE)
    assert data["offers"]["description"] == "Gratis for ansatte, 500 kr for andre"
    assert "price" not in data["offers"]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Gratis", "0"),
        ("gratis", "0"),
        ("0 kr", "0"),
        ("1 500 kr", "1500"),
        ("1\u00a0500 kr", "1500"),
        ("1.500 NOK", "1500"),
        ("kr 250", "250"),
        ("350,-", "350"),
        ("Kr. 1 200,00", "1200"),
        ("fra 200 kr", None),
        ("1 50 kr", None),
    ],
)
def test_price_amount(text: str, amount: str | None) -> None:
    assert price_amount(text) == amount


def test_the_text_cannot_close_the_script_element() -> None:
    sneaky = dataclasses.replace(FAGDAG, title="</script><script>alert(1)</script> & mer")
    text = event_json_ld(sneaky, PAGE)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & mer"
