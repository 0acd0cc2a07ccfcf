"""A region's parts of a page, rendered from the small ``partials/kb-*.html`` templates.

The page template prints a slot for each part (output/slots.py); every region
fills them with its own. The parts see only the region context (``kb``), the
page's canonical address and the site settings, and are rendered the same way
for a page Material renders in this region and for a copy stamped from another
region's rendering, so the two cannot differ.

Most parts are the same for many pages: the footer differs only by the page's
folder depth, the selector and the head by depth and, through the page's own
address, by page. So a region renders each part once per distinct input
(:class:`PartRenderer`): what a part reads is found in its template's syntax
tree (``kb.<name>``, ``page``, ``config``), and the page's address in those
values is written as a token, which the kept rendering gets back for each page.
A part whose template does more than print and test values (calls, comparisons,
includes, filters that are not plain text operations) is rendered for every
page, as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from jinja2 import meta, nodes
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig

from ..output.slots import PARTS

ADDRESS_TOKEN = "kb-page-address-5d1e"
"""Stands for the page's address (``artikler/x/``) in a kept rendering: letters and ``-`` only, so
escaping leaves it as it is."""
_ADDRESS_LOOSE = "kbpageaddress5d1e"
"""The token in lower case without dashes: found where the token itself is not, the template changed it."""
VERIFIED_RENDERINGS = 3
"""A part's first renderings with the token are checked against rendering it for the page alone."""

_PLAIN_FILTERS = frozenset(
    {"e", "escape", "replace", "safe", "string", "striptags", "trim", "join", "tojson", "url"}
)
"""Filters that treat a text as text: the token goes through them as the address would. MkDocs' ``url``
reads ``page.url`` and ``base_url``, which a part's context does not have: it can only be in a branch
a region page never takes (the footer's for pages outside a region), and would fail there, not share."""
_NAMES = frozenset({"kb", "page", "config"})


@dataclass(frozen=True)
class PartReads:
    """What a part's template reads, from its syntax tree."""

    shareable: bool
    """False: the template does something the token might not pass through; rendered for every page."""
    kb_names: frozenset[str] | None = None
    """The ``kb`` values it reads; None: all of ``kb`` (it uses ``kb`` otherwise than by name)."""
    page: bool = False
    """It reads ``page`` (the canonical address)."""


def part_reads(env: Any, template: str) -> PartReads:
    """What ``template`` reads of its context, or that it cannot be shared between pages."""
    tree = env.parse(env.loader.get_source(env, template)[0])
    if not meta.find_undeclared_variables(tree) <= _NAMES:
        return PartReads(False)
    names: set[str] = set()
    whole = False
    for parent in tree.find_all(nodes.Node):
        if isinstance(parent, nodes.Call | nodes.Compare | nodes.Slice | nodes.Macro | nodes.CallBlock):
            return PartReads(False)
        if isinstance(parent, nodes.Include | nodes.Import | nodes.FromImport | nodes.Extends):
            return PartReads(False)
        if isinstance(parent, nodes.Filter | nodes.FilterBlock) and parent.name not in _PLAIN_FILTERS:
            return PartReads(False)
        for child in parent.iter_child_nodes():
            if not (isinstance(child, nodes.Name) and child.name == "kb"):
                continue
            if isinstance(parent, nodes.Getattr) and parent.node is child:
                names.add(parent.attr)
            elif (
                isinstance(parent, nodes.Getitem)
                and parent.node is child
                and isinstance(parent.arg, nodes.Const)
                and isinstance(parent.arg.value, str)
            ):
                names.add(parent.arg.value)
            elif not isinstance(parent, nodes.And | nodes.Or | nodes.Not | nodes.If | nodes.CondExpr):
                whole = True  # anything but a truth test reads all of it
    page = any(node.name == "page" for node in tree.find_all(nodes.Name))
    return PartReads(True, None if whole else frozenset(names), page)


class _NotShared(Exception):
    """A value that cannot be a key, or that holds the token already: the part is rendered for this page."""


def _generalised(value: Any, address: str) -> tuple[Any, Any]:
    """``(key, value with the address as the token)``; the key tells apart what prints differently."""
    if isinstance(value, str):
        if ADDRESS_TOKEN in value:
            raise _NotShared
        text = value.replace(address, ADDRESS_TOKEN) if address else value
        if isinstance(value, Markup):
            return ("markup", text), Markup(text)
        return ("text", text), text
    if value is None or isinstance(value, bool | int | float):
        return (type(value).__name__, value), value
    if isinstance(value, list | tuple):
        pairs = [_generalised(item, address) for item in value]
        return ("list", tuple(key for key, _ in pairs)), [item for _, item in pairs]
    if isinstance(value, dict):
        items = [(name, _generalised(item, address)) for name, item in value.items()]
        key = ("dict", tuple((name, pair[0]) for name, pair in items))
        return key, {name: pair[1] for name, pair in items}
    try:
        hash(value)
    except TypeError:
        raise _NotShared from None
    return ("object", type(value).__qualname__, value), value  # a frozen value object (a Region)


class PartRenderer:
    """A region's parts, each rendered once per distinct input and kept for the pages that share it."""

    def __init__(self, env: Any, config: MkDocsConfig) -> None:
        self.env = env
        self.config = config
        self.reads = {name: part_reads(env, template) for name, template in PARTS.items()}
        self.kept: dict[tuple[Any, ...], str] = {}
        self.verified: dict[str, int] = {}
        self.renders = 0
        """Parts rendered through Jinja (the tests count them)."""

    def render(self, canonical: str | None, kb: Mapping[str, Any], address: str) -> dict[str, str]:
        """Every part for the page at ``address`` (relative to the region, ``artikler/x/``)."""
        if address and (str(escape(address)) != address or ADDRESS_TOKEN in address):
            address = ""  # kept per page: only an address escaping leaves alone stands for a token
        return {name: self._part(name, canonical, kb, address) for name in PARTS}

    def _part(self, name: str, canonical: str | None, kb: Mapping[str, Any], address: str) -> str:
        reads = self.reads[name]
        if not reads.shareable:
            return self._render(name, canonical, kb)
        try:
            shown = (
                kb
                if reads.kb_names is None
                else {key: kb[key] for key in sorted(reads.kb_names) if key in kb}
            )
            values_key, values = _generalised(dict(shown), address)
            canonical_key, page_canonical = _generalised(canonical, address) if reads.page else (None, None)
        except _NotShared:
            return self._render(name, canonical, kb)
        key = (name, bool(kb), values_key, canonical_key)
        kept = self.kept.get(key)
        if kept is None:
            kept = self._render(name, page_canonical, {**kb, **values})
            if not self._passes_token(name, kept, canonical, kb, address):
                self.reads[name] = PartReads(False)
                return self._render(name, canonical, kb)
            self.kept[key] = kept
        return kept.replace(ADDRESS_TOKEN, address) if address else kept

    def _passes_token(
        self, name: str, kept: str, canonical: str | None, kb: Mapping[str, Any], address: str
    ) -> bool:
        """Whether the template printed the token as it is, so that it can stand for the address.

        A spelling of it that is not the token itself (escaped, cut, letters or dashes changed) shows
        that the template changes text it prints; the first renderings of each part are also compared
        with the part rendered for the page alone.
        """
        if not address:
            return True
        loose = kept.lower().replace("-", "").replace("_", "")
        if loose.count(_ADDRESS_LOOSE) != kept.count(ADDRESS_TOKEN):
            return False
        self.verified[name] = self.verified.get(name, 0) + 1
        if self.verified[name] > VERIFIED_RENDERINGS:
            return True
        return kept.replace(ADDRESS_TOKEN, address) == self._render(name, canonical, kb)

    def _render(self, name: str, canonical: str | None, kb: Mapping[str, Any]) -> str:
        self.renders += 1
        context = {"config": self.config, "page": SimpleNamespace(canonical_url=canonical), "kb": kb}
        return str(self.env.get_template(PARTS[name]).render(context))
