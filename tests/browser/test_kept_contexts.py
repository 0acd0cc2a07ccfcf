"""A context lent to a test starts as a new one would: what the test before it stored is gone.

The two tests run in this order on one worker (``--dist loadfile``) and are lent the same context;
the first leaves something in each store the pool empties (local storage, a cookie, IndexedDB,
Cache Storage, the HTTP cache), the second finds none of it.
"""

from __future__ import annotations

import pytest

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
