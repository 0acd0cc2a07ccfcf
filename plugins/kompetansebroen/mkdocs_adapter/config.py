"""Typed options of the ``kompetansebroen`` plugin in ``mkdocs.yml``."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class TopicConfig(Config):
    """One entry of the controlled topic list."""

    name = c.Type(str)
    description = c.Type(str)


class KompetansebroenConfig(Config):
    """Options of the plugin.

    ``region`` builds (or serves) one region alone; empty builds every region
    plus the root chooser. ``workers`` is the number of processes that build
    regions side by side (0 = one per CPU core).
    """

    region = c.Optional(c.Type(str))
    topics = c.ListOfItems(c.SubConfig(TopicConfig), default=[])
    workers = c.Type(int, default=0)
    cache = c.Type(bool, default=True)
    """Reuse rendered Markdown across regions and builds (``.cache/kompetansebroen/``)."""
