"""A page's entry in the region's search index: title, summary, topics, headings and body words.

Material's own index holds the full text of every page, and its search downloads all of it
before the first result (about 860 KB compressed per region at a thousand articles). Ours keeps
for each page what a result shows (title, the editor's description or the start of the first
paragraph, topics, the ``##`` headings with their anchors) and the distinct words of its body,
from which ``output/search_index.py`` writes an index the reader fetches in small parts. It also
skips Material's HTML parsing of every page at build time. See the README's design notes for the
measurements.
"""

from __future__ import annotations

import html
import re
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from ..output.search_words import words_of

_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
SUMMARY_LENGTH = 200


def _plain(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub(" ", fragment))).strip()


def _inline(fragment: str) -> str:
    """Text of an inline fragment: tags removed without a space, as a reader sees «<em>ny</em>tt»."""
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", fragment))).strip()


def summary(body_html: str, description: str) -> str:
    """The description, or the start of the first paragraph for pages without one."""
    if description:
        return description
    match = _PARAGRAPH.search(body_html)
    text = _inline(match.group(1)) if match else ""
    return text if len(text) <= SUMMARY_LENGTH else text[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + " …"


def _sections(items: list[AnchorLink]) -> list[AnchorLink]:
    found = []
    for item in items:
        if item.level == 2:
            found.append(item)
        found.extend(_sections(item.children))
    return found


def entries_for(
    page: Page, title: str, description: str, tags: tuple[str, ...], body_html: str
) -> list[dict[str, Any]]:
    """The page's one entry; ``body_html`` is the page body without the listing blocks.

    A listing page's items are other pages (found by their own entries), so their words are not
    this page's.
    """
    # Material's search shows titles and text as HTML (its own index holds escaped text).
    entry: dict[str, Any] = {
        "location": page.url,
        "title": _html(title),
        "text": _html(summary(body_html, description)),
        "sections": [[section.id, _html(_inline(section.title))] for section in _sections(page.toc.items)],
        "words": " ".join(words_of(_plain(body_html))),
    }
    if tags:
        entry["tags"] = list(tags)
    return [entry]


def _html(text: str) -> str:
    return html.escape(text, quote=False)
