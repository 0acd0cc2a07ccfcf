"""Photo captions and credits, publish times and «Sist oppdatert», as built from the sample, per region.

The expected values are read from the sample's front matter, so the test
follows the content: what an editor wrote must come out on the page, in the
head's Open Graph tags, in the sitemap, in the Atom feed and in the JSON-LD.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
import yaml

from tests.support.repos import REPO

REGIONS = ["ahus", "innlandet", "ostfold", "vestfold"]
SITE_URL = re.search(r"^site_url: *(\S+)$", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
PHOTO_ARTICLE = "artikler/hva-er-et-helsefellesskap"
TIMED_ARTICLE = "artikler/tilskudd-til-sekretariat"
TIMED_ISSUE = "nyhetsbrev/2024-05-nyhetsbrev"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def front_matter(source: str) -> dict:
    """The front matter of a sample file under content/, as YAML reads it."""
    text = (REPO / "content" / f"{source}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def page(site: Path, region: str, path: str) -> str:
    return (site / region / path / "index.html").read_text(encoding="utf-8")


class _Figure(HTMLParser):
    """The page's figures (img src and alt, caption text), meta properties and JSON-LD blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.figures: list[dict[str, str]] = []
        self.meta: dict[str, str] = {}
        self.json_ld: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "figure":
            self.figures.append({"caption": ""})
        elif tag == "img" and self.figures and "src" not in self.figures[-1]:
            self.figures[-1].update(src=values["src"], alt=values.get("alt", ""))
        elif tag == "figcaption":
            self._in = "caption"
        elif tag == "meta" and "property" in values:
            self.meta[values["property"]] = values.get("content", "")
        elif tag == "script" and values.get("type") == "application/ld+json":
            self._in = "json"
            self.json_ld.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("figcaption", "script"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "caption":
            self.figures[-1]["caption"] += data
        elif self._in == "json":
            self.json_ld[-1] += data


def parsed(site: Path, region: str, path: str) -> _Figure:
    parser = _Figure()
    parser.feed(page(site, region, path))
    return parser


def article_ld(found: _Figure) -> dict:
    (data,) = [json.loads(text) for text in found.json_ld if json.loads(text)["@type"] == "Article"]
    return data


@pytest.mark.parametrize("region", REGIONS)
def test_the_photo_is_a_figure_with_its_caption_and_credit(built_site: Path, region: str) -> None:
    meta = front_matter(PHOTO_ARTICLE)
    found = parsed(built_site, region, PHOTO_ARTICLE)
    (figure,) = found.figures
    assert figure["alt"] == meta["image_alt"]
    assert figure["caption"] == f"{meta['image_caption']}. {meta['image_credit']}"
    image = urlsplit(urljoin(f"https://x.example/{region}/{PHOTO_ARTICLE}/", figure["src"])).path
    assert (built_site / image.lstrip("/")).is_file()


@pytest.mark.parametrize("region", REGIONS)
def test_open_graph_names_the_photo_under_the_regions_address(built_site: Path, region: str) -> None:
    meta = front_matter(PHOTO_ARTICLE)
    found = parsed(built_site, region, PHOTO_ARTICLE)
    expected = f"{SITE_URL}{region}/artikler/{meta['image']}"
    assert found.meta["og:image"] == expected
    assert found.meta["og:image:alt"] == meta["image_alt"]
    assert (built_site / urlsplit(expected).path.lstrip("/")).is_file()
    assert "og:image" not in parsed(built_site, region, TIMED_ARTICLE).meta


@pytest.mark.parametrize("region", REGIONS)
def test_publish_time_and_revision_on_the_page(built_site: Path, region: str) -> None:
    text = page(built_site, region, TIMED_ARTICLE)
    assert "Publisert 30. juni 2020 kl. 11.41" in text
    if region != "ostfold":  # Østfold's own version of the article has no updated
        assert "Sist oppdatert 14. august 2020" in text
    issue = page(built_site, region, TIMED_ISSUE)
    assert "Publisert 22. mai 2024 kl. 09.30 · Sist oppdatert 27. mai 2024 kl. 13.15" in issue


@pytest.mark.parametrize("region", REGIONS)
def test_the_sitemap_dates_a_revised_page_by_updated(built_site: Path, region: str) -> None:
    root = ET.parse(built_site / region / "sitemap.xml").getroot()
    lastmod = {
        url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root.iter(f"{SITEMAP}url")
    }
    for source in (PHOTO_ARTICLE, TIMED_ISSUE):
        updated = str(front_matter(source)["updated"])
        assert lastmod[f"{SITE_URL}{region}/{source}/"] == updated[:10]


@pytest.mark.parametrize("region", REGIONS)
def test_atom_carries_the_publish_time_and_the_revision(built_site: Path, region: str) -> None:
    feed = feedparser.parse((built_site / region / "nyhetsbrev" / "atom.xml").read_bytes())
    (entry,) = [e for e in feed.entries if e.link == f"{SITE_URL}{region}/{TIMED_ISSUE}/"]
    assert entry.published == "2024-05-22T09:30:00+02:00"
    assert entry.updated == "2024-05-27T13:15:00+02:00"
    newest = max(dt.datetime.fromisoformat(e.updated) for e in feed.entries)
    assert dt.datetime.fromisoformat(feed.feed.updated) == newest


@pytest.mark.parametrize("region", REGIONS)
def test_article_json_ld_has_the_dates_and_the_regions_addresses(built_site: Path, region: str) -> None:
    meta = front_matter(PHOTO_ARTICLE)
    data = article_ld(parsed(built_site, region, PHOTO_ARTICLE))
    assert data["headline"] == meta["title"]
    assert data["datePublished"] == str(meta["date"])
    assert data["dateModified"] == "2023-01-10T14:05:00+01:00"
    assert data["url"] == f"{SITE_URL}{region}/{PHOTO_ARTICLE}/"
    assert data["image"]["url"] == f"{SITE_URL}{region}/artikler/{meta['image']}"
    assert data["image"]["creditText"] == meta["image_credit"]
    timed = article_ld(parsed(built_site, region, TIMED_ARTICLE))
    assert timed["datePublished"] == "2020-06-30T11:41:00+02:00"
    assert "image" not in timed
