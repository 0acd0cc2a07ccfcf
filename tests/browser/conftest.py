"""Browser fixtures: the built site served on 127.0.0.1, one chromium per session, contexts lent as fresh ones."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from contexts import CONTEXT_DEFAULTS, KeptContexts
from kb_browser import serve
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

CHROMIUM = os.environ.get("KOMPETANSEBROEN_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    """The whole built site (root chooser and every region) on a free local port."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def kept_contexts(browser: Browser) -> KeptContexts:
    return KeptContexts(browser)


@pytest.fixture
def new_context(kept_contexts: KeptContexts) -> Iterator:
    """Lend contexts (light scheme, Norwegian locale) as fresh as new ones; all are given back after the test."""
    lent: list[BrowserContext] = []

    def make(**options) -> BrowserContext:
        lent.append(kept_contexts.lend({**CONTEXT_DEFAULTS, **options}))
        return lent[-1]

    yield make
    for context in lent:
        kept_contexts.give_back(context)


@pytest.fixture
def context(new_context) -> BrowserContext:
    return new_context()


@pytest.fixture
def new_page(new_context, kept_contexts: KeptContexts):  # noqa: ANN201 - a maker of pages
    """Lend a page in a lent context with the given settings (``new_page(viewport=…)``), as new as a new
    one: the context's kept tab (``LentTab``) when it can start as new, else a new page."""

    def make(**options) -> Page:
        return kept_contexts.tab(new_context(**options))

    return make


@pytest.fixture
def page(new_page) -> Page:
    return new_page()
