"""One SQLite file of key → text entries, shared by the region builds running side by side.

A file per entry cost more than the rendering it saved on slow file systems
(two file creations per page); SQLite keeps them in one file, and its locking
lets parallel region builds read what the others have already stored.

Every entry records the last build that used it (``used``, the build's stamp).
After a build of every region, :func:`prune` removes what that build did not
use, so the file holds what the published site is made of, not every version
of every page since the cache was created. Pages an incremental build takes
from the published site touch the entries they were made from (see
mkdocs_adapter/incremental.py), so those stay.

A cache can only make a build faster. A damaged file (not a database, a
malformed page) is deleted with a one-line note and made again; a cache that
cannot be written at all (``.cache`` is a file, no permission) is left out of
the build, which is then as slow as a build without a cache, and as correct.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import messages

BATCH = 64  # entries written per transaction; others see them after each batch

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CacheFile:
    """The cache file of one build: where it is, and the stamp this build marks what it uses with."""

    path: Path
    stamp: int

    @classmethod
    def for_build(cls, path: Path) -> CacheFile | None:
        """The cache at ``path`` for a build starting now (a later build has a larger stamp).

        None, with a note, when no cache can be kept there (``.cache`` is a file, no
        permission); a file SQLite cannot read, or whose pages are damaged, is deleted
        (with one note) and made again.
        """
        try:
            db = _connect(path)
            try:
                # Pages damaged behind a whole header fail only when read: find them here, once,
                # before the region workers each meet them (about 50 ms for 85 MB).
                (verdict,) = db.execute("PRAGMA quick_check(1)").fetchone()
                if verdict != "ok":
                    raise sqlite3.DatabaseError(verdict)
            finally:
                db.close()
        except sqlite3.DatabaseError as error:
            discard_damaged(path, error)
        except OSError as error:
            log.warning(messages.cache_unusable(path, error))
            return None
        return cls(path, time.time_ns())

    def table(self, name: str) -> CacheStore:
        return CacheStore(self, name)


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=60, isolation_level=None)
    db.execute("PRAGMA synchronous=NORMAL")
    return db


def discard_damaged(path: Path, error: Exception) -> None:
    """Delete a cache file that SQLite cannot read (and its journal files)."""
    log.warning(messages.cache_damaged(path.name, error))
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


class CacheStore:
    """Entries of one kind (``table``) in the cache file; empty and silent when the file cannot be used."""

    def __init__(self, cache: CacheFile, table: str) -> None:
        self.path = cache.path
        self.table = table
        self.stamp = cache.stamp
        self.pending: list[tuple[str, str, int]] = []
        self.touched: list[tuple[int, str]] = []
        self.db: sqlite3.Connection | None = None
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.OperationalError) and "locked" in str(error):
                self._give_up(error)
                return
            discard_damaged(self.path, error)
            try:
                self.db = self._open()
            except (sqlite3.DatabaseError, OSError) as again:
                self._give_up(again)
        except OSError as error:
            self._give_up(error)

    def _open(self) -> sqlite3.Connection:
        db = _connect(self.path)
        table = self.table
        for attempt in range(50):
            try:
                # Switching to WAL takes an exclusive lock that does not wait for the busy
                # timeout; two region builds opening a new cache at once may collide.
                db.execute("PRAGMA journal_mode=WAL")
                db.execute(
                    f"CREATE TABLE IF NOT EXISTS {table} "
                    "(key TEXT PRIMARY KEY, value TEXT NOT NULL, used INTEGER NOT NULL DEFAULT 0)"
                )
                columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
                if "used" not in columns:  # a cache from before entries were stamped
                    db.execute(f"ALTER TABLE {table} ADD COLUMN used INTEGER NOT NULL DEFAULT 0")
                return db
            except sqlite3.OperationalError as error:
                if attempt == 49 or "locked" not in str(error):
                    db.close()
                    raise
                time.sleep(0.1)
        raise AssertionError("unreachable")

    def _give_up(self, error: Exception) -> None:
        """Go on without this store: every read misses, every write is dropped."""
        log.warning(messages.cache_unusable(self.path, error))
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
        self.db = None
        self.pending.clear()
        self.touched.clear()

    def get(self, key: str) -> str | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute(f"SELECT value FROM {self.table} WHERE key = ?", (key,)).fetchone()
        except sqlite3.DatabaseError as error:
            self._give_up(error)
            return None
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
        if self.db is None:
            self.pending.clear()
            self.touched.clear()
            return
        if not self.pending and not self.touched:
            return
        try:
            with self.db:
                if self.pending:
                    self.db.executemany(
                        f"INSERT OR REPLACE INTO {self.table} (key, value, used) VALUES (?, ?, ?)",
                        self.pending,
                    )
                if self.touched:
                    self.db.executemany(f"UPDATE {self.table} SET used = ? WHERE key = ?", self.touched)
        except sqlite3.DatabaseError as error:
            self._give_up(error)
        self.pending.clear()
        self.touched.clear()

    def close(self) -> None:
        self.flush()
        if self.db is not None:
            self.db.close()
            self.db = None


def prune(cache: CacheFile, tables: Iterable[str]) -> int:
    """Remove every entry the build of ``cache`` did not use; return how many went.

    The file is compacted when more than half of it is free space afterwards. A
    damaged file is deleted instead: the next build makes it again.
    """
    path = cache.path
    if not path.is_file():
        return 0
    removed = 0
    try:
        db = _connect(path)
    except (sqlite3.DatabaseError, OSError) as error:
        discard_damaged(path, error)
        return 0
    try:
        existing = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        with db:
            for table in tables:
                if table in existing:
                    removed += db.execute(f"DELETE FROM {table} WHERE used < ?", (cache.stamp,)).rowcount
        free = db.execute("PRAGMA freelist_count").fetchone()[0]
        total = db.execute("PRAGMA page_count").fetchone()[0]
        if total and free * 2 > total:
            db.execute("VACUUM")
    except sqlite3.DatabaseError as error:
        db.close()
        discard_damaged(path, error)
        return 0
    db.close()
    return removed
