"""CPU time per build stage: exclusive stages, per process, off unless asked for."""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from pathlib import Path

import pytest
from kompetansebroen import stage_times
from kompetansebroen.stage_times import MARKDOWN, READ, WRITES, read_totals, save, stage


def _busy(seconds: float) -> None:
    """Spend ``seconds`` of CPU time."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "stages"
    monkeypatch.setenv(stage_times.ENVIRONMENT, str(target))
    stage_times._start_afresh()
    return target


def test_nothing_is_counted_or_written_when_not_asked_for(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(stage_times.ENVIRONMENT, raising=False)
    with stage(MARKDOWN):
        _busy(0.01)
    save()
    assert list(tmp_path.iterdir()) == []


def test_a_stage_inside_another_pauses_it(folder: Path) -> None:
    with stage(MARKDOWN):
        _busy(0.05)
        with stage(WRITES):
            _busy(0.1)
    save()

    stages, process_cpu = read_totals(folder)
    assert 0.04 <= stages[MARKDOWN] < 0.09
    assert 0.09 <= stages[WRITES] < 0.14
    assert process_cpu >= stages[MARKDOWN] + stages[WRITES]
    assert stage_times.OTHER not in stages


def _child_work(queue) -> None:
    with stage(MARKDOWN):
        _busy(0.03)
    save()
    queue.put(os.getpid())


def test_a_forked_worker_counts_only_its_own_time(folder: Path) -> None:
    with stage(READ):
        _busy(0.05)
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_child_work, args=(queue,))
    child.start()
    pid = queue.get(timeout=30)
    child.join(timeout=30)

    own = json.loads((folder / f"{pid}.json").read_text(encoding="utf-8"))
    assert set(own["stages"]) == {MARKDOWN}
    assert own["process_cpu"] < 1.0
    save()
    stages, _ = read_totals(folder)
    assert stages[READ] >= 0.05 and stages[MARKDOWN] >= 0.03
