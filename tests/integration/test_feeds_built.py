"""Each region's newsletter feeds as built: shared issues plus the region's own."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest

from tests.support.repos import REPO

SHARED_ISSUES = len(list((REPO / "content/nyhetsbrev").glob("*.md")))
OWN_ISSUES = {
    r: len(list((REPO / "regions" / r / "nyhetsbrev").glob("*.md")))
    for r in ["ahus", "innlandet", "ostfold", "vestfold"]
}


def _local(built_site: Path, url: str) -> Path:
    path = urlsplit(url).path.lstrip("/")
    return built_site / path / "index.html"


@pytest.mark.parametrize("region", sorted(OWN_ISSUES))
@pytest.mark.parametrize("name", ["rss.xml", "atom.xml"])
def test_feed_holds_shared_and_own_issues_newest_first(built_site: Path, region: str, name: str) -> None:
    feed = feedparser.parse((built_site / region / "nyhetsbrev" / name).read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert len(feed.entries) == SHARED_ISSUES + OWN_ISSUES[region]
    dates = [entry.published_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.feed.language == "nb" if name == "rss.xml" else True
    for entry in feed.entries:
        assert entry.link.startswith(f"https://kompetansebroen.example/{region}/nyhetsbrev/")
        assert _local(built_site, entry.link).is_file(), entry.link


def test_region_only_issue_is_only_in_its_regions_feed(built_site: Path) -> None:
    innlandet = feedparser.parse((built_site / "innlandet/nyhetsbrev/atom.xml").read_bytes())
    ahus = feedparser.parse((built_site / "ahus/nyhetsbrev/atom.xml").read_bytes())
    only_innlandet = {e.link.split("/innlandet/", 1)[1] for e in innlandet.entries} - {
        e.link.split("/ahus/", 1)[1] for e in ahus.entries
    }
    assert only_innlandet == {
        f"nyhetsbrev/{p.stem}/" for p in (REPO / "regions/innlandet/nyhetsbrev").glob("*.md")
    }


def test_feed_ids_and_bytes_are_stable_across_builds(built_site: Path, rebuilt_site: Path) -> None:
    second = rebuilt_site
    for name in ["rss.xml", "atom.xml"]:
        first_bytes = (built_site / "vestfold/nyhetsbrev" / name).read_bytes()
        assert first_bytes == (second / "vestfold/nyhetsbrev" / name).read_bytes()
    ids = [e.id for e in feedparser.parse((second / "vestfold/nyhetsbrev/atom.xml").read_bytes()).entries]
    assert len(ids) == len(set(ids))


def test_newsletter_page_links_previous_next_and_archive(built_site: Path) -> None:
    issues = sorted(p.stem for p in (REPO / "content/nyhetsbrev").glob("*.md"))
    middle = built_site / "ahus/nyhetsbrev" / issues[1] / "index.html"
    html = middle.read_text(encoding="utf-8")
    assert f'href="../{issues[0]}/" rel="prev"' in html
    assert f'href="../{issues[2]}/" rel="next"' in html
    assert 'href="../">Alle nyhetsbrev' in html


def test_every_page_advertises_the_feeds(built_site: Path) -> None:
    for page in (built_site / "ahus").rglob("index.html"):
        if page.parent == built_site / "ahus" / "admin":
            continue  # the browser editor, not a reader page: no feeds, no search (noindex)
        html = page.read_text(encoding="utf-8")
        assert 'type="application/rss+xml"' in html and 'type="application/atom+xml"' in html, page
