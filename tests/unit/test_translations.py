"""The theme's words: ours first, then Material's bokmål, then English, then the key; each looked up once."""

from __future__ import annotations

from pathlib import Path

import jinja2
import material
from kompetansebroen.mkdocs_adapter.page_context import theme_globals
from kompetansebroen.mkdocs_adapter.translations import OUR_WORDS, Words

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
OUR_THEME = Path(__file__).parents[2] / "plugins" / "kompetansebroen" / "theme"


def environment() -> jinja2.Environment:
    """Our theme over Material's, as MkDocs stacks them, with the words for bokmål."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader([str(OUR_THEME), str(MATERIAL_TEMPLATES)]))
    env.globals.update(theme_globals(env, "nb"))  # as each build sets up its environment
    return env


def material_says(language: str, key: str) -> str:
    """What Material's own language file answers, asked directly."""
    plain = jinja2.Environment(loader=jinja2.FileSystemLoader(str(MATERIAL_TEMPLATES)))
    return str(plain.get_template(f"partials/languages/{language}.html").module.t(key))


def test_our_words_come_first_then_bokmaal_then_english_then_the_key() -> None:
    words = environment().globals["kb_words"]
    assert words("action.skip") == OUR_WORDS["action.skip"] != material_says("nb", "action.skip")
    assert words("action.edit") == material_says("nb", "action.edit") == "Rediger denne siden"
    english_only = "blog.authors"  # not in Material's bokmål
    assert not material_says("nb", english_only) and material_says("en", english_only)
    assert words(english_only) == material_says("en", english_only)
    assert words("no.such.key") == "no.such.key"


def test_the_theme_macro_prints_the_same_words_as_before() -> None:
    """``lang.t`` in Material's templates goes through our ``partials/language.html``."""
    env = environment()
    page = env.from_string(
        '{% import "partials/language.html" as lang %}'
        '{{ lang.t("action.skip") }}|{{ lang.t("search.reset") }}|{{ lang.t("no.such.key") }}'
    )
    assert page.render() == f"Hopp til hovedinnhold|{material_says('nb', 'search.reset')}|no.such.key"


def test_a_word_is_looked_up_in_the_language_files_once() -> None:
    env = environment()
    words: Words = env.globals["kb_words"]
    asked: list[str] = []
    real = words._from_material

    def counted(language: str, key: str) -> str:
        asked.append(f"{language}:{key}")
        return real(language, key)

    words._from_material = counted  # type: ignore[method-assign]
    for _ in range(3):
        words("action.edit")
        words("no.such.key")
    assert asked == ["nb:action.edit", "nb:no.such.key", "en:no.such.key"]
