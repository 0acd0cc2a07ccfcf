"""Learning resources (*læringsressurser*): e-learning courses, films, and podcast series with their episodes.

Where they live in a tree (``content/`` or ``regions/<id>/``):

* ``e-laering/<navn>.md`` — a course that runs elsewhere (``url``), one page here;
* ``film/<navn>.md`` — a film: an MP4 beside the page with captions and a
  poster, or a link to a video host with a local poster;
* ``podkast/<serie>/serie.yml`` — a podcast series, and beside it
  ``podkast/<serie>/<navn>.md``, one page per episode.

Paths are relative to the tree (``podkast/samtaler/ep1.md``), so a shared file
and a region's replacement of it have the same path: a podcast episode's guid
is made from it and stays the same in every region's feed. Media files are
named relative to the page, as Markdown links are (``audio: ep1.mp3`` is
``podkast/samtaler/ep1.mp3`` in the tree and on the site).
"""

from __future__ import annotations

import datetime as dt
import enum
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..text.durations import minutes_text, norwegian_duration
from ..text.urls import page_url
from .kinds import Kind
from .media import AudioFacts

PODCAST_FOLDER = Kind.EPISODE.value
"""The folder of podcast series: episodes, ``serie.yml`` and the series pages are under it."""
SERIES_FILE = "serie.yml"
SUBSCRIBE_LINK = "Abonner på podkasten"
"""The link under a series' cover to its «Abonner» section (the series page and the editor's preview)."""
SERIES_BY = "Fra"
"""Who makes a series, under its cover: «Fra Kompetansebroen.»"""
TRANSCRIPT_HEADING = "Transkripsjon"
"""The heading an episode's transcript stands under in its Markdown body."""


class LearningType(enum.StrEnum):
    """The three kinds of learning resource; the value is their folder (the catalogue's ``?type=``)."""

    ELEARNING = Kind.ELEARNING.value
    FILM = Kind.FILM.value
    PODCAST = Kind.EPISODE.value

    @property
    def label(self) -> str:
        """What readers see: «E-læring», «Film», «Podkast»."""
        return _LEARNING_LABELS[self]


_LEARNING_LABELS = {
    LearningType.ELEARNING: "E-læring",
    LearningType.FILM: "Film",
    LearningType.PODCAST: "Podkast",
}


def is_series_file(relative_path: str) -> bool:
    """``podkast/<serie>/serie.yml``."""
    parts = relative_path.split("/")
    return len(parts) == 3 and parts[0] == PODCAST_FOLDER and parts[2] == SERIES_FILE


def series_slug_of(relative_path: str) -> str:
    """The series folder of an episode or ``serie.yml``: ``podkast/samtaler/ep1.md`` → ``samtaler``."""
    parts = relative_path.split("/")
    if len(parts) < 3 or parts[0] != PODCAST_FOLDER:
        raise ValueError(f"{relative_path} is not inside a podcast series folder")
    return parts[1]


def asset_path(page_path: str, name: str) -> str:
    """The tree path of a file a page names relative to itself: (``film/a.md``, ``a.mp4``) → ``film/a.mp4``."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_path), name))


def newest_first_key(date: dt.date | None, title: str, path: str) -> tuple[int, int, str, str]:
    """Newest first; undated after dated; then by title and path, so the order never depends on input order."""
    if date is None:
        return (1, 0, title.casefold(), path)
    return (0, -date.toordinal(), title.casefold(), path)


@dataclass(frozen=True)
class ELearning:
    """An e-learning course: this site describes it, ``course_url`` is where it runs."""

    path: str
    title: str
    description: str
    provider: str
    course_url: str
    duration_minutes: int
    audience: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    price: str | None = None
    certificate: bool = False
    """Whether finishing gives a «kursbevis»."""
    updated: dt.date | None = None
    origin: str | None = None
    fingerprint: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.duration_minutes < 1:
            raise ValueError(f"{self.path}: duration_minutes must be at least 1")

    @classmethod
    def from_meta(
        cls, path: str, meta: Mapping[str, Any], *, origin: str | None = None, fingerprint: str = ""
    ) -> ELearning:
        """The course described by validated front matter (the values of the e-learning schema)."""
        return cls(
            path=path,
            title=meta["title"],
            description=meta["description"],
            provider=meta["provider"],
            course_url=meta["url"],
            duration_minutes=meta["duration"],
            audience=tuple(meta.get("audience", ())),
            tags=tuple(meta.get("tags", ())),
            price=meta.get("price"),
            certificate=bool(meta.get("certificate", False)),
            updated=meta.get("updated"),
            origin=origin,
            fingerprint=fingerprint,
        )

    @property
    def url(self) -> str:
        """The course's page here, relative to the region root (``e-laering/demens/``)."""
        return page_url(self.path)

    @property
    def duration_text(self) -> str:
        """«45 min», «1 t 5 min»."""
        return minutes_text(self.duration_minutes)


@dataclass(frozen=True)
class Film:
    """A film: either ``video`` (an MP4 beside the page, with ``captions``) or ``video_url`` on a video host.

    A film on another host is shown as a link with its poster, never an
    embedded player (which would load the host's scripts and set its cookies).
    """

    path: str
    title: str
    description: str
    date: dt.date
    duration_seconds: int
    poster: str
    poster_alt: str
    video: str | None = None
    captions: str | None = None
    video_url: str | None = None
    tags: tuple[str, ...] = ()
    origin: str | None = None
    fingerprint: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        # Validation reports these to editors; here they guard the functions that rely on them.
        if (self.video is None) == (self.video_url is None):
            raise ValueError(f"{self.path}: a film has exactly one of video and video_url")
        if self.video is not None and self.captions is None:
            raise ValueError(f"{self.path}: a local video needs captions")
        if self.duration_seconds < 1:
            raise ValueError(f"{self.path}: duration_seconds must be at least 1")

    @classmethod
    def from_meta(
        cls, path: str, meta: Mapping[str, Any], *, origin: str | None = None, fingerprint: str = ""
    ) -> Film:
        """The film described by validated front matter (the values of the film schema)."""
        return cls(
            path=path,
            title=meta["title"],
            description=meta["description"],
            date=meta["date"],
            duration_seconds=meta["duration"],
            poster=meta["poster"],
            poster_alt=meta["poster_alt"],
            video=meta.get("video"),
            captions=meta.get("captions"),
            video_url=meta.get("video_url"),
            tags=tuple(meta.get("tags", ())),
            origin=origin,
            fingerprint=fingerprint,
        )

    @property
    def hosted(self) -> bool:
        """Whether the film is on another host (a link), not a file here (a player)."""
        return self.video_url is not None

    @property
    def url(self) -> str:
        """The film's page, relative to the region root (``film/hjertestans/``)."""
        return page_url(self.path)

    @property
    def poster_path(self) -> str:
        return asset_path(self.path, self.poster)

    @property
    def video_path(self) -> str | None:
        return asset_path(self.path, self.video) if self.video else None

    @property
    def captions_path(self) -> str | None:
        return asset_path(self.path, self.captions) if self.captions else None

    @property
    def duration_text(self) -> str:
        """«13 min» for 12:30: lists show whole minutes."""
        return norwegian_duration(self.duration_seconds)


@dataclass(frozen=True)
class PodcastSeries:
    """A podcast series, from ``podkast/<slug>/serie.yml``; its episodes are the pages beside it."""

    slug: str
    title: str
    description: str
    image: str
    """Cover art, relative to the series folder."""
    author: str
    owner_email: str
    category: str
    subcategory: str | None = None
    explicit: bool = False
    owner_name: str | None = None
    """Who Apple contacts about the feed; the author when not given."""
    origin: str | None = None
    fingerprint: str = field(default="", compare=False)

    @classmethod
    def from_meta(
        cls, slug: str, meta: Mapping[str, Any], *, origin: str | None = None, fingerprint: str = ""
    ) -> PodcastSeries:
        """The series described by a validated ``serie.yml`` (the values of the series schema)."""
        return cls(
            slug=slug,
            title=meta["title"],
            description=meta["description"],
            image=meta["image"],
            author=meta["author"],
            owner_email=meta["owner_email"],
            category=meta["category"],
            subcategory=meta.get("subcategory"),
            explicit=meta["explicit"],
            owner_name=meta.get("owner_name"),
            origin=origin,
            fingerprint=fingerprint,
        )

    @property
    def folder(self) -> str:
        return f"{PODCAST_FOLDER}/{self.slug}"

    @property
    def path(self) -> str:
        """``podkast/<slug>/serie.yml``."""
        return f"{self.folder}/{SERIES_FILE}"

    @property
    def url(self) -> str:
        """The series page, relative to the region root (``podkast/samtaler/``)."""
        return f"{self.folder}/"

    @property
    def feed_path(self) -> str:
        """The series' feed in each region's site: ``podkast/samtaler/feed.xml``."""
        return f"{self.folder}/feed.xml"

    @property
    def image_path(self) -> str:
        return asset_path(self.path, self.image)

    @property
    def owner(self) -> str:
        return self.owner_name or self.author


@dataclass(frozen=True)
class PodcastEpisode:
    """One episode: its audio (an MP3 here, or ``audio_url`` elsewhere) and a transcript.

    ``audio_bytes`` and ``duration_seconds`` are read from a local MP3 (see
    model/media.py) and given in front matter for audio elsewhere; either way
    the feed's enclosure length and duration come from here. The transcript is
    the body under «Transkripsjon», or the text file ``transcript`` names.
    """

    path: str
    title: str
    description: str
    date: dt.date
    season: int
    episode: int
    audio_bytes: int
    duration_seconds: int
    audio: str | None = None
    audio_url: str | None = None
    transcript: str | None = None
    """A text file beside the page, or None when the transcript is in the body."""
    tags: tuple[str, ...] = ()
    origin: str | None = None
    fingerprint: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if (self.audio is None) == (self.audio_url is None):
            raise ValueError(f"{self.path}: an episode has exactly one of audio and audio_url")
        if self.audio_bytes < 1 or self.duration_seconds < 1:
            raise ValueError(f"{self.path}: audio_bytes and duration_seconds must be at least 1")

    @classmethod
    def from_meta(
        cls,
        path: str,
        meta: Mapping[str, Any],
        *,
        audio_facts: AudioFacts | None = None,
        origin: str | None = None,
        fingerprint: str = "",
    ) -> PodcastEpisode:
        """The episode described by validated front matter; ``audio_facts`` are the local MP3's.

        Raises ``ValueError`` when the episode has a local ``audio`` file but no facts were read from it.
        """
        if meta.get("audio") is not None:
            if audio_facts is None:
                raise ValueError(f"{path}: a local MP3 needs its facts read (model.media.read_audio)")
            audio_bytes, duration = audio_facts.byte_length, audio_facts.duration_seconds
        else:
            audio_bytes, duration = meta["audio_bytes"], meta["duration"]
        return cls(
            path=path,
            title=meta["title"],
            description=meta["description"],
            date=meta["date"],
            season=meta["season"],
            episode=meta["episode"],
            audio_bytes=audio_bytes,
            duration_seconds=duration,
            audio=meta.get("audio"),
            audio_url=meta.get("audio_url"),
            transcript=meta.get("transcript"),
            tags=tuple(meta.get("tags", ())),
            origin=origin,
            fingerprint=fingerprint,
        )

    @property
    def series_slug(self) -> str:
        return series_slug_of(self.path)

    @property
    def url(self) -> str:
        """The episode page, relative to the region root (``podkast/samtaler/ep1/``)."""
        return page_url(self.path)

    @property
    def audio_path(self) -> str | None:
        """The local MP3's tree path (and site path), or None for audio elsewhere."""
        return asset_path(self.path, self.audio) if self.audio else None

    @property
    def transcript_path(self) -> str | None:
        return asset_path(self.path, self.transcript) if self.transcript else None

    @property
    def duration_text(self) -> str:
        return norwegian_duration(self.duration_seconds)

    @property
    def number_text(self) -> str:
        """«Sesong 1, episode 3»."""
        return f"Sesong {self.season}, episode {self.episode}"

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        """Newest first: date, then the higher season and episode number, then the path."""
        return (-self.date.toordinal(), -self.season, -self.episode, self.path)


@dataclass(frozen=True)
class TranscriptSection:
    """Where the body's «Transkripsjon» heading is (1-based line in the body) and the text under it."""

    line: int
    text: str


_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^[ ]{0,3}(#{1,6})(?:[ \t]+(.*))?$")
"""An ATX heading: its level, and its text with the closing #s still on (linear: no lazy match)."""


def _heading_text(raw: str | None) -> str:
    """The heading's text without its closing sequence of #s (``## Tittel ##`` → ``Tittel``)."""
    text = (raw or "").rstrip(" \t")
    stripped = text.rstrip("#")
    if stripped != text and (not stripped or stripped[-1] in " \t"):
        text = stripped
    return text.strip(" \t")


def transcript_section(body: str) -> TranscriptSection | None:
    """The body's «Transkripsjon» heading (any level) and its text, up to the next heading as high or higher.

    Headings inside fenced code blocks do not count. The text is stripped; an
    empty text means the heading is there with nothing under it.
    """
    lines = body.split("\n")
    fence: str | None = None
    start: tuple[int, int] | None = None
    collected: list[str] = []
    for number, line in enumerate(lines, start=1):
        opener = _FENCE.match(line)
        if fence is not None:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            if start is not None:
                collected.append(line)
            continue
        if opener:
            fence = opener.group(1)
            if start is not None:
                collected.append(line)
            continue
        heading = _HEADING.match(line)
        if (
            heading
            and start is None
            and _heading_text(heading.group(2)).casefold() == TRANSCRIPT_HEADING.casefold()
        ):
            start = (number, len(heading.group(1)))
            continue
        if heading and start is not None and len(heading.group(1)) <= start[1]:
            break
        if start is not None:
            collected.append(line)
    if start is None:
        return None
    return TranscriptSection(start[0], "\n".join(collected).strip())


def clashing_episode_numbers(episodes: list[PodcastEpisode]) -> list[tuple[PodcastEpisode, PodcastEpisode]]:
    """Pairs of episodes in the same series with the same season and episode number (later path, first one).

    Podcast apps order and label episodes by these numbers; two with the same
    number show as one, or in the wrong order.
    """
    seen: dict[tuple[str, int, int], PodcastEpisode] = {}
    clashes = []
    for episode in sorted(episodes, key=lambda e: e.path):
        key = (episode.series_slug, episode.season, episode.episode)
        if key in seen:
            clashes.append((episode, seen[key]))
        else:
            seen[key] = episode
    return clashes
