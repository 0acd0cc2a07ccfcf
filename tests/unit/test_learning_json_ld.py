"""Learning resources as schema.org JSON-LD: Course, VideoObject, PodcastEpisode."""

from __future__ import annotations

import datetime as dt
import json

from kompetansebroen.feeds.learning_json_ld import (
    course_data,
    course_json_ld,
    episode_data,
    episode_json_ld,
    film_data,
    film_json_ld,
)
from kompetansebroen.model.learning import ELearning, Film, PodcastEpisode, PodcastSeries

REGION = "https://kompetansebroen.example/innlandet/"

COURSE = ELearning(
    path="e-laering/demens.md",
    title="Demens </script> grunnkurs",
    description="Et kurs om demens & samarbeid.",
    provider="KS Læring",
    course_url="https://kslaring.no/demens",
    duration_minutes=65,
    audience=("Sykepleiere", "Leger"),
    tags=("Kompetanse",),
    price="1 500 kr",
    certificate=True,
    updated=dt.date(2025, 1, 15),
)
LOCAL_FILM = Film(
    path="film/hlr.md",
    title="Hjerte-lunge-redning",
    description="Slik gjør du.",
    date=dt.date(2024, 5, 2),
    duration_seconds=750,
    poster="hlr.jpg",
    poster_alt="En dukke",
    video="hlr.mp4",
    captions="hlr.vtt",
)
HOSTED_FILM = Film(
    path="film/vimeo.md",
    title="Hos Vimeo",
    description="En film på en annen tjeneste.",
    date=dt.date(2024, 6, 1),
    duration_seconds=3723,
    poster="vimeo plakat.jpg",
    poster_alt="Plakat",
    video_url="https://vimeo.com/123",
)
SERIES = PodcastSeries(
    "samtaler", "Samtaler", "Om samarbeid.", "omslag.jpg", "SI", "p@example.org", "Health & Fitness"
)
EPISODE = PodcastEpisode(
    path="podkast/samtaler/ep1.md",
    title="Utskrivning",
    description="Om utskrivning.",
    date=dt.date(2025, 3, 1),
    season=2,
    episode=4,
    audio_bytes=123456,
    duration_seconds=1501,
    audio="ep1.mp3",
)


def test_course() -> None:
    data = course_data(COURSE, REGION)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Course"
    assert data["url"] == REGION + "e-laering/demens/"
    assert data["provider"] == {"@type": "Organization", "name": "KS Læring"}
    assert data["hasCourseInstance"] == {
        "@type": "CourseInstance",
        "courseMode": "online",
        "courseWorkload": "PT1H5M",
        "url": "https://kslaring.no/demens",
    }
    assert data["offers"] == {
        "@type": "Offer",
        "url": "https://kslaring.no/demens",
        "category": "Paid",
        "price": "1500",
        "priceCurrency": "NOK",
    }
    assert data["educationalCredentialAwarded"] == "Kursbevis"
    assert data["audience"] == {"@type": "Audience", "audienceType": "Sykepleiere, Leger"}
    assert data["dateModified"] == "2025-01-15"


def test_a_free_course_and_a_course_without_optional_fields() -> None:
    free = course_data(
        ELearning("e-laering/x.md", "X", "Y", "KS", "https://k.example/", 30, price="Gratis"), REGION
    )
    assert free["offers"]["category"] == "Free" and free["offers"]["price"] == "0"
    plain = course_data(ELearning("e-laering/x.md", "X", "Y", "KS", "https://k.example/", 30), REGION)
    for absent in ("offers", "educationalCredentialAwarded", "audience", "dateModified", "keywords"):
        assert absent not in plain
    worded = course_data(
        ELearning("e-laering/x.md", "X", "Y", "KS", "https://k.example/", 30, price="Etter avtale"), REGION
    )
    assert worded["offers"]["description"] == "Etter avtale" and "price" not in worded["offers"]


def test_local_film_has_its_file_and_captions() -> None:
    data = film_data(LOCAL_FILM, REGION)
    assert data["@type"] == "VideoObject"
    assert data["thumbnailUrl"] == REGION + "film/hlr.jpg"
    assert data["uploadDate"] == "2024-05-02"
    assert data["duration"] == "PT12M30S"
    assert data["contentUrl"] == REGION + "film/hlr.mp4"
    assert data["url"] == REGION + "film/hlr/"
    assert data["caption"]["contentUrl"] == REGION + "film/hlr.vtt"
    assert data["caption"]["encodingFormat"] == "text/vtt"


def test_hosted_film_is_a_link_never_an_embed() -> None:
    data = film_data(HOSTED_FILM, REGION)
    assert data["url"] == "https://vimeo.com/123"
    assert data["mainEntityOfPage"] == REGION + "film/vimeo/"
    assert data["thumbnailUrl"] == REGION + "film/vimeo%20plakat.jpg"
    assert "embedUrl" not in data and "contentUrl" not in data
    assert data["duration"] == "PT1H2M3S"


def test_episode() -> None:
    data = episode_data(EPISODE, SERIES, REGION)
    assert data["@type"] == "PodcastEpisode"
    assert data["url"] == REGION + "podkast/samtaler/ep1/"
    assert data["episodeNumber"] == 4
    assert data["partOfSeason"] == {"@type": "PodcastSeason", "seasonNumber": 2}
    assert data["partOfSeries"] == {
        "@type": "PodcastSeries",
        "name": "Samtaler",
        "url": REGION + "podkast/samtaler/",
        "webFeed": REGION + "podkast/samtaler/feed.xml",
    }
    assert data["associatedMedia"]["contentUrl"] == REGION + "podkast/samtaler/ep1.mp3"
    assert data["associatedMedia"]["contentSize"] == "123456"
    assert data["duration"] == "PT25M1S"


def test_the_script_text_cannot_close_the_script_element_and_parses_back() -> None:
    for text, data in (
        (course_json_ld(COURSE, REGION), course_data(COURSE, REGION)),
        (film_json_ld(LOCAL_FILM, REGION), film_data(LOCAL_FILM, REGION)),
        (episode_json_ld(EPISODE, SERIES, REGION), episode_data(EPISODE, SERIES, REGION)),
    ):
        assert "<" not in text and ">" not in text and "&" not in text
        assert json.loads(text) == data
    assert "Demens \\u003c/script\\u003e grunnkurs" in course_json_ld(COURSE, REGION)
