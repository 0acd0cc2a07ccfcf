"""Phones: no sideways scrolling on any page type (``keep_screenshot``: full-page screenshots for review).

At the desktop width (1280 px, the browser's default here) every page type is loaded once, in
``test_nginx_policy.py``'s sweep, which checks sideways scrolling there beside axe and the CSP."""

from __future__ import annotations

import pytest
from kb_browser import ALL_PAGES, PAGE_TYPES, keep_screenshot, no_sideways_scroll, open_page

pytestmark = pytest.mark.browser

WIDTHS = {375: 812, 1280: 800}
PHONE = 375


@pytest.mark.parametrize("page_type", list(ALL_PAGES))
def test_no_sideways_scroll_on_a_phone(new_page, base_url, page_type):
    page = new_page(viewport={"width": PHONE, "height": WIDTHS[PHONE]})
    open_page(page, base_url, ALL_PAGES[page_type])

    keep_screenshot(page, f"{page_type}-{PHONE}", full_page=True)
    scroll_width, inner_width = no_sideways_scroll(page)

    assert scroll_width <= inner_width, (
        f"{page_type} at {PHONE}px scrolls sideways: scrollWidth {scroll_width} > innerWidth {inner_width}"
    )


@pytest.mark.parametrize("width", list(WIDTHS))
def test_region_selector_fits_on_screen(new_page, base_url, width):
    page = new_page(viewport={"width": width, "height": WIDTHS[width]})
    open_page(page, base_url, PAGE_TYPES["region-only-article"])
    summary = page.locator("summary.kb-region__summary")
    assert summary.is_visible(), f"the region selector is hidden at {width}px"

    summary.click()
    keep_screenshot(page, f"region-selector-open-{width}")

    for element in (summary, page.locator(".kb-region__menu")):
        box = element.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{box} is cut off at {width}px"
    scroll_width, inner_width = no_sideways_scroll(page)
    assert scroll_width <= inner_width, f"the open selector makes the page scroll sideways at {width}px"


@pytest.mark.parametrize("width", list(WIDTHS))
def test_chooser_cards_form_a_grid(new_page, base_url, width):
    """Side by side where there is room, one column on a phone; never touching, never indented."""
    page = new_page(viewport={"width": width, "height": WIDTHS[width]})
    open_page(page, base_url, "/?velg")

    layout = page.evaluate(
        """() => {
            const list = document.querySelector('.kb-chooser');
            const cards = [...list.children].map(li => li.getBoundingClientRect());
            const box = list.getBoundingClientRect();
            return {display: getComputedStyle(list).display, left: box.left, right: box.right,
                    cards: cards.map(r => ({left: r.left, right: r.right, top: r.top, bottom: r.bottom}))};
        }"""
    )

    cards = layout["cards"]
    assert len(cards) == 4
    assert layout["display"] == "grid", layout
    columns = len({round(card["left"]) for card in cards})
    assert columns >= 2 if width >= 1280 else columns == 1, f"{columns} column(s) at {width}px: {layout}"
    assert min(card["left"] for card in cards) == pytest.approx(layout["left"], abs=1), "cards are indented"
    for first in cards:
        for second in cards:
            if first is not second and first["top"] < second["top"]:
                same_column = abs(first["left"] - second["left"]) < 1
                assert not same_column or second["top"] - first["bottom"] >= 8, f"cards touch: {layout}"
