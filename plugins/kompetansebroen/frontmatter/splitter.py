"""Separate the YAML front matter from the Markdown body of a page."""

from __future__ import annotations

from dataclasses import dataclass

_FENCE = "---"
_CLOSERS = ("---", "...")


@dataclass(frozen=True)
class SplitSource:
    """A page's front matter text and body, with the body's first line number."""

    front_matter: str | None
    body: str
    body_line: int
    unclosed: bool = False


def split(source: str) -> SplitSource:
    """Split ``source`` at its front matter fences.

    A file without a leading ``---`` has no front matter. A leading fence
    without a closing one is reported as ``unclosed`` rather than silently
    rendered as text, which is what MkDocs would do.
    """
    if source.startswith("\ufeff"):
        source = source[1:]
    lines = source.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        return SplitSource(None, source, 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in _CLOSERS:
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return SplitSource(front, body, index + 2)
    return SplitSource("\n".join(lines[1:]), "", len(lines) + 1, unclosed=True)
