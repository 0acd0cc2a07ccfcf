"""Read a region's search index as the search worker does: its pages and its words."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kompetansebroen.output.search_index import pages_holding


def index_settings(region_site: Path) -> dict[str, Any]:
    return json.loads((region_site / "search" / "search_index.json").read_text(encoding="utf-8"))


def indexed_pages(region_site: Path) -> list[dict[str, Any]]:
    """Every page a result can show: location, title, text, sections, tags."""
    folder = region_site / "search" / "kb"
    pages = []
    for n in range(len(list(folder.glob("p*.json")))):
        for location, title, text, sections, tags in json.loads((folder / f"p{n}.json").read_text("utf-8")):
            pages.append(
                {"location": location, "title": title, "text": text, "sections": sections, "tags": tags}
            )
    return pages


def indexed_words(region_site: Path) -> dict[str, list[int]]:
    """Each word with the numbers of the pages that hold it (in the order of ``indexed_pages``)."""
    words: dict[str, list[int]] = {}
    for path in sorted((region_site / "search" / "kb").glob("w*.json")):
        for word, numbers in json.loads(path.read_text("utf-8")).items():
            words[word] = [page for page, _where in pages_holding(numbers)]
    return words
