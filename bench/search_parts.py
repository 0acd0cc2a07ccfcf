"""Which parts of a region's search index a first search fetches, as the search worker chooses them.

The worker (``kb-search.js``) cuts a typed word to its Norwegian stem with lunr's stemmer, which
has no twin here; the benchmark types words that are their own stem's prefix and looks them up
as typed, which fetches the same runs of words or fewer than the stem would (a shorter prefix
can only span more runs). The runs, the ranking and the result files follow the worker's rules.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from pathlib import Path

from kompetansebroen.output.search_index import FOLDER, HEADING, TITLE, pages_holding
from kompetansebroen.output.search_words import words_of

MOST_RESULTS = 20  # as kb-search.js
MOST_RUNS = 4


def _weight(where: int) -> int:
    return 10 if where & TITLE else 4 if where & HEADING else 1


def fetched_parts(search_dir: Path, query: str) -> list[Path]:
    """The files under ``search/kb/`` that a search for ``query`` fetches."""
    kb = json.loads((search_dir / "search_index.json").read_text(encoding="utf-8"))["config"]["kb"]
    firsts, group = kb["words"], kb["group"]
    fetched: list[Path] = []
    found: list[dict[int, int]] = []
    for term in words_of(query):
        first = max(bisect_right(firsts, term) - 1, 0)
        last = max(bisect_right(firsts, term + "\uffff") - 1, 0)
        pages: dict[int, int] = {}
        for run in range(first, min(last, first + MOST_RUNS - 1) + 1):
            path = search_dir / FOLDER / f"w{run}.json"
            if path not in fetched:
                fetched.append(path)
            for word, numbers in json.loads(path.read_text(encoding="utf-8")).items():
                if word.startswith(term) if last - first < MOST_RUNS else word == term:
                    for page, where in pages_holding(numbers):
                        pages[page] = pages.get(page, 0) | where | 4
        found.append(pages)
    hits: dict[int, list[int]] = {}
    for pages in found:
        for page, where in pages.items():
            hit = hits.setdefault(page, [0, 0])
            hit[0] += 1
            hit[1] += _weight(where)
    most = max((matched for matched, _ in hits.values()), default=0)
    best = sorted(
        (page for page, (matched, _) in hits.items() if matched == most), key=lambda p: (-hits[p][1], p)
    )
    for page in best[:MOST_RESULTS]:
        path = search_dir / FOLDER / f"p{page // group}.json"
        if path not in fetched:
            fetched.append(path)
    return fetched


def typed_parts(search_dir: Path, query: str) -> list[Path]:
    """The parts fetched while ``query`` is typed letter by letter (Material asks on every key)."""
    fetched: list[Path] = []
    for end in range(1, len(query) + 1):
        for path in fetched_parts(search_dir, query[:end]):
            if path not in fetched:
                fetched.append(path)
    return fetched
