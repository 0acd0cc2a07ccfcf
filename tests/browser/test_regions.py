"""The root chooser remembers the reader's region; the selector keeps the reader on the same page."""

from __future__ import annotations

import pytest
from kb_browser import PAGE_TYPES, REGIONS, open_page

pytestmark = pytest.mark.browser

REMEMBERED = "kompetansebroen.omrade"
NAMES = {"ahus": "Ahus", "innlandet": "Innlandet", "ostfold": "Østfold", "vestfold": "Vestfold"}


def remembered(page):
    return page.evaluate("(key) => window.localStorage.getItem(key)", REMEMBERED)


def settle(page):
    """Give kb.js its chance to redirect before asserting that it did not."""
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)


def test_chooser_lists_regions_remembers_the_choice_and_honours_o_and_velg(page, base_url):
    open_page(page, base_url, "/")
    settle(page)
    assert page.url == base_url + "/", "with nothing remembered, / should show the chooser"
    assert page.locator("h1").first.inner_text().strip().startswith("Velg ditt område")
    links = page.locator(".kb-chooser a[data-kb-region]")
    found = {link.get_attribute("data-kb-region"): link.evaluate("a => a.href") for link in links.all()}
    assert found == {region: f"{base_url}/{region}/" for region in REGIONS}
    for region, name in NAMES.items():
        assert name in page.locator(f'.kb-chooser a[data-kb-region="{region}"]').inner_text()
    assert remembered(page) is None

    page.locator('.kb-chooser a[data-kb-region="innlandet"]').click()
    page.wait_for_url(base_url + "/innlandet/")
    assert remembered(page) == "innlandet"

    page.goto(base_url + "/")
    page.wait_for_url(base_url + "/innlandet/")

    page.goto(base_url + "/?o=ostfold")
    page.wait_for_url(base_url + "/ostfold/")
    assert remembered(page) == "ostfold"

    page.goto(base_url + "/?velg")
    settle(page)
    assert page.url == base_url + "/?velg", "?velg must show the chooser without redirecting"
    assert page.locator(".kb-chooser a[data-kb-region]").count() == len(REGIONS)

    # An unknown region in ?o= is ignored: the remembered region still applies.
    page.goto(base_url + "/?o=finnes-ikke")
    page.wait_for_url(base_url + "/ostfold/")


def test_selector_switches_to_the_same_article_in_another_region(page, base_url):
    open_page(page, base_url, PAGE_TYPES["article"])
    summary = page.locator("summary.kb-region__summary")
    assert "Innlandet" in summary.inner_text()

    summary.click()
    page.locator('a.kb-region__link[data-kb-region="vestfold"]').click()

    page.wait_for_url(base_url + "/vestfold/artikler/hva-er-et-helsefellesskap/")
    assert "Vestfold" in page.locator("summary.kb-region__summary").inner_text()
    assert remembered(page) == "vestfold"


def test_region_only_article_links_other_regions_to_their_home(page, base_url):
    open_page(page, base_url, PAGE_TYPES["region-only-article"])
    page.locator("summary.kb-region__summary").click()
    ahus = page.locator('a.kb-region__link[data-kb-region="ahus"]')
    assert ahus.evaluate("a => a.href") == base_url + "/ahus/"
    assert "forsiden" in ahus.inner_text()

    ahus.click()

    page.wait_for_url(base_url + "/ahus/")
    assert "Ahus" in page.locator("summary.kb-region__summary").inner_text()
