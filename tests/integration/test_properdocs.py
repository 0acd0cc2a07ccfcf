"""ProperDocs, the maintained fork of MkDocs 1.6, builds the same site as MkDocs.

ProperDocs answers imports of ``mkdocs.*`` with its own modules and loads
plugins registered for MkDocs, so the plugin runs unchanged. The one
difference it makes is its own: Material writes the tool's name and version
into every page's ``<meta name="generator">`` (``mkdocs-1.6.1`` under MkDocs,
``mkdocs-ProperDocs 1.6.7`` under ProperDocs). ``extra.generator: false`` in
mkdocs.yml only hides Material's «Made with» notice in the footer, not that
tag, so the comparison below allows that one line and nothing else.

Every build runs in strict mode, as CI's does (the sample's mkdocs.yml sets
``strict: true``; the builds started here also pass ``--strict``). The builds
from nothing of the sample are the session's (``cold_builds``), shared with
the other tests.
"""

from __future__ import annotations

import gzip
import importlib.metadata
import re
import subprocess
from pathlib import Path

import pytest
from kompetansebroen.mail import HTML_FILE

from tests.support.builds import ColdBuilds, run_build
from tests.support.repos import REPO
from tests.support.trees import tree_of

ARTICLE = "content/artikler/det-utadvendte-sykehuset.md"
GENERATOR = re.compile(rb'<meta name="generator" content="mkdocs-([^",]*), mkdocs-material-[^"]*">')
EXPECTED_GENERATOR = {
    "mkdocs": f"{importlib.metadata.version('mkdocs')}".encode(),
    "properdocs": f"ProperDocs {importlib.metadata.version('properdocs')}".encode(),
}


def build(tool: str, repo: Path, site: Path, region: str = "") -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` or ``properdocs build`` as a user runs it, strict."""
    result = run_build(repo, site, region=region, tool=tool, options=("--strict",))
    assert result.returncode == 0, f"{tool} build failed:\n{result.stdout}{result.stderr}"
    return result


def differences_beyond_the_generator(mkdocs_site: Path, properdocs_site: Path) -> list[str]:
    """Files that are not byte-identical once each tool's own generator tag is set aside.

    A page may differ only in that tag, and only by the tool's name and version.
    """
    ours, theirs = tree_of(mkdocs_site), tree_of(properdocs_site)
    found = [f"only in the MkDocs build: {p}" for p in sorted(set(ours) - set(theirs))]
    found += [f"only in the ProperDocs build: {p}" for p in sorted(set(theirs) - set(ours))]
    for path in sorted(set(ours) & set(theirs)):
        if ours[path] == theirs[path]:
            continue
        by_mkdocs = (mkdocs_site / path).read_bytes()
        by_properdocs = (properdocs_site / path).read_bytes()
        if path.endswith(".gz"):  # a page's precompressed copy: compare what it holds
            by_mkdocs, by_properdocs = gzip.decompress(by_mkdocs), gzip.decompress(by_properdocs)
        generators = (GENERATOR.findall(by_mkdocs), GENERATOR.findall(by_properdocs))
        expected = ([EXPECTED_GENERATOR["mkdocs"]], [EXPECTED_GENERATOR["properdocs"]])
        same_otherwise = GENERATOR.sub(b"", by_mkdocs) == GENERATOR.sub(b"", by_properdocs)
        if generators != expected or not same_otherwise:
            found.append(f"differs: {path}")
    return found


@pytest.fixture(scope="module")
def cold_sites(cold_builds: ColdBuilds) -> dict[str, Path]:
    """The sample site built from nothing by each tool, each in its own copy (no shared cache)."""
    return {tool: cold_builds.of(REPO, tool=tool).site for tool in ("mkdocs", "properdocs")}


def test_the_sample_builds_in_strict_mode_without_being_told() -> None:
    """The session's builds pass no ``--strict``: mkdocs.yml must make every build strict."""
    assert re.search(r"^strict: true$", (REPO / "mkdocs.yml").read_text(encoding="utf-8"), re.M)


def test_properdocs_builds_every_region_as_mkdocs_does(cold_sites: dict[str, Path]) -> None:
    assert (cold_sites["properdocs"] / "ahus/artikler/det-utadvendte-sykehuset/index.html").is_file()
    assert differences_beyond_the_generator(cold_sites["mkdocs"], cold_sites["properdocs"]) == []


def test_properdocs_builds_one_region_as_mkdocs_does(cold_builds: ColdBuilds) -> None:
    sites = {}
    for tool in ("mkdocs", "properdocs"):
        site = cold_builds.of(REPO, region="ahus", tool=tool).site
        assert sorted(p.name for p in site.iterdir()) == ["ahus"]
        sites[tool] = site
    assert differences_beyond_the_generator(sites["mkdocs"], sites["properdocs"]) == []


def test_the_generator_tag_is_the_only_difference_and_it_is_on_every_page(
    cold_sites: dict[str, Path],
) -> None:
    """Tells when Material or our theme stops writing the tag: the module's note is then outdated."""
    pages = sorted(cold_sites["properdocs"].rglob("*.html"))
    assert pages
    for page in pages:
        if page.name == HTML_FILE:
            continue  # a newsletter's e-mail edition, written by us, not by Material
        if "admin" in page.relative_to(cold_sites["properdocs"]).parts:
            continue  # the browser editor's page, written by us (editor/admin_page.py), not by Material
        html = page.read_bytes()
        if b'http-equiv="refresh"' in html:
            continue  # a redirect page of an old address (aliases:), written by us, not by Material
        assert GENERATOR.findall(html) == [EXPECTED_GENERATOR["properdocs"]], page


def test_an_incremental_properdocs_build_passes_strict_mode_and_equals_a_cold_one(
    tmp_path: Path, cold_builds: ColdBuilds
) -> None:
    """Region workers build in MkDocs' dirty mode; its warning, on ProperDocs' build logger, must not count."""
    repo = cold_builds.copy(tmp_path / "repo", tool="properdocs")
    article = repo / ARTICLE
    article.write_text(article.read_text(encoding="utf-8") + "\nEn ny avslutning.\n", encoding="utf-8")

    again = build("properdocs", repo, repo / "site")

    output = again.stdout + again.stderr
    assert "dirty" not in output.lower() and "WARNING" not in output, output
    unchanged = [int(n) for n in re.findall(r"\w+: \d+ sider; uendret (\d+)", output)]
    assert len(unchanged) == 4 and all(n > 0 for n in unchanged), output
    assert "En ny avslutning." in (
        repo / "site/innlandet/artikler/det-utadvendte-sykehuset/index.html"
    ).read_text(encoding="utf-8")

    assert tree_of(repo / "site") == cold_builds.tree(repo, tool="properdocs")


def test_a_site_built_by_mkdocs_is_rebuilt_by_properdocs_as_if_from_nothing(
    tmp_path: Path, cold_builds: ColdBuilds, cold_sites: dict[str, Path]
) -> None:
    """The caches are keyed by the tool's version: no page MkDocs rendered is reused by ProperDocs."""
    repo = cold_builds.copy(tmp_path / "repo")
    build("properdocs", repo, repo / "site")
    assert tree_of(repo / "site") == tree_of(cold_sites["properdocs"])
