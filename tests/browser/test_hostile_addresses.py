"""Values a stranger puts in an address or a reader's storage: shown as nothing or as text, never run.

The catalogue reads ``?type=&tema=&yrkesgruppe=``, the root chooser reads
``?o=`` and the remembered region, and «Mine favoritter» reads a list from
``localStorage``. Each is tried with markup, ``javascript:`` addresses and
other hosts in Chromium: no script runs (``window.kbPwned`` stays unset), no
element is added from the value, the reader is never sent to another host,
and nothing is requested from one.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from kb_browser import RequestRecorder, open_page
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

RUNS = "window.kbPwned=1"
MARKUP = [
    f"<img src=x onerror={RUNS}>",
    f'"><svg onload="{RUNS}">',
    f"javascript:{RUNS}",
    f"'];{RUNS};//",
    f"</script><script>{RUNS}</script>",
]
OTHER_HOSTS = [
    "//evil.example",
    "https://evil.example/",
    "%2F%2Fevil.example",
    "/\\evil.example",
    "\\\\evil.example",
]


def nothing_ran(page: Page) -> None:
    assert page.evaluate("() => window.kbPwned") is None
    injected = page.evaluate(
        "() => [...document.querySelectorAll('img[src=x], svg[onload], script:not([src])')]"
        ".filter(el => /kbPwned/.test(el.outerHTML)).length"
    )
    assert injected == 0


@pytest.mark.parametrize("value", MARKUP, ids=range(len(MARKUP)))
def test_the_catalogue_filters_ignore_markup_in_the_address(page: Page, base_url: str, value: str) -> None:
    recorder = RequestRecorder().attach(page)
    hostile = quote(value, safe="")
    open_page(page, base_url, f"/innlandet/laering/?type={hostile}&tema={hostile}&yrkesgruppe={hostile}")
    page.locator("[data-kb-filters][data-kb-ready]").wait_for()
    nothing_ran(page)
    pressed = page.locator('.kb-filters button[aria-pressed="true"]').evaluate_all(
        "buttons => buttons.map(b => b.dataset.kbValue)"
    )
    assert pressed == ["", "", ""], "an unknown value is «Alle», never a new button"
    total = page.locator("[data-kb-catalogue] .kb-card").count()
    assert page.locator(".kb-card:visible").count() == total > 0
    assert value not in page.locator(".kb-filters").inner_html()
    assert not recorder.foreign()


@pytest.mark.parametrize("value", MARKUP + OTHER_HOSTS, ids=range(len(MARKUP + OTHER_HOSTS)))
def test_the_root_chooser_never_follows_a_foreign_o_or_remembered_region(
    page, base_url: str, value: str
) -> None:
    recorder = RequestRecorder().attach(page)
    address = f"{base_url}/?o={quote(value, safe='%')}"
    page.goto(address, wait_until="load")
    assert page.url == address, "the chooser stays where it is"
    assert page.locator(".kb-chooser").count() == 1
    nothing_ran(page)

    page.evaluate("value => localStorage.setItem('kompetansebroen.omrade', value)", value)
    page.goto(f"{base_url}/", wait_until="load")
    assert page.url == f"{base_url}/"
    nothing_ran(page)
    assert not recorder.foreign(), recorder.foreign()


def test_a_known_o_still_leads_to_its_region(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/?o=ahus", wait_until="load")
    page.wait_for_url(f"{base_url}/ahus/")


POISON = [
    {"path": f"javascript:{RUNS}", "title": MARKUP[0], "type": MARKUP[1], "date": MARKUP[4], "region": "x"},
    {
        "path": "//evil.example/",
        "title": MARKUP[1],
        "type": "Fagartikkel",
        "date": "2024-01-01",
        "region": "x",
    },
    {
        "path": "artikler/hva-er-et-helsefellesskap/",
        "title": MARKUP[0],
        "type": MARKUP[4],
        "date": f'2024-01-01" onmouseover="{RUNS}',
        "region": "innlandet",
    },
    {"path": {"toString": RUNS}, "title": ["<b>x</b>"], "type": None, "date": 7},
    "artikler/x/",
    None,
]


@pytest.mark.parametrize("index_answers", [True, False], ids=["with-the-page-list", "without-it"])
def test_my_favourites_with_poisoned_storage_runs_nothing_and_links_only_here(
    page: Page, base_url: str, index_answers: bool
) -> None:
    """With the page list, unknown paths drop out; without it (the index fails), every entry is shown,
    and still only as text with links to pages of this region on this host."""
    recorder = RequestRecorder().attach(page)
    if not index_answers:
        page.route("**/search/kb/sider.json", lambda route: route.abort())
    open_page(page, base_url, "/innlandet/")
    page.evaluate("list => localStorage.setItem('kompetansebroen.favoritter', JSON.stringify(list))", POISON)
    open_page(page, base_url, "/innlandet/favoritter/")
    page.locator(".kb-favourites:not([hidden])").wait_for()
    page.wait_for_function(
        "() => document.querySelectorAll('.kb-favourites__item').length > 0"
        " || !document.querySelector('.kb-favourites__empty').hidden"
        " || document.querySelector('.kb-favourites__status').textContent !== ''"
    )
    nothing_ran(page)
    links = page.locator(".kb-favourites__item a").evaluate_all("links => links.map(a => a.href)")
    assert links, "the known page is listed"
    assert all(link.startswith(f"{base_url}/innlandet/") for link in links), links
    titles = page.locator(".kb-favourites__item a").all_inner_texts()
    assert MARKUP[0] in titles, "a title is shown as the text it is"
    assert page.locator(".kb-favourites img, .kb-favourites svg[onload], .kb-favourites b").count() == 0
    for link in page.locator(".kb-favourites__item a").all():
        link.hover()
    nothing_ran(page)
    assert not recorder.foreign()


def test_a_favourite_list_that_is_not_a_list_is_an_empty_one(page: Page, base_url: str) -> None:
    open_page(page, base_url, "/innlandet/")
    for stored in ('{"path": "x"}', "<script>window.kbPwned=1</script>", '"tekst"', "null", "42"):
        page.evaluate("value => localStorage.setItem('kompetansebroen.favoritter', value)", stored)
        open_page(page, base_url, "/innlandet/favoritter/")
        page.locator(".kb-favourites:not([hidden])").wait_for()
        page.locator(".kb-favourites__empty").wait_for(state="visible")  # the list was drawn, empty
        nothing_ran(page)
        assert page.locator(".kb-favourites__item").count() == 0, stored
