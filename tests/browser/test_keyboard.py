"""Keyboard only: the skip link comes first and works; the region selector opens and navigates; focus shows."""

from __future__ import annotations

import time

import pytest
from kb_browser import PAGE_TYPES, active, focus_is_visible, focus_ring, open_page, tab_until

pytestmark = pytest.mark.browser

ARTICLE = PAGE_TYPES["article"]


def test_skip_link_is_first_visible_and_moves_to_main_content(page, base_url):
    open_page(page, base_url, ARTICLE)

    page.keyboard.press("Tab")

    assert active(page, "el.matches('a.md-skip')"), "the first Tab should reach the skip link, got " + active(
        page, "el.outerHTML.slice(0, 200)"
    )
    assert active(page, "el.textContent.trim()") == "Hopp til hovedinnhold"
    # Material fades the link in on focus; wait for the end of that transition.
    page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'")
    page.wait_for_timeout(300)
    geometry = page.evaluate(
        """() => {
            const el = document.activeElement, r = el.getBoundingClientRect(), s = getComputedStyle(el);
            const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
            return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width,
                    height: r.height, vw: window.innerWidth, vh: window.innerHeight,
                    visibility: s.visibility, clip: s.clip, clipPath: s.clipPath,
                    onTop: !!hit && (hit === el || el.contains(hit))};
        }"""
    )
    assert geometry["width"] > 10 and geometry["height"] > 10, geometry
    assert geometry["left"] >= 0 and geometry["top"] >= 0, geometry
    assert geometry["right"] <= geometry["vw"] and geometry["bottom"] <= geometry["vh"], geometry
    assert geometry["visibility"] == "visible", geometry
    assert geometry["clip"] in ("auto", "") and geometry["clipPath"] in ("none", ""), geometry
    assert geometry["onTop"], f"something covers the focused skip link: {geometry}"
    ring = focus_ring(page)
    assert focus_is_visible(ring), f"the focused skip link shows no focus indicator: {ring}"
    target = active(page, "el.getAttribute('href')")
    assert target.startswith("#") and len(target) > 1

    page.keyboard.press("Enter")

    page.wait_for_function("(hash) => location.hash === hash", arg=target)
    heading = page.locator(target)
    assert heading.evaluate("el => !!el.closest('main .md-content')"), "the skip target is not in the content"
    box = heading.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"] / 2, (
        f"the main heading was not scrolled into view: {box}"
    )
    # Sequential focus now starts at the target: the next Tab lands inside the main content.
    page.keyboard.press("Tab")
    assert active(page, "!!el.closest('main .md-content')"), (
        "after the skip link, Tab should continue in the main content, got "
        + active(page, "el.outerHTML.slice(0, 200)")
    )


def test_region_selector_with_keyboard_goes_to_same_article(page, base_url):
    open_page(page, base_url, ARTICLE)

    tab_until(page, "summary.kb-region__summary")
    ring = focus_ring(page)
    assert focus_is_visible(ring), f"the focused selector shows no focus indicator: {ring}"
    details = page.locator("details.kb-region__details")
    assert details.evaluate("d => d.open") is False

    page.keyboard.press("Enter")
    assert details.evaluate("d => d.open") is True, "Enter should open the region selector"
    assert page.locator(".kb-region__menu").is_visible()

    tab_until(page, "a.kb-region__link[data-kb-region='vestfold']")
    ring = focus_ring(page)
    assert focus_is_visible(ring), f"the focused region link shows no focus indicator: {ring}"
    assert page.evaluate("() => document.activeElement.getBoundingClientRect().height") > 0

    page.keyboard.press("Enter")

    page.wait_for_url(base_url + "/vestfold/artikler/hva-er-et-helsefellesskap/")
    assert page.locator("h1").first.inner_text().strip().startswith("Hva er et helsefellesskap?")
    assert page.locator(".kb-region__current").inner_text().strip() == "Vestfold"


def test_region_selector_opens_with_space_and_closes_with_escape(page, base_url):
    open_page(page, base_url, ARTICLE)
    tab_until(page, "summary.kb-region__summary")
    details = page.locator("details.kb-region__details")

    page.keyboard.press("Space")
    assert details.evaluate("d => d.open") is True, "Space should open the region selector"

    page.keyboard.press("Tab")
    assert active(page, "el.matches('a.kb-region__link')"), "Tab from the open selector should reach a link"
    page.keyboard.press("Escape")

    assert details.evaluate("d => d.open") is False, "Escape should close the region selector"
    assert active(page, "el.matches('summary.kb-region__summary')"), (
        "Escape should return focus to the summary"
    )


_WATCH_RESULTS = """() => {
  window.kbResultsChanged = performance.now();
  new MutationObserver(() => { window.kbResultsChanged = performance.now(); }).observe(
    document.querySelector(".md-search-result__list"), { childList: true, subtree: true, characterData: true }
  );
}"""


def results_settled(page, quiet_ms=500, within_s=10.0):
    """Wait until the list of search results has not changed for ``quiet_ms``; fail after ``within_s``.

    The waiting is done here, a short Playwright wait at a time, never by a promise in the page that
    only the page's own timers could end."""
    page.evaluate(_WATCH_RESULTS)
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        page.wait_for_timeout(50)
        if page.evaluate("() => performance.now() - window.kbResultsChanged") >= quiet_ms:
            return
    raise AssertionError(f"the search results were still changing after {within_s} s")


def test_search_with_keyboard_only(page, base_url):
    open_page(page, base_url, ARTICLE)
    # Tab to the search field like a keyboard user, type, and open the first result with the keyboard.
    tab_until(page, "input.md-search__input")
    ring = focus_ring(page)
    assert focus_is_visible(ring), f"the focused search field shows no focus indicator: {ring}"
    page.keyboard.type("sekretaria")
    page.keyboard.press("t")
    first = page.locator(".md-search-result__item a.md-search-result__link").first
    first.wait_for(state="visible")
    # Each key gets its own answer: the list shown for «sekretaria» is replaced by the one for
    # «sekretariat», and an arrow pressed in between lands on a result that is then removed.
    results_settled(page)
    page.keyboard.press("ArrowDown")
    focused = active(page, "el.getAttribute('href') || ''")
    assert "tilskudd-til-sekretariat" in focused, (
        f"ArrowDown should focus the first result, focus is on {focused!r}"
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**/artikler/tilskudd-til-sekretariat/**")
    assert "sekretariat" in page.locator("h1").first.inner_text().lower()
