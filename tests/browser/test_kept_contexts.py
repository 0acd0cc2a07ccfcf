"""A context lent to a test starts as a new one would: what the test before it stored is gone.

The two tests run in this order on one worker (``--dist loadfile``) and are lent the same context;
the first leaves something in each store the pool empties (local storage, a cookie, IndexedDB,
Cache Storage, the HTTP cache), the second finds none of it.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

LENT: list[object] = []
PAGE = "/innlandet/artikler/hva-er-et-helsefellesskap/"

LEAVE_SOMETHING = """async () => {
  localStorage.setItem("kb-test", "igjen");
  document.cookie = "kb-test=igjen; path=/";
  await new Promise((done, failed) => {
    const opening = indexedDB.open("kb-test", 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore("ting");
    opening.onsuccess = () => { opening.result.close(); done(); };
    opening.onerror = failed;
  });
  await (await caches.open("kb-test")).put("/kb-test", new Response("igjen"));
  await fetch("?kb-test", { cache: "force-cache" });
}"""

IN_HTTP_CACHE = """async () => {
  try {
    await fetch("?kb-test", { cache: "only-if-cached", mode: "same-origin" });
    return true;
  } catch {
    return false;
  }
}"""

WHAT_IS_LEFT = """async () => ({
  local: Object.keys(localStorage).filter((key) => key.startsWith("kb-test")),
  cookie: document.cookie,
  databases: (await indexedDB.databases()).map((database) => database.name),
  caches: await caches.keys(),
})"""


def test_a_test_leaves_something_in_every_store(context, base_url):
    page = context.new_page()
    page.goto(base_url + PAGE, wait_until="load")
    page.evaluate(LEAVE_SOMETHING)
    assert page.evaluate("() => localStorage.getItem('kb-test')") == "igjen"
    assert page.evaluate(IN_HTTP_CACHE), "the page is in the HTTP cache"
    LENT.append(context)


def test_the_next_test_is_lent_the_same_context_with_nothing_left(context, base_url):
    assert [context] == LENT, "the context was not lent again: this test would prove nothing"
    page = context.new_page()
    page.goto(base_url + PAGE, wait_until="load")
    assert not page.evaluate(IN_HTTP_CACHE), "the HTTP cache was not emptied"
    assert page.evaluate(WHAT_IS_LEFT) == {
        "local": [],
        "cookie": "",
        "databases": [],
        "caches": [],
    }


# The lent tab: the next test's ``page`` is the same tab, with a new document and none of the test's listeners,
# init scripts or routes; a tab given something only closing undoes (another viewport) is closed, and the next
# test has a new one.
TABS: list[object] = []
HEARD: list[str] = []


def test_a_test_leaves_a_listener_a_pointer_and_a_document_in_its_tab(page, base_url):
    page.on("request", lambda request: HEARD.append(request.url))
    page.goto(base_url + PAGE, wait_until="load")
    page.locator("header a").first.hover()
    page.evaluate("() => { window.kbLeftBehind = 'igjen'; }")
    assert HEARD, "the listener heard the page's requests"
    TABS.append(page)


def test_the_next_test_is_lent_the_same_tab_as_new(page, base_url):
    assert [page] == TABS, "the tab was not lent again: this test would prove nothing"
    assert page.url == "about:blank"
    heard_before = len(HEARD)
    page.goto(base_url + PAGE, wait_until="load")
    assert len(HEARD) == heard_before, "the last test's listener still hears this test's requests"
    assert page.evaluate("() => window.kbLeftBehind") is None
    assert page.evaluate("() => document.querySelectorAll(':hover').length") == 0, "something is hovered"
    page.add_init_script("window.kbFromAnInitScript = 'igjen';")
    page.route("**/kb-route-test", lambda route: route.fulfill(body="fra ruten"))


def test_the_last_tests_init_script_and_route_are_gone(page, base_url):
    assert [page] == TABS, "the tab was not lent again: this test would prove nothing"
    page.goto(base_url + PAGE, wait_until="load")
    assert page.evaluate("() => window.kbFromAnInitScript") is None, "the last test's init script ran"
    answered = page.evaluate("async () => (await fetch('/kb-route-test')).status")
    assert answered == 404, "the last test's route still answers"
    page.set_viewport_size({"width": 400, "height": 300})


def test_a_tab_given_another_viewport_is_not_lent_again(page, base_url):
    assert page is not TABS[0], "a tab with the last test's viewport was lent again"
    assert page.viewport_size == {"width": 1280, "height": 800}


# A fixed clock is one of a context's settings: only a test that asks for the same moment is lent that context.
MOMENT = dt.datetime(2024, 10, 9, 12, 0, tzinfo=dt.UTC)
CLOCKED: list[object] = []


def test_a_page_asked_for_at_a_moment_reads_that_moment(new_page, base_url):
    page = new_page(fixed_time=MOMENT)
    page.goto(base_url + PAGE, wait_until="load")
    assert page.evaluate("() => Date.now()") == MOMENT.timestamp() * 1000
    CLOCKED.append(page.context)


def test_a_page_asked_for_without_a_moment_reads_the_real_time(page, base_url):
    assert CLOCKED and page.context is not CLOCKED[0], "the context with the fixed clock was lent again"
    page.goto(base_url + PAGE, wait_until="load")
    assert abs(page.evaluate("() => Date.now()") / 1000 - time.time()) < 60


def test_a_page_asked_for_with_a_timeout_waits_that_long(new_page, base_url):
    page = new_page(timeout=300)
    page.goto(base_url + PAGE, wait_until="load", timeout=15_000)  # the load alone may take longer
    started = time.monotonic()
    with pytest.raises(PlaywrightTimeout):
        page.locator("#kb-finnes-ikke").wait_for()
    assert time.monotonic() - started < 5, (
        "the wait took the pool's default of 10 s, not the 300 ms asked for"
    )
