"""What a media file beside a page is: an MP3's length in bytes and seconds, an image's size and format.

Podcast apps need an episode's exact byte length and duration, and Apple
refuses cover art of the wrong size or shape; reading them from the files
means editors never type (or mistype) them. ``mutagen`` reads audio headers
and ``Pillow`` reads image headers; neither decodes the whole file, so a
check costs a few milliseconds per file. Two cheap reads more catch a file
that was cut short: an MP4's top-level boxes must fill the file exactly, an
MP3 may not say it plays much longer than its bytes hold, and an image is decoded (a JPEG at an eighth of its size), which fails at the
cut. Images larger than any screen (over MAX_IMAGE_PIXELS) are refused from
their header, before anything is decoded.

``mutagen`` and ``Pillow`` are imported by the readers themselves, so a build
without learning resources does not pay for loading them (about 50 ms).

Each reader returns the facts, or raises :class:`MediaError` with a short
Norwegian reason the rules in ``frontmatter/media_checks.py`` put into the
editor's message.
"""

from __future__ import annotations

import functools
import math
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from .. import messages
from ..carry_over import CarryOver

WEBVTT_SIGNATURE = "WEBVTT"
TRUNCATED_AUDIO_FACTOR = 1.25
"""How much longer than its bytes can hold (at its average bitrate) an MP3 may say it plays."""
MAX_IMAGE_PIXELS = 40_000_000
"""About 8K (7680 × 4320 is 33 million): a poster or cover larger than that is a mistake, and decoding it
would take seconds and gigabytes."""


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


Facts = TypeVar("Facts")

READINGS: CarryOver[tuple[object, ...], object] = CarryOver()
"""What a reader found in a file, by the file's status: the preview rebuilds in one process on every
save, and decoding every image again cost it a third of a second at 2,000 pages. The loader starts
each build's round (``READINGS.next_build()``), as it does for its own readings."""


def _by_file_status(reader: Callable[[Path], Facts]) -> Callable[[Path], Facts]:
    """Read each file once while its status (size, modification and change time, inode) stays.

    The change time is set by the kernel on every write and cannot be set back, so an edited
    file is read again (the no-op build relies on the same rule, output/unchanged.py).
    """

    @functools.wraps(reader)
    def read(path: Path) -> Facts:
        try:
            status = os.stat(path)
        except OSError:
            return reader(path)  # let the reader say why the file cannot be read
        key = (
            reader.__name__,
            os.path.abspath(path),
            status.st_size,
            status.st_mtime_ns,
            status.st_ctime_ns,
            status.st_ino,
        )
        found = READINGS.get(key, partial(_reading, reader, path))
        if isinstance(found, MediaError):
            raise MediaError(found.reason)
        return found  # type: ignore[return-value]

    return read


def _reading(reader: Callable[[Path], Facts], path: Path) -> Facts | MediaError:
    """What ``reader`` finds, or why it cannot read the file (kept too: it says the same next time)."""
    try:
        return reader(path)
    except MediaError as error:
        return error


def _whole_seconds(length: float) -> int:
    """A playing time in whole seconds: rounded, but never 0 for a file that plays at all."""
    if length <= 0:
        return 0
    return max(1, math.floor(length + 0.5))


@_by_file_status
def read_audio(path: Path) -> AudioFacts:
    """The byte length and duration of the MP3 at ``path``."""
    import mutagen
    import mutagen.mp3

    try:
        audio = mutagen.mp3.MP3(path)
    except mutagen.mp3.HeaderNotFoundError:
        raise MediaError(messages.NOT_AN_MP3) from None
    except mutagen.MutagenError as error:
        raise MediaError(messages.mp3_unreadable(str(error))) from None
    length = getattr(audio.info, "length", 0.0) or 0.0
    if length <= 0:
        raise MediaError(messages.MP3_SILENT)
    size = path.stat().st_size
    bitrate = getattr(audio.info, "bitrate", 0) or 0
    # A VBR header states the whole file's length; a file cut short keeps it but holds less sound.
    # Tags and padding only make the file longer than its sound, so this never refuses a whole file.
    if bitrate and length > TRUNCATED_AUDIO_FACTOR * size * 8 / bitrate + 1:
        held = size * 8 / bitrate
        raise MediaError(messages.audio_truncated(_whole_seconds(length), _whole_seconds(held)))
    return AudioFacts(size, _whole_seconds(length))


@_by_file_status
def read_video(path: Path) -> VideoFacts:
    """The byte length and duration of the MP4 video at ``path``."""
    import mutagen
    import mutagen.mp4

    try:
        video = mutagen.mp4.MP4(path)
    except mutagen.MutagenError:
        raise MediaError(messages.NOT_AN_MP4) from None
    length = getattr(video.info, "length", 0.0) or 0.0
    if not _boxes_fill(path):
        raise MediaError(messages.VIDEO_TRUNCATED)
    return VideoFacts(path.stat().st_size, _whole_seconds(length))


def _boxes_fill(path: Path) -> bool:
    """Whether the MP4's top-level boxes end exactly at the end of the file (a cut file ends inside one)."""
    size = path.stat().st_size
    position = 0
    with path.open("rb") as handle:
        while position < size:
            handle.seek(position)
            header = handle.read(16)
            if len(header) < 8:
                return False
            box_size = int.from_bytes(header[:4], "big")
            if box_size == 1:  # a 64-bit size follows the type
                if len(header) < 16:
                    return False
                box_size = int.from_bytes(header[8:16], "big")
            elif box_size == 0:  # the box runs to the end of the file
                return True
            if box_size < 8:
                return False
            position += box_size
    return position == size


@_by_file_status
def read_image(path: Path) -> ImageFacts:
    """The size, format and colour mode of the image at ``path`` (from its header, not decoded)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # refused below, with our words
            image = Image.open(path)
        with image:
            facts = ImageFacts(image.width, image.height, image.format or "", image.mode)
            if facts.width * facts.height > MAX_IMAGE_PIXELS:
                raise MediaError(messages.image_too_large(facts.size_text))
            image.draft(
                image.mode, (max(1, facts.width // 8), max(1, facts.height // 8))
            )  # JPEG: decode small
            image.load()
            return facts
    except Image.DecompressionBombError:
        # A header may claim any size (100,000 × 100,000 px); Pillow refuses to go on with such a file.
        limit = round(2 * (Image.MAX_IMAGE_PIXELS or 0) / 1_000_000)
        raise MediaError(messages.image_claims_too_many_pixels(limit)) from None
    except UnidentifiedImageError:
        raise MediaError(messages.NOT_AN_IMAGE) from None
    except OSError:
        raise MediaError(messages.IMAGE_BROKEN) from None


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
