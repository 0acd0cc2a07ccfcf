"""Which region renders each distinct shared page, and which regions stamp a copy of it.

A shared page (from ``content/``) renders to the same HTML in every region
whose view gives it the same inputs: its own source, and for each link
target whether it exists there and, for a page, which source it comes from
(an anchor in it is checked). Regions that agree on all of that form a
group; one region of the group renders the page through the theme (the
*renderer*), and the others get a copy stamped from that rendering with their
own parts filled in (see ``slots``). Hubs, home pages and generated pages list
the region's own content and are always rendered by each region.

The renderer of each group is the region with the least work so far, so the
regions built side by side take about the same time. Which region renders a
page never changes what any region publishes: the rendering is the same in
all of them (the tests compare stamped copies with single-region builds).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..listings import paths
from ..model.documents import Document
from ..project import links
from ..project.cross_checks import links_of
from ..project.views import RegionView


def _digest(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def link_targets(doc: Document, view: RegionView, generated: Mapping[str, object] | set[str]) -> list[str]:
    """What ``doc``'s links point to in this region: a page's source, an asset, a generated page, or nothing."""
    found = set()
    for link in links_of(doc):
        if not link.path:
            continue
        resolved = links.resolve(doc.path, link.target)
        target = view.documents.get(resolved)
        if target is not None:
            found.add(f"{resolved}|{target.origin or ''}|{target.fingerprint}")
        else:
            kind = "asset" if resolved in view.assets else "generated" if resolved in generated else "none"
            found.add(f"{resolved}|{kind}")
    return sorted(found)


def is_stampable(doc: Document, generated: Mapping[str, object] | set[str]) -> bool:
    """Shared pages whose body does not list the region's content."""
    return (
        doc.origin is None
        and not doc.hub
        and not doc.draft
        and doc.path != paths.HOME
        and doc.path not in generated
    )


def shell_key(base: str, doc: Document, view: RegionView, generated: Mapping[str, object] | set[str]) -> str:
    """Everything a shared page's rendering is made of; ``base`` covers the settings, theme and versions."""
    return _digest([base, doc.path, doc.fingerprint, *link_targets(doc, view, generated)])


@dataclass
class RenderPlan:
    """For each region: the shared pages it renders for others, and those it stamps."""

    renders: dict[str, dict[str, str]] = field(default_factory=dict)
    """Region → path → shell key of the pages it renders and hands to other regions."""
    stamps: dict[str, dict[str, str]] = field(default_factory=dict)
    """Region → path → shell key of the pages it copies from another region's rendering."""

    def rendered_by(self, region_id: str) -> dict[str, str]:
        return self.renders.get(region_id, {})

    def stamped_in(self, region_id: str) -> dict[str, str]:
        return self.stamps.get(region_id, {})

    @property
    def stamped_pages(self) -> int:
        return sum(len(found) for found in self.stamps.values())


def plan_renders(views: Mapping[str, RegionView], generated: Mapping[str, set[str]], base: str) -> RenderPlan:
    """Group every shared page's regions by what it is made of there, and pick a renderer per group.

    ``generated``: each region's generated page paths (listings, topic pages, …).
    """
    region_ids = sorted(views)
    load = dict.fromkeys(region_ids, 0)
    groups: dict[tuple[str, str], list[str]] = {}
    for region_id in region_ids:
        view = views[region_id]
        own = generated[region_id]
        load[region_id] += len(own - set(view.documents))
        for path, doc in view.documents.items():
            if is_stampable(doc, own):
                groups.setdefault((path, shell_key(base, doc, view, own)), []).append(region_id)
            else:
                load[region_id] += 1
    plan = RenderPlan(renders={r: {} for r in region_ids}, stamps={r: {} for r in region_ids})
    for (path, key), members in sorted(groups.items()):
        renderer = min(members, key=lambda r: (load[r], r))
        load[renderer] += 1
        if len(members) == 1:
            continue
        plan.renders[renderer][path] = key
        for region_id in members:
            if region_id != renderer:
                plan.stamps[region_id][path] = key
    return plan
