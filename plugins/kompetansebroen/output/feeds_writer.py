"""Write a region's feeds: the newsletter's RSS and Atom next to its archive, each issue's e-mail
edition beside it (output/mail_writer.py), the calendars of events, and a podcast feed per series.

Which type has which feed is declared with the types (content_types/registry.py).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import html
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from ..carry_over import CarryOver
from ..content_types.facts import CALENDAR_FILE
from ..content_types.registry import with_feed
from ..content_types.spec import ContentType, Feed
from ..feeds.calendar import CalendarSite, event_calendar, region_calendar, revision_key
from ..feeds.newsletter_feeds import FeedEntry, FeedInfo, build_feeds
from ..feeds.podcast import PodcastSite, podcast_feed
from ..listings import paths
from ..model.events import Event
from ..model.learning import PodcastEpisode, PodcastSeries
from ..model.revisions import Revision, RevisionKey
from ..project.views import RegionView
from ..text.urls import page_url
from .cache_store import CacheStore
from .mail_writer import RegionMail, region_mail, write_mail_editions


@dataclass(frozen=True)
class RegionCalendars:
    """What a region's calendar files are made of: its events, where they come from, the build date."""

    events: tuple[Event, ...]
    site: CalendarSite
    today: dt.date
    list_url: str
    """The events page's absolute address (for the section's sitemap)."""
    revisions: Mapping[RevisionKey, Revision] = field(default_factory=dict)
    """The events' revisions from git (DTSTAMP and SEQUENCE), by ``revision_key``."""


@dataclass(frozen=True)
class RegionFeeds:
    """What a region's feeds say, but for the issues' HTML (known once the issues are rendered)."""

    info: FeedInfo
    entries: tuple[FeedEntry, ...]
    archive_url: str
    calendars: tuple[RegionCalendars, ...] = field(default=())
    """One per type whose feed is the calendar (events)."""
    podcasts: tuple[RegionPodcast, ...] = field(default=())
    """One per podcast series of the region."""
    mail: RegionMail | None = None
    """What the issues' e-mail editions share; None: no absolute address to write them with."""


@dataclass(frozen=True)
class RegionPodcast:
    """One series' feed in one region: the series, the region's episodes of it, where it is published."""

    series: PodcastSeries
    episodes: tuple[PodcastEpisode, ...]
    site: PodcastSite
    updated_when_empty: dt.date


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
            date=doc.published,
            description=doc.description,
            url=posixpath.join(base_url, doc.url),
            content_html="",
            entry_id=doc.path,
            updated=doc.updated,
        )
        for doc in view.of_kind(declared.kind)
        if doc.date is not None
    )
    return RegionFeeds(
        info,
        entries,
        archive,
        region_calendars(view, site_name, base_url),
        region_podcasts(view, base_url, info.updated_when_empty),
        region_mail(site_name, region, base_url),
    )


def region_podcasts(
    view: RegionView, base_url: str, updated_when_empty: dt.date
) -> tuple[RegionPodcast, ...]:
    """Each series of the region with the region's episodes of it; ``base_url`` is the region's address."""
    region_url = base_url if base_url.endswith("/") else base_url + "/"
    site = PodcastSite(site_url=region_url.removesuffix(f"{view.region.id}/"), region_id=view.region.id)
    episodes = view.episodes()
    return tuple(
        RegionPodcast(
            series=series,
            episodes=tuple(each for each in episodes if each.series_slug == slug),
            site=site,
            updated_when_empty=updated_when_empty,
        )
        for slug, series in sorted(view.series.items())
    )


def write_podcast(site_dir: Path, podcast: RegionPodcast) -> None:
    """The series' feed, ``podkast/<serie>/feed.xml``, with the region's episodes."""
    target = site_dir / podcast.series.feed_path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(
        podcast_feed(
            podcast.series, podcast.episodes, podcast.site, updated_when_empty=podcast.updated_when_empty
        )
    )


def region_calendars(view: RegionView, site_name: str, base_url: str) -> tuple[RegionCalendars, ...]:
    """The calendars of the types whose feed is ``Feed.CALENDAR``: the region's events."""
    site = CalendarSite(
        host=urlsplit(base_url).hostname or "localhost",
        region_url=base_url if base_url.endswith("/") else base_url + "/",
        region_name=view.region.name,
        site_name=site_name,
    )
    revisions = {
        revision_key(event): revision
        for event in view.events()
        if (revision := view.revision_of(revision_key(event))) is not None
    }
    return tuple(
        RegionCalendars(
            events=tuple(view.events()),
            site=site,
            today=view.today,
            revisions=revisions,
            list_url=posixpath.join(site.region_url, page_url(declared.list_page.path)),
        )
        for declared in with_feed(Feed.CALENDAR)
        if declared.list_page is not None
    )


def write_calendars(site_dir: Path, calendars: RegionCalendars) -> None:
    """The region's calendar, one calendar file per event in its page's folder, and the section's sitemap."""
    (declared,) = with_feed(Feed.CALENDAR)
    (calendar_path,) = paths.feed_files(declared)
    target = site_dir / calendar_path
    target.parent.mkdir(parents=True, exist_ok=True)
    _CALENDARS.next_build()  # a region's calendars are made once a build
    site, today, revisions = calendars.site, calendars.today, calendars.revisions
    target.write_bytes(
        _CALENDARS.get(
            _key("region", calendars.events, site, today, revisions),
            partial(region_calendar, calendars.events, site, today, revisions),
        )
    )
    for event in calendars.events:
        folder = site_dir / event.url
        folder.mkdir(parents=True, exist_ok=True)
        revision = revisions.get(revision_key(event))
        made = _CALENDARS.get(
            _key("event", event, site, today, revision), partial(event_calendar, event, site, today, revision)
        )
        (folder / CALENDAR_FILE).write_bytes(made)
    # Material fetches a sitemap.xml beside every <link rel="alternate">, the calendar's too (see below).
    urls = [calendars.list_url] + [calendars.site.region_url + event.url for event in calendars.events]
    _write_sitemap(target.parent / "sitemap.xml", urls)


def write_feeds(
    site_dir: Path, feeds: RegionFeeds, html_by_path: Mapping[str, str], mail_store: CacheStore | None = None
) -> None:
    """RSS, Atom and the newsletter section's sitemap, with each issue's rendered HTML; the issues'
    e-mail editions (``mail_store``: editions kept from earlier builds); the calendars."""
    entries = [
        dataclasses.replace(entry, content_html=html_by_path.get(entry.entry_id, ""))
        for entry in feeds.entries
    ]
    rss, atom = _built_feeds(feeds.info, entries)
    rss_path, atom_path = paths.feed_files(_newsletter_type())
    out = (site_dir / rss_path).parent
    out.mkdir(parents=True, exist_ok=True)
    (site_dir / rss_path).write_bytes(rss)
    (site_dir / atom_path).write_bytes(atom)
    # Material looks for a sitemap.xml beside every <link rel="alternate"> (meant for language
    # versions); our feed links would make it fetch a missing file on every page view. A
    # sitemap of the newsletter section answers it, and is a fair sitemap in its own right.
    _write_sitemap(out / "sitemap.xml", [feeds.archive_url] + [entry.url for entry in entries])
    if feeds.mail is not None:
        write_mail_editions(site_dir, feeds.mail, feeds.info, entries, mail_store)
    for calendars in feeds.calendars:
        write_calendars(site_dir, calendars)
    for podcast in feeds.podcasts:
        write_podcast(site_dir, podcast)


_CALENDARS: CarryOver[str, bytes] = CarryOver(only_when_previewing=True)
"""Calendar files by a hash of everything they are made of; for the preview, as ``_BUILT`` below: a
save that leaves every event as it was (most saves) makes no calendar again."""


def _key(*values: object) -> str:
    """A hash of ``values``: frozen dataclasses of text, dates and enums, whose repr holds every value."""
    return hashlib.sha256(repr(values).encode("utf-8", "surrogatepass")).hexdigest()


_BUILT: CarryOver[str, tuple[bytes, bytes]] = CarryOver()
"""RSS and Atom by a hash of everything they are made of: the preview (``make serve``) rebuilds in one
process on every save, and most saves leave every issue as it was."""


def _built_feeds(info: FeedInfo, entries: list[FeedEntry]) -> tuple[bytes, bytes]:
    _BUILT.next_build()  # a region's feeds are made once a build
    return _BUILT.get(_key(info, entries), partial(build_feeds, info, entries))


def _write_sitemap(target: Path, urls: list[str]) -> None:
    body = "".join(f"  <url><loc>{html.escape(url)}</loc></url>\n" for url in urls)
    target.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</urlset>\n',
        encoding="utf-8",
    )
