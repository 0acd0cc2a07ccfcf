"""The events page in a real browser: accessible at phone and desktop widths, its calendar file
opens in a calendar parser, and the script hides what is over when the reader comes after the build."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from ical.calendar_stream import IcsCalendarStream
from kb_browser import (
    accessible_and_fitting_in_each_scheme,
    open_page,
)

pytestmark = pytest.mark.browser

EVENTS = "/innlandet/arrangementer/"
EVENT = "/innlandet/arrangementer/fagdag-skropelige-eldre/"
BUILT = dt.datetime(2024, 10, 9, 12, 0, tzinfo=dt.UTC)
"""During the sample's build day (its newest content date): the lists are as the build made them."""
WIDTHS = {375: 812, 1280: 800}


def at(new_page, moment: dt.datetime, width: int = 1280):
    """A page whose clock says ``moment`` (the page's script reads Date.now()): the clock is its
    context's, set when the context is made, so the context is lent only to pages of that moment."""
    return new_page(viewport={"width": width, "height": WIDTHS[width]}, fixed_time=moment)


def visible_titles(page) -> list[str]:
    return page.locator(".kb-event:visible h3").all_inner_texts()


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("path", [EVENTS, EVENT, EVENTS + "tidligere/"])
def test_events_pages_are_accessible_and_fit(new_page, base_url, path, width):
    page = at(new_page, BUILT, width)
    open_page(page, base_url, path)
    name = "events" if path == EVENTS else "event" if path == EVENT else "past-events"
    accessible_and_fitting_in_each_scheme(page, f"{path} at {width}px", f"{name}-{width}")


def test_the_add_to_calendar_link_gives_a_calendar_file(new_page, base_url):
    page = at(new_page, BUILT)
    open_page(page, base_url, EVENT)
    link = page.get_by_role("link", name="Legg til i kalender")
    assert link.is_visible()
    response = page.request.get(link.evaluate("a => a.href"))
    assert response.ok
    ics = response.body()
    [event] = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Fagdag om skrøpelige eldre"
    [strict] = IcsCalendarStream.calendar_from_ics(ics.decode("utf-8")).events
    assert strict.dtstart == dt.datetime(2024, 11, 14, 8, 0, tzinfo=dt.UTC)
    assert page.get_by_role("link", name="Meld deg på").is_visible()


def test_the_script_hides_events_that_are_over_and_closes_sign_up(new_page, base_url):
    page = at(new_page, BUILT)
    open_page(page, base_url, EVENTS)
    as_built = visible_titles(page)
    assert "Webinar: digital samhandling mellom sykehus og kommune" in as_built
    assert not page.locator(".kb-events-none").is_visible()

    later = at(new_page, dt.datetime(2024, 11, 6, 12, 0, tzinfo=dt.UTC))
    open_page(later, base_url, EVENTS)
    shown = visible_titles(later)
    assert "Webinar: digital samhandling mellom sykehus og kommune" not in shown
    assert "Samarbeidsmøte om den nye samarbeidsmodellen i Innlandet" not in shown  # over on 5 November
    assert "Fagdag om skrøpelige eldre" in shown
    assert not later.get_by_role("heading", name="Oktober 2024").is_visible()
    assert later.get_by_role("heading", name="November 2024").is_visible()

    much_later = at(new_page, dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    open_page(much_later, base_url, EVENTS)
    assert visible_titles(much_later) == []
    assert much_later.locator(".kb-events-none").is_visible()

    closed = at(new_page, dt.datetime(2024, 11, 2, 12, 0, tzinfo=dt.UTC))
    open_page(closed, base_url, EVENT)
    assert not closed.get_by_role("link", name="Meld deg på").is_visible()
    assert closed.get_by_text("Påmeldingen er stengt").is_visible()
