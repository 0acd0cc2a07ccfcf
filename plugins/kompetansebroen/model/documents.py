"""Content documents: what an editor's Markdown file is, once its front matter is read."""

from __future__ import annotations

import datetime as dt
import enum
import posixpath
from dataclasses import dataclass, field
from typing import Any


class Kind(enum.Enum):
    """Content types, decided by the top folder of a page."""

    ARTICLE = "artikler"
    NEWSLETTER = "nyhetsbrev"
    GOVERNING = "styrende-dokumenter"
    PAGE = "side"

    @classmethod
    def of(cls, relative_path: str) -> Kind:
        top, _, rest = relative_path.partition("/")
        if rest and rest != "index.md" and "/" not in rest:
            for kind in (cls.ARTICLE, cls.NEWSLETTER, cls.GOVERNING):
                if top == kind.value:
                    return kind
        return cls.PAGE

    @property
    def label(self) -> str:
        return {
            Kind.ARTICLE: "Fagartikkel",
            Kind.NEWSLETTER: "Nyhetsbrev",
            Kind.GOVERNING: "Styrende dokument",
            Kind.PAGE: "Side",
        }[self]


@dataclass(frozen=True)
class Document:
    """A page after its front matter is validated.

    ``path`` is relative to the tree it comes from (``artikler/x.md``);
    ``origin`` is ``None`` for shared content or the region id; ``tree`` is the
    folder ``path`` is relative to.
    """

    path: str
    origin: str | None
    source_file: str
    tree: str
    kind: Kind
    meta: dict[str, Any]
    body: str
    body_line: int = 1
    fingerprint: str = field(default="", compare=False)

    @property
    def title(self) -> str:
        title = self.meta.get("title")
        if title:
            return str(title)
        for line in self.body.splitlines():
            if line.startswith("# "):
                return line[2:].strip()
        stem = self.path.rsplit("/", 1)[-1].removesuffix(".md")
        return stem.replace("-", " ").capitalize()

    @property
    def date(self) -> dt.date | None:
        return self.meta.get("date")

    @property
    def description(self) -> str:
        return str(self.meta.get("description", ""))

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(self.meta.get("tags", ()))

    @property
    def draft(self) -> bool:
        return bool(self.meta.get("draft", False))

    @property
    def regions(self) -> tuple[str, ...] | None:
        return self.meta.get("regions")

    @property
    def hub(self) -> str | None:
        return self.meta.get("hub")

    @property
    def url(self) -> str:
        """URL relative to the region root, with directory URLs (``artikler/x/``)."""
        return page_url(self.path)


def page_url(path: str) -> str:
    """``artikler/x.md`` → ``artikler/x/``; ``index.md`` → ``""``; ``a/index.md`` → ``a/``."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def relative_path(to_path: str, start: str) -> str:
    """``posixpath.relpath`` for paths inside the site, without asking the file system.

    ``relpath`` makes both paths absolute with the working directory (a system call
    each time), and listings ask this thousands of times a build.
    """
    target = [part for part in posixpath.normpath(to_path).split("/") if part not in ("", ".")]
    origin = [part for part in posixpath.normpath(start).split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(target), len(origin)) and target[common] == origin[common]:
        common += 1
    parts = [".."] * (len(origin) - common) + target[common:]
    return "/".join(parts) or "."


def relative_url(from_url: str, to_url: str) -> str:
    """The link from the page at ``from_url`` to ``to_url``, both given from the region root."""
    start = posixpath.dirname(from_url.rstrip("/")) if from_url else ""
    start = from_url.rstrip("/") if from_url.endswith("/") else start
    relative = relative_path(to_url or ".", start or ".")
    return relative + ("/" if to_url.endswith("/") and not relative.endswith("/") else "")
