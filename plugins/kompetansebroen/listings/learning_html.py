"""Learning resources as HTML: cards, the catalogue's filters, podcast series and their subscribe block.

Everything written here is escaped: titles, descriptions and names are
editors' text. The catalogue's filters are data (``data-kb-*``) that the
page's script (kb-learning.js) makes into buttons: without a script the
whole, correct list shows, and the page body holds no form controls.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from ..model.learning import SERIES_BY, SUBSCRIBE_LINK, PodcastSeries
from ..model.topics import TopicRegistry
from ..text.dates import norwegian_date
from ..text.urls import page_url, relative_url
from . import paths
from .learning import CatalogueItem, Facet, SeriesSummary

VALUE_SEPARATOR = "|"
"""Joins a card's topics and professions in its ``data-kb-*`` attributes (names never hold it)."""
NOTHING_MATCHES = "Ingen læringsressurser passer til filteret."


def _href(from_path: str, to_url: str) -> str:
    return html.escape(relative_url(page_url(from_path), to_url))


def _topic_links(names: Iterable[str], from_path: str, topics: TopicRegistry) -> str:
    return ", ".join(
        f'<a href="{_href(from_path, page_url(paths.topic_page(topics.get(name))))}">{html.escape(name)}</a>'
        for name in names
        if name in topics
    )


def card(item: CatalogueItem, from_path: str, topics: TopicRegistry, level: int) -> str:
    """One resource: its type and length, the title as a link, the description, provider and topics."""
    kind = item.type.value
    data = [f'data-kb-type="{kind}"']
    for name, values in (("topic", item.topics), ("profession", item.professions)):
        if values:
            data.append(f'data-kb-{name}="{html.escape(VALUE_SEPARATOR.join(values))}"')
    meta = []
    if item.provider:
        meta.append(f'<span class="kb-card__provider">{html.escape(item.provider)}</span>')
    if item.date is not None:
        meta.append(norwegian_date(item.date))
    if links := _topic_links(item.topics, from_path, topics):
        meta.append(f"Tema: {links}")
    parts = [
        f'<li class="kb-card kb-card--{kind}" {" ".join(data)}>',
        f'<p class="kb-card__type"><span class="kb-card__kind">{html.escape(item.type_label)}</span> · '
        + (
            f'<span class="kb-card__number">{html.escape(item.number_text)}</span> · '
            if item.number_text
            else ""
        )
        + f'<span class="kb-card__duration">{html.escape(item.duration_text)}</span></p>',
        f'<h{level} class="kb-card__title"><a href="{_href(from_path, item.url)}">{html.escape(item.title)}</a>'
        f"</h{level}>",
    ]
    if item.description:
        parts.append(f'<p class="kb-card__description">{html.escape(item.description)}</p>')
    if meta:
        parts.append(f'<p class="kb-card__meta">{" · ".join(meta)}</p>')
    parts.append("</li>")
    return "\n".join(parts)


def cards(items: Sequence[CatalogueItem], from_path: str, topics: TopicRegistry, level: int) -> str:
    """A list of cards (a hub's or a type's list of resources)."""
    body = "\n".join(card(item, from_path, topics, level) for item in items)
    return f'<ul class="kb-cards">\n{body}\n</ul>'


def filters(facets: Sequence[Facet]) -> str:
    """The catalogue's filters as data, hidden until the script makes them into buttons."""
    parts = ['<div class="kb-filters" data-kb-filters hidden>']
    for facet in facets:
        parts.append(
            f'<div class="kb-filters__facet" data-kb-facet="{html.escape(facet.name)}" '
            f'data-kb-label="{html.escape(facet.label)}">'
        )
        parts += [
            f'<span data-kb-value="{html.escape(value.value)}" data-kb-count="{value.count}">'
            f"{html.escape(value.label)}</span>"
            for value in facet.values
        ]
        parts.append("</div>")
    parts.append("</div>")
    return "\n".join(parts)


def catalogue(
    items: Sequence[CatalogueItem], facets: Sequence[Facet], from_path: str, topics: TopicRegistry
) -> str:
    """The catalogue: filters, every card, and what to say when a filter leaves none."""
    listed = "\n".join(card(item, from_path, topics, 2) for item in items)
    return "\n".join(
        [
            filters(facets),
            f'<ul class="kb-cards" data-kb-catalogue>\n{listed}\n</ul>',
            f'<p class="kb-cards-none" hidden>{NOTHING_MATCHES}</p>',
        ]
    )


def _episodes_text(count: int) -> str:
    return "1 episode" if count == 1 else f"{count} episoder"


def series_cards(summaries: Sequence[SeriesSummary], from_path: str) -> str:
    """The podcast overview: each series with its cover, description, episode count and newest date."""
    out = ['<ul class="kb-series-list">']
    for summary in summaries:
        series = summary.series
        cover = html.escape(quote(relative_url(page_url(from_path), series.image_path), safe="/"))
        facts = [_episodes_text(summary.episode_count)]
        if summary.newest is not None:
            facts.append(f"Siste episode {norwegian_date(summary.newest)}")
        out += [
            '<li class="kb-series">',
            f'<img class="kb-series__cover" src="{cover}" alt="" width="160" height="160" loading="lazy">',
            '<div class="kb-series__text">',
            f'<h2><a href="{_href(from_path, series.url)}">{html.escape(series.title)}</a></h2>',
            f'<p class="kb-meta">{" · ".join(facts)} · {html.escape(series.author)}</p>',
            f"<p>{html.escape(series.description)}</p>",
            "</div>",
            "</li>",
        ]
    out.append("</ul>")
    return "\n".join(out)


def series_cover(series: PodcastSeries, from_path: str) -> str:
    """The series' cover art at the top of its page (decorative: the title is beside it)."""
    cover = html.escape(quote(relative_url(page_url(from_path), series.image_path), safe="/"))
    return (
        f'<div class="kb-series kb-series--page">\n<img class="kb-series__cover" src="{cover}" alt="" '
        f'width="160" height="160">\n<p class="kb-meta">{SERIES_BY} {html.escape(series.author)}. '
        f'<a href="#abonner">{SUBSCRIBE_LINK}</a></p>\n</div>'
    )


def subscribe(series: PodcastSeries, from_path: str, feed_url: str) -> str:
    """«Abonner»: the feed's address to copy, and links that open it in the common podcast apps.

    ``feed_url`` is the feed's absolute address in this region; the apps are
    handed it, the page links to the feed relative to itself.
    """
    escaped = html.escape(feed_url)
    bare = feed_url.split("://", 1)[-1]
    apps = [
        ("Apple Podcasts", f"podcast://{bare}"),
        ("Pocket Casts", f"pktc://subscribe/{bare}"),
        ("Overcast", f"overcast://x-callback-url/add?url={quote(feed_url, safe='')}"),
        ("Andre apper (RSS)", relative_url(page_url(from_path), series.feed_path)),
    ]
    links = " · ".join(f'<a href="{html.escape(href)}">{html.escape(name)}</a>' for name, href in apps)
    return "\n".join(
        [
            '<div class="kb-subscribe" id="abonner">',
            '<h2 id="abonner-heading">Abonner</h2>',
            f"<p>Følg {html.escape(series.title)} i podkastappen din, så får du nye episoder automatisk. "
            "Åpne podkasten i appen:</p>",
            f'<p class="kb-subscribe__apps">{links}</p>',
            "<p>Eller lim inn denne adressen der appen ber om en RSS-adresse:</p>",
            f'<p class="kb-subscribe__feed"><code>{escaped}</code></p>',
            "</div>",
        ]
    )


__all__ = [
    "NOTHING_MATCHES",
    "card",
    "cards",
    "catalogue",
    "filters",
    "series_cards",
    "series_cover",
    "subscribe",
]
