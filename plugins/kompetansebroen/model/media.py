"""What a media file beside a page is: an MP3's length in bytes and seconds, an image's size and format.

Podcast apps need an episode's exact byte length and duration, and Apple
refuses cover art of the wrong size or shape; reading them from the files
means editors never type (or mistype) them. ``mutagen`` reads audio headers
and ``Pillow`` reads image headers; neither decodes the whole file, so a
check costs a few milliseconds per file.

``mutagen`` and ``Pillow`` are imported by the readers themselves, so a build
without learning resources does not pay for loading them (about 50 ms).

Each reader returns the facts, or raises :class:`MediaError` with a short
Norwegian reason the rules in ``frontmatter/media_checks.py`` put into the
editor's message.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

WEBVTT_SIGNATURE = "WEBVTT"


class MediaError(Exception):
    """A file is not what its name says, or cannot be read; ``reason`` is Norwegian, for the editor."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class AudioFacts:
    """An MP3 file as a feed's ``enclosure`` and ``itunes:duration`` need it."""

    byte_length: int
    duration_seconds: int
    """Whole seconds, rounded; at least 1 for any audio at all."""


@dataclass(frozen=True)
class VideoFacts:
    """An MP4 file: its size and how long it plays."""

    byte_length: int
    duration_seconds: int


@dataclass(frozen=True)
class ImageFacts:
    """An image's pixel size and format as Pillow names it (``JPEG``, ``PNG``, ``WEBP``)."""

    width: int
    height: int
    format: str
    mode: str
    """Pillow's colour mode: ``RGB``, ``RGBA``, ``L``, ``P``, ``CMYK`` …"""

    @property
    def size_text(self) -> str:
        """«1200 × 800 px», the way messages quote a measured size."""
        return f"{self.width} × {self.height} px"


def _whole_seconds(length: float) -> int:
    """A playing time in whole seconds: rounded, but never 0 for a file that plays at all."""
    if length <= 0:
        return 0
    return max(1, math.floor(length + 0.5))


def read_audio(path: Path) -> AudioFacts:
    """The byte length and duration of the MP3 at ``path``."""
    import mutagen
    import mutagen.mp3

    try:
        audio = mutagen.mp3.MP3(path)
    except mutagen.mp3.HeaderNotFoundError:
        raise MediaError("filen er ikke en MP3-fil (fant ingen MP3-lyd i den)") from None
    except mutagen.MutagenError as error:
        raise MediaError(f"filen kan ikke leses som MP3 ({error})") from None
    length = getattr(audio.info, "length", 0.0) or 0.0
    if length <= 0:
        raise MediaError("MP3-filen har ingen lyd (varighet 0 sekunder)")
    return AudioFacts(path.stat().st_size, _whole_seconds(length))


def read_video(path: Path) -> VideoFacts:
    """The byte length and duration of the MP4 video at ``path``."""
    import mutagen
    import mutagen.mp4

    try:
        video = mutagen.mp4.MP4(path)
    except mutagen.MutagenError:
        raise MediaError("filen er ikke en MP4-fil") from None
    length = getattr(video.info, "length", 0.0) or 0.0
    return VideoFacts(path.stat().st_size, _whole_seconds(length))


def read_image(path: Path) -> ImageFacts:
    """The size, format and colour mode of the image at ``path`` (from its header, not decoded)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as image:
            return ImageFacts(image.width, image.height, image.format or "", image.mode)
    except UnidentifiedImageError:
        raise MediaError("filen er ikke et bilde Pillow kjenner igjen") from None
    except OSError as error:
        raise MediaError(f"bildet kan ikke leses ({error})") from None


def starts_as_webvtt(path: Path) -> bool:
    """Whether the file begins with ``WEBVTT`` (after an optional byte order mark), as the format requires.

    The signature must be followed by a space, a tab or the end of the line:
    ``WEBVTTX`` is not WebVTT.
    """
    with path.open("rb") as handle:
        head = handle.read(64)
    text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    if not text.startswith(WEBVTT_SIGNATURE):
        return False
    rest = text[len(WEBVTT_SIGNATURE) :]
    return rest == "" or rest[0] in " \t\r\n"
