"""Finished HTML pages, cached on disk: an unchanged page is not rendered through the theme again.

Material's page template is the largest cost of a region build once Markdown
is cached. What a page template renders is determined by: the site
configuration and theme files, the page's rendered content, its metadata,
table of contents, address, title and neighbours, and the navigation with its
active entry. All of it goes into the key, so a stale entry cannot be used;
anything we did not think of would only make the cache miss more often if it
were added. What differs between regions is not in the entry but in slots
each region fills (output/slots.py), so the regions share the entries.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..output.cache_store import CacheStore
from .code_versions import code_fingerprint

FORMAT = 2


def theme_fingerprint(config: MkDocsConfig) -> str:
    """Versions of the installed themes, and the content of every template folder outside them."""
    digest = hashlib.sha256()
    import material

    digest.update(f"{mkdocs.__name__} {mkdocs.__version__}|{getattr(material, '__version__', '')}".encode())
    site_packages = Path(mkdocs.__file__).resolve().parent.parent
    for folder in config.theme.dirs:
        root = Path(folder).resolve()
        if root.is_relative_to(site_packages):
            continue  # an installed package: its version above stands for its files
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _nav_items(items: Iterable[Any]) -> list[Any]:
    return [
        [
            item.title,
            getattr(item, "url", None),
            bool(item.active),
            _nav_items(getattr(item, "children", None) or []),
        ]
        for item in items
    ]


def _toc(items: Iterable[Any]) -> list[Any]:
    return [[i.title, i.id, i.level, _toc(i.children)] for i in items]


class PageCache:
    """Finished pages by key, in the shared cache store."""

    def __init__(self, store: CacheStore, config: MkDocsConfig, extra: str) -> None:
        self.table = store
        config_file = Path(config.config_file_path)
        settings = config_file.read_bytes() if config_file.is_file() else b""
        self.salt = "|".join(
            [
                str(FORMAT),
                code_fingerprint(),
                hashlib.sha256(settings).hexdigest(),
                theme_fingerprint(config),
                extra,
            ]
        )
        self.hits = 0

    def key(self, page: Page, nav: Navigation) -> str:
        neighbours = [
            [p.title, p.url] if p is not None else None for p in (page.previous_page, page.next_page)
        ]
        inputs = {
            "salt": self.salt,
            "build_date": os.environ.get("SOURCE_DATE_EPOCH", ""),
            "url": page.url,
            "canonical": page.canonical_url,
            "edit": page.edit_url,
            "title": page.title,
            "home": page.is_homepage,
            "meta": page.meta,
            "content": hashlib.sha256((page.content or "").encode("utf-8")).hexdigest(),
            "toc": _toc(page.toc.items),
            "neighbours": neighbours,
            "ancestors": [a.title for a in page.ancestors],
            "nav": _nav_items(nav.items),
        }
        encoded = json.dumps(inputs, sort_keys=True, default=repr, ensure_ascii=False)
        return hashlib.sha256(encoded.encode("utf-8")).hexdigest()

    def load(self, key: str) -> str | None:
        return self.table.get(key)

    def touch(self, key: str) -> None:
        """Keep an entry a page taken unchanged from the published site was made from."""
        self.table.touch([key])

    def store(self, key: str, output: str) -> None:
        self.table.put(key, output)
