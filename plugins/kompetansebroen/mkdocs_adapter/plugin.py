"""The ``kompetansebroen`` MkDocs plugin: MkDocs' events, handed to the build they belong to.

* With the ``region`` option (``KOMPETANSEBROEN_REGION``) empty, this build is
  a :class:`RootBuild`: the root of the site here, every region in workers.
* With it set, or in a region worker, it is a :class:`RegionBuild`: that region's site.

``mkdocs build`` swaps the result in only when every part succeeded (:class:`Publisher`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

from mkdocs.config.base import ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import messages
from ..output.cache_store import CacheFile
from ..output.staging import Publisher, PublishingError
from ..output.unchanged import PendingRecord
from ..settings import PLUGIN_PATH, KompetansebroenConfig, load_content, settings_from
from ..stage_times import READ, stage
from . import dirty_builds, incremental, unchanged_builds
from .admin_files import EditorSetup
from .failures import content_failure
from .region_build import PageProblems, RegionBuild, RegionOrder, RegionSetup
from .root_build import RootBuild
from .theme_files import list_visible_theme_files

log = get_plugin_logger(__name__)

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
CACHE_FILE = ".cache/kompetansebroen/cache.sqlite"
RECORDS_DIR = ".cache/kompetansebroen"


class KompetansebroenPlugin(BasePlugin[KompetansebroenConfig]):
    """Adapter between MkDocs' build events and the Kompetansebroen builds."""

    supports_multiple_instances = False

    # On the class: `mkdocs serve` calls on_startup once, and its incremental state
    # must outlive any one plugin object (ProperDocs need not keep the object).
    command: Literal["build", "gh-deploy", "serve"] = "build"
    dirty = False
    serve_states = incremental.ServeStates()

    def __init__(self) -> None:
        self.region_order: tuple[RegionOrder, RegionSetup] | None = None
        """Set by a region worker (workers.py): its region and the main build's set-up."""
        self.site_build: RootBuild | RegionBuild | None = None
        self.publisher: Publisher | None = None
        self.record: PendingRecord | None = None
        """What this build is made of, saved once it has published (output/unchanged.py)."""
        self.succeeded = False

    def load_config(
        self, options: dict[str, Any], config_file_path: str | None = None
    ) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        """MkDocs' reading of our options, each refusal in the check's words (settings.py) on a line of its own.

        MkDocs prints «Plugin 'kompetansebroen' option '<name>': » before each
        refusal; the line after it is then exactly what ``make check`` prints.
        """
        errors, warnings = super().load_config(options, config_file_path)
        file_name = Path(config_file_path).name if config_file_path else "mkdocs.yml"

        def framed(key: str, error: Exception) -> ValidationError:
            lines = str(error).split("\n")
            return ValidationError("".join(f"\n{file_name}: {PLUGIN_PATH} → {key}: {line}" for line in lines))

        return [(key, framed(key, error)) for key, error in errors], warnings

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        type(self).command = command
        type(self).dirty = dirty
        if command == "serve" and dirty:
            dirty_builds.quiet_dirty_messages()

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.succeeded = False
        if THEME_DIR.as_posix() not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
        list_visible_theme_files(config.theme)
        config.theme.static_templates.add("favoritter/index.html")  # «Mine favoritter», in every region
        base_url = config.site_url or "/"
        config.extra["kb_site_url"] = base_url
        if self.region_order is not None:
            # MkDocs keeps one plugin object per process, so a forked region worker gets the main
            # build's, publisher included: the worker must never publish or discard the site.
            self.publisher = None
            self.record = None
            order, setup = self.region_order
            self.site_build = RegionBuild(setup, order)
        else:
            epoch_given = "SOURCE_DATE_EPOCH" in os.environ
            self._start_publishing(config)
            setup = self._setup(config)
            if self.record is not None:
                unchanged_builds.note_build_date(self.record, os.environ, epoch_given)
            self.site_build = self._top_build(config, setup)
        self.site_build.configure(config, base_url)
        return config

    def _start_publishing(self, config: MkDocsConfig) -> None:
        """For ``mkdocs build``: lock the site, and end the build here if nothing has changed since the last.

        MkDocs has no way for a plugin to end a build early with success, so a build
        with nothing to do leaves the process (exit status 0) before anything is read.
        """
        if self.command != "build":
            return
        region_id = self.config.region or None
        final = Path(config.site_dir) / (region_id or "")
        try:
            self.publisher = Publisher(final, Path(config.site_dir))
        except PublishingError as error:
            raise PluginError(str(error)) from None
        config.site_dir = str(self.publisher.staging)
        if not self.config.cache:  # a build without the cache builds everything
            return
        root = Path(config.config_file_path).resolve().parent
        self.record = unchanged_builds.pending_record(
            config, dict(self.config.items()), final, root / RECORDS_DIR, whole_site=region_id is None
        )
        if self.record.unchanged():
            self.publisher.discard()
            self.publisher = None
            log.info(f"Ingenting er endret siden forrige bygg; {final} står som det var")
            raise SystemExit(0)

    def _setup(self, config: MkDocsConfig) -> RegionSetup:
        """Read and validate the whole tree; every problem at once, or nothing is built."""
        root = Path(config.config_file_path).resolve().parent
        settings = settings_from(config, self.config)
        # Pages' HTML is checked as MkDocs makes it (RegionBuild.page_content): no second rendering.
        serving = self.command == "serve"
        with stage(READ):
            project, problems = load_content(root, settings, include_drafts=serving, check_rendered=False)
        if problems:
            raise content_failure(str(problem) for problem in problems)
        # Dated by content, not the clock (project/build_date.py); MkDocs reads SOURCE_DATE_EPOCH too.
        project.date_the_build(os.environ)
        project.read_event_history()  # one git log here, not one in each region's worker
        return RegionSetup(
            project=project,
            topics=settings.topics,
            command=self.command,
            dirty=self.dirty,
            root=root,
            cache=CacheFile.for_build(root / CACHE_FILE) if self.config.cache else None,
            settings=incremental.settings_fingerprint(config),
            editor=EditorSetup(self.config.cms, national_in_preview=self.config.editor == "felles"),
        )

    def _top_build(self, config: MkDocsConfig, setup: RegionSetup) -> RootBuild | RegionBuild:
        """The build MkDocs was started for: one region, or the root with every region."""
        region_id = self.config.region or None
        if region_id is not None and region_id not in setup.project.regions:
            raise PluginError(messages.region_unknown(region_id, sorted(setup.project.regions)))
        published = self.publisher.final if self.publisher is not None else None
        if region_id is None:
            return RootBuild(setup, str(config.config_file_path), self.config.workers, published)
        serving = self.command == "serve" and self.dirty
        state = self.serve_states.get(setup.root, region_id, config.site_dir) if serving else None
        alone = RegionOrder(region_id, stamping=False, published_dir=None, worker=False)
        return RegionBuild(setup, alone, state)

    @property
    def build(self) -> RootBuild | RegionBuild:
        """The build MkDocs is running (made by on_config)."""
        assert self.site_build is not None
        return self.site_build

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        regions_dir = Path(config.config_file_path).resolve().parent / "regions"
        if regions_dir.is_dir():
            server.watch(str(regions_dir))
        server.watch(str(THEME_DIR.parent))
        return server

    @event_priority(100)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        return self.build.files(files, config)

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return self.build.read_source(page)

    @event_priority(100)
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.build.page_markdown(markdown, page)

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return self.build.page_content(html, page)

    def on_page_context(self, context: dict, /, *, page: Page, config: MkDocsConfig, nav: Any) -> dict:
        return self.build.page_context(context, page, config, nav)

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        return self.build.env(env, config)

    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        return self.build.post_page(output, page, config)

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        try:
            self.build.post_build(config)
        except PageProblems as found:
            if self.region_order is not None:
                raise  # a region worker: the root reports every region's problems once
            raise content_failure(found.lines) from None
        self.succeeded = True

    def on_build_error(self, *, error: Exception) -> None:
        self.succeeded = False
        self._abandon()

    def _abandon(self) -> None:
        """Stop what still runs for a failed build, then remove what it wrote; the published site stays.

        The workers are stopped first: one still at work would go on writing
        into the staging folder while it is removed, and leave part of it.
        """
        if self.site_build is not None:
            self.site_build.build_error()
        if self.publisher is not None:
            self.publisher.discard()
            self.publisher = None  # done: on_shutdown, after an error, has nothing left to do

    def on_shutdown(self) -> None:
        if self.publisher is None:
            return
        if not self.succeeded:
            # Also after Ctrl-C: MkDocs calls on_build_error for an Exception only, not for KeyboardInterrupt.
            self._abandon()
        else:
            # The site as published now is recorded for the next build to compare (output/unchanged.py).
            try:
                self.publisher.publish(then=self.record.save if self.record is not None else None)
            except PublishingError as error:
                raise PluginError(str(error)) from None
            log.info(f"Nettstedet er publisert i {self.publisher.final}")
