"""Templates compiled once ahead: what a forked region worker then renders without compiling."""

from __future__ import annotations

from jinja2 import DictLoader, Environment
from kompetansebroen.mkdocs_adapter.template_bytecode import MemoryBytecodeCache, compile_ahead

TEMPLATES = {
    "main.html": '{% extends ("cached.html" if cached else "base.html") %}{% block body %}side{% endblock %}',
    "base.html": (
        '<body>{% block body %}{% endblock %}{% include ["partials/a.html", "partials/b.html"] %}'
        '{% include "partials/languages/" ~ lang ~ ".html" ignore missing %}</body>'
    ),
    "cached.html": "{{ cached }}",
    "partials/a.html": '{% import "macros.html" as m %}{{ m.hello() }}',
    "partials/b.html": "b",
    "macros.html": "{% macro hello() %}hei{% endmacro %}",
    "partials/languages/nb.html": "nb",
    "unused.html": "never named",
}


def test_every_template_a_page_may_name_is_compiled_and_none_built_at_render_time() -> None:
    compiled = compile_ahead(Environment(loader=DictLoader(TEMPLATES)), ["main.html"], MemoryBytecodeCache())

    assert sorted(compiled) == [
        "base.html", "cached.html", "macros.html", "main.html", "partials/a.html", "partials/b.html"
    ]  # fmt: skip


def test_another_environment_with_the_cache_renders_without_compiling() -> None:
    cache = MemoryBytecodeCache()
    compile_ahead(Environment(loader=DictLoader(TEMPLATES)), ["main.html"], cache)
    worker = Environment(loader=DictLoader(TEMPLATES), bytecode_cache=cache)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"compiled again: {args[1:]}")

    worker.compile = refuse  # type: ignore[method-assign]

    assert worker.get_template("main.html").render(cached="", lang="en") == "<body>sidehei</body>"
    assert worker.get_template("main.html").render(cached="fra cachen") == "fra cachen"


def test_an_edited_template_is_compiled_afresh() -> None:
    cache = MemoryBytecodeCache()
    compile_ahead(Environment(loader=DictLoader(TEMPLATES)), ["main.html"], cache)
    edited = Environment(loader=DictLoader({**TEMPLATES, "partials/b.html": "endret"}), bytecode_cache=cache)

    assert edited.get_template("partials/b.html").render() == "endret"


def test_a_missing_template_is_left_for_the_render_to_report() -> None:
    compiled = compile_ahead(Environment(loader=DictLoader(TEMPLATES)), ["mangler.html", "partials/b.html"])

    assert compiled == ["partials/b.html"]
