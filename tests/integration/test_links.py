"""Every link and resource in every built HTML file resolves, root pages included.

MkDocs checks the links editors write in Markdown; links written by templates
and generated pages (the root chooser and statement, selector, footer, feeds,
listings) are outside what it sees. Here every ``href`` and ``src`` of every
HTML file in the built site is resolved the way a browser resolves it against
the page's address, and must name a file that exists; a ``#id`` must be an id
of the page it points to.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

ORIGIN = "https://kompetansebroen.example/"
"""Where the site is served from (``site_url``); only its path matters here."""

LINKING = {
    "a": ("href",),
    "link": ("href",),
    "img": ("src",),
    "script": ("src",),
    "source": ("src",),
    "track": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
}


class _Page(HTMLParser):
    """The links (tag, address) and the ids of one HTML file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name] or "")
        for attribute in LINKING.get(tag, ()):
            address = values.get(attribute)
            if address is not None:
                self.links.append((tag, address.strip()))


@cache
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def _in_site(address: str) -> bool:
    """Relative (``../x/``, ``#id``, ``?q``) or site-absolute (``/x/``): not ``https:``, ``mailto:`` or ``//host``."""
    parts = urlsplit(address)
    return not parts.scheme and not parts.netloc


def _target(site: Path, page: Path, address: str) -> tuple[Path | None, str, str]:
    """The file a browser fetches for ``address`` on ``page``, the path it asked for, and the fragment.

    A directory address (``…/``) is its ``index.html``, as a static web server serves it;
    an address without the final slash that names a folder is redirected there too.
    """
    page_url = urljoin(ORIGIN, page.relative_to(site).as_posix())
    resolved = urlsplit(urljoin(page_url, address))
    path = unquote(resolved.path)
    root = urlsplit(ORIGIN).path
    if not path.startswith(root):
        return None, path, resolved.fragment
    relative = posixpath.normpath(path[len(root) :]) if path != root else "."
    if relative.startswith(".."):
        return None, path, resolved.fragment
    candidate = site / relative
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return (candidate if candidate.is_file() else None), path, unquote(resolved.fragment)


def broken_links(site: Path) -> Iterator[str]:
    """``page: <tag> address → what is wrong`` for every link in the site that does not resolve."""
    for page in sorted(site.rglob("*.html")):
        name = page.relative_to(site).as_posix()
        for tag, address in _parse(page).links:
            if not _in_site(address) or not address:
                continue
            target, path, fragment = _target(site, page, address)
            if target is None:
                yield f"{name}: <{tag}> {address} → {path} finnes ikke"
            elif fragment and target.suffix == ".html" and fragment not in _parse(target).ids:
                yield f"{name}: <{tag}> {address} → #{fragment} finnes ikke i {target.relative_to(site)}"


def test_every_link_in_every_built_page_points_to_a_file_that_exists(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    assert built_site / "tilgjengelighet/index.html" in pages, "the root pages are checked too"
    assert len(pages) > 100
    problems = list(broken_links(built_site))
    assert not problems, "\n".join(problems)


def test_the_root_statement_links_each_regions_statement(built_site: Path) -> None:
    page = built_site / "tilgjengelighet/index.html"
    statements = [a for tag, a in _parse(page).links if tag == "a" and a.endswith("/tilgjengelighet/")]
    assert len(statements) == 4
    for address in statements:
        target, _path, _fragment = _target(built_site, page, address)
        assert target is not None and target.parent.parent.parent == built_site, address


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("ahus/tilgjengelighet/", "/tilgjengelighet/ahus/tilgjengelighet/ finnes ikke"),
        ("../ahus/finnes-ikke.css", "/ahus/finnes-ikke.css finnes ikke"),
        ("/ahus/artikler/?side=2#finnes-ikke", "#finnes-ikke finnes ikke i ahus/artikler/index.html"),
    ],
)
def test_the_check_reports_what_a_browser_would_not_find(
    built_site: Path, tmp_path: Path, address: str, problem: str
) -> None:
    """A link relative to the wrong folder (the root statement once had these) is reported."""
    site = tmp_path / "site"
    for source in [built_site / "tilgjengelighet/index.html", built_site / "ahus/artikler/index.html"]:
        copy = site / source.relative_to(built_site)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(source.read_bytes())
    statement = site / "tilgjengelighet/index.html"
    html = statement.read_text(encoding="utf-8")
    statement.write_text(html.replace("</main>", f'<a href="{address}">x</a></main>'), encoding="utf-8")
    assert f"tilgjengelighet/index.html: <a> {address} → {problem}" in list(broken_links(site))
