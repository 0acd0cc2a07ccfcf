"""Two builds of one site at once, and a build that is killed: the published site is always whole."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import threading
import time
from pathlib import Path

from tests.support.builds import BUILD, ColdBuilds, start
from tests.support.processes import region_workers, running
from tests.support.trees import tree_of

WAITING = "et annet bygg av nettstedet pågår; venter til det er ferdig"
"""What a build says when another build of the same site holds the lock (output/staging.py)."""


def _start_build(repo: Path) -> subprocess.Popen[str]:
    return start([*BUILD, "-d", str(repo / "site")], repo)


def _lock_is_held(lock: Path) -> bool:
    """Whether a build holds the lock on ``lock`` now (asked without waiting, and let go at once)."""
    with open(lock, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


class _Output:
    """A running build's output, read line by line as it comes, so a test can wait for one line."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self.seen = threading.Event()
        self.wanted = ""
        self.reader = threading.Thread(target=self._read, args=(process,), daemon=True)

    def wait_for(self, wanted: str, timeout: float) -> bool:
        self.wanted = wanted
        self.reader.start()
        return self.seen.wait(timeout)

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self.lines.append(line)
            if self.wanted in line:
                self.seen.set()

    def text(self, timeout: float) -> str:
        self.reader.join(timeout)
        return "".join(self.lines)


def _set_title(article: Path, title: str) -> None:
    text = article.read_text(encoding="utf-8")
    lines = [f'title: "{title}"' if line.startswith("title:") else line for line in text.splitlines()]
    staged = article.with_suffix(".tmp")
    staged.write_text("\n".join(lines) + "\n", encoding="utf-8")
    staged.replace(article)  # one rename: a build reads the old text or the new, never half


def test_overlapping_builds_publish_one_whole_version(tmp_path: Path, cold_builds: ColdBuilds) -> None:
    """The second build starts while the first holds the site: it waits, then publishes its version whole.

    The overlap is made sure of, not hoped for: the first build is paused (SIGSTOP) once it holds
    the lock, the second is started and must say it waits for another build, and only then is
    the first let go on.
    """
    repo = cold_builds.copy(tmp_path / "repo")
    article = repo / "content/artikler/det-utadvendte-sykehuset.md"
    lock = repo / ".site.lock"

    first = _start_build(repo)
    deadline = time.monotonic() + 120
    while not _lock_is_held(lock) and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(first.pid, signal.SIGSTOP)
    try:
        assert _lock_is_held(lock), "the first build ended before it could be seen holding the site"
        _set_title(article, "Andre versjon av tittelen")
        second = _start_build(repo)
        second_output = _Output(second)
        waited = second_output.wait_for(WAITING, timeout=120)
    finally:
        os.kill(first.pid, signal.SIGCONT)
    first_out, _ = first.communicate(timeout=600)
    second.wait(timeout=600)
    second_out = second_output.text(timeout=60)

    assert waited, second_out  # the two builds overlapped: the second found the first holding the site
    assert first.returncode == 0, first_out
    assert second.returncode == 0, second_out
    assert "Traceback" not in first_out + second_out
    assert tree_of(repo / "site") == cold_builds.tree(repo)  # the second build's version, whole
    assert not (repo / ".site.building").exists()


def test_a_killed_build_takes_its_workers_with_it_and_leaves_the_site(
    tmp_path: Path, cold_builds: ColdBuilds
) -> None:
    repo = cold_builds.copy(tmp_path / "repo")  # the sample, built
    published = tree_of(repo / "site")
    (repo / ".cache").rename(repo / "cache-aside")  # a cold build: the workers have work to do

    build = _start_build(repo)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while not workers and time.monotonic() < deadline and build.poll() is None:
        workers = region_workers(build.pid)
        if not workers:
            time.sleep(0.05)
    assert workers, "the build finished before its workers could be seen"
    os.kill(build.pid, signal.SIGSTOP)  # held still: the kill must land while the workers are at work
    assert build.poll() is None, "the build finished before it could be killed"
    assert any(running(pid) for pid in workers), workers
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=30)

    deadline = time.monotonic() + 20
    alive = workers
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in workers if running(pid)]
        time.sleep(0.1)
    assert alive == [], f"workers still running after the build was killed: {alive}"
    assert tree_of(repo / "site") == published
