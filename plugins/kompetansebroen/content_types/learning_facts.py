"""What the page of a learning resource shows under its heading, and the rules for the files it names.

HTML, since every value is editors' text to escape and the players point at
files MkDocs does not know as pages. Media addresses are relative to the
page (the same in every region), so one rendering serves every region.

A resource on another host (a course, a hosted film, audio elsewhere) is a
link that says it leads to another site, never an embedded player: the site
makes no request to another host, also not when a page is opened.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlsplit

from ..frontmatter.fields import FoundProblem
from ..frontmatter.learning_fields import transcript_problems
from ..frontmatter.media_checks import Locate, episode_media, film_media_problems
from ..model.documents import Document
from ..model.learning import TRANSCRIPT_HEADING
from ..text.dates import norwegian_date
from ..text.urls import page_url, relative_url
from .spec import FilesRead, PageFacts

OTHER_SITE = "annet nettsted"
"""Said after a link that leaves the site, inside the link."""


def _media_href(doc: Document, tree_path: str) -> str:
    """The address of a file beside the page, from the page's own address."""
    return html.escape(quote(relative_url(page_url(doc.path), tree_path), safe="/"))


def _host(url: str) -> str:
    return (urlsplit(url).hostname or url).removeprefix("www.")


def _facts_list(rows: list[tuple[str, str]], css_class: str) -> str:
    items = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return f'<dl class="kb-learning-facts {css_class}">{items}</dl>'


def _outbound(url: str, label: str, css_class: str) -> str:
    """A button to another site, saying so inside the link (WCAG 2.4.4: the purpose from the link text)."""
    return (
        f'<p class="kb-learning-actions"><a class="md-button md-button--primary {css_class}" '
        f'href="{html.escape(url)}" rel="noopener">{html.escape(label)}'
        f'<span class="kb-outbound"> ({OTHER_SITE})</span></a></p>'
    )


def elearning_facts(doc: Document, today: dt.date) -> PageFacts:
    """Provider, length, audience, price, «kursbevis» and when it was revised; the button to the course."""
    course = doc.elearning
    rows = [("Tilbyder", html.escape(course.provider)), ("Varighet", html.escape(course.duration_text))]
    if course.audience:
        rows.append(("Målgruppe", html.escape(", ".join(course.audience))))
    if course.price:
        rows.append(("Pris", html.escape(course.price)))
    rows.append(("Kursbevis", "Ja" if course.certificate else "Nei"))
    if course.updated:
        rows.append(("Sist oppdatert", norwegian_date(course.updated)))
    parts = [
        _facts_list(rows, "kb-elearning-facts"),
        _outbound(course.course_url, f"Gå til kurset hos {course.provider}", "kb-course-link"),
    ]
    return PageFacts([], "\n".join(parts))


def film_facts(doc: Document, today: dt.date) -> PageFacts:
    """Date and length, then the film: a player with captions for a file here, a poster link for a hosted one."""
    film = doc.film
    facts = [f"Publisert {norwegian_date(film.date)}", f"Varighet {film.duration_text}"]
    poster = _media_href(doc, film.poster_path)
    if film.video_path is not None and film.captions_path is not None:
        # preload="none": nothing but the poster (a file here) is fetched before the reader presses play.
        player = (
            f'<figure class="kb-film">\n<video class="kb-film__player" controls preload="none" playsinline '
            f'poster="{poster}">'
            f'<source src="{_media_href(doc, film.video_path)}" type="video/mp4">'
            f'<track kind="captions" src="{_media_href(doc, film.captions_path)}" srclang="nb" '
            'label="Norsk" default>'
            "</video>\n"
            f'<figcaption>Filmen har norsk teksting. <a href="{_media_href(doc, film.video_path)}">'
            "Last ned filmen (MP4)</a></figcaption>\n</figure>"
        )
    else:
        assert film.video_url is not None
        host = _host(film.video_url)
        player = (
            f'<figure class="kb-film kb-film--hosted">\n<a class="kb-film__link" href="{html.escape(film.video_url)}" '
            f'rel="noopener"><img src="{poster}" alt="{html.escape(film.poster_alt)}" loading="lazy">'
            f'<span class="kb-film__play">Se filmen på {html.escape(host)}'
            f'<span class="kb-outbound"> ({OTHER_SITE})</span></span></a>\n'
            f"<figcaption>Filmen ligger hos {html.escape(host)}, og åpnes der.</figcaption>\n</figure>"
        )
    return PageFacts(facts, player)


def episode_facts(doc: Document, today: dt.date) -> PageFacts:
    """Season and episode, date and length, the player (or a link to audio elsewhere); a transcript from a file."""
    episode = doc.episode
    facts = [
        episode.number_text,
        f"Publisert {norwegian_date(episode.date)}",
        f"Varighet {episode.duration_text}",
    ]
    if episode.audio_path is not None:
        href = _media_href(doc, episode.audio_path)
        size = _file_size(episode.audio_bytes)
        player = (
            f'<figure class="kb-episode">\n<audio class="kb-episode__player" controls preload="none" src="{href}">'
            "</audio>\n"
            f'<figcaption><a href="{href}">Last ned episoden (MP3, {size})</a> · '
            f'<a href="#{_anchor(TRANSCRIPT_HEADING)}">Les transkripsjonen</a></figcaption>\n</figure>'
        )
    else:
        assert episode.audio_url is not None
        player = _outbound(
            episode.audio_url, f"Hør episoden hos {_host(episode.audio_url)}", "kb-episode-link"
        )
    after = ""
    if doc.transcript_text is not None:
        paragraphs = [part.strip() for part in doc.transcript_text.replace("\r\n", "\n").split("\n\n")]
        shown = "\n".join(
            f"<p>{html.escape(part).replace(chr(10), '<br>')}</p>" for part in paragraphs if part
        )
        after = f'## {TRANSCRIPT_HEADING}\n\n<div class="kb-transcript">\n{shown}\n</div>\n'
    return PageFacts(facts, player, after)


def _file_size(byte_count: int) -> str:
    """«24,6 MB», or «38 kB» below a megabyte (decimal units, Norwegian decimal comma)."""
    if byte_count < 1_000_000:
        return f"{max(1, round(byte_count / 1000))} kB"
    return f"{byte_count / 1_000_000:.1f}".replace(".", ",") + " MB"


def _anchor(heading: str) -> str:
    """The id the Markdown's table of contents gives a heading («Transkripsjon» → ``transkripsjon``)."""
    return heading.casefold()


# -- the rules for files a page names -------------------------------------------------------


def film_files(values: Mapping[str, Any], lines: Mapping[str, int], locate: Locate) -> FilesRead:
    """A film's MP4, captions and poster exist and are what they claim (media_checks.py)."""
    found = tuple(
        path
        for name in ("video", "captions", "poster")
        if values.get(name) and (path := locate(values[name]))
    )
    return FilesRead(film_media_problems(values, lines, locate), files=found)


def episode_files(values: Mapping[str, Any], lines: Mapping[str, int], locate: Locate) -> FilesRead:
    """An episode's MP3 (its length and duration, for the feed) and its transcript file, read."""
    facts, problems = episode_media(values, lines, locate)
    found = tuple(
        path for name in ("audio", "transcript") if values.get(name) and (path := locate(values[name]))
    )
    transcript = None
    if values.get("transcript") and not problems and (path := locate(values["transcript"])) is not None:
        transcript = path.read_bytes().decode("utf-8-sig")
    return FilesRead(problems, audio_facts=facts, transcript_text=transcript, files=found)


def episode_transcript(
    values: Mapping[str, Any], lines: Mapping[str, int], body: str, body_line: int
) -> list[FoundProblem]:
    """An episode has one transcript, in its body or in a file (learning_fields.transcript_problems)."""
    return transcript_problems(values, lines, body, body_line)


__all__ = [
    "elearning_facts",
    "episode_facts",
    "episode_files",
    "episode_transcript",
    "film_facts",
    "film_files",
]
