"""The podcast feed with hostile text: still well-formed XML, and every title exactly as written.

Front matter refuses control characters and odd e-mail addresses
(tests/unit/test_one_line_fields.py, test_hostile_urls.py); the feed writer
must not rely on that: text that ends a CDATA section (``]]>``), starts one,
has ``&`` and markup, holds control characters XML cannot carry, or runs to
10,000 characters comes out as the same text (control characters dropped),
read back by two parsers (feedparser and ElementTree).
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import replace

import feedparser
import pytest
from kompetansebroen.feeds.podcast import ITUNES_NS, PodcastSite, podcast_feed
from kompetansebroen.model.learning import PodcastEpisode
from test_podcast_feed import SERIES

SITE = PodcastSite("https://kompetansebroen.example/", "innlandet")
IT = "{" + ITUNES_NS + "}"
CONTROL = "".join(chr(code) for code in range(32) if chr(code) not in "\t\n\r")

HOSTILE_TITLES = {
    "cdata-end": "Slutt ]]> her & <b>fet</b>",
    "cdata-start": "<![CDATA[<script>alert(1)</script>]]>",
    "entities": "Barn &amp; unge &lt;3 &#x3c;script&#x3e; & «å»",
    "control-characters": f"Før{CONTROL}etter",
    "ten-thousand": ("Samhandling om utskrivning & «oppfølging» " * 250)[:10_000],
}


def episode(title: str, description: str) -> PodcastEpisode:
    return PodcastEpisode.from_meta(
        "podkast/samtaler/ep.md",
        {
            "title": title,
            "description": description,
            "date": dt.date(2025, 6, 1),
            "season": 1,
            "episode": 1,
            "audio_url": "https://lyd.example/ep.mp3",
            "audio_bytes": 1000,
            "duration": 60,
        },
    )


@pytest.mark.parametrize("title", HOSTILE_TITLES.values(), ids=HOSTILE_TITLES.keys())
def test_hostile_titles_give_a_well_formed_feed_with_the_title_as_written(title: str) -> None:
    expected = title.translate({ord(char): None for char in CONTROL})
    series = replace(SERIES, title=title, author=title, owner_name=title)
    feed = podcast_feed(series, [episode(title, title)], SITE)
    parsed = feedparser.parse(feed)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == expected
    assert parsed.entries[0].title == expected
    channel = ET.fromstring(feed).find("channel")
    assert channel is not None
    assert channel.findtext("title") == expected
    assert channel.findtext(f"{IT}author") == expected
    assert channel.findtext(f"{IT}owner/{IT}name") == expected
    assert channel.findtext("item/title") == expected
    # Descriptions are read as HTML by apps, so our text is escaped once more: markup shows as written.
    assert channel.findtext("item/description") == expected.replace("&", "&amp;").replace(
        "<", "&lt;"
    ).replace(">", "&gt;")
    assert b"<script>" not in feed and b"<b>" not in feed


@pytest.mark.parametrize("email", ["podkast@eksempel.no\n<script>", "</itunes:email><x>@eksempel.no"])
def test_an_owner_email_the_check_would_refuse_still_cannot_break_the_feed(email: str) -> None:
    feed = podcast_feed(replace(SERIES, owner_email=email), [episode("Ep", "Om")], SITE)
    assert not feedparser.parse(feed).bozo
    channel = ET.fromstring(feed).find("channel")
    assert channel is not None and channel.findtext(f"{IT}owner/{IT}email") == email
