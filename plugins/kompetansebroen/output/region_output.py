"""A region's output beyond MkDocs' pages: stamped copies of shared pages, search index, feeds, saved state.

A region build (mkdocs_adapter/region_build.py) renders its own pages
through MkDocs and Material and returns a :class:`RegionResult`. Once every
region has rendered, :func:`finish_region` writes the region's copies of the
shared pages another region rendered (the shell with this region's parts
filled in), and then what lists every page: the search index, the feeds and
the state the next incremental build starts from. The region's text files
get their ``.gz`` copies here too (publishing/precompress.py), in the
region's worker, so the regions compress in parallel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..stage_times import COMPRESSION, CSP_SCAN, FEEDS, SEARCH_INDEX, STAMPING, WRITES, stage
from . import search_index, slots
from .cache_store import CacheFile
from .feeds_writer import RegionFeeds, write_feeds
from .mail_writer import MAIL_TABLE
from .publishing.content_policy import file_script_hashes, html_files
from .publishing.precompress import precompress_tree
from .region_state import RegionState, output_hash
from .shells import ShellStore

STATE_TABLE = "region_state"


class MissingShell(Exception):
    """A shell a region was to stamp is not in the store; the region must render the page itself."""


@dataclass(frozen=True)
class StampJob:
    """One page a region copies from another region's rendering."""

    path: str
    """The page's source path (``artikler/x.md``)."""
    dest: str
    """Where it is written, relative to the region's folder (``artikler/x/index.html``)."""
    shell_key: str
    parts: dict[str, str]
    """This region's parts, by slot name (``slots.PARTS``)."""
    canonical: str | None


@dataclass
class RegionResult:
    """What a region build hands on to be finished once every region has rendered."""

    region_id: str
    site_dir: str
    page_order: list[str]
    """Every page's source path, in the order of the search index."""
    search_entries: dict[str, list[dict[str, Any]]]
    newsletter_html: dict[str, str]
    feeds: RegionFeeds
    stamp_jobs: list[StampJob] = field(default_factory=list)
    state: RegionState | None = None
    """The incremental state to save, when the build keeps one in the cache file."""
    state_key: str | None = None
    cache: CacheFile | None = None
    precompress: bool = False
    """Write ``.gz`` files for nginx's ``gzip_static`` (a build, not ``make serve``, where it would only cost)."""
    published_dir: str | None = None
    """The published region folder: an unchanged (hard-linked) page keeps its published ``.gz``."""
    scan_scripts: bool = False
    """Read the finished folder's inline scripts for the site's CSP (a worker of a whole-site build)."""


def write_page(site_dir: Path, dest: str, html: str) -> None:
    """Write a page as MkDocs does (UTF-8, characters it cannot encode as references)."""
    target = site_dir / dest
    with stage(WRITES):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(html.encode("utf-8", errors="xmlcharrefreplace"))


def stamp(result: RegionResult, shells: ShellStore | None) -> None:
    """Write the region's copies of pages another region rendered."""
    site_dir = Path(result.site_dir)
    for job in result.stamp_jobs:
        shell = shells.get(job.shell_key) if shells is not None else None
        if shell is None:
            raise MissingShell(job.path)
        html = slots.fill(shell.html, job.parts, job.canonical)
        write_page(site_dir, job.dest, html)
        result.search_entries[job.path] = shell.search_entries
        if shell.newsletter_html is not None:
            result.newsletter_html[job.path] = shell.newsletter_html
        if result.state is not None:
            result.state.output_hashes[job.path] = output_hash(html)


def finish_region(result: RegionResult) -> frozenset[str]:
    """Stamp the region's copies, then write its search index and feeds, and save its state.

    Returns the hashes of the folder's inline scripts when the result asks for them (``scan_scripts``):
    the regions' workers read their own pages in parallel, not the main build after them all.
    """
    shells = ShellStore(result.cache) if result.stamp_jobs and result.cache is not None else None
    try:
        with stage(STAMPING):
            stamp(result, shells)
    finally:
        if shells is not None:
            shells.close()
    site_dir = Path(result.site_dir)
    pages = result.page_order
    with stage(SEARCH_INDEX):
        entries = [entry for path in pages for entry in result.search_entries.get(path, ())]
        search_index.write(site_dir, entries)
    shown = set(pages)
    newsletters = {path: html for path, html in result.newsletter_html.items() if path in shown}
    mail_store = result.cache.table(MAIL_TABLE) if result.cache is not None and result.feeds.mail else None
    try:
        with stage(FEEDS):
            write_feeds(site_dir, result.feeds, newsletters, mail_store)
    finally:
        if mail_store is not None:
            mail_store.close()
    if result.precompress:
        published = Path(result.published_dir) if result.published_dir else None
        with stage(COMPRESSION):
            precompress_tree(site_dir, reuse_from=published if published and published.is_dir() else None)
    scripts: frozenset[str] = frozenset()
    if result.scan_scripts:
        with stage(CSP_SCAN):
            scripts = frozenset(file_script_hashes(html_files(site_dir)))
    state = result.state
    if state is None:
        return scripts
    state.search_entries = {path: result.search_entries.get(path, []) for path in pages}
    state.newsletter_html = newsletters
    if result.state_key is not None and result.cache is not None:
        store = result.cache.table(STATE_TABLE)
        try:
            store.put(result.state_key, state.to_json())
        finally:
            store.close()
    return scripts
