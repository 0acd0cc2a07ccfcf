"""Render once, stamp per region: a stamped copy is exactly what the region would render itself.

In a build of every region, each shared page goes through Material in one
region and the others write a copy of that rendering with their own parts
(selector, head feeds and ``og:`` tags, «Les også», footer, canonical
address) in its slots. A region built alone renders every page itself and
stamps nothing, so it is the reference: its folder must equal the region's
folder of the full build byte for byte. The per-page checks below catch a
part filled in for the wrong region, and a difference outside the parts.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from kompetansebroen.listings.pages import generated_paths
from kompetansebroen.output.render_plan import RenderPlan, plan_renders
from kompetansebroen.settings import load_content, load_settings

from tests.support.builds import ColdBuilds, run_build
from tests.support.repos import REPO, copy_repo, edit
from tests.support.trees import tree_of

REGIONS = sorted(path.parent.name for path in (REPO / "regions").glob("*/region.yml"))
SITE_URL = re.search(r"^site_url: *(\S+)$", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M)[1]
SUMMARY = re.compile(r"(\w+): (\d+) sider; uendret (\d+), stemplet fra et annet områdes gjengivelse (\d+)")


def summaries(log: str) -> list[tuple[str, int, int, int]]:
    """Each region's summary line: (region, pages, unchanged, stamped), in the order printed."""
    return [(m[0], int(m[1]), int(m[2]), int(m[3])) for m in SUMMARY.findall(log)]


def page_file(source: str) -> str:
    """Where a page's source is published in its region: ``artikler/x.md`` → ``artikler/x/index.html``."""
    return source.removesuffix(".md") + "/index.html"


def region_names() -> dict[str, tuple[str, str]]:
    """Each region's name and hospital, from its region.yml."""
    names = {}
    for region_id in REGIONS:
        data = yaml.safe_load((REPO / "regions" / region_id / "region.yml").read_text(encoding="utf-8"))
        names[region_id] = (data["name"], data["hospital"])
    return names


class RegionParts(HTMLParser):
    """What a page says about its region, in the parts each region fills in."""

    def __init__(self) -> None:
        super().__init__()
        self.canonical: list[str] = []
        self.og_url: list[str] = []
        self.og_site_name: list[str] = []
        self.feed_titles: dict[str, list[str]] = {}
        self.current_entries: list[str] = []
        self.selector_entries: list[str] = []
        self.current_name: list[str] = []
        self.footer_text: list[str] = []
        self._in_current = False
        self._footer_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        classes = values.get("class", "").split()
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical.append(values["href"])
        if tag == "link" and values.get("rel") == "alternate" and "title" in values:
            self.feed_titles.setdefault(values.get("type", ""), []).append(values["title"])
        if tag == "meta" and values.get("property") == "og:url":
            self.og_url.append(values["content"])
        if tag == "meta" and values.get("property") == "og:site_name":
            self.og_site_name.append(values["content"])
        if tag == "a" and "kb-region__link" in classes and "data-kb-region" in values:
            self.selector_entries.append(values["data-kb-region"])
            if values.get("aria-current") == "true":
                self.current_entries.append(values["data-kb-region"])
        if tag == "span" and "kb-region__current" in classes:
            self._in_current = True
        if tag == "div" and (self._footer_depth or "kb-footer" in classes):
            self._footer_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self._in_current = False
        if tag == "div" and self._footer_depth:
            self._footer_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_current:
            self.current_name.append(data.strip())
        if self._footer_depth:
            self.footer_text.append(data)


def region_parts(page: Path) -> RegionParts:
    parser = RegionParts()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


# The parts that differ between regions, as the kb-* partials and Material's canonical link print them.
PART_PATTERNS = {
    "canonical": (re.compile(r'<link rel="canonical" href="[^"]*">'), True),
    "head": (
        re.compile(
            r'<link rel="alternate" type="application/rss\+xml" title="Nyhetsbrev \(RSS\).*?'
            r'<meta property="og:site_name" content="[^"]*">',
            re.DOTALL,
        ),
        True,
    ),
    "selector": (
        re.compile(r'<div class="md-header__option kb-region">.*?</details>\s*</div>', re.DOTALL),
        True,
    ),
    "issues": (re.compile(r'<nav class="kb-issues".*?</nav>', re.DOTALL), False),
    "related": (re.compile(r'<aside class="kb-related".*?</aside>', re.DOTALL), False),
    # A podcast episode's neighbours in this region, and its feed's address for the apps.
    "episodes": (re.compile(r'<nav class="kb-episodes".*?</nav>', re.DOTALL), False),
    "subscribe": (re.compile(r'<div class="kb-subscribe" id="abonner">.*?</div>', re.DOTALL), False),
    # An event's or a learning resource's schema.org data names the page's or region's address.
    "event": (re.compile(r'<script type="application/ld\+json">.*?</script>', re.DOTALL), False),
    "footer": (re.compile(r'<div class="md-copyright kb-footer">.*?</div>', re.DOTALL), True),
}


def without_region_parts(html: str) -> str:
    """The page with every region's part replaced by its name: what all regions' copies share."""
    for name, (pattern, required) in PART_PATTERNS.items():
        html, count = pattern.subn(f"[{name}]", html)
        assert count == 1 or (count == 0 and not required), f"{name}: found {count} times"
    return html


def the_plan() -> RenderPlan:
    """Which region renders each shared page and which regions stamp it, as the build plans it."""
    settings = load_settings(REPO / "mkdocs.yml")
    project, problems = load_content(REPO, settings)
    assert not problems
    views = project.views()
    generated = {region_id: generated_paths(view, settings.topics) for region_id, view in views.items()}
    return plan_renders(views, generated, "")


@dataclass
class FullBuild:
    site: Path
    log: str
    plan: RenderPlan = field(default_factory=the_plan)


@pytest.fixture(scope="module")
def full_build(cold_builds: ColdBuilds) -> FullBuild:
    """The sample site, every region, built from nothing, with its log."""
    build = cold_builds.of(REPO)
    return FullBuild(build.site, build.log)


def sharing(plan: RenderPlan, path: str, stamped_in: str) -> list[str]:
    """The regions showing the same rendering of ``path`` as ``stamped_in``: its renderer and the stampers."""
    key = plan.stamped_in(stamped_in)[path]
    renderer = [r for r in REGIONS if plan.rendered_by(r).get(path) == key]
    assert len(renderer) == 1, f"{path} has no single renderer: {renderer}"
    return sorted(renderer + [r for r in REGIONS if plan.stamped_in(r).get(path) == key])


@pytest.mark.parametrize("region", REGIONS)
def test_a_region_built_alone_equals_its_folder_in_the_build_of_every_region(
    region: str, full_build: FullBuild, cold_builds: ColdBuilds
) -> None:
    built_alone = cold_builds.of(REPO, region=region)
    assert [stamped for _r, _p, _u, stamped in summaries(built_alone.log)] == [0]
    assert sorted(p.name for p in built_alone.site.iterdir()) == [region]
    alone, in_full = tree_of(built_alone.site / region), tree_of(full_build.site / region)
    assert sorted(set(alone) ^ set(in_full)) == []
    assert [path for path in alone if alone[path] != in_full[path]] == []


def test_the_build_stamps_what_the_plan_says(full_build: FullBuild) -> None:
    """The log's counts are the plan's: the page checks below look at pages really stamped."""
    stamped = {region: count for region, _pages, _unchanged, count in summaries(full_build.log)}
    assert stamped == {region: len(full_build.plan.stamped_in(region)) for region in REGIONS}
    assert all(count > 0 for count in stamped.values())
    assert f"plan: {full_build.plan.stamped_pages} kopier av felles sider stemples" in full_build.log
    for page in full_build.site.rglob("*.html"):
        assert "kb-slot:" not in page.read_text(encoding="utf-8"), f"a slot left unfilled in {page}"


def test_every_copy_of_a_stamped_page_names_its_own_region(full_build: FullBuild) -> None:
    names = region_names()
    checked = 0
    for stamper in REGIONS:
        for path in full_build.plan.stamped_in(stamper):
            for region in sharing(full_build.plan, path, stamper):
                name, hospital = names[region]
                address = f"{SITE_URL}{region}/{path.removesuffix('.md')}/"
                parts = region_parts(full_build.site / region / page_file(path))
                where = f"{region}/{path}"
                assert parts.canonical == [address], where
                assert parts.og_url == [address], where
                assert parts.og_site_name == [f"Kompetansebroen {name}"], where
                assert parts.current_entries == [region], where
                assert sorted(parts.selector_entries) == REGIONS, where
                assert parts.current_name == [name], where
                footer = " ".join(parts.footer_text)
                assert f"Kompetansebroen {name} –" in footer and hospital in footer, where
                assert all(other not in footer for other, _h in names.values() if other != name), where
                assert parts.feed_titles["application/rss+xml"] == [f"Nyhetsbrev (RSS) – {name}"], where
                assert parts.feed_titles["application/atom+xml"] == [f"Nyhetsbrev (Atom) – {name}"], where
                checked += 1
    assert checked > 2 * len(REGIONS)


def test_copies_of_one_rendering_differ_only_in_the_region_parts(full_build: FullBuild) -> None:
    compared = set()
    for stamper in REGIONS:
        for path in full_build.plan.stamped_in(stamper):
            regions = sharing(full_build.plan, path, stamper)
            if (path, *regions) in compared:
                continue
            compared.add((path, *regions))
            copies = {
                region: (full_build.site / region / page_file(path)).read_text(encoding="utf-8")
                for region in regions
            }
            assert len(set(copies.values())) == len(copies), f"{path}: two regions' copies are identical"
            shared = {region: without_region_parts(html) for region, html in copies.items()}
            first = shared[regions[0]]
            for region in regions[1:]:
                assert shared[region] == first, (
                    f"{path}: {region} differs from {regions[0]} outside its parts"
                )
    assert compared


def test_an_edited_shared_article_reaches_every_stamped_copy_and_equals_a_cold_build(
    tmp_path: Path, full_build: FullBuild, cold_builds: ColdBuilds
) -> None:
    rel = "artikler/hva-er-et-helsefellesskap.md"
    stampers = [region for region in REGIONS if rel in full_build.plan.stamped_in(region)]
    assert stampers
    repo = cold_builds.copy(tmp_path / "repo")

    edit(
        repo, f"content/{rel}", "Helsefellesskapene er rammen", "En ny setning. Helsefellesskapene er rammen"
    )
    result = run_build(repo, repo / "site")

    assert result.returncode == 0, result.stderr
    stamped_now = {region: stamped for region, _p, _u, stamped in summaries(result.stderr)}
    assert all(stamped_now[region] >= 1 for region in stampers), result.stderr
    for region in REGIONS:
        page = (repo / "site" / region / page_file(rel)).read_text(encoding="utf-8")
        assert "En ny setning. Helsefellesskapene er rammen" in page, region
    assert tree_of(repo / "site") == cold_builds.tree(repo)

    # A link to an article Østfold replaces with its own: Østfold's copy no longer shares the rendering.
    edit(
        repo,
        f"content/{rel}",
        "En ny setning.",
        "Les om [tilskuddet til sekretariatene](tilskudd-til-sekretariat.md).",
    )
    result = run_build(repo, repo / "site")
    assert result.returncode == 0, result.stderr
    assert tree_of(repo / "site") == cold_builds.tree(repo)


def _drop_shells(repo: Path) -> None:
    """Delete every rendering kept for stamping, and keep the regions' incremental state."""
    db = sqlite3.connect(repo / ".cache/kompetansebroen/cache.sqlite")
    try:
        assert db.execute("SELECT COUNT(*) FROM page_shells").fetchone()[0] > 0
        assert db.execute("SELECT COUNT(*) FROM region_state").fetchone()[0] == len(REGIONS)
        db.execute("DELETE FROM page_shells")
        db.commit()
    finally:
        db.close()


def _rendered_again_alone(log: str, region: str) -> bool:
    """The region's summary printed twice, the second time stamping nothing: it built again on its own."""
    runs = [stamped for name, _p, _u, stamped in summaries(log) if name == region]
    return len(runs) == 2 and runs[0] > 0 and runs[1] == 0


def test_a_region_missing_a_rendering_to_stamp_renders_the_page_itself(
    tmp_path: Path, full_build: FullBuild, cold_builds: ColdBuilds
) -> None:
    """The renderer takes its page unchanged from the published site; the stamping region finds no shell."""
    rel = "artikler/det-utadvendte-sykehuset.md"
    stamper = next(region for region in REGIONS if rel in full_build.plan.stamped_in(region))
    repo = cold_builds.copy(tmp_path / "repo")
    _drop_shells(repo)
    (repo / "site" / stamper / page_file(rel)).write_text("endret for hånd", encoding="utf-8")

    result = run_build(repo, repo / "site")

    assert result.returncode == 0, result.stderr
    assert _rendered_again_alone(result.stderr, stamper), result.stderr
    assert tree_of(repo / "site") == cold_builds.tree(repo)


def test_a_regional_article_in_les_ogsa_of_a_stamped_page_without_its_rendering(
    tmp_path: Path, full_build: FullBuild, cold_builds: ColdBuilds
) -> None:
    """A new article of one region changes that region's «Les også» under a shared page rendered elsewhere."""
    rel = "artikler/det-utadvendte-sykehuset.md"
    region = "vestfold"
    assert rel in full_build.plan.stamped_in(region)
    repo = cold_builds.copy(tmp_path / "repo")
    _drop_shells(repo)
    (repo / "regions/vestfold/artikler/utadvendt-i-vestfold.md").write_text(
        '---\ntitle: "Utadvendt i Vestfold"\ndate: 2024-01-10\n'
        'description: "Hvordan Sykehuset i Vestfold deler kunnskap med kommunene."\n'
        "tags: [Kompetanse, Samhandling, Helsefellesskap]\n---\n\nTekst om kunnskapsdeling i Vestfold.\n",
        encoding="utf-8",
    )

    result = run_build(repo, repo / "site")

    assert result.returncode == 0, result.stderr
    assert _rendered_again_alone(result.stderr, region), result.stderr
    page = (repo / "site" / region / page_file(rel)).read_text(encoding="utf-8")
    assert "Utadvendt i Vestfold" in page
    assert tree_of(repo / "site") == cold_builds.tree(repo)


def test_a_page_template_printing_the_region_name_outside_a_slot_stops_a_region_built_alone(
    tmp_path: Path,
) -> None:
    """Built alone the region renders every page itself, so nothing would differ from a full build's copy
    of its own pages; the mistake must stop the build anyway, at the first page, naming the line."""
    repo = copy_repo(tmp_path / "repo")
    edit(repo, "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    ours = (REPO / "plugins/kompetansebroen/theme/main.html").read_text(encoding="utf-8")
    locale = '  <meta property="og:locale" content="nb_NO">\n'
    assert locale in ours
    line = ours[: ours.index(locale)].count("\n") + 2
    (repo / "overrides").mkdir()
    (repo / "overrides/main.html").write_text(
        ours.replace(locale, locale + '  <meta name="kb-region" content="{{ kb.region.name }}">\n'),
        encoding="utf-8",
    )

    result = run_build(repo, repo / "site", region=REGIONS[0])

    assert result.returncode != 0
    assert f"main.html, linje {line}: kb.region er ulik fra område til område" in result.stderr, result.stderr
    assert "partials/kb-footer.html (skrives ut med {{ kb.slots.footer }})" in result.stderr
    assert list((repo / "site").iterdir()) == []  # nothing published
