"""Learning resources as built from the sample: the podcast feeds read by a real client, pages, lists, search.

The feeds are parsed with ``feedparser`` (what many podcast tools use) and
checked against what Apple's and Spotify's guides ask of a podcast feed today.
"""

from __future__ import annotations

import json
import re
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest
from kompetansebroen.settings import load_settings

from tests.support.builds import ColdBuilds, run_build
from tests.support.repos import REPO
from tests.support.search_parts import indexed_pages
from tests.support.trees import tree_of

REGIONS = ["ahus", "innlandet", "ostfold", "vestfold"]
SITE_URL = "https://kompetansebroen.example/"
ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
SERIES = sorted(path.parent.name for path in (REPO / "content/podkast").glob("*/serie.yml"))


def _feeds(site: Path) -> list[Path]:
    return sorted(site.glob("*/podkast/*/feed.xml"))


def test_every_region_has_a_feed_per_series(built_site: Path) -> None:
    assert SERIES, "the sample has a podcast series"
    assert [p.relative_to(built_site).as_posix() for p in _feeds(built_site)] == [
        f"{region}/podkast/{series}/feed.xml" for region in REGIONS for series in SERIES
    ]


@pytest.mark.parametrize("region", REGIONS)
def test_the_podcast_feed_has_what_apple_and_spotify_require(built_site: Path, region: str) -> None:
    for feed_file in sorted((built_site / region / "podkast").glob("*/feed.xml")):
        parsed = feedparser.parse(feed_file.read_bytes())
        assert not parsed.bozo, parsed.bozo_exception
        assert parsed.version == "rss20"
        feed = parsed.feed
        assert feed.title and feed.subtitle
        assert feed.language == "nb"
        assert feed.image.href.startswith(f"{SITE_URL}{region}/podkast/")
        assert feed.author
        assert "@" in feed.publisher_detail.email
        # feedparser knows only yes/clean for itunes:explicit (None here); Apple asks for true/false: read below.
        assert feed.itunes_explicit is None
        # Elements feedparser does not keep as they are: read from the XML itself.
        channel = ET.fromstring(feed_file.read_bytes()).find("channel")
        assert channel is not None
        assert channel.findtext(f"{ITUNES}explicit") == "false"
        category = channel.find(f"{ITUNES}category")
        assert category is not None and category.get("text") == "Health & Fitness"
        owner = channel.find(f"{ITUNES}owner")
        assert owner is not None and owner.findtext(f"{ITUNES}email")
        assert channel.find(f"{ITUNES}image").get("href") == feed.image.href

        entries = parsed.entries
        assert len(entries) == 4
        dates = [entry.published_parsed for entry in entries]
        assert dates == sorted(dates, reverse=True), "newest first"
        items = channel.findall("item")
        for entry, item in zip(entries, items, strict=True):
            (enclosure,) = entry.enclosures
            assert enclosure.type == "audio/mpeg"
            assert enclosure.href.startswith(f"{SITE_URL}{region}/podkast/")
            local = built_site / urlsplit(enclosure.href).path.lstrip("/")
            assert int(enclosure.length) == local.stat().st_size, enclosure.href
            assert re.fullmatch(r"\d+(:\d\d){0,2}", item.findtext(f"{ITUNES}duration") or "")
            assert int(item.findtext(f"{ITUNES}season")) >= 1
            assert int(item.findtext(f"{ITUNES}episode")) >= 1
            assert item.findtext(f"{ITUNES}episodeType") == "full"
            assert entry.link.startswith(f"{SITE_URL}{region}/podkast/")
            assert not entry.guidislink


def test_episode_guids_are_the_same_in_every_region_and_made_from_the_path(built_site: Path) -> None:
    """A guid never changes: podcast apps would show an episode twice. It is made from the site and path."""
    by_region = {}
    for region in REGIONS:
        feed = feedparser.parse((built_site / region / "podkast" / SERIES[0] / "feed.xml").read_bytes())
        by_region[region] = {
            entry.link.removeprefix(f"{SITE_URL}{region}/"): entry.id for entry in feed.entries
        }
    first = by_region[REGIONS[0]]
    assert all(guids == first for guids in by_region.values())
    for page, guid in first.items():
        source = page.rstrip("/") + ".md"
        assert guid == str(uuid.uuid5(uuid.NAMESPACE_URL, SITE_URL + source))


def test_the_catalogue_lists_every_course_film_and_series_with_filters(built_site: Path) -> None:
    courses = {p.stem for p in (REPO / "content/e-laering").glob("*.md") if p.name != "index.md"}
    films = {p.stem for p in (REPO / "content/film").glob("*.md") if p.name != "index.md"}
    page = (built_site / "innlandet/laering/index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<li class="kb-card kb-card--([a-z-]+)"[^>]*>.*?<a href="([^"]+)"', page, re.S)
    listed = {(kind, href.strip("/").split("/")[-1]) for kind, href in cards}
    restricted = {
        p.stem
        for p in (REPO / "content/e-laering").glob("*.md")
        if re.search(r"^regions:", p.read_text(encoding="utf-8"), re.M) and "innlandet" not in p.read_text()
    }
    assert {name for kind, name in listed if kind == "e-laering"} == courses - restricted
    assert {name for kind, name in listed if kind == "film"} == films
    assert {name for kind, name in listed if kind == "podkast"} == set(SERIES)
    assert 'data-kb-facet="type"' in page and 'data-kb-facet="topic"' in page
    # Filters list topics and professions in mkdocs.yml's order, as editors wrote the lists.
    settings = load_settings(REPO / "mkdocs.yml")
    for facet, vocabulary in (
        ("topic", list(settings.topics.names())),
        ("profession", list(settings.professions)),
    ):
        block = re.search(rf'data-kb-facet="{facet}"[^>]*>(.*?)</div>', page, re.S)
        assert block is not None, facet
        shown = re.findall(r'data-kb-value="([^"]+)"', block.group(1))
        assert shown and shown == [name for name in vocabulary if name in shown], (facet, shown)
    assert "<h1" in page and "Læringsressurser" in page


def test_a_film_here_plays_with_captions_and_a_hosted_film_is_a_link(built_site: Path) -> None:
    for page in (built_site / "ahus/film").glob("*/index.html"):
        text = page.read_text(encoding="utf-8")
        if "<video" in text:
            assert re.search(r'<video[^>]* controls preload="none"', text)
            track = re.search(r'<track kind="captions" src="([^"]+)"', text)
            assert track and (page.parent / track.group(1)).resolve().is_file()
            assert (page.parent / track.group(1)).read_text(encoding="utf-8").startswith("WEBVTT")
        else:
            assert "<iframe" not in text
            assert re.search(r'<a class="kb-film__link" href="https://', text)
            assert "(annet nettsted)" in text


def test_episode_pages_have_audio_transcript_and_neighbours(built_site: Path) -> None:
    series = SERIES[0]
    pages = sorted((built_site / "vestfold/podkast" / series).glob("*/index.html"))
    assert len(pages) == 4
    for page in pages:
        text = page.read_text(encoding="utf-8")
        audio = re.search(r'<audio[^>]* controls preload="none" src="([^"]+)"', text)
        assert audio and (page.parent / audio.group(1)).resolve().is_file()
        assert 'id="transkripsjon"' in text
        assert "Sesong " in text and "episode" in text
        assert 'class="kb-episodes"' in text and 'id="abonner"' in text
        assert f"<code>{SITE_URL}vestfold/podkast/{series}/feed.xml</code>" in text  # this region's feed
        assert "Forrige episode" in text or "Neste episode" in text
        assert text.count('type="application/ld+json"') >= 1
        ld = re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
        assert any(json.loads(block).get("@type") == "PodcastEpisode" for block in ld)
        assert "kb:region-url" not in text


def test_series_page_has_the_subscribe_block_with_the_absolute_feed(built_site: Path) -> None:
    text = (built_site / "ostfold/podkast" / SERIES[0] / "index.html").read_text(encoding="utf-8")
    assert 'id="abonner"' in text
    assert f"{SITE_URL}ostfold/podkast/{SERIES[0]}/feed.xml" in text
    assert f'href="podcast://kompetansebroen.example/ostfold/podkast/{SERIES[0]}/feed.xml"' in text


def test_search_index_holds_learning_resources(built_site: Path) -> None:
    locations = {page["location"] for page in indexed_pages(built_site / "ahus")}
    assert "laering/" in locations
    assert any(loc.startswith("e-laering/") and loc != "e-laering/" for loc in locations)
    assert any(loc.startswith("film/") and loc != "film/" for loc in locations)
    assert any(loc.startswith(f"podkast/{SERIES[0]}/") and loc.count("/") == 3 for loc in locations)


def test_home_hubs_and_topic_pages_show_learning_resources(built_site: Path) -> None:
    home = (built_site / "ahus/index.html").read_text(encoding="utf-8")
    assert "Nye læringsressurser" in home and 'class="kb-card' in home
    topic_pages = [p.read_text(encoding="utf-8") for p in (built_site / "ahus/tema").glob("*/index.html")]
    assert any('class="kb-card kb-card--e-laering"' in page for page in topic_pages)
    assert any('class="kb-card kb-card--podkast"' in page for page in topic_pages)


def test_an_edited_series_or_mp3_gives_the_site_a_cold_build_gives(
    tmp_path: Path, cold_builds: ColdBuilds
) -> None:
    """serie.yml and the MP3s are not pages, yet lists, episode pages and feeds show what is in them."""
    repo = cold_builds.copy(tmp_path / "repo")
    series = repo / "content/podkast" / SERIES[0] / "serie.yml"
    series.write_text(
        series.read_text(encoding="utf-8")
        .replace("title:", 'title: "Ny tittel"\nold_title:', 1)
        .replace("\nold_title:", "\n# var:", 1),
        encoding="utf-8",
    )
    mp3 = sorted(series.parent.glob("*.mp3"))[0]
    mp3.write_bytes(mp3.read_bytes() + mp3.read_bytes())  # twice as long: a new length and duration

    result = run_build(repo, repo / "site")

    assert result.returncode == 0, result.stderr
    site = tree_of(repo / "site")
    assert site == cold_builds.tree(repo)
    episode_page = next((repo / "site/ahus/podkast" / SERIES[0]).glob("*/index.html")).read_text(
        encoding="utf-8"
    )
    assert "Alle episoder av Ny tittel" in episode_page
