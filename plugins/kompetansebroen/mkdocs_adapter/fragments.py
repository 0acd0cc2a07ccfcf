"""Region slots: one rendering of a shared page serves every region.

A shared page differs between regions only in a few parts: the feeds and
``og:`` tags in the head, the region selector, «Les også» and the issue links
below the text, the footer, and the canonical address. The page template
prints a token for each (``kb.slots``); the page cache keeps the page with the
tokens in, under a key without the region, and every region puts its own parts
in, rendered from the small ``partials/kb-*.html`` templates. Material's page
template, the largest cost of a build, then runs once per shared page instead
of once per region.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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


def render(env: Any, context: Mapping[str, Any]) -> dict[str, str]:
    """Every part for one page of one region; ``context`` is the page's template context."""
    return {name: env.get_template(template).render(context) for name, template in PARTS.items()}


def fill(shell: str, parts: Mapping[str, str], canonical: str | None) -> str:
    """The page as this region shows it."""
    page = shell.replace(CANONICAL, canonical or "")
    for name, html in parts.items():
        page = page.replace(_token(name), html, 1)
    return page
