"""Write a region's newsletter feeds next to its archive."""

from __future__ import annotations

import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from ..feeds.newsletter_feeds import FeedEntry, FeedInfo, build_feeds
from ..listings import paths
from ..model.documents import Kind, page_url
from ..project.views import RegionView


def write_feeds(site_dir: Path, config: MkDocsConfig, view: RegionView, html_by_path: dict[str, str]) -> None:
    base = config.site_url or "/"
    region = view.region
    archive = posixpath.join(base, page_url(paths.NEWSLETTERS))
    info = FeedInfo(
        title=f"Nyhetsbrev – {config.site_name} {region.name}",
        description=f"Nyhetsbrev for helsefellesskapene, med felles utgaver og utgaver for {region.name}.",
        archive_url=archive,
        rss_url=posixpath.join(base, paths.RSS),
        atom_url=posixpath.join(base, paths.ATOM),
        feed_id=f"kompetansebroen:{region.id}:nyhetsbrev",
    )
    entries = [
        FeedEntry(
            title=doc.title,
            date=doc.date,
            description=doc.description,
            url=posixpath.join(base, doc.url),
            content_html=html_by_path.get(doc.path, ""),
            entry_id=doc.path,
        )
        for doc in view.of_kind(Kind.NEWSLETTER)
        if doc.date is not None
    ]
    rss, atom = build_feeds(info, entries)
    out = site_dir / "nyhetsbrev"
    out.mkdir(parents=True, exist_ok=True)
    (out / "rss.xml").write_bytes(rss)
    (out / "atom.xml").write_bytes(atom)
