"""The search index of one region of 10,000 pages, made directly from generated pages (no site build).

A site build of such a region takes minutes (``--sizes XL --regions 1`` does it); the index alone
takes a second or two and is what decides the first search. The pages are written by the corpus's
own text generator: a title, topics, three to five ``##`` headings and four to eight paragraphs,
as an article of the L corpus. Their entries go through the project's index writer
(``output/search_index.py``); then sample searches, typed letter by letter, are followed through
the parts they fetch (``search_parts.py``), and the search scripts are added as the reader-side
figures measure them.
"""

from __future__ import annotations

import html
import random
import tempfile
import time
from pathlib import Path

from kompetansebroen.output import search_index
from kompetansebroen.output.search_words import words_of

from . import search_parts
from .corpus import TextWriter
from .reader import gz_size

PAGES = 10_000
QUERIES = 12
SETTINGS = {"config": {"lang": ["no"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]}, "docs": []}
TOPICS = ["Helsefellesskap", "Samhandling", "Eldre", "Psykisk helse og rus", "Barn og unge", "Akuttmedisin"]


def _entries(rng: random.Random, pages: int) -> list[dict]:
    writer = TextWriter(rng, TOPICS)
    entries = []
    for number in range(pages):
        title = writer.title()
        headings = [writer.title() for _ in range(rng.randint(3, 5))]
        body = " ".join(writer.paragraph() for _ in range(rng.randint(4, 8))).replace("*", "")
        entries.append(
            {
                "location": f"artikler/side-{number}/",
                "title": html.escape(title, quote=False),
                "text": html.escape(body[:200], quote=False),
                "sections": [[f"del-{n}", html.escape(h, quote=False)] for n, h in enumerate(headings)],
                "words": " ".join(words_of(" ".join([title, *headings, body]))),
                "tags": list(writer.tags()),
            }
        )
    return entries


def search_at_scale(scripts_gzip: int, pages: int = PAGES, seed: int = 1) -> dict:
    """Index size and the largest first search over sample queries, for one region of ``pages``."""
    rng = random.Random(seed)
    entries = _entries(rng, pages)
    started = time.process_time()
    files = search_index.parts(SETTINGS, entries)
    seconds = time.process_time() - started
    with tempfile.TemporaryDirectory(prefix="kb-search-") as folder:
        search_dir = Path(folder)
        (search_dir / search_index.FOLDER).mkdir()
        for name, text in files.items():
            (search_dir / name).write_text(text, encoding="utf-8")
        sizes = {path: gz_size(path.read_bytes()) for path in search_dir.rglob("*.json")}
        settings = sizes[search_dir / "search_index.json"]
        queries = []
        for entry in rng.sample(entries, QUERIES):
            query = " ".join(words_of(html.unescape(entry["title"]))[:2])
            fetched = search_parts.typed_parts(search_dir, query)
            queries.append((settings + sum(sizes[path] for path in fetched), len(fetched), query))
    largest = max(queries)
    return {
        "pages": pages,
        "index_gzip": sum(sizes.values()),
        "files": len(files),
        "write_cpu_s": round(seconds, 2),
        "queries": len(queries),
        "median_fetched_gzip": sorted(q[0] for q in queries)[len(queries) // 2],
        "largest_fetched_gzip": largest[0],
        "largest_files": largest[1] + 1,
        "largest_query": largest[2],
        "scripts_gzip": scripts_gzip,
        "first_search_gzip": largest[0] + scripts_gzip,
    }
