"""Read ``content/`` and ``regions/``, validate every file, and report all problems at once."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..frontmatter.fields import FoundProblem
from ..frontmatter.schemas import page_schema, region_schema
from ..frontmatter.splitter import split
from ..frontmatter.yaml_source import compose
from ..model.documents import Document, Kind, page_url
from ..model.regions import REGION_ID, Contact, Region
from ..model.topics import TopicRegistry
from ..problems import Problems
from . import links, security
from .views import Asset, RegionView

CONTENT_DIR = "content"
REGIONS_DIR = "regions"
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

    def view(self, region_id: str) -> RegionView:
        """The merged content of one region."""
        view = RegionView(self.regions[region_id])
        for path, doc in self.shared.items():
            if doc.regions is None or region_id in doc.regions:
                view.documents[path] = doc
        view.documents.update(self.regional.get(region_id, {}))
        view.assets.update(self.shared_assets)
        view.assets.update(self.regional_assets.get(region_id, {}))
        return view

    def views(self) -> dict[str, RegionView]:
        return {region_id: self.view(region_id) for region_id in self.regions}


def load_project(
    root: Path | str,
    topics: TopicRegistry,
    *,
    include_drafts: bool = False,
    generated_paths: Collection[str] = (),
) -> tuple[Project, Problems]:
    """Read and validate the whole tree below ``root``; never raises for editors' mistakes."""
    root = Path(root).resolve()
    problems = Problems()
    project = Project(root, topics)
    _load_regions(project, problems)
    region_ids = sorted(project.regions)

    docs, assets = _read_tree(root, root / CONTENT_DIR, None, topics, region_ids, problems)
    project.shared, project.shared_assets = docs, assets
    for region_id in region_ids:
        tree = root / REGIONS_DIR / region_id
        docs, assets = _read_tree(root, tree, region_id, topics, region_ids, problems)
        project.regional[region_id], project.regional_assets[region_id] = docs, assets

    if not include_drafts:
        project.shared = {p: d for p, d in project.shared.items() if not d.draft}
        project.regional = {
            r: {p: d for p, d in docs.items() if not d.draft} for r, docs in project.regional.items()
        }

    _check_governing_files(project, problems)
    _check_views(project, problems, generated_paths)
    return project, problems


def _relative(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _load_regions(project: Project, problems: Problems) -> None:
    regions_dir = project.root / REGIONS_DIR
    if not regions_dir.is_dir():
        problems.add(REGIONS_DIR, None, "", "mappen mangler; lag regions/<id>/region.yml for hvert område")
        return
    schema = region_schema()
    for folder in sorted(regions_dir.iterdir()):
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        rel_folder = _relative(project.root, folder)
        if not REGION_ID.match(folder.name):
            problems.add(
                rel_folder,
                None,
                "",
                "mappenavnet er område-id og må bestå av små bokstaver a–z, sifre og bindestrek",
            )
            continue
        region_file = folder / REGION_FILE
        rel = _relative(project.root, region_file)
        if not region_file.is_file():
            problems.add(
                rel_folder,
                None,
                REGION_FILE,
                "mangler; hvert område trenger en region.yml med minst name og hospital",
            )
            continue
        text = _read_text(project.root, region_file, problems)
        if text is None:
            continue
        node, error = compose(text)
        if error:
            problems.add(rel, error.line, "", error.message)
            continue
        values, found = schema.read(node)
        _add_found(problems, rel, found, line_offset=0)
        if found:
            continue
        contact = values.get("contact") or {}
        project.regions[folder.name] = Region(
            id=folder.name,
            name=values["name"],
            hospital=values["hospital"],
            municipalities=values.get("municipalities"),
            description=values.get("description"),
            contact=Contact(email=contact.get("email"), url=contact.get("url")),
        )


def _add_found(problems: Problems, path: str, found: Iterable[FoundProblem], line_offset: int) -> None:
    for item in found:
        line = item.line + line_offset if item.line is not None else None
        problems.add(path, line, item.field, item.message)


def _read_text(root: Path, path: Path, problems: Problems) -> str | None:
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.add(
            _relative(root, path),
            line,
            "",
            "filen er ikke UTF-8; lagre den som UTF-8 (i de fleste redigeringsprogram: «Lagre som» → UTF-8)",
        )
        return None


def _walk(tree: Path) -> Iterable[Path]:
    for directory, subdirs, filenames in os.walk(tree):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(directory) / name


def _read_tree(
    root: Path,
    tree: Path,
    origin: str | None,
    topics: TopicRegistry,
    region_ids: list[str],
    problems: Problems,
) -> tuple[dict[str, Document], dict[str, Asset]]:
    docs: dict[str, Document] = {}
    assets: dict[str, Asset] = {}
    if not tree.is_dir():
        return docs, assets
    schemas = {
        kind: page_schema(kind, topics=topics.names(), region_ids=region_ids, shared=origin is None)
        for kind in Kind
    }
    for path in _walk(tree):
        rel_in_tree = path.relative_to(tree).as_posix()
        rel = _relative(root, path)
        if origin is not None and rel_in_tree == REGION_FILE:
            continue
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root):
                problems.add(
                    rel, None, "", "er en symbolsk lenke som peker ut av repoet; kopier filen inn i stedet"
                )
                continue
        if not path.exists():
            problems.add(rel, None, "", "er en symbolsk lenke som ikke peker på noen fil")
            continue
        if not rel_in_tree.endswith(".md"):
            assets[rel_in_tree] = Asset(rel_in_tree, origin, str(path), str(tree))
            continue
        doc = _read_page(root, tree, path, rel, rel_in_tree, origin, schemas, problems)
        if doc is not None:
            docs[rel_in_tree] = doc
    return docs, assets


def _read_page(
    root: Path,
    tree: Path,
    path: Path,
    rel: str,
    rel_in_tree: str,
    origin: str | None,
    schemas: dict,
    problems: Problems,
) -> Document | None:
    text = _read_text(root, path, problems)
    if text is None:
        return None
    fingerprint = hashlib.sha256(text.encode("utf-8")).hexdigest()
    source = split(text)
    kind = Kind.of(rel_in_tree)
    ok = True
    node: yaml.Node | None = None
    if source.unclosed:
        problems.add(
            rel, 1, "", "front matter er ikke avsluttet; legg til en linje med bare --- etter feltene"
        )
        ok = False
    elif source.front_matter is not None:
        node, error = compose(source.front_matter)
        if error:
            line = error.line + 1 if error.line is not None else 1
            problems.add(rel, line, "", error.message)
            ok = False
    if ok:
        values, found = schemas[kind].read(node)
        _add_found(problems, rel, found, line_offset=1)
        ok = not found
    for line, message in security.scan(source.body):
        problems.add(rel, source.body_line + line - 1, "", message)
        ok = False
    if not ok:
        return None
    return Document(
        path=rel_in_tree,
        origin=origin,
        source_file=str(path),
        tree=str(tree),
        kind=kind,
        meta=values,
        body=source.body,
        body_line=source.body_line,
        fingerprint=fingerprint,
    )


def _tree_of(doc_or_origin: str | None) -> str:
    return CONTENT_DIR if doc_or_origin is None else f"{REGIONS_DIR}/{doc_or_origin}"


def _check_governing_files(project: Project, problems: Problems) -> None:
    """A governing document's ``file`` must exist in the same tree, so it is published with it."""
    for origin, docs in [(None, project.shared), *project.regional.items()]:
        assets = project.shared_assets if origin is None else project.regional_assets.get(origin, {})
        for doc in docs.values():
            target = doc.meta.get("file")
            if doc.kind is not Kind.GOVERNING or not target:
                continue
            resolved = links.resolve(doc.path, target)
            if resolved not in assets:
                problems.add(
                    f"{_tree_of(origin)}/{doc.path}",
                    None,
                    "file",
                    f"«{target}» finnes ikke; legg dokumentet i {_tree_of(origin)}/ og skriv stien "
                    "relativt til denne siden, f.eks. file: vedlegg/plan.pdf",
                )


def _check_views(project: Project, problems: Problems, generated_paths: Collection[str]) -> None:
    """Per region: no two files with one URL, and every relative link points at something."""
    for region_id, view in project.views().items():
        urls: dict[str, str] = {}
        for path, doc in sorted(view.documents.items()):
            url = page_url(path)
            shown = f"{_tree_of(doc.origin)}/{path}"
            if url in urls and urls[url] != shown:
                problems.add(
                    shown,
                    None,
                    "",
                    f"gir samme adresse /{region_id}/{url} som {urls[url]}; gi den ene filen et annet navn",
                )
            urls.setdefault(url, shown)
        known = set(view.documents) | set(view.assets) | set(generated_paths)
        for path, doc in view.documents.items():
            for line, target in links.relative_targets(doc.body):
                resolved = links.resolve(path, target)
                if resolved in known or f"{resolved}/index.md" in known or resolved == ".":
                    continue
                problems.add(
                    f"{_tree_of(doc.origin)}/{path}",
                    doc.body_line + line - 1,
                    "",
                    f"lenken «{target}» peker på en side som ikke finnes i område {region_id}; "
                    "rett lenken eller lag siden",
                )
