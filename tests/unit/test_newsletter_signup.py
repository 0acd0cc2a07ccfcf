"""«Abonner på nyhetsbrevet»: region.yml's sign-up and unsubscribe addresses, the archive's and the hub's box."""

from __future__ import annotations

from pathlib import Path

import pytest
from kompetansebroen.listings import html_blocks, paths
from kompetansebroen.listings.pages import hub_sections, newsletter_archive
from kompetansebroen.model.topics import Topic, TopicRegistry
from kompetansebroen.project.loader import load_project

TOPICS = TopicRegistry([Topic("Helsefellesskap", "Samarbeid.")])
SIGNUP = "https://nyhetsbrev.nord.example/abonner"


def _region(root: Path, region: str, extra: str = "") -> None:
    folder = root / "regions" / region
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "region.yml").write_text(
        f"name: {region.capitalize()}\nhospital: Sykehuset {region.capitalize()}\n{extra}", encoding="utf-8"
    )


@pytest.fixture
def project(tmp_path: Path):
    _region(
        tmp_path, "nord", f"newsletter_signup_url: {SIGNUP}\nnewsletter_unsubscribe: mailto:av@nord.example\n"
    )
    _region(tmp_path, "sor")
    issue = tmp_path / "content/nyhetsbrev/2024-05.md"
    issue.parent.mkdir(parents=True)
    issue.write_text(
        '---\ntitle: "Mai"\ndate: 2024-05-01\ndescription: "D"\ntags: [Helsefellesskap]\n---\n\nTekst.\n',
        encoding="utf-8",
    )
    project, problems = load_project(tmp_path, TOPICS)
    assert list(problems) == []
    return project


def test_region_yml_gives_the_addresses(project) -> None:
    assert project.regions["nord"].newsletter_signup_url == SIGNUP
    assert project.regions["nord"].newsletter_unsubscribe == "mailto:av@nord.example"
    assert project.regions["sor"].newsletter_signup_url is None
    assert project.regions["sor"].newsletter_unsubscribe is None


def _archive(project, region: str) -> str:
    page = newsletter_archive(project.view(region), TOPICS)
    return html_blocks.put_in_place(page.listing, page.blocks)


def test_the_archive_links_the_sign_up_page_and_the_feeds(project) -> None:
    nord, sor = _archive(project, "nord"), _archive(project, "sor")
    for archive in (nord, sor):
        assert '!!! abstract "Abonner på nyhetsbrevet"' in archive
        assert "[RSS](rss.xml)" in archive and "[Atom](atom.xml)" in archive
    assert f"[Abonner på nyhetsbrevet]({SIGNUP})" in nord
    assert "e-post" in nord
    assert SIGNUP not in sor and "https://" not in sor


def test_the_hub_has_the_same_box(project) -> None:
    nord = hub_sections(project.view("nord"), TOPICS, paths.HELSEFELLESSKAP, "Helsefellesskap").shown()
    sor = hub_sections(project.view("sor"), TOPICS, paths.HELSEFELLESSKAP, "Helsefellesskap").shown()
    assert f"[Abonner på nyhetsbrevet]({SIGNUP})" in nord
    assert '!!! abstract "Abonner på nyhetsbrevet"' in sor and SIGNUP not in sor
    assert "[RSS](../nyhetsbrev/rss.xml)" in sor
    assert sor.count("rss.xml") == 1  # the feeds once, in the box


def test_a_line_break_cannot_reach_the_mail_header(tmp_path: Path) -> None:
    _region(
        tmp_path,
        "nord",
        'newsletter_unsubscribe: "mailto:av@nord.example?subject=Av\\nBcc: alle@nord.example"\n',
    )
    _, problems = load_project(tmp_path, TOPICS)
    (problem,) = [str(problem) for problem in problems]
    assert problem.startswith(
        "regions/nord/region.yml:3: newsletter_unsubscribe: «mailto:av@nord.example?subject=Av"
    )
    assert "har mellomrom eller linjeskift" in problem


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "newsletter_signup_url: http://nyhetsbrev.nord.example/abonner",
            "newsletter_signup_url: «http://nyhetsbrev.nord.example/abonner» er ikke en sikker adresse (https); "
            "leserne skriver e-postadressen sin der, så skriv "
            "newsletter_signup_url: https://nyhetsbrev.nord.example/abonner",
        ),
        (
            "newsletter_unsubscribe: av@nord.example",
            "newsletter_unsubscribe: «av@nord.example» er verken en mailto:-adresse eller en https-adresse, "
            "som e-postprogrammene trenger for å melde av; skriv newsletter_unsubscribe: mailto:av@nord.example",
        ),
        (
            "newsletter_unsubscribe: http://nord.example/av",
            "newsletter_unsubscribe: «http://nord.example/av» er verken en mailto:-adresse eller en https-adresse, "
            "som e-postprogrammene trenger for å melde av; skriv newsletter_unsubscribe: https://nord.example/av",
        ),
        (
            "newsletter_unsubscribe: mailto:ikke-en-adresse",
            "newsletter_unsubscribe: «ikke-en-adresse» etter mailto: er ikke en e-postadresse; "
            "skriv f.eks. newsletter_unsubscribe: mailto:avmelding@eksempel.no",
        ),
    ],
)
def test_bad_addresses_get_one_message_naming_file_line_and_fix(
    tmp_path: Path, line: str, message: str
) -> None:
    _region(tmp_path, "nord", line + "\n")
    _, problems = load_project(tmp_path, TOPICS)
    assert [str(problem) for problem in problems] == [f"regions/nord/region.yml:3: {message}"]
