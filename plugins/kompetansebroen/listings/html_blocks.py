"""Long lists as HTML blocks: a page of 20 items cost 6 ms in Markdown and a tenth of that as HTML.

A generated page's Markdown holds a placeholder line (an HTML comment, which
Markdown passes through untouched) for each block, and the renderer puts the
block in its place afterwards with :func:`put_in_place`. Everything written
here is escaped: titles, descriptions and names are editors' text.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from ..content_types.registry import content_type
from ..model.documents import Document
from ..model.events import Event
from ..model.topics import TopicRegistry
from ..text.dates import norwegian_date
from ..text.urls import page_url, relative_url
from . import paths

_PLACEHOLDER = re.compile(r"<!--kb:block:([0-9a-f]{16})-->")


def embed(block: str, blocks: dict[str, str]) -> str:
    """Keep ``block`` in ``blocks`` and return the Markdown placeholder for it."""
    key = hashlib.sha256(block.encode("utf-8")).hexdigest()[:16]
    blocks[key] = block
    return f"<!--kb:block:{key}-->\n"


class Section(NamedTuple):
    """Markdown with placeholders, and the blocks that go in them."""

    markdown: str
    blocks: dict[str, str]

    def shown(self) -> str:
        """The Markdown with every block in place (what a reader of the page sees)."""
        return put_in_place(self.markdown, self.blocks)


def named_by_place(markdown: str, blocks: Mapping[str, str], page_path: str) -> tuple[str, dict[str, str]]:
    """``markdown`` with each placeholder of ``blocks`` named by the page and its place on the page, not by
    the block's content; and the blocks by their new names.

    A list page's blocks differ from region to region, the Markdown around them seldom does. Named by
    place, that Markdown is the same in every region, so it is converted once for all of them (the
    render cache), and each region puts its own blocks in. A placeholder of no block (an editor's text)
    is left as it is.
    """
    named: dict[str, str] = {}

    def rename(match: re.Match[str]) -> str:
        block = blocks.get(match.group(1))
        if block is None:
            return match.group(0)
        key = hashlib.sha256(f"{page_path}|{len(named)}".encode()).hexdigest()[:16]
        named[key] = block
        return f"<!--kb:block:{key}-->"

    return _PLACEHOLDER.sub(rename, markdown), named


def put_in_place(rendered: str, blocks: Mapping[str, str]) -> str:
    """The rendered page with every placeholder replaced by its block."""
    if not blocks:
        return rendered
    return _PLACEHOLDER.sub(lambda match: blocks.get(match.group(1), match.group(0)), rendered)


def _link(label: str, from_path: str, to_path: str) -> str:
    href = relative_url(page_url(from_path), page_url(to_path))
    return f'<a href="{html.escape(href)}">{html.escape(label)}</a>'


def items(docs: Iterable[Document], from_path: str, topics: TopicRegistry, level: int) -> str:
    """One heading (with the link) per document, then its date, its type's item facts (a document's issuer)
    and its topics, then its description."""
    out = []
    for doc in docs:
        out.append(f"<h{level}>{_link(doc.title, from_path, doc.path)}</h{level}>")
        facts = [norwegian_date(doc.date)] if doc.date else []
        facts += [html.escape(fact) for fact in content_type(doc.kind).item_facts(doc)]
        names = [name for name in doc.tags if name in topics]
        if names:
            links = ", ".join(_link(name, from_path, paths.topic_page(topics.get(name))) for name in names)
            facts.append(f"Tema: {links}")
        if facts:
            out.append(f'<p class="kb-meta">{" · ".join(facts)}</p>')
        if doc.description:
            out.append(f"<p>{html.escape(doc.description)}</p>")
    return "\n".join(out)


def event_items(
    events: Iterable[Event], from_path: str, topics: TopicRegistry, level: int, *, hide_when_over: bool = True
) -> str:
    """One heading per event, then when, how, where, by whom and for whom, then its description.

    Cancelled events stay, marked «Avlyst». With ``hide_when_over`` each item
    carries the moment the event is over (``data-kb-end``), so that the page's
    script can hide it when a reader comes after that; the list is right as of
    the build without the script.
    """
    out = []
    for event in events:
        end = f' data-kb-end="{event.ends_at.isoformat()}"' if hide_when_over else ""
        out.append(f'<div class="kb-event"{end}>')
        out.append(f"<h{level}>{_link(event.title, from_path, event.path)}</h{level}>")
        facts = ['<strong class="kb-cancelled">Avlyst</strong>'] if event.cancelled else []
        facts += [html.escape(event.when), html.escape(event.format.label)]
        if event.place:
            facts.append(html.escape(event.place))
        facts.append(f"Arrangør: {html.escape(event.organiser)}")
        if event.audience:
            facts.append(f"For: {html.escape(', '.join(event.audience))}")
        out.append(f'<p class="kb-meta">{" · ".join(facts)}</p>')
        out.append(f"<p>{html.escape(event.description)}</p>")
        out.append("</div>")
    return "\n".join(out)
