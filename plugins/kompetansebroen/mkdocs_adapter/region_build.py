"""One region's site through MkDocs and Material.

A region build puts the region's merged view in place of MkDocs' files, adds
the generated pages (listings, topic pages, the accessibility statement),
renders each page's region parts from its region context (the page template
itself sees only the slots: slots_only.py), and renders through Material the
pages that are this region's own: home, listings, hubs, region pages and
the shared pages it renders for every region (output/render_plan.py). The
shared pages another region renders are in its file list, so links to them
resolve and the sitemap lists them, but MkDocs skips them
(``RegionFile.stamped``); once every region has rendered, their copies are
stamped from that rendering (output/region_output.py).

The same class builds a region alone (``make site REGION=<id>``, ``make
serve``): then nothing is stamped, and the region is finished at once.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..carry_over import PREVIEWING, CarryOver
from ..content_types.registry import content_type
from ..content_types.spec import Feed
from ..listings import html_blocks, paths
from ..listings.navigation import section_nav
from ..listings.pages import GeneratedPage, generated_paths, home_sections, hub_sections, region_pages
from ..model.topics import TopicRegistry
from ..output import region_state
from ..output.cache_store import CacheFile
from ..output.feeds_writer import RegionFeeds, region_feeds
from ..output.region_output import RegionResult, StampJob, finish_region
from ..output.region_state import RegionState
from ..output.render_plan import RenderPlan
from ..output.shells import Shell
from ..output.slots import CANONICAL, fill, tokens, without_tokens
from ..project import page_html_checks
from ..project.loader import Project
from ..stage_times import (
    FEEDS,
    FINGERPRINTS,
    HTML_CHECK,
    MARKDOWN,
    OTHER,
    SEARCH_INDEX,
    STAMPING,
    TEMPLATES,
    WRITES,
    stage,
    switch,
)
from . import admin_files, fragments, incremental, page_context, search_index
from .admin_files import EditorSetup
from .page_record import PageRecord
from .region_caches import RegionCaches
from .region_files import RegionFile, region_files
from .render_cache import CachedPage
from .slots_only import SlotsOnly
from .template_bytecode import COMPILED_TEMPLATES

log = logging.getLogger("mkdocs.plugins.kompetansebroen")

SECTION_NAV = section_nav()  # from the content types' declarations

_PREVIEW_CONTEXTS: CarryOver[tuple[str, str, str, str], dict[str, Any]] = CarryOver()
"""Region contexts of the last preview rebuild (``make serve``), by everything a context is made from:
the build's settings and region (base), every page's path and front matter (content), the page's path
and its own source. A save that keeps every front matter reuses them all."""
_PREVIEW_PAGES: CarryOver[tuple[str, str], dict[str, GeneratedPage]] = CarryOver()
"""The generated pages of the last preview rebuild, by the same base and content: what a listing's
fingerprint is made of (incremental.listing_fingerprint)."""


def template_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Front matter as the theme gets it: text HTML-escaped.

    Material writes ``page.meta.title`` and ``page.meta.description`` into the page
    as they are (in ``<title>``, the header and ``content="…"``), so an editor's
    ``"`` or ``<`` must arrive escaped; ``Markup`` keeps ``| e`` from escaping twice.
    """
    return {key: escape(value) if isinstance(value, str) else value for key, value in meta.items()}


@dataclass(frozen=True)
class RegionOrder:
    """What the build of every region asks of one region's worker."""

    region_id: str
    stamping: bool
    """Whether this region copies the shared pages another region renders (setup.plan); False: render all."""
    published_dir: Path | None
    """The region's published site, whose unchanged pages are reused; None: build every page."""
    worker: bool = True
    """Part of the build of every region (False: this region built or served alone)."""


@dataclass(frozen=True)
class RegionSetup:
    """The build's settings and content, the same for every region."""

    project: Project
    topics: TopicRegistry
    command: str
    dirty: bool
    root: Path
    cache: CacheFile | None
    """The cache file and this build's stamp; None: no cache (and nothing stamped)."""
    settings: str
    """incremental.settings_fingerprint of this build."""
    pages_by_region: Mapping[str, Collection[str]] | None = None
    """Every region's page paths (for the selector); worked out once for all regions when None is replaced."""
    plan: RenderPlan | None = None
    """Which region renders each shared page, for a build of every region."""
    editor: EditorSetup = EditorSetup(None)
    """The browser editor's settings (its admin pages are written after the pages)."""
    content: str | None = None
    """incremental.content_fingerprint of the project, worked out once for all regions (None: by each)."""

    def region_pages(self) -> Mapping[str, Collection[str]]:
        """Every region's page paths, documents and generated pages (the selector links to them)."""
        if self.pages_by_region is not None:
            return self.pages_by_region
        return {
            region_id: set(view.documents) | generated_paths(view, self.topics)
            for region_id, view in self.project.views().items()
        }


class PageProblems(Exception):
    """Rendered pages hold what the browser may not get; ``lines`` as ``make check`` prints them."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


class RegionBuild:
    """The MkDocs events of one region's build, and the state they share: a record per page
    (page_record.py), the caches (region_caches.py), the incremental bookkeeping (incremental.py)."""

    def __init__(
        self, setup: RegionSetup, order: RegionOrder, serve_state: RegionState | None = None
    ) -> None:
        self.setup = setup
        self.order = order
        self.view = setup.project.view(order.region_id)
        self.increment = (
            incremental.RegionIncrement(serve_state, reuse_from=None) if serve_state is not None else None
        )
        """Which pages are unchanged since the last good build (``make serve --dirty`` keeps it in memory,
        ``mkdocs build`` in the cache file); None: every page is built."""
        self.generated: dict[str, GeneratedPage] = {}
        """The pages this build adds (listings, topic pages …), by path."""
        self.site_files = Files([])
        """MkDocs' files: the theme's, the region's merged tree and the generated pages."""
        self.pages: dict[str, PageRecord] = {}
        """Every page of the region, by source path, in MkDocs' order."""
        self.context_for: Callable[[str], dict[str, Any]] = self._no_context
        """The region context (``kb``) of the page at a path: set when the files are known."""
        self.templates: Any = None
        """Material's Jinja environment, with our globals (from on_env)."""
        self.parts: fragments.PartRenderer | None = None
        """The region parts, each rendered once per distinct input (from on_env)."""
        self.caches: RegionCaches | None = None
        """None: the build keeps no cache file."""
        self.problems: list[str] = []
        """What the rendered pages may not hold (project/page_html_checks.py), in the check's words."""
        self.result: RegionResult | None = None
        self.fingerprints: tuple[str, str] | None = None
        """The base and content fingerprints (incremental.py), worked out once."""

    @property
    def region_id(self) -> str:
        return self.order.region_id

    @staticmethod
    def _no_context(path: str) -> dict[str, Any]:
        raise AssertionError(f"{path}: a page's context is asked for before the region's files are known")

    # -- set-up -------------------------------------------------------------------

    def configure(self, config: MkDocsConfig, base_url: str) -> None:
        if self.setup.command != "serve" or self.order.worker:  # `make serve` mounts its region at the root
            config.site_url = posixpath.join(base_url, self.region_id) + "/"
        config.nav = SECTION_NAV
        config.extra["alternate"] = True  # shows our region selector in Material's header slot

    def files(self, files: Files, config: MkDocsConfig) -> Files:
        project, topics = self.setup.project, self.setup.topics
        if self.increment is not None and self.increment.serving:
            with stage(FINGERPRINTS):
                self.fingerprints = self._fingerprints(config)
            _PREVIEW_PAGES.next_build()
            self.generated = _PREVIEW_PAGES.get(
                self.fingerprints,
                partial(region_pages, self.view, topics, config.site_name, config.site_url),
            )
        else:
            self.generated = region_pages(self.view, topics, config.site_name, config.site_url)
        self.context_for = partial(
            page_context.region_context,
            project=project,
            view=self.view,
            topics=topics,
            pages_by_region=self.setup.region_pages(),
            # The region's address: podcast apps are given absolute feed addresses.
            region_url=config.site_url or "",
        )
        files = self.site_files = region_files(files, self.view, self.generated, config)
        plan = self.setup.plan if self.order.stamping else None
        stamped = plan.stamped_in(self.region_id) if plan else {}
        renders = plan.rendered_by(self.region_id) if plan else {}
        self.pages = {
            file.src_uri: PageRecord(file, stamped.get(file.src_uri), renders.get(file.src_uri))
            for file in files.documentation_pages()
        }
        if self.setup.cache is not None:
            self.caches = RegionCaches(self.setup.cache, config, self.setup.command, bool(renders))
        if self.increment is None and self.order.published_dir is not None and self.caches is not None:
            key = region_state.state_key(self.region_id, self.order.published_dir, self.setup.root)
            self.increment = incremental.RegionIncrement(
                self.caches.saved_state(key), self.order.published_dir
            )
        if self.increment is not None:
            with stage(FINGERPRINTS):
                self._plan(config, self.increment)
        else:
            for record in self.pages.values():
                if isinstance(record.file, RegionFile) and record.stamped_from is not None:
                    record.file.stamped = record.stamp = True
        nav_titles = {path: title for item in SECTION_NAV for title, path in item.items()}
        for file in files.documentation_pages():
            page = CachedPage(nav_titles.get(file.src_uri), file, config)
            page.cache = self.caches.markdown if self.caches is not None else None
            doc = self.view.documents.get(file.src_uri)
            if doc is not None and doc.modified_day:
                # the sitemap's lastmod (``updated``, else the publication day), also for pages this build skips
                page.update_date = doc.modified_day.isoformat()
        return files

    def _fingerprints(self, config: MkDocsConfig) -> tuple[str, str]:
        """What every page of the region is made with (base), and every page's path and front matter."""
        project = self.setup.project
        return (
            incremental.base_fingerprint(self.setup.settings, project, self.region_id, config),
            self.setup.content or incremental.content_fingerprint(project),
        )

    def _plan(self, config: MkDocsConfig, increment: incremental.RegionIncrement) -> None:
        """Decide which pages this build must write (see incremental.py)."""
        base, content = self.fingerprints or self._fingerprints(config)
        if increment.serving:
            _PREVIEW_CONTEXTS.next_build()
        for path, record in self.pages.items():
            file = record.file
            if not isinstance(file, RegionFile):
                continue
            doc = self.view.documents.get(path)
            if increment.serving and doc is not None:
                key = (base, content, path, doc.fingerprint)
                record.context = _PREVIEW_CONTEXTS.get(key, partial(self.context_for, path))
            fingerprint = incremental.fingerprint(
                base, content, path, self.view, self.generated, partial(self.context_of, record)
            )
            unchanged = increment.unchanged(file, fingerprint)
            if unchanged and not increment.serving and self.caches is not None:
                # A page taken from the published site keeps the cache entries it was made from.
                self.caches.keep(increment.cache_keys[path], record.shell_for_others)
            if record.stamped_from is not None:
                file.stamped = True
                record.stamp = not unchanged
            else:
                file.changed = not unchanged

    def context_of(self, record: PageRecord) -> dict[str, Any]:
        """The page's region context (``kb``), worked out once (incremental builds need it early)."""
        if record.context is None:
            record.context = self.context_for(record.path)
        return record.context

    # -- pages --------------------------------------------------------------------

    def read_source(self, page: Page) -> str | None:
        # The page was read and validated with the tree; MkDocs need not read it and
        # parse its front matter again (page_markdown supplies the real text).
        doc = self.view.documents.get(page.file.src_uri)
        return doc.body if doc is not None else None

    def page_markdown(self, markdown: str, page: Page) -> str:
        path = page.file.src_uri
        topics = self.setup.topics
        doc = self.view.documents.get(path)
        generated = self.generated.get(path)
        parts: list[str] = []
        if doc is not None:
            page.meta = template_meta(doc.meta)
            page.meta["search"] = {"exclude": True}  # we index it ourselves (search_index.py)
            parts.append(page_context.with_heading(doc, topics, self.view.today))
            if doc.draft:
                parts.insert(0, '!!! warning "Utkast"\n\n    Denne siden er et utkast og publiseres ikke.\n')
        elif generated is not None:
            page.meta = template_meta({"title": generated.title})
            page.meta["search"] = {"exclude": True}
            parts += [f"# {generated.title}\n", generated.intro]
        else:
            return markdown
        blocks: dict[str, str] = {}
        if generated is not None and generated.listing:
            parts.append(generated.listing)
            blocks.update(generated.blocks)
        hub = (doc.hub if doc is not None else None) or (generated.hub if generated is not None else None)
        sections = [hub_sections(self.view, topics, path, hub)] if hub else []
        if path == paths.HOME:
            sections.append(home_sections(self.view, topics))
        for section in sections:
            parts.append(section.markdown)
            blocks.update(section.blocks)
        text, self.pages[path].blocks = html_blocks.named_by_place(
            "\n\n".join(part for part in parts if part), blocks, path
        )  # the blocks are put in place after conversion (page_content)
        switch(MARKDOWN)  # MkDocs converts the page next (or takes it from the render cache)
        return text

    def page_content(self, html: str, page: Page) -> str:
        switch(HTML_CHECK)
        html = without_tokens(html)  # an editor's «<!--kb-slot:footer-->» is text, not a slot
        record = self.pages[page.file.src_uri]
        doc = self.view.documents.get(record.path)
        if doc is not None:  # the page body as the browser gets it (the listing blocks are ours, escaped)
            self.problems += page_html_checks.shown_problems(doc, html)
        switch(OTHER)
        blocks, record.blocks = record.blocks, {}
        body = html  # what the page itself says; its listing blocks are other pages
        html = html_blocks.put_in_place(html, blocks)
        if doc is not None and content_type(doc.kind).feed is Feed.NEWSLETTER:  # its feed carries the text
            record.newsletter_html = html
        title = doc.title if doc is not None else (page.title or "")
        description = doc.description if doc is not None else ""
        tags = doc.tags if doc is not None else ()
        with stage(SEARCH_INDEX):
            record.search_entries = search_index.entries_for(page, title, description, tags, body)
        return html

    def page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: Any) -> dict:
        switch(TEMPLATES)  # the region parts here, then Material's page template, up to post_page
        record = self.pages[page.file.src_uri]
        kb = self.context_of(record)
        # The template renders the page with slots; post_page puts this region's parts in.
        assert self.parts is not None
        record.parts = self.parts.render(page.canonical_url, kb, page.file.url)
        record.canonical = page.canonical_url
        if page.canonical_url:
            page.canonical_url = CANONICAL
        context["kb"] = SlotsOnly(tokens())  # what differs by region is in the parts
        if self.caches is not None:
            key = record.page_key = self.caches.pages.key(page, nav)
            cached = self.caches.pages.load(key)
            if cached is not None:
                context["kb_cached_output"] = cached  # main.html writes it as it is
                self.caches.pages.hits += 1
            else:
                record.store_page = True
        return context

    def env(self, env: Any, config: MkDocsConfig) -> Any:
        self.templates = env
        self.parts = fragments.PartRenderer(env, config)
        env.bytecode_cache = COMPILED_TEMPLATES
        env.globals.update(page_context.theme_globals(env, config.theme["language"]))
        # Templates rendered without a page (404.html) get the region context as a global;
        # pages have their own.
        region_path = urlsplit(config.site_url or "/").path or "/"
        env.globals["kb"] = page_context.static_context(self.setup.project, self.view, region_path)
        return env

    def post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        record = self.pages[page.file.src_uri]
        if record.store_page and record.page_key is not None and self.caches is not None:
            self.caches.pages.store(record.page_key, output)  # with the slots: every region can use it
        record.store_page = False
        if self.caches is not None and self.caches.shells is not None and record.shell_for_others is not None:
            self.caches.shells.put(
                record.shell_for_others,
                Shell(output, record.search_entries or [], record.newsletter_html),
            )
        if record.parts is not None:
            output = fill(output, record.parts, record.canonical)
            page.canonical_url = record.canonical
            record.parts = None
        if self.increment is not None:
            keys = {"markdown": getattr(page, "render_key", None), "page": record.page_key}
            self.increment.written(record.path, output, keys)
        switch(WRITES)  # MkDocs writes the page next
        return output

    # -- the end --------------------------------------------------------------------

    def post_build(self, config: MkDocsConfig) -> RegionResult:
        """What this region hands on; a region built alone is finished here."""
        switch(OTHER)
        if self.problems:
            raise PageProblems(self.problems)
        preview = self.setup.command == "serve" and not self.order.worker
        admin_files.region_admin(
            Path(config.site_dir), self.setup.project, self.region_id, self.setup.editor, preview=preview
        )
        pages = [f.src_uri for f in self.site_files.documentation_pages()]
        jobs = []
        assert self.parts is not None
        with stage(STAMPING):  # the region parts of the copies this region stamps
            for record in self.pages.values():
                if not record.stamp:
                    continue
                assert record.file.page is not None and record.stamped_from is not None
                canonical = record.file.page.canonical_url
                parts = self.parts.render(canonical, self.context_of(record), record.file.url)
                jobs.append(
                    StampJob(record.path, record.file.dest_uri, record.stamped_from, parts, canonical)
                )
        search_entries = {
            path: record.search_entries
            for path, record in self.pages.items()
            if record.search_entries is not None
        }
        newsletter_html = {
            path: record.newsletter_html
            for path, record in self.pages.items()
            if record.newsletter_html is not None
        }
        increment = self.increment
        state = None
        if increment is not None:
            stamped = [job.path for job in jobs]
            state = increment.hand_on(pages, search_entries, newsletter_html, stamped)
        if self.caches is not None:
            self.caches.close()
            log.info(
                f"{self.region_id}: {len(pages)} sider; uendret {increment.reused if increment else 0}, "
                f"stemplet fra et annet områdes gjengivelse {len(jobs)}, "
                f"Markdown gjenbrukt for {self.caches.markdown.hits}, "
                f"ferdig side gjenbrukt for {self.caches.pages.hits}"
            )
        keep_state = increment is not None and not increment.serving and self.order.published_dir is not None
        self.result = RegionResult(
            region_id=self.region_id,
            site_dir=config.site_dir,
            page_order=pages,
            search_entries=search_entries,
            newsletter_html=newsletter_html,
            feeds=self._feeds(config),
            stamp_jobs=jobs,
            state=state,
            state_key=(
                region_state.state_key(self.region_id, self.order.published_dir, self.setup.root)
                if keep_state and self.order.published_dir is not None
                else None
            ),
            cache=self.setup.cache,
            # Published sites get .gz copies of their text files; previews do not need them.
            precompress=self.setup.command == "build",
            published_dir=str(self.order.published_dir) if self.order.published_dir is not None else None,
            scan_scripts=self.setup.command == "build" and self.order.worker,
        )
        if not self.order.worker:
            if preview:  # the edited page is shown while the search index, feeds and e-mail are written
                stamped = {job.dest for job in jobs}
                PREVIEWING.pages_written(frozenset(f.dest_uri for f in self.site_files) - stamped)
            finish_region(self.result)
            if increment is not None and increment.serving:
                increment.remove_gone({f.abs_dest_path for f in self.site_files})
        return self.result

    def _feeds(self, config: MkDocsConfig) -> RegionFeeds:
        with stage(FEEDS):
            return region_feeds(self.view, config.site_name, config.site_url or "/")

    def build_error(self) -> None:
        if self.increment is not None:
            self.increment.forget()
