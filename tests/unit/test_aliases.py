"""Old addresses in front matter (``aliases:``): the field, the checks across files, and what the build gets."""

from __future__ import annotations

from pathlib import Path

import pytest
from kompetansebroen.content_types.registry import content_type, content_types
from kompetansebroen.content_types.spec import Vocabulary
from kompetansebroen.frontmatter.yaml_source import compose
from kompetansebroen.listings.pages import all_generated_paths
from kompetansebroen.model.documents import Kind
from kompetansebroen.model.topics import Topic, TopicRegistry
from kompetansebroen.output.publishing import old_addresses
from kompetansebroen.output.publishing.site_finish import old_addresses_of
from kompetansebroen.problems import Problem
from kompetansebroen.project.loader import Project, load_project
from kompetansebroen.text.old_paths import OldPathError, normalised

from tests.support.problems import only_problem

TOPICS = TopicRegistry(Topic(name, "") for name in ("Helsefellesskap", "Kompetanse"))
REGIONS = ["nord", "sor"]


def schema(*, shared: bool = True):
    return content_type(Kind.ARTICLE).schema(Vocabulary(tuple(TOPICS.names())), REGIONS, shared=shared)


def read(text: str):
    root, error = compose(text)
    assert error is None, error
    return schema().read(root)


ARTICLE = 'title: "T"\ndate: 2024-01-02\ndescription: "D"\n'


# -- the rule ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/article/legemiddelgjennomgang", "/article/legemiddelgjennomgang"),
        ("/article/legemiddelgjennomgang/", "/article/legemiddelgjennomgang"),
        ("/podkast", "/podkast"),
        ("/Article/Sak_2019.html", "/Article/Sak_2019.html"),
    ],
)
def test_an_old_address_is_kept_without_its_trailing_slash(text: str, expected: str) -> None:
    assert normalised(text) == expected


@pytest.mark.parametrize(
    ("text", "problem", "suggestion"),
    [
        ("https://kompetansebroen.no/article/x?o=ahus", "full nettadresse", "/article/x"),
        ("//kompetansebroen.no/article/x", "full nettadresse", "/article/x"),
        ("/article/x?o=ahus", "? eller #", "/article/x"),
        ("/article/x#bakgrunn", "? eller #", "/article/x"),
        ("article/x", "må begynne med /", "/article/x"),
        ("/article/to ord", "mellomrom", "/article/to-ord"),
        ("/", "forsiden", None),
        ("/article/../x", "tomme ledd", None),
        ("/article//x", "tomme ledd", None),
        ("/article/blå", "bokstavene a–z", None),
        ("/article/bl%C3%A5", "%-koder", None),
        ("/article/x/index.html", "index.html", "/article/x"),
        ("/index.html", "index.html", None),
        ("/sitemap.xml.gz", ".gz", None),
    ],
)
def test_what_is_not_an_old_address_says_why_and_what_to_write(
    text: str, problem: str, suggestion: str | None
) -> None:
    with pytest.raises(OldPathError) as caught:
        normalised(text)
    assert problem in caught.value.problem
    assert caught.value.suggestion == suggestion


def test_the_web_servers_rules_refuse_exactly_what_front_matter_refuses() -> None:
    with pytest.raises(ValueError, match="skriv for eksempel /article/x"):
        old_addresses.normalise_path("https://kompetansebroen.no/article/x")
    assert old_addresses.normalise_path("/article/x/") == "/article/x"


# -- the field ------------------------------------------------------------------------------------


def test_every_content_type_has_aliases_in_content_and_in_a_region() -> None:
    for declared in content_types():
        for shared in (True, False):
            built = declared.schema(Vocabulary(tuple(TOPICS.names())), REGIONS, shared=shared)
            assert "aliases" in built.fields, declared.kind


def test_aliases_are_read_normalised_with_the_line_of_each_item() -> None:
    reading = read(ARTICLE + "aliases:\n  - /article/a/\n  - /article/b\n")
    assert reading.problems == []
    assert reading.values["aliases"] == ("/article/a", "/article/b")
    assert (reading.lines["aliases"], reading.lines["aliases[0]"], reading.lines["aliases[1]"]) == (4, 5, 6)


@pytest.mark.parametrize(
    ("value", "line", "fragment"),
    [
        (
            "\n  - https://kompetansebroen.no/article/x",
            5,
            "er en full nettadresse, men bare stien hører hjemme her; skriv /article/x",
        ),
        ("\n  - /article/ok\n  - /article/x?o=ahus", 6, "skriv /article/x"),
        ("[article/x]", 4, "«article/x» må begynne med /; skriv /article/x"),
        ("\n  - /nord/artikler/x", 5, "er i mappen til område nord, der nettstedet lager adressene selv"),
        ("[/assets/x]", 4, "er i mappen assets/"),
        ("[/favoritter/]", 4, "er i «Mine favoritter»"),
        ("\n  - /article/x\n  - /article/x/", 6, "«/article/x/» står to ganger; fjern den ene"),
        ("/article/x", 4, "forventet en liste, fant tekst; skriv aliases: [/article/x]"),
        ("", 4, "er tom; skriv en liste"),
        ("\n  - /article/blå", 5, "skriv stien fra roten slik det forrige nettstedet hadde den"),
    ],
)
def test_a_bad_alias_is_one_problem_on_its_own_line(value: str, line: int, fragment: str) -> None:
    problems = read(ARTICLE + f"aliases: {value}\n").problems
    assert len(problems) == 1, problems
    assert (problems[0].line, problems[0].field) == (line, "aliases")
    assert fragment in problems[0].message


def test_an_editors_other_name_for_the_field_gets_a_suggestion() -> None:
    problems = read(ARTICLE + "redirect_from: [/article/x]\n").problems
    assert [(p.field, p.message) for p in problems] == [("redirect_from", "ukjent felt; mente du «aliases»?")]


# -- across files, and what the build gets ---------------------------------------------------------


class Repo:
    """A small repository in a temporary folder: two regions and a few articles."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for region_id in REGIONS:
            self.write(f"regions/{region_id}/region.yml", f'name: "{region_id}"\nhospital: "Sykehus"\n')
        self.article("content/artikler/felles.md")
        self.article("content/artikler/bare-nord.md", "regions: [nord]")
        self.article("regions/sor/artikler/lokal.md")

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def article(self, rel: str, extra: str = "") -> None:
        self.write(rel, f"---\n{ARTICLE}{extra}\n---\n\nTekst.\n")

    def load(self) -> tuple[Project, list[Problem]]:
        project, problems = load_project(self.root, TOPICS, generated_paths=all_generated_paths(TOPICS))
        return project, list(problems)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    return Repo(tmp_path)


def test_an_alias_leads_to_its_page_in_every_region_that_shows_it(repo: Repo) -> None:
    repo.article("content/artikler/felles.md", "aliases:\n  - /article/felles")
    repo.article("content/artikler/bare-nord.md", "regions: [nord]\naliases: [/article/nord]")
    repo.article("regions/sor/artikler/lokal.md", "aliases: [/article/lokal/]")
    project, problems = repo.load()
    assert problems == []
    assert [(a.path, a.target, a.regions, a.title) for a in old_addresses_of(project)] == [
        ("/article/felles", "artikler/felles/", ("nord", "sor"), "T"),
        ("/article/lokal", "artikler/lokal/", ("sor",), "T"),
        ("/article/nord", "artikler/bare-nord/", ("nord",), "T"),
    ]


def test_a_regions_copy_of_a_shared_page_may_keep_its_alias_and_one_without_drops_that_region(
    repo: Repo,
) -> None:
    repo.article("content/artikler/felles.md", "aliases: [/article/felles]")
    repo.article("regions/sor/artikler/felles.md", "aliases: [/article/felles]")
    project, problems = repo.load()
    assert problems == []
    assert [(a.path, a.regions) for a in project.aliases()] == [("/article/felles", ("nord", "sor"))]

    repo.article("regions/sor/artikler/felles.md")
    project, problems = repo.load()
    assert problems == []
    assert [(a.path, a.regions) for a in project.aliases()] == [("/article/felles", ("nord",))]


def test_two_pages_claiming_one_alias_are_one_problem_naming_both_files(repo: Repo) -> None:
    repo.article("content/artikler/felles.md", "aliases:\n  - /article/a\n  - /article/x")
    repo.article("regions/sor/artikler/lokal.md", "aliases: [/article/x/]")
    problem = only_problem(repo.load()[1])
    assert (problem.path, problem.line, problem.field) == ("regions/sor/artikler/lokal.md", 5, "aliases")
    assert problem.message == (
        "«/article/x» er også gammel adresse for content/artikler/felles.md (linje 7); en gammel adresse "
        "kan bare føre til én side, så fjern den fra den ene filen"
    )


@pytest.mark.parametrize(
    ("alias", "fragment"),
    [
        ("/artikler/felles", "er en adresse nettstedet har selv (artikler/felles/ i alle områder)"),
        ("/artikler/lokal/", "er en adresse nettstedet har selv (artikler/lokal/ i område sor)"),
        ("/artikler", "er en adresse nettstedet har selv (artikler/ i alle områder)"),
        ("/tema/kompetanse", "er en adresse nettstedet har selv (tema/kompetanse/ i alle områder)"),
        ("/nyhetsbrev/rss.xml", "er en adresse nettstedet har selv (nyhetsbrev/rss.xml i alle områder)"),
        ("/tilgjengelighet", "er en adresse nettstedet har selv (tilgjengelighet/ i alle områder)"),
        ("/tilgjengelighet/mer", "under en adresse nettstedet har selv (tilgjengelighet/ i alle områder)"),
        ("/artikler/lokal/bilde.png", "under en adresse nettstedet har selv (artikler/lokal/ i område sor)"),
    ],
)
def test_an_alias_may_not_be_an_address_the_site_has_itself(repo: Repo, alias: str, fragment: str) -> None:
    repo.article("content/artikler/bare-nord.md", f"regions: [nord]\naliases: [{alias}]")
    problem = only_problem(repo.load()[1])
    assert (problem.path, problem.line, problem.field) == ("content/artikler/bare-nord.md", 6, "aliases")
    assert fragment in problem.message
    assert "en gammel adresse er en adresse fra det forrige nettstedet, f.eks. /article/" in problem.message
