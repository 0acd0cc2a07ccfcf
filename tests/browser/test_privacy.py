"""Privacy: reading the site and searching it asks nothing of any other host and sets no cookie, and
nothing the site itself does not have."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from kb_browser import ALL_PAGES, PAGE_TYPES, NetworkWatch, RequestRecorder, open_page, switch_color_scheme
from playwright.sync_api import Page

pytestmark = pytest.mark.browser


def test_every_request_stays_on_our_host_and_no_cookies(page, base_url):
    recorder, watch = RequestRecorder(), NetworkWatch()
    missing: list[str] = []  # what a page asked for and our server did not have

    def watched(tab: Page) -> Page:
        recorder.attach(tab)
        watch.attach(tab)
        tab.on(
            "response",
            lambda response: (
                missing.append(f"{response.status} {response.url}")
                if response.status >= 400 and urlsplit(response.url).path != PAGE_TYPES["not-found"]
                else None
            ),
        )
        return tab

    # Every page in a tab of its own, all open together: each page is given what Playwright's «network
    # idle» gives one (half a second with no request open) to ask for anything late, in the same half
    # second for all of them.
    tabs = [watched(page)] + [watched(page.context.new_page()) for _ in range(len(ALL_PAGES) - 1)]
    for tab, path in zip(tabs, ALL_PAGES.values(), strict=True):
        open_page(tab, base_url, path)
    watch.wait_until_quiet(page)
    assert {urlsplit(tab.url).path for tab in tabs} == {urlsplit(path).path for path in ALL_PAGES.values()}
    for tab in tabs[1:]:
        tab.close()
    page.bring_to_front()  # a tab behind others has its timers slowed, and search waits on one
    # The interactive parts too: the dark scheme, the open selector and a search.
    open_page(page, base_url, PAGE_TYPES["article"])
    switch_color_scheme(page, "slate")
    page.locator("summary.kb-region__summary").click()
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("helsefellesskap", delay=10)
    page.locator(".md-search-result__item").first.wait_for(state="visible")
    page.wait_for_load_state("networkidle")

    paths = {urlsplit(url).path for url in recorder.urls}
    assert len(paths) > len(ALL_PAGES), "the recorder saw too few requests to mean anything"
    assert any(p.endswith("/search/search_index.json") for p in paths), "the search index was not seen"
    assert any("/assets/javascripts/lunr/" in p for p in paths), "the search worker's requests were not seen"
    foreign = recorder.foreign()
    assert not foreign, "requests to other hosts:\n" + "\n".join(foreign)
    # Material asks for a sitemap.xml beside every <link rel="alternate"> (feeds_writer.py writes them).
    assert not missing, "requests the site could not answer:\n" + "\n".join(missing)
    assert page.context.cookies() == [], f"cookies were set: {page.context.cookies()}"
    assert page.evaluate("() => document.cookie") == ""
