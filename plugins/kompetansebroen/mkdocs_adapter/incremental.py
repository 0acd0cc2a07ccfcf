"""Incremental builds: only the pages an edit can change go through MkDocs again.

MkDocs' ``--dirty`` mode keeps the previous output and skips every page whose
``File.is_modified()`` is false. MkDocs judges that by file times, which misses
all the pages that show something of another page (listings, «Les også», the
region selector). We judge it ourselves: a page is rebuilt when anything its
output is made from has changed since the last good build:

* for every page: ``mkdocs.yml``, the theme's templates, our version, the site
  address and the regions;
* for a page that lists or counts others (generated pages, hubs, the home
  page): every page's path and front matter and every asset's path, in every
  tree;
* for any other page: its own source file, whether each of its link targets
  exists and the source of each page it links to (its anchors are checked),
  and what the templates show around it (the selector, «Les også», the issue
  links), computed as for the page itself.

A body edit rebuilds that page and those that link to it; a title edit also
the listings and the pages whose «Les også» shows it. The search index and the
feeds are written whole every time, from this build's pages and the last
build's entries for the pages it skipped.

Two users:

* ``make serve`` (``mkdocs serve --dirty``) keeps the state in memory and the
  output where it is. A failed build forgets the state, so the next one writes
  every page again.
* ``mkdocs build`` builds each region into an empty staging folder. A page that
  has not changed is hard-linked (or copied) from the published site into it,
  but only when the published file is exactly what the saved state says it is
  (by SHA-256), so a failed, interrupted or hand-edited build can never leave
  a stale page. Links are safe: the build writes only pages it did not link.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Collection, Iterable, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from ..listings import paths
from ..model.documents import Document
from ..output import region_state
from ..output.region_state import RegionState
from ..output.render_plan import link_targets
from ..project.loader import Project
from ..project.views import RegionView
from .code_versions import code_fingerprint
from .page_cache import theme_fingerprint
from .region_files import RegionFile


def _digest(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def settings_fingerprint(config: MkDocsConfig) -> str:
    """What every page of every region is made with: our version and the renderers', the settings, the theme.

    The same in every region (no site address in it), so shared pages' renderings
    can be keyed by it (output/render_plan.py).
    """
    config_file = Path(config.config_file_path)
    return _digest(
        [
            code_fingerprint(),
            hashlib.sha256(config_file.read_bytes() if config_file.is_file() else b"").hexdigest(),
            theme_fingerprint(config),
        ]
    )


def base_fingerprint(settings: str, project: Project, region_id: str, config: MkDocsConfig) -> str:
    """The settings of the build, this region's address and the regions: what every page is made with."""
    return _digest(
        [
            settings,
            region_id,
            config.site_url or "",
            repr(sorted((rid, repr(region)) for rid, region in project.regions.items())),
        ]
    )


def content_fingerprint(project: Project) -> str:
    """Every page's path and front matter (and what was read from its MP3), every podcast series
    and every asset's path, in every tree."""

    def documents() -> Iterable[str]:
        trees: list[tuple[str, dict[str, Document]]] = [("", project.shared)]
        trees += sorted(project.regional.items())
        for origin, docs in trees:
            for path, doc in docs.items():
                yield f"{origin}|{path}|{doc.kind.value}|{sorted(doc.meta.items())!r}|{doc.audio_facts!r}"

    def series() -> Iterable[str]:
        yield from (repr(each) for _, each in sorted(project.shared_series.items()))
        for origin, found in sorted(project.regional_series.items()):
            yield from (f"{origin}|{each!r}" for _, each in sorted(found.items()))

    def assets() -> Iterable[str]:
        yield from project.shared_assets
        for origin, found in sorted(project.regional_assets.items()):
            yield from (f"{origin}|{path}" for path in found)

    # The build date decides which events are upcoming and whether sign-up is open.
    return _digest([str(project.today), *documents(), *series(), *assets()])


def listing_fingerprint(base: str, content: str, path: str) -> str:
    """A page that lists or counts other pages (generated pages, hubs, the home page)."""
    return _digest([base, content, path])


def page_fingerprint(
    base: str, doc: Document, view: RegionView, generated: Collection[str], context: Mapping[str, Any]
) -> str:
    """Any other page: its own source, what it links to, and what the templates show around it.

    ``context`` is the page's template context (page_context.region_context): the
    selector, «Les også», the issue links. Whether each link target exists, and the
    source of each page linked to (its anchors are checked), complete the inputs.
    """
    shown = {key: value for key, value in context.items() if key != "region"}
    return _digest(
        [
            base,
            doc.path,
            doc.fingerprint,
            *link_targets(doc, view, generated),
            json.dumps(shown, sort_keys=True, default=str),
        ]
    )


def fingerprint(
    base: str,
    content: str,
    path: str,
    view: RegionView,
    generated: Collection[str],
    context: Callable[[], Mapping[str, Any]],
) -> str:
    """The fingerprint of the page at ``path``: a listing's, or any other page's (``context`` makes its
    template context, asked for only then)."""
    doc = view.documents.get(path)
    if doc is None or doc.hub or path in generated or path == paths.HOME:
        return listing_fingerprint(base, content, path)
    return page_fingerprint(base, doc, view, generated, context())


class RegionIncrement:
    """One region build's bookkeeping: which pages are as the last good build left them, and what this
    build records for the next one."""

    def __init__(self, last: RegionState, reuse_from: Path | None) -> None:
        self.last = last
        """What the last good build wrote: kept in memory by ``make serve``, in the cache file by a build."""
        self.reuse_from = reuse_from
        """The published region, whose unchanged pages are linked into this build's empty output folder;
        None when the output folder already has them (``make serve``)."""
        self.fingerprints: dict[str, str] = {}
        self.output_hashes: dict[str, str] = {}
        self.cache_keys: dict[str, dict[str, str]] = {}
        """Page source path → the cache entries its output was made from, by cache."""
        self.reused = 0

    @property
    def serving(self) -> bool:
        return self.reuse_from is None

    def unchanged(self, file: RegionFile, fingerprint: str) -> bool:
        """Whether the page's output is still what the last build wrote (a build links it into place)."""
        path = file.src_uri
        self.fingerprints[path] = fingerprint
        unchanged = self.last.fingerprints.get(path) == fingerprint
        if unchanged and self.reuse_from is not None:
            expected = self.last.output_hashes.get(path)
            unchanged = region_state.reuse_output(
                self.reuse_from / file.dest_uri, Path(file.abs_dest_path), expected
            )
            if unchanged:
                self.output_hashes[path] = self.last.output_hashes[path]
                self.cache_keys[path] = self.last.cache_keys.get(path, {})
        self.reused += unchanged
        return unchanged

    def written(self, path: str, output: str, cache_keys: Mapping[str, str | None]) -> None:
        """The page was written: its output's hash and the cache entries it was made from."""
        self.output_hashes[path] = region_state.output_hash(output)
        self.cache_keys[path] = {name: key for name, key in cache_keys.items() if key}

    def hand_on(
        self,
        pages: Collection[str],
        search_entries: dict[str, list[dict[str, Any]]],
        newsletter_html: dict[str, str],
        stamped: Collection[str],
    ) -> RegionState:
        """The state for the next build; pages taken unchanged from the last build keep its search entries
        and issue HTML (into ``search_entries`` and ``newsletter_html``; stamped pages get theirs later)."""
        state = self.last
        for path in set(pages) - set(search_entries) - set(stamped):
            search_entries[path] = state.search_entries.get(path, [])
        for path, html in state.newsletter_html.items():
            if path in pages and path not in stamped:
                newsletter_html.setdefault(path, html)
        state.fingerprints = dict(self.fingerprints)
        state.output_hashes = dict(self.output_hashes)
        state.cache_keys = dict(self.cache_keys)
        return state

    def remove_gone(self, written: set[str]) -> None:
        """``make serve`` writes into the same folder every time: remove what no longer has a source."""
        for gone in self.last.written - written:
            if os.path.isfile(gone):
                os.remove(gone)
        self.last.written = written

    def forget(self) -> None:
        """A failed preview may have written some pages: the next one writes every page."""
        if self.serving:
            self.last.fingerprints.clear()


class ServeStates:
    """The state of ``make serve`` per region, in memory for the life of the server.

    MkDocs makes a new plugin for every rebuild of ``mkdocs serve``, so the state
    is kept on the plugin class (see plugin.py), not on the plugin.
    """

    def __init__(self) -> None:
        self.states: dict[tuple[str, str, str], RegionState] = {}

    def get(self, root: Path, region_id: str, site_dir: str) -> RegionState:
        return self.states.setdefault((str(root), region_id, os.path.abspath(site_dir)), RegionState())
