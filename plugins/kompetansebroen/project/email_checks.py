"""What a newsletter issue may hold, since every issue is also sent as e-mail (the ``mail`` package).

Mail programs are not browsers. They drop raw HTML they do not know (the
site allows ``<details>``, ``<figure>``, ``<audio>``, ``<video>``), play no
video, show a 600 px column with 552 px for the text, and many cut or block
large images. So an issue's body is refused, in ``make check`` and the build
alike, with one message per problem naming the line:

* a raw HTML block (a block whose first line starts with an HTML tag),
  named once by that line, and embedded audio or video anywhere;
* a table whose narrowest possible width (the longest word of each column,
  with the cell's padding) is wider than the text column;
* an image without alt text, or whose file is larger than 1 MB.

The rules read the Markdown, with code blocks and spans left out
(``code_blocks.mask_code``): what is shown as code is text in the mail too.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from .. import messages
from ..model.documents import Document, Kind
from ..problems import Problems
from .code_blocks import mask_code
from .trees import Tree

EMAIL_WIDTH = 600
TEXT_WIDTH = 552
"""The e-mail's column less its padding (mail/html_edition.py: ``CONTENT_WIDTH``)."""
CHARACTER_WIDTH = 8
"""About the width of a character of 16 px Arial, the e-mail's text."""
CELL_PADDING = 16
NARROWEST_COLUMN = 48
MAX_IMAGE_BYTES = 1024 * 1024

_RAW_BLOCK = re.compile(r"^ {0,3}<(/?[A-Za-z][A-Za-z0-9-]*)")
_MEDIA = re.compile(r"<(video|audio)\b", re.IGNORECASE)
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src><[^>]*>|[^)\s]+)(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*\Z")

ImageFinder = Callable[[str], Path | None]
"""The file an image address of the page names, when it is one of the site's files."""


def check_email_bodies(shared: Tree, regional: Mapping[str, Tree], problems: Problems) -> None:
    """Report what the e-mail edition of each newsletter issue cannot show."""
    for tree in [shared, *regional.values()]:
        for path, doc in sorted(tree.docs.items()):
            if doc.kind is not Kind.NEWSLETTER:
                continue

            def image_file(src: str, doc: Document = doc, tree: Tree = tree) -> Path | None:
                return _image_file(src, doc, tree, shared)

            for line, message in email_problems(doc, image_file):
                problems.add(tree.shown(path), doc.body_line + line - 1, "", message)


def email_problems(doc: Document, image_file: ImageFinder) -> Iterator[tuple[int, str]]:
    """``(line in the body, message)`` for each thing in ``doc``'s body an e-mail cannot show."""
    lines = mask_code(doc.body).split("\n")
    for number, line in enumerate(lines, start=1):
        if media := _MEDIA.search(line):
            tag = media.group(1).lower()
            yield number, messages.email_media_embedded(messages.EMAIL_MEDIA_WORDS[tag], tag)
        elif (block := _RAW_BLOCK.match(line)) and _starts_block(lines, number) and block.group(1)[0] != "/":
            yield number, messages.email_raw_html(block.group(1).lower())
        for image in _IMAGE.finditer(line):
            yield from _image_problems(number, image, image_file)
    yield from _table_problems(lines)


def _starts_block(lines: list[str], number: int) -> bool:
    """Line ``number`` (1-based) begins a block: a raw HTML block is named once, by its first line."""
    return number == 1 or not lines[number - 2].strip()


def _image_problems(number: int, image: re.Match[str], image_file: ImageFinder) -> Iterator[tuple[int, str]]:
    src = image.group("src").strip("<>")
    name = posixpath.basename(src)
    if not image.group("alt").strip():
        yield number, messages.email_image_without_alt(name, src)
    file = image_file(src)
    if file is not None and file.stat().st_size > MAX_IMAGE_BYTES:
        yield number, messages.email_image_too_large(name, file.stat().st_size / MAX_IMAGE_BYTES)


def _table_problems(lines: list[str]) -> Iterator[tuple[int, str]]:
    """Each Markdown table too wide for the e-mail's text column, named by its first line."""
    index = 1
    while index < len(lines):
        if _TABLE_RULE.match(lines[index]) and "|" in lines[index - 1]:
            start = index - 1
            end = index + 1
            while end < len(lines) and "|" in lines[end] and lines[end].strip():
                end += 1
            rows = [_cells(lines[row]) for row in [start, *range(index + 1, end)]]
            columns = max(len(row) for row in rows)
            width = sum(
                max(
                    NARROWEST_COLUMN,
                    CHARACTER_WIDTH
                    * max(
                        (len(word) for row in rows if column < len(row) for word in row[column].split()),
                        default=0,
                    ),
                )
                + CELL_PADDING
                for column in range(columns)
            )
            if width > TEXT_WIDTH:
                heading = " | ".join(rows[0])
                if len(heading) > 60:
                    heading = heading[:60].rsplit(" |", 1)[0] + " …"
                yield (
                    start + 1,
                    messages.email_table_too_wide(heading, columns, width, EMAIL_WIDTH, TEXT_WIDTH),
                )
            index = end
        index += 1


def _cells(line: str) -> list[str]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", stripped)]


def _image_file(src: str, doc: Document, tree: Tree, shared: Tree) -> Path | None:
    """The file an image of ``doc`` names, in its tree (a region's page may use content/'s too)."""
    if "://" in src or src.startswith(("/", "data:")):
        return None  # the site's own rules refuse these with their own message
    target = posixpath.normpath(posixpath.join(posixpath.dirname(doc.path), src.split("#")[0].split("?")[0]))
    for each in (tree, shared) if tree.origin is not None else (tree,):
        asset = each.assets.get(target)
        if asset is not None:
            return Path(asset.source_file)
    return None
