"""Heading anchors and topic addresses share one slug rule: æ→ae, ø→o, å→a."""

from __future__ import annotations

import shutil
from pathlib import Path

import markdown
import pytest
from kompetansebroen.model.topics import Topic
from kompetansebroen.project.links import AnchorFinder
from kompetansebroen.settings import load_settings
from kompetansebroen.text.slugs import slugify

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("heading", "separator", "slug"),
    [
        ("Hva er et primærhelseteam?", "-", "hva-er-et-primaerhelseteam"),
        ("Skrøpelige eldre", "-", "skropelige-eldre"),
        ("Å være pårørende", "-", "a-vaere-parorende"),
        ("ÆRLIG TALT: Økonomi og Åpenhet", "-", "aerlig-talt-okonomi-og-apenhet"),
        ("Café – møte 1/2", "-", "cafe-mote-1-2"),
        ("  «Sitat» og (parentes)  ", "-", "sitat-og-parentes"),
        ("Spørsmål og svar", "_", "sporsmal_og_svar"),
        ("Ø", "-", "o"),
        ("!?", "-", ""),
    ],
)
def test_slugs_are_ascii_with_norwegian_letters_transliterated(
    heading: str, separator: str, slug: str
) -> None:
    assert slugify(heading, separator) == slug


def test_topic_addresses_use_the_same_rule() -> None:
    assert Topic("Primærhelseteam", "").slug == slugify("Primærhelseteam", "-") == "primaerhelseteam"


def test_python_markdown_uses_it_for_heading_ids() -> None:
    html = markdown.markdown(
        "## Hva er et primærhelseteam?\n\n## Hva er et primærhelseteam?\n",
        extensions=["toc"],
        extension_configs={"toc": {"slugify": slugify}},
    )
    assert 'id="hva-er-et-primaerhelseteam"' in html
    assert 'id="hva-er-et-primaerhelseteam_1"' in html, "toc still makes repeated headings unique"


def test_mkdocs_yml_gives_it_to_the_build_and_to_the_check(tmp_path: Path) -> None:
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "content").mkdir()
    settings = load_settings(tmp_path / "mkdocs.yml")
    assert settings.markdown_extension_configs["toc"]["slugify"] is slugify
    finder = AnchorFinder(settings.markdown_extensions, settings.markdown_extension_configs)
    assert finder.anchors("## Frivillig deltakelse og evaluering\n\n## Første del\n") == {
        "frivillig-deltakelse-og-evaluering",
        "forste-del",
    }
