"""A region worker's plugin leaves publishing to the main build.

MkDocs keeps one plugin object per process (a plugin with ``on_startup`` is
cached for ``mkdocs serve``), and the region workers are forked from the main
build, so a worker's ``load_config`` hands back the main build's plugin,
publisher and all. A worker whose region failed once discarded the main
build's staging folder while the other regions were still writing into it:
their pages' problems went missing from the report («7 feil» for 10).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from kompetansebroen.mkdocs_adapter.region_build import RegionOrder
from kompetansebroen.output.staging import Publisher
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]


def test_a_region_worker_never_discards_the_main_builds_staging_folder(tmp_path: Path) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "worker-site"))
    plugin = config.plugins["kompetansebroen"]
    assert load_config(str(ROOT / "mkdocs.yml")).plugins["kompetansebroen"] is plugin  # one per process
    final = tmp_path / "site"
    main_publisher = Publisher(final, final)
    other_region = main_publisher.staging / "innlandet" / "index.html"
    other_region.parent.mkdir(parents=True)
    other_region.write_text("<p>en annen regions side, under arbeid</p>", encoding="utf-8")
    setup = SimpleNamespace(project=SimpleNamespace(view=lambda region_id: None), command="build")
    try:
        plugin.publisher = main_publisher  # as the fork hands it to the worker
        plugin.region_order = (RegionOrder("ahus", stamping=False, published_dir=None), setup)
        plugin.on_config(config)
        plugin.on_build_error(error=RuntimeError("ahus: feil i en side"))

        assert other_region.is_file()
        assert main_publisher.lock is not None  # the main build still holds the site's lock
        assert plugin.publisher is None
    finally:
        plugin.region_order = None
        plugin.site_build = None
        plugin.publisher = None
        main_publisher.discard()
    assert not main_publisher.staging.exists()


class _WorkerStillWriting:
    """A build whose region workers go on writing into the staging folder until they are stopped."""

    def __init__(self, staging: Path) -> None:
        self.staging = staging
        self.stopped = False

    def build_error(self) -> None:
        self.stopped = True

    def write_a_page(self) -> None:
        if not self.stopped:
            page = self.staging / "ahus" / "artikler" / "index.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text("<p>skrevet etter at bygget ble avbrutt</p>", encoding="utf-8")


def test_ctrl_c_stops_the_workers_before_the_staging_folder_is_removed(tmp_path: Path) -> None:
    """MkDocs calls on_build_error for an Exception only: after Ctrl-C, on_shutdown alone must stop the workers.

    Were they left running, a worker would write into the staging folder while
    it is removed (or just after), and leave ``.site.building`` behind.
    """
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["kompetansebroen"]
    final = tmp_path / "site"
    publisher = Publisher(final, final)
    publisher.staging.mkdir()
    build = _WorkerStillWriting(publisher.staging)
    build.write_a_page()
    original_discard = publisher.discard

    def discard_while_workers_write() -> None:
        build.write_a_page()  # what a running worker does while the folder is removed
        original_discard()
        build.write_a_page()  # and just after

    publisher.discard = discard_while_workers_write  # type: ignore[method-assign]
    try:
        plugin.site_build = build
        plugin.publisher = publisher
        plugin.succeeded = False  # KeyboardInterrupt: no on_post_build, no on_build_error
        plugin.on_shutdown()

        assert build.stopped
        assert not publisher.staging.exists()
        assert publisher.lock is None
        assert not final.exists()
    finally:
        plugin.site_build = None
        plugin.publisher = None
        original_discard()
