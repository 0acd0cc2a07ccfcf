"""Content documents: what an editor's Markdown file is, once its front matter is read."""

from __future__ import annotations

import datetime as dt
import enum
import functools
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..text.urls import page_url
from .events import Event, local_day
from .kinds import Kind
from .learning import ELearning, Film, PodcastEpisode
from .media import AudioFacts
from .photos import Photo

Details = TypeVar("Details")


class Status(enum.Enum):
    """Whether a governing document is in force: ``status:`` in its front matter, ``gjeldende`` when left out."""

    CURRENT = "gjeldende"
    HISTORICAL = "historisk"

    @property
    def label(self) -> str:
        """The status as a list shows it: «Gjeldende», «Historisk»."""
        return self.value.capitalize()


@dataclass(frozen=True)
class Governing:
    """What a governing document says beyond its title and date.

    Who issued it, whether it is in force, and where the document itself is:
    ``url`` (an https address) or ``file`` (relative to the page); the schema
    requires exactly one of them.
    """

    issuer: str
    status: Status
    url: str | None
    file: str | None


@dataclass(frozen=True)
class Document:
    """A page after its front matter is validated.

    ``path`` is relative to the tree it comes from (``artikler/x.md``);
    ``origin`` is ``None`` for shared content or the region id; ``tree`` is the
    folder ``path`` is relative to.
    """

    path: str
    origin: str | None
    source_file: str
    tree: str
    kind: Kind
    meta: dict[str, Any]
    body: str
    body_line: int = 1
    fingerprint: str = field(default="", compare=False)
    audio_facts: AudioFacts | None = None
    """A podcast episode's local MP3, as read from the file (length and duration, for the feed and page)."""
    transcript_text: str | None = None
    """A podcast episode's transcript from the text file ``transcript`` names (None: it is in the body)."""
    details: object | None = field(default=None, compare=False)
    """The type's own fields as one typed value (an ``Event``, a ``Governing`` …), built once when the page
    is loaded, by its type's ``details`` in the registry; None for types without one."""

    # title, date, modified_day, tags and url are worked out once, when first asked: the listings and
    # «Les også» ask them of every page many times, and the front matter does not change after loading.
    @functools.cached_property
    def title(self) -> str:
        title = self.meta.get("title")
        if title:
            return str(title)
        for line in self.body.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
        stem = self.path.rsplit("/", 1)[-1].removesuffix(".md")
        return stem.replace("-", " ").capitalize()

    @functools.cached_property
    def date(self) -> dt.date | None:
        """The day it was published (in Norwegian time): what lists sort and show, also when ``date`` has a time."""
        published = self.published
        return local_day(published) if published is not None else None

    @property
    def published(self) -> dt.date | dt.datetime | None:
        """``date`` as written: a day, or an aware Norwegian datetime when the editor gave a time."""
        return self.meta.get("date")

    @property
    def updated(self) -> dt.date | dt.datetime | None:
        """``updated``: when the page was last revised (a day or a datetime, never before ``published``)."""
        return self.meta.get("updated")

    @functools.cached_property
    def modified_day(self) -> dt.date | None:
        """The day the page last changed: ``updated`` if given, else the day it was published (sitemaps)."""
        updated = self.updated
        return local_day(updated) if updated is not None else self.date

    @property
    def description(self) -> str:
        return str(self.meta.get("description", ""))

    @functools.cached_property
    def tags(self) -> tuple[str, ...]:
        return tuple(self.meta.get("tags", ()))

    @property
    def draft(self) -> bool:
        return bool(self.meta.get("draft", False))

    @property
    def regions(self) -> tuple[str, ...] | None:
        return self.meta.get("regions")

    @property
    def aliases(self) -> tuple[str, ...]:
        """The page's old addresses (``/article/x``), without a trailing slash: ``aliases:``."""
        return tuple(self.meta.get("aliases", ()))

    @property
    def hub(self) -> str | None:
        return self.meta.get("hub")

    @property
    def photo(self) -> Photo | None:
        """The page's ``image`` with its alt text, caption and credit; None without an image."""
        return Photo.from_meta(self.path, self.meta)

    @property
    def governing(self) -> Governing:
        """The fields of a governing document, typed; only for ``Kind.GOVERNING`` (whose schema requires them)."""
        return self._details(Governing, "a governing document")

    @property
    def event(self) -> Event:
        """The event a ``Kind.EVENT`` page describes (its schema requires the fields)."""
        return self._details(Event, "an event")

    @property
    def elearning(self) -> ELearning:
        """The course a ``Kind.ELEARNING`` page describes (its schema requires the fields)."""
        return self._details(ELearning, "an e-learning course")

    @property
    def film(self) -> Film:
        """The film a ``Kind.FILM`` page describes."""
        return self._details(Film, "a film")

    @property
    def episode(self) -> PodcastEpisode:
        """The podcast episode a ``Kind.EPISODE`` page describes, with its MP3's facts when local."""
        return self._details(PodcastEpisode, "a podcast episode")

    def _details(self, expected: type[Details], what: str) -> Details:
        if not isinstance(self.details, expected):
            raise ValueError(
                f"{self.path} is not {what} (or its details were not built: registry.with_details)"
            )
        return self.details

    def in_region(self, region_id: str) -> bool:
        """Whether the page is part of ``region_id``'s site.

        A region's own page is in that region only; a shared page is in every
        region, unless its ``regions:`` names the ones it is for.
        """
        if self.origin is not None:
            return self.origin == region_id
        return self.regions is None or region_id in self.regions

    @functools.cached_property
    def url(self) -> str:
        """URL relative to the region root, with directory URLs (``artikler/x/``)."""
        return page_url(self.path)
