"""Active content in Markdown is refused, however it is written; code is left alone."""

from __future__ import annotations

import pytest
from kompetansebroen.project import links, security
from kompetansebroen.project.code_blocks import mask_code
from kompetansebroen.project.security import scan

from tests.support.timing import cpu_seconds


def found(markdown: str) -> list[tuple[int, str]]:
    return list(scan(markdown))


@pytest.mark.parametrize(
    ("markdown", "fragment"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ("<SCRIPT src=x.js></SCRIPT>", "<script>"),
        ('<iframe src="https://www.youtube.com/embed/x"></iframe>', "<iframe>"),
        ('<object data="x.swf"></object>', "<object>"),
        ('<embed src="x.swf">', "<embed>"),
        ('<meta http-equiv="refresh" content="0;url=https://x.example">', "<meta>"),
        ('<base href="https://x.example/">', "<base>"),
        ('<a href="https://x.example" onclick="steal()">x</a>', "onclick="),
        ("<img src=x onerror=alert(1)>", "onerror="),
        ('<svg onload="alert(1)"></svg>', "onload="),
        ("[klikk](javascript:alert(1))", "javascript:"),
        ("[klikk]( JavaScript:alert(1))", "javascript:"),
        ("[klikk]: javascript:alert(1)", "javascript:"),
        ("![x](data:image/png;base64,AAAA)", "data:"),
        ('<a href="vbscript:msgbox(1)">x</a>', "vbscript:"),
        ('<a href="jav&#x61;script:alert(1)">x</a>', "javascript:"),
        ('<a href="java&#9;script:alert(1)">x</a>', "javascript:"),
        ("<a href=javascript:alert(1)>x</a>", "javascript:"),
        ('<form><button formaction="javascript:alert(1)">x</button></form>', "javascript:"),
        ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "data:"),
    ],
)
def test_active_content_is_refused(markdown: str, fragment: str) -> None:
    problems = found(f"Tekst\n\n{markdown}\n")
    assert len(problems) == 1, problems
    line, message = problems[0]
    assert line == 3
    assert fragment in message
    assert ";" in message


def test_a_tag_split_over_lines_is_still_seen_at_the_attribute() -> None:
    assert found('Tekst\n<a href="https://x.example"\n   onclick="x()">lenke</a>\n') == [
        (3, "hendelsesattributtet onclick= er ikke tillatt i HTML; fjern det")
    ]


def test_content_inside_admonitions_and_lists_is_scanned() -> None:
    markdown = '!!! note "Merk"\n    Klikk [her](javascript:alert(1)).\n\n- punkt\n    <script>x</script>\n'
    assert [line for line, _ in found(markdown)] == [2, 5]


@pytest.mark.parametrize(
    "markdown",
    [
        "```html\n<script>alert(1)</script>\n```",
        "~~~\n<iframe src=x></iframe>\n~~~",
        "Skriv `<script>` for å ... og `[x](javascript:y)`.",
        "Bruk ``<a onclick=x>`` aldri.",
        "```\n````\n<script>\n```",
    ],
)
def test_code_is_shown_as_text_and_not_refused(markdown: str) -> None:
    assert found(markdown) == []


@pytest.mark.parametrize(
    "markdown",
    [
        "```\n<script>alert(1)</script>\n",
        "!!! note\n    ```\n    <script>alert(1)</script>\n    ```\n",
        "Se \\`<script>alert(1)</script>\\` her.",
        "Start `kode\n<script>alert(1)</script>\nslutt` her.",
        "````\n<script>alert(1)</script>\n```",
    ],
)
def test_doubtful_code_is_scanned_so_it_cannot_hide_anything(markdown: str) -> None:
    assert [message for _, message in found(markdown)] == [
        "HTML-elementet <script> er ikke tillatt; bruk vanlig Markdown "
        "(lenk til video, skjema og dokumenter i stedet for å bygge dem inn)"
    ]


@pytest.mark.parametrize(
    "markdown",
    [
        "Vi er online = tilgjengelige, og a < b og c > d.",
        '<a href="https://www.javascript.com/">JavaScript</a> er et språk.',
        "[Data](https://data.norge.no/) og [script](skript.md).",
        '<span class="kb" data-region="innlandet">x</span>',
        "Metadata og <abbr title='Helse'>HF</abbr> og <details><summary>Mer</summary>x</details>",
        "Se <https://www.helsenorge.no/> eller <post@x.example>.",
    ],
)
def test_harmless_text_and_html_pass(markdown: str) -> None:
    assert found(markdown) == []


def test_internal_links_are_found_with_their_lines() -> None:
    markdown = (
        'Se [a](a.md) og ![bilde](bilder/b.png "Tittel").\n'
        "[ref]: ../c.md#del\n"
        '<a href="d.md">d</a> [ekstern](https://x.example) [post](mailto:a@b.no)\n'
        "[abs](/e/) [anker](#f) [vinkel](<g h.md>) `[kode](x.md)`\n"
    )
    found_links = [(link.line, link.target) for link in links.internal_links(markdown)]
    assert found_links == [
        (1, "a.md"),
        (1, "bilder/b.png"),
        (2, "../c.md#del"),
        (3, "d.md"),
        (4, "/e/"),
        (4, "#f"),
        (4, "g h.md"),
    ]
    assert list(links.relative_targets(markdown)) == [
        (1, "a.md"),
        (1, "bilder/b.png"),
        (2, "../c.md#del"),
        (3, "d.md"),
        (4, "g h.md"),
    ]


def test_resolve_is_relative_to_the_page() -> None:
    assert links.resolve("artikler/x.md", "../nyhetsbrev/y.md#del") == "nyhetsbrev/y.md"
    assert links.resolve("artikler/x.md", "z%20w.md?q=1") == "artikler/z w.md"
    assert links.resolve("artikler/x.md", "/tema/index.md") == "tema/index.md"


def test_footnote_definitions_are_not_links() -> None:
    from kompetansebroen.project.links import relative_targets

    markdown = "Tekst[^1].\n\n[^1]: Kommunen har vedtatt planen.\n\n[ref]: annen-side.md\n"
    targets = [target for _, target in relative_targets(markdown)]
    assert targets == ["annen-side.md"]


@pytest.mark.parametrize(
    ("markdown", "checked"),
    [
        ("```\n[a](a.md) <script>\n```\n", False),
        ("~~~~ python\n[a](a.md) <script>\n~~~~\n", False),
        ("Tekst `[a](a.md) <script>` tekst\n", False),
        # Not code for Python-Markdown: unclosed, indented, or closed by another fence.
        ("```\n[a](a.md) <script>\n", True),
        ("  ```\n[a](a.md) <script>\n  ```\n", True),
        ("```\n[a](a.md) <script>\n~~~\n", True),
    ],
)
def test_links_and_active_content_follow_one_rule_for_code(markdown: str, checked: bool) -> None:
    """A link check that skipped what the security scan reads would disagree with the page."""
    assert bool(list(links.internal_links(markdown))) is checked
    assert bool(found(markdown)) is checked


def test_link_targets_are_the_links_to_other_files() -> None:
    markdown = "[a](a.md#x) [b](/b/) [c](#c) [d](https://x.example) `[e](e.md)`\n[f]: ../f.md\n"
    assert links.link_targets(markdown) == {"a.md#x", "../f.md"}
    assert links.link_targets("Bare tekst uten lenker.\n") == set()


def _growing_backtick_runs(count: int) -> str:
    """One line of backtick runs of lengths 1, 2, … ``count``: no run closes another."""
    return "".join("`" * length + "x" for length in range(1, count + 1))


def _hostile_markdown(scale: int) -> str:
    """Markdown that made the scan super-linear, about ``scale`` × 8 KB long.

    Three shapes at once: backtick runs no code span closes (every opening
    searched the rest of the line), fences that are never closed (every one
    searched the rest of the file) and many refused attributes (each line
    number counted from the top).
    """
    runs = _growing_backtick_runs(int(40 * scale**0.5))
    lines = [runs[: 800 * scale]]
    lines += ["```kode", "tekst"] * (50 * scale)
    lines += ['<a href="/x" onclick="f()">x</a>'] * (60 * scale)
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "work", [mask_code, lambda text: list(scan(text))], ids=["mask_code", "security_scan"]
)
def test_scanning_takes_time_linear_in_the_length_of_the_text(work: object) -> None:
    """Ten times the text may take ten times as long, with room for noise, but not a hundred."""
    small, large = _hostile_markdown(4), _hostile_markdown(40)
    assert 9 < len(large) / len(small) < 11
    assert cpu_seconds(work, large) < 30 * cpu_seconds(work, small)  # processor time: see support/timing.py


def test_code_spans_are_found_as_before_on_one_long_line() -> None:
    """The linear search keeps the rule: a run of backticks is closed by the next run of the same length."""
    line = "a `b` ``c`d`` `e\\` ``f` `g`` h ```i``` `j"
    masked = mask_code(line)
    assert len(masked) == len(line)
    assert masked.split() == ["a", "h", "`j"]
    # A run after a backslash opens nothing; the search goes on from the next run.
    assert mask_code("\\`x` y`") == "\\`x" + " " * 4


def _hostile_links(scale: int) -> str:
    """Lines that made the link search super-linear, about ``scale`` × 3 KB: brackets and tags never closed."""
    return "\n".join(
        ["[" * (1000 * scale) + "] ](", "<a " * (300 * scale) + "= >", "<a" + " href='x" * (100 * scale)]
    )


def test_finding_links_takes_time_linear_in_the_length_of_the_text() -> None:
    def work(text: str) -> None:
        list(links.internal_links(text))

    small, large = _hostile_links(4), _hostile_links(40)
    assert cpu_seconds(work, large) < 30 * cpu_seconds(work, small)  # processor time: see support/timing.py


@pytest.mark.parametrize(
    ("markdown", "targets"),
    [
        ("[a [b](x.md) og [c](y.md)", ["x.md", "y.md"]),
        ("[a \\[b](x.md)", ["x.md"]),
        ('<a title="<" href="y.md">y</a>', ["y.md"]),
        ('<a title="x"> <b> <img alt=">" src="z.png">', []),
        ('<a name="x"> <img alt="b" src="z.png"> <a href="w.md">', ["z.png", "w.md"]),
        ("<a <b <c href='v.md'>", ["v.md"]),
    ],
)
def test_links_are_found_as_markdown_and_html_write_them(markdown: str, targets: list[str]) -> None:
    assert [link.target for link in links.internal_links(markdown)] == targets


def test_long_backtick_runs_outside_code_are_refused_and_fences_are_not() -> None:
    """Runs of many lengths that never close make Python-Markdown quadratic; code needs at most three."""
    growing = " ".join("`" * n + "x" for n in range(1, 30))
    assert [message for _, message in scan(f"Tekst\n{growing}\n")] == [security.BACKTICKS_MESSAGE]
    assert list(scan("Bruk `kode` og ``x ` y`` her.\n")) == []
    assert list(scan("````````````\n`````````````````\n````````````\n")) == []  # a fence and its code
