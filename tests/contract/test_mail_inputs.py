"""The editors' contract for the newsletter as e-mail: what an issue's e-mail edition cannot show,
and region.yml's sign-up and unsubscribe addresses.

Each case makes one mistake in the contract repository; the build and the
check must both fail with one Norwegian message naming the file, the line
and the fix, and the published site must stay as it was. The cases run the
check and the build in the test process (``in_process.py``); these are
refusals of the tree's validation, a phase whose subprocess case is in
``test_bad_inputs.py``. What e-mail can show runs as an editor runs it: a
``mkdocs build`` of every region writes the issue's e-mail edition.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PIL import Image

from tests.support.builds import build_and_check

from .conftest import GoodBuild
from .in_process import InProcess, check_in_process
from .test_bad_inputs import BadInput, assert_reports, assert_site_untouched, edit

N = "content/nyhetsbrev/2024-01-nyhetsbrev.md"
R = "regions/nord/region.yml"
LAST_LINE = "Se [den første artikkelen](../artikler/forste-artikkel.md#bakgrunn).\n"


def append(repo: Path, markdown: str) -> None:
    edit(repo, N, LAST_LINE, LAST_LINE + "\n" + markdown)


def image(repo: Path, alt: str, size: tuple[int, int] = (400, 200), noise: bool = False) -> None:
    """An image beside the issue, and the issue showing it with ``alt``."""
    target = repo / "content/nyhetsbrev/bilder/moete.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    if noise:  # random pixels do not compress: 800 × 600 RGB is about 1.4 MB as PNG
        Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).save(target)
    else:
        Image.new("RGB", size, (0, 94, 130)).save(target)
    append(repo, f"![{alt}](bilder/moete.png)\n")


def video(repo: Path) -> None:
    """A local film beside the issue (the site itself allows it), embedded in the issue."""
    (repo / "content/nyhetsbrev/film.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    append(repo, 'Se filmen her: <video controls src="film.mp4"></video>\n')


WIDE_TABLE = (
    "| Kommune | Innbyggere | Legevakt | Fastleger | Helsestasjon | Kommunepsykolog | Hjemmesykepleie |\n"
    "| --- | --- | --- | --- | --- | --- | --- |\n"
    "| Hamar | 32000 | ja | 30 | ja | ja | ja |\n"
)

CASES = [
    BadInput("issue-raw-html-block",
             lambda r: append(r, "<details>\n<summary>Mer om saken</summary>\n\nTekst.\n\n</details>\n"),
             N, None, "rå HTML (<details>) kan ikke sendes i e-postutgaven"),
    BadInput("issue-embedded-video", video, N, None, "innebygd video (<video>) kan ikke spilles i e-postutgaven"),
    BadInput("issue-table-wider-than-600-px", lambda r: append(r, WIDE_TABLE),
             N, None, "tabellen som begynner med «Kommune | Innbyggere | Legevakt"),
    BadInput("issue-image-without-alt", lambda r: image(r, ""),
             N, None, "bildet «moete.png» mangler alternativ tekst"),
    BadInput("issue-image-over-1-mb", lambda r: image(r, "Møte i helsefellesskapet", (800, 600), noise=True),
             N, None, "bildet «moete.png» er 1,4 MB"),
    BadInput("signup-not-https",
             lambda r: edit(r, R, "municipalities: 12", "municipalities: 12\nnewsletter_signup_url: http://nord.example/abonner"),
             R, "newsletter_signup_url", "skriv newsletter_signup_url: https://nord.example/abonner"),
    BadInput("unsubscribe-neither-mailto-nor-https",
             lambda r: edit(r, R, "municipalities: 12", "municipalities: 12\nnewsletter_unsubscribe: avmelding@nord.example"),
             R, "newsletter_unsubscribe", "skriv newsletter_unsubscribe: mailto:avmelding@nord.example"),
]  # fmt: skip


@pytest.mark.parametrize("bad", CASES, ids=[bad.id for bad in CASES])
def test_an_issue_or_address_e_mail_cannot_use_fails_build_and_check_with_one_message(
    bad: BadInput, repo: Path, good_build: GoodBuild, in_process: InProcess
) -> None:
    bad.mutate(repo)
    check, build = in_process.check(repo), in_process.build(repo)
    for result in (build, check):
        assert_reports(result, bad.path, bad.field, bad.fragment)
    problem_lines = [line for line in check.output.splitlines() if line.startswith(("content/", "regions/"))]
    assert len(problem_lines) == 1, check.output
    assert problem_lines[0].startswith(f"{bad.path}:"), problem_lines
    assert_site_untouched(repo, good_build)


def test_the_wide_table_is_named_with_its_line_and_width(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    append(repo, WIDE_TABLE)
    check = check_in_process(repo, capsys)
    lines = (repo / N).read_text(encoding="utf-8").splitlines()
    line = lines.index(WIDE_TABLE.splitlines()[0]) + 1
    assert f"{N}:{line}: tabellen som begynner med" in check.output, check.output
    assert "har 7 kolonner og blir minst" in check.output and "600 px" in check.output, check.output


def test_what_e_mail_can_show_is_accepted(repo: Path) -> None:
    """A narrow table, an image with alt text under 1 MB and HTML shown as code pass."""
    append(repo, "| Kommune | Innbyggere |\n| --- | --- |\n| Hamar | 32000 |\n\n`<details>` er HTML.\n")
    image(repo, "Møte i helsefellesskapet")
    build, check = build_and_check(repo)
    assert check.returncode == 0, check.output
    assert build.returncode == 0, build.output
    edition = repo / "site/nord/nyhetsbrev/2024-01-nyhetsbrev"
    assert {"epost.html", "epost.txt", "nyhetsbrev.eml"} <= {path.name for path in edition.iterdir()}
    assert 'alt="Møte i helsefellesskapet" width="400" height="200"' in (edition / "epost.html").read_text(
        encoding="utf-8"
    )
