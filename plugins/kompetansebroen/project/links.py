"""Find the links in Markdown, and the anchors a page offers, to check them against a region's pages."""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from .code_blocks import mask_code

# The text of a link holds no bracket: from the last ``[`` before ``](`` on, the same links are
# found as with any bracket allowed, and each character is read once (with ``[`` allowed, a
# line of many ``[`` read the rest of the line from each).
_INLINE = re.compile(r"!?\[(?:[^\[\]\\]|\\.)*\]\(\s*(<[^>\n]*>|[^)\s]+)")
_REFERENCE = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*(<[^>\n]*>|\S+)")  # not footnotes ([^1]: …)
_TAG_START = re.compile(r"<[a-zA-Z]")
_HTML_ATTRIBUTE = re.compile(r"\s(?:href|src)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class Link:
    """A link written in a page: its line (1-based, in the body), the target as written, and its parts."""

    line: int
    target: str

    @functools.cached_property
    def path(self) -> str:
        """The part before ``#`` and ``?``, percent-decoded (empty for ``#anchor``)."""
        return target_path(self.target)

    @functools.cached_property
    def anchor(self) -> str | None:
        return unquote(self.target.split("#", 1)[1]) if "#" in self.target else None

    @property
    def is_absolute(self) -> bool:
        return self.target.startswith("/") and not self.target.startswith("//")


def target_path(target: str) -> str:
    """A link target's path: the part before ``#`` and ``?``, percent-decoded (empty for ``#anchor``)."""
    return unquote(target.split("#", 1)[0].split("?", 1)[0])


def code_free_lines(markdown: str) -> Iterator[tuple[int, str]]:
    """``(line, text)`` of every line, with code blocks and code spans blanked out (see code_blocks.py)."""
    return enumerate(mask_code(markdown).split("\n"), start=1)


def internal_links(markdown: str) -> Iterator[Link]:
    """Links that stay inside the site: relative paths, ``#anchors`` and absolute ``/paths``.

    Links with a scheme (``https:``, ``mailto:``) and protocol-relative ``//host``
    links are left out; code blocks and code spans are ignored.
    """
    for number, line in code_free_lines(markdown):
        if "](" not in line and "]:" not in line and "=" not in line:
            continue  # none of the patterns can match: most lines are plain text
        found = [*_INLINE.finditer(line), *_REFERENCE.finditer(line), *_html_targets(line)]
        for match in found:
            target = match.group(1).strip()
            if target.startswith("<") and target.endswith(">"):
                target = target[1:-1].strip()
            if not target or _SCHEME.match(target) or target.startswith("//"):
                continue
            yield Link(number, target)


def _html_targets(line: str) -> Iterator[re.Match[str]]:
    """The ``href``/``src`` value of each HTML tag in ``line``: the first one before the tag's ``>``.

    Read in one pass: a tag without one rules out every tag that starts before
    its ``>``, and the next such attribute is looked for only past the last
    one found, so a line of many ``<a`` without ``>`` is not read again from each.
    """
    position = 0
    attribute: re.Match[str] | None = None
    searched_from = -1
    while (tag := _TAG_START.search(line, position)) is not None:
        start = tag.start() + 2
        end = line.find(">", start)
        end = len(line) if end < 0 else end
        if attribute is None or not searched_from <= start <= attribute.start():
            attribute, searched_from = _HTML_ATTRIBUTE.search(line, start), start
            if attribute is None:
                return
        if attribute.start() < end:
            yield attribute
            position = attribute.end()
        else:
            position = end + 1


def relative_targets(markdown: str) -> Iterator[tuple[int, str]]:
    """Yield ``(line, target)`` for links that point at another file (no scheme, no ``/``, no ``#``)."""
    for link in internal_links(markdown):
        if not link.is_absolute and not link.target.startswith("#"):
            yield link.line, link.target


def link_targets(markdown: str) -> set[str]:
    """The targets of the links to other files in ``markdown``, as written (``../x.md#a``).

    Whether these exist decides how MkDocs renders the page, so a cache of rendered
    pages keys on them. Cheap: a page without ``](``, ``]:`` or ``=`` is not scanned.
    """
    if "](" not in markdown and "]:" not in markdown and "=" not in markdown:
        return set()
    return {target for _line, target in relative_targets(markdown)}


def has_scheme(target: str) -> bool:
    """True for ``https://…``, ``mailto:…`` and other addresses with a scheme."""
    return bool(_SCHEME.match(target))


@functools.lru_cache(maxsize=1 << 16)
def resolve(page_path: str, target: str) -> str:
    """The tree-relative path a link from ``page_path`` points at (without anchor or query).

    Kept by its arguments: the link check asks it for every region (the same page and link each time),
    and the preview for every save.
    """
    path = target_path(target)
    if path.startswith("/"):
        return posixpath.normpath(path.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))


class AnchorFinder:
    """The ids a page's HTML will have, found by rendering it with the site's Markdown extensions.

    ``extensions`` and ``configs`` are ``markdown_extensions`` from mkdocs.yml (MkDocs
    always adds ``toc``, ``tables`` and ``fenced_code``). When the extensions cannot
    be loaded, :meth:`anchors` returns None and anchors are left to MkDocs' own check.
    """

    _ID = re.compile(r"""\s(?:id|name)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)

    def __init__(self, extensions: Sequence[Any], configs: Mapping[str, Any] | None = None) -> None:
        names: list[Any] = ["toc", "tables", "fenced_code"]
        for extension in extensions:
            if extension not in names:
                names.append(extension)
        self.extensions = names
        self.configs = dict(configs or {})
        self._markdown: Any = None
        self._broken = False
        self._rendered: dict[tuple[str, str | None], str | None] = {}
        self.settings_key = repr(
            (self.extensions, sorted(self.configs.items(), key=lambda item: str(item[0])))
        )
        """What else than the Markdown decides the rendering, for results kept between builds."""

    def _renderer(self) -> Any:
        if self._markdown is None and not self._broken:
            try:
                import markdown

                self._markdown = markdown.Markdown(extensions=self.extensions, extension_configs=self.configs)
            except Exception:  # noqa: BLE001 - an extension that needs MkDocs itself; MkDocs checks then
                self._broken = True
        return self._markdown

    def rendered(self, body: str, heading: str | None = None) -> str | None:
        """``body`` as HTML, with ``heading`` (the H1 the build puts above it, if any) first.

        Each page is rendered once per check: the anchors of a link target and
        the check of what the browser receives (rendered_html.py) share it.
        None when the extensions cannot be loaded or the page cannot be rendered.
        """
        key = (body, heading)
        if key in self._rendered:
            return self._rendered[key]
        renderer = self._renderer()
        html: str | None = None
        if renderer is not None:
            source = f"# {heading}\n\n{body}" if heading else body
            try:
                renderer.reset()
                html = renderer.convert(source)
            except Exception:  # noqa: BLE001 - a page Markdown cannot render is MkDocs' to report
                html = None
        self._rendered[key] = html
        return html

    def anchors(self, body: str, heading: str | None = None) -> set[str] | None:
        """Ids in the rendered ``body``; ``heading`` is the H1 the build puts above it, if any."""
        html = self.rendered(body, heading)
        if html is None:
            return None
        return {unquote(found) for found in self._ID.findall(" " + html)}
