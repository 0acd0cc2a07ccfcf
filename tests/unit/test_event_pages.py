"""Events wired in: their pages, lists, sections, facts, calendars and the build date, from a small tree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
from kompetansebroen.content_types.registry import content_type, kind_of
from kompetansebroen.listings import html_blocks, paths
from kompetansebroen.listings.pages import generated_paths, home_sections, hub_sections, region_pages
from kompetansebroen.model.documents import Kind
from kompetansebroen.model.topics import Topic, TopicRegistry
from kompetansebroen.output.feeds_writer import region_feeds, write_feeds
from kompetansebroen.project.build_date import content_date, date_the_build
from kompetansebroen.project.loader import load_project

TOPICS = TopicRegistry([Topic("Helsefellesskap", "Samarbeid."), Topic("Kompetanse", "Læring.")])
TODAY = dt.date(2024, 10, 9)
EVENT = """title: "{title}"
description: "Om {title}."
start: {start}
format: {format}
organiser: "Sykehuset Nord"
"""


def _write(root: Path, path: str, front: str, body: str = "Tekst.\n") -> None:
    file = root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


def _event(root: Path, path: str, title: str, start: str, extra: str = "", form: str = "digitalt") -> None:
    _write(root, path, EVENT.format(title=title, start=start, format=form) + extra)


@pytest.fixture
def project(tmp_path: Path):
    for region, name in [("nord", "Nord"), ("sor", "Sør")]:
        _write(tmp_path, f"regions/{region}/region.yml", "")
        (tmp_path / "regions" / region / "region.yml").write_text(
            f"name: {name}\nhospital: Sykehuset {name}\n", encoding="utf-8"
        )
    _write(tmp_path, "content/artikler/a.md", 'title: "A"\ndate: 2024-10-09\ndescription: "D"\n')
    _event(tmp_path, "content/arrangementer/forbi.md", "Forbi", "2024-09-12 09:00", "tags: [Kompetanse]\n")
    _event(tmp_path, "content/arrangementer/enda-eldre.md", "Enda eldre", "2024-03-01")
    _event(
        tmp_path,
        "content/arrangementer/november.md",
        "November",
        "2024-11-14 09:00",
        "end: 2024-11-14 15:30\ntags: [Helsefellesskap]\nregistration_url: https://p.example/n\n"
        "registration_deadline: 2024-11-01\naudience: [Sykepleiere]\n",
    )
    _event(
        tmp_path,
        "content/arrangementer/avlyst.md",
        "Avlyst kurs",
        "2024-10-20",
        "status: avlyst\ntags: [Helsefellesskap]\n",
    )
    _event(
        tmp_path,
        "content/arrangementer/stengt.md",
        "Stengt",
        "2024-10-30 10:00",
        "registration_url: https://p.example/s\nregistration_deadline: 2024-10-01\n",
    )
    _event(
        tmp_path,
        "content/arrangementer/to-dager.md",
        "To dager",
        "2025-01-22",
        'end: 2025-01-23\nplace: "Hotellet"\n',
        form="fysisk",
    )
    _event(tmp_path, "regions/nord/arrangementer/lokalt.md", "Lokalt i nord", "2024-12-03 14:00")
    loaded, problems = load_project(tmp_path, TOPICS)
    assert not problems, problems.report()
    loaded.today = TODAY
    return loaded


def shown(page) -> str:
    return html_blocks.put_in_place(page.listing, page.blocks)


def test_files_in_arrangementer_are_events() -> None:
    assert kind_of("arrangementer/fagdag.md") is Kind.EVENT
    assert kind_of("arrangementer/index.md") is Kind.PAGE
    assert content_type(Kind.EVENT).indefinite == "et arrangement"


def test_the_events_page_lists_upcoming_by_month_with_norwegian_headings(project) -> None:
    pages = region_pages(project.view("nord"), TOPICS, "Kompetansebroen", "https://k.example/nord/")
    listing = shown(pages[paths.EVENTS])
    order = ["## Oktober 2024", "Avlyst kurs", "Stengt", "## November 2024", "November", "## Desember 2024"]
    assert [listing.index(part) for part in order] == sorted(listing.index(part) for part in order)
    assert "Lokalt i nord" in listing and "## Januar 2025" in listing and "22.–23. januar 2025" in listing
    assert "Forbi" not in listing
    assert '<strong class="kb-cancelled">Avlyst</strong>' in listing
    assert 'data-kb-end="2024-11-14T15:30:00+01:00"' in listing
    assert "torsdag 14. november 2024 kl. 09.00–15.30 · Digitalt" in listing
    assert 'href="webcal://k.example/nord/arrangementer/kalender.ics"' in listing
    assert 'href="https://k.example/nord/arrangementer/kalender.ics"' in listing
    sor = shown(region_pages(project.view("sor"), TOPICS, "Kompetansebroen")[paths.EVENTS])
    assert "Lokalt i nord" not in sor


def test_past_events_are_newest_first_on_their_own_page(project) -> None:
    past = shown(region_pages(project.view("nord"), TOPICS, "Kompetansebroen")["arrangementer/tidligere.md"])
    assert past.index("Forbi") < past.index("Enda eldre")
    assert "data-kb-end" not in past and "November" not in past


def test_generated_paths_include_the_events_pages(project) -> None:
    view = project.view("nord")
    assert generated_paths(view, TOPICS) == set(region_pages(view, TOPICS, "Kompetansebroen"))
    assert {"arrangementer/index.md", "arrangementer/tidligere.md"} <= generated_paths(view, TOPICS)


def test_home_shows_the_next_three_one_can_attend_and_hubs_the_topics_upcoming(project) -> None:
    home = home_sections(project.view("nord"), TOPICS).shown()
    assert "## Kommende arrangementer" in home
    events = home[home.index("## Kommende arrangementer") :]
    assert [title for title in ["Stengt", "Lokalt i nord", "November"] if title in events] == [
        "Stengt",
        "Lokalt i nord",
        "November",
    ]
    assert "Avlyst kurs" not in events and "To dager" not in events
    hub = hub_sections(project.view("nord"), TOPICS, paths.HELSEFELLESSKAP, "Helsefellesskap").shown()
    assert "Avlyst kurs" in hub and "November" in hub and "Stengt" not in hub


def test_topic_pages_list_the_topics_upcoming_events(project) -> None:
    pages = region_pages(project.view("nord"), TOPICS, "Kompetansebroen")
    topic = shown(pages["tema/kompetanse.md"])
    assert "Forbi" not in topic  # over
    helsefellesskap = shown(pages["tema/helsefellesskap.md"])
    assert "## Kommende arrangementer" in helsefellesskap and "November" in helsefellesskap


def test_the_facts_say_when_sign_up_is_open(project) -> None:
    view = project.view("nord")
    facts = content_type(Kind.EVENT).facts
    open_ = facts(view.documents["arrangementer/november.md"], TODAY).below
    assert "Meld deg på" in open_ and 'data-kb-until="2024-11-02T00:00:00+01:00"' in open_
    assert '<span hidden class="kb-event-closed">Påmeldingen er stengt</span>' in open_
    closed = facts(view.documents["arrangementer/stengt.md"], TODAY).below
    assert (
        "Meld deg på" not in closed and '<span class="kb-event-closed">Påmeldingen er stengt</span>' in closed
    )
    cancelled = facts(view.documents["arrangementer/avlyst.md"], TODAY).below
    assert "<strong>Avlyst</strong>" in cancelled and 'href="kalender.ics">Legg til i kalender' in cancelled


def test_a_regions_calendars_hold_only_its_events(project, tmp_path: Path) -> None:
    view = project.view("sor")
    feeds = region_feeds(view, "Kompetansebroen", "https://k.example/sor/")
    site = tmp_path / "site"
    write_feeds(site, feeds, {})
    calendar = icalendar.Calendar.from_ical((site / "arrangementer/kalender.ics").read_bytes())
    titles = sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))
    assert titles == ["AVLYST: Avlyst kurs", "Enda eldre", "Forbi", "November", "Stengt", "To dager"]
    assert (site / "arrangementer/november/kalender.ics").is_file()
    assert not (site / "arrangementer/lokalt/kalender.ics").exists()
    assert "https://k.example/sor/arrangementer/" in (site / "arrangementer/sitemap.xml").read_text()


def test_the_build_is_dated_by_publications_and_by_events_only_without_them(project) -> None:
    assert content_date(project.documents()) == dt.date(2024, 10, 9)
    events_only = [doc for doc in project.documents() if doc.kind is Kind.EVENT]
    assert content_date(events_only) == dt.date(2024, 3, 1)
    environ: dict[str, str] = {}
    assert date_the_build(events_only, environ) == dt.date(2024, 3, 1)
    assert environ["SOURCE_DATE_EPOCH"] == str(int(dt.datetime(2024, 3, 1, tzinfo=dt.UTC).timestamp()))
    assert date_the_build(events_only, {"SOURCE_DATE_EPOCH": "0"}) == dt.date(1970, 1, 1)
