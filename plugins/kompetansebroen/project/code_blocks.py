"""Where Markdown shows code: the one rule the link check and the security scan share.

Python-Markdown shows text as code in a fenced block (a line starting with
three or more backticks or tildes, closed by the very same fence) and in a code
span (backticks within one line). Links written there are not links, and HTML
written there is shown, not run.
"""

from __future__ import annotations

import re

_FENCE = re.compile(r"^(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)[^\n]+?(?<!`)\1(?!`)")


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
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening:
            fence = opening.group(1)
            closing = next(
                (end for end in range(index + 1, len(lines)) if lines[end].rstrip(" ") == fence),
                None,
            )
            if closing is not None:
                for blank in range(index, closing + 1):
                    lines[blank] = ""
                index = closing + 1
                continue
        if "`" in lines[index]:
            lines[index] = _CODE_SPAN.sub(lambda match: " " * len(match.group(0)), lines[index])
        index += 1
    return "\n".join(lines)
