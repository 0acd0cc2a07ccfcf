"""The newsletter feeds: valid RSS 2.0 and Atom, newest first, reproducible, escaped, absolute."""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import feedparser
import pytest
from kompetansebroen.feeds.newsletter_feeds import (
    FeedEntry,
    FeedInfo,
    absolutize_html,
    build_feeds,
    publication_time,
)

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT_ENCODED = "{http://purl.org/rss/1.0/modules/content/}encoded"
SITE = "https://x.example/innlandet/"
ARCHIVE = SITE + "nyhetsbrev/"

INFO = FeedInfo(
    title="Nyhetsbrev – Kompetansebroen Innlandet",
    description="Nyheter & <oppdateringer> fra Innlandet",
    archive_url=ARCHIVE,
    rss_url=ARCHIVE + "rss.xml",
    atom_url=ARCHIVE + "atom.xml",
    feed_id="kompetansebroen:innlandet:nyhetsbrev",
)

TRICKY_TITLE = "Barn & unge <i>"
TRICKY_DESCRIPTION = "Om barn & unge <3 og a<b"

WINTER = FeedEntry(
    title=TRICKY_TITLE,
    date=dt.date(2024, 1, 15),
    description=TRICKY_DESCRIPTION,
    url=ARCHIVE + "2024-01-nyhetsbrev/",
    content_html=(
        '<h2 id="del-1">Del 1</h2>\n'
        '<p>Se <a href="../2023-11-nyhetsbrev/">forrige nummer</a>, '
        '<a href="#del-2">del 2</a>, <a href="/innlandet/om/">om oss</a>, '
        '<a href="https://helsenorge.no/">Helsenorge</a> og '
        '<a href="mailto:post@x.example">skriv til oss</a>.</p>\n'
        '<p><img src="bilder/forside.png" alt="Forside"></p>\n'
        '<h2 id="del-2">Del 2</h2>'
    ),
    entry_id="nyhetsbrev/2024-01-nyhetsbrev.md",
)
SUMMER = FeedEntry(
    title="Sommerhilsen",
    date=dt.date(2024, 7, 1),
    description="Sommer i Innlandet",
    url=ARCHIVE + "2024-07-nyhetsbrev/",
    content_html="<p>God sommer!</p>",
    entry_id="nyhetsbrev/2024-07-nyhetsbrev.md",
)
AUTUMN = FeedEntry(
    title="Høstnummer",
    date=dt.date(2023, 11, 1),
    description="Høst",
    url=ARCHIVE + "2023-11-nyhetsbrev/",
    content_html="<p>Høst</p>",
    entry_id="nyhetsbrev/2023-11-nyhetsbrev.md",
)
# Deliberately neither newest- nor oldest-first.
ENTRIES = [WINTER, SUMMER, AUTUMN]
NEWEST_FIRST = [SUMMER, WINTER, AUTUMN]


@pytest.fixture(scope="module")
def feeds() -> tuple[bytes, bytes]:
    return build_feeds(INFO, ENTRIES)


@pytest.fixture(scope="module")
def rss(feeds: tuple[bytes, bytes]) -> feedparser.FeedParserDict:
    return feedparser.parse(feeds[0])


@pytest.fixture(scope="module")
def atom(feeds: tuple[bytes, bytes]) -> feedparser.FeedParserDict:
    return feedparser.parse(feeds[1])


@pytest.fixture(scope="module")
def channel(feeds: tuple[bytes, bytes]) -> ET.Element:
    root = ET.fromstring(feeds[0])
    assert root.tag == "rss"
    element = root.find("channel")
    assert element is not None
    return element


@pytest.fixture(scope="module")
def feed_root(feeds: tuple[bytes, bytes]) -> ET.Element:
    root = ET.fromstring(feeds[1])
    assert root.tag == ATOM + "feed"
    return root


def _text(element: ET.Element, path: str) -> str:
    found = element.find(path)
    assert found is not None, f"missing <{path}>"
    return found.text or ""


# --- Both formats -------------------------------------------------------------------------------


def test_both_feeds_parse_cleanly(rss: feedparser.FeedParserDict, atom: feedparser.FeedParserDict) -> None:
    assert rss.bozo == 0, rss.get("bozo_exception")
    assert atom.bozo == 0, atom.get("bozo_exception")
    assert rss.version == "rss20"
    assert atom.version == "atom10"
    assert len(rss.entries) == len(atom.entries) == len(ENTRIES)


def test_entries_newest_first(rss: feedparser.FeedParserDict, atom: feedparser.FeedParserDict) -> None:
    expected = [entry.url for entry in NEWEST_FIRST]
    assert [entry.link for entry in rss.entries] == expected
    assert [entry.link for entry in atom.entries] == expected


def test_input_order_does_not_matter(feeds: tuple[bytes, bytes]) -> None:
    assert build_feeds(INFO, list(reversed(ENTRIES))) == feeds
    assert build_feeds(INFO, NEWEST_FIRST) == feeds


def test_same_date_ordered_by_title() -> None:
    second = replace(SUMMER, title="B-nummer", entry_id="nyhetsbrev/b.md", url=ARCHIVE + "b/")
    first = replace(SUMMER, title="A-nummer", entry_id="nyhetsbrev/a.md", url=ARCHIVE + "a/")
    rss_bytes, atom_bytes = build_feeds(INFO, [second, first, AUTUMN])
    for parsed in (feedparser.parse(rss_bytes), feedparser.parse(atom_bytes)):
        assert [entry.title for entry in parsed.entries] == ["A-nummer", "B-nummer", AUTUMN.title]


def test_byte_identical_across_builds(feeds: tuple[bytes, bytes]) -> None:
    again = build_feeds(INFO, list(ENTRIES))
    assert again == feeds
    for output in feeds:
        assert output.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")


def test_nothing_from_the_build_machine_or_library(feeds: tuple[bytes, bytes]) -> None:
    for output in feeds:
        assert b"generator" not in output
        assert b"feedgen" not in output


def test_ids_stable_unique_and_shared(feeds: tuple[bytes, bytes]) -> None:
    first = [entry.id for entry in feedparser.parse(feeds[1]).entries]
    second = [entry.id for entry in feedparser.parse(build_feeds(INFO, ENTRIES)[1]).entries]
    assert first == second
    assert len(set(first)) == len(first)
    assert first[0] == "urn:kompetansebroen:innlandet:nyhetsbrev:nyhetsbrev/2024-07-nyhetsbrev.md"
    # The RSS guid is the same identifier.
    assert [entry.id for entry in feedparser.parse(feeds[0]).entries] == first


def test_feed_language(
    rss: feedparser.FeedParserDict,
    atom: feedparser.FeedParserDict,
    channel: ET.Element,
    feed_root: ET.Element,
) -> None:
    assert rss.feed.language == "nb"
    assert atom.feed.language == "nb"
    assert _text(channel, "language") == "nb"
    assert feed_root.get("{http://www.w3.org/XML/1998/namespace}lang") == "nb"


def test_links_absolute(rss: feedparser.FeedParserDict, atom: feedparser.FeedParserDict) -> None:
    for parsed in (rss, atom):
        assert parsed.feed.link == ARCHIVE
        for entry in parsed.entries:
            assert entry.link.startswith("https://")
            for link in entry.links:
                assert link.href.startswith("https://")


def test_titles_escaped_not_interpreted(
    rss: feedparser.FeedParserDict, atom: feedparser.FeedParserDict, channel: ET.Element
) -> None:
    for parsed in (rss, atom):
        winter = parsed.entries[1]
        assert winter.title == TRICKY_TITLE
        assert winter.title_detail.type == "text/plain"
        assert parsed.feed.title == INFO.title
    assert _text(channel, "item[2]/title") == TRICKY_TITLE


def test_atom_summary_is_plain_text(atom: feedparser.FeedParserDict, feed_root: ET.Element) -> None:
    winter = atom.entries[1]
    assert winter.summary == TRICKY_DESCRIPTION
    assert winter.summary_detail.type == "text/plain"
    assert atom.feed.subtitle == INFO.description
    summary = feed_root.findall(f"{ATOM}entry")[1].find(f"{ATOM}summary")
    assert summary is not None
    assert summary.get("type") == "text"
    assert summary.text == TRICKY_DESCRIPTION


def test_rss_description_is_html_that_shows_the_text(
    rss: feedparser.FeedParserDict, channel: ET.Element
) -> None:
    # RSS readers treat <description> as HTML: the plain text arrives HTML-escaped,
    # so "<3" and "a<b" are shown, never taken for markup.
    assert _text(channel, "item[2]/description") == html.escape(TRICKY_DESCRIPTION, quote=False)
    assert _text(channel, "description") == html.escape(INFO.description, quote=False)
    winter = rss.entries[1]
    assert winter.summary_detail.type == "text/html"
    assert "<" not in winter.summary
    assert html.unescape(winter.summary) == TRICKY_DESCRIPTION
    assert html.unescape(rss.feed.subtitle) == INFO.description


def test_content_links_and_images_absolute(
    rss: feedparser.FeedParserDict, atom: feedparser.FeedParserDict, channel: ET.Element
) -> None:
    for parsed in (rss, atom):
        content = parsed.entries[1].content[0]
        assert content.type == "text/html"
        body = content.value
        assert 'href="https://x.example/innlandet/nyhetsbrev/2023-11-nyhetsbrev/"' in body
        assert 'href="https://x.example/innlandet/nyhetsbrev/2024-01-nyhetsbrev/#del-2"' in body
        assert 'href="https://x.example/innlandet/om/"' in body
        assert 'href="https://helsenorge.no/"' in body
        assert 'href="mailto:post@x.example"' in body
        assert 'src="https://x.example/innlandet/nyhetsbrev/2024-01-nyhetsbrev/bilder/forside.png"' in body
        assert not re.search(r'(?:href|src)="(?!https://|mailto:)', body)
    # RSS carries the full issue in content:encoded.
    encoded = _text(channel, f"item[2]/{CONTENT_ENCODED}")
    assert encoded.startswith('<h2 id="del-1">')
    assert "bilder/forside.png" in encoded


def test_oslo_offsets_winter_and_summer(channel: ET.Element, feed_root: ET.Element) -> None:
    assert _text(channel, "item[1]/pubDate") == "Mon, 01 Jul 2024 08:00:00 +0200"
    assert _text(channel, "item[2]/pubDate") == "Mon, 15 Jan 2024 08:00:00 +0100"
    entries = feed_root.findall(f"{ATOM}entry")
    assert _text(entries[0], f"{ATOM}published") == "2024-07-01T08:00:00+02:00"
    assert _text(entries[0], f"{ATOM}updated") == "2024-07-01T08:00:00+02:00"
    assert _text(entries[1], f"{ATOM}published") == "2024-01-15T08:00:00+01:00"
    assert _text(entries[1], f"{ATOM}updated") == "2024-01-15T08:00:00+01:00"


def test_parsed_times_are_right_in_utc(
    rss: feedparser.FeedParserDict, atom: feedparser.FeedParserDict
) -> None:
    for parsed in (rss, atom):
        summer, winter = parsed.entries[0], parsed.entries[1]
        # 08:00 in Oslo is 06:00 UTC in summer and 07:00 UTC in winter; the calendar date is kept.
        assert summer.published_parsed[:4] == (2024, 7, 1, 6)
        assert winter.published_parsed[:4] == (2024, 1, 15, 7)


def test_feed_updated_is_newest_issue_not_now(
    rss: feedparser.FeedParserDict,
    atom: feedparser.FeedParserDict,
    channel: ET.Element,
    feed_root: ET.Element,
) -> None:
    assert _text(channel, "lastBuildDate") == "Mon, 01 Jul 2024 08:00:00 +0200"
    assert _text(feed_root, f"{ATOM}updated") == "2024-07-01T08:00:00+02:00"
    newest = calendar.timegm(publication_time(SUMMER.date).utctimetuple())
    assert calendar.timegm(atom.feed.updated_parsed) == newest
    assert calendar.timegm(rss.feed.updated_parsed) == newest


def test_rss_required_elements(channel: ET.Element) -> None:
    assert _text(channel, "title") == INFO.title
    assert _text(channel, "link") == ARCHIVE
    assert _text(channel, "description")
    self_links = [link for link in channel.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert [link.get("href") for link in self_links] == [INFO.rss_url]
    assert self_links[0].get("type") == "application/rss+xml"
    items = channel.findall("item")
    assert len(items) == len(ENTRIES)
    for item, expected in zip(items, NEWEST_FIRST, strict=True):
        assert _text(item, "title") == expected.title
        assert _text(item, "link") == expected.url
        assert _text(item, "description")
        assert _text(item, "pubDate")
        assert _text(item, CONTENT_ENCODED)
        guid = item.find("guid")
        assert guid is not None
        assert guid.get("isPermaLink") == "false"
        assert guid.text and guid.text.endswith(expected.entry_id)


def test_atom_required_elements(feed_root: ET.Element) -> None:
    assert _text(feed_root, f"{ATOM}id") == "urn:kompetansebroen:innlandet:nyhetsbrev"
    assert _text(feed_root, f"{ATOM}title") == INFO.title
    assert _text(feed_root, f"{ATOM}updated")
    assert _text(feed_root, f"{ATOM}author/{ATOM}name") == "Kompetansebroen"
    links = {link.get("rel"): link.get("href") for link in feed_root.findall(f"{ATOM}link")}
    assert links == {"self": INFO.atom_url, "alternate": ARCHIVE}
    entries = feed_root.findall(f"{ATOM}entry")
    assert len(entries) == len(ENTRIES)
    for entry, expected in zip(entries, NEWEST_FIRST, strict=True):
        assert _text(entry, f"{ATOM}id").endswith(expected.entry_id)
        title = entry.find(f"{ATOM}title")
        assert title is not None and title.text == expected.title
        assert title.get("type", "text") == "text"
        assert _text(entry, f"{ATOM}updated")
        assert _text(entry, f"{ATOM}published")
        link = entry.find(f"{ATOM}link")
        assert link is not None
        assert link.get("href") == expected.url
        # No rel means "alternate" in Atom.
        assert link.get("rel", "alternate") == "alternate"
        content = entry.find(f"{ATOM}content")
        assert content is not None and content.get("type") == "html"


def test_entry_ids_are_percent_encoded() -> None:
    odd = replace(AUTUMN, entry_id="nyhetsbrev/høst nr 2.md")
    entry = feedparser.parse(build_feeds(INFO, [odd])[1]).entries[0]
    assert entry.id == "urn:kompetansebroen:innlandet:nyhetsbrev:nyhetsbrev/h%C3%B8st%20nr%202.md"


def test_tag_feed_id_is_kept() -> None:
    info = replace(INFO, feed_id="tag:x.example,2024:innlandet")
    parsed = feedparser.parse(build_feeds(info, [AUTUMN])[1])
    assert parsed.feed.id == "tag:x.example,2024:innlandet"
    assert parsed.entries[0].id == "tag:x.example,2024:innlandet:nyhetsbrev/2023-11-nyhetsbrev.md"


def test_control_characters_do_not_break_the_xml() -> None:
    broken = replace(AUTUMN, title="Høst\x0bnummer", description="a\x00b")
    rss_bytes, atom_bytes = build_feeds(INFO, [broken])
    assert feedparser.parse(rss_bytes).entries[0].title == "Høstnummer"
    assert feedparser.parse(atom_bytes).entries[0].summary == "ab"


def test_datetime_dates_count_by_calendar_date() -> None:
    late = replace(AUTUMN, date=dt.datetime(2023, 11, 1, 23, 30))
    assert build_feeds(INFO, [late]) == build_feeds(INFO, [AUTUMN])


def test_no_entries_needs_a_content_date() -> None:
    with pytest.raises(ValueError, match="updated_when_empty"):
        build_feeds(INFO, [])


def test_an_empty_feed_is_valid_and_dated_from_the_content() -> None:
    info = replace(INFO, updated_when_empty=dt.date(2024, 1, 2))
    rss_bytes, atom_bytes = build_feeds(info, [])
    for data in (rss_bytes, atom_bytes):
        parsed = feedparser.parse(data)
        assert parsed.bozo == 0 and parsed.entries == []
    assert b"2024-01-02T08:00:00+01:00" in atom_bytes


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="two issues"):
        build_feeds(INFO, [AUTUMN, replace(AUTUMN, title="Kopi")])


# --- absolutize_html ----------------------------------------------------------------------------

BASE = "https://x.example/innlandet/nyhetsbrev/2024-03-nyhetsbrev/"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ('<a href="neste/">n</a>', f'<a href="{BASE}neste/">n</a>'),
        (
            '<a href="../2024-02-nyhetsbrev/">f</a>',
            '<a href="https://x.example/innlandet/nyhetsbrev/2024-02-nyhetsbrev/">f</a>',
        ),
        ('<a href="/innlandet/om/">o</a>', '<a href="https://x.example/innlandet/om/">o</a>'),
        ('<a href="#del-2">d</a>', f'<a href="{BASE}#del-2">d</a>'),
        ('<img src="bilde.png" alt="">', f'<img src="{BASE}bilde.png" alt="">'),
        ('<img src="bilde.png"/>', f'<img src="{BASE}bilde.png"/>'),
        ("<A HREF='opp/'>x</A>", f'<A HREF="{BASE}opp/">x</A>'),
        ("<a href=side.html>x</a>", f'<a href="{BASE}side.html">x</a>'),
        ('<a href="s?a=1&amp;b=2">x</a>', f'<a href="{BASE}s?a=1&amp;b=2">x</a>'),
        ('<a title="se href=feil" href="r">x</a>', f'<a title="se href=feil" href="{BASE}r">x</a>'),
        (
            '<img srcset="a.png 1x, b.png 2x">',
            f'<img srcset="{BASE}a.png 1x, {BASE}b.png 2x">',
        ),
        ('<a\n  href="linje">x</a>', f'<a\n  href="{BASE}linje">x</a>'),
    ],
)
def test_absolutize_relative(given: str, expected: str) -> None:
    assert absolutize_html(given, BASE) == expected


@pytest.mark.parametrize(
    "unchanged",
    [
        '<a href="https://helsenorge.no/">h</a>',
        '<a href="mailto:post@x.example">m</a>',
        '<a href="tel:+4712345678">t</a>',
        '<img src="data:image/png;base64,AAAA">',
        '<a data-href="relativ">d</a>',
        '<!-- <a href="i-kommentar"> -->',
        "<script>var s = '<a href=\"i-skript\">';</script>",
        '<pre><code>&lt;a href="i-kode"&gt;</code></pre>',
        "<p>Ingen lenker her &amp; ingen &lt;tagger&gt;.</p>",
    ],
)
def test_absolutize_leaves_alone(unchanged: str) -> None:
    assert absolutize_html(unchanged, BASE) == unchanged


def test_absolutize_keeps_everything_else() -> None:
    given = 'Æ\r\n<p class="x">før <a id=a href="b" >lenke</a> etter</p>\n<!-- c --><img src="d.png">'
    expected = (
        'Æ\r\n<p class="x">før <a id=a href="' + BASE + 'b" >lenke</a> etter</p>\n'
        '<!-- c --><img src="' + BASE + 'd.png">'
    )
    assert absolutize_html(given, BASE) == expected
