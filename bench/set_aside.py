"""Trees the benchmark is done with, moved out of the way at once and deleted when it ends.

A cold build is measured as on a new machine. On ext4 without a journal (the
file system of our build machines), the kernel avoids giving a new file an
inode freed in the last minute (five, while its block is not yet written
back), and looks through such inodes one by one for every file it creates.
A build started right after the previous site was deleted therefore spent
seconds of system time finding inodes: at L4, 4.1 s against 1.9–2.8 s with
the old site renamed away instead (``python -m bench`` measures the second).
A rename frees no inode, so the trees are renamed into one folder here and
deleted after the last measurement.
"""

from __future__ import annotations

import shutil
from pathlib import Path

KEEP_FREE_BYTES = 6 * 2**30
"""Below this much free disk, a tree is deleted at once instead: the figures matter less than the disk."""


class SetAside:
    """One folder of trees waiting to be deleted, on the same file system as the trees (a rename)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0
        self.deleted_at_once = 0

    def remove(self, path: Path) -> None:
        """Take ``path`` away now: renamed into the folder, or deleted when disk space is short."""
        if not path.exists():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        if shutil.disk_usage(self.folder).free < KEEP_FREE_BYTES:
            shutil.rmtree(path, ignore_errors=True)
            self.deleted_at_once += 1
            return
        self.count += 1
        path.rename(self.folder / str(self.count))

    def empty(self) -> None:
        """Delete every tree set aside (when no more builds are measured)."""
        shutil.rmtree(self.folder, ignore_errors=True)
