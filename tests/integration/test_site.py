"""The sample site as `mkdocs build` makes it: one complete site per region plus the root."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from kompetansebroen.mail import HTML_FILE

from tests.support.search_parts import index_settings, indexed_pages

REGIONS = ["ahus", "innlandet", "ostfold", "vestfold"]
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class _Links(HTMLParser):
    """Collect resource URLs and anchors of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.resources: list[str] = []
        self.anchors: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video") and values.get("src"):
            self.resources.append(values["src"] or "")
        loads = {"stylesheet", "icon", "preload", "preconnect", "modulepreload", "manifest", "dns-prefetch"}
        if tag == "link" and values.get("href") and loads & set((values.get("rel") or "").split()):
            self.resources.append(values["href"] or "")
        if tag == "a":
            self.anchors.append(values)


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def selector_links(page: Path) -> dict[str, str]:
    return {
        a["data-kb-region"]: a["href"]
        for a in parse(page).anchors
        if a.get("data-kb-region") and "kb-region__link" in (a.get("class") or "")
    }


def test_root_has_chooser_sitemap_index_and_404(built_site: Path) -> None:
    index = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Velg ditt område" in index
    for region in REGIONS:
        assert f'href="{region}/"' in index
    tree = ET.parse(built_site / "sitemap.xml")
    locations = [loc.text for loc in tree.getroot().findall("s:sitemap/s:loc", SITEMAP_NS)]
    assert locations == [f"https://kompetansebroen.example/{r}/sitemap.xml" for r in REGIONS]
    assert "Fant ikke siden" in (built_site / "404.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("region", REGIONS)
def test_each_region_is_a_complete_site(built_site: Path, region: str) -> None:
    root = built_site / region
    for name in ["index.html", "404.html", "sitemap.xml", "search/search_index.json", "nyhetsbrev/rss.xml"]:
        assert (root / name).is_file(), name
    html = (root / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nb"' in html
    assert "Fant ikke siden" in (root / "404.html").read_text(encoding="utf-8")
    urls = [
        loc.text or "" for loc in ET.parse(root / "sitemap.xml").getroot().iter(f"{{{SITEMAP_NS['s']}}}loc")
    ]
    assert urls and all(u.startswith(f"https://kompetansebroen.example/{region}/") for u in urls)


def _search_locations(built_site: Path, region: str) -> set[str]:
    data = index_settings(built_site / region)
    assert data["config"]["lang"] == ["no"], "Norwegian stemming must be on (theme.language: nb)"
    return {page["location"] for page in indexed_pages(built_site / region)}


@pytest.mark.parametrize("region", ["", *REGIONS])
def test_only_the_lunr_files_norwegian_search_imports_are_published(built_site: Path, region: str) -> None:
    """Material's worker imports the stemmer support and lunr.no for ``lang: ["no"]``; the other
    languages' stemmers and word splitters (1.3 MB a region) are left out."""
    lunr = built_site / region / "assets/javascripts/lunr"
    published = sorted(p.relative_to(lunr).as_posix() for p in lunr.rglob("*.js"))
    assert published == ["min/lunr.no.min.js", "min/lunr.stemmer.support.min.js"]


def test_search_index_holds_only_the_regions_pages(built_site: Path) -> None:
    innlandet = _search_locations(built_site, "innlandet")
    ahus = _search_locations(built_site, "ahus")
    assert "artikler/samarbeidsmodell-innlandet/" in innlandet
    assert "artikler/samarbeidsmodell-innlandet/" not in ahus
    assert "artikler/teknologi-og-gevinstdeling/" in ahus
    assert "artikler/teknologi-og-gevinstdeling/" not in innlandet
    assert "artikler/hva-er-et-helsefellesskap/" in ahus & innlandet


def test_regional_page_overrides_shared_page(built_site: Path) -> None:
    ostfold = (built_site / "ostfold/artikler/tilskudd-til-sekretariat/index.html").read_text(
        encoding="utf-8"
    )
    ahus = (built_site / "ahus/artikler/tilskudd-til-sekretariat/index.html").read_text(encoding="utf-8")
    assert "Østfold" in ostfold.split('class="md-content"', 1)[1]
    assert ostfold != ahus


def test_regions_front_matter_limits_a_shared_page(built_site: Path) -> None:
    present = [
        r for r in REGIONS if (built_site / r / "artikler/teknologi-og-gevinstdeling/index.html").exists()
    ]
    assert present == ["ahus", "vestfold"]


def test_selector_keeps_the_reader_on_the_same_page(built_site: Path) -> None:
    page = built_site / "innlandet/artikler/hva-er-et-helsefellesskap/index.html"
    links = selector_links(page)
    assert links == {r: f"../../../{r}/artikler/hva-er-et-helsefellesskap/" for r in REGIONS}


def test_selector_falls_back_to_home_where_the_page_is_missing(built_site: Path) -> None:
    page = built_site / "innlandet/artikler/samarbeidsmodell-innlandet/index.html"
    links = selector_links(page)
    assert links["innlandet"] == "../../../innlandet/artikler/samarbeidsmodell-innlandet/"
    for region in ["ahus", "ostfold", "vestfold"]:
        assert links[region] == f"../../../{region}/"
    html = page.read_text(encoding="utf-8")
    assert "Velg område" in html and 'aria-current="true"' in html


def test_selector_links_resolve_to_built_pages(built_site: Path) -> None:
    for page in (built_site / "ostfold").rglob("index.html"):
        for region, href in selector_links(page).items():
            target = (page.parent / href).resolve() / "index.html"
            assert target.is_file(), f"{page}: {region} → {href}"


def test_no_third_party_resources_in_any_page_or_stylesheet(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        if page.name == HTML_FILE:
            continue  # a newsletter's e-mail edition: its images must be absolute (test_mail_built.py)
        for url in parse(page).resources:
            host = urlsplit(url).netloc
            assert not host, f"{page.relative_to(built_site)} loads {url}"
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"@import\s+url\(\s*['\"]?https?:|url\(\s*['\"]?(https?:)?//", text), css


def test_norwegian_dates_and_topics_on_articles(built_site: Path) -> None:
    html = (built_site / "ahus/artikler/tilskudd-til-sekretariat/index.html").read_text(encoding="utf-8")
    assert "30. juni 2020" in html
    assert 'href="../../tema/helsefellesskap/"' in html


def test_navigation_lists_sections_not_articles(built_site: Path) -> None:
    html = (built_site / "ahus/index.html").read_text(encoding="utf-8")
    primary = html.split('class="md-nav md-nav--primary"', 1)[1].split("md-sidebar--secondary", 1)[0]
    for section in ["Fagartikler", "Nyhetsbrev", "Styrende dokumenter", "Helsefellesskap", "Tema"]:
        assert section in primary
    nav_targets = re.findall(r'href="([^"]+)"[^>]*class="md-nav__link', primary)
    assert "artikler/" in nav_targets
    assert not [t for t in nav_targets if re.match(r"artikler/.+/", t)], nav_targets


def test_no_cookie_is_set_by_any_script_of_ours(repo_root: Path) -> None:
    theme = repo_root / "plugins/kompetansebroen/theme"
    for script in theme.rglob("*.js"):
        assert "document.cookie" not in script.read_text(encoding="utf-8")
