"""Checks across a podcast's files: every episode has its series, and no two episodes share a number.

Both need a region's merged view (a region may add episodes to a shared
series, or replace its ``serie.yml``), and both are reported once, however
many regions show the same mistake (``Problems`` drops repeats).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from .. import messages
from ..model.documents import Kind
from ..model.learning import SERIES_FILE, clashing_episode_numbers
from ..problems import Problems
from .trees import Tree
from .views import RegionView


def check_podcasts(
    region_ids: Collection[str],
    view_of: Callable[[str], RegionView],
    shared: Tree,
    regional: Mapping[str, Tree],
    problems: Problems,
) -> None:
    """Episodes outside a series folder, series without ``serie.yml``, clashing season and episode numbers."""
    trees = [shared, *regional.values()]
    for tree in trees:
        for doc in tree.docs.values():
            parts = doc.path.split("/")
            if (
                doc.kind is Kind.PAGE
                and parts[0] == Kind.EPISODE.folder
                and len(parts) == 2
                and parts[1] != "index.md"
            ):
                problems.add(
                    tree.shown(doc.path),
                    None,
                    "",
                    messages.episode_outside_series(Kind.EPISODE.folder, parts[1]),
                )
    for region_id in region_ids:
        view = view_of(region_id)
        episodes = [doc for doc in view.documents.values() if doc.kind is Kind.EPISODE]
        for doc in episodes:
            folder = doc.path.rsplit("/", 1)[0]
            if doc.path.split("/")[1] in view.series or _series_rejected(trees, doc.path):
                continue
            tree = regional[region_id] if doc.origin is not None else shared
            problems.add(
                tree.shown(f"{folder}/{SERIES_FILE}"),
                None,
                "",
                messages.series_file_missing(SERIES_FILE),
            )
        clashes = clashing_episode_numbers(
            [doc.episode for doc in episodes if doc.path.split("/")[1] in view.series]
        )
        for later, first in clashes:
            tree = regional[region_id] if later.origin is not None else shared
            lines = tree.field_lines.get(later.path, {})
            problems.add(
                tree.shown(later.path),
                lines.get("episode"),
                "episode",
                messages.episode_number_taken(later.season, later.episode, first.path),
            )


def _series_rejected(trees: list[Tree], episode_path: str) -> bool:
    """Whether the episode's ``serie.yml`` exists but has problems (reported already, on that file)."""
    folder = episode_path.rsplit("/", 1)[0]
    return any(f"{folder}/{SERIES_FILE}" in tree.rejected for tree in trees)
