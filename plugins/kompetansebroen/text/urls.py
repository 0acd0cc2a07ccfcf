"""Addresses inside a region's site: a page's URL, and relative links between pages.

Pure string work on site paths, with no file system: listings ask for
thousands of links a build.
"""

from __future__ import annotations

import functools
import posixpath


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


@functools.lru_cache(maxsize=1 << 16)
def relative_url(from_url: str, to_url: str) -> str:
    """The link from the page at ``from_url`` to ``to_url``, both given from the region root.

    Kept by its arguments: a listing, a topic page and «Les også» ask for the same links, and the
    preview asks for them again on every save.
    """
    start = posixpath.dirname(from_url.rstrip("/")) if from_url else ""
    start = from_url.rstrip("/") if from_url.endswith("/") else start
    relative = relative_path(to_url or ".", start or ".")
    return relative + ("/" if to_url.endswith("/") and not relative.endswith("/") else "")


def source_link(from_page: str, to_path: str) -> str:
    """How the Markdown of the page at ``from_page`` links to the tree path ``to_path`` (``../x.md``)."""
    return relative_path(to_path, posixpath.dirname(from_page) or ".")
