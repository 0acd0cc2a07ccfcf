"""A mistake in mkdocs.yml's topic list stops the check and the build alike, in the editors' words.

The topic list is the one setting editors change. The check and the build
read it through the same option (settings.py), so a topic without a
description is refused by both with the same Norwegian text naming the
option, and the build publishes nothing: the last good site/ stays as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.builds import BUILD, CHECK, ColdBuilds, Run, run
from tests.support.trees import differences, tree_of

pytestmark = pytest.mark.slow  # every test here runs mkdocs build as a subprocess

TOPIC = "        - name: Psykisk helse og rus\n"
DESCRIPTION = "          description: Personer med alvorlige psykiske lidelser og rusavhengighet.\n"
PROBLEM = "tema nr. 3 mangler description"
OPTION = "plugins → kompetansebroen → topics"


def _problem_lines(result: Run) -> list[str]:
    return [line for line in result.output.splitlines() if PROBLEM in line]


@pytest.fixture(scope="module")
def broken(
    tmp_path_factory: pytest.TempPathFactory, cold_builds: ColdBuilds
) -> tuple[Path, dict[str, str], Run, Run]:
    """The sample project, built, then its third topic's description removed; the check and the build run."""
    repo = cold_builds.copy(tmp_path_factory.mktemp("settings") / "repo")
    published = tree_of(repo / "site")
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert TOPIC + DESCRIPTION in text, "the sample's third topic has moved: update TOPIC and DESCRIPTION"
    config.write_text(text.replace(TOPIC + DESCRIPTION, TOPIC, 1), encoding="utf-8")
    return repo, published, run(CHECK, repo), run(BUILD, repo)


def test_the_check_names_the_file_the_option_and_the_topic(
    broken: tuple[Path, dict[str, str], Run, Run],
) -> None:
    _repo, _published, check, _build = broken
    assert check.returncode == 2, check.output
    assert check.output.strip() == f"mkdocs.yml: {OPTION}: {PROBLEM}"


def test_the_build_fails_with_the_check_s_line(
    broken: tuple[Path, dict[str, str], Run, Run],
) -> None:
    _repo, _published, _check, build = broken
    assert build.returncode != 0, build.output
    assert "Traceback" not in build.output, build.output
    (line,) = _problem_lines(build)
    # MkDocs frames the refusal of a plugin option («Plugin '…' option 'topics':»); our text stands on its own line.
    assert line.strip() == f"mkdocs.yml: {OPTION}: {PROBLEM}", build.output
    assert "option 'topics'" in build.output, build.output


def test_the_published_site_is_untouched(broken: tuple[Path, dict[str, str], Run, Run]) -> None:
    repo, published, _check, _build = broken
    assert differences(published, tree_of(repo / "site")) == []
    # No half-built site left beside it either (the build lock file may stay).
    assert [p.name for p in repo.iterdir() if p.name.startswith(".site") and p.is_dir()] == []


CMS_BLOCK = """      cms:
        backend: svn
        repo: helse/kompetansebroen
        api_url: http://git.helse.example/api/v4
"""
CMS_PROBLEMS = [
    "mkdocs.yml: plugins → kompetansebroen → cms: backend: «svn» er ukjent; skriv gitlab eller gitea eller github",
    "mkdocs.yml: plugins → kompetansebroen → cms: api_url: «http://git.helse.example/api/v4» er ikke en adresse "
    "som begynner med https://; skriv f.eks. api_url: https://gitlab.example.no",
]


def test_a_wrong_cms_block_stops_the_check_and_the_build_with_one_line_per_mistake(
    tmp_path: Path, cold_builds: ColdBuilds
) -> None:
    repo = cold_builds.copy(tmp_path / "repo")
    published = tree_of(repo / "site")
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    anchor = "  - kompetansebroen:\n"
    assert anchor in text
    config.write_text(text.replace(anchor, anchor + CMS_BLOCK, 1), encoding="utf-8")
    check = run(CHECK, repo)
    assert check.returncode == 2, check.output
    assert check.output.strip().splitlines() == CMS_PROBLEMS
    build = run(BUILD, repo)
    assert build.returncode != 0 and "Traceback" not in build.output, build.output
    for line in CMS_PROBLEMS:
        assert line in build.output, build.output
    assert differences(published, tree_of(repo / "site")) == []
