"""The render and page caches never change what is published: a warm build equals a cold one."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from tests.conftest import copy_repo, run_build


def _tree(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_edits_reach_every_page_that_shows_them_and_match_a_cold_build(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    assert run_build(repo, repo / "site").returncode == 0
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
    warm_tree = _tree(repo / "site")

    shutil.rmtree(repo / ".cache")
    cold = run_build(repo, repo / "site")
    assert cold.returncode == 0, cold.stderr
    assert _tree(repo / "site") == warm_tree
