"""Media files a hostile or careless editor names: each refused with one message, in the build and the check.

A film's ``video``, ``captions`` and ``poster`` and an episode's ``audio`` and
``transcript`` that are not what their names say (HTML as captions, HTML or
SVG as MP4, a zip as MP3), that are cut short, that claim a size no screen
has (a decompression bomb crashed the check before), that point out of the
page's folder (``..``, ``/…``), or that are symbolic links (one message, at
the link; the file behind it is never opened). All cases go into one copy of
the learning fixture, so one build and one check prove them all.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from pathlib import Path

from tests.support.builds import build_and_check
from tests.support.images import png_claiming

from .conftest import GoodBuild
from .test_bad_inputs import BadInput, assert_reports, assert_site_untouched
from .test_learning_inputs import EPISODE, FILM, good, repo  # noqa: F401  (the learning fixture)

FILMS = "content/film"
SERIES = "content/podkast/over-broen"


def zip_bytes() -> bytes:
    archive_bytes = io.BytesIO()
    with zipfile.ZipFile(archive_bytes, "w") as archive:
        archive.writestr("lyd.txt", bytes(range(256)) * 800)
    return archive_bytes.getvalue()


def film(
    name: str, field: str, value: str, file: bytes | Callable[[Path], object] | None = None
) -> Callable[[Path], None]:
    """A new film page like the sample's, naming ``value`` in ``field``; ``file`` is written at that name."""
    old = {"video": "isbar.mp4", "captions": "isbar.vtt", "poster": "isbar.jpg"}[field]

    def mutate(root: Path) -> None:
        text = (root / FILM).read_text(encoding="utf-8")
        (root / FILMS / f"{name}.md").write_text(
            text.replace(f"{field}: {old}", f"{field}: {value}"), encoding="utf-8"
        )
        if isinstance(file, bytes):
            (root / FILMS / value).write_bytes(file)
        elif file is not None:
            file(root / FILMS / value)

    return mutate


EPISODE_NUMBERS = iter(range(50, 100))


def episode(
    name: str, field: str, value: str, file: bytes | Callable[[Path], object] | None = None
) -> Callable[[Path], None]:
    """A new episode like the sample's (its own number), naming ``value`` in ``field`` (audio or transcript)."""
    number = next(EPISODE_NUMBERS)

    def mutate(root: Path) -> None:
        text = (root / EPISODE).read_text(encoding="utf-8").replace("episode: 2", f"episode: {number}")
        if field == "audio":
            text = text.replace("audio: s1e2-utskrivning.mp3", f"audio: {value}")
        else:
            text = text[: text.index("## Transkripsjon")].replace("audio:", f"transcript: {value}\naudio:", 1)
        (root / SERIES / f"{name}.md").write_text(text, encoding="utf-8")
        if isinstance(file, bytes):
            (root / SERIES / value).write_bytes(file)
        elif file is not None:
            file(root / SERIES / value)

    return mutate


def cut(source: str, part: float) -> Callable[[Path], None]:
    """Write the first ``part`` of the sample's ``source`` file (relative to the film folder)."""

    def write(target: Path) -> None:
        data = (target.parent / source).read_bytes()
        target.write_bytes(data[: int(len(data) * part)])

    return write


def link_to(target: str) -> Callable[[Path], None]:
    return lambda path: os.symlink(target, path)


def linked_folder(path: Path) -> None:
    path.parent.parent.mkdir(parents=True, exist_ok=True)
    os.symlink("/usr/share", path.parent)


HTML = b"<!doctype html><title>x</title><script>alert(1)</script>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
NOT_MP4 = "filen er ikke en MP4-fil; lagre filmen som MP4"
OUT_OF_FOLDER = "peker ut av mappen med .."
FROM_ROOT = "begynner med /"


def f(name: str) -> str:
    return f"{FILMS}/{name}.md"


def e(name: str) -> str:
    return f"{SERIES}/{name}.md"


CASES = [
    BadInput("captions-that-are-html", film("vtt-html", "captions", "vtt-html.vtt", HTML),
             f("vtt-html"), "captions", "er ikke en WebVTT-fil"),
    BadInput("video-that-is-html", film("mp4-html", "video", "mp4-html.mp4", HTML), f("mp4-html"), "video", NOT_MP4),
    BadInput("video-that-is-svg", film("mp4-svg", "video", "mp4-svg.mp4", SVG), f("mp4-svg"), "video", NOT_MP4),
    BadInput("video-cut-short", film("mp4-kort", "video", "mp4-kort.mp4", cut("isbar.mp4", 0.4)),
             f("mp4-kort"), "video", "filen er avkortet"),
    BadInput("poster-claiming-100000-px", film("plakat-bombe", "poster", "plakat-bombe.png", png_claiming(100_000, 100_000)),
             f("plakat-bombe"), "poster", "over 179 millioner piksler"),
    BadInput("poster-16-9-beyond-any-screen", film("plakat-stor", "poster", "plakat-stor.png", png_claiming(16_000, 9_000)),
             f("plakat-stor"), "poster", "bildet er 16000 × 9000 px, større enn noen skjerm viser"),
    BadInput("poster-cut-short", film("plakat-kort", "poster", "plakat-kort.jpg", cut("isbar.jpg", 0.3)),
             f("plakat-kort"), "poster", "bildet er avkortet eller ødelagt"),
    BadInput("video-out-of-the-folder", film("opp-video", "video", "../podkast/isbar.mp4"),
             f("opp-video"), "video", OUT_OF_FOLDER),
    BadInput("captions-from-the-root", film("rot-tekst", "captions", "/etc/isbar.vtt"),
             f("rot-tekst"), "captions", FROM_ROOT),
    BadInput("poster-out-of-the-folder", film("opp-plakat", "poster", "bilder/../../isbar.jpg"),
             f("opp-plakat"), "poster", OUT_OF_FOLDER),
    BadInput("video-a-link-out-of-the-repository", film("lenke-ut", "video", "lenke-ut.mp4", link_to("/etc/hostname")),
             f"{FILMS}/lenke-ut.mp4", None, "er en symbolsk lenke som peker ut av repoet"),
    BadInput("poster-a-link-in-the-repository", film("lenke-inn", "poster", "lenke-inn.jpg", link_to("isbar.jpg")),
             f"{FILMS}/lenke-inn.jpg", None, "er en symbolsk lenke"),
    BadInput("captions-in-a-linked-folder", film("lenket-mappe", "captions", "delt/lenke/isbar.vtt", linked_folder),
             f"{FILMS}/delt/lenke", None, "er en symbolsk lenke som peker ut av repoet"),
    BadInput("audio-that-is-a-zip", episode("ep-zip", "audio", "ep-zip.mp3", zip_bytes()),
             e("ep-zip"), "audio", "er ikke en MP3-fil"),
    BadInput("audio-that-is-html", episode("ep-html", "audio", "ep-html.mp3", HTML * 50),
             e("ep-html"), "audio", "er ikke en MP3-fil"),
    BadInput("audio-out-of-the-folder", episode("ep-opp", "audio", "../over-broen/s1e2-utskrivning.mp3"),
             e("ep-opp"), "audio", OUT_OF_FOLDER),
    BadInput("transcript-from-the-root", episode("ep-rot", "transcript", "/etc/passwd.txt"),
             e("ep-rot"), "transcript", FROM_ROOT),
    BadInput("transcript-a-link-out-of-the-repository", episode("ep-lenke", "transcript", "hemmelig.txt", link_to("/etc/passwd")),
             f"{SERIES}/hemmelig.txt", None, "er en symbolsk lenke som peker ut av repoet"),
]  # fmt: skip


def test_hostile_media_are_one_message_each_in_one_run(repo: Path, good: GoodBuild) -> None:  # noqa: F811
    for bad in CASES:
        bad.mutate(repo)
    build, check = build_and_check(repo)
    for result in (build, check):
        for bad in CASES:
            assert_reports(result, bad.path, bad.field, bad.fragment)
        problems = [line for line in result.output.splitlines() if "content/" in line]
        assert len(problems) == len(CASES), "\n".join(problems)
        assert "Traceback" not in result.output and "Warning" not in result.output, result.output
    assert f"{len(CASES)} feil funnet" in check.output, check.output
    assert_site_untouched(repo, good)
