"""Which corpora one run builds, and what it measures on each.

The targets name four corpora: sizes S and L with today's four regions and with
all nineteen helsefellesskap areas (S4, S19, L4, L19). Every corpus gets the
Markdown floor, MkDocs and Material alone (a plain build of its distinct pages,
about twice the floor) and cold builds. The unchanged rebuild and ``make serve``
are measured on the corpora with the fewest regions of the run (their targets
are at four regions, and a preview serves one region anyway), and the naive
per-region baseline once, at S. ``--quick`` leaves out what takes longest: L
with more than four regions and the naive baseline.
"""

from __future__ import annotations

from dataclasses import dataclass

from .corpus import MAX_REGIONS, SIZES, Size

BASE_REGIONS = 4
DEFAULT_SIZES = ("S", "L")
DEFAULT_REGIONS = (BASE_REGIONS, MAX_REGIONS)
NAIVE_SIZE = "S"


@dataclass(frozen=True)
class Setup:
    """One corpus of the run and the measurements taken on it beyond floor and cold builds."""

    size: Size
    rebuild_and_serve: bool
    naive: bool

    @property
    def label(self) -> str:
        return self.size.label


def make_plan(size_names: list[str], region_counts: list[int], *, quick: bool) -> list[Setup]:
    """The setups for ``size_names`` × ``region_counts``, in that order; empty if ``quick`` leaves none.

    Raises ``KeyError`` for an unknown size and ``ValueError`` for a region count we have no
    regions for.
    """
    counts = sorted(set(region_counts))
    fewest = counts[0] if counts else BASE_REGIONS
    setups: list[Setup] = []
    for name in dict.fromkeys(size_names):
        for regions in counts:
            if quick and name == "L" and regions > BASE_REGIONS:
                continue
            size = SIZES[name].with_regions(regions)
            setups.append(Setup(size, rebuild_and_serve=regions == fewest, naive=False))
    if quick or not setups:
        return setups
    candidates = [s for s in setups if s.rebuild_and_serve]
    preferred = [s for s in candidates if s.size.name == NAIVE_SIZE]
    naive_at = (preferred or sorted(candidates, key=lambda s: s.size.sources))[0]
    return [Setup(s.size, s.rebuild_and_serve, naive=s is naive_at) for s in setups]
