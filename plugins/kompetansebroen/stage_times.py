"""CPU seconds per stage of a build, for the benchmark (``make bench``).

Off unless ``KOMPETANSEBROEN_STAGE_TIMES`` names a folder: then each build
process (the main build and every region worker) charges its CPU time to
the stage it is in, and writes its totals to ``<folder>/<pid>.json`` when a
part of its work ends. A process is in one stage at a time: entering a stage
pauses the one it was in, so the stages add up to the time they cover, and
the rest of a process's time (MkDocs' own work, set-up, imports) is what the
benchmark reports as *other*. Costs two clock readings per switch when on,
one dictionary look-up when off.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENVIRONMENT = "KOMPETANSEBROEN_STAGE_TIMES"
OTHER = "other"

READ = "read and validate"
FINGERPRINTS = "fingerprints"
MARKDOWN = "Markdown"
HTML_CHECK = "HTML check"
TEMPLATES = "templates"
STAMPING = "stamping"
SEARCH_INDEX = "search index"
FEEDS = "feeds and calendars"
COMPRESSION = "compression"
WRITES = "writes"
CSP_SCAN = "CSP scan"
STAGES = (READ, FINGERPRINTS, MARKDOWN, HTML_CHECK, TEMPLATES, STAMPING, SEARCH_INDEX, FEEDS, COMPRESSION)
STAGES += (WRITES, CSP_SCAN)

_totals: dict[str, float] = {}
_current = [OTHER, 0.0]  # the stage this process is in, and the CPU time when it entered it


def _start_afresh() -> None:
    """A forked worker starts with no totals of its own (its CPU clock starts at zero too)."""
    _totals.clear()
    _current[0], _current[1] = OTHER, time.process_time()


os.register_at_fork(after_in_child=_start_afresh)


def enabled() -> bool:
    return bool(os.environ.get(ENVIRONMENT))


def switch(stage: str) -> str:
    """Charge the time so far to the current stage and enter ``stage``; returns the stage left."""
    if not enabled():
        return stage
    now = time.process_time()
    left, since = _current
    _totals[left] = _totals.get(left, 0.0) + now - since
    _current[0], _current[1] = stage, now
    return str(left)


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Charge the time of the ``with`` block to ``name``, then go back to the stage it was in."""
    left = switch(name)
    try:
        yield
    finally:
        switch(left)


def save() -> None:
    """Write this process's totals so far (and its whole CPU time) for the benchmark to add up."""
    folder = os.environ.get(ENVIRONMENT)
    if not folder:
        return
    switch(_current[0])  # bring the current stage up to date
    totals = {name: seconds for name, seconds in _totals.items() if name != OTHER}
    data = {"stages": totals, "process_cpu": time.process_time()}
    target = Path(folder) / f"{os.getpid()}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    os.replace(temporary, target)


def read_totals(folder: Path) -> tuple[dict[str, float], float]:
    """Every process's stages added up, and their CPU time in all, from what :func:`save` wrote."""
    stages: dict[str, float] = {}
    process_cpu = 0.0
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        process_cpu += data["process_cpu"]
        for name, seconds in data["stages"].items():
            stages[name] = stages.get(name, 0.0) + seconds
    return stages, process_cpu
