"""No open redirect through nginx: ``?o=`` and odd paths never send a reader to another host.

``?o=<id>`` leads to a region only when ``<id>`` is one of ours (nginx maps
look it up; the value itself is never written into a ``Location``). Every
answer to a hostile request is read without following it: a redirect, if
any, goes to a path on this host (``/…``, never ``//…`` or ``/\\…``, which
browsers read as another host).
"""

from __future__ import annotations

import http.client
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from kompetansebroen.output.publishing import local_nginx

from tests.published_site import OLD_SHARED, SHARED_ARTICLE, nginx_serving, published_copy

FOREIGN = [
    "//evil.example",
    "//evil.example/innlandet/",
    "https://evil.example/",
    "http:evil.example",
    "%2F%2Fevil.example",
    "%2f%2fevil.example%2finnlandet%2f",
    "/%5Cevil.example",
    "%5C%5Cevil.example",
    "/\\evil.example",
    "innlandet%0d%0aLocation:%20https://evil.example/",
    "innlandet/../../evil.example",
    "innlandet%00.evil.example",
]
PLACES = ["/", f"/innlandet/{SHARED_ARTICLE}", "/tilgjengelighet/", OLD_SHARED, "/finnes-ikke/"]
ODD_PATHS = [
    "//evil.example/",
    "//evil.example/%2e%2e",
    "/%2F%2Fevil.example",
    "/%5Cevil.example/",
    "/innlandet//evil.example",
    "///evil.example/innlandet/artikler",
    "/innlandet/artikler/..%2F..%2F%2Fevil.example",
]


@pytest.fixture(scope="module")
def server(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[local_nginx.LocalNginx]:
    with nginx_serving(published_copy(built_site, tmp_path_factory.mktemp("redirects") / "site")) as running:
        yield running


def answer(server: local_nginx.LocalNginx, target: str) -> tuple[int, str | None]:
    address = urlsplit(server.base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        connection.putrequest("GET", target, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


def stays_here(location: str | None, server: local_nginx.LocalNginx) -> bool:
    if location is None:
        return True
    if location.startswith(server.base_url + "/"):
        return True
    return location.startswith("/") and not location.startswith(("//", "/\\")) and "evil" not in location


@pytest.mark.parametrize("place", PLACES)
def test_o_with_another_host_sends_nobody_there(server: local_nginx.LocalNginx, place: str) -> None:
    for value in FOREIGN:
        status, location = answer(server, f"{place}?o={value}")
        assert status < 500, (place, value)
        assert stays_here(location, server), (place, value, status, location)


def test_odd_paths_send_nobody_to_another_host(server: local_nginx.LocalNginx) -> None:
    for path in ODD_PATHS:
        status, location = answer(server, path)
        assert status < 500, path
        assert stays_here(location, server), (path, status, location)


def test_a_known_o_still_redirects_here(server: local_nginx.LocalNginx) -> None:
    assert answer(server, "/?o=ahus") == (302, "/ahus/")
    assert answer(server, f"{OLD_SHARED}?o=ahus") == (301, f"/ahus/{SHARED_ARTICLE}")
