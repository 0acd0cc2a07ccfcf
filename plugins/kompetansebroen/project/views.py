"""One region's merged view of the content: shared pages, overrides and its own pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..model.documents import Document, Kind
from ..model.events import Event
from ..model.learning import ELearning, Film, PodcastEpisode, PodcastSeries
from ..model.regions import Region
from ..model.revisions import Revision, RevisionKey


def no_revision(key: RevisionKey) -> Revision | None:
    """A view without history (a view made by hand): the calendar falls back on the build date."""
    return None


@dataclass(frozen=True)
class Asset:
    """A non-Markdown file (image, PDF): ``path`` within the tree, ``source_file`` on disk."""

    path: str
    origin: str | None
    source_file: str
    tree: str


@dataclass
class RegionView:
    """Everything one region's site is made of.

    Overrides are resolved: ``regions/<id>/X`` replaces ``content/X``. Shared
    pages limited with ``regions:`` appear only in the regions they name.
    """

    region: Region
    today: dt.date
    """The build date (build_date.py): what «upcoming» and «registration open» are decided against."""
    documents: dict[str, Document] = field(default_factory=dict)
    assets: dict[str, Asset] = field(default_factory=dict)
    series: dict[str, PodcastSeries] = field(default_factory=dict)
    """Podcast series by folder name: a region's ``serie.yml`` replaces the shared one."""
    professions: tuple[str, ...] = ()
    """The professions of mkdocs.yml, in its order (how the catalogue orders its filter)."""
    revision_of: Callable[[RevisionKey], Revision | None] = field(
        default=no_revision, repr=False, compare=False
    )
    """An event's revision by (origin, path): its calendar stamp and sequence (event_history.py)."""
    # Listings ask the same questions for every page of a region; a view is not changed
    # once built (Project.view fills it before handing it out), so answers are kept.
    memo: dict[object, list[Any]] = field(default_factory=dict, repr=False, compare=False)

    def of_kind(self, kind: Kind) -> list[Document]:
        """Documents of one type, newest first (then by title, so the order is stable)."""
        if kind in self.memo:
            return self.memo[kind]
        found = [doc for doc in self.documents.values() if doc.kind is kind]
        self.memo[kind] = sorted(
            found, key=lambda doc: (-(doc.date.toordinal() if doc.date else 0), doc.title, doc.path)
        )
        return self.memo[kind]

    def events(self) -> list[Event]:
        """The region's events (its ``Kind.EVENT`` pages), in chronological order."""
        key = ("events",)
        if key not in self.memo:
            found = [doc.event for doc in self.documents.values() if doc.kind is Kind.EVENT]
            self.memo[key] = sorted(found, key=lambda event: event.sort_key)
        return self.memo[key]

    def with_topic(self, topic: str) -> list[Document]:
        """Documents tagged with ``topic``, in tree order."""
        key = ("topic", topic)
        if key not in self.memo:
            self.memo[key] = [doc for doc in self.documents.values() if topic in doc.tags]
        return self.memo[key]

    def courses(self) -> list[ELearning]:
        """The region's e-learning courses, in tree order."""
        key = ("courses",)
        if key not in self.memo:
            self.memo[key] = [doc.elearning for doc in self.documents.values() if doc.kind is Kind.ELEARNING]
        return self.memo[key]

    def films(self) -> list[Film]:
        """The region's films, in tree order."""
        key = ("films",)
        if key not in self.memo:
            self.memo[key] = [doc.film for doc in self.documents.values() if doc.kind is Kind.FILM]
        return self.memo[key]

    def episodes(self) -> list[PodcastEpisode]:
        """The region's podcast episodes whose series the region has, in tree order."""
        key = ("episodes",)
        if key not in self.memo:
            self.memo[key] = [
                doc.episode
                for doc in self.documents.values()
                if doc.kind is Kind.EPISODE and doc.episode.series_slug in self.series
            ]
        return self.memo[key]
