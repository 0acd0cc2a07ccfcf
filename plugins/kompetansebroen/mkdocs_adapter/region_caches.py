"""The cache tables one region build reads and writes, opened together and closed together.

Rendered Markdown (render_cache.py) and finished pages (page_cache.py) are
shared by every region and every build; a region that renders shared pages for
the others hands them on as shells (output/shells.py); the region's saved
incremental state is kept beside them (output/region_state.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from mkdocs.config.defaults import MkDocsConfig

from ..output.cache_store import CacheFile, CacheStore
from ..output.region_output import STATE_TABLE
from ..output.region_state import RegionState
from ..output.shells import ShellStore
from .page_cache import PageCache
from .render_cache import RenderCache


class RegionCaches:
    """A region build's caches in the build's cache file."""

    def __init__(
        self, cache: CacheFile, config: MkDocsConfig, command: str, renders_for_others: bool
    ) -> None:
        self._cache = cache
        self._tables: list[CacheStore] = [cache.table("rendered_markdown"), cache.table("finished_pages")]
        self.markdown = RenderCache(self._tables[0], config)
        self.pages = PageCache(self._tables[1], config, command)
        self.shells = ShellStore(cache) if renders_for_others else None
        """Where this region leaves the shared pages it renders for the regions that stamp them."""

    def saved_state(self, key: str) -> RegionState:
        """The state the last good build of the region saved under ``key`` (empty when there is none)."""
        table = self._cache.table(STATE_TABLE)
        self._tables.append(table)
        return RegionState.from_json(table.get(key))

    def keep(self, keys: Mapping[str, str], shell_key: str | None) -> None:
        """A page taken from the published site keeps the entries it was made from (``incremental.py``)."""
        if "markdown" in keys:
            self.markdown.touch(keys["markdown"])
        if "page" in keys:
            self.pages.touch(keys["page"])
        if self.shells is not None and shell_key is not None:
            self.shells.touch([shell_key])

    def close(self) -> None:
        for table in [*self._tables, *([self.shells.store] if self.shells else [])]:
            table.close()
