"""Results kept from one build for the next in the same process."""

from __future__ import annotations

import pytest
from kompetansebroen.carry_over import PREVIEWING, CarryOver, forget_everything


def test_a_result_is_worked_out_once_and_reused_by_the_next_build() -> None:
    memo: CarryOver[str, int] = CarryOver()
    calls: list[str] = []

    def compute(key: str) -> int:
        calls.append(key)
        return len(key)

    assert memo.get("abc", lambda: compute("abc")) == 3
    assert memo.get("abc", lambda: compute("abc")) == 3
    memo.next_build()
    assert memo.get("abc", lambda: compute("abc")) == 3
    assert calls == ["abc"]


def test_results_not_used_by_a_build_are_dropped_after_it() -> None:
    memo: CarryOver[str, int] = CarryOver()
    memo.get("old", lambda: 1)
    memo.next_build()
    memo.get("new", lambda: 2)
    memo.next_build()  # "old" was not used by the last build
    assert memo.get("old", lambda: 10) == 10
    assert memo.get("new", lambda: 20) == 2


def test_forgetting_everything_makes_the_next_build_work_every_result_out_again() -> None:
    memo: CarryOver[str, int] = CarryOver()
    memo.get("kept", lambda: 1)
    memo.next_build()
    memo.get("kept", lambda: 2)
    forget_everything()
    assert memo.get("kept", lambda: 3) == 3
    memo.next_build()
    assert memo.get("kept", lambda: 4) == 3


def test_a_preview_only_memo_keeps_nothing_in_a_whole_site_build_and_keeps_in_the_preview(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    memo: CarryOver[str, int] = CarryOver(only_when_previewing=True)
    calls: list[str] = []

    def compute() -> int:
        calls.append("x")
        return 1

    monkeypatch.setattr(PREVIEWING, "on", False)
    memo.get("k", compute)
    memo.get("k", compute)
    assert (calls, len(memo)) == (["x", "x"], 0)

    monkeypatch.setattr(PREVIEWING, "on", True)
    memo.get("k", compute)
    memo.next_build()
    memo.get("k", compute)
    assert (calls, len(memo)) == (["x", "x", "x"], 1)
