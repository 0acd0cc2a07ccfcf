"""One page of a region build: what its MkDocs events hand on to each other.

MkDocs calls the plugin once per page and event (``on_page_markdown``,
``on_page_content``, ``on_page_context``, ``on_post_page``), and once for the
region at the end (``on_post_build``). What one event works out for a page and
a later one needs is kept in the page's record, made when the region's files
are known (region_build.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mkdocs.structure.files import File


@dataclass(eq=False)
class PageRecord:
    file: File
    stamped_from: str | None = None
    """The key of another region's rendering this region copies the page from (MkDocs skips the page)."""
    shell_for_others: str | None = None
    """The key under which this region leaves its rendering for the regions that stamp the page."""
    stamp: bool = False
    """Stamped in this build, once every region has rendered (not when unchanged since the last build)."""
    context: dict[str, Any] | None = None
    """The region context (``kb``), worked out once: an incremental build needs it before the page."""
    blocks: dict[str, str] = field(default_factory=dict)
    """Listing HTML, put in place once the Markdown is converted (page_markdown to page_content)."""
    parts: dict[str, str] | None = None
    """This region's parts (output/slots.py), rendered with the page's context, filled in after the template."""
    canonical: str | None = None
    """The page's canonical address, filled in after the template with the parts."""
    page_key: str | None = None
    """The page's key in the page cache."""
    store_page: bool = False
    """The page cache had no entry: the finished page is stored once the template has rendered it."""
    search_entries: list[dict[str, Any]] | None = None
    """The page's entries in the region's search index (None: the page was not converted in this build)."""
    newsletter_html: str | None = None
    """A newsletter issue's converted body, which its feed entry carries."""

    @property
    def path(self) -> str:
        """The page's source path (``artikler/x.md``)."""
        return self.file.src_uri
