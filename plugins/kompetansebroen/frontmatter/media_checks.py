"""The rules that open the files a learning resource names: that they exist and are what they claim to be.

A film's MP4, captions and poster, an episode's MP3 and transcript file, and
a series' cover art. Each problem is reported on the line of the field naming
the file, with the measured fact in the message («bildet er 1200 × 800 px»),
so the editor knows what to change without opening the file.

The rules take the valid values and field lines of a schema reading, and a
``Locate``: the function that finds a file named relative to the page (or
``serie.yml``), so the caller decides where files are looked for — beside the
source file (:func:`beside`), or in a region's merged view.

Why these rules
    Apple and Spotify refuse cover art that is not square, between 1400 and
    3000 px, JPEG or PNG, in RGB. A film's poster is shown at 16:9 on the page
    and in search results; below 1280 × 720 px it is blurred on a large
    screen. Captions must be WebVTT, the one format the ``<track>`` element
    plays, and a WebVTT file starts with ``WEBVTT``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from .. import messages
from ..model.media import (
    AudioFacts,
    ImageFacts,
    MediaError,
    read_audio,
    read_image,
    read_video,
    starts_as_webvtt,
)
from .fields import FoundProblem

Locate = Callable[[str], Path | None]
"""A file named relative to the page (``film.mp4``) → its path on disk, or None when there is no such file."""

COVER_MIN = 1400
COVER_MAX = 3000
COVER_FORMATS = ("JPEG", "PNG")
POSTER_MIN_WIDTH = 1280
POSTER_MIN_HEIGHT = 720
POSTER_FORMATS = ("JPEG", "PNG", "WEBP")
FORMAT_EXTENSIONS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}


def beside(source_file: Path) -> Locate:
    """Files named relative to ``source_file`` (a page or ``serie.yml``), looked for in its folder."""

    def locate(name: str) -> Path | None:
        candidate = source_file.parent / name
        return candidate if candidate.is_file() or _linked(candidate, name) else None

    return locate


def _linked(path: Path, name: str) -> bool:
    """Whether the file, or a folder of ``name`` on the way to it, is a symbolic link.

    The tree scan refuses every symbolic link with its own message; reading through one here would
    give a second message for the same mistake, and open a file outside the repository.
    """
    depth = len(PurePosixPath(name).parts)
    return any(each.is_symlink() for each in [path, *path.parents][:depth])


def _missing(name: str, field: str, line: int) -> FoundProblem:
    return FoundProblem(
        line,
        field,
        messages.named_file_missing(name),
    )


def _found(
    values: Mapping[str, Any], lines: Mapping[str, int], field: str, locate: Locate
) -> Path | FoundProblem | None:
    """The file ``field`` names, a problem when it is missing, or None when the field is not given (or the
    file is a symbolic link, which the tree scan reports)."""
    name = values.get(field)
    if name is None:
        return None
    path = locate(name)
    if path is None:
        return _missing(name, field, lines[field])
    return None if _linked(path, name) else path


def _extension_matches(name: str, facts: ImageFacts) -> bool:
    return name.lower().endswith(FORMAT_EXTENSIONS.get(facts.format, ()))


def _format_problem(name: str, facts: ImageFacts, formats: tuple[str, ...]) -> str | None:
    """The message when the image is in the wrong format, or its name says another format than it has."""
    if facts.format not in formats:
        return messages.image_wrong_format(name, facts.format, formats)
    if not _extension_matches(name, facts):
        right = FORMAT_EXTENSIONS[facts.format][0]
        return messages.image_name_says_other_format(name, facts.format, right)
    return None


def cover_image_problem(name: str, facts: ImageFacts) -> str | None:
    """Why a podcast cover cannot be used (Apple's rules), or None: square, 1400–3000 px, JPEG or PNG, RGB."""
    if problem := _format_problem(name, facts, COVER_FORMATS):
        return problem
    if facts.width != facts.height:
        return messages.cover_not_square(facts.size_text, COVER_MIN, COVER_MAX)
    if not COVER_MIN <= facts.width <= COVER_MAX:
        return messages.cover_wrong_size(facts.size_text, COVER_MIN, COVER_MAX)
    if facts.mode == "CMYK":
        return messages.COVER_CMYK
    return None


def poster_problem(name: str, facts: ImageFacts) -> str | None:
    """Why a film poster cannot be used, or None: JPEG, PNG or WebP, 16:9, at least 1280 × 720 px."""
    if problem := _format_problem(name, facts, POSTER_FORMATS):
        return problem
    if abs(facts.height - round(facts.width * 9 / 16)) > 1:
        return messages.poster_not_16_9(facts.size_text)
    if facts.width < POSTER_MIN_WIDTH:
        return messages.poster_too_small(facts.size_text, POSTER_MIN_WIDTH, POSTER_MIN_HEIGHT)
    return None


def _image_problems(
    values: Mapping[str, Any],
    lines: Mapping[str, int],
    field: str,
    locate: Locate,
    rule: Callable[[str, ImageFacts], str | None],
) -> list[FoundProblem]:
    found = _found(values, lines, field, locate)
    if found is None:
        return []
    if isinstance(found, FoundProblem):
        return [found]
    try:
        facts = read_image(found)
    except MediaError as error:
        return [FoundProblem(lines[field], field, messages.image_unreadable(values[field], error.reason))]
    problem = rule(values[field], facts)
    return [FoundProblem(lines[field], field, problem)] if problem else []


def film_media_problems(
    values: Mapping[str, Any], lines: Mapping[str, int], locate: Locate
) -> list[FoundProblem]:
    """A film's MP4 is an MP4, its captions are WebVTT, its poster is a 16:9 image; every named file exists."""
    problems: list[FoundProblem] = []
    video = _found(values, lines, "video", locate)
    if isinstance(video, FoundProblem):
        problems.append(video)
    elif video is not None:
        try:
            read_video(video)
        except MediaError as error:
            problems.append(
                FoundProblem(
                    lines["video"],
                    "video",
                    messages.video_unreadable(values["video"], error.reason),
                )
            )
    captions = _found(values, lines, "captions", locate)
    if isinstance(captions, FoundProblem):
        problems.append(captions)
    elif captions is not None and not starts_as_webvtt(captions):
        problems.append(
            FoundProblem(
                lines["captions"],
                "captions",
                messages.captions_not_webvtt(values["captions"]),
            )
        )
    problems += _image_problems(values, lines, "poster", locate, poster_problem)
    return problems


def episode_media(
    values: Mapping[str, Any], lines: Mapping[str, int], locate: Locate
) -> tuple[AudioFacts | None, list[FoundProblem]]:
    """An episode's MP3 (its facts, for the feed) and transcript file; the problems with either.

    The facts are None when the episode has no local MP3 or it cannot be read.
    """
    problems: list[FoundProblem] = []
    facts: AudioFacts | None = None
    audio = _found(values, lines, "audio", locate)
    if isinstance(audio, FoundProblem):
        problems.append(audio)
    elif audio is not None:
        try:
            facts = read_audio(audio)
        except MediaError as error:
            problems.append(
                FoundProblem(
                    lines["audio"], "audio", messages.audio_unreadable(values["audio"], error.reason)
                )
            )
    transcript = _found(values, lines, "transcript", locate)
    if isinstance(transcript, FoundProblem):
        problems.append(transcript)
    elif transcript is not None and (problem := _transcript_file_problem(values["transcript"], transcript)):
        problems.append(FoundProblem(lines["transcript"], "transcript", problem))
    return facts, problems


def _transcript_file_problem(name: str, path: Path) -> str | None:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return messages.not_utf8(messages.quoted(name))
    if not text.strip():
        return messages.transcript_file_empty(name)
    return None


def series_media_problems(
    values: Mapping[str, Any], lines: Mapping[str, int], locate: Locate
) -> list[FoundProblem]:
    """A series' cover art exists and is what Apple accepts."""
    return _image_problems(values, lines, "image", locate, cover_image_problem)


__all__ = [
    "Locate",
    "beside",
    "cover_image_problem",
    "episode_media",
    "film_media_problems",
    "poster_problem",
    "series_media_problems",
]
