"""A compact search index in Material's format: titles, descriptions and headings.

Material's own index holds the full text of every page; readers download and
build all of it before the first result, and it grows with the site (about
860 KB compressed per region at a thousand articles). Ours keeps what people
search for — titles, the editor's description and the section headings — which
keeps the first search small, and skips Material's HTML parsing of every page
at build time. See the README's design notes for the measurements.
"""

from __future__ import annotations

import html
import re
from typing import Any

from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
SUMMARY_LENGTH = 200


def _plain(fragment: str) -> str:
    return _SPACE.sub(" ", html.unescape(_TAG.sub("", fragment))).strip()


def summary(page: Page, description: str) -> str:
    """The description, or the start of the first paragraph for pages without one."""
    if description:
        return description
    match = _PARAGRAPH.search(page.content or "")
    text = _plain(match.group(1)) if match else ""
    return text if len(text) <= SUMMARY_LENGTH else text[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + " …"


def _sections(items: list[AnchorLink]) -> list[AnchorLink]:
    found = []
    for item in items:
        if item.level == 2:
            found.append(item)
        found.extend(_sections(item.children))
    return found


def entries_for(page: Page, title: str, description: str, tags: tuple[str, ...]) -> list[dict[str, Any]]:
    """One entry for the page and one per second-level heading."""
    # Material's search shows titles and text as HTML (its own index holds escaped text).
    entry: dict[str, Any] = {
        "location": page.url,
        "title": _html(title),
        "text": _html(summary(page, description)),
    }
    if tags:
        entry["tags"] = list(tags)
    entries = [entry]
    for section in _sections(list(page.toc.items)):
        entries.append(
            {"location": f"{page.url}#{section.id}", "title": _html(_plain(section.title)), "text": ""}
        )
    return entries


def _html(text: str) -> str:
    return html.escape(text, quote=False)
