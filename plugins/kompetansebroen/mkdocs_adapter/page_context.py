"""What the templates get: the region, the selector, feeds, related items, previous and next issue."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Collection, Mapping
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from ..content_types.registry import content_type
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

_H1 = re.compile(r"^# .+$", re.MULTILINE)
_WITH_AFTER = frozenset({Kind.EPISODE})
"""Types whose facts add Markdown after the page's text (a transcript from a file)."""
PAGE_URL_TOKEN = "kb:page-url"
"""Stands for the page's absolute address in its JSON-LD until the template knows it."""
REGION_URL_TOKEN = "kb:region-url"
"""Stands for the region's absolute address (``config.site_url``) in JSON-LD until the template knows it."""


def with_heading(doc: Document, topics: TopicRegistry, today: dt.date) -> str:
    """The page body with an H1 (the skip link's target) and the type's facts under it."""
    facts = _facts(doc, topics, today)
    after = content_type(doc.kind).facts(doc, today).after if doc.kind in _WITH_AFTER else ""
    body = doc.body + ("\n\n" + after if after else "")
    match = _H1.search(body)
    if match and not body[: match.start()].strip():
        head, rest = body[: match.end()], body[match.end() :]
    else:
        head, rest = f"# {text(doc.title)}", "\n" + body
    if facts:
        head += "\n\n" + facts
    return head + "\n" + rest


def _facts(doc: Document, topics: TopicRegistry, today: dt.date) -> str:
    """The facts line its content type gives the page, with its topics, and what the type shows below it."""
    shown = content_type(doc.kind).facts(doc, today)
    facts = list(shown.facts)
    if topics_md := topic_links(doc, doc.path, topics):
        facts.append(f"Tema: {topics_md}")
    line = with_class(" · ".join(facts), "kb-meta") if facts else ""
    if shown.below:
        line += "\n\n" + shown.below
    return line


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
    doc = view.documents.get(path)
    context: dict[str, Any] = {
        "region": region,
        "selector": selector,
        "home_href": posixpath.join(to_root, "..") + "/?velg",
        "rss_href": relative_url(page_dir_url, paths.RSS),
        "atom_href": relative_url(page_dir_url, paths.ATOM),
        "calendar_href": relative_url(page_dir_url, paths.CALENDAR),
        "accessibility_href": relative_url(page_dir_url, page_url(paths.ACCESSIBILITY)),
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
    if doc is not None and doc.photo is not None:
        # og:image and og:image:alt; the head part makes the path absolute with the region's address.
        context["photo"] = {"path": quote(doc.photo.site_path, safe="/"), "alt": doc.photo.alt}
    if doc is not None and doc.kind is Kind.ARTICLE:
        # Absolute addresses differ between regions: the template puts them in (kb-after-content.html).
        context["article_json_ld"] = article_json_ld(doc, PAGE_URL_TOKEN, REGION_URL_TOKEN)
        context["page_url_token"] = PAGE_URL_TOKEN
        context["region_url_token"] = REGION_URL_TOKEN
    if doc is not None and doc.kind is Kind.EVENT:
        event = doc.event
        # The page's address differs between regions: the template puts it in (kb-after-content.html).
        context["event_json_ld"] = event_json_ld(event, PAGE_URL_TOKEN)
        context["page_url_token"] = PAGE_URL_TOKEN
        context["registration_open"] = event.registration_open(view.today)  # changes the page's facts
    if doc is not None and doc.kind in (Kind.ELEARNING, Kind.FILM, Kind.EPISODE):
        _learning_context(context, doc, view, path, region_url)
    if doc is not None and doc.kind is Kind.ARTICLE:
        context["related"] = [
            {
                "title": d.title,
                "href": relative_url(page_dir_url, d.url),
                "date": norwegian_date(d.date) if d.date else "",
            }
            for d in related_documents(view, doc)
        ]
    if doc is not None and doc.kind is Kind.NEWSLETTER:
        issues = view.of_kind(Kind.NEWSLETTER)
        index = issues.index(doc)
        newer = issues[index - 1] if index > 0 else None
        older = issues[index + 1] if index + 1 < len(issues) else None
        context["previous"] = older and {"title": older.title, "href": relative_url(page_dir_url, older.url)}
        context["next"] = newer and {"title": newer.title, "href": relative_url(page_dir_url, newer.url)}
        context["archive_href"] = relative_url(page_dir_url, page_url(paths.NEWSLETTERS))
    return context


def _learning_context(
    context: dict[str, Any], doc: Document, view: RegionView, path: str, region_url: str
) -> None:
    """A learning resource's schema.org data; an episode's series and its previous and next episode.

    The JSON-LD carries a token for the region's address, which the template
    fills in; the episode links depend on the region's episodes, so they are
    region parts (kb-after-content.html).
    """
    context["region_url_token"] = REGION_URL_TOKEN
    context["page_url_token"] = PAGE_URL_TOKEN
    if doc.kind is Kind.ELEARNING:
        context["learning_json_ld"] = course_json_ld(doc.elearning, REGION_URL_TOKEN)
        return
    if doc.kind is Kind.FILM:
        context["learning_json_ld"] = film_json_ld(doc.film, REGION_URL_TOKEN)
        return
    episode = doc.episode
    series = view.series.get(episode.series_slug)
    if series is None:
        return
    context["learning_json_ld"] = episode_json_ld(episode, series, REGION_URL_TOKEN)
    page_dir_url = page_url(path)
    neighbours = episode_neighbours(series, view.episodes()).get(episode.path)
    series_url = page_url(series_page_path(series))

    def shown(other: Any) -> dict[str, str] | None:
        if other is None:
            return None
        return {"title": f"{other.number_text}: {other.title}", "href": relative_url(page_dir_url, other.url)}

    context["episodes"] = {
        "series_title": series.title,
        "series_href": relative_url(page_dir_url, series_url),
        "subscribe": Markup(subscribe(series, path, posixpath.join(region_url, series.feed_path))),
        "previous": shown(neighbours.previous if neighbours else None),
        "next": shown(neighbours.next if neighbours else None),
    }


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


def root_context(project: Project | None) -> dict[str, Any]:
    return {"region": None, "selector": [], "root": True}
