"""One SQLite file of key → text entries, shared by the region builds running side by side.

A file per entry cost more than the rendering it saved on slow file systems
(two file creations per page); SQLite keeps them in one file, and its locking
lets parallel region builds read what the others have already stored.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

BATCH = 64  # entries written per transaction; others see them after each batch


class CacheStore:
    """Entries of one kind (``table``) in ``path``."""

    def __init__(self, path: Path, table: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.table = table
        self.pending: list[tuple[str, str]] = []
        self.db = sqlite3.connect(path, timeout=60, isolation_level=None)
        self.db.execute("PRAGMA synchronous=NORMAL")
        for attempt in range(50):
            try:
                # Switching to WAL takes an exclusive lock that does not wait for the busy
                # timeout; two region builds opening a new cache at once may collide.
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute(
                    f"CREATE TABLE IF NOT EXISTS {table} (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
                )
                break
            except sqlite3.OperationalError:
                if attempt == 49:
                    raise
                time.sleep(0.1)

    def get(self, key: str) -> str | None:
        row = self.db.execute(f"SELECT value FROM {self.table} WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def put(self, key: str, value: str) -> None:
        self.pending.append((key, value))
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        with self.db:
            self.db.executemany(
                f"INSERT OR REPLACE INTO {self.table} (key, value) VALUES (?, ?)", self.pending
            )
        self.pending.clear()

    def close(self) -> None:
        self.flush()
        self.db.close()
