"""Privacy: reading the site and searching it asks nothing of any other host and sets no cookie, and
nothing the site itself does not have."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from kb_browser import ALL_PAGES, PAGE_TYPES, RequestRecorder, open_page, switch_color_scheme

pytestmark = pytest.mark.browser


def test_every_request_stays_on_our_host_and_no_cookies(page, base_url):
    recorder = RequestRecorder().attach(page)
    missing: list[str] = []  # what a page asked for and our server did not have
    page.on(
        "response",
        lambda response: (
            missing.append(f"{response.status} {response.url}")
            if response.status >= 400 and urlsplit(response.url).path != PAGE_TYPES["not-found"]
            else None
        ),
    )

    for path in ALL_PAGES.values():
        open_page(page, base_url, path)
        page.wait_for_load_state("networkidle")
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
