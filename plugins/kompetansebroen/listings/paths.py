"""Where generated pages live in every region's tree."""

from __future__ import annotations

from ..model.topics import Topic

ARTICLES = "artikler/index.md"
NEWSLETTERS = "nyhetsbrev/index.md"
GOVERNING = "styrende-dokumenter/index.md"
TOPICS = "tema/index.md"
ACCESSIBILITY = "tilgjengelighet/index.md"
HELSEFELLESSKAP = "helsefellesskap/index.md"
HELSEFELLESSKAP_TOPIC = "Helsefellesskap"
"""The topic whose hub every region gets at ``HELSEFELLESSKAP`` (when mkdocs.yml lists it), and its title."""
HOME = "index.md"

RSS = "nyhetsbrev/rss.xml"
ATOM = "nyhetsbrev/atom.xml"


def topic_page(topic: Topic) -> str:
    return f"tema/{topic.slug}.md"


def topic_page_number(topic: Topic, number: int) -> str:
    """Page ``number`` (1-based) of a topic's page; later pages hold only older articles."""
    return topic_page(topic) if number == 1 else f"tema/{topic.slug}/side-{number}.md"


def articles_page(number: int) -> str:
    """Page ``number`` (1-based) of the article list."""
    return ARTICLES if number == 1 else f"artikler/side-{number}.md"
