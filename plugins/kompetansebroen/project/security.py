"""Reject active content in Markdown: editor accounts get compromised, pasted HTML carries junk."""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"`[^`\n]*`")

_RULES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"<\s*(script|iframe|object|embed)\b", re.IGNORECASE),
        "rå HTML-element <{0}> er ikke tillatt; bruk vanlig Markdown (video og skjema lenkes til)",
    ),
    (
        re.compile(r"<[a-zA-Z][^>]*?\s(on[a-zA-Z]+)\s*=", re.IGNORECASE),
        "hendelsesattributtet {0}= er ikke tillatt i HTML; fjern det",
    ),
    (
        re.compile(
            r"(?:\]\(\s*<?|\]:\s*<?|(?:href|src|action)\s*=\s*[\"']?\s*|<)\s*(javascript|vbscript|data)\s*:",
            re.IGNORECASE,
        ),
        "lenker med {0}: er ikke tillatt; lenk til en vanlig https-adresse eller en fil i repoet",
    ),
]


def scan(markdown: str) -> Iterator[tuple[int, str]]:
    """Yield ``(line, message)`` for active content; code blocks and code spans are ignored."""
    in_fence = False
    for number, line in enumerate(markdown.split("\n"), start=1):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or line.startswith("    ") and not line.strip().startswith(("<", "[", "!")):
            continue
        text = _INLINE_CODE.sub("", line)
        for pattern, message in _RULES:
            for match in pattern.finditer(text):
                yield number, message.format(match.group(1).lower())
