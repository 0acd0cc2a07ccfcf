"""The ``kompetansebroen`` MkDocs plugin.

Two modes, chosen by the ``region`` option (``KOMPETANSEBROEN_REGION``):

* one region: this build *is* that region's site, with its merged content,
  generated pages, selector and feeds;
* all regions (default): this build makes the root (chooser, sitemap index,
  404) and runs one region build per region in worker processes.

``mkdocs build`` writes beside ``site_dir`` and swaps the result in only when
every build succeeded, so a failed build leaves the last good site as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import posixpath
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..listings import html_blocks, paths
from ..listings.pages import all_generated_paths, generated_paths, home_sections, hub_sections, region_pages
from ..model.documents import Kind
from ..model.topics import Topic, TopicRegistry
from ..problems import Problems
from ..project.loader import Project, load_project
from ..settings import KompetansebroenConfig
from . import cache_store, fragments, incremental, page_context, root_site, search_index, staging
from .cache_store import CacheStore
from .feeds_writer import write_feeds
from .page_cache import PageCache
from .region_files import RegionFile, region_files
from .render_cache import CachedPage, RenderCache
from .template_bytecode import COMPILED_TEMPLATES
from .workers import build_regions

log = get_plugin_logger(__name__)

THEME_DIR = Path(__file__).resolve().parent.parent / "theme"

CACHE_TABLES = ("rendered_markdown", "finished_pages", "region_state")

SECTION_NAV = [
    {"Forside": paths.HOME},
    {"Fagartikler": paths.ARTICLES},
    {"Nyhetsbrev": paths.NEWSLETTERS},
    {"Styrende dokumenter": paths.GOVERNING},
    {"Helsefellesskap": paths.HELSEFELLESSKAP},
    {"Tema": paths.TOPICS},
]


# Region builds run in processes forked from the main build, which has already read and
# validated the tree: the main build leaves its result here just before it forks them.
_INHERITED: dict[tuple[Path, bool], Project] = {}


def _not_about_dirty_builds(record: logging.LogRecord) -> bool:
    message = record.getMessage()
    return not message.startswith(
        ("A 'dirty' build is being performed", "The directory contains stale files")
    )


def quiet_dirty_messages() -> None:
    """MkDocs warns that --dirty builds go stale; ours do not (incremental.py), and in strict
    mode the warning alone would fail every build."""
    logger = logging.getLogger("mkdocs.commands.build")
    if _not_about_dirty_builds not in logger.filters:
        logger.addFilter(_not_about_dirty_builds)


def template_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """Front matter as the theme gets it: text HTML-escaped.

    Material writes ``page.meta.title`` and ``page.meta.description`` into the page
    as they are (in ``<title>``, the header and ``content="…"``), so an editor's
    ``"`` or ``<`` must arrive escaped; ``Markup`` keeps ``| e`` from escaping twice.
    """
    return {key: escape(value) if isinstance(value, str) else value for key, value in meta.items()}


class KompetansebroenPlugin(BasePlugin[KompetansebroenConfig]):
    """Adapter between MkDocs' build events and the Kompetansebroen domain."""

    supports_multiple_instances = False

    # Class-level: `mkdocs serve` makes a new plugin instance for every rebuild but calls
    # on_startup only once, so the command must outlive the instance.
    command: Literal["build", "gh-deploy", "serve"] = "build"
    dirty = False

    def __init__(self) -> None:
        self.is_worker = False
        self.published_dir: Path | None = None
        """For a region worker: that region's published site, whose unchanged pages it reuses."""
        self.project: Project | None = None
        self.final_site_dir: Path | None = None
        self.staging_dir: Path | None = None
        self.succeeded = False
        self.failed = False
        self.newsletter_html: dict[str, str] = {}
        self.search_entries: dict[str, list[dict[str, Any]]] = {}
        self.page_cache: PageCache | None = None
        self.render_cache: RenderCache | None = None
        self.render_store: CacheStore | None = None
        self.page_store: CacheStore | None = None
        self.state_store: CacheStore | None = None
        self.pending_pages: dict[str, str] = {}

    # -- set-up ---------------------------------------------------------------

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        type(self).command = command
        type(self).dirty = dirty
        if command == "serve" and dirty:
            quiet_dirty_messages()

    @property
    def region_id(self) -> str | None:
        return self.config.region or None

    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.succeeded = self.failed = False
        self.newsletter_html = {}
        self.search_entries = {}
        self.pending_pages = {}
        self.page_parts: dict[str, tuple[dict[str, str], str | None]] = {}
        self.state: incremental.RegionState | None = None
        self.fingerprints: dict[str, str] = {}
        self.output_hashes: dict[str, str] = {}
        self.cache_keys: dict[str, dict[str, str]] = {}
        self.page_keys: dict[str, str] = {}
        self.contexts: dict[str, dict[str, Any]] = {}
        self.page_blocks: dict[str, dict[str, str]] = {}
        self.reused = 0
        root = Path(config.config_file_path).resolve().parent
        self.root = root
        self.cache_file = root / ".cache" / "kompetansebroen" / "cache.sqlite"
        if not self.is_worker:
            cache_store.start_build()
        self.topics = TopicRegistry(Topic(t.name, t.description) for t in self.config.topics)
        serving = self.command == "serve"
        inherited = _INHERITED.get((root, serving)) if self.is_worker else None
        if inherited is not None:
            project, problems = inherited, Problems()
        else:
            project, problems = load_project(
                root, self.topics, include_drafts=serving, generated_paths=all_generated_paths(self.topics)
            )
        if problems:
            self._fail(problems)
        self.project = project
        self._pin_build_date(project)
        if self.region_id is not None and self.region_id not in project.regions:
            known = ", ".join(sorted(project.regions))
            raise PluginError(f"ukjent område «{self.region_id}»; kjente områder: {known}")
        if THEME_DIR.as_posix() not in config.theme.dirs:
            position = 1 if config.theme.custom_dir else 0
            config.theme.dirs.insert(position, str(THEME_DIR))
        base_url = config.site_url or "/"
        config.extra["kb_site_url"] = base_url
        if self.region_id:
            if self.command != "serve" or self.is_worker:  # `make serve` mounts its one region at the root
                config.site_url = posixpath.join(base_url, self.region_id) + "/"
            config.nav = SECTION_NAV
            config.extra["alternate"] = True  # shows our region selector in Material's header slot
        if self.command == "build" and not self.is_worker:
            final = Path(config.site_dir)
            if self.region_id:
                final = final / self.region_id
            self.final_site_dir = final
            self.staging_dir = staging.staging_dir(final)
            staging.discard(self.staging_dir)
            config.site_dir = str(self.staging_dir)
        return config

    @staticmethod
    def _pin_build_date(project: Project) -> None:
        """Date the build by its content, not the clock: sitemaps (and their .gz headers) are
        then the same whichever day the same content is built. MkDocs honours SOURCE_DATE_EPOCH."""
        if "SOURCE_DATE_EPOCH" in os.environ:
            return
        documents = [
            *project.shared.values(),
            *(d for docs in project.regional.values() for d in docs.values()),
        ]
        newest = max((d.date for d in documents if d.date), default=None)
        if newest is not None:
            moment = dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.UTC)
            os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))

    def _fail(self, problems: Problems) -> None:
        for problem in problems:
            log.error(str(problem))
        raise PluginError(
            f"{len(problems)} feil i innholdet; ingenting er publisert, og forrige versjon av nettstedet står urørt."
        )

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        root = Path(config.config_file_path).resolve().parent
        regions_dir = root / "regions"
        if regions_dir.is_dir():
            server.watch(str(regions_dir))
        server.watch(str(Path(__file__).resolve().parent.parent))
        return server

    # -- content ----------------------------------------------------------------

    @event_priority(100)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.project is not None
        if not self.region_id:
            return root_site.root_files(files, self.project, config)
        self.view = self.project.view(self.region_id)
        self.generated = region_pages(self.view, self.topics, config.site_name)
        self.pages_by_region = {
            region_id: set(view.documents) | generated_paths(view, self.topics)
            for region_id, view in self.project.views().items()
        }
        region_ids = sorted(self.project.regions)
        workers = max(1, self.config.workers or os.cpu_count() or 1)
        rotation = (region_ids.index(self.region_id) % workers) / workers
        files = region_files(files, self.view, self.generated, config, rotation)
        cache = self.page_cache = self.render_cache = None
        if self.config.cache:
            self.render_store = CacheStore(self.cache_file, "rendered_markdown")
            self.page_store = CacheStore(self.cache_file, "finished_pages")
            cache = self.render_cache = RenderCache(self.render_store, config)
            self.page_cache = PageCache(self.page_store, config, self.command)
        self.page_count = len(files.documentation_pages())
        self.files = files
        if self.command == "serve" and self.dirty and not self.is_worker:
            self.state = incremental.serve_state(self.root, self.region_id, config.site_dir)
            self._plan_incremental(files, config, reuse_from=None)
        elif self.command == "build" and self.published_dir is not None and self.config.cache:
            self.state_store = CacheStore(self.cache_file, "region_state")
            key = incremental.build_state_key(self.region_id, self.published_dir)
            self.state = incremental.RegionState.from_json(self.state_store.get(key))
            self._plan_incremental(files, config, reuse_from=self.published_dir)
        nav_titles = {path: title for item in SECTION_NAV for title, path in item.items()}
        for file in files.documentation_pages():
            page = CachedPage(nav_titles.get(file.src_uri), file, config)
            page.cache = cache
            doc = self.view.documents.get(file.src_uri)
            if doc is not None and doc.date:
                # the sitemap's lastmod, also for pages an incremental build skips
                page.update_date = doc.date.isoformat()
        return files

    def _plan_incremental(self, files: Files, config: MkDocsConfig, reuse_from: Path | None) -> None:
        """Mark the pages this build must rebuild (see incremental.py).

        ``reuse_from``: the published region, whose unchanged pages are linked into
        this build's empty output folder; None when the output folder already has them.
        """
        assert self.project is not None and self.region_id is not None and self.state is not None
        base = incremental.base_fingerprint(self.project, self.region_id, config)
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
                    base, doc, self.view, self.generated, self._context(path)
                )
            self.fingerprints[file.src_uri] = fingerprint
            unchanged = self.state.fingerprints.get(file.src_uri) == fingerprint
            if unchanged and reuse_from is not None:
                unchanged = incremental.reuse_output(
                    reuse_from / file.dest_uri,
                    Path(file.abs_dest_path),
                    self.state.output_hashes.get(file.src_uri),
                )
                if unchanged:
                    self.output_hashes[file.src_uri] = self.state.output_hashes[file.src_uri]
                    self._keep_cache_entries(file.src_uri)
            self.reused += unchanged
            file.changed = not unchanged

    def _context(self, path: str) -> dict[str, Any]:
        """The page's template context, worked out once (incremental builds need it early)."""
        if path not in self.contexts:
            assert self.project is not None
            self.contexts[path] = page_context.region_context(
                path, self.project, self.view, self.topics, self.pages_by_region
            )
        return self.contexts[path]

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        # The page was read and validated with the tree; MkDocs need not read it and
        # parse its front matter again (on_page_markdown supplies the real text).
        if self.region_id and (doc := self.view.documents.get(page.file.src_uri)) is not None:
            return doc.body
        return None

    def _keep_cache_entries(self, path: str) -> None:
        """A page taken from the published site keeps the cache entries it was made from."""
        assert self.state is not None
        keys = self.state.cache_keys.get(path, {})
        self.cache_keys[path] = keys
        for name, store in (("markdown", self.render_store), ("page", self.page_store)):
            if store is not None and name in keys:
                store.touch([keys[name]])

    @event_priority(100)
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if not self.region_id:
            return markdown
        path = page.file.src_uri
        doc = self.view.documents.get(path)
        generated = self.generated.get(path)
        parts: list[str] = []
        if doc is not None:
            page.meta = template_meta(doc.meta)
            page.meta["search"] = {"exclude": True}  # we index it ourselves (search_index.py)
            parts.append(page_context.with_heading(doc, self.topics))
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
        self.page_blocks[path] = blocks  # put in place after conversion (on_page_content)
        return "\n\n".join(part for part in parts if part)

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.region_id:
            html = html_blocks.put_in_place(html, self.page_blocks.pop(page.file.src_uri, {}))
            doc = self.view.documents.get(page.file.src_uri)
            if doc is not None and doc.kind is Kind.NEWSLETTER:
                self.newsletter_html[doc.path] = html
            title = doc.title if doc is not None else (page.title or "")
            description = doc.description if doc is not None else ""
            tags = doc.tags if doc is not None else ()
            self.search_entries[page.file.src_uri] = search_index.entries_for(page, title, description, tags)
        return html

    def on_page_context(self, context: dict, /, *, page: Page, config: MkDocsConfig, nav: Any) -> dict:
        if self.region_id:
            assert self.project is not None
            kb = self._context(page.file.src_uri)
            # The template renders the page with slots; on_post_page puts this region's parts in.
            parts = fragments.render(self.env, {**context, "kb": kb})
            self.page_parts[page.file.src_uri] = (parts, page.canonical_url)
            if page.canonical_url:
                page.canonical_url = fragments.CANONICAL
            context["kb"] = {**kb, "slots": fragments.tokens()}
            if self.page_cache is not None:
                key = self.page_keys[page.file.src_uri] = self.page_cache.key(page, nav)
                cached = self.page_cache.load(key)
                if cached is not None:
                    context["kb_cached_output"] = cached  # main.html writes it as it is
                    self.page_cache.hits += 1
                else:
                    self.pending_pages[page.file.src_uri] = key
        else:
            context["kb"] = page_context.root_context(self.project)
        return context

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self.env = env
        env.bytecode_cache = COMPILED_TEMPLATES
        # Templates rendered without a page (404.html) get the region context as a global;
        # pages override it with their own in on_page_context.
        if self.region_id:
            assert self.project is not None
            region_path = urlsplit(config.site_url or "/").path or "/"
            env.globals["kb"] = page_context.static_context(self.project, self.view, region_path)
        else:
            env.globals["kb"] = page_context.root_context(self.project)
        return env

    @event_priority(-100)
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        key = self.pending_pages.pop(page.file.src_uri, None)
        if key is not None and self.page_cache is not None:
            self.page_cache.store(key, output)  # with the slots: every region can use it
        parts = self.page_parts.pop(page.file.src_uri, None)
        if parts is not None:
            region_parts, canonical = parts
            output = fragments.fill(output, region_parts, canonical)
            page.canonical_url = canonical
        if self.state is not None:
            self.output_hashes[page.file.src_uri] = incremental.output_hash(output)
            keys = {
                "markdown": getattr(page, "render_key", None),
                "page": self.page_keys.get(page.file.src_uri),
            }
            self.cache_keys[page.file.src_uri] = {name: key for name, key in keys.items() if key}
        return output

    # -- output -----------------------------------------------------------------

    @event_priority(-100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.project is not None
        if self.region_id:
            if self.state is not None:
                self._carry_state()
            for store in (self.render_store, self.page_store, self.state_store):
                if store is not None:
                    store.close()
            if self.page_cache is not None and self.render_cache is not None:
                log.info(
                    f"{self.region_id}: {self.page_count} sider; uendret {self.reused}, Markdown gjenbrukt for "
                    f"{self.render_cache.hits}, ferdig side gjenbrukt for {self.page_cache.hits}"
                )
            write_feeds(Path(config.site_dir), config, self.view, self.newsletter_html)
            pages = [f.src_uri for f in self.files.documentation_pages()]
            entries = [entry for path in pages for entry in self.search_entries.get(path, ())]
            search_index.write(Path(config.site_dir), entries)
        else:
            site_dir = Path(config.site_dir)
            targets = {region_id: str(site_dir / region_id) for region_id in sorted(self.project.regions)}
            _INHERITED.clear()
            _INHERITED[(self.root, self.command == "serve")] = self.project
            published = (
                {region_id: str(self.final_site_dir / region_id) for region_id in targets}
                if self.final_site_dir is not None
                else None
            )
            failures = build_regions(str(config.config_file_path), targets, self.config.workers, published)
            if failures:
                for region_id, message in sorted(failures.items()):
                    log.error(f"område {region_id}: {message}")
                raise PluginError(
                    f"{len(failures)} av {len(targets)} områder kunne ikke bygges; ingenting er publisert."
                )
            root_site.write_sitemap_index(site_dir, config, sorted(self.project.regions))
            if self.config.cache and self.command == "build":
                removed = cache_store.prune(self.cache_file, CACHE_TABLES, cache_store.build_stamp())
                if removed:
                    log.info(f"{removed} utdaterte oppføringer fjernet fra {self.cache_file.name}")
        self.succeeded = True

    def _carry_state(self) -> None:
        """Take the skipped pages' search entries and issues from the last build; remember this one."""
        state = self.state
        assert state is not None and self.region_id is not None
        documents = {f.src_uri for f in self.files.documentation_pages()}
        for path in documents - set(self.search_entries):
            self.search_entries[path] = state.search_entries.get(path, [])
        for path, html in state.newsletter_html.items():
            if path in documents:
                self.newsletter_html.setdefault(path, html)
        state.fingerprints = dict(self.fingerprints)
        state.output_hashes = dict(self.output_hashes)
        state.search_entries = {path: self.search_entries[path] for path in documents}
        state.newsletter_html = dict(self.newsletter_html)
        state.cache_keys = dict(self.cache_keys)
        if self.published_dir is None:  # make serve: the output folder is the same every time
            written = {f.abs_dest_path for f in self.files}
            for gone in state.written - written:
                if os.path.isfile(gone):
                    os.remove(gone)
            state.written = written
        elif self.state_store is not None:
            # Saved before MkDocs' last checks: should they fail, the published pages
            # do not match the saved hashes, and the next build rebuilds them.
            key = incremental.build_state_key(self.region_id, self.published_dir)
            self.state_store.put(key, state.to_json())

    def on_build_error(self, *, error: Exception) -> None:
        self.failed = True
        if self.state is not None and self.published_dir is None:
            self.state.fingerprints.clear()  # this preview may have written some pages: write all next time
        if self.staging_dir is not None:
            staging.discard(self.staging_dir)

    def on_shutdown(self) -> None:
        if self.staging_dir is None or self.final_site_dir is None:
            return
        if self.succeeded and not self.failed and self.staging_dir.exists():
            staging.swap_in(self.staging_dir, self.final_site_dir)
            log.info(f"Nettstedet er publisert i {self.final_site_dir}")
        else:
            staging.discard(self.staging_dir)
