"""Builds and checks run as an editor runs them (processes of their own), and the session's cold builds
by content.

A build or check that runs to its end is forked from a server that has imported MkDocs and the plugin
once (forked_builds.py); one the test watches or interrupts while it runs (:func:`start`) is a plain
subprocess.

A cold build of the sample takes seconds on a quiet machine and many more on a loaded one; most
tests that need one need the same one. :class:`ColdBuilds` builds each content once per test run
(shared by pytest-xdist's workers), keyed by a hash of what the build reads (``content/``,
``regions/``, ``mkdocs.yml``), and hands out its site and log, to read only, or a copy of the whole built
project to go on from. The regions' saved state names a published folder inside the project by its path
from the project (``output/region_state.py``), so such a copy builds on incrementally, as the project it
was copied from would, and an incremental test need not build its own first site.
"""

from __future__ import annotations

import atexit
import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .forked_builds import BuildForker
from .processes import as_in_a_terminal
from .repos import PROJECT_PARTS, REPO, copy_repo
from .trees import tree_of

BUILD = [sys.executable, "-m", "mkdocs", "build"]
CHECK = [sys.executable, "-m", "kompetansebroen.cli"]
TIMEOUT = 600
"""Seconds a build may take before the test fails; generous for a loaded machine."""
_FORKER = BuildForker()
atexit.register(_FORKER.close)


def environment(extra: dict[str, str] | None = None, region: str = "") -> dict[str, str]:
    """The environment of a build: all regions (unless ``region``), dated by content, no MkDocs 2 banner."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KOMPETANSEBROEN_REGION": region}
    env.pop("SOURCE_DATE_EPOCH", None)
    return {**env, **(extra or {})}


@dataclass(frozen=True)
class Run:
    returncode: int
    output: str
    """Standard output and standard error, interleaved as a terminal shows them."""


def start(command: list[str], repo: Path, extra_env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        command,
        cwd=repo,
        env=environment(extra_env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=as_in_a_terminal,  # noqa: PLW1509 - resets one signal's action, nothing more
    )


def finish(process: subprocess.Popen[str], timeout: float = TIMEOUT) -> Run:
    output, _ = process.communicate(timeout=timeout)
    return Run(process.returncode, output)


def run(command: list[str], repo: Path, extra_env: dict[str, str] | None = None) -> Run:
    """``command`` (``python -m <module> …``) to its end, forked as :func:`run_build` is."""
    if command[:2] != [sys.executable, "-m"]:
        return finish(start(command, repo, extra_env))
    ran = _FORKER.run(command[2], command[3:], repo, environment(extra_env), TIMEOUT, interleaved=True)
    return Run(ran.returncode, ran.stdout)


def build_and_check(repo: Path) -> tuple[Run, Run]:
    """``mkdocs build`` and the check command, side by side (the check only reads)."""
    build, check = start(BUILD, repo), start(CHECK, repo)
    return finish(build), finish(check)


def run_build(
    repo: Path,
    site_dir: Path,
    region: str = "",
    extra_env: dict[str, str] | None = None,
    tool: str = "mkdocs",
    options: tuple[str, ...] = (),
) -> subprocess.CompletedProcess[str]:
    """``<tool> build [options] -d site_dir`` in ``repo`` as a user runs it (stdout and stderr apart),
    in a process forked from one that has imported the build's modules already (forked_builds.py)."""
    return _FORKER.run(
        tool, ["build", *options, "-d", str(site_dir)], repo, environment(extra_env, region), TIMEOUT
    )


def content_hash(repo: Path) -> str:
    """A hash of everything a build reads of ``repo``: each file's path and bytes (a link's target)."""
    digest = hashlib.sha256()
    for part in PROJECT_PARTS:
        top = repo / part
        paths = [top] if top.is_file() else sorted(top.rglob("*"))
        for path in paths:
            digest.update(path.relative_to(repo).as_posix().encode() + b"\0")
            if path.is_symlink():
                digest.update(b"link\0" + os.readlink(path).encode())
            elif path.is_file():
                digest.update(b"file\0" + path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


@dataclass(frozen=True)
class ColdBuild:
    repo: Path
    """The copy that was built: the project, its ``site/`` and its ``.cache/``. Never change it."""
    log: str
    """The build's standard error (MkDocs' log)."""

    @property
    def site(self) -> Path:
        return self.repo / "site"


@contextmanager
def holding(lock: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file ``lock`` (waiting for another process that holds it).

    The kernel lets go of the lock when its holder exits, so a test process that dies mid-build
    never leaves the others waiting.
    """
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class ColdBuilds:
    """Every content's build from nothing, made once per test run and shared by the tests that need it.

    ``folder`` may be shared by several test processes (pytest-xdist's workers): each build is made
    under a file lock by the first process that asks for it, and the others wait for it and reuse
    it. A build is finished when its log is there (written last, by a rename); a copy left half
    built by a process that died is built again.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.builds: dict[tuple[str, str, str, int], ColdBuild] = {}

    def of(self, repo: Path, region: str = "", tool: str = "mkdocs", nth: int = 1) -> ColdBuild:
        """The build from nothing of ``repo``'s content (in a copy of its own, so ``repo`` keeps its cache).

        ``nth=2`` is a second build from nothing of the same content, in another folder: what a test
        compares with the first to show that nothing changes between builds.
        """
        key = (content_hash(repo), region, tool, nth)
        if key not in self.builds:
            self.builds[key] = self._shared(repo, key)
        return self.builds[key]

    def _shared(self, repo: Path, key: tuple[str, str, str, int]) -> ColdBuild:
        digest, region, tool, nth = key
        name = f"{digest[:20]}-{tool}-{region or 'alle'}-{nth}"
        copy, log = self.folder / name, self.folder / f"{name}.log"
        with holding(self.folder / f"{name}.lock"):
            if not log.is_file():
                if copy.exists():
                    shutil.rmtree(copy)
                copy_repo(copy, source=repo)
                result = run_build(copy, copy / "site", region=region, tool=tool)
                assert result.returncode == 0, result.stdout + result.stderr
                staged = log.with_suffix(".log-part")
                staged.write_text(result.stderr, encoding="utf-8")
                staged.replace(log)
        return ColdBuild(copy, log.read_text(encoding="utf-8"))

    def copy(self, target: Path, repo: Path = REPO, tool: str = "mkdocs") -> Path:
        """A copy of ``repo`` as its build from nothing left it (``site/``, ``.cache/`` and all), at ``target``.

        What a test that starts with ``copy_repo`` and a first build in the copy gets, for the price of
        copying the files; its next build is incremental, the saved state checked against the copied site."""
        shutil.copytree(self.of(repo, tool=tool).repo, target, symlinks=True)
        return target

    def tree(self, repo: Path, region: str = "", tool: str = "mkdocs") -> dict[str, str]:
        """The files of the site a build from nothing makes of ``repo``, with their hashes."""
        return tree_of(self.of(repo, region, tool).site)
