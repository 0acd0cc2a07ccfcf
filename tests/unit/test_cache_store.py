"""The cache file: entries stamped by the build that used them, pruned after a full build, never a reason to fail."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kompetansebroen.output.cache_store import CacheFile, prune


def _build(path: Path, stamp: int) -> CacheFile:
    return CacheFile(path, stamp)


def test_prune_keeps_what_the_last_build_used(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    store = _build(path, 1).table("entries")
    store.put("old", "1")
    store.put("kept", "2")
    store.close()

    second = _build(path, 2)
    store = second.table("entries")
    assert store.get("kept") == "2"
    store.put("new", "3")
    store.close()

    assert prune(second, ["entries", "missing_table"]) == 1
    store = second.table("entries")
    assert (store.get("old"), store.get("kept"), store.get("new")) == (None, "2", "3")
    store.close()


def test_touch_keeps_an_entry_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    store = _build(path, 1).table("entries")
    store.put("page", "html")
    store.close()
    second = _build(path, 2)
    store = second.table("entries")
    store.touch(["page"])
    store.close()
    assert prune(second, ["entries"]) == 0


def test_a_cache_from_before_stamps_is_read_and_then_pruned(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE entries (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO entries VALUES ('old', 'x')")
    db.commit()
    db.close()

    build = _build(path, 5)
    store = build.table("entries")
    store.put("new", "y")
    store.close()

    assert prune(build, ["entries"]) == 1


def test_a_file_that_is_not_a_database_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"\x00garbage" * 500)
    build = _build(path, 1)

    store = build.table("entries")
    store.put("page", "html")
    store.close()

    store = build.table("entries")
    assert store.get("page") == "html"
    store.close()


def test_a_cache_folder_that_is_a_file_only_means_no_cache(tmp_path: Path) -> None:
    (tmp_path / ".cache").write_text("not a folder", encoding="utf-8")
    build = _build(tmp_path / ".cache" / "kompetansebroen" / "cache.sqlite", 1)

    store = build.table("entries")
    store.put("page", "html")
    store.close()

    assert store.get("page") is None
    assert prune(build, ["entries"]) == 0


def test_a_damaged_file_is_deleted_by_prune(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)

    assert prune(_build(path, 1), ["entries"]) == 0
    assert not path.exists()


def test_a_build_probes_the_cache_once(tmp_path: Path) -> None:
    (tmp_path / "blocked").write_text("a file where the cache folder should be", encoding="utf-8")
    assert CacheFile.for_build(tmp_path / "blocked" / "cache.sqlite") is None

    damaged = tmp_path / "cache.sqlite"
    damaged.write_bytes(b"not a database at all" * 100)
    cache = CacheFile.for_build(damaged)
    assert cache is not None and not damaged.exists()
    store = cache.table("entries")
    store.put("page", "html")
    store.close()
    assert cache.table("entries").get("page") == "html"
