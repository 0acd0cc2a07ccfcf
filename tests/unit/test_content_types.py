"""The content type registry: every type declared once, and the rules that read it."""

from __future__ import annotations

import pytest
from kompetansebroen.content_types.registry import content_type, content_type_of, content_types, kind_of
from kompetansebroen.content_types.spec import Layout, Vocabulary
from kompetansebroen.listings import paths
from kompetansebroen.listings.navigation import section_nav
from kompetansebroen.model.documents import Kind


def test_every_kind_is_declared_once() -> None:
    assert [declared.kind for declared in content_types()] == list(
        dict.fromkeys(d.kind for d in content_types())
    )
    assert {declared.kind for declared in content_types()} == set(Kind)
    folders = [declared.folder for declared in content_types() if declared.folder]
    assert len(folders) == len(set(folders))


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
