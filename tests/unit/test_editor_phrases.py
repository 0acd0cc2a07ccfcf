"""The browser editor speaks Norwegian throughout: Decap's own ``nb_no`` with what it lacks laid over it.

Decap's locale files are read from ``node_modules`` (the version ``package-lock.json`` pins) by Node,
as the admin page's bundle has them. A newer Decap with a phrase neither translation gives fails
here, naming the phrase, rather than showing English to an editor.
"""

from __future__ import annotations

import html
import json
import re
import subprocess

import pytest
from kompetansebroen.editor.admin_page import admin_html
from kompetansebroen.editor.phrases import LOCALE, NORWEGIAN_PHRASES

from tests.support.repos import REPO

LOCALES = REPO / "node_modules" / "decap-cms-locales" / "dist" / "esm"
PLACEHOLDER = re.compile(r"%\{\w+\}")

# Node's packages are installed by `make test` (npm ci), not by `make test-fast`.
pytestmark = pytest.mark.slow

_READ = """
const [en, nb] = await Promise.all(process.argv.slice(1).map((path) => import(path)));
console.log(JSON.stringify({en: en.default, nb: nb.default}));
"""


def flat(tree: dict, prefix: str = "") -> dict[str, str]:
    """A phrase tree as Decap's keys: ``{"a": {"b": "x"}}`` → ``{"a.b": "x"}``."""
    found: dict[str, str] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            found.update(flat(value, f"{prefix}{key}."))
        else:
            found[prefix + key] = value
    return found


@pytest.fixture(scope="module")
def decap_phrases() -> dict[str, dict[str, str]]:
    paths = [LOCALES / name / "index.js" for name in ("en", LOCALE)]
    for path in paths:
        assert path.is_file(), f"{path} mangler: kjør make test (npm ci)"
    ran = subprocess.run(
        ["node", "--input-type=module", "-e", _READ, *(path.as_uri() for path in paths)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return {name: flat(tree) for name, tree in json.loads(ran.stdout).items()}


def test_every_phrase_of_decap_has_norwegian_words(decap_phrases: dict[str, dict[str, str]]) -> None:
    english, norwegian = decap_phrases["en"], decap_phrases["nb"] | flat(NORWEGIAN_PHRASES)
    assert len(english) > 200, "the English phrases were not read"
    missing = sorted(key for key in english if not norwegian.get(key, "").strip())
    assert not missing, "shown in English to an editor:\n" + "\n".join(
        f"{k} = {english[k]!r}" for k in missing
    )


def test_ours_complete_decaps_norwegian_and_keep_the_english_placeholders(
    decap_phrases: dict[str, dict[str, str]],
) -> None:
    english, decaps_own = decap_phrases["en"], decap_phrases["nb"]
    ours = flat(NORWEGIAN_PHRASES)
    assert not sorted(set(ours) - set(english)), "a phrase Decap does not have (a misspelt key?)"
    assert not sorted(set(ours) & set(decaps_own)), "Decap's Norwegian has these already"
    for key, words in ours.items():
        assert sorted(PLACEHOLDER.findall(words)) == sorted(PLACEHOLDER.findall(english[key])), key


def test_the_admin_page_hands_the_phrases_and_the_locale_to_its_script() -> None:
    page = admin_html("Redigering", "decap/decap-cms.js", [])
    found = re.search(r'data-kb-locale="([^"]*)" data-kb-phrases="([^"]*)"', page)
    assert found is not None, page
    assert found.group(1) == LOCALE
    assert json.loads(html.unescape(found.group(2))) == NORWEGIAN_PHRASES
