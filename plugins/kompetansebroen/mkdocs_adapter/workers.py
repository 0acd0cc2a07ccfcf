"""Build several regions side by side, each in its own process with its own MkDocs build."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path


def build_region(config_file: str, region_id: str, site_dir: str, published_dir: str | None) -> str | None:
    """Build one region into ``site_dir``; return an error message instead of raising.

    With ``published_dir`` (that region's published site), pages that have not changed
    are taken from it: MkDocs builds with ``dirty`` and the plugin decides which
    pages changed (incremental.py).
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from .plugin import quiet_dirty_messages

    try:
        config = load_config(config_file, site_dir=site_dir)
        plugin = config.plugins["kompetansebroen"]
        plugin.config.region = region_id  # type: ignore[attr-defined]
        plugin.is_worker = True  # type: ignore[attr-defined]
        incremental = published_dir is not None and plugin.config.cache  # type: ignore[attr-defined]
        if incremental:
            plugin.published_dir = Path(published_dir)  # type: ignore[attr-defined]
            quiet_dirty_messages()
        build(config, dirty=incremental)
        return None
    except BaseException as error:  # noqa: BLE001 - reported back to the parent as text
        return f"{type(error).__name__}: {error}"


def build_regions(
    config_file: str, targets: dict[str, str], workers: int, published: dict[str, str] | None = None
) -> dict[str, str]:
    """Build every ``region → site_dir``; return the regions that failed with their messages.

    ``published`` gives each region's published site, to reuse its unchanged pages.
    """
    published = published or {}
    count = max(1, min(workers or os.cpu_count() or 1, len(targets)))
    failures: dict[str, str] = {}
    if count == 1:
        for region_id, site_dir in targets.items():
            if message := build_region(config_file, region_id, site_dir, published.get(region_id)):
                failures[region_id] = message
        return failures
    # fork keeps the parent's logging set-up, so workers print like the main build.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        futures = {
            pool.submit(build_region, config_file, region_id, site_dir, published.get(region_id)): region_id
            for region_id, site_dir in targets.items()
        }
        for future in as_completed(futures):
            if message := future.result():
                failures[futures[future]] = message
    return failures
