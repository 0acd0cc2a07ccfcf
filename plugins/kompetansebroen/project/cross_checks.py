"""Checks that span files and regions: governing documents' files, addresses, old addresses, links and anchors."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .. import messages
from ..carry_over import CarryOver
from ..frontmatter.fields import close_match
from ..model.documents import Document, Kind
from ..problems import Problems
from ..text.markdown import markdown_text
from ..text.urls import page_url, source_link
from . import links
from .aliases import aliases_by_path, source_of
from .trees import Tree

# A page's links, by its body: parsed once for all regions, and again only when it changes.
_LINKS: CarryOver[str, list[links.Link]] = CarryOver()

HOME = "index.md"
"""A region's home page, in content/ or the region's own folder."""


def check_governing_files(shared: Tree, regional: Mapping[str, Tree], problems: Problems) -> None:
    """A governing document's ``file`` must be published with it: in its own tree (or, for a region, content/)."""
    for tree in [shared, *regional.values()]:
        available = set(tree.assets) | set(tree.docs) | tree.rejected | tree.drafts
        if tree.origin is not None:
            available |= set(shared.assets)
        for doc in tree.docs.values():
            if doc.kind is not Kind.GOVERNING:
                continue
            target = doc.governing.file
            if not target:
                continue
            resolved = links.resolve(doc.path, target)
            if resolved in available:
                continue
            line = tree.field_lines.get(doc.path, {}).get("file")
            if links.has_scheme(target):
                message = messages.governing_file_is_address(target)
            else:
                message = messages.governing_file_missing(target, tree.name)
            problems.add(tree.shown(doc.path), line, "file", message)


def links_of(doc: Document) -> list[links.Link]:
    """The internal links of ``doc``, parsed once however many regions (and builds) show it."""
    return _LINKS.get(doc.body, lambda: list(links.internal_links(doc.body)))


class Checker:
    """Checks that need each region's merged view: addresses and links."""

    def __init__(
        self,
        shared: Tree,
        regional: Mapping[str, Tree],
        generated: set[str],
        anchors: links.AnchorFinder | None,
        problems: Problems,
        *,
        home_required: bool = False,
    ) -> None:
        self.home_required = home_required
        """Whether every region must have a home page (a site; unit fixtures may have none)."""
        self.shared = shared
        self.regional = regional
        self.generated = generated
        self.anchors = anchors
        self.problems = problems
        self._anchor_cache: dict[int, set[str] | None] = {}
        self.views = {region_id: self._view(region_id) for region_id in regional}
        _LINKS.next_build()

    def _view(self, region_id: str) -> dict[str, tuple[Tree, Document]]:
        own = self.regional[region_id]
        view: dict[str, tuple[Tree, Document]] = {}
        for path, doc in self.shared.docs.items():
            if doc.in_region(region_id):
                view[path] = (self.shared, doc)
        for path, doc in own.docs.items():
            view[path] = (own, doc)
        return view

    def run(self) -> None:
        self._check_home_pages()
        self._check_addresses()
        self._check_aliases()
        self._check_links()

    # -- a home page in every region

    def _check_home_pages(self) -> None:
        """Every region has a home page: content/index.md, or a region's own where that is left out.

        MkDocs' navigation starts at index.md and fails, in English, without one.
        One message, on content/index.md: the fix is there or in each region left without.
        """
        shared_home = HOME in self.shared.docs or HOME in self.shared.drafts
        if not shared_home and (not self.home_required or HOME in self.shared.rejected):
            return  # a unit fixture without home pages, or content/index.md reported already
        homeless = [
            region_id
            for region_id, view in sorted(self.views.items())
            if HOME not in view and HOME not in self.regional[region_id].rejected
        ]
        if not homeless:
            return
        ids = messages.joined_with_and(homeless)
        listed = messages.region_or_regions(ids, len(homeless))
        shown = self.shared.shown(HOME)
        if not shared_home:
            own = messages.joined_with_and([self.regional[region_id].shown(HOME) for region_id in homeless])
            subject = messages.the_region_or_regions(ids, len(homeless))
            message = messages.home_page_missing(subject, shown, own)
            self.problems.add(shown, None, "", message)
            return
        own = " eller ".join(self.regional[region_id].shown(HOME) for region_id in homeless)
        if HOME in self.shared.docs:
            line = self.shared.field_lines.get(HOME, {}).get("regions")
            message = messages.home_page_not_for_regions(listed, ids, own)
            self.problems.add(shown, line, "regions", message)
        else:
            line = self.shared.field_lines.get(HOME, {}).get("draft")
            message = messages.home_page_is_draft(listed, own)
            self.problems.add(shown, line, "draft", message)

    # -- two files, one address

    def _check_addresses(self) -> None:
        clashes: dict[tuple[str, str, str], list[str]] = {}
        for region_id, view in self.views.items():
            seen: dict[str, str] = {
                page_url(path): messages.page_the_site_makes(path)
                for path in sorted(self.generated)
                if path.endswith(".md") and path not in view
            }
            for path, (tree, _doc) in sorted(view.items()):
                url = page_url(path)
                shown = tree.shown(path)
                if url in seen and seen[url] != shown:
                    clashes.setdefault((shown, seen[url], url), []).append(region_id)
                seen.setdefault(url, shown)
        by_file: dict[tuple[str, str], list[tuple[str, list[str]]]] = {}
        for (shown, other, url), regions in sorted(clashes.items()):
            by_file.setdefault((shown, url), []).append((other, regions))
        for (shown, url), others in sorted(by_file.items()):
            if len(others) == 1:
                other, regions = others[0]
                described = f"{other}{self._where(shown, regions)}"
            else:
                described = messages.joined_with_and(
                    [messages.other_file_in_regions(other, regions) for other, regions in others]
                )
            self.problems.add(
                shown,
                None,
                "",
                messages.same_address(url, described),
            )

    def _regions_with(self, shown: str) -> list[str]:
        return [
            region_id
            for region_id, view in self.views.items()
            if any(tree.shown(path) == shown for path, (tree, _doc) in view.items())
        ]

    def _where(self, shown: str, regions: list[str]) -> str:
        """`` i område a, b`` when the problem is in some of the regions the file is part of, else ``""``."""
        if sorted(regions) == sorted(self._regions_with(shown)):
            return ""
        return messages.in_regions(regions)

    # -- old addresses (aliases:)

    def _check_aliases(self) -> None:
        """An old address leads to one page, and is no address the site has itself."""
        views = {
            region_id: {path: doc for path, (_tree, doc) in view.items()}
            for region_id, view in self.views.items()
        }
        addresses = self._site_addresses()
        for path, entries in aliases_by_path(views).items():
            first = entries[0].pages[0]
            first_line = self._alias_line(first, path)
            where = messages.on_line(first_line)
            for other in entries[1:]:
                for doc in other.pages:
                    self._alias_problem(
                        doc,
                        path,
                        messages.old_path_claimed_twice(source_of(first), where),
                    )
            taken = _taken(path, addresses)
            if taken is not None:
                for entry in entries:
                    for doc in entry.pages:
                        self._alias_problem(doc, path, self._taken_message(path, taken, *addresses[taken]))

    def _site_addresses(self) -> dict[str, tuple[str, set[str]]]:
        """The address of every page and file of the regions, written as an old address is
        (``/artikler/x``), with the address in a region (``artikler/x/``) and the regions that have it."""
        found: dict[str, tuple[str, set[str]]] = {}
        for path in self.generated:
            found.setdefault(_from_root(path), (_address(path), set()))[1].update(self.views)
        for region_id, view in self.views.items():
            for path in view:
                found.setdefault(_from_root(path), (_address(path), set()))[1].add(region_id)
        return found

    def _taken_message(self, path: str, taken: str, address: str, regions: set[str]) -> str:
        where = messages.ALL_REGIONS if regions == set(self.views) else messages.regions_listed(regions)
        return messages.old_path_taken(taken != path, address, where, path.rsplit("/", 1)[-1])

    def _alias_line(self, doc: Document, path: str) -> int | None:
        tree = self.shared if doc.origin is None else self.regional[doc.origin]
        lines = tree.field_lines.get(doc.path, {})
        return lines.get(f"aliases[{doc.aliases.index(path)}]", lines.get("aliases"))

    def _alias_problem(self, doc: Document, path: str, message: str) -> None:
        self.problems.add(
            source_of(doc), self._alias_line(doc, path), "aliases", messages.about_old_path(path, message)
        )

    # -- links

    def _check_links(self) -> None:
        broken: dict[tuple[str, int, str, str], list[str]] = {}
        reported_once: set[tuple[str, int, str]] = set()
        for region_id, view in self.views.items():
            for path, (tree, doc) in sorted(view.items()):
                shown = tree.shown(path)
                for link in links_of(doc):
                    line = doc.body_line + link.line - 1
                    key = (shown, line, link.target)
                    if link.is_absolute:
                        if key not in reported_once:
                            reported_once.add(key)
                            self.problems.add(shown, line, "", self._absolute_message(path, link, view))
                        continue
                    message = self._link_problem(region_id, path, link, doc, view)
                    if message:
                        broken.setdefault((shown, line, link.target, message), []).append(region_id)
        for (shown, line, _target, message), regions in sorted(broken.items()):
            self.problems.add(shown, line, "", message + self._where(shown, regions))

    def _exists(self, region_id: str, resolved: str, view: Mapping[str, Any]) -> bool:
        own = self.regional[region_id]
        return (
            resolved in view
            or resolved in self.generated
            or resolved in own.assets
            or resolved in self.shared.assets
            or resolved in own.rejected
            or (resolved in self.shared.rejected and resolved not in own.docs)
        )

    def _link_problem(
        self, region_id: str, path: str, link: links.Link, doc: Document, view: Mapping[str, Any]
    ) -> str | None:
        target = link.target
        if not link.path:
            return self._anchor_problem(doc, link.anchor, target) if link.anchor else None
        resolved = links.resolve(path, target)
        if resolved.startswith("../") or resolved == "..":
            return messages.link_outside_content(target)
        folder_like = link.path.endswith("/") or resolved == "."
        if not folder_like and self._exists(region_id, resolved, view):
            if link.anchor and resolved in view:
                return self._anchor_problem(view[resolved][1], link.anchor, target)
            return None
        if folder_like or self._is_folder(region_id, resolved, view):
            index = "index.md" if resolved == "." else f"{resolved}/index.md"
            if self._exists(region_id, index, view):
                return messages.link_to_folder(target, source_link(path, index))
        own = self.regional[region_id]
        if resolved in own.drafts or (resolved in self.shared.drafts and resolved not in own.docs):
            return messages.link_to_draft(target)
        if resolved.endswith(".md"):
            return messages.link_to_missing_page(target)
        return messages.link_to_missing_file(target)

    def _is_folder(self, region_id: str, resolved: str, view: Mapping[str, Any]) -> bool:
        prefix = resolved + "/"
        own = self.regional[region_id]
        candidates: Iterable[str] = (
            *view,
            *self.generated,
            *own.assets,
            *self.shared.assets,
        )
        return not resolved.endswith(".md") and any(c.startswith(prefix) for c in candidates)

    def _anchor_problem(self, target_doc: Document, anchor: str, target: str) -> str | None:
        if (
            self.anchors is None
            or not anchor
            or anchor.startswith(("fn:", "fnref:", "__"))
            or target_doc.hub
            or target_doc.path in self.generated
        ):
            return None
        key = id(target_doc)
        if key not in self._anchor_cache:
            self._anchor_cache[key] = self.anchors.anchors(target_doc.body, added_heading(target_doc))
        present = self._anchor_cache[key]
        if present is None or anchor in present:
            return None
        where = (
            messages.ON_THIS_PAGE
            if not target.split("#", 1)[0]
            else messages.on_page(target.split("#", 1)[0])
        )
        match = close_match(anchor, present)
        hint = messages.anchor_did_you_mean(match) if match else messages.FIX_THE_LINK
        return messages.anchor_missing(target, anchor, where, hint)

    def _absolute_message(self, path: str, link: links.Link, view: Mapping[str, Any]) -> str:
        resolved = links.resolve(path, link.target)
        candidates = [resolved, f"{resolved}/index.md", f"{resolved}.md"]
        for candidate in candidates:
            if candidate in view or candidate in self.generated:
                suggestion = source_link(path, candidate)
                anchor = f"#{link.anchor}" if link.anchor else ""
                return messages.absolute_link_with_fix(link.target, f"{suggestion}{anchor}")
        return messages.absolute_link(link.target)


def _address(path: str) -> str:
    """A tree path's address in a region: ``artikler/x/`` for a page, the path itself for a file."""
    return page_url(path) if path.endswith(".md") else path


def _taken(path: str, addresses: Mapping[str, object]) -> str | None:
    """The site's own address ``path`` is, or is under (``/artikler/x/bilde`` under ``/artikler/x``);
    the home page (``/``) does not count, or every address would be under it."""
    parts = path.split("/")
    for end in range(len(parts), 1, -1):
        candidate = "/".join(parts[:end])
        if candidate in addresses:
            return candidate
    return None


def _from_root(path: str) -> str:
    """A tree path's address written as an old address is: ``/artikler/x``."""
    return "/" + _address(path).rstrip("/")


def added_heading(doc: Document) -> str | None:
    """The H1 the build writes above a page that does not start with one (see the page template)."""
    for line in doc.body.split("\n"):
        if line.strip():
            return None if line.startswith("# ") else markdown_text(doc.title)
    return markdown_text(doc.title)
