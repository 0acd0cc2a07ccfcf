"""A build forked from the tests' build server is the process ``python -m …`` would be."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.builds import environment
from tests.support.forked_builds import BuildForker, startup_differs
from tests.support.repos import copy_repo

pytestmark = pytest.mark.slow  # runs the check as processes of its own

ARTICLE = "content/artikler/teknologi-og-gevinstdeling.md"


@pytest.fixture
def forker() -> Iterator[BuildForker]:
    forker = BuildForker()
    yield forker
    forker.close()


@pytest.fixture
def broken_repo(tmp_path: Path) -> Path:
    repo = copy_repo(tmp_path / "repo")
    article = repo / ARTICLE
    article.write_text(article.read_text(encoding="utf-8").replace("title:", "title: [", 1), encoding="utf-8")
    return repo


def test_a_forked_check_says_and_ends_as_a_new_process_does(forker: BuildForker, broken_repo: Path) -> None:
    forked = forker.run("kompetansebroen.cli", [], broken_repo, environment(), 120)
    plain = subprocess.run(
        [sys.executable, "-m", "kompetansebroen.cli"],
        cwd=broken_repo,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert (forked.returncode, forked.stdout, forked.stderr) == (plain.returncode, plain.stdout, plain.stderr)
    assert forked.returncode == 1
    assert f"{ARTICLE}:2:" in forked.stderr


def test_both_streams_in_one_are_in_the_order_written(forker: BuildForker, broken_repo: Path) -> None:
    forked = forker.run("kompetansebroen.cli", [], broken_repo, environment(), 120, interleaved=True)

    assert forked.stderr is None
    assert forked.stdout.index(f"{ARTICLE}:2:") < forked.stdout.index("1 feil funnet")


def test_the_servers_take_turns_and_a_build_wanting_another_locale_gets_a_process_of_its_own(
    forker: BuildForker, broken_repo: Path
) -> None:
    for _ in range(3):
        forker.run("kompetansebroen.cli", [], broken_repo, environment(), 120)
    assert forker.turn == 3
    assert len({server.pid for server in forker.servers}) == 2

    other_locale = forker.run("kompetansebroen.cli", [], broken_repo, {**environment(), "LC_ALL": "C"}, 120)

    assert forker.turn == 3  # not forked
    assert other_locale.returncode == 1
    assert startup_differs({"LANG": "C"}, {"LANG": "nb_NO.UTF-8"})
    assert startup_differs({"PYTHONPATH": "x"}, {})
    assert not startup_differs({"PYTHONHASHSEED": "1", "TZ": "UTC"}, {"PYTHONHASHSEED": "2"})
