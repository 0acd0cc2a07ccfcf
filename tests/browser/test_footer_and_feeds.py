"""Every region page advertises the region's feeds and links the accessibility statement from its footer."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from kb_browser import REGION_PAGES, open_page, region_of

pytestmark = pytest.mark.browser

FEEDS = {
    "application/rss+xml": ("nyhetsbrev/rss.xml", "rss"),
    "application/atom+xml": ("nyhetsbrev/atom.xml", "{http://www.w3.org/2005/Atom}feed"),
}


@pytest.mark.parametrize("name", list(REGION_PAGES))
def test_feeds_are_advertised_and_resolve_and_the_footer_leads_to_the_accessibility_statement(
    page, base_url, name
):
    """One load of each page for both: the feed links in <head>, then the footer's link, followed last."""
    path = REGION_PAGES[name]
    region = region_of(path)
    open_page(page, base_url, path)

    for feed_type, (feed_path, root_tag) in FEEDS.items():
        links = page.locator(f'head link[rel="alternate"][type="{feed_type}"]')
        assert links.count() == 1, f"{path}: expected one {feed_type} link in <head>, found {links.count()}"
        href = links.first.evaluate("el => el.href")  # resolved against the page's address
        assert href == f"{base_url}/{region}/{feed_path}", f"{path}: {feed_type} points to {href}"
        assert links.first.get_attribute("title"), f"{path}: the {feed_type} link has no title"

        response = page.request.get(href)

        assert response.status == 200, f"{path}: {href} answered {response.status}"
        assert ET.fromstring(response.body()).tag == root_tag, f"{href} is not a {feed_type} document"

    link = page.locator("footer a", has_text="Tilgjengelighetserklæring")
    assert link.count() == 1, f"{path}: the footer has {link.count()} accessibility statement links"
    assert link.first.is_visible()
    href = link.first.evaluate("el => el.href")
    assert href == f"{base_url}/{region}/tilgjengelighet/", f"{path}: the statement link points to {href}"

    link.first.click()

    page.wait_for_url(href)
    assert "Tilgjengelighetserklæring" in page.locator("h1").first.inner_text()
