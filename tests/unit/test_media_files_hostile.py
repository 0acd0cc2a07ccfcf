"""Media readers on files that lie about themselves or were cut short (the outcomes decided for each).

Refused: an MP4 whose boxes end past the end of the file, an image that stops
before its last pixel, and any image whose header claims more than
MAX_IMAGE_PIXELS (decoded never), and an MP3 whose header says it plays much
longer than its bytes hold (the feed would promise more than there is).
Accepted: WebVTT whose cue text looks like HTML (``<track>`` shows cue text as text;
nothing in it runs).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from kompetansebroen.model.media import (
    MAX_IMAGE_PIXELS,
    MediaError,
    read_audio,
    read_image,
    read_video,
    starts_as_webvtt,
)
from learning_media import make_image, make_mp3, make_mp4

from tests.support.images import png_claiming


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("media")
    make_mp4(folder / "film.mp4", seconds=2)
    make_mp3(folder / "lyd.mp3", seconds=3)
    make_image(folder / "plakat.jpg", 1280, 720)
    make_image(folder / "plakat.png", 1280, 720, "PNG")
    return folder


def cut(source: Path, target: Path, part: float) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[: int(len(data) * part)])
    return target


def test_a_whole_mp4_is_read_and_one_cut_anywhere_is_refused(media: Path, tmp_path: Path) -> None:
    assert read_video(media / "film.mp4").duration_seconds == 2
    for part in (0.2, 0.5, 0.9, 0.999):
        with pytest.raises(MediaError, match="filen er avkortet|filen er ikke en MP4-fil"):
            read_video(cut(media / "film.mp4", tmp_path / f"kort-{part}.mp4", part))


def test_an_mp4_with_bytes_after_its_last_box_is_refused_too(media: Path, tmp_path: Path) -> None:
    padded = tmp_path / "lang.mp4"
    padded.write_bytes((media / "film.mp4").read_bytes() + b"<script>alert(1)</script>")
    with pytest.raises(MediaError):
        read_video(padded)


@pytest.mark.parametrize("name", ["plakat.jpg", "plakat.png"])
def test_an_image_cut_short_is_refused(media: Path, tmp_path: Path, name: str) -> None:
    assert read_image(media / name).width == 1280
    with pytest.raises(MediaError, match="bildet er avkortet eller ødelagt"):
        read_image(cut(media / name, tmp_path / name, 0.6))


@pytest.mark.parametrize(
    ("width", "height", "said"),
    [
        (100_000, 100_000, "over 179 millioner piksler"),
        (16_000, 9_000, "bildet er 16000 × 9000 px, større enn noen skjerm viser"),
        (8_434, 4_744, "bildet er 8434 × 4744 px"),
    ],
)
def test_an_image_claiming_a_size_beyond_any_screen_is_refused_from_its_header(
    tmp_path: Path, width: int, height: int, said: str
) -> None:
    assert width * height > MAX_IMAGE_PIXELS
    path = tmp_path / "stor.png"
    path.write_bytes(png_claiming(width, height))
    with pytest.raises(MediaError, match=said):
        read_image(path)


def test_an_mp3_cut_short_is_refused_when_its_header_says_it_plays_longer(
    media: Path, tmp_path: Path
) -> None:
    whole = read_audio(media / "lyd.mp3")
    assert (whole.byte_length, whole.duration_seconds) == ((media / "lyd.mp3").stat().st_size, 3)
    with pytest.raises(MediaError, match="filen er avkortet: den sier at lyden varer 3 sekunder"):
        read_audio(cut(media / "lyd.mp3", tmp_path / "kort.mp3", 0.5))


def test_the_samples_mp3s_are_whole() -> None:
    sample = Path(__file__).resolve().parents[2] / "content/podkast/over-broen"
    mp3s = sorted(sample.glob("*.mp3"))
    assert mp3s
    for path in mp3s:
        assert read_audio(path).byte_length == path.stat().st_size


def test_html_is_not_webvtt_but_webvtt_whose_cues_look_like_html_is(tmp_path: Path) -> None:
    html = tmp_path / "side.vtt"
    html.write_bytes(b"<!doctype html><script>alert(1)</script>")
    assert not starts_as_webvtt(html)
    cue = tmp_path / "tekst.vtt"
    cue.write_bytes(b"WEBVTT\n\n00:00.000 --> 00:02.000\n<script>alert(1)</script>\n")
    assert starts_as_webvtt(cue)
