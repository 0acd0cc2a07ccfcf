"""A region's parts are rendered once per distinct input, and each page gets what rendering it alone gives."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import pytest
from kompetansebroen.mkdocs_adapter import fragments
from kompetansebroen.mkdocs_adapter.fragments import ADDRESS_TOKEN, PartRenderer, part_reads
from kompetansebroen.output.slots import PARTS
from markupsafe import Markup

THEME = Path(fragments.__file__).parent.parent / "theme"
SITE = "https://kb.example/nord/"

PARTS_HERE = {
    "partials/kb-head.html": '<meta content="{{ page.canonical_url }}">{{ kb.rss_href }}',
    "partials/kb-selector.html": (
        '{% for entry in kb.selector %}<a href="{{ entry.href }}"'
        '{% if entry.current %} aria-current="true"{% endif %}>{{ entry.name | e }}</a>{% endfor %}'
    ),
    "partials/kb-after-content.html": "{% for item in kb.related %}<a>{{ item.title | e }}</a>{% endfor %}",
    "partials/kb-footer.html": '<p>{{ kb.name | e }}</p><a href="{{ kb.rss_href }}">RSS</a>',
}


def kb(address: str, depth: int, related: tuple[str, ...] = ()) -> dict[str, Any]:
    up = "../" * depth
    return {
        "name": "Nord & Sør",
        "rss_href": f"{up}nyhetsbrev/rss.xml",
        "selector": [
            {"name": "Nord", "href": f"{up}../nord/{address}", "current": True},
            {"name": "Sør", "href": f"{up}../sor/{address}", "current": False},
            {"name": "Vest", "href": f"{up}../vest/", "current": False},
        ],
        "related": [{"title": title} for title in related],
    }


def alone(env: jinja2.Environment, canonical: str | None, context: dict[str, Any]) -> dict[str, str]:
    """Every part rendered for this page alone, straight from its template."""
    page_context = {
        "config": SimpleNamespace(),
        "page": SimpleNamespace(canonical_url=canonical),
        "kb": context,
    }
    return {name: env.get_template(template).render(page_context) for name, template in PARTS.items()}


def renderer(env: jinja2.Environment) -> PartRenderer:
    return PartRenderer(env, SimpleNamespace())  # type: ignore[arg-type]


def test_pages_at_one_depth_share_every_part_that_reads_no_more_than_their_address() -> None:
    env = jinja2.Environment(loader=jinja2.DictLoader(PARTS_HERE))
    parts = renderer(env)
    pages = [(f"artikler/side-{n}/", 2) for n in range(10)] + [("om/", 1), ("", 0)]
    for address, depth in pages:
        context = kb(address, depth)
        canonical = SITE + address
        assert parts.render(canonical, context, address) == alone(env, canonical, context)
    # 4 parts for the ten articles, 3 for om/ and 3 for the home page (its address is empty: its own);
    # «Les også» is empty on every page: one rendering for all
    assert len(parts.kept) == 10
    # and a part's first renderings with the token are checked by rendering it for the page alone
    # (7: not those of the home page, whose address is no token)
    assert parts.renders == 10 + 7


def test_a_part_that_depends_on_the_page_is_rendered_for_each_distinct_value() -> None:
    env = jinja2.Environment(loader=jinja2.DictLoader(PARTS_HERE))
    parts = renderer(env)
    for n, related in enumerate([("A",), ("B",), ("A",)]):
        address = f"artikler/side-{n}/"
        context = kb(address, 2, related)
        assert parts.render(SITE + address, context, address) == alone(env, SITE + address, context)
    assert len(parts.kept) == 3 + 2  # «Les også» A, then B; A again is the kept rendering
    assert parts.renders == 5 + 5  # each checked once


def test_an_editors_text_holding_the_token_is_rendered_for_its_page_alone() -> None:
    env = jinja2.Environment(loader=jinja2.DictLoader(PARTS_HERE))
    parts = renderer(env)
    context = kb("artikler/a/", 2, (f"Om {ADDRESS_TOKEN} og artikler/a/",))
    assert parts.render(SITE + "artikler/a/", context, "artikler/a/") == alone(
        env, SITE + "artikler/a/", context
    )


def test_markup_and_text_with_the_same_characters_are_different_inputs() -> None:
    env = jinja2.Environment(loader=jinja2.DictLoader(PARTS_HERE))
    parts = renderer(env)
    text = kb("a/", 1)
    markup = {**text, "name": Markup("Nord &amp; Sør")}
    text["name"] = "Nord &amp; Sør"
    assert (
        parts.render(None, text, "a/")["footer"]
        == "<p>Nord &amp;amp; Sør</p>" + '<a href="../nyhetsbrev/rss.xml">RSS</a>'
    )
    assert (
        parts.render(None, markup, "a/")["footer"]
        == "<p>Nord &amp; Sør</p>" + '<a href="../nyhetsbrev/rss.xml">RSS</a>'
    )


@pytest.mark.parametrize(
    "template",
    [
        "{{ page.canonical_url | upper }}",  # not a plain text filter
        "{{ kb.rss_href[:5] }}",  # a slice cuts the token
        "{% if kb.rss_href == 'x' %}x{% endif %}",  # a comparison sees the token
        "{{ kb.items() }}",  # a call
        "{% include 'other.html' %}",  # what it reads is elsewhere
        "{{ other }}",  # a value that is not kb, page or config
    ],
)
def test_a_part_doing_more_than_printing_and_testing_values_is_rendered_for_every_page(template: str) -> None:
    env = jinja2.Environment(loader=jinja2.DictLoader({**PARTS_HERE, "partials/kb-head.html": template}))
    assert not part_reads(env, "partials/kb-head.html").shareable


def test_a_part_that_changes_the_token_is_no_longer_shared() -> None:
    template = "{{ kb.selector[0].href | replace('-', '_') }}"
    env = jinja2.Environment(loader=jinja2.DictLoader({**PARTS_HERE, "partials/kb-head.html": template}))
    parts = renderer(env)
    for address in ("a-b/", "c-d/"):
        context = kb(address, 1)
        assert parts.render(None, context, address)["head"] == alone(env, None, context)["head"]
    assert not parts.reads["head"].shareable


def test_the_themes_parts_read_what_they_print() -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(THEME))
    reads = {name: part_reads(env, template) for name, template in PARTS.items()}
    assert all(read.shareable for read in reads.values())
    assert reads["footer"].kb_names == {"region", "accessibility_href", "rss_href", "atom_href"}
    assert not reads["footer"].page and reads["head"].page
    assert reads["selector"].kb_names == {"region", "selector", "home_href"}
