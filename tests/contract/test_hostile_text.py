"""A hostile editor's names, one-line fields and dates: each refused with one message, in build and check.

All cases go into one copy of the good repository, so one build and one check
prove them (each case must still be exactly one problem line).
"""

from __future__ import annotations

from pathlib import Path

from tests.support.builds import build_and_check
from tests.support.repos import write

from .conftest import GoodBuild
from .test_bad_inputs import A, BadInput, E, G, N, R, assert_reports, assert_site_untouched, edit

ONE_LINE = "men feltet tar bare én linje tekst; skriv alt på én linje:"

CASES = [
    BadInput(
        "region-folder-ending-in-a-newline",
        lambda r: write(r, "regions/evil\n/region.yml", "name: Evil\nhospital: Sykehuset Evil\n"),
        "regions/evil\\n",
        None,
        "gi mappen navnet regions/evil",
    ),
    BadInput(
        "title-with-a-line-break",
        lambda r: edit(r, A, 'title: "Første artikkel"', 'title: "Første\\nartikkel"'),
        A,
        "title",
        f'har et linjeskift, {ONE_LINE} title: "Første artikkel"',
    ),
    BadInput(
        "author-with-a-line-break",
        lambda r: edit(r, A, '  - "Redaksjonen"', '  - "Redak\\u2028sjonen"'),
        A,
        "authors",
        f'har et linjeskift, {ONE_LINE} - "Redak sjonen"',
    ),
    BadInput(
        "place-with-a-control-character",
        lambda r: edit(r, E, 'place: "Auditoriet,', 'place: "\\aAuditoriet,'),
        E,
        "place",
        f'har kontrolltegnet U+0007, {ONE_LINE} place: "Auditoriet, Sykehusveien 1, 0000 Eksempelby"',
    ),
    BadInput(
        "organiser-as-a-block",
        lambda r: edit(r, E, 'organiser: "Sykehuset Nord"', "organiser: |\n  Sykehuset\n  Nord"),
        E,
        "organiser",
        f'har et linjeskift, {ONE_LINE} organiser: "Sykehuset Nord"',
    ),
    BadInput(
        "issuer-with-a-tab",
        lambda r: edit(r, G, 'issuer: "Helse- og', 'issuer: "Helse-\\tog'),
        G,
        "issuer",
        f'har en tabulator, {ONE_LINE} issuer: "Helse- og omsorgsdepartementet"',
    ),
    BadInput(
        # The build dates itself by the newest date, and gzip cannot carry a time after 2106: it crashed.
        "article-dated-9999",
        lambda r: edit(r, "content/artikler/andre-artikkel.md", "date: 2024-03-01", "date: 9999-12-31"),
        "content/artikler/andre-artikkel.md",
        "date",
        "«9999-12-31» har året 9999, som ikke kan stemme; skriv året datoen gjelder (mellom 1900 og 2099)",
    ),
    BadInput(
        "event-in-year-9999",
        lambda r: edit(r, E, "end: 2024-03-14 15:30", "end: 9999-03-14 15:30"),
        E,
        "end",
        "har året 9999",
    ),
    BadInput(
        "body-link-split-by-a-tab-and-a-break",
        lambda r: edit(
            r,
            N,
            "Se [den første",
            "Se [dette](java\tscript:alert(1)) og [dette](java\nscript:alert(2)) og [den første",
        ),
        N,
        None,
        "adresser som begynner med javascript: er ikke tillatt",
    ),
    BadInput(
        "region-name-with-a-line-break",
        lambda r: edit(r, R, "name: Nord", 'name: "Nord\\r\\nSør"'),
        R,
        "name",
        f'har et linjeskift, {ONE_LINE} name: "Nord Sør"',
    ),
]


def test_names_and_one_line_fields_with_breaks_are_refused_in_one_run(
    repo: Path, good_build: GoodBuild
) -> None:
    for bad in CASES:
        bad.mutate(repo)
    build, check = build_and_check(repo)
    for result in (build, check):
        for bad in CASES:
            assert_reports(result, bad.path, bad.field, bad.fragment)
        problem_lines = [
            line for line in result.output.splitlines() if "content/" in line or "regions/" in line
        ]
        assert len(problem_lines) == len(CASES), result.output
    assert f"{len(CASES)} feil funnet" in check.output, check.output
    assert f"{len(CASES)} feil i innholdet" in build.output, build.output
    assert_site_untouched(repo, good_build)
