"""The sample project, copied to change in a test, and one edit in one of its files."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROJECT_PARTS = ("content", "regions", "mkdocs.yml")
"""What a build reads of a repository: the content, the regions and the settings."""


def copy_repo(target: Path, source: Path = REPO) -> Path:
    """A copy of ``source``'s project (content, regions, mkdocs.yml; Decap's bundle linked) to change in a test;
    no site, no cache."""
    for name in PROJECT_PARTS:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, symlinks=True)
        else:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy(source / name, target / name)
    # Decap's bundle (npm ci) is read, never written, by a build: a link keeps the admin pages in every copy.
    if (source / "node_modules").is_dir() and not (target / "node_modules").exists():
        (target / "node_modules").symlink_to((source / "node_modules").resolve(), target_is_directory=True)
    return target


def write(repo: Path, rel: str, content: str | bytes) -> Path:
    """Write one file of the repository (folders as needed)."""
    path = repo / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def edit(repo: Path, rel: str, old: str, new: str) -> None:
    """Replace the first ``old`` in the file ``rel`` below ``repo`` by ``new``; ``old`` must be there."""
    path = repo / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
