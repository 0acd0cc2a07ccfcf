"""Learning resources as schema.org JSON-LD, for the ``<script type="application/ld+json">`` of their pages.

A course is a ``Course`` (with its online ``CourseInstance``), a film a
``VideoObject``, a podcast episode a ``PodcastEpisode`` in its
``PodcastSeries``. Pure functions: the values are the ones the page and the
feed show, and every address is absolute (``region_url`` is the region's root,
ending in ``/``). A film on another host is given by its address (``url``),
never an ``embedUrl``: the page links to it and embeds nothing.

The text is safe inside a ``<script>`` element: ``<``, ``>`` and ``&`` are
written as ``\\u003c`` and so on, so no text from front matter can close it.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from ..model.learning import ELearning, Film, PodcastEpisode, PodcastSeries
from ..text.durations import iso_duration
from .event_json_ld import price_amount

CONTEXT = "https://schema.org"
LANGUAGE = "nb"
CERTIFICATE_NAME = "Kursbevis"


def _absolute(region_url: str, tree_path: str) -> str:
    return region_url + quote(tree_path, safe="/")


def script_json(data: dict[str, Any]) -> str:
    """JSON text ready to go between ``<script type="application/ld+json">`` and ``</script>``."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def course_data(course: ELearning, region_url: str) -> dict[str, Any]:
    """The schema.org ``Course`` of an e-learning course; the instance is online, at ``course_url``."""
    instance: dict[str, Any] = {
        "@type": "CourseInstance",
        "courseMode": "online",
        "courseWorkload": iso_duration(course.duration_minutes * 60),
        "url": course.course_url,
    }
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Course",
        "name": course.title,
        "description": course.description,
        "url": _absolute(region_url, course.url),
        "inLanguage": LANGUAGE,
        "provider": {"@type": "Organization", "name": course.provider},
        "hasCourseInstance": instance,
    }
    if course.price:
        offer: dict[str, Any] = {"@type": "Offer", "url": course.course_url, "category": "Paid"}
        amount = price_amount(course.price)
        if amount is not None:
            offer["price"] = amount
            offer["priceCurrency"] = "NOK"
            if amount == "0":
                offer["category"] = "Free"
        else:
            offer["description"] = course.price
        data["offers"] = offer
    if course.certificate:
        data["educationalCredentialAwarded"] = CERTIFICATE_NAME
    if course.audience:
        data["audience"] = {"@type": "Audience", "audienceType": ", ".join(course.audience)}
    if course.updated:
        data["dateModified"] = course.updated.isoformat()
    if course.tags:
        data["keywords"] = ", ".join(course.tags)
    return data


def film_data(film: Film, region_url: str) -> dict[str, Any]:
    """The schema.org ``VideoObject`` of a film: the MP4 and its captions here, or the host's address."""
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "VideoObject",
        "name": film.title,
        "description": film.description,
        "thumbnailUrl": _absolute(region_url, film.poster_path),
        "uploadDate": film.date.isoformat(),
        "duration": iso_duration(film.duration_seconds),
        "inLanguage": LANGUAGE,
    }
    if film.video_path is not None:
        data["url"] = _absolute(region_url, film.url)
        data["contentUrl"] = _absolute(region_url, film.video_path)
        data["encodingFormat"] = "video/mp4"
        if film.captions_path is not None:
            data["caption"] = {
                "@type": "MediaObject",
                "contentUrl": _absolute(region_url, film.captions_path),
                "encodingFormat": "text/vtt",
                "inLanguage": LANGUAGE,
            }
    else:
        data["url"] = film.video_url
        data["mainEntityOfPage"] = _absolute(region_url, film.url)
    if film.tags:
        data["keywords"] = ", ".join(film.tags)
    return data


def episode_data(episode: PodcastEpisode, series: PodcastSeries, region_url: str) -> dict[str, Any]:
    """The schema.org ``PodcastEpisode``: its audio, number, season and series."""
    if episode.audio_path is not None:
        audio_url = _absolute(region_url, episode.audio_path)
    else:
        audio_url = episode.audio_url
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "PodcastEpisode",
        "name": episode.title,
        "description": episode.description,
        "url": _absolute(region_url, episode.url),
        "datePublished": episode.date.isoformat(),
        "inLanguage": LANGUAGE,
        "episodeNumber": episode.episode,
        "duration": iso_duration(episode.duration_seconds),
        "associatedMedia": {
            "@type": "AudioObject",
            "contentUrl": audio_url,
            "encodingFormat": "audio/mpeg",
            "contentSize": str(episode.audio_bytes),
            "duration": iso_duration(episode.duration_seconds),
        },
        "partOfSeason": {"@type": "PodcastSeason", "seasonNumber": episode.season},
        "partOfSeries": {
            "@type": "PodcastSeries",
            "name": series.title,
            "url": _absolute(region_url, series.url),
            "webFeed": _absolute(region_url, series.feed_path),
        },
    }
    if episode.tags:
        data["keywords"] = ", ".join(episode.tags)
    return data


def course_json_ld(course: ELearning, region_url: str) -> str:
    return script_json(course_data(course, region_url))


def film_json_ld(film: Film, region_url: str) -> str:
    return script_json(film_data(film, region_url))


def episode_json_ld(episode: PodcastEpisode, series: PodcastSeries, region_url: str) -> str:
    return script_json(episode_data(episode, series, region_url))


__all__ = [
    "course_data",
    "course_json_ld",
    "episode_data",
    "episode_json_ld",
    "film_data",
    "film_json_ld",
    "script_json",
]
