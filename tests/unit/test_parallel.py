"""The files the parallel schedule names exist, and they go first in their order."""

from __future__ import annotations

from tests.support import parallel
from tests.support.repos import REPO


def test_every_file_the_schedule_names_exists() -> None:
    named = parallel.LONGEST_FIRST
    assert [path for path in named if not (REPO / path).is_file()] == []
    assert len(set(parallel.LONGEST_FIRST)) == len(parallel.LONGEST_FIRST)


def test_the_longest_files_go_first_in_their_order_and_the_rest_keep_theirs() -> None:
    rest = ["tests/unit/test_slugs.py", "tests/unit/test_aliases.py"]
    paths = [*rest, *reversed(parallel.LONGEST_FIRST)]
    assert sorted(paths, key=parallel.rank_of) == [*parallel.LONGEST_FIRST, *rest]
