"""A region's parts of a page, rendered from the small ``partials/kb-*.html`` templates.

The page template prints a slot for each part (output/slots.py); every region
fills them with its own. The parts see only the region context (``kb``), the
page's canonical address and the site settings, and are rendered the same way
for a page Material renders in this region and for a copy stamped from another
region's rendering, so the two cannot differ.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from ..output.slots import PARTS


def render(env: Any, config: MkDocsConfig, canonical: str | None, kb: dict[str, Any]) -> dict[str, str]:
    """Every part for one page of one region."""
    context = {"config": config, "page": SimpleNamespace(canonical_url=canonical), "kb": kb}
    return {name: env.get_template(template).render(context) for name, template in PARTS.items()}
