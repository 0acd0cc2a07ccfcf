"""Where generated pages live in every region's tree.

The list pages and feeds of content types are where their declarations say
(content_types/registry.py); the names here are kept for the code that links
to them.
"""

from __future__ import annotations

import posixpath

from ..content_types.registry import ARTICLES as _ARTICLES
from ..content_types.registry import EVENTS as _EVENTS
from ..content_types.registry import GOVERNING as _GOVERNING
from ..content_types.registry import NEWSLETTERS as _NEWSLETTERS
from ..content_types.spec import ContentType, Feed, ListPage
from ..model.topics import Topic


def _list_page(content_type: ContentType) -> ListPage:
    assert content_type.list_page is not None, content_type.kind
    return content_type.list_page


ARTICLES = _list_page(_ARTICLES).path
NEWSLETTERS = _list_page(_NEWSLETTERS).path
GOVERNING = _list_page(_GOVERNING).path
TOPICS = "tema/index.md"
ACCESSIBILITY = "tilgjengelighet/index.md"
HELSEFELLESSKAP = "helsefellesskap/index.md"
HELSEFELLESSKAP_TOPIC = "Helsefellesskap"
"""The topic whose hub every region gets at ``HELSEFELLESSKAP`` (when mkdocs.yml lists it), and its title."""
HOME = "index.md"


def beside(list_page: str, name: str) -> str:
    """A file in a list page's folder: ``beside("nyhetsbrev/index.md", "rss.xml")`` → ``nyhetsbrev/rss.xml``."""
    return posixpath.join(posixpath.dirname(list_page), name)


RSS = beside(NEWSLETTERS, "rss.xml")
ATOM = beside(NEWSLETTERS, "atom.xml")
EVENTS = _list_page(_EVENTS).path
CALENDAR = beside(EVENTS, "kalender.ics")
"""The region's calendar of events, to subscribe to."""


def topic_page(topic: Topic) -> str:
    return f"tema/{topic.slug}.md"


def topic_page_number(topic: Topic, number: int) -> str:
    """Page ``number`` (1-based) of a topic's page; later pages hold only older items."""
    return topic_page(topic) if number == 1 else f"tema/{topic.slug}/side-{number}.md"


def list_page_number(list_page: ListPage, number: int) -> str:
    """Page ``number`` (1-based) of a paginated list page (``artikler/side-2.md``)."""
    return list_page.path if number == 1 else beside(list_page.path, f"side-{number}.md")


def articles_page(number: int) -> str:
    """Page ``number`` (1-based) of the article list."""
    return list_page_number(_list_page(_ARTICLES), number)


def feed_files(content_type: ContentType) -> tuple[str, ...]:
    """The feed files a type's declaration gives it, beside its list page."""
    if content_type.feed is None or content_type.list_page is None:
        return ()
    if content_type.feed is Feed.PODCAST:
        return ()  # one feed per series, in the series' folder (model.learning.PodcastSeries.feed_path)
    names = {Feed.NEWSLETTER: ("rss.xml", "atom.xml"), Feed.CALENDAR: ("kalender.ics",)}[content_type.feed]
    return tuple(beside(content_type.list_page.path, name) for name in names)
