"""Every region's build, side by side in worker processes, in two rounds.

1. *Render*: each region builds its own pages through MkDocs and Material
   (region_build.py), including the shared pages it renders for all regions.
2. *Finish*: once every region has rendered, each region stamps its copies of
   the shared pages others rendered, then writes its search index and feeds
   (output/region_output.py).

The workers are forked from the main build after it has read and validated
the tree and planned the renders, and take both from it (``RegionSetup``,
through the pool's initializer) instead of reading the tree again. Should a
region find a rendering missing when it stamps (a damaged cache), it builds
again on its own, stamping nothing.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import shutil
import signal
from dataclasses import replace
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

from ..output.region_output import MissingShell, RegionResult, finish_region
from ..stage_times import save as save_stage_times
from .region_build import PageProblems, RegionOrder, RegionSetup

# The build's set-up in a worker process, handed over by the pool's initializer.
_worker_setup: RegionSetup | None = None


def _adopt(setup: RegionSetup) -> None:
    """Set up a worker: the build's set-up, and a life no longer than the main build's."""
    global _worker_setup
    _worker_setup = setup
    # Ctrl-C goes to the main build, which stops the workers; a worker does not go on alone.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Forked while the parent held Ctrl-C back (fork_pool); the mask would pass on to every program run here.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _die_with_parent()


def _die_with_parent() -> None:
    """Ask Linux to end this worker when the main build ends, even by SIGKILL (elsewhere: no-op)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    except (OSError, AttributeError):
        return


def render_region(config_file: str, order: RegionOrder, site_dir: str) -> RegionResult | str | list[str]:
    """Build one region's own pages into ``site_dir``.

    An error comes back as its message; mistakes in the pages' HTML as the lines ``make check`` prints.
    """
    from mkdocs.config import load_config

    from . import dirty_builds

    try:
        config = load_config(config_file, site_dir=site_dir)
        plugin = config.plugins["kompetansebroen"]
        plugin.region_order = (order, _worker_setup)  # type: ignore[attr-defined]
        dirty_builds.build(config)
        result = plugin.site_build.result  # type: ignore[attr-defined]
        assert isinstance(result, RegionResult)
        return result
    except PageProblems as found:
        return found.lines
    except Exception as error:  # noqa: BLE001 - reported back to the parent as text
        return f"{type(error).__name__}: {error}"
    finally:
        save_stage_times()


def finish(config_file: str, result: RegionResult, order: RegionOrder) -> str | frozenset[str]:
    """Stamp and finish one region; a missing rendering means building the region again, alone.

    Returns the hashes of the region's inline scripts, or an error's message.
    """
    try:
        try:
            return finish_region(result)
        except MissingShell:
            shutil.rmtree(result.site_dir, ignore_errors=True)
            again = render_region(config_file, replace(order, stamping=False), result.site_dir)
            if not isinstance(again, RegionResult):  # an error, or (not expected) mistakes in the pages
                return again if isinstance(again, str) else "\n".join(again)
            return finish_region(again)
    except Exception as error:  # noqa: BLE001 - reported back to the parent as text
        return f"{type(error).__name__}: {error}"
    finally:
        save_stage_times()


def fork_pool(count: int, setup: RegionSetup | None) -> Pool:
    """``count`` worker processes forked from this build, each given ``setup``.

    A Ctrl-C that arrives while a worker is forked would be raised inside one of
    Python's at-fork handlers, which ignore exceptions: the build went on and
    published. It is held back until the workers are started, then raised here.
    """
    # fork keeps the parent's logging set-up, so workers print like the main build.
    context = multiprocessing.get_context("fork")
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    # The tree, the set-up and the imports are alive as long as a worker is: frozen, a worker's
    # collector never looks at them again (a cold L4 build: 1.0-1.3 s of CPU collecting, not 1.6-1.8).
    # The parent thaws them at once, so a long preview still collects what it drops. A larger young
    # generation saved 0.3 s more but kept 41 MiB more at L4 and took L19 over its 1 GiB.
    gc.freeze()
    try:
        return context.Pool(processes=count, initializer=_adopt, initargs=(setup,))
    finally:
        gc.unfreeze()
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


class RegionWorkers:
    """The region builds of one build of every region."""

    def __init__(
        self,
        config_file: str,
        setup: RegionSetup,
        orders: dict[str, RegionOrder],
        site_dirs: dict[str, str],
        workers: int,
    ) -> None:
        self.config_file = config_file
        self.orders = orders
        self.site_dirs = site_dirs
        count = max(1, min(workers or os.cpu_count() or 1, len(orders)))
        self.pool = fork_pool(count, setup)
        self.rendering: dict[str, AsyncResult[RegionResult | str | list[str]]] = {}
        self.page_problems: list[str] = []
        """Mistakes in the pages' HTML, from every region, as ``make check`` prints them."""
        self.script_hashes: set[str] = set()
        """The inline scripts of every finished region's pages (for the site's CSP)."""

    def start(self) -> None:
        """Start rendering every region (the main build goes on with the root meanwhile)."""
        for region_id, order in sorted(self.orders.items()):
            Path(self.site_dirs[region_id]).mkdir(parents=True, exist_ok=True)
            self.rendering[region_id] = self.pool.apply_async(
                render_region, (self.config_file, order, self.site_dirs[region_id])
            )

    def finish(self) -> dict[str, str]:
        """Wait for every region, finish each; return the regions that failed, with their messages."""
        failures: dict[str, str] = {}
        results: dict[str, RegionResult] = {}
        for region_id, pending in self.rendering.items():
            outcome = pending.get()
            if isinstance(outcome, str):
                failures[region_id] = outcome
            elif isinstance(outcome, list):
                self.page_problems += outcome
            else:
                results[region_id] = outcome
        if failures or self.page_problems:
            self.cancel()
            return failures
        finishing = {
            region_id: self.pool.apply_async(finish, (self.config_file, result, self.orders[region_id]))
            for region_id, result in results.items()
        }
        for region_id, pending in finishing.items():
            finished = pending.get()
            if isinstance(finished, str):
                failures[region_id] = finished
            else:
                self.script_hashes |= finished
        self.pool.close()
        self.pool.join()
        return failures

    def cancel(self) -> None:
        """Stop every worker now (a failed or interrupted build)."""
        self.pool.terminate()
        self.pool.join()
