"""Writing data into Markdown safely: editors' text, links between pages, dates, classes."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import quote

from .dates import norwegian_date
from .urls import source_link

_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|])")


def markdown_text(value: str) -> str:
    """Plain text as Markdown: HTML-escaped, Markdown punctuation backslash-escaped."""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", escaped)


_URL_SAFE = "/:?#&=%+,;@!$~.-_"
"""What a URL keeps as written: the characters of addresses and paths that cannot end a Markdown link."""


def markdown_url(value: str) -> str:
    """An address or file path from front matter or region.yml as a Markdown link target, and nothing more.

    Every character that Markdown or attr_list could read as syntax (``)``,
    ``(``, ``{``, ``<``, ``"``, ``'``, ``[``, backslash, spaces …) is
    percent-encoded, so a value such as ``x.png){: onerror="…" }`` stays one
    address (``x.png%29%7B%3A%20onerror…``) instead of closing the link and
    adding attributes. Percent escapes already in the value are kept, and
    MkDocs decodes them again when it resolves a path in the repository.
    """
    return quote(value, safe=_URL_SAFE)


def link(label: str, from_path: str, to_path: str) -> str:
    """A Markdown link between two tree paths (``artikler/index.md`` → ``artikler/x.md``)."""
    return f"[{markdown_text(label)}]({markdown_url(source_link(from_path, to_path))})"


def markdown_date(date: dt.date | None) -> str:
    """A date for Markdown («1\\. mai 2020»: «1. mai» at a line start would become a list); ``""`` for none."""
    return norwegian_date(date).replace(".", "\\.", 1) if date else ""


def with_class(block: str, css_class: str) -> str:
    """Give a paragraph a class (attr_list: on its own line, or it would attach to the last link)."""
    return f"{block}\n{{ .{css_class} }}"
