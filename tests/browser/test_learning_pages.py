"""Learning resources in a real browser: the catalogue's filters used by keyboard alone, the film
and episode pages accessible at phone and desktop widths in both colour schemes, and no media
fetched, and no request to another host made, before the reader presses play."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from kb_browser import (
    RequestRecorder,
    accessible_and_fitting_in_each_scheme,
    active,
    focus_is_visible,
    focus_ring,
    keep_screenshot,
    no_sideways_scroll,
    open_page,
    sticking_out,
    tab_until,
)
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

CATALOGUE = "/innlandet/laering/"
FILM = "/innlandet/film/isbar/"
HOSTED_FILM = "/innlandet/film/trygg-utskrivning/"
EPISODE = "/innlandet/podkast/over-broen/s1e1-helsefellesskap/"
SERIES = "/innlandet/podkast/over-broen/"
COURSE = "/innlandet/e-laering/demens-grunnkurs/"
COURSES = "/innlandet/e-laering/"
PODCASTS = "/innlandet/podkast/"
PAGES = {
    "learning-catalogue": CATALOGUE,
    "film": FILM,
    "hosted-film": HOSTED_FILM,
    "course": COURSE,
    "course-list": COURSES,
    "episode": EPISODE,
    "series": SERIES,
    "podcasts": PODCASTS,
}
WIDTHS = {375: 812, 1280: 800}
MEDIA_SUFFIXES = (".mp4", ".mp3")


def page_at(new_page, width: int, **options) -> Page:
    return new_page(viewport={"width": width, "height": WIDTHS[width]}, **options)


def visible_cards(page: Page) -> list[dict]:
    """Each card the reader sees: its title and the facet values the build gave it."""
    return page.locator(".kb-card:visible").evaluate_all(
        """cards => cards.map(card => ({
            title: card.querySelector('.kb-card__title').textContent.trim(),
            type: card.dataset.kbType,
            topics: (card.dataset.kbTopic || '').split('|'),
        }))"""
    )


def all_cards(page: Page) -> list[dict]:
    """Every card in the catalogue, shown or not."""
    return page.locator("[data-kb-catalogue] .kb-card").evaluate_all(
        "cards => cards.map(card => ({title: card.querySelector('.kb-card__title').textContent.trim(),"
        " type: card.dataset.kbType, topics: (card.dataset.kbTopic || '').split('|')}))"
    )


def status(page: Page) -> str:
    return page.locator(".kb-filters [role=status]").inner_text().strip()


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def button(facet: str, value: str) -> str:
    """The selector of a filter button; «Alle» has the empty value."""
    return f'[data-kb-facet="{facet}"] button[data-kb-value="{value}"]'


def shift_tab_until(page: Page, selector: str, most: int = 60) -> None:
    """Press Shift+Tab until the focused element matches ``selector``."""
    for _ in range(most):
        page.keyboard.press("Shift+Tab")
        if active(page, f"el.matches({selector!r})"):
            return
    raise AssertionError(f"{selector} not reached in {most} Shift+Tab presses")


def media_requests(recorder: RequestRecorder) -> list[str]:
    return [url for url in recorder.urls if urlsplit(url).path.endswith(MEDIA_SUFFIXES)]


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("name", list(PAGES))
def test_learning_pages_are_accessible_and_fit(new_page, base_url, name, width):
    page = page_at(new_page, width)
    open_page(page, base_url, PAGES[name])
    accessible_and_fitting_in_each_scheme(page, f"{PAGES[name]} at {width}px", f"{name}-{width}")


@pytest.mark.parametrize("width", list(WIDTHS))
def test_the_catalogue_is_filtered_by_keyboard_alone(new_page, base_url, width):
    page = page_at(new_page, width)
    open_page(page, base_url, CATALOGUE)
    cards = all_cards(page)
    total = len(cards)
    assert {card["type"] for card in cards} == {"e-laering", "film", "podkast"}
    assert page.locator(".kb-filters").is_visible()
    assert len(visible_cards(page)) == total
    assert status(page) == f"Viser {total} av {total}"
    assert page.locator(f'{button("type", "")}[aria-pressed="true"]').is_visible()

    tab_until(page, button("type", "film"))
    assert focus_is_visible(focus_ring(page)), "the focused filter button shows no focus"
    page.keyboard.press("Enter")
    films = [card["title"] for card in cards if card["type"] == "film"]
    shown = visible_cards(page)
    assert sorted(card["title"] for card in shown) == sorted(films)
    assert "Trygg utskrivning av skrøpelige eldre" in films
    assert status(page) == f"Viser {len(films)} av {total}"
    assert page.locator(button("type", "film")).get_attribute("aria-pressed") == "true"
    assert page.locator(button("type", "")).get_attribute("aria-pressed") == "false"
    assert query(page)["type"] == ["film"]

    toggle = page.locator('[data-kb-facet="topic"] .kb-filters__toggle')
    if width < 720:  # on phones the topics are folded away behind «Valgt: Alle»
        assert not page.locator(button("topic", "")).is_visible()
        tab_until(page, '[data-kb-facet="topic"] .kb-filters__toggle')
        assert toggle.get_attribute("aria-expanded") == "false"
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
    else:
        assert not toggle.is_visible()
    tab_until(page, button("topic", "Skrøpelige eldre"))
    page.keyboard.press("Space")
    if width < 720:
        assert toggle.inner_text().strip() == "Valgt: Skrøpelige eldre"
    both = [c["title"] for c in cards if c["type"] == "film" and "Skrøpelige eldre" in c["topics"]]
    assert 0 < len(both) < len(films)
    assert sorted(card["title"] for card in visible_cards(page)) == sorted(both)
    assert status(page) == f"Viser {len(both)} av {total}"
    assert query(page) == {"type": ["film"], "tema": ["Skrøpelige eldre"]}

    shift_tab_until(page, button("type", ""))
    page.keyboard.press("Enter")
    topic = [card["title"] for card in cards if "Skrøpelige eldre" in card["topics"]]
    assert sorted(card["title"] for card in visible_cards(page)) == sorted(topic)
    assert status(page) == f"Viser {len(topic)} av {total}"
    assert query(page) == {"tema": ["Skrøpelige eldre"]}
    assert not page.locator(".kb-cards-none").is_visible()

    keep_screenshot(page, f"learning-catalogue-filtered-{width}", full_page=True)
    scroll_width, inner_width = no_sideways_scroll(page)
    assert scroll_width <= inner_width, (
        f"the filtered catalogue scrolls sideways at {width}px: {sticking_out(page)}"
    )


def test_no_card_matching_says_so_and_a_shared_address_keeps_the_choice(new_page, base_url):
    page = page_at(new_page, 1280)
    open_page(page, base_url, CATALOGUE + "?type=film&yrkesgruppe=Sykepleiere")
    total = len(all_cards(page))
    assert visible_cards(page) == []  # films name no profession
    assert status(page) == f"Viser 0 av {total}"
    none = page.locator(".kb-cards-none")
    assert none.is_visible()
    assert none.inner_text() == "Ingen læringsressurser passer til filteret."
    pressed = page.locator('.kb-filters button[aria-pressed="true"]').all_inner_texts()
    assert [text.split(" (")[0] for text in pressed] == ["Film", "Alle", "Sykepleiere"]

    page.locator(button("profession", "Sykepleiere")).click()  # pressed again: let go
    assert page.locator(button("profession", "")).get_attribute("aria-pressed") == "true"
    assert {card["type"] for card in visible_cards(page)} == {"film"}
    assert not none.is_visible()
    assert query(page) == {"type": ["film"]}


def test_without_a_script_the_full_list_shows_and_no_dead_filters(new_page, base_url):
    page = page_at(new_page, 375, java_script_enabled=False)
    open_page(page, base_url, CATALOGUE + "?type=film")
    assert page.locator(".kb-card").count() > 0
    assert page.locator(".kb-card:visible").count() == page.locator(".kb-card").count()
    assert not page.locator(".kb-filters").is_visible()
    assert not page.locator(".kb-cards-none").is_visible()


@pytest.mark.parametrize("path", [CATALOGUE, FILM, HOSTED_FILM, EPISODE])
def test_nothing_leaves_the_site_and_no_media_loads_before_play(new_page, base_url, path):
    page = page_at(new_page, 1280)
    recorder = RequestRecorder().attach(page)
    open_page(page, base_url, path)
    page.wait_for_load_state("networkidle")

    assert recorder.urls, "no request recorded"
    assert recorder.foreign() == [], f"{path} asked another host: {recorder.foreign()}"
    assert media_requests(recorder) == [], f"{path} fetched media before play: {media_requests(recorder)}"


@pytest.mark.parametrize(("path", "player", "suffix"), [(FILM, "video", ".mp4"), (EPISODE, "audio", ".mp3")])
def test_pressing_play_fetches_the_media_from_the_site_itself(new_page, base_url, path, player, suffix):
    page = page_at(new_page, 1280)
    recorder = RequestRecorder().attach(page)
    open_page(page, base_url, path)
    page.wait_for_load_state("networkidle")
    assert media_requests(recorder) == []

    page.locator(player).focus()
    with page.expect_request(lambda request: urlsplit(request.url).path.endswith(suffix)) as fetched:
        page.keyboard.press("Space")  # the player's own keyboard control: play
    page.wait_for_function(f"() => document.querySelector({player!r}).currentTime > 0")

    assert urlsplit(fetched.value.url).netloc == urlsplit(base_url).netloc
    assert recorder.foreign() == []
    assert not page.locator(player).evaluate("media => media.paused")
