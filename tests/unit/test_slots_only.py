"""A page's template sees only the slots: a value that differs by region, asked for outside a part, stops
the build at once with the template's line and the part to write it in."""

from __future__ import annotations

import jinja2
import pytest
from kompetansebroen.mkdocs_adapter.slots_only import RegionValueOutsideSlot, SlotsOnly
from kompetansebroen.output.slots import tokens

PARTS = {
    "partials/kb-head.html": '<link rel="alternate" href="{{ kb.rss_href }}">',
    "partials/kb-selector.html": "<nav>{{ kb.selector | length }}</nav>",
    "partials/kb-after-content.html": "<aside>{{ kb.related | length }}</aside>",
    "partials/kb-footer.html": "<p>{{ kb.region.name }}</p>",
}


def render(page_template: str) -> str:
    environment = jinja2.Environment(loader=jinja2.DictLoader({"page.html": page_template, **PARTS}))
    return environment.get_template("page.html").render(kb=SlotsOnly(tokens()))


def test_the_slots_are_printed() -> None:
    html = render("{% if kb and kb.slots %}<footer>{{ kb.slots.footer }}</footer>{% endif %}")
    assert html == f"<footer>{tokens()['footer']}</footer>"
    assert render("{{ kb['slots'].head }}") == str(tokens()["head"])


def test_a_region_name_printed_outside_a_slot_fails_naming_the_line_and_the_part() -> None:
    with pytest.raises(RegionValueOutsideSlot) as raised:
        render("<header>{{ kb.slots.selector }}</header>\n<p>{{ kb.region.name }}</p>\n")
    message = str(raised.value)
    assert message.startswith("page.html, linje 2: kb.region er ulik fra område til område")
    # The footer part prints the region's name already; the parts that do not are not suggested.
    assert "partials/kb-footer.html (skrives ut med {{ kb.slots.footer }})" in message
    assert "kb-head.html" not in message and "kb-after-content.html" not in message


@pytest.mark.parametrize(
    "page_template",
    ["{% if kb.related %}x{% endif %}", "{{ kb['selector'] }}", "{{ kb.region is defined }}"],
)
def test_every_value_of_the_region_context_is_refused_whatever_the_spelling(page_template: str) -> None:
    with pytest.raises(RegionValueOutsideSlot, match=r"^page\.html, linje 1: kb\.(related|selector|region) "):
        render(page_template)


def test_a_value_no_part_prints_suggests_every_part() -> None:
    with pytest.raises(RegionValueOutsideSlot) as raised:
        render("{{ kb.calendar_href }}")
    assert all(f"{{{{ kb.slots.{name} }}}}" in str(raised.value) for name in tokens())
