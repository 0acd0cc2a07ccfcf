"""The region selector: for a page, where each region's reader should land."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from .model.regions import Region
from .text.urls import page_url


@dataclass(frozen=True)
class SelectorLink:
    """One entry of the selector: a region, the URL from the site root, and whether it is the same page."""

    region: Region
    url: str
    same_page: bool
    current: bool


def selector_links(
    page_path: str,
    current_region: str,
    regions: Mapping[str, Region],
    pages_by_region: Mapping[str, Collection[str]],
) -> list[SelectorLink]:
    """Links for the page at ``page_path`` (tree-relative, e.g. ``artikler/x.md``).

    Each region links to the same page where it exists there, otherwise to that
    region's home. URLs are relative to the root of the whole site (``ahus/artikler/x/``).
    """
    links = []
    for region_id, region in sorted(regions.items(), key=lambda item: item[1].name):
        same = page_path in pages_by_region.get(region_id, ())
        target = page_url(page_path) if same else ""
        links.append(SelectorLink(region, f"{region_id}/{target}", same, region_id == current_region))
    return links
