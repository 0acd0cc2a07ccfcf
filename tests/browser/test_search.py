"""Norwegian search: an inflected form finds the article through stemming; the search stays on our host."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from kb_browser import LOCAL_HOST, PAGE_TYPES, open_page, search_answer
from playwright.sync_api import Page

from tests.support.search_parts import index_settings, indexed_pages, indexed_words

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
    words = indexed_words(built_site / "innlandet")
    assert QUERY not in words, "the query must not appear literally, or stemming is not tested"
    assert STEM + "et" in words
    assert index_settings(built_site / "innlandet")["config"]["lang"] == ["no"], "Norwegian search"

    responses = []
    page.on("response", lambda response: responses.append(response))
    open_page(page, base_url, PAGE_TYPES["article"])
    page.wait_for_load_state("networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    typed_at = len(responses)

    # Material searches on keyup: fill all but the last letter, then type it, so that the only
    # query sent is the whole word (a prefix like «sekretariat» would find the page anyway).
    answer = search_answer(page, QUERY, expect=EXPECTED)
    assert search.input_value() == QUERY
    assert answer.finds(EXPECTED), (
        f"«{QUERY}» should find {EXPECTED}; the search said «{answer.said}», results: {answer.hrefs}"
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


# -- the index is fetched when the reader asks for search, not with the page ---------------------

SEARCH_FILES = re.compile(r"/search/search_index\.json$|/workers/search\.[0-9a-f]+\.min\.js$|/lunr/")


def search_requests(page) -> list[str]:
    """Paths of the index, Material's worker and lunr's files the page has requested so far."""
    paths = page.evaluate("() => performance.getEntriesByType('resource').map(entry => entry.name)")
    return [urlsplit(url).path for url in paths if SEARCH_FILES.search(urlsplit(url).path)]


def open_article_without_search(page, base_url: str) -> None:
    open_page(page, base_url, PAGE_TYPES["article"])
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)  # Material set up search on load; anything it fetched would be in by now
    assert search_requests(page) == [], "nothing of search may be fetched before the reader asks for it"


def test_page_load_fetches_nothing_of_search(page, base_url):
    open_article_without_search(page, base_url)
    page.mouse.wheel(0, 600)  # reading and scrolling is not asking for search
    page.locator("article a").first.hover()
    page.wait_for_timeout(300)
    assert search_requests(page) == []


def test_focus_on_the_search_field_fetches_the_index(page, base_url):
    open_article_without_search(page, base_url)
    with page.expect_response(lambda response: urlsplit(response.url).path == INDEX) as answer:
        page.locator("input.md-search__input").focus()
    assert answer.value.status == 200


def test_slash_fetches_the_index_and_search_answers(page, base_url):
    open_article_without_search(page, base_url)
    with page.expect_response(lambda response: urlsplit(response.url).path == INDEX):
        page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.matches('input.md-search__input')")
    answer = search_answer(page, QUERY, expect=EXPECTED)
    assert answer.finds(EXPECTED), answer


ATTEMPTS = 3
"""Tries at the 300 ms answer: a shared machine can stall one, a slow search fails them all."""


def first_answer_after_the_index(page: Page, base_url: str) -> float:
    """Milliseconds from the index's arrival to the first answer, with the index held back until the
    whole word is typed, so the answer waits for the index alone: the worker loading Material's
    search and lunr, building the index, and searching."""
    held = []
    page.route(f"**{INDEX}", lambda route: held.append(route))
    open_article_without_search(page, base_url)
    page.evaluate(
        """() => {
          const meta = document.querySelector('.md-search-result__meta');
          new MutationObserver(() => {
            if (/treff/.test(meta.textContent) && !window.kbAnsweredAt) { window.kbAnsweredAt = performance.now(); }
          }).observe(meta, {childList: true, characterData: true, subtree: true});
        }"""
    )
    search = page.locator("input.md-search__input")
    search.focus()
    search.fill(QUERY[:-1])
    search.press(QUERY[-1])
    page.wait_for_timeout(300)
    assert len(held) == 1, "the index should have been asked for once, on focus"
    assert page.evaluate("() => window.kbAnsweredAt") is None, (
        "nothing can be found before the index is there"
    )

    held[0].continue_()
    page.wait_for_function("() => window.kbAnsweredAt !== undefined")
    arrived = page.evaluate(
        "path => performance.getEntriesByType('resource').find(e => new URL(e.name).pathname === path).responseEnd",
        INDEX,
    )
    hrefs = page.locator("a.md-search-result__link").evaluate_all("links => links.map(a => a.href)")
    assert any(urlsplit(href).path == EXPECTED for href in hrefs), hrefs
    return page.evaluate("() => window.kbAnsweredAt") - arrived


def test_first_search_answers_soon_after_the_index_arrives(context, base_url):
    """A word typed while the index is on its way is answered within 300 ms of the index's arrival
    (the best of up to three fresh pages, as a benchmark takes the best of its runs)."""
    waits = []
    for _ in range(ATTEMPTS):
        waits.append(first_answer_after_the_index(context.new_page(), base_url))
        assert waits[-1] >= 0, "an answer before the index arrived"
        if waits[-1] <= 300:
            break
    print(
        "first search answered " + ", ".join(f"{wait:.0f}" for wait in waits) + " ms after the index arrived"
    )
    assert min(waits) <= 300, f"{len(waits)} tries, each over 300 ms: {waits}"


def test_a_page_opened_from_a_result_highlights_the_words(page, base_url):
    """Material highlights the searched words (?h=) with the index's settings: such a page fetches it."""
    with page.expect_response(lambda response: urlsplit(response.url).path == INDEX):
        open_page(page, base_url, EXPECTED + "?h=" + STEM)
    page.wait_for_selector("main mark")


# -- words from the body and from headings ---------------------------------------------------------


def search_for(page, base_url: str, query: str, expect: str) -> list[str]:
    """The addresses (path and #anchor) of the results for ``query``, typed into the search field,
    once they hold the page ``expect`` (or after 10 s, for the assertion to show what they held)."""
    open_page(page, base_url, PAGE_TYPES["article"])
    page.locator("input.md-search__input").focus()
    return search_answer(page, query, expect=expect).addresses


def test_a_word_only_in_the_body_finds_its_page(page, base_url, built_site):
    word, path = "ambulansetjenesten", "/innlandet/artikler/akuttmedisinsk-kjede/"
    shown = next(p for p in indexed_pages(built_site / "innlandet") if "/innlandet/" + p["location"] == path)
    assert word not in (shown["title"] + shown["text"] + str(shown["sections"])).lower(), (
        "not a body-only word"
    )
    assert word in indexed_words(built_site / "innlandet")
    results = search_for(page, base_url, word, path)
    assert path in results, results


def test_a_word_of_a_heading_finds_the_section(page, base_url, built_site):
    path = "/innlandet/artikler/avtalen-mellom-regjeringen-og-ks/"
    shown = next(p for p in indexed_pages(built_site / "innlandet") if "/innlandet/" + p["location"] == path)
    anchor = next(anchor for anchor, title in shown["sections"] if "hovedpunkter" in title.lower())
    # An inflected form: the stem finds «hovedpunkter».
    results = search_for(page, base_url, "hovedpunktene", path)
    assert f"{path}#{anchor}" in results, results
    assert page.locator("a.md-search-result__link mark").count() > 0, "the found words should be marked"


# -- an answer to the field as it was does not read «Ingen treff» over a word that finds pages ------

_RECORD_SAID = """() => {
  window.kbSaid = [];
  const meta = document.querySelector(".md-search-result__meta");
  new MutationObserver(() => window.kbSaid.push(meta.textContent)).observe(
    meta, { childList: true, characterData: true, subtree: true }
  );
}"""


PAUSES_MS = (0, 10, 20, 20, 30, 40)
"""From the click to the first key: the empty field's answer crosses the word typed most often at 20 ms."""


def test_a_word_typed_as_the_index_arrives_never_reads_ingen_treff(page, base_url):
    """Material asks for the field as it is when the index is ready, often still empty, and shows each
    answer with the field as it is when the answer comes: the empty field's answer, coming after the
    first key, once read «Ingen treff» over «sekretariatets» (in 2 of 6 tries typed at once after the
    click, 5 of 6 after 20 ms). The worker answers an empty field only if nothing is typed meanwhile."""
    flashes = []
    for pause_ms in PAUSES_MS:
        open_page(page, base_url, PAGE_TYPES["article"])
        page.evaluate(_RECORD_SAID)
        page.locator("input.md-search__input").click()
        page.wait_for_timeout(pause_ms)
        answer = search_answer(page, QUERY, expect=EXPECTED)
        assert answer.finds(EXPECTED), answer
        said = page.evaluate("() => window.kbSaid")
        if [text for text in said if "Ingen treff" in text]:
            flashes.append((pause_ms, said))
    assert not flashes, (
        f"«Ingen treff» shown before the answer, {len(flashes)} of {len(PAUSES_MS)}: {flashes}"
    )


def test_an_empty_field_still_asks_for_a_word(page, base_url):
    """Focused and left empty, or emptied after a search, the field says «Skriv søkeord»."""
    open_page(page, base_url, PAGE_TYPES["article"])
    search = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    search.click()
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent === 'Skriv søkeord'"
    )
    assert search_answer(page, QUERY, expect=EXPECTED).finds(EXPECTED)
    search.fill("")
    search.press("Backspace")  # Material reads the field on keyup
    page.wait_for_function(
        "() => document.querySelector('.md-search-result__meta').textContent === 'Skriv søkeord'"
    )
    assert meta.inner_text() == "Skriv søkeord"
