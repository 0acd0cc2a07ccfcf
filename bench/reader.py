"""What a reader downloads: page sizes, CSS and JavaScript, the search index, other hosts."""

from __future__ import annotations

import gzip
import json
import re
import statistics
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from kompetansebroen.mail import HTML_FILE as MAIL_HTML
from kompetansebroen.mkdocs_adapter.search_languages import lunr_files_needed
from kompetansebroen.output import search_words

from . import search_parts

GZIP_LEVEL = 6

_TAG = re.compile(r"<(script|link|img|source|iframe)\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+)""")
_CONFIG = re.compile(r'<script id="__config"[^>]*>(.*?)</script>', re.DOTALL)
_CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])((?:https?:)?//[^'")\s]+)""", re.IGNORECASE)


def gz_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def _attributes(raw: str) -> dict[str, str]:
    return {name.lower(): value.strip("\"'") for name, value in _ATTR.findall(raw)}


def _local(page: Path, url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return (page.parent / parts.path).resolve()


def _foreign_host(url: str, own_hosts: set[str]) -> str | None:
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.hostname and parts.hostname not in own_hosts:
        return parts.hostname
    return None


@dataclass
class Assets:
    """Files a page loads, with raw and gzip sizes."""

    files: list[str] = field(default_factory=list)
    raw: int = 0
    gzip: int = 0

    def add(self, path: Path, label: str) -> None:
        data = path.read_bytes()
        self.files.append(label)
        self.raw += len(data)
        self.gzip += gz_size(data)


@dataclass
class RegionReader:
    region: str
    pages: int
    html_median: int
    html_max: int
    html_max_page: str
    sample_page: str
    css: Assets
    js: Assets
    search_index_raw: int
    """The whole index: ``search_index.json`` and every part in ``search/kb/``."""
    search_index_gzip: int
    search_scripts: Assets
    first_view: Assets
    """What the sample page loads before the reader does anything: HTML, CSS, scripts, images and
    the search worker Material starts (our wrapper; the index and Material's worker come with the
    first search)."""
    third_party: dict[str, list[str]]
    search_query: str = ""
    search_fetched: Assets = field(default_factory=Assets)
    """What typing ``search_query`` fetches: ``search_index.json`` and the parts each keystroke needs."""

    @property
    def first_search_gzip(self) -> int:
        """Bytes transferred before the first search result: the index's parts plus the worker and its scripts."""
        return self.search_fetched.gzip + self.search_scripts.gzip

    def as_dict(self) -> dict:
        data = asdict(self)
        data["first_search_gzip"] = self.first_search_gzip
        return data


def _article_page(region_site: Path) -> Path:
    articles = region_site / "artikler"
    for candidate in sorted(articles.glob("*/index.html")):
        if not candidate.parent.name.startswith("side-"):
            return candidate
    return region_site / "index.html"


def _page_assets(page: Path, html: str) -> tuple[Assets, Assets, list[Path]]:
    css, js, missing = Assets(), Assets(), []
    for tag, raw in _TAG.findall(html):
        attrs = _attributes(raw)
        tag = tag.lower()
        if tag == "link" and "stylesheet" in attrs.get("rel", "").lower().split():
            target, bucket = attrs.get("href", ""), css
        elif tag == "script" and attrs.get("src"):
            target, bucket = attrs["src"], js
        else:
            continue
        local = _local(page, target)
        if local is None:
            continue
        if local.is_file():
            bucket.add(local, target)
        else:
            missing.append(local)
    return css, js, missing


def _first_view(page: Path, html: str, css: Assets, js: Assets) -> Assets:
    """The page, its style sheets, scripts and images, and the worker script Material starts on load."""
    view = Assets(files=[page.name, *css.files, *js.files], raw=css.raw + js.raw, gzip=css.gzip + js.gzip)
    data = html.encode("utf-8")
    view.raw += len(data)
    view.gzip += gz_size(data)
    for tag, raw in _TAG.findall(html):
        local = _local(page, _attributes(raw).get("src", "")) if tag.lower() == "img" else None
        if local is not None and local.is_file():
            view.add(local, local.name)
    match = _CONFIG.search(html)
    worker_url = json.loads(match.group(1)).get("search") if match else None
    worker = _local(page, worker_url) if worker_url else None
    if worker is not None and worker.is_file():
        view.add(worker, worker.name)
    return view


def _search_scripts(page: Path, html: str, index: dict) -> Assets:
    """The search worker and the lunr language files it imports (see the worker's ``importScripts``)."""
    scripts = Assets()
    match = _CONFIG.search(html)
    if not match:
        return scripts
    worker_url = json.loads(match.group(1)).get("search")
    worker = _local(page, worker_url) if worker_url else None
    if worker is None or not worker.is_file():
        return scripts
    scripts.add(worker, worker.name)
    # A wrapping worker names the script it loads in its query (``kb-search.js?material=search.x.min.js``).
    for value in parse_qs(urlsplit(worker_url).query).values():
        for name in value:
            wrapped = worker.parent / name
            if name.endswith(".js") and "/" not in name and wrapped.is_file():
                scripts.add(wrapped, name)
    lunr = worker.parent.parent / "lunr"
    for wanted in sorted(lunr_files_needed(index.get("config", {}).get("lang", []))):
        if (lunr / wanted).is_file():
            scripts.add(lunr / wanted, Path(wanted).name)
    return scripts


def _sample_query(html: str) -> str:
    """Two words of the sample page's title: what a reader looking for it might type."""
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL)
    title = re.sub(r"<[^>]+>", "", match.group(1)) if match else ""
    return " ".join(search_words.words_of(title)[:2])


def third_party_references(html: str, own_hosts: set[str]) -> list[str]:
    """``host: url`` for every script, stylesheet, image or frame the page loads from another host."""
    found = []
    for tag, raw in _TAG.findall(html):
        attrs = _attributes(raw)
        tag = tag.lower()
        if tag == "link":
            rel = attrs.get("rel", "").lower().split()
            if "canonical" in rel or "alternate" in rel:
                continue  # not loaded by the browser
            url = attrs.get("href", "")
        else:
            url = attrs.get("src", "")
        if host := _foreign_host(url, own_hosts):
            found.append(f"{host}: {url}")
    return found


def region_reader(site: Path, region_id: str, own_hosts: set[str]) -> RegionReader:
    region_site = site / region_id
    sizes: list[tuple[int, str]] = []
    third_party: dict[str, list[str]] = {}
    for page in sorted(region_site.rglob("*.html")):
        if page.name == MAIL_HTML:
            continue  # a newsletter issue's e-mail edition, not a page readers open
        data = page.read_bytes()
        rel = page.relative_to(region_site).as_posix()
        sizes.append((len(data), rel))
        if found := third_party_references(data.decode("utf-8", "replace"), own_hosts):
            third_party[rel] = found
    sample = _article_page(region_site)
    html = sample.read_text(encoding="utf-8")
    css, js, _missing = _page_assets(sample, html)
    for sheet in css.files:
        local = _local(sample, sheet)
        text = local.read_text(encoding="utf-8", errors="replace") if local else ""
        for url in _CSS_URL.findall(text):
            if host := _foreign_host(url, own_hosts):
                third_party.setdefault(sheet, []).append(f"{host}: {url}")
    index_file = region_site / "search" / "search_index.json"
    index_data = index_file.read_bytes() if index_file.is_file() else b"{}"
    index = json.loads(index_data)
    whole, fetched, query = Assets(), Assets(), _sample_query(html)
    if index_file.is_file():
        for part in [index_file, *sorted((region_site / "search" / "kb").glob("*.json"))]:
            whole.add(part, part.name)
        fetched.add(index_file, index_file.name)
        for part in search_parts.typed_parts(index_file.parent, query):
            fetched.add(part, part.name)
    largest = max(sizes) if sizes else (0, "")
    return RegionReader(
        region=region_id,
        pages=len(sizes),
        html_median=int(statistics.median(size for size, _ in sizes)) if sizes else 0,
        html_max=largest[0],
        html_max_page=largest[1],
        sample_page=sample.relative_to(region_site).as_posix(),
        css=css,
        js=js,
        search_index_raw=whole.raw,
        search_index_gzip=whole.gzip,
        search_scripts=_search_scripts(sample, html, index),
        first_view=_first_view(sample, html, css, js),
        third_party=third_party,
        search_query=query,
        search_fetched=fetched,
    )


def reader_figures(site: Path, region_ids: list[str], site_url: str | None) -> list[RegionReader]:
    own = {urlsplit(site_url).hostname} if site_url else set()
    own.discard(None)
    return [region_reader(site, region_id, own) for region_id in region_ids]  # type: ignore[arg-type]
