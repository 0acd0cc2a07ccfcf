"""Region slots: one rendering of a shared page serves every region.

A shared page differs between regions only in a few parts: the feeds and
``og:`` tags in the head, the region selector, «Les også» and the issue links
below the text, the footer, and the canonical address. The page template
prints a token for each; the rendered page (the *shell*) is the same in every
region, and each region's copy is the shell with that region's parts filled in.

An editor's text must never be taken for a token, or a body holding
``<!--kb-slot:footer-->`` would move the footer into the text. Everything
else the theme prints is escaped text (no ``<``, no ``"``), so only the page
body could hold one: :func:`without_tokens` makes the body's «kb-slot:» into
the same text in another spelling, and :func:`fill` fills each slot once,
at the first token of its kind in the shell (a part filled in is never
searched again). The tokens themselves stay the same from build to build, so
renderings kept in the cache are filled like new ones.

Filling is the whole cost of a stamped copy, so it looks for each token with
``str.find`` (a few fixed strings, in C) and joins the pieces, rather than
matching a pattern over the whole page with a Python call per token.
"""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import Markup

PARTS = {
    "head": "partials/kb-head.html",
    "selector": "partials/kb-selector.html",
    "after_content": "partials/kb-after-content.html",
    "footer": "partials/kb-footer.html",
}

_PREFIX = "kb-slot:"
# Printed where Material writes the canonical address (an attribute: no markup in it).
CANONICAL = f"{_PREFIX}canonical-url"
_CANONICAL_ATTRIBUTE = f'"{CANONICAL}"'
"""The canonical token as the shell holds it, inside the quotes of ``href``: escaped text has no raw ``"``."""


def _token(name: str) -> str:
    return f"<!--{_PREFIX}{name}-->"


def tokens() -> dict[str, Markup]:
    """What the template prints for each part (``kb.slots``)."""
    return {name: Markup(_token(name)) for name in PARTS}


def without_tokens(body_html: str) -> str:
    """A page body as the browser shows it, but with no text a slot token could be taken from.

    «kb-slot:» is written «kb-slot&#58;»: the same text in a paragraph, a code
    block or an attribute value, and an inert comment in an HTML comment.
    """
    return body_html.replace(_PREFIX, "kb-slot&#58;")


def fill(shell: str, parts: Mapping[str, str], canonical: str | None) -> str:
    """The page as one region shows it: each part at the first token of its kind, the canonical address.

    Tokens cannot overlap (a part's begins with ``<``, the canonical one with ``"``), so the first of
    each kind in the shell is where the template printed it.
    """
    edits = []
    for name, part in parts.items():
        token = _token(name)
        at = shell.find(token)
        if at >= 0:
            edits.append((at, at + len(token), part))
    at = shell.find(_CANONICAL_ATTRIBUTE)
    if at >= 0:
        edits.append((at, at + len(_CANONICAL_ATTRIBUTE), f'"{canonical or ""}"'))
    edits.sort(key=lambda edit: edit[0])
    pieces = []
    done = 0
    for start, end, text in edits:
        pieces += (shell[done:start], text)
        done = end
    pieces.append(shell[done:])
    return "".join(pieces)
