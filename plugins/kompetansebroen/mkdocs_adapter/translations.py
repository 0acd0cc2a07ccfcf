"""The theme's words by key (``lang.t("action.skip")`` in Material's templates), each looked up once a build.

Material's ``partials/language.html`` asks its language file for every word, and that file is one Jinja
macro that builds a dictionary of every word each time it is called: some twenty calls a page, a few
thousand dictionaries a build. Our ``partials/language.html`` asks :class:`Words` instead, which looks a
key up the same way once (our own wording, then Material's for the site's language, then English, then
the key itself) and keeps the answer.
"""

from __future__ import annotations

from typing import Any

OUR_WORDS = {
    "action.skip": "Hopp til hovedinnhold",
    "search.placeholder": "Søk i Kompetansebroen",
    "footer": "Bunntekst",
    "header": "Topptekst",
    "consent.reject": "Avvis",
}
"""Where Material's bokmål is missing, English, or not what we say."""


class Words:
    """``t(key)`` for one template environment: ours, the language's, English's, or the key."""

    def __init__(self, env: Any, language: str) -> None:
        self._env = env
        self._language = language
        self._known: dict[str, str] = dict(OUR_WORDS)

    def _from_material(self, language: str, key: str) -> str:
        return str(self._env.get_template(f"partials/languages/{language}.html").module.t(key))

    def __call__(self, key: str) -> str:
        word = self._known.get(key)
        if word is None:
            word = self._from_material(self._language, key) or self._from_material("en", key) or key
            self._known[key] = word
        return word
