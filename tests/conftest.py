"""Shared fixtures: the repository root, the session's cold builds, the sample site built once.

Also counts every site build a test starts as a subprocess (printed at the end of the run), so a
change that adds builds shows in the summary.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support import parallel
from tests.support.builds import ColdBuilds, holding
from tests.support.repos import REPO

# Counted through Python's audit hooks, for subprocess.Popen and for a build forked from the build server.
_SITE_TOOLS = {"mkdocs", "properdocs"}
_builds_by_test: dict[str, int] = {}
_current_test = ["(collection)"]


def _count_builds(event: str, args: tuple) -> None:
    if event == "kompetansebroen.tests.forked_build":  # forked from a server (tests/support/forked_builds.py)
        argv = [str(a) for a in args[0]]
    elif event == "subprocess.Popen":
        argv = [str(a) for a in (args[1] or ())]
    else:
        return
    if "build" in argv and any(Path(a).name in _SITE_TOOLS for a in argv):
        _builds_by_test[_current_test[0]] = _builds_by_test.get(_current_test[0], 0) + 1


sys.addaudithook(_count_builds)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    _current_test[0] = item.nodeid
    try:
        return (yield)
    finally:
        _current_test[0] = "(between tests)"


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A pytest-xdist worker hands its counts to the main process, which prints the summary."""
    worker_output = getattr(session.config, "workeroutput", None)
    if worker_output is not None:
        worker_output["site_builds"] = dict(_builds_by_test)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:  # noqa: ANN001 - pytest-xdist's worker and its error
    for nodeid, count in getattr(node, "workeroutput", {}).get("site_builds", {}).items():
        _builds_by_test[nodeid] = _builds_by_test.get(nodeid, 0) + count


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    total = sum(_builds_by_test.values())
    terminalreporter.write_sep("-", f"site builds run as subprocesses: {total}")
    by_count = sorted(_builds_by_test.items(), key=lambda item: (-item[1], item[0]))
    for nodeid, count in by_count[:10]:
        terminalreporter.write_line(f"{count:4d}  {nodeid}")
    if listing := os.environ.get("KOMPETANSEBROEN_TEST_BUILDS"):  # every test's count, to compare runs
        Path(listing).write_text(
            "".join(f"{count}\t{nodeid}\n" for nodeid, count in by_count), encoding="utf-8"
        )


SLOW_FOLDERS = ("integration", "browser")
"""Every test here builds the sample, drives chromium, nginx or Java: all of them are ``slow``."""


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("numprocesses", None) and config.getoption("dist", "no") != "loadfile":
        raise pytest.UsageError(
            "Run the suite on several workers with --dist loadfile (pyproject.toml sets it): a test file's "
            "tests run on one worker, so that a module's site is built once"
        )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark the tests of the slow folders ``slow`` (elsewhere a test that starts a build says so itself),
    and put the longest files first (pytest-xdist hands out the files in this order)."""
    for item in items:
        path = Path(item.fspath).relative_to(REPO)
        if path.parts[1] in SLOW_FOLDERS:
            item.add_marker(pytest.mark.slow)
    items.sort(key=lambda item: parallel.rank_of(Path(item.fspath).relative_to(REPO).as_posix()))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder of this test run that every pytest-xdist worker shares (alone: the session's own).

    Under pytest-xdist every worker has a folder of its own below the run's folder. Alone, the
    folder above the session's is shared by every earlier run, so it is not used.
    """
    own = tmp_path_factory.getbasetemp()
    return own.parent if os.environ.get("PYTEST_XDIST_WORKER") else own


@pytest.fixture
def decap_port_held(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Hold the run's lock on make edit's fixed decap-server port: the other worker's user waits."""
    with holding(run_folder(tmp_path_factory) / parallel.DECAP_PORT_LOCK):
        yield


@pytest.fixture(scope="session")
def cold_builds(tmp_path_factory: pytest.TempPathFactory) -> ColdBuilds:
    """Builds from nothing, one per content (and region, and tool), shared by the whole run and its
    workers (``ColdBuilds`` locks each build)."""
    folder = run_folder(tmp_path_factory) / "cold-builds"
    folder.mkdir(exist_ok=True)
    return ColdBuilds(folder)


@pytest.fixture(scope="session")
def built_site(cold_builds: ColdBuilds) -> Path:
    """The sample site, every region, built once per test session (read only)."""
    return cold_builds.of(REPO).site


@pytest.fixture(scope="session")
def rebuilt_site(cold_builds: ColdBuilds) -> Path:
    """The sample built from nothing a second time, in another folder: what must not change between builds."""
    return cold_builds.of(REPO, nth=2).site
