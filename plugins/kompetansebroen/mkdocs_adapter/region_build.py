"""One region's site through MkDocs and Material.

A region build puts the region's merged view in place of MkDocs' files, adds
the generated pages (listings, topic pages, the accessibility statement),
hands the theme each page's region context, and renders through Material the
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
import os
import posixpath
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..listings import html_blocks, paths
from ..listings.navigation import section_nav
from ..listings.pages import generated_paths, home_sections, hub_sections, region_pages
from ..model.documents import Kind
from ..model.topics import TopicRegistry
from ..output import region_state
from ..output.cache_store import CacheFile, CacheStore
from ..output.feeds_writer import RegionFeeds, region_feeds
from ..output.region_output import STATE_TABLE, RegionResult, StampJob, finish_region
from ..output.region_state import RegionState
from ..output.render_plan import RenderPlan
from ..output.shells import Shell, ShellStore
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
from . import fragments, incremental, page_context, search_index
from .page_cache import PageCache
from .region_files import RegionFile, region_files
from .render_cache import CachedPage, RenderCache
from .template_bytecode import COMPILED_TEMPLATES

log = logging.getLogger("mkdocs.plugins.kompetansebroen")

SECTION_NAV = section_nav()  # from the content types' declarations


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
    """The MkDocs events of one region's build, and the state they share."""

    def __init__(
        self, setup: RegionSetup, order: RegionOrder, serve_state: RegionState | None = None
    ) -> None:
        self.setup = setup
        self.order = order
        self.region_id = order.region_id
        self.project = setup.project
        self.topics = setup.topics
        self.view = setup.project.view(order.region_id)
        self.serve_state = serve_state
        """The in-memory state of ``make serve --dirty``; None for ``mkdocs build``."""
        plan = setup.plan if order.stamping else None
        self.stamped = plan.stamped_in(self.region_id) if plan else {}
        self.renders = plan.rendered_by(self.region_id) if plan else {}
        self.to_stamp: list[str] = []
        self.state: RegionState | None = None
        self.fingerprints: dict[str, str] = {}
        self.output_hashes: dict[str, str] = {}
        self.cache_keys: dict[str, dict[str, str]] = {}
        self.page_keys: dict[str, str] = {}
        self.pending_pages: dict[str, str] = {}
        self.page_parts: dict[str, tuple[dict[str, str], str | None]] = {}
        self.contexts: dict[str, dict[str, Any]] = {}
        self.region_url = ""
        """The region's address (``config.site_url``): podcast apps are given absolute feed addresses."""
        self.page_blocks: dict[str, dict[str, str]] = {}
        self.search_entries: dict[str, list[dict[str, Any]]] = {}
        self.newsletter_html: dict[str, str] = {}
        self.render_cache: RenderCache | None = None
        self.page_cache: PageCache | None = None
        self.stores: list[CacheStore] = []
        self.shells: ShellStore | None = None
        self.reused = 0
        self.problems: list[str] = []
        """What the rendered pages may not hold (project/page_html_checks.py), in the check's words."""
        self.result: RegionResult | None = None

    # -- set-up -------------------------------------------------------------------

    def configure(self, config: MkDocsConfig, base_url: str) -> None:
        if self.setup.command != "serve" or self.order.worker:  # `make serve` mounts its region at the root
            config.site_url = posixpath.join(base_url, self.region_id) + "/"
        self.region_url = config.site_url or ""
        config.nav = SECTION_NAV
        config.extra["alternate"] = True  # shows our region selector in Material's header slot

    def files(self, files: Files, config: MkDocsConfig) -> Files:
        self.generated = region_pages(self.view, self.topics, config.site_name, config.site_url)
        self.pages_by_region = self.setup.region_pages()
        files = region_files(files, self.view, self.generated, config)
        self.files_ = files
        cache = None
        if self.setup.cache is not None:
            render_store = self.setup.cache.table("rendered_markdown")
            page_store = self.setup.cache.table("finished_pages")
            self.stores += [render_store, page_store]
            cache = self.render_cache = RenderCache(render_store, config)
            self.page_cache = PageCache(page_store, config, self.setup.command)
            if self.renders:
                self.shells = ShellStore(self.setup.cache)
        if self.serve_state is not None:
            self.state = self.serve_state
            with stage(FINGERPRINTS):
                self._plan(files, config, reuse_from=None)
        elif self.order.published_dir is not None and self.setup.cache is not None:
            store = self.setup.cache.table(STATE_TABLE)
            self.stores.append(store)
            key = region_state.state_key(self.region_id, self.order.published_dir)
            self.state = RegionState.from_json(store.get(key))
            with stage(FINGERPRINTS):
                self._plan(files, config, reuse_from=self.order.published_dir)
        else:
            for file in files.documentation_pages():
                if isinstance(file, RegionFile) and file.src_uri in self.stamped:
                    file.stamped = True
                    self.to_stamp.append(file.src_uri)
        nav_titles = {path: title for item in SECTION_NAV for title, path in item.items()}
        for file in files.documentation_pages():
            page = CachedPage(nav_titles.get(file.src_uri), file, config)
            page.cache = cache
            doc = self.view.documents.get(file.src_uri)
            if doc is not None and doc.modified_day:
                # the sitemap's lastmod (``updated``, else the publication day), also for pages this build skips
                page.update_date = doc.modified_day.isoformat()
        return files

    def _plan(self, files: Files, config: MkDocsConfig, reuse_from: Path | None) -> None:
        """Decide which pages this build must write (see incremental.py).

        ``reuse_from``: the published region, whose unchanged pages are linked into
        this build's empty output folder; None when the output folder already has them.
        """
        assert self.state is not None
        base = incremental.base_fingerprint(self.setup.settings, self.project, self.region_id, config)
        content = incremental.content_fingerprint(self.project)
        for file in files.documentation_pages():
            if not isinstance(file, RegionFile):
                continue
            path = file.src_uri
            doc = self.view.documents.get(path)
            if doc is None or doc.hub or path in self.generated or path == paths.HOME:
                fingerprint = incremental.listing_fingerprint(base, content, path)
            else:
                fingerprint = incremental.page_fingerprint(
                    base, doc, self.view, self.generated, self.context_of(path)
                )
            self.fingerprints[path] = fingerprint
            unchanged = self.state.fingerprints.get(path) == fingerprint
            if unchanged and reuse_from is not None:
                unchanged = region_state.reuse_output(
                    reuse_from / file.dest_uri, Path(file.abs_dest_path), self.state.output_hashes.get(path)
                )
                if unchanged:
                    self.output_hashes[path] = self.state.output_hashes[path]
                    self._keep_cache_entries(path)
            self.reused += unchanged
            if path in self.stamped:
                file.stamped = True
                if not unchanged:
                    self.to_stamp.append(path)
            else:
                file.changed = not unchanged

    def _keep_cache_entries(self, path: str) -> None:
        """A page taken from the published site keeps the cache entries it was made from."""
        assert self.state is not None
        keys = self.state.cache_keys.get(path, {})
        self.cache_keys[path] = keys
        for name, cache in (("markdown", self.render_cache), ("page", self.page_cache)):
            if cache is not None and name in keys:
                cache.touch(keys[name])
        if self.shells is not None and path in self.renders:
            self.shells.touch([self.renders[path]])

    def context_of(self, path: str) -> dict[str, Any]:
        """The page's region context (``kb``), worked out once (incremental builds need it early)."""
        if path not in self.contexts:
            self.contexts[path] = page_context.region_context(
                path, self.project, self.view, self.topics, self.pages_by_region, self.region_url
            )
        return self.contexts[path]

    # -- pages --------------------------------------------------------------------

    def read_source(self, page: Page) -> str | None:
        # The page was read and validated with the tree; MkDocs need not read it and
        # parse its front matter again (page_markdown supplies the real text).
        doc = self.view.documents.get(page.file.src_uri)
        return doc.body if doc is not None else None

    def page_markdown(self, markdown: str, page: Page) -> str:
        path = page.file.src_uri
        doc = self.view.documents.get(path)
        generated = self.generated.get(path)
        parts: list[str] = []
        if doc is not None:
            page.meta = template_meta(doc.meta)
            page.meta["search"] = {"exclude": True}  # we index it ourselves (search_index.py)
            parts.append(page_context.with_heading(doc, self.topics, self.view.today))
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
        sections = [hub_sections(self.view, self.topics, path, hub)] if hub else []
        if path == paths.HOME:
            sections.append(home_sections(self.view, self.topics))
        for section in sections:
            parts.append(section.markdown)
            blocks.update(section.blocks)
        self.page_blocks[path] = blocks  # put in place after conversion (page_content)
        switch(MARKDOWN)  # MkDocs converts the page next (or takes it from the render cache)
        return "\n\n".join(part for part in parts if part)

    def page_content(self, html: str, page: Page) -> str:
        switch(HTML_CHECK)
        html = without_tokens(html)  # an editor's «<!--kb-slot:footer-->» is text, not a slot
        path = page.file.src_uri
        doc = self.view.documents.get(path)
        if doc is not None:  # the page body as the browser gets it (the listing blocks are ours, escaped)
            self.problems += page_html_checks.shown_problems(doc, html)
        switch(OTHER)
        html = html_blocks.put_in_place(html, self.page_blocks.pop(path, {}))
        if doc is not None and doc.kind is Kind.NEWSLETTER:
            self.newsletter_html[doc.path] = html
        title = doc.title if doc is not None else (page.title or "")
        description = doc.description if doc is not None else ""
        tags = doc.tags if doc is not None else ()
        with stage(SEARCH_INDEX):
            self.search_entries[path] = search_index.entries_for(page, title, description, tags)
        return html

    def page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: Any) -> dict:
        switch(TEMPLATES)  # the region parts here, then Material's page template, up to post_page
        path = page.file.src_uri
        kb = self.context_of(path)
        # The template renders the page with slots; post_page puts this region's parts in.
        self.page_parts[path] = (
            fragments.render(self.env, config, page.canonical_url, kb),
            page.canonical_url,
        )
        if page.canonical_url:
            page.canonical_url = CANONICAL
        context["kb"] = {**kb, "slots": tokens()}
        if self.page_cache is not None:
            key = self.page_keys[path] = self.page_cache.key(page, nav)
            cached = self.page_cache.load(key)
            if cached is not None:
                context["kb_cached_output"] = cached  # main.html writes it as it is
                self.page_cache.hits += 1
            else:
                self.pending_pages[path] = key
        return context

    def env(self, env: Any, config: MkDocsConfig) -> Any:
        self.env = env
        env.bytecode_cache = COMPILED_TEMPLATES
        # Templates rendered without a page (404.html) get the region context as a global;
        # pages have their own.
        region_path = urlsplit(config.site_url or "/").path or "/"
        env.globals["kb"] = page_context.static_context(self.project, self.view, region_path)
        return env

    def post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        path = page.file.src_uri
        key = self.pending_pages.pop(path, None)
        if key is not None and self.page_cache is not None:
            self.page_cache.store(key, output)  # with the slots: every region can use it
        if self.shells is not None and path in self.renders:
            self.shells.put(
                self.renders[path],
                Shell(output, self.search_entries.get(path, []), self.newsletter_html.get(path)),
            )
        parts = self.page_parts.pop(path, None)
        if parts is not None:
            region_parts, canonical = parts
            output = fill(output, region_parts, canonical)
            page.canonical_url = canonical
        if self.state is not None:
            self.output_hashes[path] = region_state.output_hash(output)
            keys = {"markdown": getattr(page, "render_key", None), "page": self.page_keys.get(path)}
            self.cache_keys[path] = {name: key for name, key in keys.items() if key}
        switch(WRITES)  # MkDocs writes the page next
        return output

    # -- the end --------------------------------------------------------------------

    def post_build(self, config: MkDocsConfig) -> RegionResult:
        """What this region hands on; a region built alone is finished here."""
        switch(OTHER)
        if self.problems:
            raise PageProblems(self.problems)
        pages = [f.src_uri for f in self.files_.documentation_pages()]
        jobs = []
        with stage(STAMPING):  # the region parts of the copies this region stamps
            for path in self.to_stamp:
                file = self.files_.get_file_from_path(path)
                assert file is not None and file.page is not None
                canonical = file.page.canonical_url
                parts = fragments.render(self.env, config, canonical, self.context_of(path))
                jobs.append(StampJob(path, file.dest_uri, self.stamped[path], parts, canonical))
        state = self.state
        if state is not None:
            # Pages taken unchanged from the last build keep its search entries and issue HTML.
            for path in set(pages) - set(self.search_entries) - set(self.to_stamp):
                self.search_entries[path] = state.search_entries.get(path, [])
            for path, html in state.newsletter_html.items():
                if path in pages and path not in self.to_stamp:
                    self.newsletter_html.setdefault(path, html)
            state.fingerprints = dict(self.fingerprints)
            state.output_hashes = dict(self.output_hashes)
            state.cache_keys = dict(self.cache_keys)
        for store in [*self.stores, *([self.shells.store] if self.shells else [])]:
            store.close()
        if self.render_cache is not None and self.page_cache is not None:
            log.info(
                f"{self.region_id}: {len(pages)} sider; uendret {self.reused}, "
                f"stemplet fra et annet områdes gjengivelse {len(jobs)}, "
                f"Markdown gjenbrukt for {self.render_cache.hits}, "
                f"ferdig side gjenbrukt for {self.page_cache.hits}"
            )
        keep_state = state is not None and self.serve_state is None and self.order.published_dir is not None
        self.result = RegionResult(
            region_id=self.region_id,
            site_dir=config.site_dir,
            page_order=pages,
            search_entries=self.search_entries,
            newsletter_html=self.newsletter_html,
            feeds=self._feeds(config),
            stamp_jobs=jobs,
            state=state,
            state_key=(
                region_state.state_key(self.region_id, self.order.published_dir)
                if keep_state and self.order.published_dir is not None
                else None
            ),
            cache=self.setup.cache,
            # Published sites get .gz copies of their text files; previews do not need them.
            precompress=self.setup.command == "build",
            published_dir=str(self.order.published_dir) if self.order.published_dir is not None else None,
        )
        if not self.order.worker:
            finish_region(self.result)
            if self.serve_state is not None:
                self._remove_gone_pages()
        return self.result

    def _feeds(self, config: MkDocsConfig) -> RegionFeeds:
        with stage(FEEDS):
            return region_feeds(self.view, config.site_name, config.site_url or "/")

    def _remove_gone_pages(self) -> None:
        """``make serve`` writes into the same folder every time: remove what no longer has a source."""
        assert self.serve_state is not None
        written = {f.abs_dest_path for f in self.files_}
        for gone in self.serve_state.written - written:
            if os.path.isfile(gone):
                os.remove(gone)
        self.serve_state.written = written

    def build_error(self) -> None:
        if self.serve_state is not None:
            self.serve_state.fingerprints.clear()  # this preview may have written some pages: write all next time
