"""A repeated build of the same input is byte-identical, warm or cold, wherever the repository lies."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests.support.builds import BUILD, run
from tests.support.trees import differences, tree_of

pytestmark = pytest.mark.slow  # every test here runs mkdocs build as a subprocess


def built(repo: Path, extra_env: dict[str, str] | None = None) -> dict[str, str]:
    build = run(BUILD, repo, extra_env)
    assert build.returncode == 0, build.output
    return tree_of(repo / "site")


def test_repeated_builds_are_byte_identical_warm_or_cold_and_anywhere(repo: Path, tmp_path: Path) -> None:
    # Compared with each other rather than with the session's first build, so that a change
    # to the code while the suite runs is not mistaken for a non-reproducible build.
    warm = built(repo)
    elsewhere = tmp_path / "et" / "annet" / "sted"
    shutil.copytree(repo, elsewhere, symlinks=True)
    shutil.rmtree(elsewhere / "site")
    shutil.rmtree(elsewhere / ".cache", ignore_errors=True)
    cold = built(elsewhere)
    again = built(repo)
    assert not differences(warm, cold), differences(warm, cold)
    assert not differences(warm, again), differences(warm, again)


def test_a_failed_build_then_a_fixed_one_publishes_the_new_site(repo: Path) -> None:
    article = repo / "content/artikler/andre-artikkel.md"
    good = article.read_text(encoding="utf-8")
    article.write_text(good.replace('title: "Andre artikkel"', "title: no"), encoding="utf-8")
    assert run(BUILD, repo).returncode != 0
    article.write_text(good.replace("Innledning til artikkelen.", "Ny innledning."), encoding="utf-8")
    build = run(BUILD, repo)
    assert build.returncode == 0, build.output
    page = (repo / "site/nord/artikler/andre-artikkel/index.html").read_text(encoding="utf-8")
    assert "Ny innledning." in page
    assert sorted(p.name for p in repo.iterdir() if p.name.startswith(".site") and p.is_dir()) == []


def test_only_the_sitemaps_depend_on_the_build_day(repo: Path) -> None:
    """The same input built on another day differs at most in each region's sitemap.

    Known and not yet fixed: MkDocs sets every page's ``update_date`` to the build
    date, so each region's sitemap.xml has ``<lastmod>`` = the build day and
    sitemap.xml.gz that day's midnight as its gzip mtime. Anything else that
    depends on the day fails here. Events are left out: which are upcoming and
    whether sign-up is open are decided against the build day by design
    (tests/integration/test_events_built.py covers them).
    """
    shutil.rmtree(repo / "content" / "arrangementer")
    today = built(repo)
    another_day = built(repo, {"SOURCE_DATE_EPOCH": str(int(time.time()) - 400 * 86400)})
    changed = {line.split(": ", 1)[1] for line in differences(today, another_day)}
    sitemaps = {
        f"{region}/{name}" for region in ("nord", "sor") for name in ("sitemap.xml", "sitemap.xml.gz")
    }
    # A calendar without events still describes Norwegian time in the build's year.
    calendars = {
        f"{region}/arrangementer/{name}"
        for region in ("nord", "sor")
        for name in ("kalender.ics", "kalender.ics.gz")
    }
    assert changed <= sitemaps | calendars, sorted(changed - sitemaps - calendars)
