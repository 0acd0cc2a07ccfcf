"""A page's photo: the image file, its text for screen readers, its caption and its credit.

Articles show it as a figure under the heading and in link previews; the
credit is always shown, since crediting a licensed photo is a legal duty.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

CREDIT_LABEL = "Foto"
"""What a credit is introduced with unless the editor wrote a label of their own."""

# «Illustrasjonsfoto: Colourbox», «Bilde: regjeringen.no», «Foto og grafikk: NTB»: a credit with its own label.
_OWN_LABEL = re.compile(
    r"^(?:[\w-]*foto|bilde|illustrasjon|fotograf|grafikk|kilde)(?:\s+og\s+\w+)?\s*:", re.IGNORECASE
)
_ENDS_SENTENCE = re.compile(r"[.!?…:]$")
CAPTION_RULES = {
    "credit-label": CREDIT_LABEL,
    "own-label": _OWN_LABEL.pattern,
    "ends-sentence": _ENDS_SENTENCE.pattern,
}
"""How a caption line is made, for the browser editor's preview (editor/admin.js), so it shows it as the page."""


@dataclass(frozen=True)
class Photo:
    """``image``, ``image_alt``, ``image_caption`` and ``image_credit`` of one page."""

    source: str
    """The image as written in front matter: a path relative to the page (``bilder/moete.png``)."""
    alt: str
    caption: str | None
    credit: str | None
    page_path: str
    """The page's path in its tree (``artikler/x.md``), which ``source`` is relative to."""

    @classmethod
    def from_meta(cls, page_path: str, meta: Mapping[str, Any]) -> Photo | None:
        """The page's photo, or None when it has no ``image``."""
        source = meta.get("image")
        if not source:
            return None
        return cls(
            source=str(source),
            alt=str(meta.get("image_alt", "")),
            caption=meta.get("image_caption"),
            credit=meta.get("image_credit"),
            page_path=page_path,
        )

    @property
    def site_path(self) -> str:
        """Where the image is published, from the region's root: ``artikler/bilder/moete.png``.

        Resolved like a Markdown link from the page; the same in every region.
        """
        path = unquote(self.source.split("#", 1)[0].split("?", 1)[0])
        if path.startswith("/"):
            return posixpath.normpath(path.lstrip("/"))
        return posixpath.normpath(posixpath.join(posixpath.dirname(self.page_path), path))

    @property
    def credit_line(self) -> str:
        """«Foto: Colourbox»; a credit with a label of its own as written («Illustrasjonsfoto: Colourbox»)."""
        if not self.credit:
            return ""
        return self.credit if _OWN_LABEL.match(self.credit) else f"{CREDIT_LABEL}: {self.credit}"

    @property
    def caption_line(self) -> str:
        """The figure's caption: the caption (ended as a sentence) and the credit, or the credit alone."""
        if not self.caption:
            return self.credit_line
        caption = self.caption if _ENDS_SENTENCE.search(self.caption) else self.caption + "."
        return f"{caption} {self.credit_line}".strip()
