"""Courses and events as built from the sample: pages, calendar files, head links and search, per region."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream

from tests.support.search_parts import indexed_pages

REGIONS = ["ahus", "innlandet", "ostfold", "vestfold"]


def _calendars(site: Path) -> list[Path]:
    return sorted(site.glob("*/arrangementer/**/kalender.ics"))


def _uids(ics: Path) -> list[str]:
    return [str(event["UID"]) for event in icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]


def _listed(site: Path, region: str, page: str) -> set[str]:
    """The event pages an events list links to (their folder names)."""
    text = (site / region / "arrangementer" / page / "index.html").read_text(encoding="utf-8")
    return {
        href.strip("/").split("/")[-1]
        for href in re.findall(r'<div class="kb-event"[^>]*>\s*<h\d><a href="([^"]+)"', text)
    }


def test_every_calendar_file_parses_in_both_parsers(built_site: Path) -> None:
    files = _calendars(built_site)
    assert len(files) > len(REGIONS)
    for ics in files:
        data = ics.read_bytes()
        ours = icalendar.Calendar.from_ical(data)
        strict = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
        assert len(ours.walk("VEVENT")) == len(strict.events), ics


@pytest.mark.parametrize("region", REGIONS)
def test_a_regions_calendar_holds_what_the_region_shows(built_site: Path, region: str) -> None:
    folder = built_site / region / "arrangementer"
    pages = {path.parent.name for path in folder.glob("*/index.html")} - {"tidligere"}
    calendar = icalendar.Calendar.from_ical((folder / "kalender.ics").read_bytes())
    urls = {str(event["URL"]) for event in calendar.walk("VEVENT")}
    shown = {urlsplit(url).path.strip("/").split("/")[-1] for url in urls}
    assert shown == pages  # the sample's events are all within the calendar's 12 months
    assert all(url.startswith(f"https://kompetansebroen.example/{region}/arrangementer/") for url in urls)
    assert _listed(built_site, region, "") | _listed(built_site, region, "tidligere") == pages
    for event_page in pages:
        own = folder / event_page / "kalender.ics"
        assert set(_uids(own)) <= set(_uids(folder / "kalender.ics"))


def test_regional_events_stay_in_their_region(built_site: Path) -> None:
    assert (built_site / "innlandet/arrangementer/samarbeidsmote-innlandet/index.html").is_file()
    for region in ["ahus", "ostfold", "vestfold"]:
        assert not (built_site / region / "arrangementer/samarbeidsmote-innlandet").exists()
    limited = "kurs-barn-og-unge"
    assert {r for r in REGIONS if (built_site / r / "arrangementer" / limited).is_dir()} == {
        "ostfold",
        "vestfold",
    }


def test_a_cancelled_event_is_cancelled_everywhere(built_site: Path) -> None:
    name = "kurs-legevakt-og-akuttmottak"
    for region in REGIONS:
        folder = built_site / region / "arrangementer"
        [event] = icalendar.Calendar.from_ical((folder / name / "kalender.ics").read_bytes()).walk("VEVENT")
        assert str(event["STATUS"]) == "CANCELLED" and str(event["SUMMARY"]).startswith("AVLYST: ")
        [strict] = IcsCalendarStream.calendar_from_ics((folder / name / "kalender.ics").read_text()).events
        assert strict.status.value == "CANCELLED"
        listing = (folder / "index.html").read_text(encoding="utf-8")
        item = listing[listing.index(f'href="{name}/"') :]
        assert '<strong class="kb-cancelled">Avlyst</strong>' in item[: item.index("</div>")]
        page = (folder / name / "index.html").read_text(encoding="utf-8")
        assert "<strong>Avlyst</strong>" in page and "Meld deg på" not in page


def test_uids_are_the_same_in_a_second_build(built_site: Path, rebuilt_site: Path) -> None:
    again = rebuilt_site
    first = {ics.relative_to(built_site): _uids(ics) for ics in _calendars(built_site)}
    second = {ics.relative_to(again): _uids(ics) for ics in _calendars(again)}
    assert first == second
    assert all(
        ics.read_bytes() == (again / ics.relative_to(built_site)).read_bytes()
        for ics in _calendars(built_site)
    )


def test_event_pages_link_their_calendar_and_describe_themselves_for_search_engines(built_site: Path) -> None:
    folder = built_site / "ahus/arrangementer/fagdag-skropelige-eldre"
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert 'href="kalender.ics">Legg til i kalender</a>' in page and (folder / "kalender.ics").is_file()
    assert "Meld deg på" in page and "data-kb-until=" in page
    [data] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL)
    event = json.loads(data)
    assert event["@type"] == "Event"
    assert event["url"] == "https://kompetansebroen.example/ahus/arrangementer/fagdag-skropelige-eldre/"
    assert event["startDate"] == "2024-11-14T09:00+01:00"
    closed = (built_site / "ahus/arrangementer/erfaringsseminar-primaerhelseteam/index.html").read_text()
    assert "Påmeldingen er stengt" in closed and "Meld deg på" not in closed


@pytest.mark.parametrize("region", REGIONS)
def test_every_page_advertises_the_region_calendar(built_site: Path, region: str) -> None:
    for page in ["index.html", "artikler/index.html", "arrangementer/fagdag-skropelige-eldre/index.html"]:
        text = (built_site / region / page).read_text(encoding="utf-8")
        [href] = re.findall(r'<link rel="alternate" type="text/calendar"[^>]* href="([^"]+)"', text)
        assert (built_site / region / page).parent.joinpath(href).resolve() == (
            built_site / region / "arrangementer/kalender.ics"
        ).resolve()
    events_page = (built_site / region / "arrangementer/index.html").read_text(encoding="utf-8")
    assert f'href="webcal://kompetansebroen.example/{region}/arrangementer/kalender.ics"' in events_page
    assert f'href="https://kompetansebroen.example/{region}/arrangementer/kalender.ics"' in events_page
    assert (built_site / region / "arrangementer/sitemap.xml").is_file()


def test_home_pages_show_the_next_three_events_and_search_finds_events(built_site: Path) -> None:
    home = (built_site / "innlandet/index.html").read_text(encoding="utf-8")
    section = home[home.index('<h2 id="kommende-arrangementer">') :]
    assert section.count('<div class="kb-event"') == 3
    assert "samarbeidsmote-innlandet/" in section
    titles = {page["title"] for page in indexed_pages(built_site / "innlandet")}
    assert (
        "Fagdag om skrøpelige eldre" in titles
        and "Samarbeidsmøte om den nye samarbeidsmodellen i Innlandet" in titles
    )
