"""What the preview (``make serve``) serves while a rebuild runs: nothing from before the save.

A rebuild first writes its pages, then the region's search index, feeds, calendars and e-mail
editions. The pages are shown (and the browser reloads) as soon as they are written; a request for
a file the rebuild has not finished waits for the end of the rebuild. No build is run here: the
rebuild's two moments are told to the preview as the plugin tells them.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from kompetansebroen.carry_over import PREVIEWING
from kompetansebroen.preview import Preview, served_file

PAGE = "artikler/en-artikkel/index.html"
INDEX = "search/search_index.json"
NOT_NOW = 0.02
"""Seconds a request that must wait is given before the test says it waited."""


@pytest.fixture
def preview(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Preview:
    # A preview turns this process into one (PREVIEWING); the test's process is given back as it was.
    monkeypatch.setattr(PREVIEWING, "on", PREVIEWING.on)
    monkeypatch.setattr(PREVIEWING, "listener", PREVIEWING.listener)
    return Preview(tmp_path, "ahus", 8000, tmp_path / "site")


def test_nothing_is_served_from_a_save_until_its_pages_are_written(preview: Preview) -> None:
    preview.finished([])  # the first build
    version = preview.version
    preview.changed()  # a save
    assert not preview.wait_fresh(PAGE, NOT_NOW)
    assert not preview.wait_fresh(INDEX, NOT_NOW)
    assert preview.version == version, "the browser is not told to reload before there is a page"


def test_written_pages_are_shown_while_the_rest_waits_for_the_end(preview: Preview) -> None:
    preview.finished([])
    version = preview.version
    preview.changed()
    PREVIEWING.pages_written(frozenset({PAGE, "assets/stylesheets/main.css"}))
    assert preview.version == version + 1, "the browser reloads as soon as the pages are written"
    assert preview.wait_fresh(PAGE, 0) and preview.wait_fresh("assets/stylesheets/main.css", 0)
    assert not preview.wait_fresh(INDEX, NOT_NOW)
    assert not preview.wait_fresh("artikler/borte/index.html", NOT_NOW), "a page gone waits to be removed"
    preview.finished([])
    assert preview.wait_fresh(INDEX, 0) and preview.wait_fresh(PAGE, 0)
    assert preview.version == version + 1, "one reload for one save"


def test_a_waiting_request_is_answered_when_the_rebuild_ends(preview: Preview) -> None:
    preview.changed()
    preview.pages_written(frozenset({PAGE}))
    answered: list[bool] = []
    request = threading.Thread(target=lambda: answered.append(preview.wait_fresh(INDEX, 10)))
    request.start()
    request.join(NOT_NOW)
    assert request.is_alive(), "the search index was served before it was written"
    preview.finished([])
    request.join(10)
    assert answered == [True]


def test_a_rebuild_that_fails_after_its_pages_reloads_the_browser_again_with_the_problems(
    preview: Preview,
) -> None:
    preview.changed()
    preview.pages_written(frozenset({PAGE}))
    shown = preview.version
    preview.finished(["content/artikler/en-artikkel.md: noe er galt"])
    assert preview.version == shown + 1
    assert preview.problems == ["content/artikler/en-artikkel.md: noe er galt"]
    assert preview.wait_fresh(PAGE, 0)  # answered with the problems page


def test_a_rebuild_that_fails_before_its_pages_shows_only_the_problems(preview: Preview) -> None:
    preview.finished([])
    version = preview.version
    preview.changed()
    preview.finished(["content/artikler/en-artikkel.md: noe er galt"])
    assert preview.version == version + 1 and preview.problems


def test_the_next_pages_clear_the_problems_of_the_last_rebuild(preview: Preview) -> None:
    preview.finished(["noe er galt"])
    preview.changed()
    preview.pages_written(frozenset({PAGE}))
    assert preview.problems == []


@pytest.mark.parametrize(
    ("path", "file"),
    [
        ("/", "index.html"),
        ("/artikler/en-artikkel/", PAGE),
        ("/search/search_index.json", INDEX),
        ("/artikler/en-artikkel", "artikler/en-artikkel"),  # a folder: redirected once the rebuild ends
        ("/artikler/../../search/", "search/index.html"),  # never above the site
    ],
)
def test_a_request_is_answered_with_the_file_it_names(path: str, file: str) -> None:
    assert served_file(path) == file


SERVED_TYPES = {
    "admin/config.yml": "text/yaml; charset=utf-8",  # Decap warns in the console of any other type
    "arrangementer/kalender.ics": "text/calendar; charset=utf-8",
    "film/isbar.vtt": "text/vtt; charset=utf-8",
    "nyhetsbrev/rss.xml": "application/rss+xml; charset=utf-8",
    "sitemap.xml": "application/xml; charset=utf-8",
    "search/search_index.json": "application/json; charset=utf-8",
    "podkast/s1e1.mp3": "audio/mpeg",
    "ukjent.bin": "application/octet-stream",
}


def test_files_are_served_with_the_types_nginx_gives_them(preview: Preview) -> None:
    """``make serve`` sends each file as the published site does (http_rules.py, which the nginx
    configuration is written from), not as the machine's own list of types says."""
    from http.client import HTTPConnection

    from kompetansebroen.preview import _Server

    for name in SERVED_TYPES:
        (preview.site_dir / name).parent.mkdir(parents=True, exist_ok=True)
        (preview.site_dir / name).write_bytes(b"x")
    preview.finished([])
    server = _Server(0, preview)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        served = {}
        for name in SERVED_TYPES:
            connection = HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
            connection.request("GET", "/" + name)
            response = connection.getresponse()
            response.read()
            served[name] = (response.status, response.getheader("Content-Type"))
            connection.close()
    finally:
        server.shutdown()
        server.server_close()
    assert served == {name: (200, kind) for name, kind in SERVED_TYPES.items()}
