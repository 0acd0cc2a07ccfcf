"""What may be published from ``content/`` and ``regions/<id>/``: an allow-list of files and places.

A file in the content tree is copied to every reader as it is. Pages are
checked (front matter, links, the HTML they become); any other file is not,
so only kinds that cannot run script in a reader's browser are published:
images, PDF and office documents, audio, video and captions. HTML and
JavaScript could, and so could SVG, which is therefore published only when it
passes its own allow-list. Nothing may take a path the theme or the build
writes (``assets/``, ``search/``, ``sitemap.xml``, ``404.html``,
``favoritter/``), or it would replace the script every page loads.
"""

from __future__ import annotations

import posixpath
import re

from justhtml import JustHTML

from .. import messages
from ..content_types.registry import content_types

PAGE_SUFFIX = ".md"
OTHER_MARKDOWN_SUFFIXES = frozenset({".markdown", ".mdown", ".mkd", ".mkdn"})
"""What MkDocs also renders as pages; our loader reads only ``.md``, so these would go unchecked."""

ASSET_SUFFIXES: dict[str, frozenset[str]] = {
    "bilder": frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"}),
    "dokumenter": frozenset(
        {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".rtf"}
        | {".txt", ".csv"}
    ),
    "lyd": frozenset({".mp3", ".m4a", ".ogg", ".oga", ".opus", ".wav"}),
    "video": frozenset({".mp4", ".m4v", ".webm", ".mov", ".ogv"}),
    "teksting": frozenset({".vtt", ".srt"}),
    "data": frozenset({".yml", ".yaml"}),
}
"""Files published as they are, by kind (``data`` is a podcast series' ``serie.yml``)."""

ALLOWED_SUFFIXES = frozenset().union(*ASSET_SUFFIXES.values())

RESERVED_FOLDERS = ("assets", "search", "favoritter")
"""Folders at the top of a region's site that the theme (scripts, styles, search) or the build owns."""
RESERVED_FILES = ("sitemap.xml", "sitemap.xml.gz", "404.html")
GENERATED_PAGE_FOLDERS = {"tilgjengelighet": "tilgjengelighet/index.md"}
"""Generated pages whose folder takes only the editor's text above them (index.md)."""

_SCRIPTING = {".html", ".htm", ".xhtml", ".shtml", ".js", ".mjs", ".cjs", ".xml", ".xsl", ".xslt"}


RESERVED_REGION_IDS = frozenset({"assets", "search", "tilgjengelighet", "favoritter"})
"""Folders at the top of the whole site: Material's scripts and search, the root's accessibility statement."""

TOPIC_FOLDER = "tema"
"""Topic pages (listings/paths.py): ``tema/<slug>/side-2.md`` … hold their further pages."""
README = "README.md"
"""MkDocs publishes a README.md as its folder's index.md, which no check of ours would see coming."""
_PAGE_NUMBER = re.compile(r"^(?P<folder>.+)/side-(?P<number>\d+)(?:\.md|/index\.md)\Z")


def _paginated_folders() -> frozenset[str]:
    """The folders of list pages the build splits into pages (``artikler`` → ``artikler/side-2/``)."""
    return frozenset(
        posixpath.dirname(declared.list_page.path)
        for declared in content_types()
        if declared.list_page is not None and declared.list_page.per_page
    )


def region_id_refusal(region_id: str) -> str | None:
    """Why ``region_id`` cannot be a region's folder name, or None: it would take a path of the site's root."""
    if region_id in RESERVED_REGION_IDS:
        names = ", ".join(sorted(RESERVED_REGION_IDS))
        return messages.region_id_reserved(region_id, names)
    return None


def _suffix(path: str) -> str:
    name = posixpath.basename(path)
    return "." + name.rsplit(".", 1)[1].lower() if "." in name.lstrip(".") else ""


def is_page(path: str) -> bool:
    """Whether the file is a page source (read and checked as Markdown)."""
    return path.endswith(PAGE_SUFFIX)


_NOT_IN_A_NAME = re.compile(r"[\s\"'<>{}()\[\]\\`#?%&\x00-\x1f\x7f]")
"""Characters that are syntax in Markdown links, attr_list, HTML or addresses: never in a file or folder name."""


def path_refusal(rel_in_tree: str) -> str | None:
    """Why nothing may be published at ``rel_in_tree`` (relative to its tree), or None."""
    if (character := _NOT_IN_A_NAME.search(rel_in_tree)) is not None:
        shown = messages.A_BLANK if character.group(0) == " " else messages.a_character(character.group(0))
        if not character.group(0).isprintable():
            shown = messages.character_code(ord(character.group(0)))
        return messages.name_has_character(shown)
    if posixpath.basename(rel_in_tree) == README:
        return messages.readme_is_folder_home(README)
    first = rel_in_tree.split("/", 1)[0]
    if first in RESERVED_FOLDERS and "/" in rel_in_tree:
        return messages.reserved_folder(first)
    if rel_in_tree in RESERVED_FILES:
        return messages.reserved_file(rel_in_tree)
    numbered = _PAGE_NUMBER.match(rel_in_tree) if is_page(rel_in_tree) else None
    if numbered is not None:
        folder = numbered["folder"]
        topic = folder.startswith(TOPIC_FOLDER + "/") and folder.count("/") == 1
        if topic or folder in _paginated_folders():
            number = numbered["number"]
            return messages.list_page_number_taken(folder, number)
    page = GENERATED_PAGE_FOLDERS.get(first)
    if page is not None and "/" in rel_in_tree and rel_in_tree != page:
        return messages.generated_page_folder(first, page)
    return None


def file_refusal(rel_in_tree: str) -> str | None:
    """Why a file other than a page may not be published, judged by its name; None when it may.

    An SVG file is allowed here and checked by its content (:func:`svg_refusal`).
    """
    suffix = _suffix(rel_in_tree)
    if suffix in OTHER_MARKDOWN_SUFFIXES:
        return messages.other_markdown_suffix(suffix, posixpath.basename(rel_in_tree)[: -len(suffix)])
    if suffix in _SCRIPTING:
        return messages.scripting_suffix(suffix)
    if suffix not in ALLOWED_SUFFIXES:
        kinds = "; ".join(f"{kind}: {' '.join(sorted(s))}" for kind, s in ASSET_SUFFIXES.items())
        shown = messages.the_suffix(suffix) if suffix else messages.NO_SUFFIX
        return messages.suffix_not_allowed(shown, kinds)
    return None


SVG_ELEMENTS = frozenset(
    {
        "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "path", "rect", "circle",
        "ellipse", "line", "polyline", "polygon", "text", "tspan", "textpath", "lineargradient",
        "radialgradient", "stop", "clippath", "mask", "pattern", "marker", "filter", "fegaussianblur",
        "feoffset", "feblend", "fecolormatrix", "feflood", "fecomposite", "femerge", "femergenode",
    }
)  # fmt: skip
"""Shapes, text, gradients and simple filters: what drawing programs write."""

_SVG_LOCAL_REFERENCE = re.compile(r"^#[\w.:-]*\Z")
_CSS_URL = re.compile(r"url\s*\(\s*['\"]?\s*(?!#)|@import|expression\s*\(", re.IGNORECASE)


def svg_refusal(text: str) -> str | None:
    """Why an SVG file may not be published, or None: only drawing, no script, nothing from elsewhere.

    Parsed as a browser parses SVG in HTML (justhtml), every element must be
    a drawing element, no attribute an event handler, every reference
    (``href``, ``xlink:href``) a ``#fragment`` in the file, and no style may
    load anything (``url(…)`` other than ``url(#…)``, ``@import``).
    """
    root = JustHTML(text, fragment=True, sanitize=False).root
    stack = list(root.children or [])
    while stack:
        node = stack.pop()
        name = node.name.lower()
        if name == "#text" or name.startswith("#"):
            continue
        if name == "style":
            content = "".join(child.data or "" for child in node.children or [] if child.name == "#text")
            if _CSS_URL.search(content):
                return messages.SVG_CSS_LOADS
            continue
        if name not in SVG_ELEMENTS:
            return messages.svg_element_not_allowed(node.name)
        for attribute, value in (node.attrs or {}).items():
            attribute = attribute.lower()
            if attribute.startswith("on"):
                return messages.svg_event_handler(attribute)
            if attribute in ("href", "xlink:href") and not _SVG_LOCAL_REFERENCE.match((value or "").strip()):
                return messages.svg_links_outside(value)
            if _CSS_URL.search(value or ""):
                return messages.svg_loads_in_attribute(attribute)
        stack.extend(node.children or [])
    return None
