"""The build of every region: the root of the site in this process, the regions in workers.

The root is the region chooser, the root accessibility statement, the 404
page and the sitemap index. Before MkDocs renders them, this build plans
which region renders each shared page (output/render_plan.py) and starts the
region workers (workers.py), so the root is rendered while they work.
"""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import messages
from ..listings.pages import generated_paths
from ..output import cache_store
from ..output.mail_writer import MAIL_TABLE
from ..output.publishing.content_policy import ScannedFolders
from ..output.publishing.site_finish import finish_root, old_addresses_of
from ..output.render_plan import RenderPlan, plan_renders
from ..output.slots import PARTS
from ..stage_times import save as save_stage_times
from . import admin_files, incremental, page_context, root_site
from .failures import content_failure
from .region_build import RegionOrder, RegionSetup
from .template_bytecode import COMPILED_TEMPLATES, compile_ahead
from .workers import RegionWorkers

log = logging.getLogger("mkdocs.plugins.kompetansebroen")

CACHE_TABLES = ("rendered_markdown", "finished_pages", "region_state", "page_shells", MAIL_TABLE)


def region_templates(config: MkDocsConfig) -> list[str]:
    """The templates a region renders: the page template, the theme's static templates (404, sitemap)
    and the region parts."""
    return ["main.html", *sorted(config.theme.static_templates), *PARTS.values()]


class RootBuild:
    """The MkDocs events of the root build, and the region workers it runs."""

    def __init__(
        self, setup: RegionSetup, config_file: str, workers: int, published_dir: Path | None
    ) -> None:
        self.setup = setup
        self.config_file = config_file
        self.workers = workers
        self.published_dir = published_dir
        """The published site, whose regions' unchanged pages are reused; None: build every page."""
        self.regions: RegionWorkers | None = None
        self.plan: RenderPlan | None = None

    def configure(self, config: MkDocsConfig, base_url: str) -> None:
        """The root keeps the site's own address."""

    def files(self, files: Files, config: MkDocsConfig) -> Files:
        project = self.setup.project
        views = project.views()
        generated = {region_id: generated_paths(view, self.setup.topics) for region_id, view in views.items()}
        if self.setup.cache is not None:  # renderings are handed to the other regions through the cache file
            base = f"{self.setup.settings}|{os.environ.get('SOURCE_DATE_EPOCH', '')}"
            self.plan = plan_renders(views, generated, base)
        # Worked out once here; the workers inherit them (and the plan) when they are forked.
        pages = {region_id: set(views[region_id].documents) | generated[region_id] for region_id in views}
        content = incremental.content_fingerprint(project)
        setup = replace(self.setup, pages_by_region=pages, plan=self.plan, content=content)
        site_dir = Path(config.site_dir)
        orders = {
            region_id: RegionOrder(
                region_id,
                stamping=self.plan is not None,
                published_dir=self.published_dir / region_id if self.published_dir is not None else None,
            )
            for region_id in sorted(project.regions)
        }
        # Compiled here once, the workers inherit the templates a region renders instead of each compiling them.
        compile_ahead(config.theme.get_env(), region_templates(config))
        self.regions = RegionWorkers(
            self.config_file,
            setup,
            orders,
            {region_id: str(site_dir / region_id) for region_id in orders},
            self.workers,
        )
        self.regions.start()
        return root_site.root_files(files, project, config)

    def read_source(self, page: Page) -> str | None:
        return None

    def page_markdown(self, markdown: str, page: Page) -> str:
        return markdown

    def page_content(self, html: str, page: Page) -> str:
        return html

    def page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: Any) -> dict:
        context["kb"] = page_context.root_context(self.setup.project)
        return context

    def env(self, env: Any, config: MkDocsConfig) -> Any:
        env.bytecode_cache = COMPILED_TEMPLATES
        env.globals.update(page_context.theme_globals(env, config.theme["language"]))
        env.globals["kb"] = page_context.root_context(self.setup.project)
        return env

    def post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return output

    def post_build(self, config: MkDocsConfig) -> None:
        assert self.regions is not None
        region_ids = sorted(self.setup.project.regions)
        failures = self.regions.finish()
        for region_id, message in sorted(failures.items()):  # also beside the pages' problems
            log.error(messages.region_build_failed(region_id, message))
        if self.regions.page_problems:
            raise content_failure(sorted(self.regions.page_problems))
        if failures:
            raise PluginError(messages.regions_not_built(len(failures), len(region_ids)))
        if self.plan is not None:
            log.info(
                f"plan: {self.plan.stamped_pages} kopier av felles sider stemples fra et annet områdes gjengivelse"
            )
        root_site.write_sitemap_index(Path(config.site_dir), config, region_ids)
        admin_files.root_admin(Path(config.site_dir), self.setup.project, self.setup.editor)
        if self.published_dir is not None:  # the root's .gz files and the web server's configuration
            names = {region.id: region.name for region in self.setup.project.regions.values()}
            old = old_addresses_of(self.setup.project)
            # Every region's worker has read its own pages' inline scripts (region_output.py).
            scanned = ScannedFolders(frozenset(region_ids), frozenset(self.regions.script_hashes))
            finish_root(Path(config.site_dir), self.published_dir, old, names, scanned)
        cache = self.setup.cache
        if cache is not None and self.setup.command == "build":
            removed = cache_store.prune(cache, CACHE_TABLES)
            if removed:
                log.info(f"{removed} utdaterte oppføringer fjernet fra {cache.path.name}")
        save_stage_times()

    def build_error(self) -> None:
        if self.regions is not None:
            self.regions.cancel()
