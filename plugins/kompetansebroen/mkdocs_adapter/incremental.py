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
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from .. import __version__
from ..model.documents import Document
from ..project import links
from ..project.cross_checks import links_of
from ..project.loader import Project
from ..project.views import RegionView
from .page_cache import theme_fingerprint


@dataclass
class RegionState:
    """What the last good build of one region wrote, kept for the next build."""

    fingerprints: dict[str, str] = field(default_factory=dict)
    """Page source path → the fingerprint its output was built from."""
    output_hashes: dict[str, str] = field(default_factory=dict)
    """Page source path → SHA-256 of the HTML written (``mkdocs build`` only)."""
    search_entries: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    newsletter_html: dict[str, str] = field(default_factory=dict)
    written: set[str] = field(default_factory=set)
    """Every output file of the build, to remove those whose source has gone (serve only)."""
    cache_keys: dict[str, dict[str, str]] = field(default_factory=dict)
    """Page source path → the cache entries it was made from, by cache: kept while the page is."""

    def to_json(self) -> str:
        return json.dumps({"format": STATE_FORMAT, **{name: getattr(self, name) for name in _SAVED}})

    @classmethod
    def from_json(cls, text: str | None) -> RegionState:
        data = json.loads(text) if text else {}
        if data.get("format") != STATE_FORMAT:
            return cls()
        return cls(**{name: data[name] for name in _SAVED})


_SAVED = ("fingerprints", "output_hashes", "search_entries", "newsletter_html", "cache_keys")
STATE_FORMAT = 2

_SERVE_STATES: dict[tuple[str, str, str], RegionState] = {}


def serve_state(root: Path, region_id: str, site_dir: str) -> RegionState:
    """The state of ``make serve`` for one region, in memory for the life of the server."""
    return _SERVE_STATES.setdefault((str(root), region_id, os.path.abspath(site_dir)), RegionState())


def build_state_key(region_id: str, published_dir: Path) -> str:
    return f"{region_id}|{published_dir.resolve()}"


def output_hash(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8", errors="xmlcharrefreplace")).hexdigest()


def reuse_output(published: Path, staging: Path, expected_hash: str | None) -> bool:
    """Link the published page into ``staging`` when it is the output the state records."""
    if expected_hash is None:
        return False
    try:
        content = published.read_bytes()
    except OSError:
        return False
    if hashlib.sha256(content).hexdigest() != expected_hash:
        return False
    staging.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(published, staging)
    except OSError:  # another file system, or links not allowed: a copy does the same
        staging.write_bytes(content)
    return True


def _digest(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def base_fingerprint(project: Project, region_id: str, config: MkDocsConfig) -> str:
    """The settings of the build and the regions: what every page is made with."""
    config_file = Path(config.config_file_path)
    return _digest(
        [
            __version__,
            region_id,
            config.site_url or "",
            hashlib.sha256(config_file.read_bytes() if config_file.is_file() else b"").hexdigest(),
            theme_fingerprint(config),
            repr(sorted((rid, repr(region)) for rid, region in project.regions.items())),
        ]
    )


def content_fingerprint(project: Project) -> str:
    """Every page's path and front matter and every asset's path, in every tree."""

    def documents() -> Iterable[str]:
        trees: list[tuple[str, dict[str, Document]]] = [("", project.shared)]
        trees += sorted(project.regional.items())
        for origin, docs in trees:
            for path, doc in docs.items():
                yield f"{origin}|{path}|{doc.kind.value}|{sorted(doc.meta.items())!r}"

    def assets() -> Iterable[str]:
        yield from project.shared_assets
        for origin, found in sorted(project.regional_assets.items()):
            yield from (f"{origin}|{path}" for path in found)

    return _digest([*documents(), *assets()])


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
    targets = []
    for link in links_of(doc):
        if not link.path:
            continue
        resolved = links.resolve(doc.path, link.target)
        target = view.documents.get(resolved)
        if target is not None:
            targets.append(f"{resolved}|{target.fingerprint}")
        else:
            kind = "asset" if resolved in view.assets else "generated" if resolved in generated else "none"
            targets.append(f"{resolved}|{kind}")
    shown = {key: value for key, value in context.items() if key != "region"}
    return _digest(
        [
            base,
            doc.path,
            doc.fingerprint,
            *sorted(set(targets)),
            json.dumps(shown, sort_keys=True, default=str),
        ]
    )
