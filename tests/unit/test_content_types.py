"""The content type registry: every type declared once, and the rules that read it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from kompetansebroen.content_types.registry import (
    content_type,
    content_type_of,
    content_types,
    kind_of,
    with_details,
)
from kompetansebroen.content_types.spec import Layout, Vocabulary
from kompetansebroen.listings import html_blocks, paths
from kompetansebroen.listings.navigation import section_nav
from kompetansebroen.listings.pages import _LAYOUTS
from kompetansebroen.mkdocs_adapter.page_context import TYPE_CONTEXT, favourite
from kompetansebroen.model.documents import Document, Governing, Kind
from kompetansebroen.model.topics import TopicRegistry


def test_every_kind_is_declared_once() -> None:
    assert [declared.kind for declared in content_types()] == list(
        dict.fromkeys(d.kind for d in content_types())
    )
    assert {declared.kind for declared in content_types()} == set(Kind)
    folders = [declared.folder for declared in content_types() if declared.folder]
    assert len(folders) == len(set(folders))


def test_every_kind_has_a_context_builder_and_every_layout_a_renderer() -> None:
    # What a type adds to its pages' template context is kept by kind in the adapter (it needs the
    # feeds' JSON-LD and the listings, above the registry): a new kind without one fails here.
    assert set(TYPE_CONTEXT) == set(Kind)
    assert set(_LAYOUTS) == set(Layout)


def test_a_types_folder_is_its_kinds_value() -> None:
    folders = {declared.kind: declared.folder for declared in content_types()}
    assert folders[Kind.ARTICLE] == "artikler" and folders[Kind.EPISODE] == "podkast"
    assert folders.pop(Kind.PAGE) is None, "other pages have no folder of their own"
    assert all(folder == kind.value for kind, folder in folders.items())


def _page(src_uri: str, **meta: object) -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), meta=meta)


def test_the_favourite_toggle_follows_the_declarations() -> None:
    assert [d.label for d in content_types() if d.favourite] == [
        "Fagartikkel",
        "Nyhetsbrev",
        "Styrende dokument",
    ]
    assert favourite(_page("styrende-dokumenter/plan.md", date="2024-03-01")) == {
        "type": "Styrende dokument",
        "date": "2024-03-01",
        "shown": "1. mars 2024",  # by text/dates, so that «Mine favoritter» needs no formatter of its own
    }
    assert favourite(_page("arrangementer/fagdag.md", date="2024-03-01")) is None  # not declared
    assert favourite(_page("artikler/x.md")) is None  # no date
    assert favourite(_page("artikler/index.md", date="2024-03-01")) is None  # the list's intro


def test_a_list_item_shows_its_types_item_facts_escaped() -> None:
    meta = {"title": "Plan", "date": None, "issuer": "Helse <Sør-Øst>", "url": "https://x.example/plan.pdf"}
    doc = with_details(Document("styrende-dokumenter/plan.md", None, "", "", Kind.GOVERNING, meta, ""))
    assert doc.governing == Governing(
        "Helse <Sør-Øst>", doc.governing.status, "https://x.example/plan.pdf", None
    )
    assert doc.governing is doc.governing, "built once, when loaded"
    item = html_blocks.items([doc], paths.GOVERNING, TopicRegistry([]), 2)
    assert '<p class="kb-meta">Helse &lt;Sør-Øst&gt;</p>' in item
    article = with_details(Document("artikler/x.md", None, "", "", Kind.ARTICLE, {"title": "X"}, ""))
    assert "kb-meta" not in html_blocks.items([article], paths.ARTICLES, TopicRegistry([]), 2)


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("artikler/x.md", Kind.ARTICLE),
        ("nyhetsbrev/2024-05-x.md", Kind.NEWSLETTER),
        ("styrende-dokumenter/plan.md", Kind.GOVERNING),
        ("artikler/index.md", Kind.PAGE),
        ("artikler/x/index.md", Kind.PAGE),
        ("helsefellesskap/index.md", Kind.PAGE),
        ("index.md", Kind.PAGE),
        ("annet/x.md", Kind.PAGE),
    ],
)
def test_the_top_folder_decides_the_type(path: str, kind: Kind) -> None:
    assert kind_of(path) is kind
    assert content_type_of(path) is content_type(kind)


def test_a_types_schema_has_every_pages_fields_and_its_own() -> None:
    schema = content_type(Kind.ARTICLE).schema(Vocabulary(("Kompetanse",)), ["ahus"], shared=True)
    assert list(schema.fields)[:4] == ["tags", "draft", "aliases", "regions"]
    assert {"title", "date", "description", "authors", "image", "image_alt"} <= set(schema.fields)
    regional = content_type(Kind.ARTICLE).schema(Vocabulary(("Kompetanse",)), ["ahus"], shared=False)
    assert "regions" not in regional.fields and "regions" in regional.misplaced


def test_list_pages_and_navigation_follow_the_declarations() -> None:
    articles = content_type(Kind.ARTICLE).list_page
    assert articles is not None and articles.layout is Layout.PAGES and articles.per_page == 20
    assert paths.ARTICLES == articles.path == "artikler/index.md"
    assert (paths.RSS, paths.ATOM) == ("nyhetsbrev/rss.xml", "nyhetsbrev/atom.xml")
    titles = [title for entry in section_nav() for title in entry]
    assert titles[:4] == ["Forside", "Fagartikler", "Nyhetsbrev", "Styrende dokumenter"]
    assert titles[-2:] == ["Helsefellesskap", "Tema"]
