"""A build with nothing changed leaves the published site as it is; any change, however hidden, builds."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from tests.support.builds import ColdBuilds, run_build
from tests.support.trees import tree_of

NOTHING_CHANGED = "Ingenting er endret siden forrige bygg"
ARTICLE = "content/artikler/det-utadvendte-sykehuset.md"
PAGE = "innlandet/artikler/det-utadvendte-sykehuset/index.html"


def _files(site: Path) -> dict[str, tuple[int, int]]:
    """Every published file's inode and modification time: a file written again has new ones."""
    return {
        path.relative_to(site).as_posix(): (path.stat().st_ino, path.stat().st_mtime_ns)
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def _same_size_edit(path: Path, old: str, new: str) -> None:
    """Change ``old`` to ``new`` (as many bytes) and put the modification time back as it was."""
    assert len(old.encode()) == len(new.encode())
    kept = path.stat()
    time.sleep(0.02)  # the kernel's file times move in clock ticks of a few milliseconds
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    assert path.stat().st_size == kept.st_size


def test_a_build_with_nothing_changed_touches_nothing_and_a_hidden_edit_still_builds(
    tmp_path: Path, cold_builds: ColdBuilds
) -> None:
    repo = cold_builds.copy(tmp_path / "repo")  # a copied project's site is not its own last build
    first = run_build(repo, repo / "site")
    assert first.returncode == 0, first.stderr
    assert NOTHING_CHANGED not in first.stderr
    published = tree_of(repo / "site")
    files = _files(repo / "site")
    deploy = tree_of(repo / "deploy")

    again = run_build(repo, repo / "site")

    assert again.returncode == 0, again.stderr
    assert NOTHING_CHANGED in again.stderr, again.stderr
    assert "sider; uendret" not in again.stderr  # no region was built
    assert _files(repo / "site") == files  # not one file written again
    assert tree_of(repo / "site") == published
    assert tree_of(repo / "deploy") == deploy

    text = (repo / ARTICLE).read_text(encoding="utf-8")
    word = next(w for w in text.split() if w.isalpha() and w.islower() and len(w) >= 6)
    _same_size_edit(repo / ARTICLE, word, word[::-1])

    edited = run_build(repo, repo / "site")

    assert edited.returncode == 0, edited.stderr
    assert NOTHING_CHANGED not in edited.stderr
    assert word[::-1] in (repo / "site" / PAGE).read_text(encoding="utf-8")
    assert tree_of(repo / "site") == cold_builds.tree(repo)


def test_a_published_file_changed_or_removed_by_hand_is_built_again(
    tmp_path: Path, cold_builds: ColdBuilds
) -> None:
    repo = cold_builds.copy(tmp_path / "repo")
    assert run_build(repo, repo / "site").returncode == 0  # now the site is this project's last build
    published = tree_of(repo / "site")
    _same_size_edit(repo / "site" / PAGE, "<html", "<HTML")

    mended = run_build(repo, repo / "site")

    assert mended.returncode == 0, mended.stderr
    assert NOTHING_CHANGED not in mended.stderr
    assert tree_of(repo / "site") == published

    (repo / "site" / (PAGE + ".gz")).unlink()
    mended = run_build(repo, repo / "site")
    assert NOTHING_CHANGED not in mended.stderr
    assert tree_of(repo / "site") == published


def test_a_region_built_alone_and_a_changed_setting_are_not_taken_for_nothing_changed(
    tmp_path: Path, cold_builds: ColdBuilds
) -> None:
    repo = cold_builds.copy(tmp_path / "repo")
    assert run_build(repo, repo / "site").returncode == 0
    published = tree_of(repo / "site")

    alone = run_build(repo, repo / "site", region="innlandet")
    assert alone.returncode == 0, alone.stderr
    assert NOTHING_CHANGED not in alone.stderr
    alone_again = run_build(repo, repo / "site", region="innlandet")
    assert NOTHING_CHANGED in alone_again.stderr, alone_again.stderr

    whole = run_build(repo, repo / "site")  # site/innlandet is not what the last whole build left
    assert NOTHING_CHANGED not in whole.stderr
    assert tree_of(repo / "site") == published

    dated = run_build(repo, repo / "site", extra_env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert dated.returncode == 0, dated.stderr
    assert NOTHING_CHANGED not in dated.stderr

    config = repo / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "# en kommentar\n", encoding="utf-8")
    commented = run_build(repo, repo / "site")
    assert NOTHING_CHANGED not in commented.stderr


def test_the_installed_packages_and_python_count_as_what_the_site_is_made_with() -> None:
    from kompetansebroen.mkdocs_adapter.unchanged_builds import installed_packages

    found = installed_packages()
    assert found[0] == sys.version
    assert any(name.lower().startswith(("jinja2-", "pygments-")) for name in found), found
