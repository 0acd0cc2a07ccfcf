"""The project loader: region views, and every editor mistake reported once, where it is."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from kompetansebroen.listings.pages import all_generated_paths
from kompetansebroen.model.documents import Kind
from kompetansebroen.model.topics import Topic, TopicRegistry
from kompetansebroen.problems import Problem
from kompetansebroen.project.loader import Project, load_project

from tests.support.problems import only_problem
from tests.support.repos import edit

TOPICS = TopicRegistry(
    Topic(name, "")
    for name in ("Helsefellesskap", "Barn og unge", "Kompetanse", "Samhandling", "Akuttmedisin")
)
EXTENSIONS = ["toc", "attr_list", "admonition", "footnotes"]

ARTICLE = 'title: "{title}"\ndate: 2024-01-02\ndescription: "Om {title}"\ntags: [Kompetanse]'


class Tree:
    """A small repository in a temporary folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def page(self, rel: str, front: str | None, body: str = "Tekst.\n") -> Path:
        text = body if front is None else f"---\n{front}\n---\n\n{body}"
        return self.write(rel, text)

    def article(self, rel: str, title: str, body: str = "Tekst.\n", extra: str = "") -> Path:
        return self.page(rel, ARTICLE.format(title=title) + (f"\n{extra}" if extra else ""), body)

    def region(self, region_id: str, name: str | None = None) -> None:
        name = name or region_id.capitalize()
        self.write(f"regions/{region_id}/region.yml", f'name: "{name}"\nhospital: "Sykehuset {name}"\n')

    def edit(self, rel: str, old: str, new: str) -> None:
        edit(self.root, rel, old, new)

    def load(self, **options) -> tuple[Project, list[Problem]]:
        options.setdefault("generated_paths", all_generated_paths(TOPICS))
        project, problems = load_project(self.root, TOPICS, **options)
        return project, list(problems)


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    """Two regions, shared content of every type, an override and a region-only page."""
    tree = Tree(tmp_path)
    tree.region("nord")
    tree.region("sor", "Sør")
    tree.page("content/index.md", 'title: "Forside"', "Velkommen. Les [felles](artikler/felles.md).\n")
    tree.article(
        "content/artikler/felles.md",
        "Felles",
        "## Bakgrunn\n\nSe [planen](../styrende-dokumenter/plan.md) og [tema](../tema/kompetanse.md).\n",
    )
    tree.article("content/artikler/bare-nord.md", "Bare nord", extra="regions: [nord]")
    tree.page(
        "content/nyhetsbrev/2024-01-nyhetsbrev.md",
        'title: "Januar"\ndate: 2024-01-15\ndescription: "Nytt i januar"',
    )
    tree.page(
        "content/styrende-dokumenter/plan.md",
        'title: "Plan"\ndate: 2020-01-01\nissuer: "HOD"\nurl: https://www.regjeringen.no/plan',
    )
    tree.page(
        "content/styrende-dokumenter/avtale.md",
        'title: "Avtale"\ndate: 2019-10-29\nissuer: "KS"\nfile: vedlegg/avtale.pdf\nstatus: historisk',
    )
    tree.write("content/styrende-dokumenter/vedlegg/avtale.pdf", b"%PDF-1.4\n")
    tree.page("content/helsefellesskap/index.md", 'title: "Helsefellesskap"\nhub: Helsefellesskap')
    tree.article("regions/nord/artikler/felles.md", "Felles for nord")
    tree.article("regions/sor/artikler/lokal-sor.md", "Lokal sør", "Se [felles](felles.md).\n")
    return tree


# -- a valid tree and its views -----------------------------------------------------------


def test_valid_tree_loads_without_problems(tree: Tree) -> None:
    project, problems = tree.load()
    assert problems == []
    assert sorted(project.regions) == ["nord", "sor"]
    assert project.regions["sor"].name == "Sør"
    felles = project.shared["artikler/felles.md"]
    assert felles.kind is Kind.ARTICLE
    assert felles.date == dt.date(2024, 1, 2)
    assert felles.tags == ("Kompetanse",)
    assert project.shared["styrende-dokumenter/avtale.md"].kind is Kind.GOVERNING
    assert "styrende-dokumenter/vedlegg/avtale.pdf" in project.shared_assets


def test_a_region_file_replaces_the_shared_one_in_that_region_only(tree: Tree) -> None:
    project, _ = tree.load()
    nord, sor = project.view("nord"), project.view("sor")
    assert nord.documents["artikler/felles.md"].title == "Felles for nord"
    assert nord.documents["artikler/felles.md"].origin == "nord"
    assert sor.documents["artikler/felles.md"].title == "Felles"
    assert sor.documents["artikler/felles.md"].origin is None


def test_regions_field_limits_a_shared_page(tree: Tree) -> None:
    project, _ = tree.load()
    assert "artikler/bare-nord.md" in project.view("nord").documents
    assert "artikler/bare-nord.md" not in project.view("sor").documents


def test_region_only_pages_appear_only_in_their_region(tree: Tree) -> None:
    project, _ = tree.load()
    assert "artikler/lokal-sor.md" in project.view("sor").documents
    assert "artikler/lokal-sor.md" not in project.view("nord").documents


def test_a_fifth_region_is_just_a_folder(tree: Tree) -> None:
    for region_id in ("vest", "ost", "midt"):
        tree.region(region_id)
    project, problems = tree.load()
    assert problems == []
    assert sorted(project.views()) == ["midt", "nord", "ost", "sor", "vest"]
    midt = project.view("midt")
    assert midt.region.hospital == "Sykehuset Midt"
    assert "artikler/felles.md" in midt.documents
    assert "artikler/bare-nord.md" not in midt.documents


def test_region_yml_fields_are_read(tree: Tree) -> None:
    tree.write(
        "regions/nord/region.yml",
        "name: Nord\nhospital: Sykehuset Nord\nmunicipalities: 42\ndescription: Om Nord\n"
        "contact:\n  email: post@nord.example\n",
    )
    project, problems = tree.load()
    assert problems == []
    region = project.regions["nord"]
    assert region.municipalities == 42
    assert region.contact.email == "post@nord.example"


def test_drafts_are_left_out_unless_asked_for(tree: Tree) -> None:
    tree.article("content/artikler/utkast.md", "Utkast", extra="draft: true")
    project, problems = tree.load()
    assert problems == []
    assert "artikler/utkast.md" not in project.shared
    project, _ = tree.load(include_drafts=True)
    assert project.shared["artikler/utkast.md"].draft


def test_a_governing_document_in_a_region_may_use_a_shared_file(tree: Tree) -> None:
    tree.page(
        "regions/nord/styrende-dokumenter/lokal.md",
        'title: "Lokal"\ndate: 2021-01-01\nissuer: "Nord"\nfile: vedlegg/avtale.pdf',
    )
    _, problems = tree.load()
    assert problems == []


# -- each bad input: exactly one problem, with file, line, field and what to write -------------

A = "content/artikler/felles.md"
R = "regions/nord/region.yml"
G = "content/styrende-dokumenter/plan.md"

BAD_INPUTS: list[tuple[str, Callable[[Tree], object], tuple[str, int | None, str, str]]] = [
    (
        "broken-yaml",
        lambda t: t.edit(A, 'title: "Felles"', 'title: "Felles'),
        (A, 2, "", "anførselstegnet er ikke lukket"),
    ),
    (
        "tab-indentation",
        lambda t: t.edit(A, "tags: [Kompetanse]", "tags:\n\t- Kompetanse"),
        (A, 6, "", "tabulator i innrykket"),
    ),
    (
        "unclosed-front-matter",
        lambda t: t.write(A, '---\ntitle: "Felles"\ndate: 2024-01-02\n\nTekst\n'),
        (A, 1, "", "front matter er ikke avsluttet"),
    ),
    (
        "missing-front-matter",
        lambda t: t.write(A, "Bare tekst\n"),
        (A, 1, "", "front matter mangler; en fagartikkel trenger title, date og description"),
    ),
    ("title-no", lambda t: t.edit(A, 'title: "Felles"', "title: no"), (A, 2, "title", 'skriv title: "no"')),
    (
        "sexagesimal-text",
        lambda t: t.edit(A, 'description: "Om Felles"', "description: 12:30"),
        (A, 4, "description", 'skriv description: "12:30"'),
    ),
    (
        "municipalities-octal",
        lambda t: t.write(R, "name: Nord\nhospital: Sykehuset Nord\nmunicipalities: 0150\n"),
        (R, 3, "municipalities", "skriv municipalities: 150"),
    ),
    (
        "municipalities-quoted",
        lambda t: t.write(R, 'name: Nord\nhospital: Sykehuset Nord\nmunicipalities: "012"\n'),
        (R, 3, "municipalities", "municipalities: 12"),
    ),
    (
        "impossible-month",
        lambda t: t.edit(A, "date: 2024-01-02", "date: 2026-13-01"),
        (A, 3, "date", "måned 13 finnes ikke"),
    ),
    (
        "impossible-day",
        lambda t: t.edit(A, "date: 2024-01-02", "date: 2024-02-30"),
        (A, 3, "date", "februar 2024 har 29 dager"),
    ),
    (
        "norwegian-date",
        lambda t: t.edit(A, "date: 2024-01-02", "date: 30.06.2020"),
        (A, 3, "date", "skriv date: 2020-06-30"),
    ),
    (
        "missing-description",
        lambda t: t.edit(A, 'description: "Om Felles"\n', ""),
        (A, 1, "description", "mangler"),
    ),
    (
        "unknown-tag",
        lambda t: t.edit(A, "tags: [Kompetanse]", "tags: [Helsefelleskap]"),
        (A, 5, "tags", "mente du «Helsefellesskap»?"),
    ),
    (
        "unknown-region",
        lambda t: t.edit(A, "tags: [Kompetanse]", "tags: [Kompetanse]\nregions: [nordland]"),
        (A, 6, "regions", "ukjent område «nordland»"),
    ),
    (
        "unknown-key",
        lambda t: t.write(R, "name: Nord\nhospitl: Sykehuset Nord\n"),
        (R, 2, "hospitl", "mente du «hospital»?"),
    ),
    (
        "unknown-page-key",
        lambda t: t.edit(A, 'title: "Felles"', 'titel: "Felles"'),
        (A, 2, "titel", "mente du «title»?"),
    ),
    (
        "region-without-region-yml",
        lambda t: (t.root / R).unlink(),
        (R, None, "", "filen mangler"),
    ),
    (
        "region-yml-without-name",
        lambda t: t.write(R, "hospital: Sykehuset Nord\n"),
        (R, 1, "name", "mangler"),
    ),
    (
        "governing-neither-url-nor-file",
        lambda t: t.edit(G, "url: https://www.regjeringen.no/plan", ""),
        (G, 1, "url", "enten url"),
    ),
    (
        "governing-both-url-and-file",
        lambda t: t.edit(G, "url: https", "file: vedlegg/avtale.pdf\nurl: https"),
        (G, 6, "url", "både url og file"),
    ),
    (
        "governing-file-missing",
        lambda t: t.edit(G, "url: https://www.regjeringen.no/plan", "file: vedlegg/finnes-ikke.pdf"),
        (G, 5, "file", "«vedlegg/finnes-ikke.pdf» finnes ikke"),
    ),
    (
        "link-to-missing-page",
        lambda t: t.edit(A, "## Bakgrunn", "## Bakgrunn\n\nSe [borte](borte.md)."),
        (A, 10, "", "lenken «borte.md» peker på en side som ikke finnes"),
    ),
    (
        "not-utf8",
        lambda t: t.write("content/latin1.md", '---\ntitle: "S\xf8k"\n---\n'.encode("latin-1")),
        ("content/latin1.md", 2, "", "filen er ikke UTF-8"),
    ),
    (
        "symlink-outside",
        lambda t: os.symlink("/etc/hostname", t.root / "content/lekk.md"),
        ("content/lekk.md", None, "", "peker ut av repoet"),
    ),
    (
        "same-url",
        lambda t: t.page("content/artikler/felles/index.md", 'title: "Kollisjon"'),
        ("content/artikler/felles/index.md", None, "", "gir samme adresse (artikler/felles/)"),
    ),
    ("script", lambda t: t.edit(A, "## Bakgrunn", "<script>alert(1)</script>"), (A, 8, "", "<script>")),
    (
        "iframe",
        lambda t: t.edit(A, "## Bakgrunn", '<iframe src="https://x.example/"></iframe>'),
        (A, 8, "", "<iframe>"),
    ),
    ("object", lambda t: t.edit(A, "## Bakgrunn", '<object data="x.swf"></object>'), (A, 8, "", "<object>")),
    ("embed", lambda t: t.edit(A, "## Bakgrunn", '<embed src="x.swf">'), (A, 8, "", "<embed>")),
    (
        "event-handler",
        lambda t: t.edit(A, "## Bakgrunn", '<img src="a.png" alt="" onerror="alert(1)">'),
        (A, 8, "", "onerror="),
    ),
    (
        "javascript-url",
        lambda t: t.edit(A, "## Bakgrunn", "[klikk](javascript:alert(1))"),
        (A, 8, "", "javascript:"),
    ),
    (
        "data-url",
        lambda t: t.edit(A, "## Bakgrunn", "![x](data:image/png;base64,AAAA)"),
        (A, 8, "", "data:"),
    ),
]


@pytest.mark.parametrize(
    ("mutate", "expected"), [case[1:] for case in BAD_INPUTS], ids=[case[0] for case in BAD_INPUTS]
)
def test_each_bad_input_is_exactly_one_problem(tree: Tree, mutate, expected) -> None:
    path, line, field, fragment = expected
    mutate(tree)
    problem = only_problem(tree.load()[1])
    assert (problem.path, problem.line, problem.field) == (path, line, field), str(problem)
    assert fragment in problem.message, str(problem)
    assert ";" in problem.message, "every message says what is expected after «;»"


def test_all_problems_of_the_whole_tree_come_in_one_run(tree: Tree) -> None:
    for mutate, _ in [case[1:] for case in BAD_INPUTS if case[0] in ("title-no", "unknown-key", "script")]:
        mutate(tree)
    tree.page("regions/sor/side.md", "title: 12:30")
    found = {(p.path, p.field) for p in tree.load()[1]}
    assert found == {(A, "title"), (R, "hospitl"), (A, ""), ("regions/sor/side.md", "title")}


# -- one mistake, one message --------------------------------------------------------------------


def test_links_to_a_rejected_page_are_not_reported_as_well(tree: Tree) -> None:
    tree.edit(A, "date: 2024-01-02", "date: 2024-02-30")
    tree.edit(A, 'description: "Om Felles"', "description: 12:30")
    problems = tree.load()[1]
    assert {p.path for p in problems} == {A}
    assert {p.field for p in problems} == {"date", "description"}


def test_a_link_broken_in_every_region_is_one_message_without_regions(tree: Tree) -> None:
    tree.edit("content/index.md", "Velkommen.", "Velkommen. [Borte](borte.md).")
    problem = only_problem(tree.load()[1])
    assert problem.path == "content/index.md"
    assert "område" not in problem.message


def test_a_link_broken_in_some_regions_names_them(tree: Tree) -> None:
    tree.edit("content/index.md", "Velkommen.", "Velkommen. [Nord](artikler/bare-nord.md).")
    problem = only_problem(tree.load()[1])
    assert problem.message.endswith("i område sor")


def test_a_link_from_a_region_page_is_checked_against_that_region(tree: Tree) -> None:
    tree.article("regions/sor/artikler/til-nord.md", "Til nord", "Se [nord](bare-nord.md).\n")
    problem = only_problem(tree.load()[1])
    assert problem.path == "regions/sor/artikler/til-nord.md"
    assert "bare-nord.md" in problem.message


def test_a_link_to_a_draft_says_it_is_a_draft(tree: Tree) -> None:
    tree.article("content/artikler/utkast.md", "Utkast", extra="draft: true")
    tree.edit("content/index.md", "Velkommen.", "Velkommen. [Utkast](artikler/utkast.md).")
    problem = only_problem(tree.load()[1])
    assert "utkast (draft: true)" in problem.message
    assert tree.load(include_drafts=True)[1] == []


def test_an_invalid_region_yml_does_not_make_its_id_unknown_elsewhere(tree: Tree) -> None:
    tree.write(R, "hospital: Sykehuset Nord\n")
    problem = only_problem(tree.load()[1])
    assert (problem.path, problem.field) == (R, "name")


def test_pages_of_a_region_without_region_yml_are_still_checked(tree: Tree) -> None:
    (tree.root / R).unlink()
    tree.page("regions/nord/side.md", "title: no")
    found = {(p.path, p.field) for p in tree.load()[1]}
    assert found == {(R, ""), ("regions/nord/side.md", "title")}


def test_same_url_across_trees_names_the_region(tree: Tree) -> None:
    tree.page("regions/sor/artikler/felles/index.md", 'title: "Kollisjon"')
    problem = only_problem(tree.load()[1])
    assert problem.path == "regions/sor/artikler/felles/index.md"
    assert "content/artikler/felles.md" in problem.message


def test_a_page_may_not_take_the_address_of_a_generated_page(tree: Tree) -> None:
    tree.page("content/tema.md", 'title: "Tema"')
    problem = only_problem(tree.load()[1])
    assert problem.path == "content/tema.md"
    assert "nettstedet lager selv" in problem.message


# -- links ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "fragment"),
    [
        ("../helsefellesskap/", "lenk til filen: ../helsefellesskap/index.md"),
        ("../helsefellesskap", "lenk til filen: ../helsefellesskap/index.md"),
        ("../tema/", "lenk til filen: ../tema/index.md"),
        ("/artikler/felles.md", "skriv en relativ lenke til filen: felles.md"),
        ("bilder/borte.png", "peker på en fil som ikke finnes"),
        ("../../utenfor.md", "peker ut av innholdet"),
    ],
)
def test_links_that_the_build_would_reject(tree: Tree, link: str, fragment: str) -> None:
    tree.edit(A, "## Bakgrunn", f"## Bakgrunn\n\n[lenke]({link})")
    problem = only_problem(tree.load()[1])
    assert (problem.path, problem.line) == (A, 10)
    assert fragment in problem.message


@pytest.mark.parametrize(
    "link",
    [
        "https://www.helsedirektoratet.no/",
        "mailto:post@x.example",
        "../nyhetsbrev/rss.xml",
        "../tema/index.md",
        "../styrende-dokumenter/vedlegg/avtale.pdf",
        "../index.md#velkommen",
        "felles.md?x=1",
        "bare-nord.md",
    ],
)
def test_links_that_work(tree: Tree, link: str) -> None:
    tree.article("content/artikler/lenker.md", "Lenker", f"[lenke]({link})\n", extra="regions: [nord]")
    assert tree.load()[1] == []


def test_links_in_code_are_not_checked(tree: Tree) -> None:
    tree.edit(A, "## Bakgrunn", "## Bakgrunn\n\n`[x](borte.md)`\n\n```\n[y](borte.md)\n```\n")
    assert tree.load()[1] == []


def test_anchors_are_checked_with_the_sites_markdown_extensions(tree: Tree) -> None:
    tree.article(
        "content/artikler/anker.md",
        "Anker",
        "## Første del\n\n## Del med { #eget-id }\n\nSe [første](#frste-del), [eget](#eget-id), "
        "[tittel](#anker), [plan](../styrende-dokumenter/plan.md#plan) og [borte](felles.md#borte).\n",
    )
    problems = tree.load(markdown_extensions=EXTENSIONS)[1]
    problem = only_problem(problems)
    assert problem.path == "content/artikler/anker.md"
    assert "#borte" in problem.message
    assert tree.load()[1] == [], "without the extensions, anchors are left to MkDocs"


def test_missing_anchor_on_the_same_page(tree: Tree) -> None:
    tree.edit(A, "## Bakgrunn", "## Bakgrunn\n\nSe [over](#bakgrunn) og [under](#senere).")
    problem = only_problem(tree.load(markdown_extensions=EXTENSIONS)[1])
    assert "«#senere»" in problem.message and "på denne siden" in problem.message


def test_a_misspelt_anchor_gets_the_slug_python_markdown_makes(tree: Tree) -> None:
    # toc's slugify drops letters without an ASCII form: «Første del» becomes «frste-del».
    tree.edit(A, "## Bakgrunn", "## Første del\n\nSe [over](#forste-del).")
    problem = only_problem(tree.load(markdown_extensions=EXTENSIONS)[1])
    assert "mente du «#frste-del»?" in problem.message


def test_anchor_links_to_an_override_are_checked_per_region(tree: Tree) -> None:
    tree.edit("content/index.md", "Velkommen.", "Velkommen. [B](artikler/felles.md#bakgrunn).")
    problem = only_problem(tree.load(markdown_extensions=EXTENSIONS)[1])
    assert problem.path == "content/index.md"
    assert problem.message.endswith("i område nord")


# -- files on disk -------------------------------------------------------------------------------


def test_a_symlink_inside_the_repository_is_refused_too(tree: Tree) -> None:
    # A link can reach what must never be published (.git/config), so no link is followed.
    os.symlink(tree.root / "content/index.md", tree.root / "content/lenke.md")
    problem = only_problem(tree.load()[1])
    assert problem.path == "content/lenke.md"
    assert "symbolske lenker publiseres ikke" in problem.message


def test_a_broken_symlink_is_reported(tree: Tree) -> None:
    os.symlink(tree.root / "content/borte.md", tree.root / "content/brutt.md")
    problem = only_problem(tree.load()[1])
    assert (problem.path, "ikke peker på noen fil") == ("content/brutt.md", "ikke peker på noen fil")
    assert "ikke peker på noen fil" in problem.message


def test_a_symlinked_folder_is_reported(tree: Tree, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("utenfor")
    (outside / "hemmelig.md").write_text("hemmelig\n", encoding="utf-8")
    os.symlink(outside, tree.root / "content/lenket")
    problem = only_problem(tree.load()[1])
    assert problem.path == "content/lenket"
    assert "peker ut av repoet" in problem.message


def test_a_symlink_is_worded_one_way_for_a_file_and_a_folder(tree: Tree) -> None:
    # Inside the repository, a linked file and a linked folder are the same mistake with the same fix.
    (tree.root / "content/vedlegg").mkdir()
    os.symlink(tree.root / "content/vedlegg", tree.root / "content/mappelenke")
    os.symlink(tree.root / "content/index.md", tree.root / "content/fillenke.md")
    messages = {problem.path: problem.message for problem in tree.load()[1]}
    fix = "er en symbolsk lenke, og symbolske lenker publiseres ikke; kopier {} inn i stedet"
    assert messages == {
        "content/mappelenke": fix.format("mappen"),
        "content/fillenke.md": fix.format("filen"),
    }


def test_broken_symlinks_to_a_file_and_to_a_folder_are_worded_alike(tree: Tree) -> None:
    os.symlink(tree.root / "content/borte", tree.root / "content/brutt-mappe")
    os.symlink(tree.root / "regions/borte", tree.root / "regions/brutt")
    messages = {problem.path: problem.message for problem in tree.load()[1]}
    broken = "er en symbolsk lenke som ikke peker på noen fil eller mappe; fjern den"
    assert messages == {"content/brutt-mappe": broken, "regions/brutt": broken}


def test_a_symlinked_region_folder_is_reported(tree: Tree, tmp_path_factory: pytest.TempPathFactory) -> None:
    outside = tmp_path_factory.mktemp("region")
    (outside / "region.yml").write_text("name: X\nhospital: Y\n", encoding="utf-8")
    os.symlink(outside, tree.root / "regions/lenket")
    project, problems = tree.load()
    assert only_problem(problems).path == "regions/lenket"
    assert "lenket" not in project.regions


def test_a_region_folder_with_a_bad_name_is_reported(tree: Tree) -> None:
    tree.region("Nord-Norge")
    problem = only_problem(tree.load()[1])
    assert problem.path == "regions/Nord-Norge"
    assert "små bokstaver" in problem.message


def test_hidden_files_and_folders_are_ignored(tree: Tree) -> None:
    tree.write("content/.utkast/x.md", "---\ntitle: no\n---\n")
    tree.write("content/.DS_Store", b"\x00\xff")
    assert tree.load()[1] == []


def test_missing_regions_folder_is_one_problem(tmp_path: Path) -> None:
    tree = Tree(tmp_path)
    tree.page("content/index.md", 'title: "Forside"')
    problem = only_problem(tree.load()[1])
    assert problem.path == "regions"


# -- a second load in the same process (mkdocs serve) ---------------------------------------


def test_a_second_load_sees_an_edited_page(tree: Tree) -> None:
    tree.load()
    tree.edit("content/artikler/felles.md", 'title: "Felles"', 'title: "Felles, revidert"')
    project, problems = tree.load()
    assert problems == []
    assert project.shared["artikler/felles.md"].title == "Felles, revidert"


def test_a_second_load_reports_a_mistake_made_since_and_forgets_it_once_mended(tree: Tree) -> None:
    tree.load()
    tree.edit("content/artikler/felles.md", "date: 2024-01-02", "date: 02.01.2024")
    _, problems = tree.load()
    assert only_problem(problems).path == "content/artikler/felles.md"
    _, problems = tree.load()
    assert only_problem(problems).field == "date"  # a reused reading keeps its problem
    tree.edit("content/artikler/felles.md", "date: 02.01.2024", "date: 2024-01-02")
    _, problems = tree.load()
    assert problems == []


def test_a_second_load_checks_links_against_the_new_tree(tree: Tree) -> None:
    tree.load()
    (tree.root / "content/styrende-dokumenter/plan.md").unlink()
    _, problems = tree.load()
    assert "styrende-dokumenter/plan.md" in only_problem(problems).message


def test_a_reused_page_is_checked_against_a_new_topic_list(tree: Tree) -> None:
    tree.load()
    fewer = TopicRegistry(Topic(name, "") for name in ("Helsefellesskap", "Samhandling"))
    _, problems = load_project(tree.root, fewer, generated_paths=all_generated_paths(fewer))
    assert any(p.field == "tags" and "Kompetanse" in p.message for p in problems)
