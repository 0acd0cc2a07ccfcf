"""A podcast series as the RSS 2.0 feed podcast apps read: ``/<id>/podkast/<serie>/feed.xml``.

One feed per series and region, holding the region's episodes of the series,
newest first, with the iTunes namespace as Apple Podcasts and Spotify require
it today: ``itunes:image``, ``itunes:category`` (with the subcategory nested in
it), ``itunes:explicit`` as ``true``/``false``, ``itunes:owner``,
``itunes:author``, ``itunes:type``; per episode an ``enclosure`` with the
exact byte length and MIME type, ``itunes:duration`` in seconds,
``itunes:season``, ``itunes:episode``, ``itunes:episodeType`` and a ``guid``.
Every address is absolute. The output depends only on the input: the same
episodes give byte-identical files (no clock, no library version).

Why feedgen with our own iTunes extension
    feedgen writes the RSS itself (channel, items, ``enclosure``, ``guid``,
    RFC 822 dates, the ``atom:link`` self link, XML escaping), as it does for
    the newsletters, and we keep that. Its podcast extension is out of date
    for the iTunes part: it accepts only ``yes``/``no``/``clean`` for
    ``itunes:explicit``, where Apple has asked for ``true``/``false`` since
    2019, and it checks categories against the list Apple replaced in 2019,
    so ``Health & Fitness`` is refused. Rather than patch around it, the
    iTunes elements are written by a small feedgen extension of our own
    (``_ItunesChannel``, ``_ItunesItem``): feedgen calls it while building the
    tree, the namespace is declared once on ``<rss>``, and the categories come
    from our copy of Apple's current list (model/podcast_categories.py).
    Writing the whole feed with ``xml.etree`` would have meant redoing the
    RSS parts feedgen already gets right.

Identity
    An episode's ``guid`` (``isPermaLink="false"``) is a UUID (version 5) of
    the site's root address and the episode's path in its tree
    (``podkast/samtaler/ep1.md``). It is the same in every region's feed and
    in every build, does not change when the text is edited, and changes only
    when the file is renamed — which podcast apps then show as a new episode.

Times
    An episode dated ``2025-03-01`` is published at 08:00 Norwegian time, as
    newsletter issues are (newsletter_feeds.publication_time). The channel's
    ``lastBuildDate`` is the newest episode's time, not the build's.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape as html_escape
from urllib.parse import quote

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.feed import FeedGenerator
from feedgen.util import xml_elem

from ..model.learning import PodcastEpisode, PodcastSeries
from ..model.podcast_categories import is_valid
from .newsletter_feeds import publication_time

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
AUDIO_MIME_TYPE = "audio/mpeg"
LANGUAGE = "nb"
PODCAST_TYPE = "episodic"
EPISODE_TYPE = "full"

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class PodcastSite:
    """Where a region's feeds are published."""

    site_url: str
    """The site's root address, ending in ``/``: ``https://kompetansebroen.example/``."""
    region_id: str
    """``innlandet``: the feed's addresses are under ``<site_url><region_id>/``."""

    def __post_init__(self) -> None:
        if not re.match(r"^https?://[^/]+/(?:.*/)?\Z", self.site_url):
            raise ValueError(f"site_url must be an absolute address ending in /: {self.site_url!r}")

    @property
    def region_url(self) -> str:
        return f"{self.site_url}{self.region_id}/"

    def absolute(self, tree_path: str) -> str:
        """The address of a page or file at ``tree_path`` (``podkast/s/ep1.mp3``) in this region."""
        return self.region_url + quote(tree_path, safe="/")


def episode_guid(site_url: str, episode_path: str) -> str:
    """The episode's guid: a name-based UUID of the site and the path, the same in every region and build."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, site_url + episode_path))


def enclosure_url(episode: PodcastEpisode, site: PodcastSite) -> str:
    """The audio's absolute address: the MP3 beside the page in this region, or ``audio_url``."""
    if episode.audio_path is not None:
        return site.absolute(episode.audio_path)
    assert episode.audio_url is not None
    return episode.audio_url


def newest_first(episodes: Iterable[PodcastEpisode]) -> list[PodcastEpisode]:
    """Newest first; on the same day the higher season and episode number first."""
    return sorted(episodes, key=lambda episode: episode.sort_key)


def podcast_feed(
    series: PodcastSeries,
    episodes: Iterable[PodcastEpisode],
    site: PodcastSite,
    *,
    updated_when_empty: dt.date | None = None,
) -> bytes:
    """The RSS 2.0 feed of ``series`` with ``episodes`` (the region's episodes of that series).

    Raises ``ValueError`` when an episode belongs to another series, when the
    series' category is not in Apple's list, or when there are no episodes and
    no ``updated_when_empty`` (a date from the content, never "now").
    """
    ordered = newest_first(episodes)
    for episode in ordered:
        if episode.series_slug != series.slug:
            raise ValueError(f"{episode.path} is not an episode of the series {series.slug!r}")
    if not is_valid(series.category, series.subcategory):
        raise ValueError(
            f"{series.path}: {series.category!r} / {series.subcategory!r} is not an Apple category"
        )
    if not ordered and updated_when_empty is None:
        raise ValueError(f"{series.path}: an empty podcast feed needs updated_when_empty")

    generator = FeedGenerator()
    generator.register_extension("itunes", _ItunesChannel, _ItunesItem, atom=False, rss=True)
    series_url = site.absolute(series.url)
    generator.title(_text(series.title))
    generator.description(_html_text(series.description))
    generator.language(LANGUAGE)
    # feedgen uses the last link added as the RSS <link>: the self link (atom:link) first.
    generator.link(href=site.absolute(series.feed_path), rel="self", type="application/rss+xml")
    generator.link(href=series_url, rel="alternate", type="text/html")
    generator.image(url=site.absolute(series.image_path), title=_text(series.title), link=series_url)
    generator.generator("")  # feedgen names itself with its version by default
    newest = ordered[0].date if ordered else updated_when_empty
    assert newest is not None
    generator.lastBuildDate(publication_time(newest))  # feedgen defaults it to the current time
    channel: _ItunesChannel = generator.itunes  # type: ignore[attr-defined]
    channel.series = series
    channel.image_url = site.absolute(series.image_path)

    for episode in ordered:
        published = publication_time(episode.date)
        entry = generator.add_entry(order="append")
        entry.title(_text(episode.title))
        entry.link(href=site.absolute(episode.url))
        entry.guid(episode_guid(site.site_url, episode.path), permalink=False)
        entry.published(published)
        entry.updated(published)  # feedgen defaults it to the current time
        entry.description(_html_text(episode.description))
        entry.enclosure(enclosure_url(episode, site), str(episode.audio_bytes), AUDIO_MIME_TYPE)
        item: _ItunesItem = entry.itunes  # type: ignore[attr-defined]
        item.episode = episode
    return generator.rss_str(pretty=True)


class _ItunesChannel(BaseExtension):
    """The channel's iTunes elements, written into the tree feedgen builds."""

    def __init__(self) -> None:
        self.series: PodcastSeries | None = None
        self.image_url = ""

    def extend_ns(self) -> dict[str, str]:
        return {"itunes": ITUNES_NS}

    def extend_rss(self, feed):  # type: ignore[no-untyped-def]
        series = self.series
        assert series is not None, "podcast_feed sets the series before writing"
        channel = feed[0]
        xml_elem(f"{{{ITUNES_NS}}}image", channel, href=self.image_url)
        category = xml_elem(f"{{{ITUNES_NS}}}category", channel, text=series.category)
        if series.subcategory:
            xml_elem(f"{{{ITUNES_NS}}}category", category, text=series.subcategory)
        xml_elem(f"{{{ITUNES_NS}}}explicit", channel).text = "true" if series.explicit else "false"
        xml_elem(f"{{{ITUNES_NS}}}author", channel).text = _text(series.author)
        owner = xml_elem(f"{{{ITUNES_NS}}}owner", channel)
        xml_elem(f"{{{ITUNES_NS}}}name", owner).text = _text(series.owner)
        xml_elem(f"{{{ITUNES_NS}}}email", owner).text = series.owner_email
        xml_elem(f"{{{ITUNES_NS}}}type", channel).text = PODCAST_TYPE
        return feed


class _ItunesItem(BaseEntryExtension):
    """An episode's iTunes elements."""

    def __init__(self) -> None:
        self.episode: PodcastEpisode | None = None

    def extend_ns(self) -> dict[str, str]:
        return {"itunes": ITUNES_NS}

    def extend_rss(self, item):  # type: ignore[no-untyped-def]
        episode = self.episode
        assert episode is not None, "podcast_feed sets the episode before writing"
        xml_elem(f"{{{ITUNES_NS}}}duration", item).text = str(episode.duration_seconds)
        xml_elem(f"{{{ITUNES_NS}}}season", item).text = str(episode.season)
        xml_elem(f"{{{ITUNES_NS}}}episode", item).text = str(episode.episode)
        xml_elem(f"{{{ITUNES_NS}}}episodeType", item).text = EPISODE_TYPE
        return item


def _text(text: str) -> str:
    """``text`` without the control characters XML cannot carry."""
    return _NOT_XML.sub("", text)


def _html_text(text: str) -> str:
    """Plain text for an RSS description, which apps read as HTML: «Barn & unge <3» shows as written."""
    return html_escape(_text(text), quote=False)


__all__ = [
    "AUDIO_MIME_TYPE",
    "ITUNES_NS",
    "PodcastSite",
    "enclosure_url",
    "episode_guid",
    "newest_first",
    "podcast_feed",
]
