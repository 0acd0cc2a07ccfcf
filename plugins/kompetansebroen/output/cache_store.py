"""One SQLite file of key → text entries, shared by the region builds running side by side.

A file per entry cost more than the rendering it saved on slow file systems
(two file creations per page); SQLite keeps them in one file, and its locking
lets parallel region builds read what the others have already stored.

Every entry records the last build that used it (``used``, the build's stamp).
After a build of every region, :func:`prune` removes what that build did not
use, so the file holds what the published site is made of, not every version
of every page since the cache was created. Pages an incremental build takes
from the published site touch the entries they were made from (see
incremental.py), so those stay.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

BATCH = 64  # entries written per transaction; others see them after each batch

# The stamp of the build running in this process; region workers are forked after the
# main build has set it, so every part of one build marks its entries alike.
_build_stamp = time.time_ns()


def start_build() -> int:
    """Give the build starting now its stamp (call before any store is opened)."""
    global _build_stamp
    _build_stamp = time.time_ns()
    return _build_stamp


def build_stamp() -> int:
    return _build_stamp


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=60, isolation_level=None)
    db.execute("PRAGMA synchronous=NORMAL")
    return db


class CacheStore:
    """Entries of one kind (``table``) in ``path``."""

    def __init__(self, path: Path, table: str) -> None:
        self.table = table
        self.stamp = build_stamp()
        self.pending: list[tuple[str, str, int]] = []
        self.touched: list[tuple[int, str]] = []
        self.db = _connect(path)
        for attempt in range(50):
            try:
                # Switching to WAL takes an exclusive lock that does not wait for the busy
                # timeout; two region builds opening a new cache at once may collide.
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute(
                    f"CREATE TABLE IF NOT EXISTS {table} "
                    "(key TEXT PRIMARY KEY, value TEXT NOT NULL, used INTEGER NOT NULL DEFAULT 0)"
                )
                columns = {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}
                if "used" not in columns:  # a cache from before entries were stamped
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN used INTEGER NOT NULL DEFAULT 0")
                break
            except sqlite3.OperationalError:
                if attempt == 49:
                    raise
                time.sleep(0.1)

    def get(self, key: str) -> str | None:
        row = self.db.execute(f"SELECT value FROM {self.table} WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        self.touch([key])
        return row[0]

    def touch(self, keys: Iterable[str]) -> None:
        """Mark entries as used by this build (they are kept by the next prune)."""
        self.touched.extend((self.stamp, key) for key in keys)
        if len(self.touched) >= BATCH:
            self.flush()

    def put(self, key: str, value: str) -> None:
        self.pending.append((key, value, self.stamp))
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.pending and not self.touched:
            return
        with self.db:
            if self.pending:
                self.db.executemany(
                    f"INSERT OR REPLACE INTO {self.table} (key, value, used) VALUES (?, ?, ?)", self.pending
                )
            if self.touched:
                self.db.executemany(f"UPDATE {self.table} SET used = ? WHERE key = ?", self.touched)
        self.pending.clear()
        self.touched.clear()

    def close(self) -> None:
        self.flush()
        self.db.close()


def prune(path: Path, tables: Iterable[str], stamp: int) -> int:
    """Remove every entry the build with ``stamp`` did not use; return how many went.

    The file is compacted when more than half of it is free space afterwards.
    """
    if not path.is_file():
        return 0
    db = _connect(path)
    removed = 0
    try:
        existing = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        with db:
            for table in tables:
                if table in existing:
                    removed += db.execute(f"DELETE FROM {table} WHERE used < ?", (stamp,)).rowcount
        free = db.execute("PRAGMA freelist_count").fetchone()[0]
        total = db.execute("PRAGMA page_count").fetchone()[0]
        if total and free * 2 > total:
            db.execute("VACUUM")
    finally:
        db.close()
    return removed
