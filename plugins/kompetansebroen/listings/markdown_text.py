"""Small helpers to write Markdown safely from data."""

from __future__ import annotations

import re

from ..dates import norwegian_date
from ..model.documents import Document
from ..project.links import relative

_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|])")


def text(value: str) -> str:
    """Plain text as Markdown: HTML-escaped, Markdown punctuation backslash-escaped."""
    escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", escaped)


def link(label: str, from_path: str, to_path: str) -> str:
    """A Markdown link between two tree paths (``artikler/index.md`` → ``artikler/x.md``)."""
    return f"[{text(label)}]({relative(from_path, to_path)})"


def date_of(doc: Document) -> str:
    """The document's date for Markdown; «1. mai» at a line start would otherwise become a list."""
    return norwegian_date(doc.date).replace(".", "\\.", 1) if doc.date else ""


def with_class(block: str, css_class: str) -> str:
    """Give a paragraph a class (attr_list: on its own line, or it would attach to the last link)."""
    return f"{block}\n{{ .{css_class} }}"
