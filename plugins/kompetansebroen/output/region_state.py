"""What the last good build of one region wrote, kept for the next build (see mkdocs_adapter/incremental.py)."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

STATE_FORMAT = 3


@dataclass
class RegionState:
    """A region's pages as the last good build wrote them."""

    fingerprints: dict[str, str] = field(default_factory=dict)
    """Page source path → the fingerprint its output was built from."""
    output_hashes: dict[str, str] = field(default_factory=dict)
    """Page source path → SHA-256 of the HTML written (``mkdocs build`` only)."""
    search_entries: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    newsletter_html: dict[str, str] = field(default_factory=dict)
    written: set[str] = field(default_factory=set)
    """Every output file of the build, to remove those whose source has gone (serve only)."""
    cache_keys: dict[str, dict[str, str]] = field(default_factory=dict)
    """Page source path → the cache entries it was made from, by cache: kept while the page is."""

    def to_json(self) -> str:
        return json.dumps({"format": STATE_FORMAT, **{name: getattr(self, name) for name in _SAVED}})

    @classmethod
    def from_json(cls, text: str | None) -> RegionState:
        try:
            data = json.loads(text) if text else {}
        except ValueError:  # a damaged entry only means a full build
            return cls()
        if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
            return cls()
        return cls(**{name: data[name] for name in _SAVED})


_SAVED = ("fingerprints", "output_hashes", "search_entries", "newsletter_html", "cache_keys")


def state_key(region_id: str, published_dir: Path, project_root: Path) -> str:
    """A region's saved state is kept per published folder (tests build several sites).

    A folder inside the project is named by its path from the project's folder, so a project copied or
    moved whole, ``site/`` and ``.cache/`` with it (a CI workspace restored under another path), builds
    on from its state; the published files are still checked against it before one is reused."""
    folder = published_dir.resolve()
    try:
        name = folder.relative_to(project_root.resolve()).as_posix()
    except ValueError:
        name = str(folder)
    return f"{region_id}|{name}"


def output_hash(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8", errors="xmlcharrefreplace")).hexdigest()


def reuse_output(published: Path, staging: Path, expected_hash: str | None) -> bool:
    """Link the published page into ``staging`` when it is the output the state records."""
    if expected_hash is None:
        return False
    try:
        content = published.read_bytes()
    except OSError:
        return False
    if hashlib.sha256(content).hexdigest() != expected_hash:
        return False
    staging.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(published, staging)
    except OSError:  # another file system, or links not allowed: a copy does the same
        staging.write_bytes(content)
    return True
