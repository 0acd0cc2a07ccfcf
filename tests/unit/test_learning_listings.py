"""The catalogue «Læringsressurser», its filters and orders, and a podcast series' episodes."""

from __future__ import annotations

import datetime as dt

from kompetansebroen.listings.learning import (
    CatalogueItem,
    Facet,
    FacetValue,
    Order,
    catalogue,
    episode_neighbours,
    facets,
    filtered,
    norwegian_sort_text,
    podcast_overview,
    series_episodes,
)
from kompetansebroen.model.learning import ELearning, Film, LearningType, PodcastEpisode, PodcastSeries

TOPICS = ("Helsefellesskap", "Kompetanse", "Psykisk helse og rus")
PROFESSIONS = ("Sykepleiere", "Leger", "Fastleger")

COURSES = [
    ELearning(
        "e-laering/demens.md",
        "Demens",
        "Kurs.",
        "KS Læring",
        "https://k.example/1",
        45,
        audience=("Sykepleiere",),
        tags=("Kompetanse",),
        updated=dt.date(2025, 2, 1),
    ),
    ELearning(
        "e-laering/aarsak.md",
        "Årsaker",
        "Kurs.",
        "Helsebiblioteket",
        "https://k.example/2",
        65,
        audience=("Sykepleiere", "Leger"),
        tags=("Psykisk helse og rus",),
    ),
]
FILMS = [
    Film(
        "film/hlr.md",
        "Ølen og hjertet",
        "Film.",
        dt.date(2025, 3, 1),
        750,
        "hlr.jpg",
        "Alt",
        video_url="https://vimeo.com/1",
        tags=("Kompetanse",),
    )
]
SERIES = [
    PodcastSeries("samtaler", "Samtaler", "Om samarbeid.", "o.jpg", "SI", "p@e.no", "Health & Fitness"),
    PodcastSeries("tomme", "Ingen episoder ennå", "Snart.", "o.jpg", "SI", "p@e.no", "Health & Fitness"),
    PodcastSeries("andre", "Andre samtaler", "Mer.", "o.jpg", "SI", "p@e.no", "Health & Fitness"),
]


def episode(path: str, date: dt.date, season: int, number: int, seconds: int = 1500) -> PodcastEpisode:
    return PodcastEpisode(
        path,
        f"Episode {season}.{number}",
        "Om samhandling.",
        date,
        season,
        number,
        1000,
        seconds,
        audio="x.mp3",
        tags=("Helsefellesskap",),
    )


EPISODES = [
    episode("podkast/samtaler/ep1.md", dt.date(2025, 1, 1), 1, 1),
    episode("podkast/samtaler/ep3.md", dt.date(2025, 4, 1), 2, 1, seconds=3900),
    episode("podkast/samtaler/ep2.md", dt.date(2025, 4, 1), 1, 2),
    episode("podkast/andre/a1.md", dt.date(2024, 12, 1), 1, 1),
]


def all_items(order: Order = Order.NEWEST) -> list[CatalogueItem]:
    return catalogue(COURSES, FILMS, EPISODES, SERIES, order=order)


def test_catalogue_items_show_type_duration_provider_and_topics() -> None:
    items = {item.path: item for item in all_items()}
    course = items["e-laering/aarsak.md"]
    assert (course.type_label, course.duration_text, course.provider) == (
        "E-læring",
        "1 t 5 min",
        "Helsebiblioteket",
    )
    assert course.topics == ("Psykisk helse og rus",)
    assert course.url == "e-laering/aarsak/"
    film = items["film/hlr.md"]
    assert (film.type_label, film.duration_text, film.provider) == ("Film", "13 min", None)
    long_episode = items["podkast/samtaler/ep3.md"]
    assert (long_episode.type_label, long_episode.duration_text, long_episode.provider) == (
        "Podkast",
        "1 t 5 min",
        "Samtaler",
    )


def test_catalogue_newest_first_with_undated_courses_last() -> None:
    assert [item.path for item in all_items()] == [
        "podkast/samtaler/ep2.md",  # same day as ep3: «Episode 1.2» before «Episode 2.1» by title
        "podkast/samtaler/ep3.md",
        "film/hlr.md",
        "e-laering/demens.md",
        "podkast/samtaler/ep1.md",
        "podkast/andre/a1.md",
        "e-laering/aarsak.md",
    ]


def test_catalogue_by_title_in_norwegian_order_and_by_length() -> None:
    titles = [item.title for item in all_items(Order.TITLE)]
    assert titles[0] == "Demens"
    assert titles[-2:] == ["Ølen og hjertet", "Årsaker"]
    assert [item.duration_seconds for item in all_items(Order.SHORTEST)] == [
        750,
        1500,
        1500,
        1500,
        2700,
        3900,
        3900,
    ]


def test_norwegian_sort_text() -> None:
    words = ["ål", "øl", "ær", "zebra", "Émile", "eple", "Apotek"]
    assert sorted(words, key=norwegian_sort_text) == ["Apotek", "Émile", "eple", "zebra", "ær", "øl", "ål"]


def test_catalogue_order_does_not_depend_on_input_order() -> None:
    reversed_items = catalogue(
        list(reversed(COURSES)), FILMS, list(reversed(EPISODES)), list(reversed(SERIES)), order=Order.NEWEST
    )
    assert reversed_items == all_items()


def test_facets_count_the_values_present_in_a_fixed_order() -> None:
    assert facets(all_items(), TOPICS, PROFESSIONS) == [
        Facet(
            "type",
            "Type",
            (
                FacetValue("e-laering", "E-læring", 2),
                FacetValue("film", "Film", 1),
                FacetValue("podkast", "Podkast", 4),
            ),
        ),
        Facet(
            "topic",
            "Tema",
            (
                FacetValue("Helsefellesskap", "Helsefellesskap", 4),
                FacetValue("Kompetanse", "Kompetanse", 2),
                FacetValue("Psykisk helse og rus", "Psykisk helse og rus", 1),
            ),
        ),
        Facet(
            "profession",
            "Yrkesgruppe",
            (FacetValue("Sykepleiere", "Sykepleiere", 2), FacetValue("Leger", "Leger", 1)),
        ),
    ]


def test_empty_facets_are_left_out() -> None:
    films_only = catalogue(films=FILMS)
    assert [facet.name for facet in facets(films_only, TOPICS, PROFESSIONS)] == ["type", "topic"]
    assert facets([], TOPICS, PROFESSIONS) == []


def test_filters_combine() -> None:
    items = all_items()
    assert [item.path for item in filtered(items, type="film")] == ["film/hlr.md"]
    assert [item.path for item in filtered(items, type=LearningType.ELEARNING, profession="Leger")] == [
        "e-laering/aarsak.md"
    ]
    assert [item.path for item in filtered(items, topic="Kompetanse")] == [
        "film/hlr.md",
        "e-laering/demens.md",
    ]
    assert filtered(items, topic="Kompetanse", profession="Leger") == []
    assert filtered(items) == items


def test_a_series_lists_its_own_episodes_newest_first() -> None:
    assert [each.path for each in series_episodes(SERIES[0], EPISODES)] == [
        "podkast/samtaler/ep3.md",  # same day as ep2, higher season first
        "podkast/samtaler/ep2.md",
        "podkast/samtaler/ep1.md",
    ]
    assert series_episodes(SERIES[1], EPISODES) == []


def test_previous_and_next_episode() -> None:
    links = episode_neighbours(SERIES[0], EPISODES)
    assert set(links) == {"podkast/samtaler/ep1.md", "podkast/samtaler/ep2.md", "podkast/samtaler/ep3.md"}
    first, middle, last = (links[f"podkast/samtaler/ep{n}.md"] for n in (1, 2, 3))
    assert first.previous is None and first.next is not None and first.next.path == "podkast/samtaler/ep2.md"
    assert middle.previous is not None and middle.previous.path == "podkast/samtaler/ep1.md"
    assert middle.next is not None and middle.next.path == "podkast/samtaler/ep3.md"
    assert last.next is None and last.previous is not None and last.previous.path == "podkast/samtaler/ep2.md"


def test_podcast_overview_puts_the_series_with_the_newest_episode_first() -> None:
    overview = podcast_overview(SERIES, EPISODES)
    assert [(each.series.slug, each.episode_count, each.newest) for each in overview] == [
        ("samtaler", 3, dt.date(2025, 4, 1)),
        ("andre", 1, dt.date(2024, 12, 1)),
        ("tomme", 0, None),
    ]
