"""Processor time of a piece of work, for tests that compare how work grows with its input.

Processor time, not wall time: on a machine shared with other builds, the wall clock counts the
time this process waited for a core, and a ratio of two wall times then says little about the
work. The least of a few runs, with the garbage collector paused, sets the remaining noise aside.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import Any


def cpu_seconds(work: Callable[..., Any], *args: Any, runs: int = 3) -> float:
    """The least processor time, over ``runs`` runs, of ``work(*args)``."""
    best = float("inf")
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _ in range(runs):
            started = time.process_time()
            work(*args)
            best = min(best, time.process_time() - started)
    finally:
        if collecting:
            gc.enable()
    return best
