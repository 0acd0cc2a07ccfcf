"""Build into a folder beside ``site/`` and swap it in only when the whole build succeeded."""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import time
from pathlib import Path

log = logging.getLogger(__name__)

LOCK_WAIT_SECONDS = 600


class BuildLocked(Exception):
    """Another build of the same site is still running after the wait; the message says so, in Norwegian."""


def staging_dir(final: Path) -> Path:
    """Where a build of ``final`` is written first (same file system, so the swap is a rename)."""
    return final.with_name(f".{final.name}.building") if final.parent.name else Path(f"{final}.building")


def swap_in(staging: Path, final: Path) -> None:
    """Replace ``final`` with ``staging``; the old tree is removed only after the rename."""
    final.parent.mkdir(parents=True, exist_ok=True)
    old = final.with_name(f".{final.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        os.replace(final, old)
    os.replace(staging, final)
    if old.exists():
        shutil.rmtree(old)


def discard(staging: Path) -> None:
    """Remove a staging folder (or whatever stands at its path: a file, a link)."""
    if staging.is_symlink() or staging.is_file():
        staging.unlink()
    elif staging.exists():
        shutil.rmtree(staging, ignore_errors=True)


def lock_file(site_dir: Path) -> Path:
    """One lock for everything built into ``site_dir`` (every region, or one): ``.site.lock`` beside it."""
    return site_dir.with_name(f".{site_dir.name}.lock")


class Publisher:
    """One build's way to the published site: a lock, a staging folder, then a swap, or nothing.

    The lock keeps two builds of the same site (an editor's ``make site`` during a
    scheduled build) from sharing a staging folder or publishing a mix: the second
    waits for the first, and gives up with a message after ``LOCK_WAIT_SECONDS``.
    The operating system releases the lock when a build dies, however it dies.
    """

    def __init__(self, final: Path, site_dir: Path, wait: float = LOCK_WAIT_SECONDS) -> None:
        self.final = final
        self.staging = staging_dir(final)
        self.lock = _acquire(lock_file(site_dir), wait)
        discard(self.staging)

    def publish(self) -> None:
        try:
            if self.staging.exists():
                swap_in(self.staging, self.final)
        finally:
            self._release()

    def discard(self) -> None:
        try:
            discard(self.staging)
        finally:
            self._release()

    def _release(self) -> None:
        if self.lock is not None:
            self.lock.close()  # closing the file releases the lock
            self.lock = None


def _acquire(path: Path, wait: float):  # noqa: ANN202 - an open file object
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a")  # noqa: SIM115 - held open for the life of the build
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return handle
        except BlockingIOError:
            if time.monotonic() >= deadline:
                handle.close()
                raise BuildLocked(
                    f"et annet bygg av det samme nettstedet pågår fortsatt ({path.name}); "
                    "vent til det er ferdig og prøv igjen"
                ) from None
            if not told:
                log.warning("kompetansebroen: et annet bygg av nettstedet pågår; venter til det er ferdig")
                told = True
            time.sleep(0.2)
