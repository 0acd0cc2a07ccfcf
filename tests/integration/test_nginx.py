"""The real nginx with the generated configuration, on a loopback port, over the built sample site.

Every check is an HTTP request, as a browser or a scanner would make it:
security headers on pages and assets, the region 404s, ``?o=`` and old
addresses (the sample pages' ``aliases:``, as the build wrote them),
precompressed files, caching, MIME types, and no server version.
"""

from __future__ import annotations

import gzip
import http.client
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from kompetansebroen.output.publishing import content_policy, http_rules, local_nginx, nginx_config
from kompetansebroen.output.publishing.built_site import read_site
from kompetansebroen.output.publishing.old_addresses import OldAddress

from tests.published_site import (
    INNLANDET_ARTICLE,
    LIMITED_ARTICLE,
    OLD_INNLANDET,
    OLD_LIMITED,
    OLD_SHARED,
    SHARED_ARTICLE,
    nginx_serving,
    old_addresses_of,
    published_copy,
)

HTML_PAGE = "/innlandet/artikler/hva-er-et-helsefellesskap/"
TIMEOUT = 10


@pytest.fixture(scope="module")
def site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = published_copy(built_site, tmp_path_factory.mktemp("nginx") / "site")
    # File types the sample content has none of, so that their MIME types are checked too.
    (site / "innlandet" / "kalender.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    (site / "innlandet" / "teksting.vtt").write_text("WEBVTT\n", encoding="utf-8")
    (site / "manifest.webmanifest").write_text('{"name": "Kompetansebroen"}', encoding="utf-8")
    return site


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[local_nginx.LocalNginx]:
    with nginx_serving(site) as running:
        yield running


def request(server: local_nginx.LocalNginx, path: str, headers: dict[str, str] | None = None):
    """One GET without following redirects: (response, body bytes as sent)."""
    address = urlsplit(server.base_url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=TIMEOUT)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def asset_path(site: Path) -> str:
    """Material's fingerprinted JavaScript bundle in Innlandet."""
    bundle = next((site / "innlandet" / "assets" / "javascripts").glob("bundle.*.min.js"))
    return "/" + bundle.relative_to(site).as_posix()


def test_security_headers_on_a_page_and_on_an_asset(server, site):
    for path in (HTML_PAGE, asset_path(site)):
        response, _ = request(server, path)
        assert response.status == 200, path
        policy = response.getheader("Content-Security-Policy")
        assert policy, f"{path}: no Content-Security-Policy"
        directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
        assert directives["default-src"] == "'self'"
        assert "'unsafe-inline'" not in directives["script-src"]
        assert "'unsafe-eval'" not in directives["script-src"]
        assert directives["frame-ancestors"] == "'none'"
        assert directives["object-src"] == "'none'"
        assert response.getheader("X-Content-Type-Options") == "nosniff"
        assert response.getheader("X-Frame-Options") == "DENY"
        assert response.getheader("Referrer-Policy") == "same-origin"
        assert "camera=()" in response.getheader("Permissions-Policy")
        assert response.getheader("Cross-Origin-Opener-Policy") == "same-origin"
        assert response.getheader("Strict-Transport-Security") is None, "HSTS only over HTTPS"
        assert response.getheader("Server") == "nginx", "no version in Server"


def test_the_policy_lists_every_inline_script_of_the_page_it_is_sent_with(server, site):
    response, _ = request(server, HTML_PAGE)
    script_src = re.search(r"script-src ([^;]*)", response.getheader("Content-Security-Policy")).group(1)
    page = (site / HTML_PAGE.strip("/") / "index.html").read_text(encoding="utf-8")
    scripts = content_policy.inline_scripts(page)
    assert scripts, "Material's pages have inline scripts; the scan found none"
    for script in scripts:
        assert content_policy.script_hash(script) in script_src.split()


def test_a_missing_page_under_a_region_gets_that_regions_404(server, site):
    for region in read_site(site).region_ids:
        response, body = request(server, f"/{region}/denne-siden-finnes-ikke/")
        assert response.status == 404
        assert body == (site / region / "404.html").read_bytes()
        assert response.getheader("Content-Security-Policy"), "headers on 404s too"
        assert response.getheader("Server") == "nginx"


def test_a_missing_page_elsewhere_gets_the_root_404(server, site):
    response, body = request(server, "/finnes/ikke/")
    assert response.status == 404
    assert body == (site / "404.html").read_bytes()


@pytest.mark.parametrize(
    ("path", "location"),
    [
        ("/?o=vestfold", "/vestfold/"),
        (f"{HTML_PAGE}?o=ahus", f"/ahus/{SHARED_ARTICLE}"),
        (f"/innlandet/{INNLANDET_ARTICLE}?o=ahus", "/ahus/"),
        (f"/innlandet/{INNLANDET_ARTICLE}?o=innlandet", f"/innlandet/{INNLANDET_ARTICLE}"),
        ("/tilgjengelighet/?o=ostfold", "/ostfold/tilgjengelighet/"),
        ("/podkast?o=innlandet", "/innlandet/"),
        ("/e-laering?o=ahus", "/ahus/"),
        ("/innlandet/finnes-ikke/?o=vestfold&utm_source=epost", "/vestfold/"),
    ],
)
def test_o_redirects_to_the_same_page_in_that_region_or_its_home(server, path, location):
    response, _ = request(server, path)
    assert response.status == 302, path
    assert response.getheader("Location") == location
    assert response.getheader("X-Content-Type-Options") == "nosniff"


def test_an_unknown_o_is_ignored(server):
    response, _ = request(server, "/?o=finnes-ikke")
    assert response.status == 200


def test_the_build_wrote_the_sample_pages_aliases_beside_the_site(built_site):
    assert old_addresses_of(built_site) == [
        OldAddress(
            OLD_SHARED,
            SHARED_ARTICLE,
            ("ahus", "innlandet", "ostfold", "vestfold"),
            "Hva er et helsefellesskap?",
        ),
        OldAddress(
            OLD_INNLANDET,
            INNLANDET_ARTICLE,
            ("innlandet",),
            "Ny samarbeidsmodell for Sykehuset Innlandet og 42 kommuner",
        ),
        OldAddress(
            OLD_LIMITED,
            LIMITED_ARTICLE,
            ("ahus", "vestfold"),
            "Teknologi og gevinstdeling i helsefellesskapet",
        ),
    ]


@pytest.mark.parametrize(
    ("path", "location"),
    [
        (f"{OLD_SHARED}?o=innlandet", f"/innlandet/{SHARED_ARTICLE}"),
        (f"{OLD_SHARED}/?o=vestfold", f"/vestfold/{SHARED_ARTICLE}"),
        (f"{OLD_INNLANDET}?o=innlandet", f"/innlandet/{INNLANDET_ARTICLE}"),
        (f"{OLD_INNLANDET}?o=ahus", "/ahus/"),
        (f"{OLD_LIMITED}?o=vestfold&utm_source=epost", f"/vestfold/{LIMITED_ARTICLE}"),
        (f"{OLD_LIMITED}?o=innlandet", "/innlandet/"),
        (OLD_SHARED, "/"),
        (f"{OLD_INNLANDET}/", "/"),
        (f"{OLD_SHARED}?o=finnes-ikke", "/"),
    ],
)
def test_an_old_address_answers_301_to_the_page_in_the_readers_region(server, path, location):
    response, _ = request(server, path)
    assert response.status == 301, path
    assert response.getheader("Location") == location
    assert response.getheader("Content-Security-Policy")


@pytest.mark.parametrize(
    ("old", "goal", "copies"),
    [
        (OLD_INNLANDET, f"innlandet/{INNLANDET_ARTICLE}", []),
        (OLD_LIMITED, "", [f"{region}/{LIMITED_ARTICLE}" for region in ("ahus", "vestfold")]),
        (OLD_SHARED, "", [f"{r}/{SHARED_ARTICLE}" for r in ("ahus", "innlandet", "ostfold", "vestfold")]),
    ],
)
def test_a_host_without_nginx_gets_a_redirect_page_at_each_old_address(built_site, old, goal, copies):
    """One region: straight to the page; several: to the chooser, with a link to each region's copy."""
    page = built_site / old.lstrip("/") / "index.html"
    text = page.read_text(encoding="utf-8")
    href = f"../../{goal}"
    assert f'<meta http-equiv="refresh" content="0; url={href}">' in text
    assert f'<link rel="canonical" href="{href}">' in text
    assert '<meta name="robots" content="noindex">' in text
    assert (page.parent / href / "index.html").resolve().is_file()
    linked = re.findall(r'<li><a href="\.\./\.\./([^"]+)">', text)
    assert linked == copies
    assert all((built_site / copy / "index.html").is_file() for copy in linked)


def test_the_precompressed_file_is_served_for_accept_encoding_gzip(server, site):
    file = site / HTML_PAGE.strip("/") / "index.html"
    response, body = request(server, HTML_PAGE, {"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in response.getheader("Vary", "")
    assert body == file.with_name("index.html.gz").read_bytes(), "the build's .gz, not a new compression"
    assert gzip.decompress(body) == file.read_bytes()

    plain, plain_body = request(server, HTML_PAGE)
    assert plain.getheader("Content-Encoding") is None
    assert plain_body == file.read_bytes()


def test_nothing_is_compressed_on_the_fly(server, site):
    small = site / "innlandet" / "kalender.ics"
    assert not small.with_name("kalender.ics.gz").exists()
    response, body = request(server, "/innlandet/kalender.ics", {"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") is None
    assert body == small.read_bytes()


def test_caching_immutable_for_fingerprinted_assets_revalidated_for_the_rest(server, site):
    assert request(server, asset_path(site))[0].getheader("Cache-Control") == http_rules.IMMUTABLE
    for path in (
        HTML_PAGE,
        "/innlandet/nyhetsbrev/rss.xml",
        "/innlandet/search/search_index.json",
        "/innlandet/kalender.ics",
        "/innlandet/assets/kompetansebroen/kb.js",
    ):
        assert request(server, path)[0].getheader("Cache-Control") == "no-cache", path


@pytest.mark.parametrize(
    ("path", "mime"),
    [
        (HTML_PAGE, "text/html; charset=utf-8"),
        ("/innlandet/nyhetsbrev/rss.xml", "application/rss+xml; charset=utf-8"),
        ("/innlandet/nyhetsbrev/atom.xml", "application/atom+xml; charset=utf-8"),
        ("/innlandet/sitemap.xml", "application/xml; charset=utf-8"),
        ("/innlandet/search/search_index.json", "application/json; charset=utf-8"),
        ("/innlandet/kalender.ics", "text/calendar; charset=utf-8"),
        ("/innlandet/teksting.vtt", "text/vtt; charset=utf-8"),
        ("/manifest.webmanifest", "application/manifest+json; charset=utf-8"),
        ("/innlandet/assets/kompetansebroen/kb.css", "text/css; charset=utf-8"),
        ("/innlandet/assets/images/favicon.png", "image/png"),
    ],
)
def test_mime_types(server, path, mime):
    response, _ = request(server, path, {"Accept-Encoding": "gzip"})
    assert response.status == 200, path
    assert response.getheader("Content-Type") == mime


def test_a_folder_without_its_slash_is_redirected_relative_to_the_host(server):
    response, _ = request(server, "/innlandet/artikler")
    assert response.status == 301
    assert response.getheader("Location") == "/innlandet/artikler/"


def test_the_deploy_config_command_writes_beside_the_site_and_nginx_accepts_it(site, tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "kompetansebroen.output.publishing.commands",
            "nginx-config",
            str(site),
            "--root",
            "/srv/kompetansebroen/site",
            "--listen",
            "127.0.0.1:8080",
            "--server-name",
            "kompetansebroen.example",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    written = nginx_config.deploy_dir(site) / nginx_config.CONFIG_NAME
    text = written.read_text(encoding="utf-8")
    assert 'root "/srv/kompetansebroen/site";' in text
    assert "server_name kompetansebroen.example;" in text
    main = tmp_path / "nginx.conf"
    main.write_text(local_nginx.main_config(tmp_path, written, None), encoding="utf-8")
    checked = subprocess.run(
        [local_nginx.nginx_binary(), "-t", "-p", str(tmp_path), "-e", "stderr", "-c", str(main)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert checked.returncode == 0, checked.stderr


def directives_of(response) -> dict[str, str]:
    policy = response.getheader("Content-Security-Policy")
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def test_the_browser_editor_has_its_own_policy_and_is_never_indexed(server, site):
    reader, _ = request(server, HTML_PAGE)
    for path in ("/admin/", "/innlandet/admin/", "/admin/decap/decap-cms.js", "/innlandet/admin/kb-admin.js"):
        response, _ = request(server, path)
        assert response.status == 200, path
        directives = directives_of(response)
        assert directives["script-src"] == "'self' 'unsafe-eval'", path
        assert "'unsafe-inline'" in directives["style-src"]
        assert directives["connect-src"] == "'self' http://127.0.0.1:8081", "the backend, and nothing else"
        assert directives["frame-ancestors"] == "'none'"
        assert response.getheader("X-Robots-Tag") == "noindex, nofollow", path
    assert reader.getheader("X-Robots-Tag") is None
    reader_policy = directives_of(reader)
    assert "'unsafe-eval'" not in reader_policy["script-src"]
    assert reader_policy["connect-src"] == "'self'"
    assert reader_policy["style-src"] == "'self'"


def test_the_editors_configuration_is_never_stored_and_is_yaml(server):
    for path in ("/admin/config.yml", "/innlandet/admin/config.yml"):
        response, body = request(server, path)
        assert response.status == 200
        assert response.getheader("Cache-Control") == "no-store"
        assert response.getheader("Content-Type") == "text/yaml; charset=utf-8"
        assert b"collections:" in body
    response, _ = request(server, "/admin/decap/decap-cms.js")
    assert response.getheader("Cache-Control") == http_rules.REVALIDATE
    assert response.getheader("Content-Encoding") is None
    response, _ = request(server, "/admin/decap/decap-cms.js", {"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") == "gzip", "Decap's 5 MB bundle is sent precompressed"
