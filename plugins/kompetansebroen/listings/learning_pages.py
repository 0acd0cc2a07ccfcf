"""The generated pages of learning resources: the catalogue, the type lists and a page per podcast series.

The catalogue «Læringsressurser» (``laering/``) holds every course, film and
podcast series of the region, with filters; ``e-laering/`` and ``film/`` list
one type as cards; ``podkast/`` lists the series, and ``podkast/<serie>/``
each series' episodes with its «Abonner» block. What a type's list page looks
like is declared with the type (``Layout.LEARNING_CARDS``, ``Layout.SERIES``).
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from ..content_types.spec import ContentType, ListPage
from ..model.documents import Document
from ..model.learning import ELearning, Film, PodcastEpisode, PodcastSeries
from ..model.topics import TopicRegistry
from ..project.views import RegionView
from ..text.markdown import link
from . import html_blocks, learning_html
from .generated import GeneratedPage
from .learning import (
    CATALOGUE_FOLDER,
    CATALOGUE_TITLE,
    CatalogueItem,
    catalogue_item,
    facets,
    podcast_overview,
    resource_catalogue,
    series_episodes,
)

__all__ = ["CATALOGUE", "CATALOGUE_TITLE", "catalogue_page", "cards_list", "series_lists"]

CATALOGUE = f"{CATALOGUE_FOLDER}/index.md"
"""The catalogue's tree path: ``laering/index.md``."""
CATALOGUE_INTRO = (
    "E-læringskurs, filmer og podkaster for helsepersonell i sykehus og kommuner. "
    "Velg type, tema eller yrkesgruppe for å se bare det som passer for deg."
)
HOME_COUNT = 4
"""How many of the newest resources the home page shows."""


def _list_page(declared: ContentType) -> ListPage:
    assert declared.list_page is not None, declared.kind
    return declared.list_page


def items_of(docs: Sequence[Document], view: RegionView) -> list[CatalogueItem]:
    """Pages of learning resources as catalogue items (an episode's provider is its series)."""
    titles = {slug: series.title for slug, series in view.series.items()}
    found = []
    for doc in docs:
        resource = doc.details
        if isinstance(resource, PodcastEpisode) and resource.series_slug not in view.series:
            continue  # its series is missing here (podcast_checks reports it)
        if isinstance(resource, ELearning | Film | PodcastEpisode):
            found.append(catalogue_item(resource, titles))
    return found


def region_catalogue(view: RegionView) -> list[CatalogueItem]:
    """Every course, film and series of the region, newest first."""
    key = ("catalogue",)
    if key not in view.memo:
        view.memo[key] = resource_catalogue(
            view.courses(), view.films(), view.series.values(), view.episodes()
        )
    return view.memo[key]


def catalogue_page(view: RegionView, topics: TopicRegistry) -> GeneratedPage:
    """``laering/``: the catalogue with its filters (type, topic, profession, each in mkdocs.yml's order)."""
    items = region_catalogue(view)
    named = {name for item in items for name in item.professions}
    professions = [name for name in view.professions if name in named]  # mkdocs.yml's order
    blocks: dict[str, str] = {}
    if items:
        listing = html_blocks.embed(
            learning_html.catalogue(items, facets(items, topics.names(), professions), CATALOGUE, topics),
            blocks,
        )
    else:
        listing = "Det er ingen læringsressurser her ennå.\n"
    return GeneratedPage(CATALOGUE, CATALOGUE_TITLE, CATALOGUE_INTRO, listing, blocks=blocks)


def cards_list(
    declared: ContentType, view: RegionView, topics: TopicRegistry, site_url: str | None
) -> list[GeneratedPage]:
    """A type's list page as cards, newest first (``e-laering/``, ``film/``)."""
    list_page = _list_page(declared)
    items = [item for item in region_catalogue(view) if item.type.value == declared.folder]
    blocks: dict[str, str] = {}
    if items:
        listing = html_blocks.embed(learning_html.cards(items, list_page.path, topics, 2), blocks)
    else:
        listing = f"{list_page.empty}\n"
    listing += f"\n{link('Alle læringsressurser', list_page.path, CATALOGUE)}\n"
    return [GeneratedPage(list_page.path, list_page.title, list_page.intro, listing, blocks=blocks)]


def series_page_path(series: PodcastSeries) -> str:
    """``podkast/<serie>/index.md``: the series' page (an editor's ``index.md`` there replaces its intro)."""
    return posixpath.join(series.folder, "index.md")


def series_lists(
    declared: ContentType, view: RegionView, topics: TopicRegistry, site_url: str | None
) -> list[GeneratedPage]:
    """``podkast/`` with every series, and a page per series with its episodes, newest first, and «Abonner»."""
    list_page = _list_page(declared)
    summaries = podcast_overview(view.series.values(), view.episodes())
    blocks: dict[str, str] = {}
    if summaries:
        listing = html_blocks.embed(learning_html.series_cards(summaries, list_page.path), blocks)
    else:
        listing = f"{list_page.empty}\n"
    pages = [GeneratedPage(list_page.path, list_page.title, list_page.intro, listing, blocks=blocks)]
    titles = {slug: series.title for slug, series in view.series.items()}
    region_url = site_url if site_url is None or site_url.endswith("/") else site_url + "/"
    for summary in summaries:
        series = summary.series
        path = series_page_path(series)
        episodes = series_episodes(series, view.episodes())
        page_blocks: dict[str, str] = {}
        parts = [html_blocks.embed(learning_html.series_cover(series, path), page_blocks)]
        if episodes:
            items = [catalogue_item(episode, titles) for episode in episodes]
            parts.append("## Episoder\n")
            parts.append(html_blocks.embed(learning_html.cards(items, path, topics, 3), page_blocks))
        else:
            parts.append("Serien har ingen episoder ennå.\n")
        feed_url = (region_url or "") + series.feed_path
        parts.append(html_blocks.embed(learning_html.subscribe(series, path, feed_url), page_blocks))
        parts.append(f"{link('Alle podkaster', path, list_page.path)}\n")
        pages.append(
            GeneratedPage(path, series.title, series.description, "\n".join(parts), blocks=page_blocks)
        )
    return pages


def cards_of(
    docs: Sequence[Document], view: RegionView, topics: TopicRegistry, from_path: str, count: int | None
) -> str:
    """Pages of learning resources as cards, at most ``count``; ``""`` when there are none."""
    items = items_of(docs, view)[:count]
    return learning_html.cards(items, from_path, topics, 3) if items else ""


def home_section(view: RegionView, topics: TopicRegistry, home_path: str) -> str | None:
    """The region home's newest learning resources as cards, or None when the region has none."""
    items = region_catalogue(view)[:HOME_COUNT]
    if not items:
        return None
    return learning_html.cards(items, home_path, topics, 3)


def series_pages(view: RegionView) -> set[str]:
    """The tree paths of the region's series pages."""
    return {series_page_path(series) for series in view.series.values()}
