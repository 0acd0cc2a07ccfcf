"""Build into a folder beside ``site/`` and swap it in only when the whole build succeeded."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


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
    if staging.exists():
        shutil.rmtree(staging, ignore_errors=True)


class Publisher:
    """One build's way to the published site: a staging folder, then a swap, or nothing."""

    def __init__(self, final: Path) -> None:
        self.final = final
        self.staging = staging_dir(final)
        discard(self.staging)

    def publish(self) -> None:
        if self.staging.exists():
            swap_in(self.staging, self.final)

    def discard(self) -> None:
        discard(self.staging)
