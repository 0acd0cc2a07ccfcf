"""Which of Material's lunr files a site's search imports, by its search languages."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import material
import pytest
from kompetansebroen.mkdocs_adapter.search_languages import (
    LUNR_FOLDER,
    is_unused_lunr_file,
    lunr_files_needed,
    search_languages,
)

MATERIAL_LUNR = Path(material.__file__).parent / "templates" / LUNR_FOLDER


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        (["no"], {"min/lunr.stemmer.support.min.js", "min/lunr.no.min.js"}),
        (["en"], set()),
        (
            ["no", "en"],
            {"min/lunr.stemmer.support.min.js", "min/lunr.no.min.js", "min/lunr.multi.min.js"},
        ),
        (["ja"], {"min/lunr.stemmer.support.min.js", "min/lunr.ja.min.js", "tinyseg.js"}),
        (["th"], {"min/lunr.stemmer.support.min.js", "min/lunr.th.min.js", "wordcut.js"}),
    ],
)
def test_the_files_are_those_materials_worker_imports(languages: list[str], expected: set[str]) -> None:
    assert lunr_files_needed(languages) == expected


def test_every_file_named_is_one_material_ships() -> None:
    shipped = {p.relative_to(MATERIAL_LUNR).as_posix() for p in MATERIAL_LUNR.rglob("*.js")}
    for languages in (["no"], ["no", "en"], ["ja"], ["hi"]):
        assert lunr_files_needed(languages) <= shipped, languages
    assert len(shipped) > 30  # so leaving the others out is worth it


def test_materials_worker_still_imports_them_as_this_module_says() -> None:
    """The worker's own set-up names the same paths; a Material release that changes them fails here."""
    (worker,) = (Path(material.__file__).parent / "templates/assets/javascripts/workers").glob("search.*.js")
    source = worker.read_text(encoding="utf-8")
    for expected in (
        "/min/lunr.stemmer.support.min.js",
        "/min/lunr.${",
        "/min/lunr.multi.min.js",
        "/tinyseg.js",
        "/wordcut.js",
        'let e="../lunr"',
    ):
        assert expected in source, expected


def test_only_lunr_files_outside_the_set_are_unused() -> None:
    needed = lunr_files_needed(["no"])
    assert is_unused_lunr_file(LUNR_FOLDER + "min/lunr.de.min.js", needed)
    assert is_unused_lunr_file(LUNR_FOLDER + "wordcut.js", needed)
    assert not is_unused_lunr_file(LUNR_FOLDER + "min/lunr.no.min.js", needed)
    assert not is_unused_lunr_file("assets/javascripts/bundle.js", needed)
    assert not is_unused_lunr_file(LUNR_FOLDER + "min/lunr.de.min.js", None)  # languages not set: keep all


def test_the_languages_come_from_the_search_plugin_as_configured() -> None:
    def config(plugins: dict) -> SimpleNamespace:
        return SimpleNamespace(plugins=plugins)

    search = SimpleNamespace(config=SimpleNamespace(lang=["no"]))
    assert search_languages(config({"search": search})) == ["no"]
    assert search_languages(config({"material/search": search})) == ["no"]
    assert search_languages(config({"search": SimpleNamespace(config=SimpleNamespace(lang=None))})) is None
    assert search_languages(config({})) is None
