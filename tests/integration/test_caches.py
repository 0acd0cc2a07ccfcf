"""The render and page caches never change what is published: a warm build equals a cold one."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.support.builds import ColdBuilds, run_build
from tests.support.trees import tree_of


def test_edits_reach_every_page_that_shows_them_and_match_a_cold_build(
    tmp_path: Path, cold_builds: ColdBuilds
) -> None:
    repo = cold_builds.copy(tmp_path / "repo")
    assert (repo / ".cache/kompetansebroen/cache.sqlite").is_file()

    article = repo / "content/artikler/tilskudd-til-sekretariat.md"
    lines = article.read_text(encoding="utf-8").splitlines()
    closing = lines.index("---", 1)
    lines = [
        'title: "Sekretariatene får tilskudd"' if line.startswith("title:") else line
        for line in lines[:closing]
    ] + ["---", "", "En ny setning om sekretariatet.", *lines[closing + 1 :]]
    article.write_text("\n".join(lines) + "\n", encoding="utf-8")

    warm = run_build(repo, repo / "site")
    assert warm.returncode == 0, warm.stderr
    page = (repo / "site/ahus/artikler/tilskudd-til-sekretariat/index.html").read_text(encoding="utf-8")
    assert "En ny setning om sekretariatet." in page
    assert "Sekretariatene får tilskudd" in (repo / "site/ahus/artikler/index.html").read_text(
        encoding="utf-8"
    )
    warm_tree = tree_of(repo / "site")

    shutil.rmtree(repo / ".cache")
    cold = run_build(repo, repo / "site")
    assert cold.returncode == 0, cold.stderr
    assert tree_of(repo / "site") == warm_tree


def test_unchanged_pages_are_taken_from_the_published_site(tmp_path: Path, cold_builds: ColdBuilds) -> None:
    repo = cold_builds.copy(tmp_path / "repo")
    article = repo / "content/artikler/det-utadvendte-sykehuset.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nEn ny avslutning.\n", encoding="utf-8")

    result = run_build(repo, repo / "site")

    assert result.returncode == 0, result.stderr
    counts = re.findall(r"(\w+): (\d+) sider; uendret (\d+)", result.stderr)
    assert len(counts) == 4
    for _region, pages, unchanged in counts:  # the article and the pages that link to it are rebuilt
        assert int(pages) - 4 <= int(unchanged) < int(pages)
    assert "En ny avslutning." in (
        repo / "site/vestfold/artikler/det-utadvendte-sykehuset/index.html"
    ).read_text(encoding="utf-8")
    assert tree_of(repo / "site") == cold_builds.tree(repo)


def test_a_published_page_changed_by_hand_is_rebuilt(tmp_path: Path, cold_builds: ColdBuilds) -> None:
    repo = cold_builds.copy(tmp_path / "repo")
    page = repo / "site/ahus/artikler/det-utadvendte-sykehuset/index.html"
    page.write_text("endret for hånd", encoding="utf-8")

    assert run_build(repo, repo / "site").returncode == 0
    assert tree_of(repo / "site") == cold_builds.tree(repo)


def test_a_build_that_fails_late_does_not_leave_stale_pages_for_the_next(
    tmp_path: Path, cold_builds: ColdBuilds
) -> None:
    """MkDocs' anchor check fails the build after the pages are written: nothing may carry over."""
    repo = cold_builds.copy(tmp_path / "repo")
    published = tree_of(repo / "site")
    article = repo / "content/artikler/det-utadvendte-sykehuset.md"
    original = article.read_text(encoding="utf-8")
    article.write_text(original + "\nSe [avsnittet](#finnes-ikke).\n", encoding="utf-8")

    failed = run_build(repo, repo / "site")
    assert failed.returncode != 0
    assert tree_of(repo / "site") == published

    article.write_text(original + "\nEn annen avslutning.\n", encoding="utf-8")
    assert run_build(repo, repo / "site").returncode == 0
    assert tree_of(repo / "site") == cold_builds.tree(repo)
    article.write_text(original, encoding="utf-8")
    assert run_build(repo, repo / "site").returncode == 0
    assert tree_of(repo / "site") == cold_builds.tree(repo)


def _entries(repo: Path) -> dict[str, int]:
    import sqlite3

    db = sqlite3.connect(repo / ".cache/kompetansebroen/cache.sqlite")
    try:
        tables = ["rendered_markdown", "finished_pages", "region_state"]
        return {table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in tables}
    finally:
        db.close()


def test_the_cache_keeps_what_the_site_is_made_of_and_no_more(
    tmp_path: Path, cold_builds: ColdBuilds
) -> None:
    repo = cold_builds.copy(tmp_path / "repo")
    first = _entries(repo)
    article = repo / "content/artikler/det-utadvendte-sykehuset.md"
    original = article.read_text(encoding="utf-8")
    for number in range(3):  # each edit makes new entries for the page; the old ones go
        article.write_text(original + f"\nEndring nummer {number}.\n", encoding="utf-8")
        assert run_build(repo, repo / "site").returncode == 0
    assert _entries(repo) == first

    # Pages taken unchanged from the published site kept their entries: when a title
    # changes what they show, their Markdown comes from the cache (in the region that
    # renders them; the others stamp a copy and convert nothing).
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace('title: "', 'title: "Ny tittel: ', 1), encoding="utf-8")
    result = run_build(repo, repo / "site")
    assert result.returncode == 0, result.stderr
    reused = [int(n) for n in re.findall(r"Markdown gjenbrukt for (\d+)", result.stderr)]
    assert len(reused) == 4 and sum(reused) > 0
    assert tree_of(repo / "site") == cold_builds.tree(repo)
