"""``make newsletter REGION=<id> ISSUE=<fil>``: where the e-mail edition is, or one Norwegian message why not."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from kompetansebroen.cli import newsletter

from tests.conftest import REPO

ISSUE = "2024-05-nyhetsbrev"


def test_prints_the_three_files_and_opens_nothing(
    built_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert newsletter(REPO, built_site, "innlandet", ISSUE) == 0
    out = capsys.readouterr().out
    assert "«Nyhetsbrev for helsefellesskapene – mai 2024» for innlandet" in out
    for name in ("epost.html", "epost.txt", "nyhetsbrev.eml"):
        path = built_site / "innlandet/nyhetsbrev" / ISSUE / name
        assert str(path) in out and path.is_file()


def test_the_file_name_may_end_in_md(built_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert newsletter(REPO, built_site, "ahus", ISSUE + ".md") == 0
    assert "ahus/nyhetsbrev/2024-05-nyhetsbrev/epost.html" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("region", "issue", "code", "message"),
    [
        ("nord", ISSUE, 2, "Området «nord» finnes ikke; områdene er ahus, innlandet, ostfold, vestfold"),
        (
            "innlandet",
            "2099-01",
            2,
            "Nyhetsbrevet «2099-01» finnes ikke for innlandet; utgavene er 2023-03-nyhetsbrev",
        ),
        # A region's own issue is not in another region.
        ("ostfold", "2024-09-innlandet", 2, "Nyhetsbrevet «2024-09-innlandet» finnes ikke for ostfold"),
        ("", "", 2, "Skriv området og utgaven: make newsletter REGION=<id> ISSUE=<fil>"),
    ],
)
def test_a_wrong_region_or_issue_is_one_message(
    built_site: Path, capsys: pytest.CaptureFixture[str], region: str, issue: str, code: int, message: str
) -> None:
    assert newsletter(REPO, built_site, region, issue) == code
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(message), captured.err
    assert captured.err.count("\n") == 1


def test_a_site_not_built_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert newsletter(REPO, tmp_path / "site", "innlandet", ISSUE) == 1
    assert capsys.readouterr().err == (
        "E-postutgaven er ikke bygget ennå; kjør make site (eller make site REGION=innlandet) først\n"
    )


def test_make_newsletter_runs_the_command(built_site: Path) -> None:
    """The Makefile's target passes REGION and ISSUE on."""
    result = subprocess.run(
        ["make", "--no-print-directory", "-s", "-C", str(REPO), "-o", ".venv/.installed",
         "newsletter", "REGION=vestfold", f"ISSUE={ISSUE}", f"SITE={built_site}"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"{built_site}/vestfold/nyhetsbrev/{ISSUE}/nyhetsbrev.eml" in result.stdout
