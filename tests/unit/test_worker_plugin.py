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
