"""Write a region's search index in Material's format (the entries come from mkdocs_adapter/search_index.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write(site_dir: Path, entries: list[dict[str, Any]]) -> None:
    """Replace the documents of Material's index, keeping its settings (language, separator)."""
    path = site_dir / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    index["docs"] = entries
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
