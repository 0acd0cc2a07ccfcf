"""Find the relative links in Markdown, to check them against a region's pages."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from urllib.parse import unquote

_INLINE = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_HTML = re.compile(r"(?:href|src)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_FENCE = re.compile(r"^\s*(```|~~~)")


def relative_targets(markdown: str) -> Iterator[tuple[int, str]]:
    """Yield ``(line, target)`` for links that point inside the site (no scheme, no ``/``)."""
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for pattern in (_INLINE, _REFERENCE, _HTML):
            for match in pattern.finditer(line):
                target = match.group(1)
                if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith(("/", "#")):
                    continue
                yield number, target


def resolve(page_path: str, target: str) -> str:
    """The tree-relative path a link from ``page_path`` points at (without anchor or query)."""
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
