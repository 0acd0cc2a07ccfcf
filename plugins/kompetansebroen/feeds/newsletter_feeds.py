"""A region's newsletter archive as an RSS 2.0 feed and an Atom feed.

The output depends only on the input: the same issues give byte-identical
files in every build. Nothing here reads the clock, makes random ids or embeds
the feed library's version.

Times
    Front matter gives a publication date, and may give the time (``date:
    2024-05-15 11:41``, Norwegian time) and when the issue was last revised
    (``updated``). An issue without a time is dated 08:00 Norwegian time
    (``Europe/Oslo``, so ``+01:00`` in winter and ``+02:00`` in summer). A
    morning time keeps the calendar date the same when a reader converts it to
    UTC (midnight in Oslo would be the previous day in UTC), and 08:00 never
    falls in a daylight-saving gap. An entry's Atom ``<updated>`` is its
    ``updated`` (never before it was published), and the feeds' own update time
    is the latest of those, not the time of the build.

Text and HTML
    Titles and descriptions are plain text. Atom marks them as text; in RSS the
    item description is read as HTML, so it is HTML-escaped first and
    «Barn & unge <3» shows literally. The full issue goes in Atom ``content``
    (type html) and RSS ``content:encoded``, with every relative link and image
    made absolute, since a feed reader has no page to resolve them against.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from html import escape as html_escape
from html import unescape as html_unescape
from html.parser import HTMLParser
from urllib.parse import quote, urljoin, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from feedgen.feed import FeedGenerator

TIME_ZONE = "Europe/Oslo"
PUBLICATION_TIME = dt.time(8, 0)
AUTHOR_NAME = "Kompetansebroen"

# Attributes holding a URL (or, for srcset, a list of URLs) that a reader must resolve.
URL_ATTRIBUTES = frozenset({"href", "src", "poster"})
SRCSET_ATTRIBUTE = "srcset"

# Characters XML 1.0 does not allow anywhere, not even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SCHEMED_ID = re.compile(r"^(?:urn|tag):", re.IGNORECASE)
_TAG_NAME = re.compile(r"<[^\s/>]+")
_ATTRIBUTE = re.compile(
    r"""(?P<before>[\s/]*)(?P<name>[^\s"'>/=]+)"""
    r"""(?:(?P<equals>\s*=\s*)(?P<value>"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
)


@dataclass(frozen=True)
class FeedEntry:
    """One newsletter issue as it appears in the feeds."""

    title: str
    """Plain text; may contain ``&`` and ``<``."""
    date: dt.date
    """Publication date from the front matter; a datetime when the editor gave the time."""
    description: str
    """Plain-text summary; may contain ``&`` and ``<``."""
    url: str
    """Absolute URL of the issue's page."""
    content_html: str
    """The rendered body of the issue; its links and images may be relative to ``url``."""
    entry_id: str
    """Stable and unique within the feed, e.g. the source path ``nyhetsbrev/2024-03-nyhetsbrev.md``."""
    updated: dt.date | None = None
    """When the issue was last revised (``updated``: a date or a datetime); None: never since publication."""

    @property
    def published_at(self) -> dt.datetime:
        """The moment the issue counts as published (see :func:`publication_time`)."""
        return publication_time(self.date)

    @property
    def modified_at(self) -> dt.datetime:
        """The moment of its last revision, never before it was published."""
        if self.updated is None:
            return self.published_at
        return max(publication_time(self.updated), self.published_at)


@dataclass(frozen=True)
class FeedInfo:
    """What the feeds say about themselves."""

    title: str
    """E.g. «Nyhetsbrev – Kompetansebroen Innlandet»."""
    description: str
    """Plain text."""
    archive_url: str
    """Absolute URL of the region's newsletter archive page."""
    rss_url: str
    """Absolute URL of the RSS file (its self link)."""
    atom_url: str
    """Absolute URL of the Atom file (its self link)."""
    feed_id: str
    """Stable colon-separated name, e.g. ``kompetansebroen:innlandet:nyhetsbrev``."""
    language: str = "nb"
    updated_when_empty: dt.date | None = None
    """The feed's update date when there are no issues yet (a date from the content, never "now")."""


def build_feeds(info: FeedInfo, entries: list[FeedEntry]) -> tuple[bytes, bytes]:
    """Return ``(rss_xml_bytes, atom_xml_bytes)`` for the issues, newest first.

    A feed's update time is its newest issue's; with no issues yet it is
    ``info.updated_when_empty``. Raises ``ValueError`` when that is missing too,
    or when two issues share an ``entry_id``.
    """
    if not entries and info.updated_when_empty is None:
        raise ValueError(f"{info.feed_id}: an empty newsletter feed needs updated_when_empty")
    seen: set[str] = set()
    for entry in entries:
        if entry.entry_id in seen:
            raise ValueError(f"{info.feed_id}: two issues have the id {entry.entry_id!r}")
        seen.add(entry.entry_id)

    ordered = sorted(entries, key=lambda e: (-e.published_at.timestamp(), e.title, e.entry_id))
    rss = _generator(info, ordered, rss=True)
    atom = _generator(info, ordered, rss=False)
    return rss.rss_str(pretty=True), atom.atom_str(pretty=True)


def feed_uri(feed_id: str) -> str:
    """The feed's Atom id: ``feed_id`` itself when it is already a ``urn:``/``tag:`` URI, else ``urn:`` + it."""
    return feed_id if _SCHEMED_ID.match(feed_id) else f"urn:{feed_id}"


def entry_uri(feed_id: str, entry_id: str) -> str:
    """An issue's Atom id and RSS guid: the feed's id, a colon, and the percent-encoded ``entry_id``."""
    return f"{feed_uri(feed_id)}:{quote(entry_id, safe='/')}"


def publication_time(date: dt.date) -> dt.datetime:
    """The moment an issue counts as published: its time when it has one, else 08:00 Norwegian time on its date.

    Only an aware datetime (what front matter gives for ``date: 2024-05-15 11:41``)
    carries a time; a naive one says nothing about the zone and counts by its date.
    """
    if isinstance(date, dt.datetime) and date.tzinfo is not None:
        return date.astimezone(_oslo())
    return dt.datetime.combine(_calendar_date(date), PUBLICATION_TIME, tzinfo=_oslo())


def absolutize_html(html: str, base_url: str) -> str:
    """Make every relative ``href``/``src`` in ``html`` absolute against ``base_url``.

    URLs with a scheme (``https:``, ``mailto:``, ``tel:``, ``data:`` …) are left
    alone; everything else is resolved with ``urljoin``, so ``#fragment`` becomes
    ``base_url#fragment`` and ``../bilde.png`` is taken relative to ``base_url``.
    ``poster`` and every URL in ``srcset`` are treated the same way. Only start
    tags are rewritten; text, comments and the rest of each tag are kept as they
    were.
    """
    locator = _StartTagLocator()
    locator.feed(html)
    locator.close()

    line_starts = [0]
    line_starts.extend(index + 1 for index, char in enumerate(html) if char == "\n")

    pieces: list[str] = []
    done = 0
    for (line, column), tag_text in locator.start_tags:
        start = line_starts[line - 1] + column
        end = start + len(tag_text)
        if start < done or html[start:end] != tag_text:
            continue  # Never rewrite what cannot be located exactly.
        rewritten = _rewrite_start_tag(tag_text, base_url)
        if rewritten != tag_text:
            pieces.append(html[done:start])
            pieces.append(rewritten)
            done = end
    pieces.append(html[done:])
    return "".join(pieces)


def _generator(info: FeedInfo, ordered: list[FeedEntry], *, rss: bool) -> FeedGenerator:
    """A feedgen generator for one format (RSS when ``rss``, else Atom)."""
    generator = FeedGenerator()
    generator.id(feed_uri(info.feed_id))
    generator.title(_xml_text(info.title))
    # RSS <description> is read as HTML, so plain text is escaped once more; Atom's subtitle is text.
    generator.description(_plain_for(info.description, rss=rss))
    generator.language(info.language)
    generator.author(name=AUTHOR_NAME)
    # feedgen uses the href of the *last* link added as the RSS <link>, whatever its rel:
    # the self link must come first, the archive page last.
    if rss:
        generator.link(href=info.rss_url, rel="self", type="application/rss+xml")
    else:
        generator.link(href=info.atom_url, rel="self", type="application/atom+xml")
    generator.link(href=info.archive_url, rel="alternate", type="text/html")
    # feedgen names itself with its version by default; an empty generator leaves the element out.
    generator.generator("")
    # feedgen defaults both of these to the current time.
    if ordered:
        generator.updated(max(issue.modified_at for issue in ordered))
    else:
        assert info.updated_when_empty is not None
        generator.updated(publication_time(info.updated_when_empty))

    for issue in ordered:
        published = issue.published_at
        item = generator.add_entry(order="append")
        item.id(entry_uri(info.feed_id, issue.entry_id))  # Atom id, and RSS guid isPermaLink="false"
        item.title(_xml_text(issue.title))
        item.link(href=issue.url, rel="alternate", type="text/html")
        item.published(published)  # Atom published, RSS pubDate
        item.updated(issue.modified_at)  # feedgen defaults it to the current time
        if issue.description:
            # Without a description feedgen puts the content in RSS <description>.
            item.description(_plain_for(issue.description, rss=True))
            # After description(), or that would replace the RSS description with the summary.
            item.summary(_xml_text(issue.description), type="text")
        item.content(absolutize_html(_xml_text(issue.content_html), issue.url), type="html")
    return generator


def _plain_for(text: str, *, rss: bool) -> str:
    """Plain text for a text element: as it is for Atom, HTML-escaped for RSS, which reads it as HTML."""
    text = _xml_text(text)
    return html_escape(text, quote=False) if rss else text


class _StartTagLocator(HTMLParser):
    """Collect the exact text and position of every start tag (HTMLParser handles comments, script …)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.start_tags: list[tuple[tuple[int, int], str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text = self.get_starttag_text()
        if text:
            self.start_tags.append((self.getpos(), text))


def _rewrite_start_tag(tag_text: str, base_url: str) -> str:
    """Resolve the URL attributes of one start tag, keeping everything else character for character."""
    name = _TAG_NAME.match(tag_text)
    if not name:
        return tag_text
    position = name.end()
    pieces = [tag_text[:position]]
    while match := _ATTRIBUTE.match(tag_text, position):
        position = match.end()
        raw_value = match["value"]
        attribute = match["name"].lower()
        if raw_value is None or (attribute not in URL_ATTRIBUTES and attribute != SRCSET_ATTRIBUTE):
            pieces.append(match.group(0))
            continue
        quoted = raw_value[:1] in {'"', "'"}
        value = html_unescape(raw_value[1:-1] if quoted else raw_value)
        if attribute == SRCSET_ATTRIBUTE:
            resolved = _resolve_srcset(value, base_url)
        else:
            resolved = _resolve_url(value, base_url)
        if resolved == value:
            pieces.append(match.group(0))
        else:
            escaped = html_escape(resolved, quote=True)
            pieces.append(f'{match["before"]}{match["name"]}{match["equals"]}"{escaped}"')
    pieces.append(tag_text[position:])
    return "".join(pieces)


def _resolve_url(value: str, base_url: str) -> str:
    """``value`` made absolute against ``base_url``, unless it already has a scheme."""
    url = value.strip()
    try:
        if urlsplit(url).scheme:
            return value
        return urljoin(base_url, url)
    except ValueError:  # e.g. an unclosed IPv6 bracket: leave it for the link checker
        return value


def _resolve_srcset(value: str, base_url: str) -> str:
    """Each candidate of a ``srcset`` (``url [descriptor]``, comma-separated) resolved."""
    if "data:" in value:
        return value  # data: URLs contain commas; splitting would break them.
    candidates = []
    for candidate in value.split(","):
        parts = candidate.split(None, 1)
        if not parts:
            continue
        parts[0] = _resolve_url(parts[0], base_url)
        candidates.append(" ".join(parts))
    return ", ".join(candidates)


def _calendar_date(date: dt.date) -> dt.date:
    """The calendar date alone, also when front matter gave a datetime."""
    return dt.date(date.year, date.month, date.day)


def _xml_text(text: str) -> str:
    """``text`` without the control characters XML cannot carry (lxml refuses them)."""
    return _NOT_XML.sub("", text)


@cache
def _oslo() -> ZoneInfo:
    """Norwegian time, with a clear message when the system has no time-zone database."""
    try:
        return ZoneInfo(TIME_ZONE)
    except ZoneInfoNotFoundError as error:
        raise RuntimeError(
            f"The time zone {TIME_ZONE} is missing: install the system time-zone database "
            "or the tzdata package"
        ) from error
