"""Write a region's newsletter feeds next to its archive."""

from __future__ import annotations

import datetime as dt
import html
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
        updated_when_empty=max(
            (d.date for d in view.documents.values() if d.date), default=dt.date(2019, 10, 29)
        ),
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
    # Material looks for a sitemap.xml beside every <link rel="alternate"> (meant for language
    # versions); our feed links would make it fetch a missing file on every page view. A
    # sitemap of the newsletter section answers it, and is a fair sitemap in its own right.
    urls = [archive] + [entry.url for entry in entries]
    body = "".join(f"  <url><loc>{html.escape(url)}</loc></url>\n" for url in urls)
    (out / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</urlset>\n',
        encoding="utf-8",
    )
