"""One Decap collection per content type, each field with the widget its field class declares.

A field's widget, options, pattern and hint come from the field itself
(``Field.form`` and ``Field.hint`` in frontmatter/), and its label from
``FIELD_LABELS``; nothing here knows a field by name. A new field or type in
the registry is a new form field or collection without a change here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..content_types.registry import content_types
from ..content_types.spec import ContentType, Vocabulary
from ..frontmatter.fields import FIELD_LABELS, Field, Nested
from ..frontmatter.learning_fields import series_fields
from ..frontmatter.schemas import region_schema
from ..model.documents import Kind
from ..model.learning import PODCAST_FOLDER, SERIES_FILE
from ..project.cross_checks import HOME

BODY_FIELD: dict[str, Any] = {
    "label": "Tekst",
    "name": "body",
    "widget": "markdown",
    "required": False,
    "hint": "Sidens tekst. Overskrifter i teksten begynner på nivå 2 (##); tittelen er nivå 1.",
}
"""The Markdown below the front matter: not a front-matter field, so not in the registry."""

ENTRY_MEDIA: dict[str, str] = {"media_folder": "", "public_folder": ""}
"""Files an entry's form uploads are saved beside the entry and named without a folder, as our loader reads them."""


@dataclass(frozen=True)
class Scope:
    """What one admin page edits: ``content/`` (national) or ``regions/<id>/``."""

    tree: str
    """The folder in the repository: ``content`` or ``regions/innlandet``."""
    region_id: str | None
    region_ids: tuple[str, ...]
    """Every region, for a shared page's ``regions``."""
    series: tuple[tuple[str, str], ...] = ()
    """The tree's podcast series as (folder, title): one collection of episodes each."""
    pages: tuple[tuple[str, str], ...] = ()
    """The tree's other pages (home, hubs, list intros) as (path relative to the tree, title)."""

    @property
    def shared(self) -> bool:
        return self.region_id is None


def label_of(name: str) -> str:
    """A field's label in the form; a field without one is shown by its name (the unit test forbids that)."""
    return FIELD_LABELS.get(name, name)


def form_field(name: str, spec: Field) -> dict[str, Any]:
    """One front-matter field as a Decap field: label, name, widget and options, required, hint."""
    described: dict[str, Any] = {"label": label_of(name), "name": name}
    described.update(spec.form())
    described["required"] = spec.required
    if isinstance(spec, Nested):
        described["fields"] = form_fields(spec.schema.fields)
    hint = spec.hint()
    if hint:
        described["hint"] = hint
    return described


def form_fields(fields: Mapping[str, Field]) -> list[dict[str, Any]]:
    return [form_field(name, spec) for name, spec in fields.items()]


def _page_fields(declared: ContentType, vocabulary: Vocabulary, scope: Scope) -> list[dict[str, Any]]:
    """The type's own fields first (title at the top of the form), then those every page has, then the text."""
    schema = declared.schema(vocabulary, scope.region_ids, shared=scope.shared)
    own = declared.fields(vocabulary)
    ordered = {name: schema.fields[name] for name in own} | {
        name: spec for name, spec in schema.fields.items() if name not in own
    }
    return [*form_fields(ordered), dict(BODY_FIELD)]


def _folder_collection(
    declared: ContentType, vocabulary: Vocabulary, scope: Scope, folder: str, name: str, label: str
) -> dict[str, Any]:
    return {
        "name": name,
        "label": label,
        "label_singular": declared.label,
        "folder": f"{scope.tree}/{folder}",
        "create": True,
        "extension": "md",
        "format": "frontmatter",
        "slug": "{{slug}}",
        "identifier_field": "title",
        "summary": "{{title}}",
        **ENTRY_MEDIA,
        "fields": _page_fields(declared, vocabulary, scope),
    }


def type_collections(declared: ContentType, vocabulary: Vocabulary, scope: Scope) -> list[dict[str, Any]]:
    """A type's collections: one for its folder, or one per podcast series for a type a folder deeper."""
    if declared.folder is None:
        return []
    if declared.depth == 1:
        return [
            _folder_collection(declared, vocabulary, scope, declared.folder, declared.folder, declared.plural)
        ]
    return [
        _folder_collection(
            declared,
            vocabulary,
            scope,
            f"{declared.folder}/{slug}",
            f"{declared.folder}-{slug}",
            f"{declared.plural}: {title}",
        )
        for slug, title in scope.series
    ]


SERIES_COLLECTION = "podkastserier"
SERIES_PREVIEW = "serie"
"""The preview of a podcast series' ``serie.yml`` (admin.js), named apart from the types' folders."""
PAGES_COLLECTION = "sider"
PAGE_PREVIEW = "side"
"""The preview of the other pages (admin.js): the title as the page's heading, then the text."""


def preview_types(scope: Scope) -> dict[str, str]:
    """Each collection with a page of its own and the preview that shows it (admin.js): a content
    type's collections by the type's folder, the series by ``serie``, each other page by ``side``:
    ``{"artikler": "artikler", …, "podkast-over-broen": "podkast", "podkastserier": "serie",
    "side-index": "side"}``."""
    types = {
        collection["name"]: declared.folder
        for declared in content_types()
        if declared.folder is not None
        for collection in type_collections(declared, Vocabulary((), ()), scope)
    }
    # Decap looks up a file collection's preview by the file's name, not the collection's.
    pages = {page_entry_name(path): PAGE_PREVIEW for path, _title in scope.pages}
    return types | {SERIES_COLLECTION: SERIES_PREVIEW} | pages


SERIES_ENTRY = SERIES_FILE.removesuffix(".yml")
"""``serie.yml`` without its extension: the last part of a series entry's ``path``."""


def series_collection(scope: Scope) -> dict[str, Any]:
    """The tree's podcast series, one entry per ``podkast/<serie>/serie.yml``: a new entry is a new series.

    A folder collection with ``path: "{{slug}}/serie"`` lists every ``serie.yml``
    a folder down and writes a new one into a folder named by the title's
    slug; ``media_folder: ""`` puts the cover beside it, where the loader
    looks. Deleting is off: it would remove ``serie.yml`` and leave the
    series' episodes without their series, which the check refuses.
    """
    return {
        "name": SERIES_COLLECTION,
        "label": "Podkastserier",
        "label_singular": "Podkastserie",
        "folder": f"{scope.tree}/{PODCAST_FOLDER}",
        "path": "{{slug}}/" + SERIES_ENTRY,
        "create": True,
        "delete": False,
        "extension": "yml",
        "format": "yml",
        "slug": "{{slug}}",
        "identifier_field": "title",
        "summary": "{{title}}",
        **ENTRY_MEDIA,
        "fields": form_fields(series_fields()),
    }


def page_entry_name(path: str) -> str:
    """The name of an other page's entry in the file collection: ``helsefellesskap/index.md`` is
    ``side-helsefellesskap-index``."""
    return "side-" + path.removesuffix(".md").replace("/", "-")


HOME_PAGE_LABEL = "Forsiden"


def page_label(path: str, title: str) -> str:
    """What the list of other pages calls a page: the home page «Forsiden», another by its title (a
    page without one by its file, which is all an editor would know it by)."""
    if path == HOME:
        return HOME_PAGE_LABEL
    return title or path


def pages_collection(vocabulary: Vocabulary, scope: Scope) -> dict[str, Any] | None:
    """The tree's other pages (home page, hubs, the text above a list), editable but not created here:
    the home page first, then the others by the name they are listed by."""
    if not scope.pages:
        return None
    pages = next(declared for declared in content_types() if declared.kind is Kind.PAGE)
    return {
        "name": PAGES_COLLECTION,
        "label": pages.plural,
        "label_singular": pages.label,
        "files": [
            {
                "name": page_entry_name(path),
                "label": page_label(path, title),
                "file": f"{scope.tree}/{path}",
                "format": "frontmatter",
                **ENTRY_MEDIA,
                "fields": _page_fields(pages, vocabulary, scope),
            }
            for path, title in sorted(scope.pages, key=lambda page: (page[0] != HOME, page_label(*page)))
        ],
    }


def region_collection(scope: Scope) -> dict[str, Any] | None:
    """A region's ``region.yml``: its name, hospital and contact."""
    if scope.region_id is None:
        return None
    return {
        "name": "omrade",
        "label": "Området",
        "files": [
            {
                "name": "region",
                "label": "Om området (region.yml)",
                "file": f"{scope.tree}/region.yml",
                "format": "yml",
                "fields": form_fields(region_schema().fields),
            }
        ],
    }


def collections(vocabulary: Vocabulary, scope: Scope) -> list[dict[str, Any]]:
    """Every collection of an admin page, in the order of the section navigation."""
    found: list[dict[str, Any]] = []
    for declared in content_types():
        found += type_collections(declared, vocabulary, scope)
    found.append(series_collection(scope))
    for extra in (pages_collection(vocabulary, scope), region_collection(scope)):
        if extra is not None:
            found.append(extra)
    return found


def form_field_names(collection: Mapping[str, Any]) -> list[list[str]]:
    """The field names of a collection's form(s): one list for a folder, one per file."""
    if "files" in collection:
        return [[field["name"] for field in file["fields"]] for file in collection["files"]]
    return [[field["name"] for field in collection["fields"]]]


__all__: Sequence[str] = [
    "BODY_FIELD",
    "Scope",
    "collections",
    "form_field",
    "form_field_names",
    "label_of",
]
