"""A newsletter's e-mail edition in Chromium: axe at 600 and 375 px in both colour schemes, one column on
phones, readable with its ``<style>`` stripped (as some mail apps do), and nothing fetched but its own images.

The edition's addresses are absolute (``site_url``); the browser is given the
built site's files for them, so no request leaves the machine.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from kb_browser import (
    RequestRecorder,
    axe_violations,
    describe_violations,
    keep_screenshot,
    no_sideways_scroll,
)
from kompetansebroen.output.publishing.http_rules import content_type
from playwright.sync_api import Page, Route

from tests.support.repos import REPO

pytestmark = pytest.mark.browser

SITE_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\nplugins:")[0])[
    "site_url"
]
# An issue with an image, in a region with sign-up and unsubscribe addresses.
EDITION = "/innlandet/nyhetsbrev/2024-10-nyhetsbrev/epost.html"
WIDTHS = (600, 375)
SCHEMES = ("light", "dark")
# The edition's palettes (mail/html_edition.py): the card's background and its text in each scheme.
CARD = {"light": ("rgb(255, 255, 255)", "rgb(31, 35, 40)"), "dark": ("rgb(22, 27, 34)", "rgb(230, 237, 243)")}


def _from_built_site(built_site: Path):  # noqa: ANN202 - a Playwright route handler
    """Answer requests for ``site_url`` with the built site's files, as the published site would."""
    root = urlsplit(SITE_URL).path

    def handle(route: Route) -> None:
        path = urlsplit(route.request.url).path.removeprefix(root)
        target = built_site / path
        if path.endswith("/") or target.is_dir():
            target = target / "index.html"
        if not target.is_file():
            route.fulfill(status=404, body="")
            return
        route.fulfill(status=200, body=target.read_bytes(), content_type=content_type(target.name))

    return handle


def _open(page: Page, base_url: str, built_site: Path) -> RequestRecorder:
    recorder = RequestRecorder().attach(page)
    page.route(SITE_URL + "**", _from_built_site(built_site))
    page.goto(base_url + EDITION, wait_until="load")
    return recorder


def _card(page: Page) -> dict:
    """The width of the e-mail's column and the colours of its text, as computed."""
    return page.evaluate(
        """() => {
            const text = document.querySelector('.kb-body p');
            const card = text.closest('.kb-card');
            return {width: card.getBoundingClientRect().width,
                    background: getComputedStyle(card).backgroundColor,
                    color: getComputedStyle(text).color,
                    image: [...document.images].map(i => [i.naturalWidth, i.getBoundingClientRect().width])};
        }"""
    )


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_edition_passes_axe_in_one_column(
    new_page, base_url: str, built_site: Path, width: int, scheme: str
) -> None:
    page = new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    recorder = _open(page, base_url, built_site)
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
    scroll_width, inner_width = no_sideways_scroll(page)
    assert scroll_width <= inner_width, f"sideways scroll at {width} px: {scroll_width} > {inner_width}"
    card = _card(page)
    assert card["width"] == min(width, 600)
    assert (card["background"], card["color"]) == CARD[scheme]
    (natural, shown), *_ = card["image"]
    assert natural == 800 and 0 < shown <= min(width, 600) - 2 * 24
    # Only the page itself and the site's own files (answered locally) are asked for.
    origins = {f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" for url in recorder.urls}
    assert origins <= {base_url, SITE_URL.rstrip("/")}, recorder.urls
    keep_screenshot(page, f"epost-{width}-{scheme}", full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_edition_reads_well_without_its_style_elements(
    new_page, base_url: str, built_site: Path, width: int
) -> None:
    """Some mail apps drop ``<style>``: the inline styles alone keep one readable column."""
    page = new_page(viewport={"width": width, "height": 900})
    _open(page, base_url, built_site)
    removed = page.evaluate(
        "() => { const s = [...document.querySelectorAll('style')]; s.forEach(e => e.remove()); return s.length; }"
    )
    assert removed >= 1
    violations = axe_violations(page)
    assert violations == [], describe_violations(violations)
    scroll_width, inner_width = no_sideways_scroll(page)
    assert scroll_width <= inner_width
    card = _card(page)
    assert card["width"] == min(width, 600)
    assert (card["background"], card["color"]) == CARD["light"]


def test_the_dark_scheme_is_the_edition_s_own(new_page, base_url: str, built_site: Path) -> None:
    """The dark palette comes from the edition's media rule, not from the browser inverting colours."""
    light = new_page(color_scheme="light")
    dark = new_page(color_scheme="dark")
    for page in (light, dark):
        _open(page, base_url, built_site)
    assert _card(light)["background"] != _card(dark)["background"]
    links = dark.evaluate(
        "() => [...document.querySelectorAll('.kb-card a')].map(a => getComputedStyle(a).color)"
    )
    assert links and set(links) == {"rgb(140, 196, 255)"}
