"""Where a link's text ends, found from the brackets alone: a Python-Markdown extension for speed.

Python-Markdown (3.11) finds the ``]`` that closes a link's or image's ``[`` with a table of every
position of the text, made by a Python loop over each character (``_findBracketEnds``), and makes
it again whenever the text changes, which it does after each link it replaces. A paragraph of
many links is walked character by character once per link; on the benchmark's L corpus, making
that table from the brackets instead took the Markdown floor from 4.4 to 3.6 s. :class:`BracketEnds` gives the same answers from the
positions of the brackets only (found by a regular expression), so its cost grows with the
brackets, not with the text.

The table's answer for a position ``p`` is the index just past the ``]`` that brings the bracket
depth below the depth at ``p`` (``None`` if none does). Between two brackets the depth is the
same, so every position in such a stretch has the same answer: that of the first later stretch
with a smaller depth, found for all stretches at once with a stack ("next smaller element").

The extension changes only how fast the answer comes, never the HTML: the unit tests compare
both tables at every position of many texts, and the sample's pages with and without it. A
Python-Markdown without ``_findBracketEnds`` (before 3.11) is left as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import LinkInlineProcessor

_BRACKET = re.compile(r"[\[\]]")
_SCAN = "_findBracketEnds"


class BracketEnds:
    """``ends[p]`` for every position ``p`` of ``data``, as ``_findBracketEnds(data)[p]`` gives it."""

    __slots__ = ("_brackets", "_stretch_end")

    def __init__(self, data: str) -> None:
        brackets = [match.start() for match in _BRACKET.finditer(data)]
        # Stretch k holds the positions after bracket k-1 up to bracket k itself (the last one up to
        # the end of data); its depth is that of the brackets before it.
        depths = [0]
        for at in brackets:
            depths.append(depths[-1] + (1 if data[at] == "[" else -1))
        ends: list[int | None] = [None] * len(depths)
        waiting: list[int] = []
        for stretch, depth in enumerate(depths):
            while waiting and depth < depths[waiting[-1]]:
                ends[waiting.pop()] = brackets[stretch - 1] + 1  # just past the bracket that closed it
            waiting.append(stretch)
        self._brackets = brackets
        self._stretch_end = ends

    def __getitem__(self, position: int) -> int | None:
        return self._stretch_end[bisect_left(self._brackets, position)]


class BracketScanExtension(Extension):
    """Gives every link and image processor of a converter the bracket-only scan.

    Listed last in ``markdown_extensions``, so that it finds the processors the others registered.
    """

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        if not hasattr(LinkInlineProcessor, _SCAN):
            return
        for processor in md.inlinePatterns:
            if isinstance(processor, LinkInlineProcessor):
                setattr(processor, _SCAN, BracketEnds)  # an instance attribute: called as _SCAN(data)


def makeExtension(**kwargs: Any) -> BracketScanExtension:  # noqa: N802 - Python-Markdown's name
    return BracketScanExtension(**kwargs)
