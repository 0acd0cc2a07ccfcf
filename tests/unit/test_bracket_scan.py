"""The bracket-only scan for link texts answers as Python-Markdown's own, and changes no HTML."""

from __future__ import annotations

import random
from pathlib import Path

import markdown
import pytest
from kompetansebroen.settings import load_settings
from kompetansebroen.text.bracket_scan import BracketEnds, BracketScanExtension
from markdown.inlinepatterns import LinkInlineProcessor

REPO = Path(__file__).resolve().parents[2]
MARKDOWNS_OWN = LinkInlineProcessor.__dict__.get("_findBracketEnds")


def _own_table(data: str) -> list[int | None]:
    assert MARKDOWNS_OWN is not None
    return MARKDOWNS_OWN.__func__(data)


def test_python_markdown_still_has_the_table_this_speeds_up() -> None:
    """A release without it (or with another name) fails here: look again at bracket_scan.py."""
    assert isinstance(MARKDOWNS_OWN, staticmethod)
    assert "_bracket_ends" in LinkInlineProcessor.getText.__code__.co_names


@pytest.mark.parametrize(
    "data",
    [
        "",
        "[",
        "]",
        "[]",
        "[a](b)",
        "[a [b] c](d)",
        "]][[",
        "[[a]",
        "a]b[c]d]",
        "[![x](y)](z) [w]",
        "[[[]]]]][",
    ],
)
def test_every_position_has_the_same_answer_as_python_markdowns_table(data: str) -> None:
    own, ours = _own_table(data), BracketEnds(data)
    assert [ours[p] for p in range(len(data) + 1)] == own


def test_the_same_answers_for_many_random_texts() -> None:
    chance = random.Random(2027)
    for _ in range(3000):
        data = "".join(chance.choice("[[]]ab ") for _ in range(chance.randint(0, 40)))
        own, ours = _own_table(data), BracketEnds(data)
        assert [ours[p] for p in range(len(data) + 1)] == own, repr(data)


def test_the_extension_gives_every_link_and_image_processor_the_scan() -> None:
    converter = markdown.Markdown(extensions=["footnotes", BracketScanExtension()])
    links = [p for p in converter.inlinePatterns if isinstance(p, LinkInlineProcessor)]
    assert len(links) >= 6  # links, images and their reference forms
    assert all(p.__dict__.get("_findBracketEnds") is BracketEnds for p in links)


def test_the_sample_converts_to_the_same_html_with_and_without_it() -> None:
    """Every page of content/ and regions/, with the site's extensions, converted both ways."""
    settings = load_settings(REPO / "mkdocs.yml")
    names = list(settings.markdown_extensions)
    assert names[-1] == "kompetansebroen.text.bracket_scan", "listed last, after the extensions it serves"
    configs = dict(settings.markdown_extension_configs)
    with_it = markdown.Markdown(extensions=names, extension_configs=configs)
    without = markdown.Markdown(extensions=names[:-1], extension_configs=configs)
    sources = sorted([*(REPO / "content").rglob("*.md"), *(REPO / "regions").rglob("*.md")])
    assert len(sources) > 50
    for source in sources:
        text = source.read_text(encoding="utf-8")
        assert with_it.reset().convert(text) == without.reset().convert(text), source
    links = "\n\n".join(
        f"Se [side {n}](a{n}.md), [![bilde](b{n}.png)](c{n}.md) og [uten slutt" for n in range(50)
    )
    assert with_it.reset().convert(links) == without.reset().convert(links)
