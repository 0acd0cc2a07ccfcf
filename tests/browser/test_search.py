"""Norwegian search: an inflected form finds the article through stemming; the search stays on our host."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest
from kb_browser import LOCAL_HOST, PAGE_TYPES, open_page

pytestmark = pytest.mark.browser

# The genitive «sekretariatets» is nowhere in the content; «sekretariat», «sekretariatet» and
# «sekretariatene» are. Only the Norwegian stemmer joins them.
QUERY = "sekretariatets"
STEM = "sekretariat"
EXPECTED = "/innlandet/artikler/tilskudd-til-sekretariat/"
INDEX = "/innlandet/search/search_index.json"


def response_bytes(response) -> int:
    try:
        return len(response.body())
    except Exception:  # a body the browser did not keep: fall back to what it counted
        return max(response.request.sizes().get("responseBodySize", 0), 0)


def test_inflected_form_finds_the_article(page, base_url, built_site, record_property):
    index_text = (built_site / INDEX.lstrip("/")).read_text(encoding="utf-8").lower()
    assert QUERY not in index_text, "the query must not appear literally, or stemming is not tested"
    assert STEM + "et" in index_text
    index = json.loads(index_text)
    assert index["config"]["lang"] == ["no"], "the search index should be built for Norwegian"

    responses = []
    page.on("response", lambda response: responses.append(response))
    open_page(page, base_url, PAGE_TYPES["article"])
    page.wait_for_load_state("networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    typed_at = len(responses)

    # Material searches on keyup: fill all but the last letter, then type it, so that the only
    # query sent is the whole word (a prefix like «sekretariat» would find the page anyway).
    search.fill(QUERY[:-1])
    search.press(QUERY[-1])

    meta = page.locator(".md-search-result__meta")
    page.wait_for_function(
        "() => /treff/.test(document.querySelector('.md-search-result__meta').textContent)"
    )
    page.wait_for_load_state("networkidle")
    assert search.input_value() == QUERY
    results = page.locator(".md-search-result__item")
    hrefs = results.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    assert any(urlsplit(href).path == EXPECTED for href in hrefs), (
        f"«{QUERY}» should find {EXPECTED}; the search said «{meta.inner_text()}», results: {hrefs}"
    )

    index_responses = [r for r in responses if urlsplit(r.url).path == INDEX]
    assert index_responses, "the search index was never requested"
    page_host = urlsplit(base_url).netloc
    assert urlsplit(base_url).hostname == LOCAL_HOST
    assert all(urlsplit(r.url).netloc == page_host for r in index_responses), [r.url for r in index_responses]
    assert all(r.status == 200 for r in index_responses)
    after_typing = [r for r in responses[typed_at:] if r not in index_responses]
    index_bytes = sum(response_bytes(r) for r in index_responses)
    other_bytes = sum(response_bytes(r) for r in after_typing)
    total = index_bytes + other_bytes
    figure = (
        f"search for «{QUERY}»: {total} bytes (index {index_bytes} bytes, "
        f"{len(after_typing)} other request(s) after typing, {other_bytes} bytes)"
    )
    print(figure)
    record_property("search_bytes", total)
    assert index_bytes > 0 and total > 0, figure
