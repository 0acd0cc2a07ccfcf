"""The good repository, built once per session; each test gets its own copy of it and its site/."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.builds import CHECK, ColdBuilds, run
from tests.support.trees import tree_of

from .in_process import InProcess
from .repo import write_repo


@dataclass(frozen=True)
class GoodBuild:
    repo: Path
    site: dict[str, str]


@pytest.fixture(scope="session")
def good_build(tmp_path_factory: pytest.TempPathFactory, cold_builds: ColdBuilds) -> GoodBuild:
    repo = cold_builds.of(write_repo(tmp_path_factory.mktemp("contract") / "repo")).repo
    check = run(CHECK, repo)
    assert check.returncode == 0, check.output
    assert check.output.startswith("OK:"), check.output
    return GoodBuild(repo, tree_of(repo / "site"))


@pytest.fixture
def repo(good_build: GoodBuild, tmp_path: Path) -> Path:
    """A copy of the good repository with its built site/ (and render cache)."""
    copy = tmp_path / "repo"
    shutil.copytree(good_build.repo, copy, symlinks=True)
    return copy


@pytest.fixture
def in_process(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> InProcess:
    """The check and a one-region build of a repository, run in the test process (``in_process.py``)."""
    return InProcess(capsys, monkeypatch, caplog)
