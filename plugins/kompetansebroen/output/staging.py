"""Build into a folder beside ``site/`` and swap it in only when the whole build succeeded.

What stands in the way of publishing (a site folder the build may not
change, a lock file that cannot be opened, a stale staging folder that cannot
be removed) is found before anything is built, and said in one Norwegian
sentence naming the path, never as a traceback: an operator can fix it and
build again, and the published site stays as it was.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from .. import messages

log = logging.getLogger(__name__)

LOCK_WAIT_SECONDS = 600


class PublishingError(Exception):
    """The build cannot publish its result; the message says why and what to do, in Norwegian."""


class BuildLocked(PublishingError):
    """Another build of the same site is still running after the wait."""


def _reason(error: OSError) -> str:
    """Why an operation on a file failed, in Norwegian where the cause is a common one."""
    return messages.FILE_ERROR_REASONS.get(error.errno or 0, error.strerror or str(error))


def staging_dir(final: Path) -> Path:
    """Where a build of ``final`` is written first (same file system, so the swap is a rename)."""
    return final.with_name(f".{final.name}.building") if final.parent.name else Path(f"{final}.building")


def _old_dir(final: Path) -> Path:
    """Where the published tree is moved while the new one takes its place."""
    return final.with_name(f".{final.name}.old")


def swap_in(staging: Path, final: Path) -> None:
    """Replace ``final`` with ``staging``; the old tree is removed only after the rename.

    If the second rename fails, the old tree is put back, so ``final`` is
    always one whole version. An old tree that cannot be removed afterwards
    is only reported: the new site is published by then.
    """
    final.parent.mkdir(parents=True, exist_ok=True)
    old = _old_dir(final)
    _remove(old)
    moved = final.exists() or final.is_symlink()
    try:
        if moved:
            os.replace(final, old)
        try:
            os.replace(staging, final)
        except OSError:
            if moved:
                os.replace(old, final)
            raise
    except OSError as error:
        raise PublishingError(messages.site_not_swapped_in(final, _reason(error))) from None
    try:
        discard(old)
    except OSError as error:
        log.warning(messages.old_site_not_deleted(old, _reason(error)))


def discard(staging: Path) -> None:
    """Remove a staging folder (or whatever stands at its path: a file, a link)."""
    if staging.is_symlink() or staging.is_file():
        staging.unlink()
    elif staging.exists():
        shutil.rmtree(staging)


def _remove(path: Path) -> None:
    """Remove what a build that died left at ``path``, or say why it cannot be."""
    try:
        discard(path)
    except OSError as error:
        raise PublishingError(messages.leftover_not_deleted(path, _reason(error))) from None


def _unchangeable(final: Path) -> Path | None:
    """The first folder the swap would need to change but may not: the site's parent or a folder in it."""
    parent = final.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent  # a region built alone into a site/ not made yet: site/ will be
    if not os.access(parent, os.W_OK | os.X_OK):
        return parent
    if final.is_symlink() or not final.is_dir():
        return None
    for folder, _subfolders, _files in os.walk(final):
        if not os.access(folder, os.W_OK | os.X_OK):
            return Path(folder)
    return None


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
        self.lock: IO[str] | None = _acquire(lock_file(site_dir), wait)
        try:
            if (folder := _unchangeable(final)) is not None:
                raise PublishingError(messages.site_folder_read_only(folder, final))
            _remove(self.staging)
        except PublishingError:
            self._release()
            raise

    def publish(self, then: Callable[[], None] | None = None) -> None:
        """Swap the new site in; ``then`` runs after the swap, still under the lock."""
        try:
            if self.staging.exists():
                swap_in(self.staging, self.final)
                if then is not None:
                    then()
        finally:
            self._release()

    def discard(self) -> None:
        try:
            discard(self.staging)
        except OSError as error:
            log.warning(messages.staging_not_deleted(self.staging, _reason(error)))
        finally:
            self._release()

    def _release(self) -> None:
        if self.lock is not None:
            self.lock.close()  # closing the file releases the lock
            self.lock = None


def _acquire(path: Path, wait: float) -> IO[str]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a")  # noqa: SIM115 - held open for the life of the build
    except OSError as error:
        raise PublishingError(messages.lock_file_unusable(path, _reason(error))) from None
    deadline = time.monotonic() + wait
    told = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return handle
        except BlockingIOError:
            if time.monotonic() >= deadline:
                handle.close()
                raise BuildLocked(messages.build_still_locked(path.name)) from None
            if not told:
                log.warning(messages.BUILD_WAITS_FOR_LOCK)
                told = True
            time.sleep(0.2)
