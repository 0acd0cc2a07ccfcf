"""Two builds of one site at once, and a build that is killed: the published site is always whole."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from tests.support.builds import BUILD, run_build, start
from tests.support.repos import copy_repo
from tests.support.trees import tree_of


def _start_build(repo: Path) -> subprocess.Popen[str]:
    return start([*BUILD, "-d", str(repo / "site")], repo)


def _children(pid: int) -> list[int]:
    """Every process whose parent is ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def _set_title(article: Path, title: str) -> None:
    text = article.read_text(encoding="utf-8")
    lines = [f'title: "{title}"' if line.startswith("title:") else line for line in text.splitlines()]
    staged = article.with_suffix(".tmp")
    staged.write_text("\n".join(lines) + "\n", encoding="utf-8")
    staged.replace(article)  # one rename: a build reads the old text or the new, never half


def test_overlapping_builds_publish_one_whole_version(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    article = repo / "content/artikler/det-utadvendte-sykehuset.md"
    assert run_build(repo, repo / "site").returncode == 0

    first = _start_build(repo)
    time.sleep(0.5)
    _set_title(article, "Andre versjon av tittelen")
    second = _start_build(repo)
    first_out, _ = first.communicate(timeout=600)
    second_out, _ = second.communicate(timeout=600)

    assert first.returncode == 0, first_out
    assert second.returncode == 0, second_out
    assert "Traceback" not in first_out + second_out
    published = tree_of(repo / "site")
    cold = tmp_path / "cold"
    copy_repo(cold)
    (cold / "content/artikler/det-utadvendte-sykehuset.md").write_bytes(article.read_bytes())
    assert run_build(cold, cold / "site").returncode == 0
    assert published == tree_of(cold / "site")  # the second build's version, whole
    assert not (repo / ".site.building").exists()


def test_a_killed_build_takes_its_workers_with_it_and_leaves_the_site(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    assert run_build(repo, repo / "site").returncode == 0
    published = tree_of(repo / "site")
    (repo / ".cache").rename(repo / "cache-aside")  # a cold build: the workers have work to do

    build = _start_build(repo)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while not workers and time.monotonic() < deadline and build.poll() is None:
        workers = _children(build.pid)
        time.sleep(0.05)
    assert workers, "the build finished before its workers could be seen"
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=30)

    deadline = time.monotonic() + 20
    alive = workers
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in workers if Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)]
        time.sleep(0.1)
    assert alive == [], f"workers still running after the build was killed: {alive}"
    assert tree_of(repo / "site") == published


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"
