"""The regions and pages of a built site, read from the folder the build wrote.

The web-server configuration is generated from what is actually published,
not from the content: a single-region build (``make site REGION=x``) has one
region, and a page that failed to build is not offered as a redirect target.
A region is a top-level folder with its own ``404.html`` (the root's other
folders, ``assets/``, ``search/`` and ``tilgjengelighet/``, have none); a page
is a folder with an ``index.html``, addressed by its folder (``artikler/x/``).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from ... import messages

NOT_FOUND_PAGE = "404.html"
PAGE_FILE = "index.html"


@dataclass(frozen=True)
class BuiltSite:
    """A built ``site/``: its folder, and for each region the addresses of its pages."""

    root: Path
    pages: dict[str, frozenset[str]]
    """Region id → page addresses relative to the region (``""`` is its home, ``artikler/x/`` a page)."""

    @property
    def region_ids(self) -> list[str]:
        return sorted(self.pages)

    def has_page(self, region_id: str, address: str) -> bool:
        return address in self.pages.get(region_id, frozenset())

    def regions_with(self, address: str) -> list[str]:
        """The regions that publish ``address``, in id order."""
        return [region_id for region_id in self.region_ids if self.has_page(region_id, address)]


def region_ids(site_dir: Path) -> list[str]:
    """Every top-level folder with its own 404 page, sorted."""
    return sorted(
        child.name for child in site_dir.iterdir() if child.is_dir() and (child / NOT_FOUND_PAGE).is_file()
    )


def page_addresses(region_dir: Path) -> frozenset[str]:
    """The address of every page in a region's folder, relative to it (``""``, ``artikler/x/``)."""
    addresses = set()
    for page in region_dir.rglob(PAGE_FILE):
        folder = page.parent.relative_to(region_dir).as_posix()
        addresses.add("" if folder == "." else f"{folder}/")
    return frozenset(addresses)


def read_site(site_dir: Path) -> BuiltSite:
    """Read the regions and pages of the built site in ``site_dir``."""
    if not (site_dir / PAGE_FILE).is_file():
        raise FileNotFoundError(messages.site_not_built(site_dir))
    root = site_dir.resolve()
    return BuiltSite(root, {region_id: page_addresses(root / region_id) for region_id in region_ids(root)})


def site_files(root: Path, suffixes: Collection[str], skip: Collection[str] = ()) -> Iterator[Path]:
    """The files under ``root`` with one of ``suffixes``, in a stable order, leaving out hidden files
    (a build's temporary ones) and the top-level folders named in ``skip`` (the regions, when the
    root is read after them)."""
    for folder, subfolders, files in os.walk(root):
        here = Path(folder)
        if here == root:
            subfolders[:] = [name for name in subfolders if name not in skip]
        subfolders.sort()
        for name in sorted(files):
            if Path(name).suffix in suffixes and not name.startswith("."):
                yield here / name
