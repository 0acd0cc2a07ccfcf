"""Browser contexts for the tests: the settings every test starts from, and the pool that lends them."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, CDPSession, Page

CONTEXT_DEFAULTS = {"viewport": {"width": 1280, "height": 800}, "color_scheme": "light", "locale": "nb-NO"}
"""A desktop window, the light scheme and a Norwegian browser, unless a test asks otherwise."""


@dataclass
class _Kept:
    """A kept context's settings, the blank page that keeps it open, and the origins its pages have asked."""

    key: str
    """Its settings, as the pool files it."""
    keeper: Page
    session: CDPSession
    origins: set[str] = field(default_factory=set)


class KeptContexts:
    """Browser contexts kept for the session and lent to one test at a time, emptied in between.

    A new context for every test cost Chromium most of a short test's time: on five browser test
    files (108 tests, one worker) the machine was busy 188 core-seconds with new contexts and 118
    with lent ones. Each kept context holds one blank page, so that it is never left without one.
    A lent context starts as a new one would for what the tests look at: no page but the blank one,
    no cookie, no permission, nothing stored for any origin its pages have asked (local storage,
    IndexedDB, caches, service workers) and an empty HTTP cache (``test_kept_contexts.py`` shows it).
    A test that asks for two contexts with the same settings is lent two. What a test changes in a
    context itself (an init script or route of the context, a fake clock: ``page.clock`` is the
    context's) would reach the tests after it: such a test asks for a context of its own
    (``new_context(own_context=True)``), which is closed after it.
    """

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.free: dict[str, list[BrowserContext]] = {}
        self.kept: dict[BrowserContext, _Kept] = {}

    def new(self, settings: dict) -> BrowserContext:
        """A context of a test's own, made as every kept one is (closed by the test's fixture)."""
        context = self.browser.new_context(**settings)
        context.set_default_timeout(10_000)
        return context

    def lend(self, settings: dict) -> BrowserContext:
        key = repr(sorted(settings.items()))
        if free := self.free.get(key):
            return free.pop()
        context = self.new(settings)
        keeper = context.new_page()
        kept = self.kept[context] = _Kept(key, keeper, context.new_cdp_session(keeper))
        context.on("request", lambda request: kept.origins.add(_origin(request.url)))
        return context

    def give_back(self, context: BrowserContext) -> None:
        kept = self.kept[context]
        for page in context.pages:
            if page is not kept.keeper:
                page.close()
        context.clear_cookies()
        context.clear_permissions()
        kept.session.send("Network.clearBrowserCache")
        for origin in kept.origins - {""}:
            kept.session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        kept.origins.clear()
        self.free.setdefault(kept.key, []).append(context)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else ""
