"""Learning resources in the synthetic corpus: e-learning courses, films on a video host, podcast series.

Per 100 typed pages: 6 courses, 3 films and one series of 4 episodes, so
that the build's cost of each type shows at every corpus size without
crowding out the articles the other figures are about. (The real site has
more: one health trust counts about 160 courses, 140 films and 80 episodes.)
They are taken from the articles' share, so a corpus of a given size still has
that many Markdown sources.

No video or audio file is written: films link to a host (``video_url``) and
episodes name audio elsewhere (``audio_url`` with ``audio_bytes`` and
``duration``), so the corpus stays small and its build measures pages, not
copying media. The one poster every film in a tree shows and each series'
cover are flat PNG images of a few KB, made once with Pillow and written
beside the pages that name them (a page names its files relative to itself).
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import random
from dataclasses import dataclass
from typing import Protocol

ELEARNING_SHARE = 0.06
FILM_SHARE = 0.03
SERIES_SHARE = 0.01
EPISODES_PER_SERIES = 4
EPISODES_PER_SEASON = 2

POSTER_NAME = "plakat.png"
COVER_NAME = "omslag.png"
POSTER_SIZE = (1280, 720)  # the smallest poster the film check accepts (16:9)
COVER_SIZE = 1400  # the smallest square cover Apple accepts

PROVIDERS = (
    "KS Læring",
    "Helsebiblioteket",
    "Helsedirektoratet",
    "Akershus universitetssykehus",
    "Sykehuset Innlandet",
    "Sykehuset Østfold",
    "Sykehuset i Vestfold",
)
COURSE_MINUTES = (15, 20, 30, 45, 60, 90, 120)
PRICES = ("Gratis", "Gratis", "Gratis", "450 kr", "1 200 kr")
SPEAKERS = ("Programleder", "Fastlege", "Sykepleier", "Kommuneoverlege", "Koordinator")


class TextSource(Protocol):
    """What the corpus's text generator offers (``corpus.TextWriter``)."""

    def sentence(self) -> str: ...
    def paragraph(self, low: int = 3, high: int = 6, link: str | None = None) -> str: ...
    def bullet_list(self, links: list[str]) -> str: ...
    def object_phrase(self) -> str: ...
    def date(self) -> dt.date: ...


@dataclass(frozen=True)
class LearningCounts:
    """How many of each learning resource a list of typed pages holds."""

    courses: int = 0
    films: int = 0
    series: int = 0

    @property
    def episodes(self) -> int:
        return self.series * EPISODES_PER_SERIES

    @property
    def pages(self) -> int:
        """Markdown pages: every course, film and episode (a series' ``serie.yml`` is not a page)."""
        return self.courses + self.films + self.episodes


def learning_counts(total: int, articles: int) -> LearningCounts:
    """The learning resources among ``total`` typed pages, when at least as many articles remain.

    ``articles`` is what the articles' share holds before the resources are
    taken from it; a corpus too small to give them up has none.
    """
    counts = LearningCounts(
        round(total * ELEARNING_SHARE), round(total * FILM_SHARE), round(total * SERIES_SHARE)
    )
    return counts if counts.pages and 2 * counts.pages <= articles else LearningCounts()


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _tag_lines(tags: tuple[str, ...]) -> list[str]:
    return ["tags:", *(f"  - {tag}" for tag in tags)] if tags else []


def _capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


def course_title(writer: TextSource) -> str:
    return f"E-læringskurs: {writer.object_phrase()}"


def film_title(writer: TextSource) -> str:
    return f"Film: {_capitalised(writer.object_phrase())}"


def series_title(writer: TextSource) -> str:
    return f"Podkast om {writer.object_phrase()}"


def course_text(
    writer: TextSource,
    rng: random.Random,
    *,
    title: str,
    slug: str,
    updated: dt.date,
    tags: tuple[str, ...],
    professions: tuple[str, ...],
) -> str:
    """An e-learning course's page: every field the type has, and what one learns and who it is for."""
    audience = rng.sample(professions, min(len(professions), rng.randint(1, 3)))
    lines = [
        "---",
        f"title: {_quote(title)}",
        f"description: {_quote(writer.sentence())}",
        f"provider: {_quote(rng.choice(PROVIDERS))}",
        f"url: https://kurs.example/{slug}",
        f"duration: {rng.choice(COURSE_MINUTES)}",
        f"audience: [{', '.join(audience)}]" if audience else "",
        f"price: {_quote(rng.choice(PRICES))}",
        f"certificate: {'true' if rng.random() < 0.6 else 'false'}",
        f"updated: {updated.isoformat()}",
        *_tag_lines(tags),
        "---",
    ]
    body = [
        writer.paragraph(2, 3),
        "## Dette lærer du",
        writer.bullet_list([]),
        "## For hvem",
        writer.paragraph(1, 3),
    ]
    return "\n".join(line for line in lines if line) + "\n\n" + "\n\n".join(body) + "\n"


def _video_url(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"https://vimeo.com/{rng.randrange(10**9):09d}"
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"
    return "https://www.youtube.com/watch?v=" + "".join(rng.choice(letters) for _ in range(11))


def film_text(
    writer: TextSource, rng: random.Random, *, title: str, date: dt.date, tags: tuple[str, ...]
) -> str:
    """A film on a video host: a link with the tree's shared poster, never a file here."""
    minutes, seconds = rng.randint(1, 40), rng.randint(0, 59)
    lines = [
        "---",
        f"title: {_quote(title)}",
        f"description: {_quote(writer.sentence())}",
        f"date: {date.isoformat()}",
        f'duration: "{minutes}:{seconds:02d}"',
        f"video_url: {_video_url(rng)}",
        f"poster: {POSTER_NAME}",
        'poster_alt: "Kompetansebroens plakat for filmer: en ensfarget flate i blått"',
        *_tag_lines(tags),
        "---",
    ]
    body = [writer.paragraph(2, 4), "## Hva filmen tar opp", writer.bullet_list([]), writer.paragraph(1, 2)]
    return "\n".join(lines) + "\n\n" + "\n\n".join(body) + "\n"


def series_yaml(writer: TextSource, *, title: str, slug: str) -> str:
    """A series' ``serie.yml``: every field Apple needs, with the tree's cover beside it."""
    return "\n".join(
        [
            f"title: {_quote(title)}",
            f"description: {_quote(writer.sentence())}",
            f"image: {COVER_NAME}",
            'author: "Kompetansebroen"',
            f"owner_email: podkast@{slug}.example",
            'category: "Health & Fitness"',
            'subcategory: "Medicine"',
            "explicit: false",
        ]
    )


def episode_number(index: int) -> tuple[int, int]:
    """The ``index``-th episode (from 0) of a series as (season, episode): two episodes a season."""
    return index // EPISODES_PER_SEASON + 1, index % EPISODES_PER_SEASON + 1


def episode_text(
    writer: TextSource,
    rng: random.Random,
    *,
    title: str,
    series_slug: str,
    index: int,
    date: dt.date,
    tags: tuple[str, ...],
) -> str:
    """An episode with its audio elsewhere (byte length and duration written) and its transcript in the body."""
    season, episode = episode_number(index)
    minutes, seconds = rng.randint(15, 55), rng.randint(0, 59)
    audio_bytes = (minutes * 60 + seconds) * 16_000  # 128 kbit/s
    lines = [
        "---",
        f"title: {_quote(title)}",
        f"description: {_quote(writer.sentence())}",
        f"date: {date.isoformat()}",
        f"season: {season}",
        f"episode: {episode}",
        f"audio_url: https://lyd.example/{series_slug}/s{season}e{episode}.mp3",
        f"audio_bytes: {audio_bytes}",
        f'duration: "{minutes}:{seconds:02d}"',
        *_tag_lines(tags),
        "---",
    ]
    speakers = rng.sample(SPEAKERS[1:], 2)
    turns = [f"**{SPEAKERS[0]}:** {writer.sentence()}"]
    for turn in range(rng.randint(4, 8)):
        turns.append(f"**{speakers[turn % 2]}:** {writer.paragraph(1, 3)}")
    body = [writer.paragraph(1, 3), "## Transkripsjon", *turns]
    return "\n".join(lines) + "\n\n" + "\n\n".join(body) + "\n"


def _png(size: tuple[int, int], colour: tuple[int, int, int]) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


@functools.cache
def poster_bytes() -> bytes:
    """The poster every generated film shows: 1280 × 720 px, one colour (a few KB)."""
    return _png(POSTER_SIZE, (18, 52, 86))


@functools.cache
def cover_bytes() -> bytes:
    """The cover every generated series has: 1400 × 1400 px, one colour, RGB."""
    return _png((COVER_SIZE, COVER_SIZE), (0, 122, 122))
