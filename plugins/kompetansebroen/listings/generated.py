"""A page the build makes for a region (a list page, a topic page, a series page)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build makes: its title, the Markdown above the lists when no editor wrote one, and the lists."""

    path: str
    title: str
    intro: str
    listing: str
    hub: str | None = None
    """The topic whose hub sections follow, when the page is a hub (also under an editor's page)."""
    blocks: dict[str, str] = field(default_factory=dict, compare=False)
    """HTML blocks by key; ``listing`` holds a placeholder for each (see html_blocks.py)."""
