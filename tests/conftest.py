"""Shared fixtures: the repository root and a built copy of the sample site."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def copy_repo(target: Path) -> Path:
    """A copy of the sample project (content, regions, mkdocs.yml) to change in a test."""
    for name in ["content", "regions"]:
        shutil.copytree(REPO / name, target / name)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    return target


def tree_of(site: Path) -> dict[str, str]:
    """Every file of a built site by relative path, with the SHA-256 of its bytes."""
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def cold_tree(repo: Path) -> dict[str, str]:
    """The site a build from nothing makes of ``repo``'s content (built in a copy, to keep its caches)."""
    cold = repo.parent / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    for name in ["content", "regions"]:
        shutil.copytree(repo / name, cold / name)
    shutil.copy(repo / "mkdocs.yml", cold / "mkdocs.yml")
    result = run_build(cold, cold / "site")
    assert result.returncode == 0, result.stderr
    return tree_of(cold / "site")


def run_build(repo: Path, site_dir: Path, region: str = "", extra_env: dict[str, str] | None = None):
    """Run ``mkdocs build`` as a user would; return the completed process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KOMPETANSEBROEN_REGION": region, **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(site_dir)],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once per test session."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = run_build(REPO, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site
