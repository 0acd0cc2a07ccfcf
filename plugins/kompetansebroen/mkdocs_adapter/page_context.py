"""What the templates get: the region, the selector, feeds, related items, previous and next issue."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from ..content_types.registry import content_type, content_type_of
from ..content_types.spec import PageFacts
from ..feeds.article_json_ld import article_json_ld
from ..feeds.event_json_ld import event_json_ld
from ..feeds.learning_json_ld import course_json_ld, episode_json_ld, film_json_ld
from ..listings import paths
from ..listings.learning import episode_neighbours
from ..listings.learning_html import subscribe
from ..listings.learning_pages import series_page_path
from ..listings.pages import related_documents, topic_links
from ..model.documents import Document, Kind
from ..model.topics import TopicRegistry
from ..project.loader import Project
from ..project.views import RegionView
from ..selector import selector_links
from ..text.dates import norwegian_date
from ..text.markdown import markdown_text as text
from ..text.markdown import with_class
from ..text.urls import page_url, relative_path, relative_url
from .site_navigation import SiteNavigation
from .translations import Words

_H1 = re.compile(r"^# .+$", re.MULTILINE)
PAGE_URL_TOKEN = "kb:page-url"
"""Stands for the page's absolute address in its JSON-LD until the template knows it."""
REGION_URL_TOKEN = "kb:region-url"
"""Stands for the region's absolute address (``config.site_url``) in JSON-LD until the template knows it."""


def with_heading(doc: Document, topics: TopicRegistry, today: dt.date) -> str:
    """The page body with an H1 (the skip link's target), the type's facts under it, and what the type
    adds after the text (an episode's transcript from a file)."""
    shown = content_type(doc.kind).facts(doc, today)
    facts = _facts(doc, shown, topics)
    body = doc.body + ("\n\n" + shown.after if shown.after else "")
    match = _H1.search(body)
    if match and not body[: match.start()].strip():
        head, rest = body[: match.end()], body[match.end() :]
    else:
        head, rest = f"# {text(doc.title)}", "\n" + body
    if facts:
        head += "\n\n" + facts
    return head + "\n" + rest


def _facts(doc: Document, shown: PageFacts, topics: TopicRegistry) -> str:
    """The facts line its content type gives the page, with its topics, and what the type shows below it."""
    facts = list(shown.facts)
    if topics_md := topic_links(doc, doc.path, topics):
        facts.append(f"Tema: {topics_md}")
    line = with_class(" · ".join(facts), "kb-meta") if facts else ""
    if shown.below:
        line += "\n\n" + shown.below
    return line


def _defaults() -> dict[str, Any]:
    """What every page's template may ask for, empty: each type's builder (TYPE_CONTEXT) fills in its own."""
    return {
        "related": [],
        "previous": None,
        "next": None,
        "archive_href": None,
        "event_json_ld": None,
        "article_json_ld": None,
        "photo": None,
        "learning_json_ld": None,
        "episodes": None,
    }


def region_context(
    path: str,
    project: Project,
    view: RegionView,
    topics: TopicRegistry,
    pages_by_region: Mapping[str, Collection[str]],
    region_url: str = "",
) -> dict[str, Any]:
    """What the templates get for the page at ``path`` (its tree path) in this region.

    ``region_url`` is the region's address, for what must be absolute (a podcast's feed for the apps).
    """
    page_dir_url = page_url(path)
    region = view.region
    to_root = relative_path(".", page_dir_url.rstrip("/") or ".")
    selector = [
        {
            "name": link_.region.name,
            "id": link_.region.id,
            "href": posixpath.join(to_root, "..", link_.url),
            "same_page": link_.same_page,
            "current": link_.current,
        }
        for link_ in selector_links(path, region.id, project.regions, pages_by_region)
    ]
    context: dict[str, Any] = {
        "region": region,
        "selector": selector,
        "home_href": posixpath.join(to_root, "..") + "/?velg",
        "rss_href": relative_url(page_dir_url, paths.RSS),
        "atom_href": relative_url(page_dir_url, paths.ATOM),
        "calendar_href": relative_url(page_dir_url, paths.CALENDAR),
        "accessibility_href": relative_url(page_dir_url, page_url(paths.ACCESSIBILITY)),
        **_defaults(),
    }
    doc = view.documents.get(path)
    if doc is not None:
        if doc.photo is not None:
            # og:image and og:image:alt; the head part makes the path absolute with the region's address.
            context["photo"] = {"path": quote(doc.photo.site_path, safe="/"), "alt": doc.photo.alt}
        context.update(TYPE_CONTEXT[doc.kind](TypePage(doc, view, page_dir_url, region_url)))
    return context


@dataclass(frozen=True)
class TypePage:
    """What a type's context builder gets: the page, its region, its address."""

    doc: Document
    view: RegionView
    page_dir_url: str
    """The page's address in the region (``artikler/x/``), which links are made relative to."""
    region_url: str
    """The region's absolute address, for what must be absolute (a podcast's feed for the apps)."""

    def href(self, other_url: str) -> str:
        return relative_url(self.page_dir_url, other_url)


def _article_context(page: TypePage) -> dict[str, Any]:
    """schema.org data, and «Les også»: related articles and documents with their dates."""
    return {
        # Absolute addresses differ between regions: the template puts them in (kb-after-content.html).
        "article_json_ld": article_json_ld(page.doc, PAGE_URL_TOKEN, REGION_URL_TOKEN),
        "page_url_token": PAGE_URL_TOKEN,
        "region_url_token": REGION_URL_TOKEN,
        "related": [
            {"title": d.title, "href": page.href(d.url), "date": norwegian_date(d.date) if d.date else ""}
            for d in related_documents(page.view, page.doc)
        ],
    }


def _newsletter_context(page: TypePage) -> dict[str, Any]:
    """The previous and next issue in the region, and its archive."""
    issues = page.view.of_kind(Kind.NEWSLETTER)
    index = issues.index(page.doc)
    newer = issues[index - 1] if index > 0 else None
    older = issues[index + 1] if index + 1 < len(issues) else None
    return {
        "previous": older and {"title": older.title, "href": page.href(older.url)},
        "next": newer and {"title": newer.title, "href": page.href(newer.url)},
        "archive_href": page.href(page_url(paths.NEWSLETTERS)),
    }


def _event_context(page: TypePage) -> dict[str, Any]:
    """schema.org data; whether sign-up is open as of the build (it changes the page's facts)."""
    event = page.doc.event
    return {
        # The page's address differs between regions: the template puts it in (kb-after-content.html).
        "event_json_ld": event_json_ld(event, PAGE_URL_TOKEN),
        "page_url_token": PAGE_URL_TOKEN,
        "registration_open": event.registration_open(page.view.today),
    }


def _learning_tokens(json_ld: Any) -> dict[str, Any]:
    """A learning resource's schema.org data, with a token for the region's address the template fills in."""
    return {
        "region_url_token": REGION_URL_TOKEN,
        "page_url_token": PAGE_URL_TOKEN,
        "learning_json_ld": json_ld,
    }


def _elearning_context(page: TypePage) -> dict[str, Any]:
    return _learning_tokens(course_json_ld(page.doc.elearning, REGION_URL_TOKEN))


def _film_context(page: TypePage) -> dict[str, Any]:
    return _learning_tokens(film_json_ld(page.doc.film, REGION_URL_TOKEN))


def _episode_context(page: TypePage) -> dict[str, Any]:
    """An episode's schema.org data, its series, and its previous and next episode.

    The episode links depend on the region's episodes, so they are region parts
    (kb-after-content.html).
    """
    episode = page.doc.episode
    series = page.view.series.get(episode.series_slug)
    if series is None:
        return {"region_url_token": REGION_URL_TOKEN, "page_url_token": PAGE_URL_TOKEN}
    neighbours = episode_neighbours(series, page.view.episodes()).get(episode.path)

    def shown(other: Any) -> dict[str, str] | None:
        if other is None:
            return None
        return {"title": f"{other.number_text}: {other.title}", "href": page.href(other.url)}

    return {
        **_learning_tokens(episode_json_ld(episode, series, REGION_URL_TOKEN)),
        "episodes": {
            "series_title": series.title,
            "series_href": page.href(page_url(series_page_path(series))),
            "subscribe": Markup(
                subscribe(series, page.doc.path, posixpath.join(page.region_url, series.feed_path))
            ),
            "previous": shown(neighbours.previous if neighbours else None),
            "next": shown(neighbours.next if neighbours else None),
        },
    }


def _nothing_more(page: TypePage) -> dict[str, Any]:
    """The defaults are all a page of this type needs."""
    return {}


TYPE_CONTEXT: Mapping[Kind, Callable[[TypePage], dict[str, Any]]] = {
    Kind.ARTICLE: _article_context,
    Kind.NEWSLETTER: _newsletter_context,
    Kind.GOVERNING: _nothing_more,
    Kind.EVENT: _event_context,
    Kind.ELEARNING: _elearning_context,
    Kind.FILM: _film_context,
    Kind.EPISODE: _episode_context,
    Kind.PAGE: _nothing_more,
}
"""What each type adds to its pages' template context. Kept here, by kind, rather than in the type's
declaration: the builders use JSON-LD (feeds/) and lists (listings/), which sit above the registry.
A type without an entry fails its test (tests/unit/test_content_types.py)."""


def static_context(project: Project, view: RegionView, region_path: str) -> dict[str, Any]:
    """The region context for pages MkDocs renders without a page (404.html).

    404.html is served for any missing address at any depth, so its links are
    absolute paths from ``region_path`` (``/ahus/``).
    """
    region = view.region
    root = region_path.rstrip("/").rsplit("/", 1)[0] + "/"
    return {
        "region": region,
        "selector": [
            {
                "name": r.name,
                "id": r.id,
                "href": f"{root}{r.id}/",
                "same_page": False,
                "current": r.id == region.id,
            }
            for r in sorted(project.regions.values(), key=lambda r: r.name)
        ],
        "home_href": f"{root}?velg",
        "region_home_href": region_path,
        "rss_href": region_path + paths.RSS,
        "atom_href": region_path + paths.ATOM,
        "calendar_href": region_path + paths.CALENDAR,
        "accessibility_href": region_path + page_url(paths.ACCESSIBILITY),
        **_defaults(),
    }


def favourite(page: Any) -> dict[str, str] | None:
    """What «Favoritt» saves for a page (partials/kb-favourite.html): its type's label and its day,
    also as «Mine favoritter» shows it, written by the site's one date formatter (kb.js has none).

    None, and no toggle, for a page without a date or of a type its declaration keeps out
    (``ContentType.favourite``). Made from the page's path and front matter alone, so it is
    the same in every region and part of the page body they share.
    """
    meta = getattr(page, "meta", None) or {}
    file = getattr(page, "file", None)
    if file is None or not meta.get("date"):
        return None
    declared = content_type_of(file.src_uri)
    if not declared.favourite:
        return None
    day = str(meta["date"])[:10]  # the day as written, also when the date has a time
    return {"type": declared.label, "date": day, "shown": norwegian_date(dt.date.fromisoformat(day))}


def theme_globals(env: Any, language: str) -> dict[str, Any]:
    """The functions our templates call, for one environment (one build) that renders pages."""
    return {
        "kb_favourite": favourite,
        "kb_site_navigation": SiteNavigation(),
        "kb_words": Words(env, language),  # partials/language.html
    }


def root_context(project: Project | None) -> dict[str, Any]:
    return {"region": None, "selector": [], "root": True}
