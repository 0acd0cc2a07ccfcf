"""What the browser receives: a page body rendered with the site's extensions, against the allow-list.

Each case passed the line scanner (security.py), which reads Markdown; the
rendered HTML shows what it really is.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from kompetansebroen import messages
from kompetansebroen.project import rendered_html, security
from kompetansebroen.project.links import AnchorFinder
from kompetansebroen.settings import load_settings

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def renderer() -> AnchorFinder:
    """The site's own Markdown extensions, from the project's mkdocs.yml."""
    settings = load_settings(REPO / "mkdocs.yml")
    return AnchorFinder(settings.markdown_extensions, settings.markdown_extension_configs)


SLIPPED_PAST_THE_LINE_SCANNER = {
    "attr-list-handler": ('[l](https://example.org){: onclick="x()" }', "onclick="),
    "attr-list-javascript": ('[l](https://example.org){: href="javascript:alert(1)" }', "javascript:"),
    "code-span-in-html-block": ("<div>`<img src=x onerror=alert(1)>`</div>", "onerror="),
    "quoted-greater-than": ('<div title=">" onclick="x()">t</div>', "onclick="),
    "not-a-fence": ("~~~ x y\n<img src=x onerror=alert(1)>\n~~~", "onerror="),
    "stylesheet": ('<link rel=stylesheet href="https://x.example/a.css">', "<link>"),
    "style-import": ("<style>@import url(https://x.example/a.css)</style>", "<style>"),
    "form": (
        '<form action="https://x.example/"><input type="password" name="p"></form>',
        "<form>",
    ),
    "remote-img": ('<img src="https://x.example/a.png" alt="a">', "fra et annet nettsted"),
    "remote-markdown-image": ("![a](https://x.example/a.png)", "fra et annet nettsted"),
    "protocol-relative-image": ("![a](//x.example/a.png)", "fra et annet nettsted"),
    "style-attribute": ('<p style="background:url(https://x.example/)">x</p>', "style="),
    "svg": ('<svg><a href="javascript:alert(1)">x</a></svg>', "<svg>"),
    # In the page these land on its own <body> and <html> (a fragment parser drops them).
    "body-attributes": ('Tekst.\n\n<body title=">" onload="alert(1)">', "<body>"),
    "html-attributes": ("<div>`<html onclick=alert(1)>`</div>", "<html>"),
}


@pytest.mark.parametrize(
    ("body", "fragment"), SLIPPED_PAST_THE_LINE_SCANNER.values(), ids=SLIPPED_PAST_THE_LINE_SCANNER.keys()
)
def test_what_the_line_scanner_missed_the_rendered_html_refuses(
    renderer: AnchorFinder, body: str, fragment: str
) -> None:
    assert fragment not in " ".join(message for _line, message in security.scan(body))
    rendered = renderer.rendered(body)
    assert rendered is not None
    found = rendered_html.breaches(rendered)
    assert len(found) == 1, found
    assert fragment in found[0].message
    assert rendered_html.source_line(body, found[0].needle) is not None


def test_what_markdown_and_its_extensions_make_is_allowed(renderer: AnchorFinder) -> None:
    body = """## Tittel { #egen .klasse }

Tekst med **fet**, *kursiv*, `kode`, [lenke](https://example.org/a?b=1), [e-post](mailto:a@b.no),
[side](../a.md#b){ .md-button } og en fotnote[^1].

| Venstre | Midt | Høyre |
|:--|:-:|--:|
| a | b | c |

!!! note "Merk"
    Innhold.

??? tip "Mer"
    Skjult.

Begrep
:   Forklaring

![Bilde](bilder/a.png){ width="300" }

<details><summary>Vis</summary><p>Innhold</p></details>

```python
<script>print("vises som kode")</script>
```

[^1]: Fotnoten.
"""
    rendered = renderer.rendered(body, "Side")
    assert rendered is not None
    assert rendered_html.breaches(rendered) == []


def test_one_message_per_kind_of_breach_and_none_for_what_is_inside_a_refused_element() -> None:
    found = rendered_html.breaches(
        '<p onclick="a()">1</p><p onclick="b()">2</p>'
        '<form><input onfocus="c()" type="password"></form><button onclick="d()">x</button>'
    )
    assert [breach.message for breach in found] == [
        messages.event_handler_not_allowed("onclick"),
        messages.html_element_not_allowed("form"),
        messages.html_element_not_allowed("button"),
    ]


@pytest.mark.parametrize(
    "href", ["java\tscript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "&#106;avascript:x"]
)
def test_a_script_address_is_refused_as_the_browser_reads_it(href: str) -> None:
    found = rendered_html.breaches(f'<a href="{href}">x</a>')
    assert [breach.message for breach in found] == [messages.scheme_not_allowed("javascript")]


def test_links_to_other_hosts_stay_allowed_and_local_media_too() -> None:
    allowed = (
        '<a href="https://example.org/">a</a><a href="tel:+4712345678">t</a><a href="#x">x</a>'
        '<img src="../bilder/a.png" alt="a"><video src="film.mp4" controls poster="film.jpg">'
        '<track src="film.vtt" kind="captions" srclang="nb" label="Norsk"></video>'
        '<table><tr><td style="text-align: center;">x</td></tr></table>'
    )
    assert rendered_html.breaches(allowed) == []
