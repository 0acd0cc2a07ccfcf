"""Helpers shared by the browser tests: the local server, axe, the request recorder, colour schemes.

The deliberately broken fixture (test_checks_catch_problems.py) runs these same helpers, so it
proves that the real checks report what they are meant to report.
"""

from __future__ import annotations

import functools
import http.server
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from axe_playwright_python.base import AXE_SCRIPT
from kompetansebroen.output.publishing.http_rules import content_type
from playwright.sync_api import Page, Request

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"

REGIONS = ("ahus", "innlandet", "ostfold", "vestfold")
REGION = "innlandet"

# One page of every type in one region (paths from the server root).
PAGE_TYPES: dict[str, str] = {
    "home": "/innlandet/",
    "article": "/innlandet/artikler/hva-er-et-helsefellesskap/",
    "region-only-article": "/innlandet/artikler/samarbeidsmodell-innlandet/",
    "article-list": "/innlandet/artikler/",
    "newsletter": "/innlandet/nyhetsbrev/2024-05-nyhetsbrev/",
    "newsletter-archive": "/innlandet/nyhetsbrev/",
    "hub": "/innlandet/helsefellesskap/",
    "topic": "/innlandet/tema/helsefellesskap/",
    "topic-index": "/innlandet/tema/",
    "governing-list": "/innlandet/styrende-dokumenter/",
    "governing-document": "/innlandet/styrende-dokumenter/samarbeidsavtaler-2012/",
    "accessibility": "/innlandet/tilgjengelighet/",
    "not-found": "/innlandet/denne-siden-finnes-ikke/",
}
# The root chooser, without the redirect to a remembered region.
CHOOSER = "/?velg"
ALL_PAGES: dict[str, str] = {"chooser": CHOOSER, **PAGE_TYPES}
# Every page type of one region, plus the other regions' home and not-found pages.
REGION_PAGES: dict[str, str] = {
    **{f"{REGION}-{name}": path for name, path in PAGE_TYPES.items()},
    **{f"{region}-home": f"/{region}/" for region in REGIONS if region != REGION},
    **{f"{region}-not-found": f"/{region}/finnes/ikke/" for region in REGIONS if region != REGION},
}


def region_of(path: str) -> str:
    return path.strip("/").split("/")[0]


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCHEMES = ("default", "slate")
LOCAL_HOST = "127.0.0.1"
LOCAL_SCHEMES = ("data", "blob")


# -- the server ---------------------------------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing path gets its region's 404.html (or the root one) with status 404."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        """The type nginx gives the file (http_rules.py), not the machine's guess."""
        return content_type(Path(path).name)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404 or self.command not in ("GET", "HEAD"):
            super().send_error(code, message, explain)
            return
        root = Path(self.directory)
        first = unquote(urlsplit(self.path).path).strip("/").split("/")[0]
        candidates = [root / first / "404.html"] if first else []
        page = next((p for p in [*candidates, root / "404.html"] if p.is_file()), None)
        if page is None:
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the browser closed a page while a file was on its way: not a fault
        super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 on a free port; yield the base URL (no trailing slash)."""
    handler = functools.partial(_Handler, directory=str(directory))
    server = _Server((LOCAL_HOST, 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{LOCAL_HOST}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# -- axe ----------------------------------------------------------------------------------------

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


def axe_violations(page: Page) -> list[dict]:
    """axe-core's WCAG 2.0/2.1 A and AA violations on the page as it is now.

    axe-core (570 KB of script) is put into a document once; a second run on the same document
    (the other colour scheme, a menu opened) reuses it, as axe's own API allows.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    return page.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation.get('impact')}): {violation['help']}")
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"    at {target}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:300]}")
    return "\n".join(lines)


# -- requests -----------------------------------------------------------------------------------


@dataclass
class RequestRecorder:
    """Every request a page makes (its workers' too), recorded before it is sent."""

    urls: list[str] = field(default_factory=list)

    def attach(self, page: Page) -> RequestRecorder:
        page.on("request", self._record)
        return self

    def _record(self, request: Request) -> None:
        self.urls.append(request.url)

    def foreign(self, allowed_host: str = LOCAL_HOST) -> list[str]:
        """Requests that leave the machine: any host other than ``allowed_host``, any odd scheme."""
        return [url for url in self.urls if not is_local(url, allowed_host)]


@dataclass
class NetworkWatch:
    """The requests a page has open, to wait until it has asked for everything it will ask for.

    Playwright's «network idle» comes from Chromium's own count, and on Decap's admin pages it at
    times never came with no request open (one full test run in a few). This counts what the page
    itself reports: a request is open from its ``request`` event until it finishes or fails.
    """

    open: dict[Request, str] = field(default_factory=dict)
    last_change: float = field(default_factory=time.monotonic)

    def attach(self, page: Page) -> NetworkWatch:
        page.on("request", self._opened)
        page.on("requestfinished", self._closed)
        page.on("requestfailed", self._closed)
        return self

    def _opened(self, request: Request) -> None:
        self.open[request] = request.url
        self.last_change = time.monotonic()

    def _closed(self, request: Request) -> None:
        self.open.pop(request, None)
        self.last_change = time.monotonic()

    def wait_until_quiet(self, page: Page, quiet: float = 0.5, within: float = 15.0) -> None:
        """Wait until no request has been open for ``quiet`` seconds; fail after ``within`` seconds,
        naming what is still open."""
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            page.wait_for_timeout(50)  # Playwright hands over the page's events while it waits
            if not self.open and time.monotonic() - self.last_change >= quiet:
                return
        raise AssertionError(f"requests still open after {within} s: {sorted(self.open.values())}")


def is_local(url: str, allowed_host: str = LOCAL_HOST) -> bool:
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.scheme in ("http", "https") and parts.hostname == allowed_host


# -- the page -----------------------------------------------------------------------------------


def open_page(page: Page, base_url: str, path: str) -> None:
    """Load a page up to its load event: Material's and our scripts have run by then."""
    page.goto(base_url + path, wait_until="load")


def color_scheme(page: Page) -> str:
    return page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")


def switch_color_scheme(page: Page, scheme: str) -> None:
    """Use the header's palette toggle until the page shows ``scheme``."""
    for _ in range(len(SCHEMES)):
        if color_scheme(page) == scheme:
            break
        before = color_scheme(page)
        page.locator("form[data-md-component=palette] label:visible").first.click()
        page.wait_for_function("(b) => document.body.getAttribute('data-md-color-scheme') !== b", arg=before)
    page.wait_for_function("(s) => document.body.getAttribute('data-md-color-scheme') === s", arg=scheme)


def no_sideways_scroll(page: Page) -> tuple[int, int]:
    """(scrollWidth of the document, the window's inner width), measured again once the page's
    transitions have ended if the first measure finds the page wider than the window.

    Mid-transition the header may be wider than the window for a moment: Material folds the header's
    options away (250 ms of ``max-width``) when the page scrolls, and at 375 px, after keys moved the
    focus down the catalogue, the region selector was measured at 323–427 px and the search form at
    19–394 px, in three runs of seven. A page still wider once its transitions are over (or after
    2 s: some never report an end in headless Chromium) fails as before."""
    scroll_width, inner_width = page.evaluate(
        """async () => {
            const measure = () => [document.documentElement.scrollWidth, window.innerWidth];
            const [scrollWidth, innerWidth] = measure();
            if (scrollWidth <= innerWidth) return [scrollWidth, innerWidth];
            const moving = document.getAnimations().map(animation => animation.finished.catch(() => null));
            await Promise.race([Promise.all(moving), new Promise(done => setTimeout(done, 2000))]);
            return measure();
        }"""
    )
    return scroll_width, inner_width


def sticking_out(page: Page) -> list[str]:
    """The elements whose right edge lies beyond the window (tag, classes, width), for a failure's message."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .map(el => [el, el.getBoundingClientRect()])
            .filter(([el, box]) => box.right > window.innerWidth + 0.5 && box.width > 0)
            .slice(0, 12)
            .map(([el, box]) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`
                + ` ${Math.round(box.left)}–${Math.round(box.right)} px`)"""
    )


def focus_ring(page: Page) -> dict:
    """How the focused element shows focus: outline and box-shadow, computed."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const s = getComputedStyle(el);
            return {outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
                    boxShadow: s.boxShadow, tag: el.tagName, cls: el.className};
        }"""
    )


def focus_is_visible(ring: dict) -> bool:
    outline = ring["outlineStyle"] not in ("none", "") and ring["outlineWidth"] > 0
    shadow = ring["boxShadow"] not in ("none", "")
    return outline or shadow


def screenshot_path(name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"


SCREENSHOTS_WANTED = os.environ.get("KOMPETANSEBROEN_SCREENSHOTS", "") not in ("", "0")
"""Whether the browser tests keep screenshots for a person to look at: ``make test-browser`` sets
``KOMPETANSEBROEN_SCREENSHOTS=1``; ``make test`` does not, as no test reads them (see the README,
Tests: «Screenshots when asked for»)."""


def keep_screenshot(page: Page, name: str, *, full_page: bool = False) -> None:
    """The page as it is now, in ``test-artifacts/screenshots/<name>.png``, when screenshots are wanted."""
    if SCREENSHOTS_WANTED:
        page.screenshot(path=screenshot_path(name), full_page=full_page)


def accessible_and_fitting_in_each_scheme(page: Page, where: str, screenshot: str) -> None:
    """On the loaded page, each colour scheme in turn: a full-page screenshot, no axe violation, no
    sideways scroll (one page load serves both schemes; axe-core is put in once)."""
    for scheme in SCHEMES:
        switch_color_scheme(page, scheme)
        keep_screenshot(page, f"{screenshot}-{scheme}", full_page=True)

        violations = axe_violations(page)
        scroll_width, inner_width = no_sideways_scroll(page)

        assert not violations, f"{where}, {scheme}:\n" + describe_violations(violations)
        assert scroll_width <= inner_width, f"{where} scrolls sideways, {scheme}"


def active(page: Page, expression: str):  # noqa: ANN201 - whatever the expression gives
    """``expression`` evaluated with ``el`` as the focused element."""
    return page.evaluate(f"() => {{ const el = document.activeElement; return {expression}; }}")


def tab_until(page: Page, selector: str, most: int = 60) -> int:
    """Press Tab until the focused element matches ``selector``; return how many presses it took."""
    for presses in range(1, most + 1):
        page.keyboard.press("Tab")
        if active(page, f"el.matches({selector!r})"):
            return presses
    raise AssertionError(
        f"{selector} not reached in {most} Tab presses; focus is on "
        + active(page, "el.outerHTML.slice(0, 200)")
    )


# -- search -----------------------------------------------------------------------------------------

_SEARCH_STATE = """() => [
  document.querySelector(".md-search-result__meta").textContent,
  [...document.querySelectorAll("a.md-search-result__link")].map(link => link.href),
]"""


@dataclass(frozen=True)
class SearchAnswer:
    """What the search box shows: its line («3 treff», «Ingen treff») and the results' addresses."""

    said: str
    hrefs: list[str]

    @property
    def addresses(self) -> list[str]:
        """Each result as path and, for a section, ``#anchor``."""
        return [
            urlsplit(href).path + (f"#{urlsplit(href).fragment}" if urlsplit(href).fragment else "")
            for href in self.hrefs
        ]

    def finds(self, path: str) -> bool:
        return any(urlsplit(href).path == path for href in self.hrefs)


def search_answer(page: Page, query: str, *, expect: str, within_s: float = 10.0) -> SearchAnswer:
    """Type ``query`` into the focused search field and return Material's answer once it lists the
    page ``expect`` (a path).

    All but the last letter is filled and the last is pressed: Material searches on keyup, so the
    word is the only query typed. Material shows every answer with the field as it is now, so the
    answer to an earlier state (the empty field, asked when the index arrived) can read «Ingen treff»
    while the word is typed. Polled from here: at ``within_s`` the last state is returned, for the
    test's assertion to show."""
    search = page.locator("input.md-search__input")
    search.fill(query[:-1])
    search.press(query[-1])
    deadline = time.monotonic() + within_s
    while True:
        said, hrefs = page.evaluate(_SEARCH_STATE)
        answer = SearchAnswer(said, hrefs)
        if ("treff" in said and answer.finds(expect)) or time.monotonic() >= deadline:
            return answer
        page.wait_for_timeout(50)


# -- the browser editor's local backend ---------------------------------------------------------

DECAP_SERVER = REPO / "node_modules" / ".bin" / "decap-server"
DECAP_WAIT = 15.0


@contextmanager
def decap_server(repo: Path, port: int) -> Iterator[int]:
    """decap-server in git mode for the git repository ``repo`` on 127.0.0.1:``port``, stopped afterwards."""
    import os
    import signal
    import socket
    import subprocess
    import time

    if not DECAP_SERVER.is_file():
        raise AssertionError("decap-server mangler: kjør make site (npm ci) før nettlesertestene")
    env = {
        **os.environ,
        "MODE": "git",
        "BIND_HOST": LOCAL_HOST,
        "PORT": str(port),
        "GIT_REPO_DIRECTORY": str(repo),
        "LOG_LEVEL": "error",
    }
    server = subprocess.Popen([str(DECAP_SERVER)], cwd=repo, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + DECAP_WAIT
        while True:
            try:
                socket.create_connection((LOCAL_HOST, port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError(f"decap-server svarte ikke på {LOCAL_HOST}:{port}") from None
                time.sleep(0.2)
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=10)
