"""mkdocs.yml is read one way: the check refuses what the build refuses, in the editors' words."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from kompetansebroen.cli import check
from kompetansebroen.settings import SettingsError, load_settings
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from tests.support.repos import edit as edit_file

REPO = Path(__file__).resolve().parents[2]
THIRD_TOPIC = "        - name: Psykisk helse og rus\n"
THIRD_DESCRIPTION = "          description: Personer med alvorlige psykiske lidelser og rusavhengighet.\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A small repository with the project's own mkdocs.yml: one region, a home page and an article."""
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    write(tmp_path, "regions/nord/region.yml", 'name: "Nord"\nhospital: "Sykehuset Nord"\n')
    write(tmp_path, "content/index.md", "---\ntitle: Forside\n---\n\nVelkommen. [Artikkel](artikler/a.md).\n")
    write(
        tmp_path,
        "content/artikler/a.md",
        '---\ntitle: "A"\ndate: 2024-01-02\ndescription: "Om A"\n---\n\n## Bakgrunn\n\nTekst.\n',
    )
    return tmp_path


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def edit(root: Path, old: str, new: str) -> None:
    """One edit in ``root``'s mkdocs.yml."""
    edit_file(root, "mkdocs.yml", old, new)


def refusal(repo: Path) -> str:
    with pytest.raises(SettingsError) as raised:
        load_settings(repo / "mkdocs.yml")
    return str(raised.value)


def test_the_project_settings_are_the_ones_mkdocs_builds_with(repo: Path) -> None:
    settings = load_settings(repo / "mkdocs.yml")
    built = load_config(str(repo / "mkdocs.yml"))
    assert settings.topics.names()[:3] == ["Helsefellesskap", "Barn og unge", "Psykisk helse og rus"]
    assert settings.topics.get("Kompetanse").description == "Kompetansedeling mellom sykehus og kommuner."
    assert list(settings.markdown_extensions) == built.markdown_extensions
    assert settings.markdown_extension_configs == built.mdx_configs
    assert settings.markdown_extensions[:3] == ("toc", "tables", "fenced_code")
    assert "pymdownx.details" in settings.markdown_extensions
    assert settings.checks_anchors and settings.anchor_extensions == settings.markdown_extensions
    assert (settings.region, settings.workers, settings.cache) == (None, 0, True)


def test_a_topic_without_description_fails_the_check_as_it_fails_the_build(
    repo: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    edit(repo, THIRD_TOPIC + THIRD_DESCRIPTION, THIRD_TOPIC)

    assert check(repo, repo / "mkdocs.yml") == 2
    output = capsys.readouterr()
    assert (
        output.err.strip() == "mkdocs.yml: plugins → kompetansebroen → topics: tema nr. 3 mangler description"
    )
    assert "Traceback" not in output.err and output.out == ""

    with caplog.at_level(logging.ERROR, logger="mkdocs.config"), pytest.raises(Abort):
        load_config(str(repo / "mkdocs.yml"))
    assert "tema nr. 3 mangler description" in caplog.text, "the build refuses it in the same words"


def test_every_wrong_topic_is_reported_at_once(repo: Path) -> None:
    edit(repo, "          description: Tjenester", "          descripton: Tjenester")
    edit(repo, "        - name: Kompetanse\n", "        - name: Helsefellesskap\n")
    assert refusal(repo).splitlines() == [
        "mkdocs.yml: plugins → kompetansebroen → topics: tema nr. 2: descripton: ukjent felt; mente du «description»?",
        "mkdocs.yml: plugins → kompetansebroen → topics: tema nr. 6: «Helsefellesskap» står allerede "
        "som tema nr. 1; fjern det ene",
    ]


def test_a_topic_name_that_is_not_text_says_to_quote_it(repo: Path) -> None:
    edit(repo, "        - name: Kompetanse\n", "        - name: 2025\n")
    assert refusal(repo).endswith("topics: tema nr. 6: name må være tekst; sett den i anførselstegn")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("      workers: to\n", "plugins → kompetansebroen → workers: må være et heltall"),
        ("      cache: 1\n", "plugins → kompetansebroen → cache: må være true eller false"),
        ("      topic: []\n", "plugins → kompetansebroen → topic: ukjent innstilling; mente du «topics»?"),
    ],
)
def test_other_plugin_options_are_named_too(repo: Path, line: str, expected: str) -> None:
    edit(repo, "      topics:\n", line + "      topics:\n")
    assert refusal(repo) == f"mkdocs.yml: {expected}"


def test_mistakes_outside_the_plugin_are_refused_as_mkdocs_refuses_them(repo: Path) -> None:
    edit(repo, "  - pymdownx.details\n", "  - pymdownx.finnesikke\n")
    message = refusal(repo)
    assert message.startswith("mkdocs.yml: markdown_extensions: MkDocs godtar ikke innstillingen: ")
    assert "pymdownx.finnesikke" in message and len(message.splitlines()) == 1


def test_broken_yaml_names_the_line(repo: Path) -> None:
    edit(repo, "site_name: Kompetansebroen", "site_name: [Kompetansebroen")
    # site_name is line 3; YAML notices the missing ] on the next line.
    assert refusal(repo).startswith("mkdocs.yml:4: ugyldig YAML (expected ',' or ']'")


def test_a_missing_mkdocs_yml_says_where_to_run(tmp_path: Path) -> None:
    with pytest.raises(
        SettingsError, match="mkdocs.yml: filen finnes ikke; kjør kommandoen i repoets rotmappe"
    ):
        load_settings(tmp_path / "mkdocs.yml")


def test_the_check_validates_anchors_with_the_sites_extensions(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        repo,
        "content/artikler/b.md",
        '---\ntitle: "B"\ndate: 2024-01-03\ndescription: "Om B"\n---\n\n'
        "## Del med { #eget-id }\n\nSe [eget](#eget-id), [a](a.md#bakgrunn) og [borte](a.md#borte).\n",
    )
    assert check(repo, repo / "mkdocs.yml") == 1
    errors = capsys.readouterr().err.splitlines()
    assert errors[0].startswith("content/artikler/b.md:9: lenken «a.md#borte» peker på et avsnitt (#borte)")
    assert errors[1:] == ["1 feil funnet; rett dem og kjør sjekken på nytt."]


def test_the_professions_list_is_read_from_mkdocs_yml_and_checked(repo: Path) -> None:
    from kompetansebroen.frontmatter.event_fields import DEFAULT_PROFESSIONS

    assert load_settings(repo / "mkdocs.yml").professions == DEFAULT_PROFESSIONS
    edit(repo, "        - Jordmødre\n", "        - Sykepleiere\n")
    assert "professions: yrkesgruppe nr. 7: «Sykepleiere» står allerede som nr. 1" in refusal(repo)


def test_an_events_audience_takes_the_professions_of_mkdocs_yml(repo: Path) -> None:
    from kompetansebroen.settings import load_content

    edit(repo, "        - Ledere\n", "        - Ledere\n        - Farmasøyter\n")
    event = (
        '---\ntitle: "Kurs"\ndescription: "Om kurset."\nstart: 2024-03-01\nformat: digitalt\n'
        'organiser: "Sykehuset Nord"\naudience: [{}]\n---\n\nTekst.\n'
    )
    write(repo, "content/arrangementer/kurs.md", event.format("Farmasøyter"))
    settings = load_settings(repo / "mkdocs.yml")
    _project, problems = load_content(repo, settings)
    assert not problems, problems.report()
    write(repo, "content/arrangementer/kurs.md", event.format("Farmasøytar"))
    _project, problems = load_content(repo, settings)
    assert "ukjent yrkesgruppe «Farmasøytar»; mente du «Farmasøyter»?" in problems.report()
