"""Learning resources as values: paths, the models made from front matter, transcripts, media facts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from kompetansebroen.content_types.registry import kind_of
from kompetansebroen.model.documents import Kind
from kompetansebroen.model.learning import (
    ELearning,
    Film,
    LearningType,
    PodcastEpisode,
    PodcastSeries,
    asset_path,
    clashing_episode_numbers,
    is_series_file,
    newest_first_key,
    series_slug_of,
    transcript_section,
)
from kompetansebroen.model.media import (
    AudioFacts,
    MediaError,
    read_audio,
    read_image,
    read_video,
    starts_as_webvtt,
)
from kompetansebroen.model.podcast_categories import APPLE_CATEGORIES, RETIRED_CATEGORIES, is_valid, parent_of
from learning_media import make_image, make_mp3, make_mp4, make_webvtt

from tests.support.timing import cpu_seconds

COURSE_META = {
    "title": "Demens i praksis",
    "description": "Et kurs om demens.",
    "provider": "KS Læring",
    "url": "https://kslaring.no/demens",
    "duration": 65,
}

EPISODE_META = {
    "title": "Samhandling på tvers",
    "description": "Om helsefellesskap.",
    "date": dt.date(2025, 3, 1),
    "season": 1,
    "episode": 2,
}


@pytest.mark.parametrize(
    ("path", "elearning", "film", "episode", "series"),
    [
        ("e-laering/demens.md", True, False, False, False),
        ("e-laering/index.md", False, False, False, False),
        ("e-laering/x/demens.md", False, False, False, False),
        ("film/hjertestans.md", False, True, False, False),
        ("film/index.md", False, False, False, False),
        ("podkast/samtaler/ep1.md", False, False, True, False),
        ("podkast/samtaler/index.md", False, False, False, False),
        ("podkast/samtaler/serie.yml", False, False, False, True),
        ("podkast/ep1.md", False, False, False, False),
        ("podkast/samtaler/del/ep1.md", False, False, False, False),
        ("artikler/demens.md", False, False, False, False),
    ],
)
def test_which_files_are_which_resource(
    path: str, elearning: bool, film: bool, episode: bool, series: bool
) -> None:
    # The registry decides a page's type by its path, for the loader and everything after it.
    assert (kind_of(path) is Kind.ELEARNING) is elearning
    assert (kind_of(path) is Kind.FILM) is film
    assert (kind_of(path) is Kind.EPISODE) is episode
    assert is_series_file(path) is series


def test_series_slug_and_asset_paths() -> None:
    assert series_slug_of("podkast/samtaler/ep1.md") == "samtaler"
    assert series_slug_of("podkast/samtaler/serie.yml") == "samtaler"
    with pytest.raises(ValueError):
        series_slug_of("film/x.md")
    assert asset_path("film/a.md", "a.mp4") == "film/a.mp4"
    assert asset_path("film/a.md", "media/a.vtt") == "film/media/a.vtt"
    assert asset_path("podkast/s/serie.yml", "omslag.jpg") == "podkast/s/omslag.jpg"


def test_learning_types_are_the_folders_with_labels() -> None:
    assert [(t.value, t.label) for t in LearningType] == [
        ("e-laering", "E-læring"),
        ("film", "Film"),
        ("podkast", "Podkast"),
    ]


def test_a_course_from_front_matter() -> None:
    meta = COURSE_META | {
        "audience": ("Sykepleiere",),
        "tags": ("Kompetanse",),
        "certificate": True,
        "updated": dt.date(2024, 5, 1),
        "price": "Gratis",
    }
    course = ELearning.from_meta("e-laering/demens.md", meta, origin="ahus")
    assert course.course_url == "https://kslaring.no/demens"
    assert course.url == "e-laering/demens/"
    assert course.duration_text == "1 t 5 min"
    assert course.certificate is True
    assert course.audience == ("Sykepleiere",)
    assert course.origin == "ahus"
    plain = ELearning.from_meta("e-laering/demens.md", COURSE_META)
    assert (plain.certificate, plain.updated, plain.price, plain.tags) == (False, None, None, ())


def test_a_film_is_a_local_video_with_captions_or_a_link() -> None:
    local = Film.from_meta(
        "film/hjertestans.md",
        {
            "title": "Hjertestans",
            "description": "Slik gjør du.",
            "date": dt.date(2024, 1, 2),
            "duration": 750,
            "video": "hjertestans.mp4",
            "captions": "hjertestans.vtt",
            "poster": "hjertestans.jpg",
            "poster_alt": "En hånd på et bryst",
        },
    )
    assert not local.hosted
    assert local.video_path == "film/hjertestans.mp4"
    assert local.captions_path == "film/hjertestans.vtt"
    assert local.poster_path == "film/hjertestans.jpg"
    assert local.duration_text == "13 min"
    hosted = Film(
        "film/x.md", "X", "Y", dt.date(2024, 1, 2), 60, "x.jpg", "Alt", video_url="https://video.example/x"
    )
    assert hosted.hosted and hosted.video_path is None
    with pytest.raises(ValueError, match="exactly one"):
        Film("film/x.md", "X", "Y", dt.date(2024, 1, 2), 60, "x.jpg", "Alt")
    with pytest.raises(ValueError, match="captions"):
        Film("film/x.md", "X", "Y", dt.date(2024, 1, 2), 60, "x.jpg", "Alt", video="x.mp4")


def test_a_series_names_its_files_and_owner() -> None:
    series = PodcastSeries.from_meta(
        "samtaler",
        {
            "title": "Samtaler",
            "description": "Om samhandling.",
            "image": "omslag.jpg",
            "author": "Sykehuset Innlandet",
            "owner_email": "podkast@example.org",
            "category": "Health & Fitness",
            "subcategory": "Medicine",
            "explicit": False,
        },
    )
    assert series.path == "podkast/samtaler/serie.yml"
    assert series.url == "podkast/samtaler/"
    assert series.feed_path == "podkast/samtaler/feed.xml"
    assert series.image_path == "podkast/samtaler/omslag.jpg"
    assert series.owner == "Sykehuset Innlandet"


def test_an_episode_takes_length_and_duration_from_its_mp3_or_its_front_matter() -> None:
    local = PodcastEpisode.from_meta(
        "podkast/samtaler/ep2.md", EPISODE_META | {"audio": "ep2.mp3"}, audio_facts=AudioFacts(12345, 61)
    )
    assert (local.audio_bytes, local.duration_seconds) == (12345, 61)
    assert local.audio_path == "podkast/samtaler/ep2.mp3"
    assert local.series_slug == "samtaler"
    assert local.url == "podkast/samtaler/ep2/"
    assert local.number_text == "Sesong 1, episode 2"
    remote = PodcastEpisode.from_meta(
        "podkast/samtaler/ep3.md",
        EPISODE_META | {"audio_url": "https://cdn.example/ep3.mp3", "audio_bytes": 999, "duration": 3723},
    )
    assert (remote.audio_bytes, remote.duration_seconds, remote.audio_path) == (999, 3723, None)
    assert remote.duration_text == "1 t 2 min"
    with pytest.raises(ValueError, match="read_audio"):
        PodcastEpisode.from_meta("podkast/samtaler/ep2.md", EPISODE_META | {"audio": "ep2.mp3"})


def test_newest_first_puts_undated_last_and_breaks_ties_by_title_and_path() -> None:
    keys = [
        newest_first_key(None, "A", "a"),
        newest_first_key(dt.date(2024, 1, 1), "b", "b"),
        newest_first_key(dt.date(2025, 1, 1), "c", "c"),
        newest_first_key(dt.date(2024, 1, 1), "B", "a"),
    ]
    assert sorted(keys) == [keys[2], keys[3], keys[1], keys[0]]


def test_transcript_section_finds_the_heading_and_its_text() -> None:
    body = "Intro.\n\n## Transkripsjon\n\nKari: Hei.\n\n### Del 2\n\nOla: Hallo.\n\n## Lenker\n\nMer."
    found = transcript_section(body)
    assert found is not None
    assert found.line == 3
    assert found.text == "Kari: Hei.\n\n### Del 2\n\nOla: Hallo."


def test_transcript_section_ignores_code_and_reports_an_empty_heading() -> None:
    assert transcript_section("```\n## Transkripsjon\n```\nTekst.") is None
    assert transcript_section("Ingen overskrift her.") is None
    empty = transcript_section("# Transkripsjon ##\n\n# Neste")
    assert empty is not None and empty.text == "" and empty.line == 1
    fenced = transcript_section("## transkripsjon\n\n```\n# ikke en overskrift\n```\n")
    assert fenced is not None and "ikke en overskrift" in fenced.text


def test_episodes_with_the_same_season_and_number_clash_within_a_series_only() -> None:
    def episode(path: str, season: int, number: int) -> PodcastEpisode:
        meta = EPISODE_META | {
            "season": season,
            "episode": number,
            "audio_url": "https://cdn.example/a.mp3",
            "audio_bytes": 1,
            "duration": 1,
        }
        return PodcastEpisode.from_meta(path, meta)

    a = episode("podkast/s/a.md", 1, 1)
    b = episode("podkast/s/b.md", 1, 1)
    other_series = episode("podkast/t/a.md", 1, 1)
    next_season = episode("podkast/s/c.md", 2, 1)
    assert clashing_episode_numbers([b, other_series, a, next_season]) == [(b, a)]


def test_apple_categories_are_the_2019_list() -> None:
    assert len(APPLE_CATEGORIES) == 19
    assert is_valid("Health & Fitness", "Medicine")
    assert is_valid("Technology")
    assert not is_valid("Health")
    assert not is_valid("Health & Fitness", "Physics")
    assert parent_of("Mental Health") == "Health & Fitness"
    assert parent_of("Health & Fitness") is None
    for old, (new, sub) in RETIRED_CATEGORIES.items():
        assert old not in APPLE_CATEGORIES and is_valid(new, sub)


def test_media_facts_from_generated_files(tmp_path: Path) -> None:
    mp3 = make_mp3(tmp_path / "a.mp3", seconds=2)
    facts = read_audio(mp3)
    assert facts.byte_length == mp3.stat().st_size
    assert facts.duration_seconds == 2
    mp4 = make_mp4(tmp_path / "a.mp4", seconds=2)
    video = read_video(mp4)
    assert (video.byte_length, video.duration_seconds) == (mp4.stat().st_size, 2)
    image = read_image(make_image(tmp_path / "a.png", 1500, 1400, "PNG"))
    assert (image.width, image.height, image.format, image.mode) == (1500, 1400, "PNG", "RGB")
    assert image.size_text == "1500 × 1400 px"


def test_media_readers_refuse_files_of_another_kind(tmp_path: Path) -> None:
    jpeg = make_image(tmp_path / "a.jpg", 10, 10)
    text = tmp_path / "a.txt"
    text.write_text("ikke lyd\n" * 100, encoding="utf-8")
    with pytest.raises(MediaError, match="MP3"):
        read_audio(text)
    with pytest.raises(MediaError, match="MP4"):
        read_video(jpeg)
    with pytest.raises(MediaError, match="ikke et bilde"):
        read_image(text)


def test_webvtt_signature(tmp_path: Path) -> None:
    assert starts_as_webvtt(make_webvtt(tmp_path / "a.vtt"))
    bom = tmp_path / "bom.vtt"
    bom.write_bytes(b"\xef\xbb\xbfWEBVTT - Undertekster\n\n")
    assert starts_as_webvtt(bom)
    srt = tmp_path / "a.srt.vtt"
    srt.write_text("1\n00:00:00,000 --> 00:00:02,000\nHei\n", encoding="utf-8")
    assert not starts_as_webvtt(srt)
    glued = tmp_path / "glued.vtt"
    glued.write_text("WEBVTTX\n", encoding="utf-8")
    assert not starts_as_webvtt(glued)


def test_finding_the_transcript_takes_linear_time() -> None:
    """A heading line of many blanks once took seconds (a lazy match before trailing blanks and #s)."""

    def seconds(blanks: int) -> float:
        body = "#" + " " * blanks + "x\n## Transkripsjon ##\nTekst\n"
        assert transcript_section(body) is not None
        return cpu_seconds(transcript_section, body)  # processor time: see support/timing.py

    small, large = seconds(20_000), seconds(200_000)
    assert large < 30 * max(small, 1e-4), (small, large)
