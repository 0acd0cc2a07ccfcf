"""Write a region's newsletter feeds next to its archive."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..content_types.registry import with_feed
from ..content_types.spec import ContentType, Feed
from ..feeds.newsletter_feeds import FeedEntry, FeedInfo, build_feeds
from ..listings import paths
from ..project.views import RegionView
from ..text.urls import page_url


@dataclass(frozen=True)
class RegionFeeds:
    """What a region's feeds say, but for the issues' HTML (known once the issues are rendered)."""

    info: FeedInfo
    entries: tuple[FeedEntry, ...]
    archive_url: str


def _newsletter_type() -> ContentType:
    """The content type whose items the RSS and Atom feeds carry (its declaration says ``Feed.NEWSLETTER``)."""
    (declared,) = with_feed(Feed.NEWSLETTER)
    return declared


def region_feeds(view: RegionView, site_name: str, base_url: str) -> RegionFeeds:
    """``base_url``: the region's own address (``https://…/ahus/``)."""
    region = view.region
    declared = _newsletter_type()
    assert declared.list_page is not None
    archive = posixpath.join(base_url, page_url(declared.list_page.path))
    rss, atom = paths.feed_files(declared)
    info = FeedInfo(
        title=f"Nyhetsbrev – {site_name} {region.name}",
        description=f"Nyhetsbrev for helsefellesskapene, med felles utgaver og utgaver for {region.name}.",
        archive_url=archive,
        rss_url=posixpath.join(base_url, rss),
        atom_url=posixpath.join(base_url, atom),
        feed_id=f"kompetansebroen:{region.id}:nyhetsbrev",
        updated_when_empty=max(
            (d.date for d in view.documents.values() if d.date), default=dt.date(2019, 10, 29)
        ),
    )
    entries = tuple(
        FeedEntry(
            title=doc.title,
            date=doc.date,
            description=doc.description,
            url=posixpath.join(base_url, doc.url),
            content_html="",
            entry_id=doc.path,
        )
        for doc in view.of_kind(declared.kind)
        if doc.date is not None
    )
    return RegionFeeds(info, entries, archive)


def write_feeds(site_dir: Path, feeds: RegionFeeds, html_by_path: Mapping[str, str]) -> None:
    """RSS, Atom and the newsletter section's sitemap, with each issue's rendered HTML."""
    entries = [
        dataclasses.replace(entry, content_html=html_by_path.get(entry.entry_id, ""))
        for entry in feeds.entries
    ]
    rss, atom = build_feeds(feeds.info, entries)
    rss_path, atom_path = paths.feed_files(_newsletter_type())
    out = (site_dir / rss_path).parent
    out.mkdir(parents=True, exist_ok=True)
    (site_dir / rss_path).write_bytes(rss)
    (site_dir / atom_path).write_bytes(atom)
    # Material looks for a sitemap.xml beside every <link rel="alternate"> (meant for language
    # versions); our feed links would make it fetch a missing file on every page view. A
    # sitemap of the newsletter section answers it, and is a fair sitemap in its own right.
    urls = [feeds.archive_url] + [entry.url for entry in entries]
    body = "".join(f"  <url><loc>{html.escape(url)}</loc></url>\n" for url in urls)
    (out / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</urlset>\n',
        encoding="utf-8",
    )
