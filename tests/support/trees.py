"""A built site (or any folder) as its files and the SHA-256 of their bytes, to compare byte for byte."""

from __future__ import annotations

import hashlib
from pathlib import Path


def tree_of(folder: Path) -> dict[str, str]:
    """Every file below ``folder`` (symbolic links too) by relative path, with the SHA-256 of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() or path.is_symlink()
    }


def differences(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Human-readable differences between two :func:`tree_of` results."""
    found = [f"mangler nå: {p}" for p in sorted(set(before) - set(after))]
    found += [f"ny: {p}" for p in sorted(set(after) - set(before))]
    found += [f"endret: {p}" for p in sorted(set(before) & set(after)) if before[p] != after[p]]
    return found
