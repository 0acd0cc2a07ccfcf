"""The podcast feed as podcast apps read it: every iTunes element Apple and Spotify require, exact lengths, stable guids."""

from __future__ import annotations

import datetime as dt
import html
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import feedparser
import pytest
from kompetansebroen.feeds.podcast import (
    ITUNES_NS,
    PodcastSite,
    enclosure_url,
    episode_guid,
    podcast_feed,
)
from kompetansebroen.model.learning import PodcastEpisode, PodcastSeries
from kompetansebroen.model.media import read_audio
from kompetansebroen.model.podcast_categories import APPLE_CATEGORIES
from learning_media import make_mp3

SITE = PodcastSite("https://kompetansebroen.example/", "innlandet")
SERIES = PodcastSeries(
    slug="samtaler",
    title="Samtaler om samhandling & sånt",
    description="Om <samarbeid> mellom sykehus og kommuner.",
    image="omslag.jpg",
    author="Sykehuset Innlandet",
    owner_email="podkast@example.org",
    category="Health & Fitness",
    subcategory="Medicine",
    explicit=False,
    owner_name="Kommunikasjon",
)
IT = "{" + ITUNES_NS + "}"


@pytest.fixture(scope="module")
def series_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two MP3s of different lengths, as a series folder in a tree."""
    folder = tmp_path_factory.mktemp("tree") / "podkast" / "samtaler"
    make_mp3(folder / "ep1.mp3", seconds=2, frequency=440)
    make_mp3(folder / "ep 2.mp3", seconds=3, frequency=660)
    return folder


def local_episode(folder: Path, name: str, audio: str, date: dt.date, number: int) -> PodcastEpisode:
    meta = {
        "title": f"Episode {number}",
        "description": f"Episode {number} om <utskrivning> & samarbeid.",
        "date": date,
        "season": 1,
        "episode": number,
        "audio": audio,
        "tags": ("Samhandling",),
    }
    return PodcastEpisode.from_meta(f"podkast/samtaler/{name}", meta, audio_facts=read_audio(folder / audio))


@pytest.fixture(scope="module")
def episodes(series_folder: Path) -> list[PodcastEpisode]:
    remote = PodcastEpisode.from_meta(
        "podkast/samtaler/ep3.md",
        {
            "title": "Episode 3",
            "description": "Lyd hos en annen tjeneste.",
            "date": dt.date(2025, 6, 1),
            "season": 2,
            "episode": 1,
            "audio_url": "https://lyd.example/ep3.mp3",
            "audio_bytes": 24576000,
            "duration": 3723,
        },
    )
    return [
        local_episode(series_folder, "ep1.md", "ep1.mp3", dt.date(2025, 1, 15), 1),
        remote,
        local_episode(series_folder, "ep2.md", "ep 2.mp3", dt.date(2025, 3, 1), 2),
    ]


@pytest.fixture(scope="module")
def feed_bytes(episodes: list[PodcastEpisode]) -> bytes:
    return podcast_feed(SERIES, episodes, SITE)


def test_feedparser_reads_a_well_formed_rss_feed(feed_bytes: bytes) -> None:
    parsed = feedparser.parse(feed_bytes)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "rss20"
    assert parsed.namespaces.get("itunes") == ITUNES_NS


def test_channel_has_every_element_apple_and_spotify_require(feed_bytes: bytes) -> None:
    channel = feedparser.parse(feed_bytes).feed
    assert channel.title == "Samtaler om samhandling & sånt"
    assert channel.link == "https://kompetansebroen.example/innlandet/podkast/samtaler/"
    assert channel.language == "nb"
    assert channel.image.href == "https://kompetansebroen.example/innlandet/podkast/samtaler/omslag.jpg"
    # feedparser 6 knows only yes/clean (it gives None for true/false); the XML test below reads the text.
    assert "itunes_explicit" in channel
    # feedparser lets itunes:owner's name overwrite the author; the XML test below reads itunes:author.
    assert channel.publisher_detail == {"name": "Kommunikasjon", "email": "podkast@example.org"}
    assert [tag.term for tag in channel.tags] == ["Health & Fitness", "Medicine"]


def test_channel_itunes_elements_as_written(feed_bytes: bytes) -> None:
    # feedparser hides some details (the nesting, explicit's exact text); read them from the XML too.
    channel = ET.fromstring(feed_bytes).find("channel")
    assert channel is not None
    category = channel.find(f"{IT}category")
    assert category is not None and category.get("text") == "Health & Fitness"
    assert category.get("text") in APPLE_CATEGORIES
    assert [sub.get("text") for sub in category.findall(f"{IT}category")] == ["Medicine"]
    assert channel.findtext(f"{IT}explicit") == "false"
    assert channel.findtext(f"{IT}type") == "episodic"
    assert channel.findtext(f"{IT}author") == "Sykehuset Innlandet"
    assert channel.findtext(f"{IT}owner/{IT}email") == "podkast@example.org"
    assert channel.find(f"{IT}image").get("href").startswith("https://")  # type: ignore[union-attr]
    assert channel.findtext("description") == "Om &lt;samarbeid&gt; mellom sykehus og kommuner."
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link is not None
    assert self_link.get("href") == "https://kompetansebroen.example/innlandet/podkast/samtaler/feed.xml"
    assert channel.findtext("lastBuildDate") == "Sun, 01 Jun 2025 08:00:00 +0200"
    assert channel.find("generator") is None


def test_explicit_true_is_written_true(episodes: list[PodcastEpisode]) -> None:
    explicit = replace(SERIES, explicit=True, subcategory=None, category="Technology")
    channel = ET.fromstring(podcast_feed(explicit, episodes, SITE)).find("channel")
    assert channel is not None
    assert channel.findtext(f"{IT}explicit") == "true"
    category = channel.find(f"{IT}category")
    assert category is not None and category.get("text") == "Technology" and len(category) == 0


def test_episodes_newest_first_with_every_required_element(feed_bytes: bytes, series_folder: Path) -> None:
    entries = feedparser.parse(feed_bytes).entries
    assert [entry.title for entry in entries] == ["Episode 3", "Episode 2", "Episode 1"]
    sizes = {
        "https://kompetansebroen.example/innlandet/podkast/samtaler/ep1.mp3": (series_folder / "ep1.mp3")
        .stat()
        .st_size,
        "https://kompetansebroen.example/innlandet/podkast/samtaler/ep%202.mp3": (series_folder / "ep 2.mp3")
        .stat()
        .st_size,
        "https://lyd.example/ep3.mp3": 24576000,
    }
    for entry in entries:
        (enclosure,) = entry.enclosures
        assert enclosure.type == "audio/mpeg"
        assert int(enclosure.length) == sizes[enclosure.href]
        assert entry.guidislink is False
        assert entry.link.startswith("https://kompetansebroen.example/innlandet/podkast/samtaler/")
        assert entry.itunes_episodetype == "full"
        assert entry.published_parsed is not None
    assert [entry.itunes_duration for entry in entries] == ["3723", "3", "2"]
    assert [(entry.itunes_season, entry.itunes_episode) for entry in entries] == [
        ("2", "1"),
        ("1", "2"),
        ("1", "1"),
    ]
    # The description is HTML to a reader: the text shows exactly as written.
    assert html.unescape(entries[1].summary) == "Episode 2 om <utskrivning> & samarbeid."
    assert "<utskrivning>" not in entries[1].summary
    assert entries[2].published == "Wed, 15 Jan 2025 08:00:00 +0100"


def test_enclosure_lengths_are_the_files_byte_sizes(feed_bytes: bytes, series_folder: Path) -> None:
    items = ET.fromstring(feed_bytes).findall("channel/item")
    local = {item.find("enclosure").get("url"): item.find("enclosure").get("length") for item in items}  # type: ignore[union-attr]
    assert local["https://kompetansebroen.example/innlandet/podkast/samtaler/ep1.mp3"] == str(
        (series_folder / "ep1.mp3").stat().st_size
    )


def test_guids_are_stable_across_builds_and_regions(episodes: list[PodcastEpisode]) -> None:
    first = feedparser.parse(podcast_feed(SERIES, episodes, SITE)).entries
    second = feedparser.parse(podcast_feed(SERIES, list(reversed(episodes)), SITE)).entries
    other_region = feedparser.parse(
        podcast_feed(SERIES, episodes, PodcastSite(SITE.site_url, "ahus"))
    ).entries
    assert (
        [entry.id for entry in first]
        == [entry.id for entry in second]
        == [entry.id for entry in other_region]
    )
    assert len({entry.id for entry in first}) == 3
    assert first[2].id == episode_guid(SITE.site_url, "podkast/samtaler/ep1.md")
    assert other_region[2].link == "https://kompetansebroen.example/ahus/podkast/samtaler/ep1/"


def test_the_same_input_gives_the_same_bytes(episodes: list[PodcastEpisode]) -> None:
    assert podcast_feed(SERIES, episodes, SITE) == podcast_feed(SERIES, list(reversed(episodes)), SITE)


def test_enclosure_url_is_the_local_file_or_the_given_address(episodes: list[PodcastEpisode]) -> None:
    assert (
        enclosure_url(episodes[0], SITE)
        == "https://kompetansebroen.example/innlandet/podkast/samtaler/ep1.mp3"
    )
    assert enclosure_url(episodes[1], SITE) == "https://lyd.example/ep3.mp3"


def test_an_empty_series_needs_a_date_from_the_content() -> None:
    with pytest.raises(ValueError, match="updated_when_empty"):
        podcast_feed(SERIES, [], SITE)
    empty = feedparser.parse(podcast_feed(SERIES, [], SITE, updated_when_empty=dt.date(2025, 1, 1)))
    assert not empty.bozo and empty.entries == []


def test_refuses_episodes_of_another_series_and_unknown_categories(episodes: list[PodcastEpisode]) -> None:
    with pytest.raises(ValueError, match="not an episode of the series"):
        podcast_feed(replace(SERIES, slug="andre"), episodes, SITE)
    with pytest.raises(ValueError, match="Apple category"):
        podcast_feed(replace(SERIES, category="Health"), episodes, SITE)


def test_site_url_must_be_absolute_and_end_in_a_slash() -> None:
    with pytest.raises(ValueError, match="absolute"):
        PodcastSite("kompetansebroen.example/", "ahus")
    with pytest.raises(ValueError, match="absolute"):
        PodcastSite("https://kompetansebroen.example", "ahus")
