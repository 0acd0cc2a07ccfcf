"""Templates compiled once ahead: what a forked region worker then renders without compiling."""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import DictLoader, Environment
from kompetansebroen.mkdocs_adapter.template_bytecode import TemplateBytecodeCache, compile_ahead

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
    compiled = compile_ahead(
        Environment(loader=DictLoader(TEMPLATES)), ["main.html"], TemplateBytecodeCache()
    )

    assert sorted(compiled) == [
        "base.html", "cached.html", "macros.html", "main.html", "partials/a.html", "partials/b.html"
    ]  # fmt: skip


def test_another_environment_with_the_cache_renders_without_compiling() -> None:
    cache = TemplateBytecodeCache()
    compile_ahead(Environment(loader=DictLoader(TEMPLATES)), ["main.html"], cache)
    worker = Environment(loader=DictLoader(TEMPLATES), bytecode_cache=cache)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"compiled again: {args[1:]}")

    worker.compile = refuse  # type: ignore[method-assign]

    assert worker.get_template("main.html").render(cached="", lang="en") == "<body>sidehei</body>"
    assert worker.get_template("main.html").render(cached="fra cachen") == "fra cachen"


def test_an_edited_template_is_compiled_afresh() -> None:
    cache = TemplateBytecodeCache()
    compile_ahead(Environment(loader=DictLoader(TEMPLATES)), ["main.html"], cache)
    edited = Environment(loader=DictLoader({**TEMPLATES, "partials/b.html": "endret"}), bytecode_cache=cache)

    assert edited.get_template("partials/b.html").render() == "endret"


def test_a_missing_template_is_left_for_the_render_to_report() -> None:
    compiled = compile_ahead(
        Environment(loader=DictLoader(TEMPLATES)),
        ["mangler.html", "partials/b.html"],
        TemplateBytecodeCache(),
    )

    assert compiled == ["partials/b.html"]


def _refusing_to_compile(env: Environment) -> Environment:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"compiled again: {args[1:]}")

    env.compile = refuse  # type: ignore[method-assign]
    return env


def test_a_later_process_loads_the_compiled_templates_from_the_folder(tmp_path: Path) -> None:
    compile_ahead(Environment(loader=DictLoader(TEMPLATES)), ["main.html"], TemplateBytecodeCache(tmp_path))
    later = TemplateBytecodeCache(tmp_path)  # a new process: nothing in memory
    env = _refusing_to_compile(Environment(loader=DictLoader(TEMPLATES), bytecode_cache=later))

    assert env.get_template("main.html").render(cached="", lang="en") == "<body>sidehei</body>"
    (settings,) = tmp_path.iterdir()
    assert settings.stat().st_mode & 0o777 == 0o700
    assert len(list(settings.iterdir())) == 6


def test_a_damaged_entry_or_an_edited_template_is_compiled_afresh(tmp_path: Path) -> None:
    compile_ahead(Environment(loader=DictLoader(TEMPLATES)), ["main.html"], TemplateBytecodeCache(tmp_path))
    for entry in next(tmp_path.iterdir()).iterdir():
        entry.write_bytes(entry.read_bytes()[:40])
    edited = {**TEMPLATES, "partials/b.html": "endret"}

    env = Environment(loader=DictLoader(edited), bytecode_cache=TemplateBytecodeCache(tmp_path))

    assert env.get_template("main.html").render(cached="", lang="en") == "<body>sidehei</body>"
    assert env.get_template("partials/b.html").render() == "endret"
    again = Environment(loader=DictLoader(edited), bytecode_cache=TemplateBytecodeCache(tmp_path))
    assert _refusing_to_compile(again).get_template("partials/b.html").render() == "endret"


def test_a_folder_others_may_write_to_is_not_used(tmp_path: Path) -> None:
    compile_ahead(Environment(loader=DictLoader(TEMPLATES)), ["main.html"], TemplateBytecodeCache(tmp_path))
    settings = next(tmp_path.iterdir())
    for entry in settings.iterdir():
        entry.unlink()
    os.chmod(settings, 0o777)

    compile_ahead(Environment(loader=DictLoader(TEMPLATES)), ["main.html"], TemplateBytecodeCache(tmp_path))

    assert list(settings.iterdir()) == []
