"""Regions are discovered from folders: a fifth region needs no code or configuration."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.builds import ColdBuilds, run_build
from tests.support.repos import REPO, copy_repo


def test_a_fifth_region_is_a_folder_with_region_yml(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    (repo / "regions/nordland").mkdir()
    (repo / "regions/nordland/region.yml").write_text(
        'name: Nordland\nhospital: "Eksempel: Nordlandssykehuset"\n', encoding="utf-8"
    )
    result = run_build(repo, repo / "site")
    assert result.returncode == 0, result.stderr
    site = repo / "site"
    assert (site / "nordland/index.html").is_file()
    assert (site / "nordland/artikler/hva-er-et-helsefellesskap/index.html").is_file()
    assert 'href="nordland/"' in (site / "index.html").read_text(encoding="utf-8")
    article = (site / "ahus/artikler/hva-er-et-helsefellesskap/index.html").read_text(encoding="utf-8")
    assert 'data-kb-region="nordland"' in article


def test_one_region_alone_builds_only_that_region(cold_builds: ColdBuilds) -> None:
    site = cold_builds.of(REPO, region="vestfold").site
    assert sorted(p.name for p in site.iterdir()) == ["vestfold"]
    assert (site / "vestfold/index.html").is_file()


def test_unknown_region_is_refused(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    result = run_build(repo, repo / "site", region="nordpolen")
    assert result.returncode != 0
    assert "nordpolen" in result.stdout + result.stderr


DRAFT = '---\ntitle: "Et utkast"\ndate: 2024-01-01\ndescription: "Ikke ferdig."\ndraft: true\n---\nUferdig tekst.\n'


def test_drafts_are_left_out_of_the_build(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    (repo / "content/artikler/et-utkast.md").write_text(DRAFT, encoding="utf-8")
    result = run_build(repo, repo / "site", region="ahus")
    assert result.returncode == 0, result.stderr
    assert (repo / "site/ahus/artikler/hva-er-et-helsefellesskap/index.html").is_file()
    assert not (repo / "site/ahus/artikler/et-utkast").exists()
    assert "Et utkast" not in (repo / "site/ahus/artikler/index.html").read_text(encoding="utf-8")


def test_preview_shows_drafts_with_a_mark(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    (repo / "content/artikler/et-utkast.md").write_text(DRAFT, encoding="utf-8")
    script = (
        "import sys\n"
        "from kompetansebroen.mkdocs_adapter.plugin import KompetansebroenPlugin\n"
        "from mkdocs.commands.build import build\n"
        "from mkdocs.config import load_config\n"
        "config = load_config('mkdocs.yml', site_dir=sys.argv[1])\n"
        "config.plugins.on_startup(command='serve', dirty=False)\n"
        "build(config)\n"
    )
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KOMPETANSEBROEN_REGION": "ahus"}
    preview = tmp_path / "preview"
    result = subprocess.run(
        [sys.executable, "-c", script, str(preview)], cwd=repo, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    html = (preview / "artikler/et-utkast/index.html").read_text(encoding="utf-8")
    assert "Utkast" in html and "publiseres ikke" in html
