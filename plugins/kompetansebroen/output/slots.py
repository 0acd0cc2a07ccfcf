"""Region slots: one rendering of a shared page serves every region.

A shared page differs between regions only in a few parts: the feeds and
``og:`` tags in the head, the region selector, «Les også» and the issue links
below the text, the footer, and the canonical address. The page template
prints a token for each; the rendered page (the *shell*) is the same in every
region, and each region's copy is the shell with that region's parts filled in.
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

# Printed where Material writes the canonical address (an attribute: no markup in it).
CANONICAL = "kb-slot:canonical-url"


def _token(name: str) -> str:
    return f"<!--kb-slot:{name}-->"


def tokens() -> dict[str, Markup]:
    """What the template prints for each part (``kb.slots``)."""
    return {name: Markup(_token(name)) for name in PARTS}


def fill(shell: str, parts: Mapping[str, str], canonical: str | None) -> str:
    """The page as one region shows it."""
    page = shell.replace(CANONICAL, canonical or "")
    for name, html in parts.items():
        page = page.replace(_token(name), html, 1)
    return page
