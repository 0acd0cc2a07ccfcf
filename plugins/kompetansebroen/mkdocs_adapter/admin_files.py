"""Writes the admin pages of the browser editor into the built site (editor/ makes their content).

* ``/admin/`` (the root build): edits ``content/``; Decap's bundle is copied
  once, to ``/admin/decap/``, for every admin page of the site.
* ``/<id>/admin/`` (each region): edits ``regions/<id>/``; it loads the root's bundle.
* A region previewed alone (``make edit``) also gets the bundle, since nothing
  else serves it there; with ``editor: felles`` its ``/admin/`` edits ``content/``.

Decap's files come from ``node_modules/decap-cms/dist/`` (``npm ci``, see the
Makefile). Without them the reader site is built as usual and one line says so.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path

from .. import messages
from ..content_types.spec import Vocabulary
from ..editor import admin_page
from ..editor.backend import LOCAL, Backend
from ..editor.collections import Scope, preview_types
from ..editor.config import config_text, decap_config
from ..model.documents import Kind
from ..project.loader import Project

log = logging.getLogger("mkdocs.plugins.kompetansebroen")

BUNDLE_SOURCE = Path("node_modules") / "decap-cms" / "dist"
BUNDLE_PATTERNS = ("decap-cms.js", "*.decap-cms.js", "*.wasm", "decap-cms.js.LICENSE.txt")
"""Decap's bundle, the chunks it loads on demand and its licence notice (not its source maps, 30 MB)."""


@dataclass(frozen=True)
class EditorSetup:
    """What the build knows about the browser editor."""

    backend: Backend | None
    """The ``cms`` block; None: local mode only."""
    national_in_preview: bool = False
    """``make edit`` without a region: the preview's ``/admin/`` edits ``content/``."""


def bundle_files(root: Path) -> list[Path]:
    """Decap's files to publish, in a fixed order; empty when ``npm ci`` has not been run."""
    source = root / BUNDLE_SOURCE
    if not (source / admin_page.BUNDLE_FILE).is_file():
        return []
    return sorted({path for pattern in BUNDLE_PATTERNS for path in source.glob(pattern)})


def say_missing(root: Path) -> None:
    log.info(messages.ADMIN_WITHOUT_DECAP)


def scope_of(project: Project, region_id: str | None) -> Scope:
    """What an admin page edits: ``content/`` or ``regions/<id>/``, its podcast series and other pages."""
    if region_id is None:
        documents, series, tree = project.shared, project.shared_series, "content"
    else:
        documents = project.regional.get(region_id, {})
        series, tree = project.regional_series.get(region_id, {}), f"regions/{region_id}"
    pages = sorted(
        (path, str(doc.meta.get("title") or ""))  # not ``doc.title``: that would call a list's intro «Index»
        for path, doc in documents.items()
        if doc.kind is Kind.PAGE and doc.origin == region_id
    )
    return Scope(
        tree=tree,
        region_id=region_id,
        region_ids=tuple(sorted(project.regions)),
        series=tuple((slug, found.title) for slug, found in sorted(series.items())),
        pages=tuple(pages),
    )


def write_admin(
    site_dir: Path,
    admin_path: str,
    project: Project,
    region_id: str | None,
    backend: Backend | None,
    *,
    title: str,
) -> None:
    """``index.html``, ``config.yml`` and ``kb-admin.js`` of one admin page, in ``site_dir/admin/``."""
    vocabulary = Vocabulary(tuple(project.topics.names()), tuple(project.professions))
    scope = scope_of(project, region_id)
    folder = site_dir / admin_page.ADMIN_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    config = decap_config(vocabulary, scope, backend or LOCAL)
    (folder / admin_page.CONFIG_FILE).write_text(config_text(config), encoding="utf-8")
    home = site_dir / "index.html"
    styles = admin_page.stylesheets(home.read_text(encoding="utf-8")) if home.is_file() else []
    page = admin_page.admin_html(
        title, admin_page.bundle_url(admin_path), admin_page.relative_styles(styles), preview_types(scope)
    )
    (folder / "index.html").write_text(page, encoding="utf-8")
    shutil.copyfile(admin_page.SCRIPT_SOURCE, folder / admin_page.SCRIPT_FILE)


def copy_bundle(files: list[Path], site_dir: Path) -> None:
    """Decap's files into ``site_dir/admin/decap/`` (once per site)."""
    target = site_dir / admin_page.ADMIN_FOLDER / admin_page.BUNDLE_FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for source in files:
        shutil.copyfile(source, target / source.name)


def root_admin(site_dir: Path, project: Project, editor: EditorSetup) -> None:
    """The national admin page and the site's one copy of Decap's bundle."""
    files = bundle_files(project.root)
    if not files:
        say_missing(project.root)
        return
    if editor.backend is None:
        log.info(messages.ADMIN_WITHOUT_CMS)
    write_admin(site_dir, "admin/", project, None, editor.backend, title="Redigering – Kompetansebroen")
    copy_bundle(files, site_dir)


def region_admin(
    site_dir: Path, project: Project, region_id: str, editor: EditorSetup, *, preview: bool
) -> None:
    """A region's admin page; in a preview (``make edit``) also the bundle, and the local backend."""
    files = bundle_files(project.root)
    if not files:
        if preview:
            say_missing(project.root)
        return
    region = project.regions[region_id]
    if preview:
        scope_id = None if editor.national_in_preview else region_id
        title = "Redigering – " + ("Kompetansebroen (felles)" if scope_id is None else region.name)
        write_admin(site_dir, "admin/", project, scope_id, LOCAL, title=title)
        copy_bundle(files, site_dir)
        return
    write_admin(
        site_dir,
        f"{region_id}/admin/",
        project,
        region_id,
        editor.backend,
        title=f"Redigering – {region.name}",
    )
