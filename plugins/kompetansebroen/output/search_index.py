"""Write a region's search index in parts that the reader's search fetches as it needs them.

One file for the whole region would grow with every page: at 10,000 pages even titles and
headings alone are over the 300 KB a first search may cost. So ``search/search_index.json`` keeps
only Material's settings and a small table of contents of the index (``config.kb``), and the rest is
in ``search/kb/``:

* ``w<n>.json``: the words, in sorted runs of about ``CHUNK_BYTES``; for each word the pages that
  hold it, as ``(page number - previous page number) * 4 + where`` (``TITLE``, ``HEADING``, or 0
  for the body), so that a word's list is a run of small numbers. The table of contents lists
  the first word of each run, and a typed word fetches only the runs its words can be in.
* ``p<n>.json``: what a result shows, ``PAGES_PER_FILE`` pages a file: address, title, summary,
  ``##`` headings with their anchors, topics. Only the files of the best results are fetched.
* ``sider.json``: every page's address, for «Mine favoritter» (not for search).

The search worker (``theme/assets/javascripts/workers/kb-search.js``) reads these; the entries
come from ``mkdocs_adapter/search_index.py`` and the word rules from ``search_words.py``.
"""

from __future__ import annotations

import hashlib
import html
import json
import shutil
from pathlib import Path
from typing import Any

from ..carry_over import CarryOver
from .search_words import SHORTEST, STOP_WORDS, words_of

FOLDER = "kb"
CHUNK_BYTES = 24_000
"""Raw JSON per run of words: about 8–10 KB compressed, so a typed word costs one or two runs."""
PAGES_PER_FILE = 8
"""Pages whose results are fetched together: about 1–2 KB compressed a file."""
TITLE = 1
HEADING = 2
PAGE_LIST = f"{FOLDER}/sider.json"
"""Every page's address, for «Mine favoritter» (kb.js), which drops a favourite whose page is gone."""


_WORDS: CarryOver[tuple[str, tuple[str, ...], str, tuple[str, ...]], tuple[tuple[str, int], ...]] = CarryOver(
    only_when_previewing=True
)
"""Each page's words with where they are: the preview (``make serve``) rebuilds in one process on every
save, and a save changes the words of one page or a few."""


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _where_words(entry: dict[str, Any]) -> dict[str, int]:
    """Each word of the page with where it is: title or topic, ``##`` heading, or body (0)."""
    found: dict[str, int] = {}
    for word in entry.get("words", "").split():
        found[word] = 0
    for _anchor, title in entry.get("sections", ()):
        for word in words_of(html.unescape(title)):
            found[word] = found.get(word, 0) | HEADING
    for text in [entry["title"], *entry.get("tags", ())]:
        for word in words_of(html.unescape(text)):
            found[word] = found.get(word, 0) | TITLE
    return found


def _carried_words(entry: dict[str, Any]) -> tuple[tuple[str, int], ...]:
    """:func:`_where_words`, kept for the next build by everything it reads from the entry."""
    key = (
        entry.get("words", ""),
        tuple(title for _anchor, title in entry.get("sections", ())),
        entry["title"],
        tuple(entry.get("tags", ())),
    )
    return _WORDS.get(key, lambda: tuple(_where_words(entry).items()))


def _postings(entries: list[dict[str, Any]]) -> dict[str, list[int]]:
    _WORDS.next_build()  # a region's index is made once a build
    pages_of: dict[str, list[tuple[int, int]]] = {}
    for number, entry in enumerate(entries):
        for word, where in _carried_words(entry):
            pages_of.setdefault(word, []).append((number, where))
    encoded = {}
    for word in sorted(pages_of):
        previous, numbers = 0, []
        for number, where in pages_of[word]:
            numbers.append((number - previous) * 4 + where)
            previous = number
        encoded[word] = numbers
    return encoded


def pages_holding(numbers: list[int]) -> list[tuple[int, int]]:
    """A word's numbers in a run read back: ``(page number, where)`` for each page that holds it."""
    page, found = 0, []
    for number in numbers:
        step, where = divmod(number, 4)
        page += step
        found.append((page, where))
    return found


def _word_runs(postings: dict[str, list[int]]) -> list[dict[str, list[int]]]:
    runs: list[dict[str, list[int]]] = []
    current: dict[str, list[int]] = {}
    size = 0
    for word, numbers in postings.items():
        item = len(_json({word: numbers}).encode("utf-8"))
        if current and size + item > CHUNK_BYTES:
            runs.append(current)
            current, size = {}, 0
        current[word] = numbers
        size += item
    if current:
        runs.append(current)
    return runs


def _shown(entry: dict[str, Any]) -> list[Any]:
    return [
        entry["location"],
        entry["title"],
        entry["text"],
        entry.get("sections", []),
        entry.get("tags", []),
    ]


def parts(settings: dict[str, Any], entries: list[dict[str, Any]]) -> dict[str, str]:
    """Every file of the index by its path under ``search/``; ``settings`` is Material's index."""
    runs = _word_runs(_postings(entries))
    files = {f"{FOLDER}/w{n}.json": _json(run) for n, run in enumerate(runs)}
    files[PAGE_LIST] = _json([entry["location"] for entry in entries])
    for n, start in enumerate(range(0, len(entries), PAGES_PER_FILE)):
        files[f"{FOLDER}/p{n}.json"] = _json(
            [_shown(entry) for entry in entries[start : start + PAGES_PER_FILE]]
        )
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(f"{name}\0{files[name]}\0".encode())
    index = dict(settings)
    index["docs"] = []  # Material's worker gets nothing to index: ours answers the queries
    # In the settings: Material's page script hands the worker only ``config`` and ``docs``.
    index["config"] = dict(settings.get("config", {}))
    index["config"]["kb"] = {
        "version": digest.hexdigest()[:12],  # asked with every part, so a part never mixes two builds
        "words": [next(iter(run)) for run in runs],
        "pages": len(entries),
        "group": PAGES_PER_FILE,
        "shortest": SHORTEST,
        "stop": sorted(STOP_WORDS),
    }
    files["search_index.json"] = _json(index)
    return files


def write(site_dir: Path, entries: list[dict[str, Any]]) -> None:
    """Replace Material's index with ours, keeping its settings (language, separator)."""
    search = site_dir / "search"
    settings = json.loads((search / "search_index.json").read_text(encoding="utf-8"))
    settings.get("config", {}).pop("kb", None)
    # New files, never written through: an unchanged build may have linked the published ones here.
    shutil.rmtree(search / FOLDER, ignore_errors=True)
    (search / FOLDER).mkdir()
    for name, text in parts(settings, entries).items():
        path = search / name
        path.unlink(missing_ok=True)
        path.write_text(text, encoding="utf-8")
