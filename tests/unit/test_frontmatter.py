"""The front-matter layer: splitting, reading YAML as nodes, typed fields and per-type schemas."""

from __future__ import annotations

import datetime as dt

import pytest
from kompetansebroen.content_types.registry import content_type
from kompetansebroen.content_types.spec import Vocabulary
from kompetansebroen.frontmatter.fields import (
    Boolean,
    Choice,
    Date,
    Email,
    FieldError,
    FieldGroupError,
    Integer,
    Schema,
    Text,
    TextList,
    Url,
    did_you_mean,
)
from kompetansebroen.frontmatter.schemas import region_schema
from kompetansebroen.frontmatter.splitter import split
from kompetansebroen.frontmatter.yaml_source import compose
from kompetansebroen.model.documents import Kind
from kompetansebroen.problems import Problem, Problems

from tests.support.timing import cpu_seconds
from tests.support.yaml_nodes import node

TOPICS = ["Helsefellesskap", "Barn og unge", "Kompetanse", "Samhandling"]
REGIONS = ["ahus", "innlandet"]


def error_of(spec, value_yaml: str, name: str = "x") -> str:
    with pytest.raises((FieldError, FieldGroupError)) as caught:
        spec.convert(name, node(value_yaml))
    error = caught.value
    return error.message if isinstance(error, FieldError) else "; ".join(e.message for e in error.errors)


def read(schema: Schema, text: str):
    root, error = compose(text)
    assert error is None, error
    return schema.read(root)


def problems_of(schema: Schema, text: str) -> list[tuple[int | None, str, str]]:
    return [(p.line, p.field, p.message) for p in read(schema, text).problems]


# -- splitting ---------------------------------------------------------------------


def test_split_without_front_matter_keeps_the_whole_body() -> None:
    source = split("# Tittel\n\nTekst\n")
    assert source.front_matter is None
    assert source.body == "# Tittel\n\nTekst\n"
    assert source.body_line == 1
    assert not source.unclosed


def test_split_separates_front_matter_and_counts_body_lines() -> None:
    source = split('---\ntitle: "A"\ndate: 2024-01-02\n---\n\nTekst\n')
    assert source.front_matter == 'title: "A"\ndate: 2024-01-02'
    assert source.body == "\nTekst\n"
    assert source.body_line == 5


@pytest.mark.parametrize("closer", ["---", "...", "---   "])
def test_split_accepts_both_yaml_closers(closer: str) -> None:
    source = split(f"---\ntitle: A\n{closer}\nTekst")
    assert source.front_matter == "title: A"
    assert source.body == "Tekst"


def test_split_ignores_a_byte_order_mark_and_windows_line_ends() -> None:
    source = split('\ufeff---\r\ntitle: "A"\r\n---\r\nTekst\r\n')
    assert source.front_matter is not None
    root, error = compose(source.front_matter)
    assert error is None
    assert root.value[0][1].value == "A"


def test_split_reports_an_unclosed_front_matter() -> None:
    source = split("---\ntitle: A\n\nTekst uten avslutning\n")
    assert source.unclosed
    assert source.body == ""


# -- YAML syntax -----------------------------------------------------------------------


def test_compose_keeps_what_the_editor_wrote() -> None:
    root, error = compose("title: no\nmunicipalities: 0150\nkl: 12:30\n")
    assert error is None
    values = {key.value: value for key, value in root.value}
    assert values["title"].value == "no"
    assert values["municipalities"].value == "0150"
    assert values["kl"].value == "12:30"


def test_tab_indentation_is_named_at_its_line() -> None:
    _, error = compose("title: A\ntags:\n\t- Kompetanse\n")
    assert error.line == 3
    assert "tabulator" in error.message and "mellomrom" in error.message


def test_unclosed_quote_is_reported_where_it_opens() -> None:
    _, error = compose('title: "Hva er\ndate: 2019-11-15\ndescription: "En kort"\n')
    assert error.line == 1
    assert "anførselstegnet er ikke lukket" in error.message


def _many_blanks(count: int) -> str:
    blanks = " " * count
    return f"description: x{blanks}y\ntitle: {blanks}\ntags: [a{blanks}\ndate: 2024-01-01\n"


def test_a_line_of_many_blanks_is_explained_in_linear_time() -> None:
    """The value of a line is found without trying every end of it (that took seconds at 20,000 blanks).

    Eight times the blanks must cost about eight times the work, not sixty-four: the larger
    input's time over the smaller's, each the least of a few runs, stays under 24 (between the
    two, so that neither noise nor a quadratic search passes for the other).
    """
    small, large = _many_blanks(4_000), _many_blanks(32_000)
    small_time = cpu_seconds(compose, small, runs=5)
    ratios = []
    for _ in range(5):  # stops at the first run that shows the work grew linearly
        ratios.append(cpu_seconds(compose, large, runs=1) / max(small_time, 1e-6))
        if ratios[-1] < 24:
            break
    assert min(ratios) < 24, ratios
    _, error = compose(large)
    assert error is not None and error.line == 3 and "]" in error.message


def test_colon_in_a_value_suggests_the_quoted_form() -> None:
    _, error = compose("date: 2024-01-01\ntitle: Del 1: innledning\n")
    assert error.line == 2
    assert 'title: "Del 1: innledning"' in error.message


def test_unclosed_flow_list_is_reported_where_it_opens() -> None:
    _, error = compose("tags: [Kompetanse, Samhandling\ndate: 2024-01-01\n")
    assert error.line == 1
    assert "]" in error.message


def test_over_indented_field_is_an_indentation_problem() -> None:
    _, error = compose("title: A\n  date: 2024-01-01\n")
    assert error.line == 2
    assert "innrykket" in error.message


def test_line_without_colon_is_named() -> None:
    _, error = compose("title A\ndate: 2024-01-01\n")
    assert error.line == 1
    assert "mangler kolon" in error.message


# -- text ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "reading", "quoted"),
    [
        ("no", "en ja/nei-verdi", '"no"'),
        ("yes", "en ja/nei-verdi", '"yes"'),
        ("12:30", "et tall", '"12:30"'),
        ("2020", "et tall", '"2020"'),
        ("3.5", "et desimaltall", '"3.5"'),
        ("2024-01-01", "en dato", '"2024-01-01"'),
    ],
)
def test_text_that_yaml_reads_as_something_else_gets_the_quoted_form(
    value: str, reading: str, quoted: str
) -> None:
    message = error_of(Text(), value, "title")
    assert reading in message
    assert f"skriv title: {quoted}" in message


def test_text_accepts_quoted_and_plain_words() -> None:
    assert Text().convert("title", node('"no"')) == "no"
    assert Text().convert("title", node("Kl. 12:30 i dag")) == "Kl. 12:30 i dag"
    assert Text().convert("title", node("  mellomrom  ")) == "mellomrom"


@pytest.mark.parametrize("value", ["", "~", '""', "'   '"])
def test_empty_text_is_rejected(value: str) -> None:
    assert "er tom" in error_of(Text(), value, "title")


def test_text_rejects_lists_and_custom_tags() -> None:
    assert "forventet tekst, fant en liste" in error_of(Text(), "[a, b]", "title")
    assert "YAML-merket «!ENV»" in error_of(Text(), "!ENV TITLE", "title")


def test_a_standard_yaml_type_other_than_text_is_named() -> None:
    message = error_of(Text(), "!!binary aGVp", "title")
    assert message == '«aGVp» leses av YAML som en verdi av typen !!binary, ikke tekst; skriv title: "aGVp"'


# -- dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-06-30", dt.date(2024, 6, 30)), ('"2024-02-29"', dt.date(2024, 2, 29))],
)
def test_iso_dates_are_read(value: str, expected: dt.date) -> None:
    assert Date().convert("date", node(value)) == expected


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2026-13-01", "måned 13 finnes ikke"),
        ("2024-02-30", "februar 2024 har 29 dager"),
        ("2023-02-29", "februar 2023 har 28 dager"),
        ("2024-04-31", "april 2024 har 30 dager"),
        ("2024-00-10", "måned 0 finnes ikke"),
        ("31.02.2020", "februar 2020 har 29 dager"),
    ],
)
def test_impossible_dates_say_why(value: str, reason: str) -> None:
    message = error_of(Date(), value, "date")
    assert "er en dato som ikke finnes" in message
    assert reason in message


@pytest.mark.parametrize(
    ("value", "fix"),
    [
        ("30.06.2020", "date: 2020-06-30"),
        ("1.7.2021", "date: 2021-07-01"),
        ("30/06/2020", "date: 2020-06-30"),
        ("30-06-2020", "date: 2020-06-30"),
        ("2024-6-3", "date: 2024-06-03"),
        ("2024.06.03", "date: 2024-06-03"),
        ("20200630", "date: 2020-06-30"),
        ("2024-06-30 10:00", "date: 2024-06-30"),
    ],
)
def test_other_date_forms_get_the_iso_form(value: str, fix: str) -> None:
    message = error_of(Date(), value, "date")
    assert "ÅÅÅÅ-MM-DD" in message
    assert fix in message


@pytest.mark.parametrize("value", ["juni 2020", "true", "[2020-01-01]", "~"])
def test_non_dates_are_rejected(value: str) -> None:
    assert "ÅÅÅÅ-MM-DD" in error_of(Date(), value, "date")


# -- integers ----------------------------------------------------------------------------


def test_integers_are_read() -> None:
    assert Integer(minimum=1).convert("municipalities", node("42")) == 42


def test_leading_zero_says_yaml_reads_octal_and_suggests_the_number() -> None:
    message = error_of(Integer(minimum=1), "0150", "municipalities")
    assert "104" in message
    assert "skriv municipalities: 150" in message


def test_quoted_number_suggests_the_plain_number() -> None:
    message = error_of(Integer(minimum=1), '"012"', "municipalities")
    assert "anførselstegn" in message
    assert "municipalities: 12" in message
    assert "oktal" not in message
    assert "municipalities: 42" in error_of(Integer(minimum=1), '"42"', "municipalities")


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("09", "municipalities: 9"),
        ("1_000", "municipalities: 1000"),
        ("-3", "ikke et heltall"),
        ("4.5", "ikke et heltall"),
        ("mange", "ikke et heltall"),
        ("0", "minst 1"),
        ("[1]", "fant en liste"),
    ],
)
def test_other_wrong_integers(value: str, fragment: str) -> None:
    assert fragment in error_of(Integer(minimum=1), value, "municipalities")


# -- booleans, choices, addresses ----------------------------------------------------------


def test_booleans_are_only_true_and_false() -> None:
    assert Boolean().convert("draft", node("true")) is True
    assert Boolean().convert("draft", node("false")) is False
    assert "skriv draft: true" in error_of(Boolean(), "yes", "draft")
    assert "skriv draft: false" in error_of(Boolean(), "off", "draft")
    assert "anførselstegn" in error_of(Boolean(), '"true"', "draft")
    assert "forventet true eller false" in error_of(Boolean(), "kanskje", "draft")


def test_choice_suggests_the_closest_value() -> None:
    status = Choice(("gjeldende", "historisk"))
    assert status.convert("status", node("historisk")) == "historisk"
    assert "mente du «gjeldende»?" in error_of(status, "gjeldene", "status")
    assert "gyldige verdier er gjeldende, historisk" in error_of(status, "utgått", "status")


def test_url_needs_a_scheme() -> None:
    assert Url().convert("url", node("https://www.regjeringen.no/x")) == "https://www.regjeringen.no/x"
    assert "skriv url: https://www.regjeringen.no/x" in error_of(Url(), "www.regjeringen.no/x", "url")
    assert "https://" in error_of(Url(), "ftp://x.example/a", "url")


def test_email_is_checked() -> None:
    assert Email().convert("email", node("post@x.example")) == "post@x.example"
    assert "e-postadresse" in error_of(Email(), "post(at)x.example", "email")


# -- lists --------------------------------------------------------------------------------


def test_tag_lists_are_checked_against_the_topics() -> None:
    tags = TextList(allowed=lambda: TOPICS, what="tema")
    assert tags.convert("tags", node("[Kompetanse, Samhandling]")) == ("Kompetanse", "Samhandling")
    assert "ukjent tema «Helsefelleskap»; mente du «Helsefellesskap»?" in error_of(
        tags, "[Helsefelleskap]", "tags"
    )
    assert "mente du «Barn og unge»?" in error_of(tags, "[barn og unge]", "tags")


def test_list_items_carry_their_own_line() -> None:
    root, _ = compose("tags:\n  - Kompetanse\n  - Ukjent\n")
    tags = TextList(allowed=lambda: TOPICS, what="tema")
    with pytest.raises(FieldGroupError) as caught:
        tags.convert("tags", root.value[0][1])
    assert [error.line for error in caught.value.errors] == [3]


def test_list_mistakes() -> None:
    tags = TextList(allowed=lambda: TOPICS, what="tema", example="[Helsefellesskap]")
    assert "skriv tags: [Kompetanse]" in error_of(tags, "Kompetanse", "tags")
    assert "står to ganger" in error_of(tags, "[Kompetanse, Kompetanse]", "tags")
    assert "er tom" in error_of(tags, "", "tags")
    assert '- "no"' in error_of(TextList(), "[no]", "authors")


# -- schemas ----------------------------------------------------------------------------------


def test_unknown_field_suggests_the_known_one_and_is_the_only_problem() -> None:
    found = problems_of(region_schema(), 'name: "Innlandet"\nhospitl: "Sykehuset Innlandet"\n')
    assert found == [(2, "hospitl", "ukjent felt; mente du «hospital»?")]


def test_a_near_miss_of_a_field_already_there_says_so_without_a_line_of_another_count() -> None:
    """The message named the first field's line counted from the YAML's first line: in a Markdown
    file, one line above the field (the front matter starts on the file's line 2)."""
    found = problems_of(region_schema(), 'name: "Innlandet"\nhospital: A\nhospitl: B\n')
    assert found == [
        (3, "hospitl", "ukjent felt; mente du «hospital»? (det står allerede lenger opp; fjern den ene)")
    ]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("tittel", "title"),
        ("dato", "date"),
        ("beskrivelse", "description"),
        ("tema", "tags"),
        ("Bilde", "image"),
    ],
)
def test_norwegian_field_names_point_to_the_field(written: str, meant: str) -> None:
    (found,) = [p for p in problems_of(article(), f"draft: false\n{written}: x\n") if p[1] == written]
    assert found[2] == f"ukjent felt; mente du «{meant}»?"


def test_unknown_field_without_a_near_miss_lists_the_allowed_fields() -> None:
    found = problems_of(region_schema(), "name: A\nhospital: B\nfarge: blå\n")
    assert len(found) == 1
    line, field, message = found[0]
    assert (line, field) == (3, "farge")
    assert "tillatte felter er contact, description, hospital, municipalities, name" in message


def test_missing_required_fields_are_reported_at_the_fallback_line() -> None:
    found = problems_of(region_schema(), "hospital: B\n")
    assert found == [(1, "name", 'mangler; forventet tekst, f.eks. name: "Innlandet"')]


def test_duplicate_fields_are_reported() -> None:
    found = problems_of(region_schema(), "name: A\nhospital: B\nname: C\n")
    assert found == [(3, "name", "står to ganger (også lenger opp); fjern den ene")]


def test_region_yml_reads_every_field() -> None:
    reading = read(
        region_schema(),
        "name: Innlandet\nhospital: Sykehuset Innlandet\nmunicipalities: 42\n"
        "description: Om området\ncontact:\n  email: post@x.example\n  url: https://x.example/\n",
    )
    assert not reading.problems
    assert reading.values["municipalities"] == 42
    assert reading.values["contact"] == {"email": "post@x.example", "url": "https://x.example/"}
    assert reading.lines["contact"] == 5


def test_nested_contact_problems_are_named_with_their_path() -> None:
    found = problems_of(region_schema(), "name: A\nhospital: B\ncontact:\n  emial: post@x.example\n")
    assert found == [(4, "contact.emial", "ukjent felt; mente du «email»?")]
    found = problems_of(region_schema(), "name: A\nhospital: B\ncontact: post@x.example\n")
    assert len(found) == 1 and found[0][1] == "contact"


def schema_of(kind: Kind, *, shared: bool) -> Schema:
    """The schema the loader gives a page of ``kind`` (its content type's declaration)."""
    return content_type(kind).schema(Vocabulary(tuple(TOPICS)), REGIONS, shared=shared)


def article() -> Schema:
    return schema_of(Kind.ARTICLE, shared=True)


def governing() -> Schema:
    return schema_of(Kind.GOVERNING, shared=True)


def test_article_schema_accepts_a_complete_article() -> None:
    reading = read(
        article(),
        'title: "A"\ndate: 2024-01-02\ndescription: "B"\ntags: [Kompetanse]\n'
        'authors: ["Kari"]\nimage: bilde.jpg\nimage_alt: "Et bilde"\nimage_credit: "Privat"\nregions: [ahus]\ndraft: false\n',
    )
    assert not reading.problems
    assert reading.values["date"] == dt.date(2024, 1, 2)
    assert reading.values["regions"] == ("ahus",)


def test_article_requires_title_date_and_description() -> None:
    fields = {field for _, field, _ in problems_of(article(), "tags: [Kompetanse]\n")}
    assert fields == {"title", "date", "description"}


def test_image_needs_alt_text_and_alt_text_needs_an_image() -> None:
    base = 'title: "A"\ndate: 2024-01-02\ndescription: "B"\n'
    assert problems_of(article(), base + "image: x.jpg\n")[0][:2] == (4, "image_alt")
    assert "uten image" in problems_of(article(), base + 'image_alt: "Alt"\n')[0][2]


def test_unknown_region_lists_the_known_ones() -> None:
    base = 'title: "A"\ndate: 2024-01-02\ndescription: "B"\n'
    (found,) = problems_of(article(), base + "regions: [nordland]\n")
    assert found[1] == "regions"
    assert "ukjent område «nordland»; kjente områder er ahus, innlandet" in found[2]


def test_regions_is_not_allowed_inside_a_region_tree() -> None:
    schema = schema_of(Kind.PAGE, shared=False)
    (found,) = problems_of(schema, "regions: [ahus]\n")
    assert found[1] == "regions"
    assert "bare brukes på sider i content/" in found[2]


def test_governing_document_needs_exactly_one_of_url_and_file() -> None:
    base = 'title: "A"\ndate: 2024-01-02\nissuer: "HOD"\n'
    assert not read(governing(), base + "url: https://x.example/a\n").problems
    assert not read(governing(), base + "file: vedlegg/a.pdf\n").problems
    (neither,) = problems_of(governing(), base)
    assert neither[1] == "url" and "enten url" in neither[2] and "eller file" in neither[2]
    (both,) = problems_of(governing(), base + "url: https://x.example/a\nfile: a.pdf\n")
    assert both[:2] == (5, "file") and "både url og file" in both[2]


def test_cross_checks_run_even_when_other_fields_are_wrong() -> None:
    text = 'title: "A"\ndate: 30.06.2020\nissuer: "HOD"\nurl: www.x.example\nfile: a.pdf\n'
    fields = sorted(field for _, field, _ in problems_of(governing(), text))
    assert fields == ["date", "file", "url"]


def test_governing_status_is_a_choice() -> None:
    base = 'title: "A"\ndate: 2024-01-02\nissuer: "HOD"\nurl: https://x.example/a\n'
    assert read(governing(), base + "status: historisk\n").values["status"] == "historisk"
    assert "mente du «gjeldende»?" in problems_of(governing(), base + "status: Gjeldene\n")[0][2]


def test_newsletter_schema() -> None:
    schema = schema_of(Kind.NEWSLETTER, shared=True)
    assert not read(schema, 'title: "A"\ndate: 2024-01-02\ndescription: "B"\n').problems
    assert (
        problems_of(schema, 'title: "A"\ndate: 2024-01-02\ndescription: "B"\nimage: a.jpg\n')[0][1] == "image"
    )


def test_other_pages_take_an_optional_title_and_a_hub_topic() -> None:
    schema = schema_of(Kind.PAGE, shared=True)
    assert not read(schema, "").problems
    assert read(schema, "hub: Helsefellesskap\n").values["hub"] == "Helsefellesskap"
    assert "mente du «Helsefellesskap»?" in problems_of(schema, "hub: Helsefelleskap\n")[0][2]


def test_front_matter_that_is_not_a_mapping() -> None:
    (found,) = problems_of(article(), "- a\n- b\n")
    assert found[1] == ""
    assert "«felt: verdi»" in found[2]


# -- problems ---------------------------------------------------------------------------------


def test_problem_format_is_path_line_field_message() -> None:
    assert str(Problem("content/a.md", 3, "title", "x; y")) == "content/a.md:3: title: x; y"
    assert str(Problem("content/a.md", None, "", "x")) == "content/a.md: x"


def test_problems_are_sorted_deduplicated_and_counted() -> None:
    problems = Problems()
    problems.add("b.md", 1, "", "x")
    problems.add("a.md", 9, "", "y")
    problems.add("a.md", 2, "", "z")
    problems.add("a.md", 2, "", "z")
    assert [str(p) for p in problems] == ["a.md:2: z", "a.md:9: y", "b.md:1: x"]
    assert problems.report().endswith("3 feil funnet; ingenting er publisert.")


def test_did_you_mean_is_case_insensitive_and_cautious() -> None:
    assert did_you_mean("hospitl", ["hospital", "name"]) == "; mente du «hospital»?"
    assert did_you_mean("HELSEFELLESKAP", TOPICS) == "; mente du «Helsefellesskap»?"
    assert did_you_mean("farge", ["hospital", "name"]) == ""
