"""Rendered shared pages with their slots, handed from the region that rendered them to those that stamp them.

The renderer stores each such page under its shell key (``render_plan``), with
what the other regions need besides the HTML: the page's search entries and,
for a newsletter issue, its rendered body for the feeds. They live in the
cache file, so an incremental build whose renderer took the page unchanged
from the published site still finds them; an entry that is missing or
damaged makes the stamping region build the page itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .cache_store import CacheFile

TABLE = "page_shells"


@dataclass(frozen=True)
class Shell:
    """One rendering of a shared page, the same for every region that shows it."""

    html: str
    search_entries: list[dict[str, Any]]
    newsletter_html: str | None = None


class ShellStore:
    """Shells by key, in the shared cache file."""

    def __init__(self, cache: CacheFile) -> None:
        self.store = cache.table(TABLE)

    def put(self, key: str, shell: Shell) -> None:
        data = {"html": shell.html, "search": shell.search_entries, "newsletter": shell.newsletter_html}
        self.store.put(key, json.dumps(data, ensure_ascii=False))

    def get(self, key: str) -> Shell | None:
        raw = self.store.get(key)
        if raw is None:
            return None
        try:
            data = json.loads(raw)
            return Shell(data["html"], data["search"], data["newsletter"])
        except (ValueError, KeyError, TypeError):
            return None

    def touch(self, keys: list[str]) -> None:
        self.store.touch(keys)

    def close(self) -> None:
        self.store.close()
