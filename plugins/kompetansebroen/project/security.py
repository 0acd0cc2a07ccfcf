"""Reject active content in Markdown: editor accounts get compromised, pasted HTML carries junk.

Python-Markdown passes raw HTML through untouched, so everything that could
run script or load other sites is refused here: ``<script>`` and embedding
elements, ``on…=`` event handlers, and ``javascript:``, ``vbscript:`` and
``data:`` addresses, also when hidden behind HTML entities, split by blanks
and tabs, or split over several lines. Fenced code blocks and code spans are shown as text and are
not scanned (see :func:`code_blocks.mask_code` for what counts as code).

It also refuses runs of more than ``MAX_BACKTICKS`` backticks outside code,
which would make Python-Markdown's conversion of the page quadratic.

This scan reads the Markdown, so its messages name the line; what the page
becomes is checked again, as the browser receives it, in rendered_html.py
(attr_list attributes, HTML blocks, quoted ``>``, anything not allowed).
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator

from .. import messages
from .code_blocks import mask_code

_ELEMENTS = ("script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "meta")
_ELEMENT = re.compile(r"<\s*/?\s*(" + "|".join(_ELEMENTS) + r")(?=[\s/>]|$)", re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z][\w:-]*(?:\s[^<>]*?)?/?>", re.DOTALL)
_ATTRIBUTE = re.compile(
    r"""([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""",
    re.DOTALL,
)
_MARKDOWN_TARGET = re.compile(r"\]\(\s*<?([^)>]*)|^\s{0,3}\[[^\]\n]+\]:\s*<?([^\s>]*)", re.MULTILINE)
"""An inline link's target up to its ``)``, blanks and line breaks included (Python-Markdown keeps
``java⏎script:`` in the ``href``, and browsers drop the break), or a reference definition's address."""
_AUTOLINK = re.compile(r"<\s*([a-zA-Z][a-zA-Z0-9+.\-\s]*:[^>\s]*)>")
_FORBIDDEN_SCHEMES = ("javascript", "vbscript", "data")
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
MAX_BACKTICKS = 10
"""The longest run of backticks allowed outside code: inline code needs one to three."""
_LONG_BACKTICKS = re.compile(f"`{{{MAX_BACKTICKS + 1},}}")

BACKTICKS_MESSAGE = messages.backticks_too_long(MAX_BACKTICKS)


def _scheme(url: str) -> str | None:
    """The forbidden scheme ``url`` uses, as a browser would read it (entities and blanks ignored)."""
    cleaned = _CONTROL.sub("", html.unescape(url)).lower()
    for scheme in _FORBIDDEN_SCHEMES:
        if cleaned.startswith(scheme + ":"):
            return scheme
    return None


def _line_starts(text: str) -> list[int]:
    """The offset where each line begins: a line number is then one bisection, not a count from the top."""
    return [0] + [match.end() for match in re.finditer("\n", text)]


def scan(markdown: str) -> Iterator[tuple[int, str]]:
    """Yield ``(line, message)`` for active content, in order; code blocks and code spans are ignored."""
    text = mask_code(markdown)
    found: set[tuple[int, str]] = set()
    starts = _line_starts(text)

    def report(offset: int, message: str) -> None:
        found.add((bisect.bisect_right(starts, offset), message))

    for match in _ELEMENT.finditer(text):
        if not match.group(0).lstrip("<").lstrip().startswith("/"):
            report(match.start(), messages.html_element_not_allowed(match.group(1).lower()))
    for tag in _TAG.finditer(text):
        inner = tag.group(0)
        name_end = re.match(r"<[a-zA-Z][\w:-]*", inner).end()  # type: ignore[union-attr]
        for attribute in _ATTRIBUTE.finditer(inner, name_end):
            name = attribute.group(1).lower()
            offset = tag.start() + attribute.start()
            if name.startswith("on") and attribute.group(2) is not None:
                report(offset, messages.event_handler_not_allowed(name))
            value = (attribute.group(2) or "").strip("\"'")
            if attribute.group(2) is not None and (scheme := _scheme(value)):
                report(offset, messages.scheme_not_allowed(scheme))
    for match in _MARKDOWN_TARGET.finditer(text):
        group = 1 if match.group(1) is not None else 2
        if scheme := _scheme(match.group(group)):
            report(match.start(group), messages.scheme_not_allowed(scheme))
    for match in _AUTOLINK.finditer(text):
        if scheme := _scheme(match.group(1)):
            report(match.start(1), messages.scheme_not_allowed(scheme))
    # Python-Markdown looks for the closing run of every opening one through the rest of the
    # paragraph: runs of many lengths that never close make it quadratic. Capping the length
    # caps how many runs can stay open, and keeps every page's conversion linear.
    for match in _LONG_BACKTICKS.finditer(text):
        report(match.start(), BACKTICKS_MESSAGE)
    yield from sorted(found)
