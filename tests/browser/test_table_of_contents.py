"""«Innhold på siden»: a page's headings at every width, reachable by keyboard alone.

Below 1220 px Material shows a table of contents only in the navigation drawer,
under the page's own entry, and articles are not in our navigation; the block
in the text column takes its place there and is hidden where Material's sidebar
shows.
"""

from __future__ import annotations

import pytest
from kb_browser import (
    SCHEMES,
    axe_violations,
    describe_violations,
    focus_is_visible,
    focus_ring,
    keep_screenshot,
    open_page,
    switch_color_scheme,
    tab_until,
)

pytestmark = pytest.mark.browser

LONG_ARTICLE = "/innlandet/artikler/primaerhelseteam-pilot/"
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
TOC = "nav.kb-toc[aria-label='Innhold på siden']"


@pytest.mark.parametrize("key", ["Enter", " "])
def test_a_section_of_a_long_article_is_reached_from_the_table_of_contents_by_keyboard(
    new_page, base_url, key
):
    page = new_page(viewport=PHONE)
    open_page(page, base_url, LONG_ARTICLE)
    assert page.locator(".md-sidebar--secondary").is_hidden(), "Material's sidebar is hidden on a phone"
    toc = page.locator(TOC)
    assert toc.is_visible()
    headings = page.locator("article h2[id]").evaluate_all("els => els.map(e => [e.id, e.textContent])")
    links = toc.locator("a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert links == [f"#{id_}" for id_, _text in headings if id_ != "kb-related-heading"]
    assert "#hva-er-et-primaerhelseteam" in links

    tab_until(page, "summary.kb-toc__summary", most=40)
    assert focus_is_visible(focus_ring(page)), "the focused «Innhold på siden» shows no focus indicator"
    assert not toc.locator("details").evaluate("d => d.open")
    page.keyboard.press(key)
    assert toc.locator("details").evaluate("d => d.open"), f"{key!r} opens the table of contents"
    keep_screenshot(page, "article-toc-open-375")

    target = "#to-finansieringsmodeller"
    tab_until(page, f"{TOC} a[href='{target}']", most=40)
    assert focus_is_visible(focus_ring(page))
    page.keyboard.press("Enter")

    page.wait_for_function("(hash) => location.hash === hash", arg=target)
    page.wait_for_timeout(300)  # smooth scrolling, if any, has ended
    heading = page.locator(f"h2{target}").bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert heading is not None and header is not None
    assert header["y"] + header["height"] <= heading["y"] + 1, f"the header covers the heading: {heading}"
    assert heading["y"] + heading["height"] <= PHONE["height"], f"the heading is below the screen: {heading}"


def test_the_table_of_contents_is_materials_sidebar_on_wide_screens(new_page, base_url):
    page = new_page(viewport=DESKTOP)
    open_page(page, base_url, LONG_ARTICLE)
    assert page.locator(TOC).is_hidden()
    sidebar = page.locator(".md-sidebar--secondary nav.md-nav--secondary")
    assert sidebar.is_visible()
    assert sidebar.locator("a[href='#to-finansieringsmodeller']").is_visible()


def test_no_label_points_to_a_control_that_does_not_exist(page, base_url):
    """Material titles the table of contents with <label for="__toc">, but prints that control only
    for a page in the navigation, and articles are not in ours."""
    for path in [LONG_ARTICLE, "/innlandet/nyhetsbrev/"]:
        open_page(page, base_url, path)
        dangling = page.evaluate(
            "() => [...document.querySelectorAll('label[for]')]"
            ".filter(l => !document.getElementById(l.htmlFor)).map(l => l.outerHTML.slice(0, 120))"
        )
        assert dangling == [], f"{path}: {dangling}"


def test_only_pages_with_sections_have_a_table_of_contents(page, base_url):
    open_page(page, base_url, "/innlandet/nyhetsbrev/")  # a heading per year
    assert page.locator(f"{TOC} a").count() == page.locator("article h2[id]").count() > 0
    open_page(page, base_url, "/?velg")  # the chooser: a title and region cards
    assert page.locator("article h2").count() == 0 and page.locator(TOC).count() == 0


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_open_table_of_contents_has_no_axe_violations(new_page, base_url, scheme):
    page = new_page(viewport=PHONE)
    open_page(page, base_url, LONG_ARTICLE)
    switch_color_scheme(page, scheme)
    page.locator("summary.kb-toc__summary").click()
    violations = axe_violations(page)
    assert not violations, describe_violations(violations)
