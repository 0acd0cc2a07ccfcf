"""Where Markdown shows code: the one rule the link check and the security scan share.

Python-Markdown shows text as code in a fenced block (a line starting with
three or more backticks or tildes, closed by the very same fence) and in a code
span (backticks within one line). Links written there are not links, and HTML
written there is shown, not run.

Both are found in time linear in the length of the text: an editor's file is
not trusted to be reasonable, and a pattern that tries every closing run for
every opening one took minutes on one long line of backticks.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

_FENCE = re.compile(r"^(`{3,}|~{3,})")
_CLOSING_FENCE = re.compile(r"^(`{3,}|~{3,}) *$")
_BACKTICKS = re.compile(r"`+")


def _closing_fences(lines: list[str]) -> dict[str, list[int]]:
    """The indices of the lines that could close a fence, by fence (ascending)."""
    found: dict[str, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        if line[:1] in "`~" and (match := _CLOSING_FENCE.match(line)):
            found[match.group(1)].append(index)
    return found


def _code_spans(line: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each code span in one line, left to right.

    A span opens with a run of backticks not preceded by a backslash or a
    backtick, and closes with the next run of exactly as many backticks. An
    opening without a closing run is text, and the search goes on from the
    next run. Each run is looked at a constant number of times.
    """
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(line)]
    by_length: dict[int, list[int]] = defaultdict(list)
    for index, (start, end) in enumerate(runs):
        by_length[end - start].append(index)
    # How many runs of each length lie at or before the current one: only ever counted
    # forward, so finding the next run of a length is one look-up.
    seen: dict[int, int] = defaultdict(int)
    spans = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        length = end - start
        seen[length] += 1  # this run itself, in its length's list
        if start > 0 and line[start - 1] == "\\":
            index += 1
            continue
        candidates = by_length[length]
        if seen[length] < len(candidates):
            closing = candidates[seen[length]]
            spans.append((start, runs[closing][1]))
            for skipped in range(index + 1, closing + 1):
                seen[runs[skipped][1] - runs[skipped][0]] += 1
            index = closing + 1
        else:
            index += 1
    return spans


def mask_code(markdown: str) -> str:
    """``markdown`` with code blanked out, line numbers (and columns) kept.

    Only what Python-Markdown surely shows as code is left out: a fenced block
    starting in the first column and closed by the very same fence, and code
    spans within one line. Anything doubtful (an unclosed or indented fence, a
    code span over several lines) is kept, so it cannot hide active content
    from the security scan, nor a link from the check.
    """
    if "`" not in markdown and "~~~" not in markdown:
        return markdown
    lines = markdown.split("\n")
    closings = _closing_fences(lines)
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening:
            candidates = closings.get(opening.group(1), [])
            position = bisect.bisect_right(candidates, index)
            if position < len(candidates):
                closing = candidates[position]
                for blank in range(index, closing + 1):
                    lines[blank] = ""
                index = closing + 1
                continue
        if "`" in lines[index]:
            lines[index] = _blank_spans(lines[index])
        index += 1
    return "\n".join(lines)


def _blank_spans(line: str) -> str:
    """``line`` with its code spans replaced by blanks of the same length."""
    spans = _code_spans(line)
    if not spans:
        return line
    parts = []
    done = 0
    for start, end in spans:
        parts += [line[done:start], " " * (end - start)]
        done = end
    parts.append(line[done:])
    return "".join(parts)
