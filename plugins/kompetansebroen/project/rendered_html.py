"""Check what the browser receives: a page's rendered HTML against an allow-list.

The line scanner (security.py) reads Markdown, and Markdown is not what the
browser gets: attr_list turns ``{: onclick="…" }`` into an attribute, a code
span inside an HTML block is no code span, and an attribute value may hold
``>``. So the HTML that Markdown made is parsed here with an HTML5 parser
(Lexbor, through selectolax: the tree a browser builds, by the HTML standard's
algorithm, in C) and every element, attribute and address in it must be on
the lists below. Everything else is refused, with one message per kind of
breach and page.

It is parsed as a document of its own, not as a fragment: in the page, the
body sits inside a ``<body>`` that is already open, where a ``<body …>`` or
``<html …>`` tag in the text puts its attributes on the page's own element (a
fragment parser drops them). The document parser does the same to the
document's own ``<html>`` and ``<body>``, so attributes there are a breach.

The site requests nothing from another host: images, audio and video must be
files in the repository; links to other sites stay allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .. import messages

ELEMENTS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "audio",
        "video",
        "source",
        "track",
    ]
)
"""Text, lists, tables, figures, collapsible blocks and local media: what Markdown and its extensions make."""

GLOBAL_ATTRIBUTES = frozenset({"id", "class", "title", "lang", "dir", "hidden", "role"})
ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "rel", "target", "name", "hreflang", "type"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "decoding"}),
    "audio": frozenset({"src", "controls", "preload"}),
    "video": frozenset({"src", "controls", "preload", "poster", "width", "height", "playsinline"}),
    "source": frozenset({"src", "type"}),
    "track": frozenset({"src", "kind", "srclang", "label", "default"}),
    "td": frozenset({"colspan", "rowspan", "style", "align"}),
    "th": frozenset({"colspan", "rowspan", "style", "align", "scope"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "type", "reversed"}),
    "li": frozenset({"value"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "del": frozenset({"cite", "datetime"}),
    "ins": frozenset({"cite", "datetime"}),
}
"""Attributes allowed per element, besides :data:`GLOBAL_ATTRIBUTES`, ``aria-*`` and ``data-kb-*``."""

LINK_ATTRIBUTES = frozenset({"href", "cite"})
"""Addresses the reader follows: another site is fine."""
LOAD_ATTRIBUTES = frozenset({"src", "poster"})
"""Addresses the browser loads by itself: only files of this site."""
LINK_SCHEMES = frozenset({"https", "http", "mailto", "tel", "webcal", "podcast", "pktc", "overcast"})
"""``webcal``, ``podcast``, ``pktc`` and ``overcast`` open a calendar or a podcast app with a feed's address."""

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_TABLE_ALIGNMENT = re.compile(r"\s*text-align:\s*(left|right|center)\s*;?\s*")


@dataclass(frozen=True)
class Breach:
    """One thing on a page that is not allowed: the message, and what to look for in the source."""

    message: str
    needle: str
    """Text the source line probably holds (``onclick``, ``<form``), to name the line."""


DOCUMENT_ELEMENTS = frozenset({"html", "head", "body"})
"""The elements the parser makes for every document: allowed, and walked, but only without attributes."""


def breaches(rendered: str) -> list[Breach]:
    """Every kind of breach in ``rendered`` (a page body as Markdown made it), once each, in order.

    The children of a refused element are not looked at: it goes as a whole.
    Linear in the size of the HTML: one parse, one walk.
    """
    found: dict[str, Breach] = {}
    stack: list[LexborNode] = [LexborHTMLParser(rendered).root]
    while stack:
        node = stack.pop()
        name = node.tag or ""
        if name.startswith("-"):  # text, comments
            continue
        if name in DOCUMENT_ELEMENTS:
            if node.attributes:  # a <body …> or <html …> in the text: on the page's own element
                breach = Breach(messages.html_element_not_allowed(name), f"<{name}")
                found.setdefault(breach.message, breach)
            stack.extend(reversed(list(node.iter(include_text=False))))
            continue
        for breach in _element_breaches(name, node.attributes):
            found.setdefault(breach.message, breach)
        if name in ELEMENTS:
            stack.extend(reversed(list(node.iter(include_text=False))))
    return list(found.values())


def _element_breaches(name: str, attrs: dict[str, str | None]) -> Iterator[Breach]:
    if name not in ELEMENTS:
        yield Breach(messages.html_element_not_allowed(name), f"<{name}")
        return
    allowed = ATTRIBUTES.get(name, frozenset())
    for attribute, raw in attrs.items():
        value = raw or ""
        if attribute.startswith("on"):
            yield Breach(messages.event_handler_not_allowed(attribute), attribute)
        elif attribute == "style" and "style" in allowed:
            if not _TABLE_ALIGNMENT.fullmatch(value):
                yield Breach(messages.STYLE_NOT_ALLOWED, "style")
        elif attribute == "style":
            yield Breach(messages.STYLE_NOT_ALLOWED, "style")
        elif not (
            attribute in GLOBAL_ATTRIBUTES
            or attribute in allowed
            or attribute.startswith(("aria-", "data-kb-"))
        ):
            yield Breach(messages.attribute_not_allowed(name, attribute), attribute)
        elif attribute in LINK_ATTRIBUTES or attribute in LOAD_ATTRIBUTES:
            yield from _address_breaches(name, attribute, value)


def _address_breaches(name: str, attribute: str, value: str) -> Iterator[Breach]:
    cleaned = _CONTROL.sub("", value)  # the parser has decoded entities, as the browser does
    scheme_match = _SCHEME.match(cleaned)
    scheme = scheme_match.group(1).lower() if scheme_match else None
    if attribute in LOAD_ATTRIBUTES:
        if scheme is not None or cleaned.startswith(("//", "\\\\", "/\\", "\\/")):
            if scheme in ("javascript", "vbscript", "data"):
                yield Breach(messages.scheme_not_allowed(scheme), f"{scheme}:")
            else:
                yield Breach(messages.requests_other_host(name, value), value[:40])
        return
    if scheme is not None and scheme not in LINK_SCHEMES:
        yield Breach(
            messages.scheme_not_allowed(scheme), f"{scheme_match.group(1)}:" if scheme_match else value
        )


def source_line(body: str, needle: str) -> int | None:
    """The first line (1-based) of ``body`` holding ``needle``, ignoring case; None when none does."""
    lowered = needle.lower()
    for number, line in enumerate(body.split("\n"), start=1):
        if lowered in line.lower():
            return number
    return None
