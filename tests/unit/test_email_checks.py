"""What a newsletter issue's e-mail edition cannot show, read from the Markdown (project/email_checks.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from kompetansebroen.model.documents import Document, Kind
from kompetansebroen.project.email_checks import MAX_IMAGE_BYTES, TEXT_WIDTH, email_problems


def _issue(body: str) -> Document:
    return Document(
        path="nyhetsbrev/2024-05.md",
        origin=None,
        source_file="content/nyhetsbrev/2024-05.md",
        tree="content",
        kind=Kind.NEWSLETTER,
        meta={"title": "Mai"},
        body=body,
    )


def _problems(body: str, files: dict[str, Path] | None = None) -> list[tuple[int, str]]:
    return list(email_problems(_issue(body), lambda src: (files or {}).get(src)))


def test_plain_markdown_passes() -> None:
    body = "Tekst med [lenke](../artikler/x.md).\n\n## Overskrift\n\n- en\n- to\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n"
    assert _problems(body) == []


def test_a_raw_html_block_is_named_once_by_its_first_line() -> None:
    body = "Innledning.\n\n<details>\n<summary>Mer</summary>\n\nTekst.\n\n</details>\n"
    ((line, message),) = _problems(body)
    assert line == 3
    assert message.startswith("rå HTML (<details>) kan ikke sendes i e-postutgaven av nyhetsbrevet")


def test_html_shown_as_code_is_text() -> None:
    assert _problems("Skriv `<details>` for å folde.\n\n```\n<details>\n<video src=x.mp4>\n```\n") == []


@pytest.mark.parametrize(("tag", "kind"), [("video", "video"), ("audio", "lyd")])
def test_embedded_media_anywhere_is_refused(tag: str, kind: str) -> None:
    ((line, message),) = _problems(f'Innledning.\n\nHør her: <{tag} controls src="x"></{tag}>\n')
    assert line == 3
    assert message.startswith(f"innebygd {kind} (<{tag}>) kan ikke spilles")


def test_a_table_wider_than_the_column_is_named_with_its_width() -> None:
    header = "| " + " | ".join(f"Kolonne{n}" for n in range(8)) + " |"
    rule = "| " + " | ".join("---" for _ in range(8)) + " |"
    body = f"Tabell:\n\n{header}\n{rule}\n| {' | '.join('x' for _ in range(8))} |\n"
    ((line, message),) = _problems(body)
    assert line == 3
    # 8 columns of «KolonneN» (8 characters × 8 px = 64 px) plus 16 px padding each
    assert "har 8 kolonner og blir minst 640 px bred" in message
    assert TEXT_WIDTH < 640


def test_a_table_of_long_sentences_wraps_and_fits() -> None:
    long = "ord " * 40
    body = f"| Sak | Beskrivelse |\n| --- | --- |\n| Plan | {long} |\n"
    assert _problems(body) == []


def test_an_image_without_alt_text(tmp_path: Path) -> None:
    ((line, message),) = _problems("Bilde:\n\n![](bilder/bro.png)\n")
    assert line == 3
    assert "bildet «bro.png» mangler alternativ tekst" in message
    assert "![To sykepleiere i samtale](bilder/bro.png)" in message


def test_an_image_over_1_mb(tmp_path: Path) -> None:
    big = tmp_path / "stort.jpg"
    big.write_bytes(b"\0" * (MAX_IMAGE_BYTES + 200_000))
    small = tmp_path / "lite.jpg"
    small.write_bytes(b"\0" * 1000)
    files = {"bilder/stort.jpg": big, "bilder/lite.jpg": small}
    problems = _problems("![Stort bilde](bilder/stort.jpg)\n\n![Lite bilde](bilder/lite.jpg)\n", files)
    assert problems == [
        (
            1,
            "bildet «stort.jpg» er 1,2 MB, og e-postutgaven av nyhetsbrevet tåler bilder på høyst 1 MB "
            "(mange e-postprogrammer kutter eller blokkerer større); gjør bildet mindre, f.eks. 1200 px bredt "
            "som JPEG",
        )
    ]
