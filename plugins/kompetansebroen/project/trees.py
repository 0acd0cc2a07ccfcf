"""One folder of content as read from disk, before regions are merged."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model.documents import Document
from ..model.learning import PodcastSeries
from .views import Asset

CONTENT_DIR = "content"
REGIONS_DIR = "regions"


@dataclass
class Tree:
    """One folder of content (``content/`` or ``regions/<id>/``) as read from disk."""

    origin: str | None
    folder: Path
    docs: dict[str, Document] = field(default_factory=dict)
    assets: dict[str, Asset] = field(default_factory=dict)
    rejected: set[str] = field(default_factory=set)
    """Pages that exist but have problems: links to them are not reported as well."""
    drafts: set[str] = field(default_factory=set)
    field_lines: dict[str, dict[str, int]] = field(default_factory=dict)
    series: dict[str, PodcastSeries] = field(default_factory=dict)
    """Podcast series by folder name, from each ``podkast/<serie>/serie.yml``."""

    @property
    def name(self) -> str:
        return CONTENT_DIR if self.origin is None else f"{REGIONS_DIR}/{self.origin}"

    def shown(self, path: str) -> str:
        return f"{self.name}/{path}"
