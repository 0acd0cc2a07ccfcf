"""The one problem a load or check found, shown in full when there are more or none."""

from __future__ import annotations

from collections.abc import Iterable

from kompetansebroen.problems import Problem


def only_problem(problems: Iterable[Problem]) -> Problem:
    found = list(problems)
    assert len(found) == 1, "\n".join(str(p) for p in found)
    return found[0]
