"""What a region lists about learning resources: the catalogue «Læringsressurser», its filters, podcast series.

All data, no Markdown or HTML: the renderers (and the registry's sections)
decide how it looks. Every list has a full order, so the same content gives
the same pages.

Order rules
    * Catalogue, newest first (the default): a course by ``updated``, a film
      and an episode by ``date``; courses without ``updated`` come last; ties
      by title (Norwegian alphabetical order), then path.
    * Catalogue by title: Norwegian alphabetical order (… z, æ, ø, å), then path.
    * Catalogue by length: shortest first, then by title.
    * A series' episodes: newest first (date, then the higher season and
      episode number). «Forrige episode» is the one published before it,
      «Neste episode» the one after.
    * Podcast series: the one with the newest episode first; series without
      episodes last, by title.

Facets
    Type, topic and profession, each with the values present in the
    region's items and how many items have each, in a fixed order: types as
    :class:`LearningType` lists them, topics and professions in mkdocs.yml's
    order. Only courses have an audience, so filtering by profession shows
    courses only. A facet without values is left out.
"""

from __future__ import annotations

import datetime as dt
import enum
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..model.learning import (
    ELearning,
    Film,
    LearningType,
    PodcastEpisode,
    PodcastSeries,
    newest_first_key,
)

CATALOGUE_TITLE = "Læringsressurser"
CATALOGUE_FOLDER = "laering"
"""The catalogue page: ``/<id>/laering/``."""
FACET_LABELS = {"type": "Type", "topic": "Tema", "profession": "Yrkesgruppe"}
PREVIOUS_EPISODE = "Forrige episode"
NEXT_EPISODE = "Neste episode"

LearningResource = ELearning | Film | PodcastEpisode


class Order(enum.Enum):
    """How the catalogue is sorted."""

    NEWEST = "nyeste"
    TITLE = "tittel"
    SHORTEST = "varighet"


@dataclass(frozen=True)
class CatalogueItem:
    """One resource as the catalogue shows it."""

    type: LearningType
    title: str
    url: str
    """The resource's page, relative to the region root."""
    description: str
    date: dt.date | None
    """The course's ``updated``, the film's or the episode's ``date``."""
    duration_seconds: int
    duration_text: str
    """«45 min», «1 t 5 min»."""
    provider: str | None
    """The course's provider, the episode's series; None for a film."""
    topics: tuple[str, ...]
    professions: tuple[str, ...]
    path: str
    number_text: str | None = None
    """An episode's «Sesong 1, episode 3»; None for other resources."""

    @property
    def type_label(self) -> str:
        return self.type.label


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    """One filter: its name (``type``, ``topic``, ``profession``), label and values with counts."""

    name: str
    label: str
    values: tuple[FacetValue, ...]


_NORWEGIAN_LAST = str.maketrans({"æ": "{", "ø": "|", "å": "}"})
"""After z in ASCII, in the Norwegian order: æ, ø, å."""


def norwegian_sort_text(text: str) -> str:
    """A key that sorts text in Norwegian alphabetical order, ignoring case and other accents (é as e)."""
    folded = text.casefold().translate(_NORWEGIAN_LAST)
    decomposed = unicodedata.normalize("NFD", folded)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def catalogue_item(
    resource: LearningResource, series_titles: Mapping[str, str] | None = None
) -> CatalogueItem:
    """``resource`` as a catalogue item; ``series_titles`` (slug → title) names an episode's provider."""
    if isinstance(resource, ELearning):
        return CatalogueItem(
            type=LearningType.ELEARNING,
            title=resource.title,
            url=resource.url,
            description=resource.description,
            date=resource.updated,
            duration_seconds=resource.duration_minutes * 60,
            duration_text=resource.duration_text,
            provider=resource.provider,
            topics=resource.tags,
            professions=resource.audience,
            path=resource.path,
        )
    if isinstance(resource, Film):
        return CatalogueItem(
            type=LearningType.FILM,
            title=resource.title,
            url=resource.url,
            description=resource.description,
            date=resource.date,
            duration_seconds=resource.duration_seconds,
            duration_text=resource.duration_text,
            provider=None,
            topics=resource.tags,
            professions=(),
            path=resource.path,
        )
    return CatalogueItem(
        type=LearningType.PODCAST,
        title=resource.title,
        url=resource.url,
        description=resource.description,
        date=resource.date,
        duration_seconds=resource.duration_seconds,
        duration_text=resource.duration_text,
        provider=(series_titles or {}).get(resource.series_slug),
        topics=resource.tags,
        professions=(),
        path=resource.path,
        number_text=resource.number_text,
    )


def series_item(series: PodcastSeries, episodes: Iterable[PodcastEpisode]) -> CatalogueItem:
    """A podcast series as one catalogue item: its episodes' count, total length, topics and newest date."""
    own = series_episodes(series, episodes)
    topics: dict[str, None] = {}
    for episode in sorted(own, key=lambda each: each.path):
        topics.update(dict.fromkeys(episode.tags))
    return CatalogueItem(
        type=LearningType.PODCAST,
        title=series.title,
        url=series.url,
        description=series.description,
        date=own[0].date if own else None,
        duration_seconds=sum(each.duration_seconds for each in own),
        duration_text="1 episode" if len(own) == 1 else f"{len(own)} episoder",
        provider=series.author,
        topics=tuple(topics),
        professions=(),
        path=series.path,
    )


def resource_catalogue(
    courses: Iterable[ELearning],
    films: Iterable[Film],
    series: Iterable[PodcastSeries],
    episodes: Iterable[PodcastEpisode],
    *,
    order: Order = Order.NEWEST,
) -> list[CatalogueItem]:
    """The catalogue «Læringsressurser»: every course and film, and each podcast series as one item."""
    episode_list = list(episodes)
    items = [catalogue_item(resource) for resource in (*courses, *films)]
    items += [series_item(each, episode_list) for each in series]
    return sorted(items, key=lambda item: _sort_key(item, order))


def _sort_key(item: CatalogueItem, order: Order) -> tuple[object, ...]:
    title = norwegian_sort_text(item.title)
    if order is Order.TITLE:
        return (title, item.path)
    if order is Order.SHORTEST:
        return (item.duration_seconds, title, item.path)
    dated = newest_first_key(item.date, "", item.path)
    return (dated[0], dated[1], title, item.path)


def catalogue(
    courses: Iterable[ELearning] = (),
    films: Iterable[Film] = (),
    episodes: Iterable[PodcastEpisode] = (),
    series: Iterable[PodcastSeries] = (),
    *,
    order: Order = Order.NEWEST,
) -> list[CatalogueItem]:
    """The region's learning resources as one list, in ``order``; ``series`` name the episodes' provider."""
    titles = {each.slug: each.title for each in series}
    items = [catalogue_item(resource, titles) for resource in (*courses, *films, *episodes)]
    return sorted(items, key=lambda item: _sort_key(item, order))


def facets(items: Sequence[CatalogueItem], topics: Sequence[str], professions: Sequence[str]) -> list[Facet]:
    """The filters for ``items``: type, topic and profession, each value with its count; empty facets left out."""
    found: list[Facet] = []
    type_values = tuple(
        FacetValue(kind.value, kind.label, count)
        for kind in LearningType
        if (count := sum(1 for item in items if item.type is kind))
    )
    topic_values = tuple(
        FacetValue(topic, topic, count)
        for topic in topics
        if (count := sum(1 for item in items if topic in item.topics))
    )
    profession_values = tuple(
        FacetValue(profession, profession, count)
        for profession in professions
        if (count := sum(1 for item in items if profession in item.professions))
    )
    for name, values in (("type", type_values), ("topic", topic_values), ("profession", profession_values)):
        if values:
            found.append(Facet(name, FACET_LABELS[name], values))
    return found


def filtered(
    items: Iterable[CatalogueItem],
    *,
    type: LearningType | str | None = None,  # noqa: A002 - the facet's name
    topic: str | None = None,
    profession: str | None = None,
) -> list[CatalogueItem]:
    """The items that match every filter given, in their order."""
    kind = LearningType(type) if type is not None else None
    return [
        item
        for item in items
        if (kind is None or item.type is kind)
        and (topic is None or topic in item.topics)
        and (profession is None or profession in item.professions)
    ]


def series_episodes(series: PodcastSeries, episodes: Iterable[PodcastEpisode]) -> list[PodcastEpisode]:
    """The episodes of ``series`` among ``episodes``, newest first."""
    return sorted(
        (each for each in episodes if each.series_slug == series.slug), key=lambda each: each.sort_key
    )


@dataclass(frozen=True)
class EpisodeNeighbours:
    """An episode's links to the episode published before it and the one after it, in the same series."""

    previous: PodcastEpisode | None
    next: PodcastEpisode | None


def episode_neighbours(
    series: PodcastSeries, episodes: Iterable[PodcastEpisode]
) -> dict[str, EpisodeNeighbours]:
    """For every episode of ``series`` (by path): the one published before it and the one after it."""
    newest_first = series_episodes(series, episodes)
    neighbours = {}
    for index, episode in enumerate(newest_first):
        newer = newest_first[index - 1] if index > 0 else None
        older = newest_first[index + 1] if index + 1 < len(newest_first) else None
        neighbours[episode.path] = EpisodeNeighbours(previous=older, next=newer)
    return neighbours


@dataclass(frozen=True)
class SeriesSummary:
    """A series as the podcast overview lists it."""

    series: PodcastSeries
    episode_count: int
    newest: dt.date | None


def podcast_overview(
    series: Iterable[PodcastSeries], episodes: Iterable[PodcastEpisode]
) -> list[SeriesSummary]:
    """Every series with its number of episodes and newest date; the series with the newest episode first."""
    episode_list = list(episodes)
    summaries = []
    for each in series:
        own = series_episodes(each, episode_list)
        summaries.append(SeriesSummary(each, len(own), own[0].date if own else None))
    return sorted(
        summaries,
        key=lambda s: (
            *newest_first_key(s.newest, "", s.series.slug)[:2],
            norwegian_sort_text(s.series.title),
            s.series.slug,
        ),
    )


__all__ = [
    "CATALOGUE_FOLDER",
    "CATALOGUE_TITLE",
    "NEXT_EPISODE",
    "PREVIOUS_EPISODE",
    "CatalogueItem",
    "EpisodeNeighbours",
    "Facet",
    "FacetValue",
    "LearningResource",
    "Order",
    "SeriesSummary",
    "catalogue",
    "catalogue_item",
    "episode_neighbours",
    "facets",
    "filtered",
    "norwegian_sort_text",
    "podcast_overview",
    "resource_catalogue",
    "series_episodes",
    "series_item",
]
