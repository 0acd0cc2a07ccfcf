"""The rules that open a learning resource's files, against media generated at test time."""

from __future__ import annotations

from pathlib import Path

import pytest
from kompetansebroen.frontmatter.fields import FoundProblem
from kompetansebroen.frontmatter.media_checks import (
    beside,
    episode_media,
    film_media_problems,
    series_media_problems,
)
from learning_media import make_image, make_mp3, make_mp4, make_webvtt

FILM_LINES = {"video": 5, "captions": 6, "poster": 7}
EPISODE_LINES = {"audio": 6, "transcript": 7}


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder with a valid film, episode and cover, made once for the module."""
    folder = tmp_path_factory.mktemp("media")
    make_mp4(folder / "hlr.mp4")
    make_webvtt(folder / "hlr.vtt")
    make_image(folder / "hlr.jpg", 1920, 1080)
    make_mp3(folder / "ep3.mp3", seconds=2)
    (folder / "ep3.txt").write_text("Kari: Hei.\n", encoding="utf-8")
    make_image(folder / "omslag.png", 3000, 3000, "PNG")
    return folder


def locate_in(folder: Path):
    return beside(folder / "side.md")


def test_a_valid_film_has_no_problems(media: Path) -> None:
    values = {"video": "hlr.mp4", "captions": "hlr.vtt", "poster": "hlr.jpg"}
    assert film_media_problems(values, FILM_LINES, locate_in(media)) == []
    assert film_media_problems({"poster": "hlr.jpg"}, {"poster": 7}, locate_in(media)) == []


def test_missing_files_are_named(media: Path) -> None:
    values = {"video": "borte.mp4", "captions": "borte.vtt", "poster": "borte.jpg"}
    assert film_media_problems(values, FILM_LINES, locate_in(media)) == [
        FoundProblem(
            5, "video", "filen «borte.mp4» finnes ikke; legg den i samme mappe som siden, eller rett navnet"
        ),
        FoundProblem(
            6,
            "captions",
            "filen «borte.vtt» finnes ikke; legg den i samme mappe som siden, eller rett navnet",
        ),
        FoundProblem(
            7, "poster", "filen «borte.jpg» finnes ikke; legg den i samme mappe som siden, eller rett navnet"
        ),
    ]


def test_files_that_are_not_what_their_names_say(tmp_path: Path) -> None:
    make_mp3(tmp_path / "lyd.mp3")
    (tmp_path / "falsk.mp4").write_bytes((tmp_path / "lyd.mp3").read_bytes())
    (tmp_path / "tekst.vtt").write_text("1\n00:00:00,000 --> 00:00:02,000\nHei\n", encoding="utf-8")
    (tmp_path / "bilde.jpg").write_text("ikke et bilde", encoding="utf-8")
    values = {"video": "falsk.mp4", "captions": "tekst.vtt", "poster": "bilde.jpg"}
    assert film_media_problems(values, FILM_LINES, locate_in(tmp_path)) == [
        FoundProblem(5, "video", "«falsk.mp4»: filen er ikke en MP4-fil; lagre filmen som MP4 (H.264)"),
        FoundProblem(
            6,
            "captions",
            "«tekst.vtt» er ikke en WebVTT-fil (den første linjen må være WEBVTT); lagre tekstingen som WebVTT",
        ),
        FoundProblem(
            7,
            "poster",
            "«bilde.jpg»: filen er ikke et bilde Pillow kjenner igjen; bruk et JPEG- eller PNG-bilde",
        ),
    ]


@pytest.mark.parametrize(
    ("size", "image_format", "name", "message"),
    [
        (
            (1000, 1000),
            "JPEG",
            "p.jpg",
            "bildet er 1000 × 1000 px; et plakatbilde må ha formatet 16:9 som filmen, f.eks. 1920 × 1080 px",
        ),
        (
            (1024, 576),
            "JPEG",
            "p.jpg",
            "bildet er 1024 × 576 px; et plakatbilde må være minst 1280 × 720 px, f.eks. 1920 × 1080 px",
        ),
        ((1280, 720), "GIF", "p.gif", "«p.gif» er et GIF-bilde; lagre det som JPEG eller PNG eller WEBP"),
        (
            (1280, 720),
            "PNG",
            "p.jpg",
            "«p.jpg» er et PNG-bilde, men filnavnet sier noe annet; gi filen endelsen .png (og skriv det nye navnet her)",
        ),
    ],
)
def test_poster_size_shape_and_format(
    tmp_path: Path, size, image_format: str, name: str, message: str
) -> None:
    make_image(tmp_path / name, *size, image_format=image_format)
    assert film_media_problems({"poster": name}, {"poster": 7}, locate_in(tmp_path)) == [
        FoundProblem(7, "poster", message)
    ]


def test_a_poster_one_pixel_off_16_9_is_accepted(tmp_path: Path) -> None:
    make_image(tmp_path / "p.png", 1366, 768, "PNG")  # 1366 × 9 / 16 = 768.4
    assert film_media_problems({"poster": "p.png"}, {"poster": 7}, locate_in(tmp_path)) == []


def test_an_episode_reads_its_mp3_and_checks_its_transcript_file(media: Path) -> None:
    facts, problems = episode_media(
        {"audio": "ep3.mp3", "transcript": "ep3.txt"}, EPISODE_LINES, locate_in(media)
    )
    assert problems == []
    assert facts is not None
    assert facts.byte_length == (media / "ep3.mp3").stat().st_size
    assert facts.duration_seconds == 2
    assert episode_media({"audio_url": "https://x.example/a.mp3"}, {}, locate_in(media)) == (None, [])


def test_episode_file_problems(tmp_path: Path) -> None:
    make_image(tmp_path / "ep.mp3", 10, 10)
    (tmp_path / "tom.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("Kari: Hei på deg".encode("latin-1"))
    facts, problems = episode_media(
        {"audio": "ep.mp3", "transcript": "tom.txt"}, EPISODE_LINES, locate_in(tmp_path)
    )
    assert facts is None
    assert problems == [
        FoundProblem(
            6, "audio", "«ep.mp3»: filen er ikke en MP3-fil (fant ingen MP3-lyd i den); lagre lyden som MP3"
        ),
        FoundProblem(7, "transcript", "«tom.txt» er tom; skriv transkripsjonen i filen"),
    ]
    _, problems = episode_media({"transcript": "latin.txt"}, EPISODE_LINES, locate_in(tmp_path))
    assert problems == [
        FoundProblem(
            7,
            "transcript",
            "«latin.txt» er ikke UTF-8; lagre den som UTF-8 (i de fleste redigeringsprogram: «Lagre som» → UTF-8)",
        )
    ]
    _, problems = episode_media({"audio": "borte.mp3"}, EPISODE_LINES, locate_in(tmp_path))
    assert problems == [
        FoundProblem(
            6, "audio", "filen «borte.mp3» finnes ikke; legg den i samme mappe som siden, eller rett navnet"
        )
    ]


def test_a_valid_cover(media: Path) -> None:
    assert series_media_problems({"image": "omslag.png"}, {"image": 3}, locate_in(media)) == []


@pytest.mark.parametrize(
    ("size", "image_format", "mode", "name", "message"),
    [
        (
            (1400, 1500),
            "JPEG",
            "RGB",
            "c.jpg",
            "bildet er 1400 × 1500 px; et omslagsbilde for podkast må være kvadratisk, 1400–3000 px på hver side, f.eks. 3000 × 3000 px",
        ),
        (
            (1200, 1200),
            "JPEG",
            "RGB",
            "c.jpg",
            "bildet er 1200 × 1200 px; Apple krever 1400–3000 px på hver side, så lag en versjon på f.eks. 3000 × 3000 px",
        ),
        (
            (3001, 3001),
            "PNG",
            "RGB",
            "c.png",
            "bildet er 3001 × 3001 px; Apple krever 1400–3000 px på hver side, så lag en versjon på f.eks. 3000 × 3000 px",
        ),
        (
            (1400, 1400),
            "JPEG",
            "CMYK",
            "c.jpg",
            "bildet er lagret i fargerommet CMYK; Apple krever RGB, så lagre det som RGB",
        ),
        ((1400, 1400), "WEBP", "RGB", "c.webp", "«c.webp» er et WEBP-bilde; lagre det som JPEG eller PNG"),
    ],
)
def test_cover_rules_quote_the_measured_size(
    tmp_path: Path, size, image_format: str, mode: str, name: str, message: str
) -> None:
    make_image(tmp_path / name, *size, image_format=image_format, mode=mode)
    assert series_media_problems({"image": name}, {"image": 3}, locate_in(tmp_path)) == [
        FoundProblem(3, "image", message)
    ]


def test_the_smallest_and_largest_covers_are_accepted(tmp_path: Path) -> None:
    for side in (1400, 3000):
        make_image(tmp_path / f"c{side}.jpg", side, side)
        assert series_media_problems({"image": f"c{side}.jpg"}, {"image": 3}, locate_in(tmp_path)) == []
