"""Browser contexts for the tests: the settings every test starts from, and the pool that lends them."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, CDPSession, Error, Page

CONTEXT_DEFAULTS = {"viewport": {"width": 1280, "height": 800}, "color_scheme": "light", "locale": "nb-NO"}
"""A desktop window, the light scheme and a Norwegian browser, unless a test asks otherwise."""
SET_ON_THE_MADE_CONTEXT = {"fixed_time": None, "timeout": 10_000}
"""Settings of the pool's own, set on a context once it is made (Playwright's ``new_context`` has no
such options), with their defaults: a fixed clock (none) and the default timeout in milliseconds."""


UNDONE_ONLY_BY_CLOSING = (
    "add_locator_handler",
    "emulate_media",
    "expose_binding",
    "expose_function",
    "route_from_har",
    "route_web_socket",
    "set_default_navigation_timeout",
    "set_default_timeout",
    "set_extra_http_headers",
    "set_viewport_size",
)
"""What a test may do to a page that a new document does not undo: a lent tab it was done to is closed."""


class LentTab:
    """The page a kept context lends as a test's ``page``, kept for the next test if it can start as new.

    A new page is a new renderer process for Chromium: a page load in a new tab cost 0.24 s of wall
    time and 0.40 core-seconds, in a tab that has had the site 0.14 s and 0.25 (40 loads of five page
    types). Given back, the tab is taken to ``about:blank`` (a new document: no script, DOM, focus or
    scroll of the test's page is left), the listeners, init scripts and routes the test added are
    removed and the pointer goes back to where a new page has it. What only closing undoes
    (``UNDONE_ONLY_BY_CLOSING``: an emulated medium, another viewport, a key held down …) marks the
    tab, and a marked tab is closed.
    """

    def __init__(self, page: Page) -> None:
        self.page = page
        self.listeners: list[tuple[str, Callable[..., Any]]] = []
        self.init_scripts: list[Any] = []
        self.marked = False
        for name in UNDONE_ONLY_BY_CLOSING:
            setattr(page, name, self._marking(getattr(page, name)))
        add_init_script = page.add_init_script

        def added(*args: Any, **kwargs: Any) -> Any:
            self.init_scripts.append(script := add_init_script(*args, **kwargs))
            return script

        page.add_init_script = added  # type: ignore[method-assign]
        for name in ("on", "once"):
            setattr(page, name, self._recording(getattr(page, name)))
        for name in ("down", "up"):  # a key or button held down would be held in the next test
            setattr(page.keyboard, name, self._marking(getattr(page.keyboard, name)))
            setattr(page.mouse, name, self._marking(getattr(page.mouse, name)))

    def _marking(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def marked(*args: Any, **kwargs: Any) -> Any:
            self.marked = True
            return method(*args, **kwargs)

        return marked

    def _recording(self, method: Callable[..., Any]) -> Callable[..., Any]:
        def recorded(event: str, handler: Callable[..., Any]) -> None:
            self.listeners.append((event, handler))
            method(event, handler)

        return recorded

    def made_new(self) -> bool:
        """Make the tab as a new one for the next test; False if it cannot be (then it is closed)."""
        if self.page.is_closed():
            return False
        if not self.marked:
            try:
                self.page.goto("about:blank")
                for event, handler in self.listeners:
                    with contextlib.suppress(KeyError, ValueError):  # a ``once`` listener that has run
                        self.page.remove_listener(event, handler)
                for script in self.init_scripts:
                    script.close()
                self.page.unroute_all(behavior="ignoreErrors")
                self.page.mouse.move(0, 0)
                self.listeners.clear()
                self.init_scripts.clear()
                return True
            except Error:
                pass
        self.page.close()
        return False


@dataclass
class _Kept:
    """A kept context's settings, the blank page that keeps it open, the tab it lends, and the origins its
    pages have asked."""

    key: str
    """Its settings, as the pool files it."""
    keeper: Page
    session: CDPSession
    tab: LentTab | None = None
    origins: set[str] = field(default_factory=set)


class KeptContexts:
    """Browser contexts kept for the session and lent to one test at a time, emptied in between.

    A new context for every test cost Chromium most of a short test's time: on five browser test
    files (108 tests, one worker) the machine was busy 188 core-seconds with new contexts and 118
    with lent ones. Each kept context holds one blank page, so that it is never left without one.
    A lent context starts as a new one would for what the tests look at: no page but the blank one,
    no cookie, no permission, nothing stored for any origin its pages have asked (local storage,
    IndexedDB, caches, service workers) and an empty HTTP cache (``test_kept_contexts.py`` shows it).
    A test that asks for two contexts with the same settings is lent two. A fixed clock
    (``fixed_time=``) and a default timeout (``timeout=``) are settings too, set on the context when it
    is made (``SET_ON_THE_MADE_CONTEXT``): a context whose pages read that moment is lent only to tests
    that ask for it. What a test changes in a context itself (an init script or route of the context,
    the clock: ``page.clock`` is the context's) would reach the tests after it: such a change belongs
    among those settings instead.
    """

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.free: dict[str, list[BrowserContext]] = {}
        self.kept: dict[BrowserContext, _Kept] = {}

    def _make(self, settings: dict) -> BrowserContext:
        own = {**SET_ON_THE_MADE_CONTEXT, **settings}
        context = self.browser.new_context(
            **{name: value for name, value in settings.items() if name not in SET_ON_THE_MADE_CONTEXT}
        )
        context.set_default_timeout(own["timeout"])
        if own["fixed_time"] is not None:
            context.clock.set_fixed_time(own["fixed_time"])
        return context

    def lend(self, settings: dict) -> BrowserContext:
        key = repr(sorted(settings.items()))
        if free := self.free.get(key):
            return free.pop()
        context = self._make(settings)
        keeper = context.new_page()
        kept = self.kept[context] = _Kept(key, keeper, context.new_cdp_session(keeper))
        context.on("request", lambda request: kept.origins.add(_origin(request.url)))
        return context

    def tab(self, context: BrowserContext) -> Page:
        """The page the lent ``context`` lends with it: the one kept from an earlier test, or a new one."""
        kept = self.kept[context]
        if kept.tab is None:
            kept.tab = LentTab(context.new_page())
        return kept.tab.page

    def give_back(self, context: BrowserContext) -> None:
        kept = self.kept[context]
        if kept.tab is not None and not kept.tab.made_new():
            kept.tab = None
        for page in context.pages:
            if page is not kept.keeper and (kept.tab is None or page is not kept.tab.page):
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
