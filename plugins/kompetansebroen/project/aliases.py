"""Every page's old addresses (``aliases:``), gathered over the regions that show the page.

A page's old address leads to that page in every region that shows it: a
shared page in the regions it is in, a region's own page in its region. A
region's copy of a shared page (same path) that repeats the address leads
to the same page address, so the two are one old address; two pages at
different addresses claiming it are a mistake, reported by cross_checks.py.
The build hands the result to the web server's configuration and the
redirect pages (output/publishing/old_addresses.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model.documents import Document
from ..text.urls import page_url
from .trees import CONTENT_DIR, REGIONS_DIR


@dataclass(frozen=True)
class Alias:
    """An old address and the page it leads to in the regions that show that page."""

    path: str
    """The old address, without a trailing slash: ``/article/hva-er-et-helsefellesskap``."""
    target: str
    """The page's address inside a region: ``artikler/hva-er-et-helsefellesskap/``."""
    regions: tuple[str, ...]
    pages: tuple[Document, ...]
    """The files that give the address for this page: one, or a shared page and regions' copies of it."""

    @property
    def title(self) -> str:
        return self.pages[0].title


def source_of(doc: Document) -> str:
    """The file as messages name it: ``content/artikler/x.md``, ``regions/ahus/artikler/x.md``."""
    tree = CONTENT_DIR if doc.origin is None else f"{REGIONS_DIR}/{doc.origin}"
    return f"{tree}/{doc.path}"


def aliases_by_path(views: Mapping[str, Mapping[str, Document]]) -> dict[str, list[Alias]]:
    """Every old address with the pages claiming it, by address; two entries: two pages claim it.

    ``views`` is each region's pages by path. Entries are sorted by the first
    file that claims them, so the first is the one a message keeps.
    """
    found: dict[str, dict[str, tuple[set[str], dict[str, Document]]]] = {}
    for region_id, documents in views.items():
        for path, doc in documents.items():
            for alias in doc.aliases:
                regions, pages = found.setdefault(alias, {}).setdefault(page_url(path), (set(), {}))
                regions.add(region_id)
                pages[source_of(doc)] = doc
    result: dict[str, list[Alias]] = {}
    for alias, targets in sorted(found.items()):
        entries = [
            Alias(alias, target, tuple(sorted(regions)), tuple(pages[source] for source in sorted(pages)))
            for target, (regions, pages) in targets.items()
        ]
        result[alias] = sorted(entries, key=lambda entry: source_of(entry.pages[0]))
    return result
