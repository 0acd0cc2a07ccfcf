"""Rendered Markdown, cached on disk and shared by every region and every build.

A shared page renders to the same HTML in every region (its URL, and the URLs
of what it links to, are the same relative paths everywhere), so the first
region to render it stores the result and the others reuse it. The key covers
everything that changes the output — the Markdown after our plugin's additions,
the page's path and URL, the Markdown extensions and their configuration, the
versions of our package, MkDocs and Python-Markdown, and whether each link
target exists in this region — so a stale entry cannot be used. A render that
logged a warning is never stored, so strict mode sees every warning again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents

from ..output.cache_store import CacheStore
from ..project import links
from .code_versions import code_fingerprint

FORMAT = 1


class _Counter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _anchor(data: dict[str, Any]) -> AnchorLink:
    anchor = AnchorLink(data["title"], data["id"], data["level"])
    anchor.children = [_anchor(child) for child in data["children"]]
    return anchor


def _anchor_data(anchor: AnchorLink) -> dict[str, Any]:
    return {
        "title": anchor.title,
        "id": anchor.id,
        "level": anchor.level,
        "children": [_anchor_data(c) for c in anchor.children],
    }


def _stable_repr(value: object) -> str:
    """A function (toc's slugify in mkdocs.yml) by its import path: its repr() holds an address, new in every process."""
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{value.__module__}.{value.__qualname__}"
    return repr(value)


class RenderCache:
    """Rendered Markdown by key, as JSON entries in the shared cache store."""

    def __init__(self, store: CacheStore, config: MkDocsConfig) -> None:
        self.table = store
        settings = json.dumps(
            [config.markdown_extensions, config.mdx_configs, config.use_directory_urls],
            sort_keys=True,
            default=_stable_repr,
        )
        self.salt = f"{FORMAT}|{code_fingerprint()}|{settings}"
        self.hits = 0

    def key(self, page: Page, files: Files) -> str:
        assert page.markdown is not None
        # The links the check reads are the links MkDocs resolves (project/links.py).
        targets = sorted({links.resolve(page.file.src_uri, t) for t in links.link_targets(page.markdown)})
        existing = [(t, files.get_file_from_path(t) is not None) for t in targets]
        inputs = json.dumps([self.salt, page.file.src_uri, page.file.url, page.markdown, existing])
        return hashlib.sha256(inputs.encode("utf-8")).hexdigest()

    def load(self, key: str, page: Page, files: Files) -> bool:
        raw = self.table.get(key)
        if raw is None:
            return False
        links_to_anchors: dict[File, dict[str, str]] = {}
        try:  # a damaged entry is a miss: the page is rendered again and stored over it
            data = json.loads(raw)
            for src_uri, anchors in data["links_to_anchors"].items():
                target = files.get_file_from_path(src_uri)
                if target is None:
                    return False
                links_to_anchors[target] = anchors
            content, title = data["content"], data["title"]
            toc = TableOfContents([_anchor(item) for item in data["toc"]])
            anchor_ids = set(data["anchors"])
        except (ValueError, KeyError, TypeError, AttributeError):
            return False
        if not isinstance(content, str):
            return False
        page.content = content
        page.toc = toc
        if page.toc.items:
            page.toc.items[0].active = True  # type: ignore[attr-defined]
        page._title_from_render = title
        page.present_anchor_ids = anchor_ids
        page.links_to_anchors = links_to_anchors
        return True

    def touch(self, key: str) -> None:
        """Keep an entry a page taken unchanged from the published site was made from."""
        self.table.touch([key])

    def store(self, key: str, page: Page) -> None:
        data = {
            "content": page.content,
            "toc": [_anchor_data(item) for item in page.toc.items],
            "title": page._title_from_render,
            "anchors": sorted(page.present_anchor_ids or ()),
            "links_to_anchors": {f.src_uri: a for f, a in (page.links_to_anchors or {}).items()},
        }
        self.table.put(key, json.dumps(data))


class CachedPage(Page):
    """A page whose Markdown rendering goes through the shared cache."""

    cache: RenderCache | None = None
    render_key: str | None = None
    """The cache key of this rendering (kept with the page's build state, see incremental.py)."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        cache = self.cache
        if cache is None:
            super().render(config, files)
            return
        key = self.render_key = cache.key(self, files)
        if cache.load(key, self, files):
            cache.hits += 1
            return
        counter = _Counter()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(counter)
        try:
            super().render(config, files)
        finally:
            logger.removeHandler(counter)
        if counter.count == 0:
            cache.store(key, self)
