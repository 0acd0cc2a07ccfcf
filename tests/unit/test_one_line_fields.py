"""Every one-line field refuses line breaks and control characters; every validator matches whole values.

Python's ``$`` also matches before a final newline, so ``^[a-z]+$`` took the
folder ``evil⏎`` for a region id; and a title with a line break cut the
page's ``<h1>`` in two. Both are refused now, each with one message.
"""

from __future__ import annotations

import re

import pytest
import yaml
from kompetansebroen.content_types.registry import content_types
from kompetansebroen.content_types.spec import Vocabulary
from kompetansebroen.frontmatter.fields import (
    Boolean,
    Date,
    Field,
    FieldError,
    FieldGroupError,
    Integer,
    Nested,
    Schema,
)
from kompetansebroen.frontmatter.learning_fields import series_schema
from kompetansebroen.frontmatter.schemas import region_schema
from kompetansebroen.model.regions import REGION_ID
from kompetansebroen.problems import Problem, Problems

VOCABULARY = Vocabulary(("Helsefellesskap",), ("Sykepleiere",))


def schemas() -> dict[str, Schema]:
    found = {kind.kind.value: kind.schema(VOCABULARY, ["nord"], shared=True) for kind in content_types()}
    return found | {"region.yml": region_schema(), "serie.yml": series_schema()}


def _not_text(field: Field) -> bool:
    """Fields whose values are numbers, days, times or durations: their own rules refuse a break."""
    return isinstance(field, (Boolean, Date, Integer, Nested)) or type(field).__name__ in {
        "DayOrTime",
        "EventTime",
        "Duration",
        "Minutes",
    }


TEXT_FIELDS = [
    pytest.param(schema, name, id=f"{kind}.{name}")
    for kind, schema in schemas().items()
    for name, field in schema.fields.items()
    if not _not_text(field)
]


def node_of(yaml_value: str) -> yaml.Node:
    return yaml.compose(f"x: {yaml_value}").value[0][1]


def message(schema: Schema, name: str, yaml_value: str, *, as_list: bool) -> str:
    field = schema.fields[name]
    value = f"[{yaml_value}]" if as_list else yaml_value
    with pytest.raises((FieldError, FieldGroupError)) as raised:
        field.convert(name, node_of(value))
    error = raised.value
    return error.errors[0].message if isinstance(error, FieldGroupError) else error.message


def test_the_text_fields_are_found() -> None:
    names = {param.id for param in TEXT_FIELDS}
    assert {"artikler.title", "arrangementer.place", "arrangementer.organiser", "region.yml.name"} <= names
    assert {
        "serie.yml.owner_name",
        "film.poster_alt",
        "artikler.authors",
        "arrangementer.registration_url",
    } <= names


BREAKS = [
    (r'"Første\nandre"', "et linjeskift", "Første andre"),
    (r'"Første\r\nandre"', "et linjeskift", "Første andre"),
    (r'"Første\u2028andre"', "et linjeskift", "Første andre"),
    (r'"Første\tandre"', "en tabulator", "Første andre"),
    (r'"Første\aandre"', "kontrolltegnet U+0007", "Førsteandre"),
    (r'"Første\x1bandre"', "kontrolltegnet U+001B", "Førsteandre"),
    (r'"Første\u202eandre"', "kontrolltegnet U+202E", "Førsteandre"),
]
"""What is written in YAML, how the message names it, and the one-line text it suggests."""


@pytest.mark.parametrize(("schema", "name"), TEXT_FIELDS)
def test_every_one_line_field_refuses_breaks_and_control_characters(schema: Schema, name: str) -> None:
    as_list = type(schema.fields[name]).__name__ in {"TextList", "OldPaths"}
    for written, named, fixed in BREAKS:
        said = message(schema, name, written, as_list=as_list)
        assert f"har {named}, men feltet tar bare én linje tekst" in said, said
        assert said.endswith(f'skriv alt på én linje: {"- " if as_list else name + ": "}"{fixed}"'), said


def test_a_block_scalar_title_is_refused_with_the_text_on_one_line() -> None:
    title = schemas()["artikler"].fields["title"]
    node = yaml.compose("title: |\n  Første linje\n  andre linje\n").value[0][1]
    with pytest.raises(FieldError) as raised:
        title.convert("title", node)
    assert raised.value.message.endswith('skriv alt på én linje: title: "Første linje andre linje"')


def test_a_folded_title_over_two_lines_is_still_one_line_and_accepted() -> None:
    title = schemas()["artikler"].fields["title"]
    node = yaml.compose("title: >\n  Første linje\n  andre linje\n").value[0][1]
    assert title.convert("title", node) == "Første linje andre linje"


@pytest.mark.parametrize("name", ["evil\n", "innlandet\n", "a\n", "ahus\r\n"])
def test_a_region_id_is_matched_whole(name: str) -> None:
    assert REGION_ID.match(name) is None
    assert REGION_ID.match(name.strip()) is not None


def test_no_validator_of_the_package_ends_in_a_dollar_that_matches_before_a_newline() -> None:
    """Every ``^…$`` pattern read against a whole value ends in ``\\Z`` (line-by-line readers may keep ``$``)."""
    from pathlib import Path

    package = Path(__import__("kompetansebroen").__file__).parent
    line_readers = {"model/learning.py", "frontmatter/yaml_source.py", "project/code_blocks.py"}
    offenders = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if (
                re.search(r"""r["']\^[^"']*\$["']""", line)
                and rel not in line_readers
                and "MULTILINE" not in line
                # The browser editor's patterns are JavaScript, whose $ matches only at the very end.
                and "form_pattern" not in line
                and '"pattern"' not in line
            ):
                offenders.append(f"{rel}:{number}: {line.strip()}")
    assert offenders == []


def test_a_problem_is_one_line_whatever_its_path_or_value_holds() -> None:
    problems = Problems()
    problems.add("regions/evil\n", None, "", "mappenavnet er område-id")
    problems.add("content/a.md", 3, "date", "«2024\n01» er ikke en dato")
    lines = problems.report().splitlines()
    assert lines == [
        "content/a.md:3: date: «2024\\n01» er ikke en dato",
        "regions/evil\\n: mappenavnet er område-id",
        "2 feil funnet; ingenting er publisert.",
    ]
    assert str(Problem("a\u2028b.md", None, "", "x")) == "a\\u2028b.md: x"


def test_soft_hyphens_and_joiners_are_text() -> None:
    title = schemas()["artikler"].fields["title"]
    for text in ("Helse\u00adfellesskap", "Familie \U0001f468\u200d\U0001f469\u200d\U0001f467"):
        assert title.convert("title", node_of(f'"{text}"')) == text


def test_text_passed_without_a_look_at_each_character_holds_nothing_the_check_names() -> None:
    """One-line text that ``str.isprintable`` passes is taken without a loop over its characters:
    no character the check names (a line break, a tab, a control or direction character) is printable."""
    from kompetansebroen.frontmatter import fields

    named = [
        char
        for char in map(chr, range(0x110000))
        if char in fields._LINE_BREAKS or char == "\t" or fields._is_control(char)
    ]
    assert len(named) > 60 and not any(char.isprintable() for char in named)
