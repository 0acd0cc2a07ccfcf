"""What a content type declaration says (the registry in registry.py holds one per type).

Everything here is data: the listings, the loader and the adapter read it and
decide how to render with it. Layouts and styles name the renderers a type
uses; a new type with a layout of its own adds a member here and its renderer
in the listings.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from ..frontmatter.event_fields import DEFAULT_PROFESSIONS
from ..frontmatter.fields import CrossCheck, Field, FoundProblem, Schema
from ..frontmatter.media_checks import Locate
from ..frontmatter.schemas import page_schema
from ..model.documents import Document, Kind
from ..model.media import AudioFacts


class Layout(enum.Enum):
    """How a type's own list page (``artikler/``, ``nyhetsbrev/`` …) shows its items."""

    PAGES = "pages"
    """Items newest first, ``per_page`` a page, with a pager (``artikler/side-2/``)."""
    BY_YEAR = "by_year"
    """Grouped under a heading per year, newest first, after the type's subscription block."""
    GOVERNING_TABLE = "governing_table"
    """The governing documents' table: issuer, date, status and the document itself (``Governing``'s fields)."""
    BY_MONTH = "by_month"
    """Upcoming events under a heading per month, soonest first; past ones on a page of their own."""
    LEARNING_CARDS = "learning_cards"
    """Learning resources as cards (type, length, provider, topics), newest first (``e-laering/``, ``film/``);
    the card reads the resource's catalogue entry, so only learning resources can have this layout."""
    SERIES = "series"
    """Podcast series with their episode counts; a page per series lists its episodes (``podkast/``)."""


class Style(enum.Enum):
    """How a type's section on a hub, the home page or a topic page lists items."""

    ITEMS = "items"
    """A heading per item with its date, topics and description (html_blocks.items)."""
    LINKS = "links"
    """One line per item: the title as a link and the date."""
    GOVERNING_TABLE = "governing_table"
    """The governing documents' table (as on their list page)."""
    EVENTS = "events"
    """Upcoming events with their time, format and place."""
    LEARNING_CARDS = "learning_cards"
    """Learning resources as cards with type, length, provider and topics (their catalogue entries)."""


class More(enum.Enum):
    """What follows a section's items."""

    NONE = "none"
    ALL = "all"
    """A link to the type's list page (``ContentType.all_label``)."""
    ALL_AND_FEEDS = "all_and_feeds"
    """The link to the list page and to the type's feeds."""
    TOPIC_IF_MORE = "topic_if_more"
    """When the section cut the list short: «Alle 14 fagartikler om helsefellesskap», to the topic page."""


class Feed(enum.Enum):
    """A type's feed files, written beside its list page."""

    NEWSLETTER = "newsletter"
    """RSS 2.0 and Atom (``nyhetsbrev/rss.xml``, ``nyhetsbrev/atom.xml``) with every issue's text."""
    CALENDAR = "calendar"
    """iCalendar: the region's (``arrangementer/kalender.ics``) and one per event."""
    PODCAST = "podcast"
    """RSS 2.0 with Apple's podcast elements, one per series: ``podkast/<serie>/feed.xml``."""


@dataclass(frozen=True)
class ListPage:
    """A type's generated list page: it exists in every region, with or without items.

    An editor's ``index.md`` at ``path`` replaces ``intro``, the text above the list.
    """

    path: str
    """Tree path: ``artikler/index.md``."""
    title: str
    intro: str
    empty: str
    """Shown instead of the list when the region has no items."""
    layout: Layout
    per_page: int | None = None
    """Items per page for ``Layout.PAGES`` (further pages: ``<folder>/side-2.md``)."""
    pager: tuple[str, str] = ("← Nyere", "Eldre →")
    """The pager's links to newer and older items."""


@dataclass(frozen=True)
class Section:
    """A type's place on a hub, the home page or a topic page."""

    heading: str
    rank: int
    """Sections are shown in ascending rank."""
    style: Style
    count: int | None = None
    """At most this many items (None: all of them)."""
    more: More = More.NONE


class PageFacts(NamedTuple):
    """What a page of a type shows under its heading: the facts line, then Markdown below it."""

    facts: list[str]
    """Markdown pieces of the facts line (the topics are added after them)."""
    below: str = ""
    """Markdown after the facts line: an image, a button, a block of details."""
    after: str = ""
    """Markdown after the page's own text: a transcript kept in a file of its own."""


DetailsBuilder = Callable[[Document], object]
"""A type's own fields made into one typed value (content_types/details.py), once, when a page is loaded."""

FactsRenderer = Callable[[Document, dt.date], PageFacts]
"""A type's facts for one of its pages, given the build date."""

ItemFacts = Callable[[Document], Sequence[str]]
"""What a page of the type shows after its date as an item of a list (plain text; the list escapes it)."""

BodyCheck = Callable[[Mapping[str, Any], Mapping[str, int], str, int], list[FoundProblem]]
"""A rule that needs the Markdown body: (valid values, field lines, body, the body's first line) → problems.

Lines are lines of the file, as the loader reports them."""


@dataclass(frozen=True)
class FilesRead:
    """What a type's files rule found in the files a page names (media_checks.py does the reading)."""

    problems: list[FoundProblem]
    audio_facts: AudioFacts | None = None
    transcript_text: str | None = None
    files: tuple[Path, ...] = ()
    """Every file that was read: their content is part of the page's fingerprint."""


FilesRule = Callable[[Mapping[str, Any], Mapping[str, int], Locate], FilesRead]
"""A type's rule for the files its pages name beside them (a film's MP4, an episode's MP3)."""


@dataclass(frozen=True)
class Vocabulary:
    """The controlled lists from mkdocs.yml that some fields take their values from."""

    topics: tuple[str, ...]
    professions: tuple[str, ...] = DEFAULT_PROFESSIONS
    """For events' ``audience``: ``professions`` in mkdocs.yml."""


def no_facts(doc: Document, today: dt.date) -> PageFacts:
    """Plain pages: only their topics."""
    return PageFacts([])


def no_item_facts(doc: Document) -> Sequence[str]:
    """Most types: a list item's date and topics say enough."""
    return ()


@dataclass(frozen=True)
class ContentType:
    """One content type, declared once."""

    kind: Kind
    """Its identity, which also names its folder (see :attr:`folder`)."""
    label: str
    """What one is called on pages: «Fagartikkel»."""
    indefinite: str
    """How messages name one: «en fagartikkel»."""
    plural: str
    """A heading over several: «Fagartikler»."""
    fields: Callable[[Vocabulary], Mapping[str, Field]]
    """The type's own front-matter fields (``tags``, ``draft``, ``aliases`` and ``regions``: on every page)."""
    checks: Sequence[CrossCheck] = ()
    """Checks across the type's fields."""
    aliases: Mapping[str, str] = field(default_factory=dict)
    """Names editors are likely to write for its fields (``sted`` → ``place``), beyond the shared ones."""
    list_page: ListPage | None = None
    all_label: str = ""
    """The link to the list page from other pages: «Alle fagartikler»."""
    nav_title: str | None = None
    """The list page's entry in the section navigation; None: not in it."""
    feed: Feed | None = None
    hub: Section | None = None
    home: Section | None = None
    topic: Section | None = None
    related: bool = False
    """Whether its pages are candidates for «Les også»."""
    facts: FactsRenderer = no_facts
    item_facts: ItemFacts = no_item_facts
    """Facts after the date of its items in lists of pages (``html_blocks.items``): a document's issuer."""
    favourite: bool = False
    """Whether its dated pages carry «Favoritt» (partials/kb-favourite.html), saved with ``label`` as its type."""
    depth: int = 1
    """Folders from the type's folder to a page: 1 for ``artikler/<navn>.md``, 2 for ``podkast/<serie>/<navn>.md``."""
    body_checks: Sequence[BodyCheck] = ()
    files: FilesRule | None = None
    """The rule that opens the files a page names; None: the type names none."""
    details: DetailsBuilder | None = None
    """Builds ``Document.details`` (``doc.event``, ``doc.governing`` …); None: the front matter is enough."""

    @property
    def folder(self) -> str | None:
        """Top folder of its files (``artikler``): ``artikler/<navn>.md`` is an article. None: other pages.

        The kind's value (model/kinds.py), so that the model, below this registry, names it the same way.
        """
        return self.kind.folder

    def schema(self, vocabulary: Vocabulary, region_ids: Collection[str], *, shared: bool) -> Schema:
        """The front-matter schema of a page of this type in ``content/`` (``shared``) or a region."""
        return page_schema(
            self.fields(vocabulary),
            self.checks,
            topics=vocabulary.topics,
            region_ids=region_ids,
            shared=shared,
            aliases=self.aliases,
        )
