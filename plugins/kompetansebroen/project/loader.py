"""Read ``content/`` and ``regions/``, validate every file, and report all problems at once.

Each mistake is reported once, where it is: a page with a broken front matter
is not also reported through every link that points at it, and a link that is
broken in every region is one message, not one per region.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
from collections.abc import Collection, Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import messages
from ..carry_over import CarryOver
from ..content_types.registry import content_type, content_types, kind_of, with_details
from ..content_types.spec import Vocabulary
from ..frontmatter.event_fields import DEFAULT_PROFESSIONS
from ..frontmatter.fields import FoundProblem, Schema
from ..frontmatter.learning_fields import series_schema
from ..frontmatter.media_checks import beside, series_media_problems
from ..frontmatter.schemas import region_schema
from ..frontmatter.splitter import split
from ..frontmatter.yaml_source import compose
from ..model import media
from ..model.documents import Document, Kind
from ..model.learning import PodcastSeries, is_series_file, series_slug_of
from ..model.regions import REGION_ID, Contact, Region
from ..model.topics import TopicRegistry
from ..problems import Problems
from . import links, publishable, security
from .aliases import Alias, aliases_by_path
from .build_date import build_today, date_the_build
from .cross_checks import Checker, check_governing_files
from .email_checks import check_email_bodies
from .event_history import EventHistory
from .image_files import check_image_files
from .page_html_checks import check_rendered_pages
from .podcast_checks import check_podcasts
from .trees import CONTENT_DIR, REGIONS_DIR, Tree
from .views import Asset, RegionView

REGION_FILE = "region.yml"


@dataclass
class Project:
    """All regions and all documents of a repository, validated."""

    root: Path
    topics: TopicRegistry
    regions: dict[str, Region] = field(default_factory=dict)
    shared: dict[str, Document] = field(default_factory=dict)
    regional: dict[str, dict[str, Document]] = field(default_factory=dict)
    shared_assets: dict[str, Asset] = field(default_factory=dict)
    regional_assets: dict[str, dict[str, Asset]] = field(default_factory=dict)
    shared_series: dict[str, PodcastSeries] = field(default_factory=dict)
    """Podcast series of ``content/`` by folder (``podkast/<slug>/serie.yml``)."""
    regional_series: dict[str, dict[str, PodcastSeries]] = field(default_factory=dict)
    professions: tuple[str, ...] = DEFAULT_PROFESSIONS
    """The professions of mkdocs.yml (events' and courses' ``audience``), in its order."""
    today: dt.date | None = None
    """The build date, once the build is dated (build_date.date_the_build); until then the clock's."""
    event_history: EventHistory | None = None
    """The events' revisions from git (event_history.py), read when a calendar first asks."""

    def view(self, region_id: str) -> RegionView:
        """The merged content of one region."""
        today = self.today if self.today is not None else build_today(os.environ)
        view = RegionView(self.regions[region_id], today, professions=self.professions)
        if self.event_history is not None:
            view.revision_of = self.event_history.revision
        for path, doc in self.shared.items():
            if doc.in_region(region_id):
                view.documents[path] = doc
        view.documents.update(self.regional.get(region_id, {}))
        view.assets.update(self.shared_assets)
        view.assets.update(self.regional_assets.get(region_id, {}))
        view.series.update(self.shared_series)
        view.series.update(self.regional_series.get(region_id, {}))
        return view

    def documents(self) -> list[Document]:
        """Every page of every tree."""
        return [*self.shared.values(), *(doc for docs in self.regional.values() for doc in docs.values())]

    def date_the_build(self, environ: MutableMapping[str, str]) -> dt.date:
        """Decide the build date (build_date.py), pinning ``SOURCE_DATE_EPOCH`` in ``environ`` when unset."""
        self.today = date_the_build(self.documents(), environ)
        return self.today

    def read_event_history(self) -> None:
        """Read the events' revisions from git now (event_history.py): once, before regions are built."""
        if self.event_history is not None:
            self.event_history.read()

    def views(self) -> dict[str, RegionView]:
        return {region_id: self.view(region_id) for region_id in self.regions}

    def aliases(self) -> list[Alias]:
        """Every old address (``aliases:``) with its page and the regions that show it, by address.

        Checked when the project was loaded: each leads to one page, so each address is here once.
        """
        views = {region_id: view.documents for region_id, view in self.views().items()}
        return [entries[0] for entries in aliases_by_path(views).values()]


def load_project(
    root: Path | str,
    topics: TopicRegistry,
    *,
    include_drafts: bool = False,
    generated_paths: Collection[str] = (),
    markdown_extensions: Sequence[Any] | None = None,
    markdown_extension_configs: Mapping[str, Any] | None = None,
    professions: Sequence[str] = DEFAULT_PROFESSIONS,
    check_rendered: bool = True,
    home_required: bool = False,
) -> tuple[Project, Problems]:
    """Read and validate the whole tree below ``root``; never raises for editors' mistakes.

    ``professions`` is the controlled list events' ``audience`` takes (mkdocs.yml).

    ``generated_paths`` are pages the build adds to every region (link targets).
    With ``markdown_extensions`` (mkdocs.yml's list), links to ``#anchors`` are
    checked too; without, MkDocs checks them during the build. With them and
    ``check_rendered``, every page is also rendered and what the browser would
    receive is checked against the allow-list (page_html_checks.py); a build
    that checks each page's HTML as MkDocs makes it passes ``check_rendered=False``.
    ``home_required``: every region must have a home page (the build and the check).
    """
    root = Path(root).resolve()
    _READINGS.next_build()
    media.READINGS.next_build()
    problems = Problems()
    project = Project(root, topics, professions=tuple(professions))
    folder_ids = _load_regions(project, problems)

    vocabulary = Vocabulary(tuple(topics.names()), tuple(professions))
    shared = _read_tree(root, root / CONTENT_DIR, None, vocabulary, folder_ids, problems)
    regional = {
        region_id: _read_tree(
            root, root / REGIONS_DIR / region_id, region_id, vocabulary, folder_ids, problems
        )
        for region_id in folder_ids
    }
    for tree in [shared, *regional.values()]:
        for path, doc in list(tree.docs.items()):
            if doc.draft:
                tree.drafts.add(path)
                if not include_drafts:
                    del tree.docs[path]

    project.event_history = EventHistory(
        root,
        {
            (doc.origin, doc.path): _relative(root, Path(doc.source_file))
            for tree in [shared, *regional.values()]
            for doc in tree.docs.values()
            if doc.kind is Kind.EVENT
        },
    )
    project.shared, project.shared_assets = shared.docs, shared.assets
    project.shared_series = shared.series
    for region_id in project.regions:
        project.regional[region_id] = regional[region_id].docs
        project.regional_assets[region_id] = regional[region_id].assets
        project.regional_series[region_id] = regional[region_id].series

    anchors = (
        links.AnchorFinder(markdown_extensions, markdown_extension_configs)
        if markdown_extensions is not None
        else None
    )
    check_governing_files(shared, regional, problems)
    check_image_files(shared, regional, problems)
    check_email_bodies(shared, regional, problems)
    check_podcasts(list(project.regions), project.view, shared, regional, problems)
    Checker(shared, regional, set(generated_paths), anchors, problems, home_required=home_required).run()
    if anchors is not None and check_rendered:
        check_rendered_pages([shared, *regional.values()], anchors, problems)
    return project, problems


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _outside(root: Path, path: Path) -> bool:
    return not path.resolve().is_relative_to(root)


# -- regions -----------------------------------------------------------------------


def region_folders(root: Path) -> list[str]:
    """The regions a command may be asked for: the folders under ``regions/`` with a ``region.yml``.

    Only a name to look for; whether the region is valid is the loader's to say.
    """
    return sorted(path.parent.name for path in (root / REGIONS_DIR).glob(f"*/{REGION_FILE}"))


def _region_id_refusal(name: str) -> str:
    """Why a region folder's name is not an id; with the name to give it when only blanks or breaks are wrong."""
    trimmed = "".join(name.split())
    if trimmed != name and REGION_ID.match(trimmed):
        return messages.region_id_with_blanks(trimmed)
    return messages.REGION_ID_RULE


def _load_regions(project: Project, problems: Problems) -> list[str]:
    """Load every ``regions/<id>/region.yml``; return the ids of all region folders, valid or not."""
    regions_dir = project.root / REGIONS_DIR
    if not regions_dir.is_dir():
        problems.add(REGIONS_DIR, None, "", messages.REGIONS_FOLDER_MISSING)
        return []
    schema = region_schema()
    folder_ids: list[str] = []
    for folder in sorted(regions_dir.iterdir()):
        if folder.name.startswith(".") or not (folder.is_dir() or folder.is_symlink()):
            continue
        rel_folder = _relative(project.root, folder)
        if folder.is_symlink():
            problems.add(rel_folder, None, "", _symlink_message(project.root, folder))
            continue
        if not REGION_ID.match(folder.name):
            problems.add(rel_folder, None, "", _region_id_refusal(folder.name))
            continue
        if (reserved := publishable.region_id_refusal(folder.name)) is not None:
            problems.add(rel_folder, None, "", reserved)
            continue
        folder_ids.append(folder.name)
        region_file = folder / REGION_FILE
        rel = _relative(project.root, region_file)
        if region_file.is_symlink() and _outside(project.root, region_file):
            problems.add(rel, None, "", _symlink_message(project.root, region_file))
            continue
        if not region_file.is_file():
            problems.add(
                rel,
                None,
                "",
                messages.region_file_missing(folder.name),
            )
            continue
        text = _read_text(project.root, region_file, problems)
        if text is None:
            continue
        node, error = compose(text.removeprefix("\ufeff"))
        if error:
            problems.add(rel, error.line, "", error.message)
            continue
        reading = schema.read(node)
        _add_found(problems, rel, reading.problems, line_offset=0)
        if reading.problems:
            continue
        values = reading.values
        contact = values.get("contact") or {}
        project.regions[folder.name] = Region(
            id=folder.name,
            name=values["name"],
            hospital=values["hospital"],
            municipalities=values.get("municipalities"),
            description=values.get("description"),
            contact=Contact(email=contact.get("email"), url=contact.get("url")),
            newsletter_signup_url=values.get("newsletter_signup_url"),
            newsletter_unsubscribe=values.get("newsletter_unsubscribe"),
        )
    if not folder_ids and not problems:
        problems.add(
            f"{REGIONS_DIR}/",
            None,
            "",
            messages.NO_REGIONS_AT_ALL,
        )
    return folder_ids


# -- reading files -----------------------------------------------------------------


def _add_found(problems: Problems, path: str, found: Iterable[FoundProblem], line_offset: int) -> None:
    for item in found:
        line = item.line + line_offset if item.line is not None else None
        problems.add(path, line, item.field, item.message)


def _read_text(root: Path, path: Path, problems: Problems) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.add(_relative(root, path), None, "", messages.file_unreadable(error.strerror))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.add(
            _relative(root, path),
            line,
            "",
            messages.not_utf8(messages.THE_PAGE_ITSELF),
        )
        return None


def _symlink_message(root: Path, path: Path) -> str:
    """Why a symbolic link is refused, in one wording for files, folders and region folders alike.

    No link is followed: one inside the repository can still reach what must
    never be published (``.git/config``).
    """
    the = messages.THE_FOLDER if path.is_dir() else messages.THE_FILE
    if _outside(root, path):
        return messages.symlink_outside(the)
    if not path.exists():
        return messages.SYMLINK_BROKEN
    return messages.symlink_not_published(the)


def _walk(root: Path, tree: Path, problems: Problems) -> Iterable[Path]:
    for directory, subdirs, filenames in os.walk(tree):
        kept = []
        for name in sorted(subdirs):
            if name.startswith("."):
                continue
            path = Path(directory) / name
            if path.is_symlink():
                problems.add(_relative(root, path), None, "", _symlink_message(root, path))
                continue
            kept.append(name)
        subdirs[:] = kept
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(directory) / name


def _read_tree(
    root: Path,
    folder: Path,
    origin: str | None,
    vocabulary: Vocabulary,
    region_ids: list[str],
    problems: Problems,
) -> Tree:
    tree = Tree(origin, folder)
    if not folder.is_dir():
        return tree
    schemas = {
        declared.kind: declared.schema(vocabulary, region_ids, shared=origin is None)
        for declared in content_types()
    }
    schema_key = (vocabulary, tuple(region_ids))
    for path in _walk(root, folder, problems):
        rel_in_tree = path.relative_to(folder).as_posix()
        rel = _relative(root, path)
        if origin is not None and rel_in_tree == REGION_FILE:
            continue
        if path.is_symlink():
            problems.add(rel, None, "", _symlink_message(root, path))
            # A refused page is not reported again through the links to it; a broken link inside
            # the repository, or a file out of it that is no page, has no such links to spare.
            outside = _outside(root, path)
            if rel_in_tree.endswith(".md") if outside else path.exists():
                tree.rejected.add(rel_in_tree)
            continue
        refusal = _publishing_refusal(root, path, rel_in_tree, problems)
        if refusal is not None:
            problems.add(rel, None, "", refusal)
            tree.rejected.add(rel_in_tree)
            continue
        if is_series_file(rel_in_tree):
            series = _read_series(root, tree, path, rel, rel_in_tree, problems)
            if series is not None:
                tree.series[series.slug] = series
            else:
                tree.rejected.add(rel_in_tree)
            continue
        if not publishable.is_page(rel_in_tree):
            tree.assets[rel_in_tree] = Asset(rel_in_tree, origin, str(path), str(folder))
            continue
        doc = _read_page(root, tree, path, rel, rel_in_tree, schemas, schema_key, problems)
        if doc is not None:
            doc = _with_files(tree, path, rel, doc, problems)
        if doc is not None:
            doc = with_details(doc)  # once, after the files it may need (an episode's MP3)
        if doc is None:
            tree.rejected.add(rel_in_tree)
        else:
            tree.docs[rel_in_tree] = doc
    return tree


def _read_series(
    root: Path, tree: Tree, path: Path, rel: str, rel_in_tree: str, problems: Problems
) -> PodcastSeries | None:
    """A podcast series' ``serie.yml``, validated with its cover art; None when it has problems."""
    text = _read_text(root, path, problems)
    if text is None:
        return None
    node, error = compose(text.removeprefix("\ufeff"))
    if error:
        problems.add(rel, error.line, "", error.message)
        return None
    fingerprint = hashlib.sha256(text.encode("utf-8")).hexdigest()
    schema = series_schema()
    reading = schema.read(node, fallback_line=1)
    found = list(reading.problems)
    series = None
    if not found:
        found += series_media_problems(reading.values, reading.lines, beside(path))
        fingerprint = _files_fingerprint(fingerprint, (path.parent / reading.values["image"],))
        series = PodcastSeries.from_meta(
            series_slug_of(rel_in_tree), reading.values, origin=tree.origin, fingerprint=fingerprint
        )
    _add_found(problems, rel, found, line_offset=0)
    return None if found else series


def _files_fingerprint(fingerprint: str, files: Iterable[Path]) -> str:
    """``fingerprint`` with the size and time of each file a page names: a changed MP3 changes the page."""
    digest = hashlib.sha256(fingerprint.encode("utf-8"))
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        digest.update(f"\0{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _with_files(tree: Tree, path: Path, rel: str, doc: Document, problems: Problems) -> Document | None:
    """The page with what its type reads from the files it names (an episode's MP3); None when they fail."""
    rule = content_type(doc.kind).files
    if rule is None:
        return doc
    read = rule(doc.meta, tree.field_lines.get(doc.path, {}), beside(path))
    _add_found(problems, rel, read.problems, line_offset=0)
    if read.problems:
        return None
    return dataclasses.replace(
        doc,
        audio_facts=read.audio_facts,
        transcript_text=read.transcript_text,
        fingerprint=_files_fingerprint(doc.fingerprint, read.files),
    )


def _publishing_refusal(root: Path, path: Path, rel_in_tree: str, problems: Problems) -> str | None:
    """Why the file may not be published (publishable.py), or None; an SVG file is read to be judged."""
    refusal = publishable.path_refusal(rel_in_tree)
    if refusal is None and not publishable.is_page(rel_in_tree):
        refusal = publishable.file_refusal(rel_in_tree)
        if refusal is None and rel_in_tree.lower().endswith(".svg"):
            text = _read_text(root, path, problems)
            refusal = publishable.svg_refusal(text) if text is not None else None
    return refusal


@dataclass(frozen=True)
class _Reading:
    """What reading one page gave: the document (None when rejected), its problems, field lines."""

    document: Document | None
    problems: tuple[FoundProblem, ...]
    field_lines: dict[str, int] | None


# Unchanged pages are not validated again by the next build in this process (mkdocs serve).
_READINGS: CarryOver[tuple[Any, ...], _Reading] = CarryOver()


def _read_page(
    root: Path,
    tree: Tree,
    path: Path,
    rel: str,
    rel_in_tree: str,
    schemas: dict[Kind, Schema],
    schema_key: tuple[Any, ...],
    problems: Problems,
) -> Document | None:
    text = _read_text(root, path, problems)
    if text is None:
        return None
    fingerprint = hashlib.sha256(text.encode("utf-8")).hexdigest()
    key = (str(path), rel_in_tree, tree.origin, str(tree.folder), schema_key, fingerprint)
    reading = _READINGS.get(
        key, lambda: _validate_page(tree, path, rel_in_tree, text, fingerprint, schemas[kind_of(rel_in_tree)])
    )
    _add_found(problems, rel, reading.problems, line_offset=0)
    if reading.field_lines is not None:
        tree.field_lines[rel_in_tree] = reading.field_lines
    return reading.document


def _validate_page(
    tree: Tree, path: Path, rel_in_tree: str, text: str, fingerprint: str, schema: Schema
) -> _Reading:
    """Read one page's front matter and body; problems carry file-relative lines."""
    found: list[FoundProblem] = []
    source = split(text)
    kind = kind_of(rel_in_tree)
    ok = True
    values: dict[str, Any] = {}
    node: yaml.Node | None = None
    field_lines: dict[str, int] | None = None
    if source.unclosed:
        found.append(FoundProblem(1, "", messages.FRONT_MATTER_NOT_CLOSED))
        ok = False
    elif source.front_matter is None and any(spec.required for spec in schema.fields.values()):
        required = [name for name, spec in schema.fields.items() if spec.required]
        message = messages.front_matter_missing(
            content_type(kind).indefinite, messages.listed_with_and(required)
        )
        found.append(FoundProblem(1, "", message))
        ok = False
    elif source.front_matter is not None:
        node, error = compose(source.front_matter)
        if error:
            line = error.line + 1 if error.line is not None else 1
            found.append(FoundProblem(line, "", error.message))
            ok = False
    if ok:
        reading = schema.read(node, fallback_line=0)
        found += [
            FoundProblem(item.line + 1 if item.line is not None else None, item.field, item.message)
            for item in reading.problems
        ]
        ok = not reading.problems
        values = reading.values
        field_lines = {name: line + 1 for name, line in reading.lines.items()}
        if ok:
            for body_check in content_type(kind).body_checks:
                more = body_check(values, field_lines, source.body, source.body_line)
                found += more
                ok = ok and not more
    for line, message in security.scan(source.body):
        found.append(FoundProblem(source.body_line + line - 1, "", message))
        ok = False
    document = None
    if ok:
        document = Document(
            path=rel_in_tree,
            origin=tree.origin,
            source_file=str(path),
            tree=str(tree.folder),
            kind=kind,
            meta=values,
            body=source.body,
            body_line=source.body_line,
            fingerprint=fingerprint,
        )
    return _Reading(document, tuple(found), field_lines)


# -- checks across files -------------------------------------------------------------


__all__ = ["CONTENT_DIR", "REGIONS_DIR", "REGION_FILE", "Project", "load_project"]
