"""The check and the build run inside the test process: what an editor sees, without a new Python each time.

``kompetansebroen-check`` is :func:`kompetansebroen.cli.check` with ``sys.exit`` around it; the
build is MkDocs' own ``build`` with our plugin, as ``mkdocs build`` runs it after reading
mkdocs.yml, for one region (a build of every region forks its workers, which a test process
should not do). The tree is validated whole in either case, and a shared page's HTML is
checked in any region that shows it, so a mistake fails this build just as it fails a build
of every region. Each refusal the build logs (``content_failure``) and MkDocs' closing line
are the output. The subprocess cases in ``test_bad_inputs.py`` show, once per failure phase,
that a real ``mkdocs build`` of every region reports the same.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import pytest
from kompetansebroen import cli
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests.support.builds import Run

BUILT_REGION = "nord"
"""The region the in-process build makes: it shows every shared page of the contract repository."""


def check_in_process(repo: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """``kompetansebroen-check`` in ``repo``: its exit code and what it printed."""
    capsys.readouterr()
    code = cli.check(repo, repo / "mkdocs.yml")
    printed = capsys.readouterr()
    return Run(code, printed.out + printed.err)


def build_in_process(repo: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> Run:
    """``mkdocs build`` of one region in ``repo`` (into its site/): 0 or 1, and every line it logged."""
    monkeypatch.setenv("KOMPETANSEBROEN_REGION", BUILT_REGION)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    # The build dates itself by writing SOURCE_DATE_EPOCH; monkeypatch takes it away again after the test.
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    caplog.clear()
    with caplog.at_level(logging.INFO):
        config = load_config(str(repo / "mkdocs.yml"), site_dir=str(repo / "site"))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
            code = 0
        except Abort:
            code = 1
        finally:
            config.plugins.on_shutdown()
    return Run(code, "\n".join(record.getMessage() for record in caplog.records))


@dataclass(frozen=True)
class InProcess:
    """The check and a build run in the test process, with the pytest fixtures that capture what they say
    (the ``in_process`` fixture)."""

    capsys: pytest.CaptureFixture[str]
    monkeypatch: pytest.MonkeyPatch
    caplog: pytest.LogCaptureFixture

    def check(self, repo: Path) -> Run:
        return check_in_process(repo, self.capsys)

    def build(self, repo: Path) -> Run:
        return build_in_process(repo, self.monkeypatch, self.caplog)
