"""The identity of each content type, and its folder.

Everything else a type is (names, fields, lists, feed, facts) is declared once
in content_types/registry.py; the folder is here, at the bottom, because the
model itself needs it (a podcast series' address, the catalogue's type facet)
and the model may not import the registry above it.
"""

from __future__ import annotations

import enum


class Kind(enum.Enum):
    """A content type's identity; its value is the top folder of its pages (``artikler/<navn>.md``).

    The registry decides a page's type by its path from these folders.
    """

    ARTICLE = "artikler"
    NEWSLETTER = "nyhetsbrev"
    GOVERNING = "styrende-dokumenter"
    EVENT = "arrangementer"
    ELEARNING = "e-laering"
    FILM = "film"
    EPISODE = "podkast"
    PAGE = "side"
    """Every other page (home pages, hubs, an editor's intro to a list page): it has no folder of its own."""

    @property
    def folder(self) -> str | None:
        """The top folder of the type's pages; None for ``PAGE``, which are wherever other types are not."""
        return None if self is Kind.PAGE else self.value
