"""Favourites: «Favoritt» on content pages, «Mine favoritter» in every region, keyboard only.

Kept in localStorage and nowhere else: no cookie, no request to record it.
"""

from __future__ import annotations

import json

import pytest
from kb_browser import (
    SCHEMES,
    RequestRecorder,
    active,
    axe_violations,
    describe_violations,
    focus_is_visible,
    focus_ring,
    keep_screenshot,
    open_page,
    switch_color_scheme,
    tab_until,
)
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

KEY = "kompetansebroen.favoritter"
SHARED_ARTICLE = "artikler/hva-er-et-helsefellesskap/"
TITLE = "Hva er et helsefellesskap?"
INNLANDET_ONLY = "artikler/samarbeidsmodell-innlandet/"
TOGGLE = "button.kb-favourite__button"


def saved(page: Page) -> list[dict]:
    return json.loads(page.evaluate(f"() => localStorage.getItem({KEY!r}) || '[]'"))


def axe_clean(page: Page, where: str) -> None:
    # Focus that passed the search field fades the header's options back in; check the end state.
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    violations = axe_violations(page)
    assert not violations, f"{where}:\n" + describe_violations(violations)


def favourites_page(page: Page, base_url: str, region: str) -> None:
    open_page(page, base_url, f"/{region}/favoritter/")
    page.locator(".kb-favourites:not([hidden])").wait_for()
    page.wait_for_function(  # the list is drawn once the region's page list has arrived
        "() => document.querySelectorAll('.kb-favourites__item').length > 0"
        " || !document.querySelector('.kb-favourites__empty').hidden"
    )


def test_favourite_in_one_region_shows_in_another_and_is_removed_there_by_keyboard(page, base_url):
    recorder = RequestRecorder().attach(page)
    open_page(page, base_url, f"/ahus/{SHARED_ARTICLE}")
    toggle = page.locator(TOGGLE)
    assert toggle.get_attribute("aria-pressed") == "false"
    assert toggle.evaluate("b => b.tagName === 'BUTTON' && b.type === 'button'")
    heading = page.locator("article h1").bounding_box()
    box = toggle.bounding_box()
    assert heading and box and 0 <= box["y"] - (heading["y"] + heading["height"]) < 200, "near the heading"

    tab_until(page, TOGGLE)
    assert focus_is_visible(focus_ring(page)), "the focused toggle shows no focus indicator"
    page.keyboard.press("Enter")

    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.locator(".kb-favourite__status").text_content() == "Lagt til i Mine favoritter."
    assert saved(page) == [
        {
            "path": SHARED_ARTICLE,
            "title": TITLE,
            "type": "Fagartikkel",
            "date": "2019-11-15",
            "shown": "15. november 2019",  # written by the build's date formatter, not by the script
            "region": "ahus",
        }
    ]
    axe_clean(page, "the article with the toggle pressed")
    page.reload(wait_until="load")
    assert page.locator(TOGGLE).get_attribute("aria-pressed") == "true", "the state survives a reload"

    favourites_page(page, base_url, "innlandet")
    page.reload(wait_until="load")
    favourites_page(page, base_url, "innlandet")
    items = page.locator(".kb-favourites__item")
    assert items.count() == 1
    link = items.locator("a")
    assert link.text_content() == TITLE
    assert link.evaluate("a => a.href") == f"{base_url}/innlandet/{SHARED_ARTICLE}", "this region's copy"
    assert items.locator(".kb-favourites__facts").text_content() == "Fagartikkel · 15. november 2019"
    assert page.locator(".kb-favourites__empty").is_hidden()
    keep_screenshot(page, "favourites-innlandet")
    axe_clean(page, "«Mine favoritter» with one favourite")

    tab_until(page, "button.kb-favourites__remove")
    assert active(page, "el.textContent") == f"Fjern «{TITLE}» fra favorittene"
    page.keyboard.press("Enter")

    assert items.count() == 0
    assert page.locator(".kb-favourites__empty").is_visible()
    assert page.locator(".kb-favourites__status").text_content() == f"«{TITLE}» er fjernet fra favorittene."
    assert active(page, "el.id") == "mine-favoritter", "focus stays on the page, at its heading"
    assert saved(page) == []
    axe_clean(page, "«Mine favoritter» when empty")

    open_page(page, base_url, f"/ahus/{SHARED_ARTICLE}")
    assert page.locator(TOGGLE).get_attribute("aria-pressed") == "false"
    assert page.context.cookies() == [], f"cookies were set: {page.context.cookies()}"
    assert page.evaluate("() => document.cookie") == ""
    assert not recorder.foreign()


def test_the_toggle_is_a_toggle_button_to_assistive_technology(page, base_url):
    open_page(page, base_url, f"/innlandet/{SHARED_ARTICLE}")
    toggle = page.get_by_role("button", name="Favoritt", pressed=False)
    assert toggle.count() == 1
    toggle.focus()
    page.keyboard.press(" ")
    assert page.get_by_role("button", name="Favoritt", pressed=True).count() == 1
    page.keyboard.press(" ")
    assert page.get_by_role("button", name="Favoritt", pressed=False).count() == 1
    assert saved(page) == []


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/innlandet/nyhetsbrev/2024-05-nyhetsbrev/", "Nyhetsbrev"),
        ("/innlandet/styrende-dokumenter/samarbeidsavtaler-2012/", "Styrende dokument"),
    ],
)
def test_every_content_type_has_the_toggle(page, base_url, path, kind):
    open_page(page, base_url, path)
    page.locator(TOGGLE).click()
    assert saved(page)[0]["type"] == kind


@pytest.mark.parametrize(
    "path", ["/innlandet/", "/innlandet/artikler/", "/innlandet/tema/", "/innlandet/tilgjengelighet/"]
)
def test_pages_that_are_not_content_have_no_toggle(page, base_url, path):
    open_page(page, base_url, path)
    assert page.locator(TOGGLE).count() == 0


def test_a_page_that_no_longer_exists_drops_out_and_another_regions_page_waits(page, base_url):
    open_page(page, base_url, "/innlandet/")
    gone = {"path": "artikler/fjernet/", "title": "Borte", "type": "Fagartikkel", "date": "2020-01-01"}
    entries = [
        {**gone, "region": "innlandet"},
        {
            "path": INNLANDET_ONLY,
            "title": "Bare i Innlandet",
            "type": "Fagartikkel",
            "date": "2021-02-03",
            "region": "innlandet",
        },
        {
            "path": SHARED_ARTICLE,
            "title": TITLE,
            "type": "Fagartikkel",
            "date": "2019-11-15",
            "region": "ahus",
        },
    ]
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(entries)])

    favourites_page(page, base_url, "ahus")
    assert page.locator(".kb-favourites__link").all_text_contents() == [TITLE]
    # Saved before pages carried the date as shown: the day as saved, since the script formats none.
    assert page.locator(".kb-favourites__facts").all_text_contents() == ["Fagartikkel · 2019-11-15"]
    assert (
        page.locator(".kb-favourites__elsewhere").text_content().startswith("2 favoritter finnes ikke i Ahus")
    )
    assert [e["path"] for e in saved(page)] == ["artikler/fjernet/", INNLANDET_ONLY, SHARED_ARTICLE]

    favourites_page(page, base_url, "innlandet")
    assert page.locator(".kb-favourites__link").all_text_contents() == ["Bare i Innlandet", TITLE]
    assert [e["path"] for e in saved(page)] == [INNLANDET_ONLY, SHARED_ARTICLE], (
        "the page that is gone is dropped"
    )


def test_without_scripts_there_is_no_dead_button_and_the_list_page_explains(new_page, base_url):
    page = new_page(java_script_enabled=False)
    open_page(page, base_url, f"/innlandet/{SHARED_ARTICLE}")
    assert page.locator("button", has_text="Favoritt").count() == 0
    assert page.locator(".kb-favourite").is_hidden()
    open_page(page, base_url, "/innlandet/favoritter/")
    text = page.locator("article").inner_text()
    assert "Favoritter krever at JavaScript er slått på" in text
    assert "Ingenting sendes til oss eller andre" in text
    assert page.locator(".kb-favourites").is_hidden()
    open_page(page, base_url, "/innlandet/tilgjengelighet/")
    privacy = page.locator("article").inner_text()
    assert "«Mine favoritter»" in privacy and "Ingenting av dette sendes til oss eller andre" in privacy


@pytest.mark.parametrize("scheme", SCHEMES)
def test_favourites_page_and_pressed_toggle_have_no_axe_violations(page, base_url, scheme):
    open_page(page, base_url, f"/vestfold/{SHARED_ARTICLE}")
    switch_color_scheme(page, scheme)
    page.locator(TOGGLE).click()
    axe_clean(page, f"pressed toggle, {scheme}")
    favourites_page(page, base_url, "vestfold")
    switch_color_scheme(page, scheme)
    axe_clean(page, f"«Mine favoritter», {scheme}")
