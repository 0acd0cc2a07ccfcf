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

import multiprocessing
import os
import shutil
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from ..output.region_output import MissingShell, RegionResult, finish_region
from .region_build import RegionOrder, RegionSetup

# The build's set-up in a worker process, handed over by the pool's initializer.
_worker_setup: RegionSetup | None = None


def _adopt(setup: RegionSetup) -> None:
    global _worker_setup
    _worker_setup = setup


def render_region(config_file: str, order: RegionOrder, site_dir: str) -> RegionResult | str:
    """Build one region's own pages into ``site_dir``; an error comes back as its message."""
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
    except BaseException as error:  # noqa: BLE001 - reported back to the parent as text
        return f"{type(error).__name__}: {error}"


def finish(config_file: str, result: RegionResult, order: RegionOrder) -> str | None:
    """Stamp and finish one region; a missing rendering means building the region again, alone."""
    try:
        try:
            finish_region(result)
            return None
        except MissingShell:
            shutil.rmtree(result.site_dir, ignore_errors=True)
            again = render_region(config_file, replace(order, stamping=False), result.site_dir)
            if isinstance(again, str):
                return again
            finish_region(again)
            return None
    except BaseException as error:  # noqa: BLE001 - reported back to the parent as text
        return f"{type(error).__name__}: {error}"


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
        # fork keeps the parent's logging set-up, so workers print like the main build.
        self.pool = ProcessPoolExecutor(
            max_workers=count,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_adopt,
            initargs=(setup,),
        )
        self.rendering: dict[str, Future[RegionResult | str]] = {}

    def start(self) -> None:
        """Start rendering every region (the main build goes on with the root meanwhile)."""
        for region_id, order in sorted(self.orders.items()):
            Path(self.site_dirs[region_id]).mkdir(parents=True, exist_ok=True)
            self.rendering[region_id] = self.pool.submit(
                render_region, self.config_file, order, self.site_dirs[region_id]
            )

    def finish(self) -> dict[str, str]:
        """Wait for every region, finish each; return the regions that failed, with their messages."""
        failures: dict[str, str] = {}
        results: dict[str, RegionResult] = {}
        try:
            for region_id, future in self.rendering.items():
                outcome = future.result()
                if isinstance(outcome, str):
                    failures[region_id] = outcome
                else:
                    results[region_id] = outcome
            if failures:
                return failures
            finishing = {
                region_id: self.pool.submit(finish, self.config_file, result, self.orders[region_id])
                for region_id, result in results.items()
            }
            for region_id, future in finishing.items():
                if message := future.result():
                    failures[region_id] = message
            return failures
        finally:
            self.pool.shutdown(cancel_futures=True)

    def cancel(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
