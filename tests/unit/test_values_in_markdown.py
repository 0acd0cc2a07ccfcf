"""Front-matter and region.yml values become one address or text in the page, never Markdown syntax.

attr_list is on, so a value ending a link early (``…){: onerror="…" }``) would
add attributes to the element. Each place a value is written as a link target
is rendered here with the site's extensions and read back with an HTML parser.
"""

from __future__ import annotations

import datetime as dt

import markdown
import pytest
from justhtml import JustHTML
from kompetansebroen.content_types.facts import article_facts, governing_facts
from kompetansebroen.content_types.registry import kind_of, with_details
from kompetansebroen.listings.pages import accessibility_page
from kompetansebroen.model.documents import Document
from kompetansebroen.model.regions import Contact, Region
from kompetansebroen.text.markdown import markdown_url

ATTACK = 'https://x.example/x.png){: onerror="window.kbPwned=1" }'
TODAY = dt.date(2024, 1, 1)


def render(source: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every element of ``source`` rendered as the site renders Markdown: (name, attributes)."""
    converted = markdown.markdown(source, extensions=["attr_list", "tables", "toc"])
    found: list[tuple[str, dict[str, str | None]]] = []
    stack = [JustHTML(converted, fragment=True, sanitize=False).root]
    while stack:
        node = stack.pop()
        if not node.name.startswith("#"):
            found.append((node.name, dict(node.attrs or {})))
        stack.extend(node.children or [])
    return found


def assert_one_link_holding(source: str, tag: str, attribute: str, value: str) -> None:
    elements = render(source)
    handlers = [(name, attrs) for name, attrs in elements if any(a.startswith("on") for a in attrs)]
    assert handlers == [], source
    targets = [attrs.get(attribute) for name, attrs in elements if name == tag]
    assert targets == [markdown_url(value)], (source, elements)


def document(path: str, **meta: object) -> Document:
    return with_details(
        Document(
            path=path, origin=None, source_file="", tree="", kind=kind_of(path), meta=dict(meta), body=""
        )
    )


def test_markdown_url_encodes_what_markdown_and_attr_list_read_as_syntax() -> None:
    encoded = markdown_url('a b)(x){: y="1" }<z>\'[w]\\')
    for character in " )({}<>\"'[]\\":
        assert character not in encoded
    assert markdown_url("https://x.example/a/b?c=1&d=2#e") == "https://x.example/a/b?c=1&d=2#e"
    assert markdown_url("vedlegg/plan%202020.pdf") == "vedlegg/plan%202020.pdf"


def test_an_article_image_stays_one_image_address() -> None:
    doc = document("artikler/x.md", title="X", image=ATTACK, image_alt="Bilde")
    elements = render(article_facts(doc, TODAY).below)
    assert [attrs for _name, attrs in elements if any(a.startswith("on") for a in attrs)] == []
    sources = [attrs.get("src") or "" for name, attrs in elements if name == "img"]
    assert len(sources) == 1, elements
    assert not any(character in sources[0] for character in ' ){"<'), sources


@pytest.mark.parametrize("field", ["url", "file"])
def test_a_governing_documents_address_stays_one_link(field: str) -> None:
    doc = document(
        "styrende-dokumenter/x.md", title="X", issuer="Departementet", **{field: ATTACK + '"quote'}
    )
    below = governing_facts(doc, TODAY).below
    assert_one_link_holding(below, "a", "href", ATTACK + '"quote')
    assert [attrs.get("class") for name, attrs in render(below) if name == "a"] == ["md-button"]


@pytest.mark.parametrize(
    ("contact", "value", "prefix"),
    [
        (Contact(email='a@b.no){: onclick="x" }'), 'a@b.no){: onclick="x" }', "mailto:"),
        (Contact(url=ATTACK), ATTACK, ""),
    ],
)
def test_the_accessibility_pages_contact_stays_one_link(contact: Contact, value: str, prefix: str) -> None:
    region = Region(id="nord", name="Nord", hospital="Sykehuset Nord", contact=contact)
    page = accessibility_page(region, "Kompetansebroen")
    elements = render(page.intro + page.listing)
    assert [attrs for _name, attrs in elements if any(a.startswith("on") for a in attrs)] == []
    links = [attrs.get("href") for name, attrs in elements if name == "a"]
    assert prefix + markdown_url(value) in links, links
