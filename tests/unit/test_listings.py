"""Listings, hubs, topic pages and the selector, computed from a small two-region tree."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from kompetansebroen.content_types import registry
from kompetansebroen.listings import html_blocks, paths
from kompetansebroen.listings.pages import (
    GeneratedPage,
    article_pages,
    hub_sections,
    newsletter_archive,
    region_pages,
    related_documents,
    topic_pages,
)
from kompetansebroen.model.documents import Kind
from kompetansebroen.model.topics import Topic, TopicRegistry, slugify
from kompetansebroen.project.loader import load_project
from kompetansebroen.selector import selector_links
from kompetansebroen.text.dates import norwegian_date

TOPICS = TopicRegistry(
    [
        Topic("Helsefellesskap", "Samarbeid."),
        Topic("Skrøpelige eldre", "Eldre."),
        Topic("Kompetanse", "Læring."),
    ]
)


def _page(root: Path, path: str, front: str, body: str = "Tekst.\n") -> None:
    file = root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path):
    for region, name in [("nord", "Nord"), ("sor", "Sør")]:
        (tmp_path / "regions" / region).mkdir(parents=True)
        (tmp_path / "regions" / region / "region.yml").write_text(
            f"name: {name}\nhospital: Sykehuset {name}\n", encoding="utf-8"
        )
    _page(
        tmp_path,
        "content/artikler/eldst.md",
        'title: "Eldst"\ndate: 2019-01-05\ndescription: "A & B"\ntags: [Helsefellesskap]',
    )
    _page(
        tmp_path,
        "content/artikler/nyest.md",
        'title: "Nyest"\ndate: 2024-03-01\ndescription: "D"\ntags: [Helsefellesskap, Kompetanse]',
    )
    _page(
        tmp_path,
        "content/artikler/midt.md",
        'title: "Midt"\ndate: 2021-06-30\ndescription: "D"\ntags: [Skrøpelige eldre]',
    )
    _page(
        tmp_path,
        "regions/nord/artikler/lokal.md",
        'title: "Lokal nord"\ndate: 2022-02-02\ndescription: "D"\ntags: [Helsefellesskap]',
    )
    _page(
        tmp_path,
        "content/nyhetsbrev/2023-05.md",
        'title: "Mai 2023"\ndate: 2023-05-01\ndescription: "D"\ntags: [Helsefellesskap]',
    )
    _page(
        tmp_path, "content/nyhetsbrev/2024-02.md", 'title: "Februar 2024"\ndate: 2024-02-01\ndescription: "D"'
    )
    _page(
        tmp_path,
        "content/styrende-dokumenter/gammel.md",
        'title: "Gammel avtale"\ndate: 2012-01-01\nissuer: KS\nurl: https://example.org/a\nstatus: historisk\ntags: [Helsefellesskap]',
    )
    _page(
        tmp_path,
        "content/styrende-dokumenter/ny.md",
        'title: "Ny plan"\ndate: 2020-01-01\nissuer: HOD\nurl: https://example.org/b\ntags: [Helsefellesskap]',
    )
    _page(
        tmp_path,
        "content/helsefellesskap/index.md",
        'title: "Helsefellesskap"\nhub: Helsefellesskap',
        "Felles intro.\n",
    )
    _page(
        tmp_path,
        "regions/sor/helsefellesskap/index.md",
        'title: "Helsefellesskap"\nhub: Helsefellesskap',
        "Sør intro.\n",
    )
    loaded, problems = load_project(tmp_path, TOPICS)
    assert not problems, problems.report()
    return loaded


def declare(monkeypatch, kind: Kind, **changes) -> None:
    """Change one content type's declaration for this test (``list_page``, ``hub`` … as keyword arguments
    holding the changes to make to that part: ``list_page={"per_page": 2}``)."""
    declared = registry.REGISTRY[kind]
    parts = {name: dataclasses.replace(getattr(declared, name), **value) for name, value in changes.items()}
    monkeypatch.setitem(registry.REGISTRY, kind, dataclasses.replace(declared, **parts))


def shown(page: GeneratedPage) -> str:
    """The listing as the page shows it: Markdown with its HTML blocks in place."""
    return html_blocks.put_in_place(page.listing, page.blocks)


def _titles_in_order(markdown: str, titles: list[str]) -> list[str]:
    return sorted((t for t in titles if t in markdown), key=markdown.index)


def test_article_list_is_newest_first_and_scoped_to_the_region(project) -> None:
    nord = shown(article_pages(project.view("nord"), TOPICS)[0])
    sor = shown(article_pages(project.view("sor"), TOPICS)[0])
    titles = ["Nyest", "Lokal nord", "Midt", "Eldst"]
    assert _titles_in_order(nord, titles) == titles
    assert "Lokal nord" not in sor
    assert "A &amp; B" in nord
    assert '<p class="kb-meta">1. mars 2024' in nord
    assert '<h2><a href="nyest/">Nyest</a></h2>' in nord


def test_article_list_is_paginated(project, monkeypatch) -> None:
    declare(monkeypatch, Kind.ARTICLE, list_page={"per_page": 2})
    pages = article_pages(project.view("nord"), TOPICS)
    assert [p.path for p in pages] == [paths.ARTICLES, "artikler/side-2.md"]
    assert "[Eldre artikler →](side-2.md)" in pages[0].listing
    assert "[← Nyere artikler](index.md)" in pages[1].listing


def test_newsletter_archive_groups_by_year_newest_first(project) -> None:
    archive = shown(newsletter_archive(project.view("sor"), TOPICS))
    assert (
        archive.index("## 2024")
        < archive.index("Februar 2024")
        < archive.index("## 2023")
        < archive.index("Mai 2023")
    )
    assert "rss.xml" in archive and "atom.xml" in archive


def test_hub_lists_current_documents_first_and_region_items(project) -> None:
    nord = hub_sections(project.view("nord"), TOPICS, paths.HELSEFELLESSKAP, "Helsefellesskap").shown()
    sor = hub_sections(project.view("sor"), TOPICS, paths.HELSEFELLESSKAP, "Helsefellesskap").shown()
    assert nord.index("Ny plan") < nord.index("Gammel avtale")
    assert "| Historisk |" in nord
    assert "Lokal nord" in nord and "Lokal nord" not in sor
    assert "Mai 2023" in nord and "Februar 2024" not in nord  # only issues with the topic
    assert "[Kompetanse](../tema/kompetanse.md)" in nord  # related topic


def test_region_override_replaces_hub_intro(project) -> None:
    assert "Sør intro." in project.view("sor").documents[paths.HELSEFELLESSKAP].body
    assert "Felles intro." in project.view("nord").documents[paths.HELSEFELLESSKAP].body


def test_topic_pages_count_and_list_per_region(project) -> None:
    index, *pages = topic_pages(project.view("nord"), TOPICS)
    assert (
        "(6)" in index.listing.splitlines()[0]
    )  # Helsefellesskap: 3 articles + issue + 2 documents (+hub page)
    by_slug = {p.path: p for p in pages}
    assert "Midt" in shown(by_slug["tema/skropelige-eldre.md"])
    assert "Lokal nord" in shown(by_slug["tema/helsefellesskap.md"])
    assert '<a href="../../artikler/midt/">Midt</a>' in shown(by_slug["tema/skropelige-eldre.md"])


def test_generated_pages_exist_in_every_region(project) -> None:
    for region in ["nord", "sor"]:
        generated = region_pages(project.view(region), TOPICS, "Kompetansebroen")
        for path in [
            paths.ARTICLES,
            paths.NEWSLETTERS,
            paths.GOVERNING,
            paths.TOPICS,
            paths.ACCESSIBILITY,
            paths.HELSEFELLESSKAP,
        ]:
            assert path in generated


def test_related_documents_share_topics_and_stay_in_region(project) -> None:
    view = project.view("sor")
    related = related_documents(view, view.documents["artikler/nyest.md"])
    assert len(related) <= 3
    assert all("Helsefellesskap" in d.tags or "Kompetanse" in d.tags for d in related)
    assert all(d.origin in (None, "sor") for d in related)


def test_selector_links_same_page_or_home(project) -> None:
    pages = {r: set(v.documents) for r, v in project.views().items()}
    links = {
        link.region.id: link for link in selector_links("artikler/lokal.md", "nord", project.regions, pages)
    }
    assert links["nord"].url == "nord/artikler/lokal/" and links["nord"].current
    assert links["sor"].url == "sor/" and not links["sor"].same_page
    shared = {
        link.region.id: link.url
        for link in selector_links("artikler/midt.md", "nord", project.regions, pages)
    }
    assert shared == {"nord": "nord/artikler/midt/", "sor": "sor/artikler/midt/"}


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Skrøpelige eldre", "skropelige-eldre"),
        ("Primærhelseteam", "primaerhelseteam"),
        ("Barn og unge", "barn-og-unge"),
        ("Å", "a"),
    ],
)
def test_topic_slugs_are_ascii(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_norwegian_dates() -> None:
    import datetime as dt

    assert norwegian_date(dt.date(2020, 6, 30)) == "30. juni 2020"
    assert norwegian_date(dt.date(2024, 3, 14)) == "14. mars 2024"


def test_generated_paths_match_the_generated_pages(project, monkeypatch) -> None:
    from kompetansebroen.listings.pages import generated_paths

    declare(monkeypatch, Kind.ARTICLE, list_page={"per_page": 2})
    for region in ["nord", "sor"]:
        view = project.view(region)
        assert generated_paths(view, TOPICS) == set(region_pages(view, TOPICS, "Kompetansebroen"))


def test_hub_shows_the_newest_articles_and_links_to_the_rest(project, monkeypatch) -> None:
    declare(monkeypatch, Kind.ARTICLE, hub={"count": 1})
    hub = hub_sections(project.view("nord"), TOPICS, paths.HELSEFELLESSKAP, "Helsefellesskap").shown()
    assert "Nyest" in hub and "Eldst" not in hub
    assert "[Alle 3 fagartikler om helsefellesskap](../tema/helsefellesskap.md)" in hub


def test_governing_list_links_each_document_itself(project) -> None:
    from kompetansebroen.listings.pages import governing_page

    listing = governing_page(project.view("nord"), TOPICS).listing
    assert "| [Åpne](https://example.org/b) |" in listing
    assert "[Ny plan](ny.md)" in listing


def test_topic_pages_are_paginated_by_articles(project, monkeypatch) -> None:
    declare(monkeypatch, Kind.ARTICLE, list_page={"per_page": 2})
    _index, *pages = topic_pages(project.view("nord"), TOPICS)
    by_path = {p.path: p for p in pages}
    first, second = by_path["tema/helsefellesskap.md"], by_path["tema/helsefellesskap/side-2.md"]
    assert _titles_in_order(shown(first), ["Nyest", "Lokal nord"]) == ["Nyest", "Lokal nord"]
    assert "Eldst" in shown(second) and "Eldst" not in shown(first)
    assert "## Nyhetsbrev" in first.listing and "## Nyhetsbrev" not in second.listing
    assert "[Eldre artikler →](helsefellesskap/side-2.md)" in first.listing
    assert "[← Nyere artikler](../helsefellesskap.md)" in second.listing


def test_home_shows_the_regions_newest_articles_and_issues(project, monkeypatch) -> None:
    from kompetansebroen.listings.pages import home_sections

    declare(monkeypatch, Kind.ARTICLE, home={"count": 2})
    nord = home_sections(project.view("nord"), TOPICS).shown()
    sor = home_sections(project.view("sor"), TOPICS).shown()
    assert _titles_in_order(nord, ["Nyest", "Lokal nord", "Midt"]) == ["Nyest", "Lokal nord"]
    assert _titles_in_order(sor, ["Nyest", "Lokal nord", "Midt"]) == ["Nyest", "Midt"]
    assert "[Alle fagartikler](artikler/index.md)" in nord
    assert nord.index("Februar 2024") < nord.index("Mai 2023")


def test_listing_blocks_escape_editors_text(tmp_path: Path) -> None:
    from kompetansebroen.model.documents import Document, Kind

    doc = Document(
        path="artikler/x.md",
        origin=None,
        source_file="",
        tree="",
        kind=Kind.ARTICLE,
        meta={"title": 'A <b>"B"</b>', "description": "<script>x</script> & co", "tags": ["Kompetanse"]},
        body="",
    )
    block = html_blocks.items([doc], paths.ARTICLES, TOPICS, 2)
    assert "<b>" not in block and "<script>" not in block
    assert (
        "A &lt;b&gt;&quot;B&quot;&lt;/b&gt;" in block and "&lt;script&gt;x&lt;/script&gt; &amp; co" in block
    )


def test_a_placeholder_without_its_block_is_left_alone() -> None:
    blocks: dict[str, str] = {}
    placeholder = html_blocks.embed("<p>x</p>", blocks)
    assert html_blocks.put_in_place(placeholder, blocks) == "<p>x</p>\n"
    assert html_blocks.put_in_place(placeholder, {}) == placeholder


@pytest.mark.parametrize(
    ("to_path", "start"),
    [
        ("artikler/x.md", "artikler"),
        ("artikler/x.md", "."),
        ("tema/a.md", "artikler"),
        ("tema/a/side-2.md", "tema"),
        ("tema.md", "tema/a"),
        (".", "artikler/x"),
        ("index.md", "tema/helsefellesskap"),
        ("../utenfor.md", "artikler"),
        ("artikler", "artikler"),
        ("a/b/c", "a/b/c/d/e"),
    ],
)
def test_relative_path_agrees_with_posixpath(to_path: str, start: str) -> None:
    import posixpath

    from kompetansebroen.text.urls import relative_path

    assert relative_path(to_path, start) == posixpath.relpath(to_path, start)


@pytest.mark.parametrize(("count", "pages"), [(0, 1), (1, 1), (20, 1), (21, 2), (40, 2), (41, 3)])
def test_pagination_counts_and_cuts_the_same_pages(count: int, pages: int, project) -> None:
    from kompetansebroen.listings.pages import page_count, paginate

    per_page = registry.REGISTRY[Kind.ARTICLE].list_page.per_page
    assert per_page == 20
    items = [project.shared["artikler/eldst.md"]] * count
    chunks = paginate(items, per_page)
    assert page_count(count, per_page) == len(chunks) == pages
    assert [len(chunk) for chunk in chunks[:-1]] == [per_page] * (pages - 1)
    assert sum(len(chunk) for chunk in chunks) == count


def test_placeholders_named_by_place_make_the_same_markdown_in_every_region() -> None:
    """Two regions list different items on the same page: their Markdown is the same once the
    placeholders are named by place, so the page is converted once; each gets its own blocks back."""
    pages = {}
    for region in ("Ahus", "Innlandet og mer"):
        blocks: dict[str, str] = {}
        markdown = (
            "# Alle\n\n"
            + html_blocks.embed(f"<p>{region}</p>", blocks)
            + html_blocks.embed("<p>Felles</p>", blocks)
        )
        pages[region] = (markdown, *html_blocks.named_by_place(markdown, blocks, "artikler/index.md"))
    (ahus_before, ahus, ahus_blocks), (other_before, other, other_blocks) = pages.values()
    assert ahus_before != other_before, "named by content, the two pages differ"
    assert ahus == other
    assert html_blocks.put_in_place(ahus, ahus_blocks) == "# Alle\n\n<p>Ahus</p>\n<p>Felles</p>\n"
    assert (
        html_blocks.put_in_place(other, other_blocks) == "# Alle\n\n<p>Innlandet og mer</p>\n<p>Felles</p>\n"
    )


def test_a_placeholder_of_no_block_is_left_as_the_editor_wrote_it() -> None:
    written = "<!--kb:block:0123456789abcdef-->\n"
    blocks: dict[str, str] = {}
    markdown = written + html_blocks.embed("<p>Liste</p>", blocks)
    renamed, named = html_blocks.named_by_place(markdown, blocks, "tema/index.md")
    assert renamed.startswith(written)
    assert list(named.values()) == ["<p>Liste</p>"]
    assert html_blocks.put_in_place(renamed, named) == written + "<p>Liste</p>\n"
