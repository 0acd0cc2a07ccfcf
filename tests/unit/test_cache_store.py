"""The cache file: entries stamped by the build that used them, and pruned after a full build."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kompetansebroen.output import cache_store
from kompetansebroen.output.cache_store import CacheStore, prune


def test_prune_keeps_what_the_last_build_used(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    cache_store.start_build()
    store = CacheStore(path, "entries")
    store.put("old", "1")
    store.put("kept", "2")
    store.close()

    stamp = cache_store.start_build()
    store = CacheStore(path, "entries")
    assert store.get("kept") == "2"
    store.put("new", "3")
    store.close()

    assert prune(path, ["entries", "missing_table"], stamp) == 1
    store = CacheStore(path, "entries")
    assert (store.get("old"), store.get("kept"), store.get("new")) == (None, "2", "3")
    store.close()


def test_touch_keeps_an_entry_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    cache_store.start_build()
    store = CacheStore(path, "entries")
    store.put("page", "html")
    store.close()
    stamp = cache_store.start_build()
    store = CacheStore(path, "entries")
    store.touch(["page"])
    store.close()
    assert prune(path, ["entries"], stamp) == 0


def test_a_cache_from_before_stamps_is_read_and_then_pruned(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO entries VALUES ('old', 'x')")
    db.commit()
    db.close()

    stamp = cache_store.start_build()
    store = CacheStore(path, "entries")
    store.put("new", "y")
    store.close()

    assert prune(path, ["entries"], stamp) == 1
