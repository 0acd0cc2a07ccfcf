"""The theme's listing without hidden files: the same files for MkDocs to copy, far fewer names walked."""

from __future__ import annotations

import fnmatch
from pathlib import Path

from jinja2 import FileSystemLoader
from kompetansebroen.mkdocs_adapter.theme_files import VisibleFilesLoader, list_visible_theme_files
from mkdocs.config import load_config
from mkdocs.structure.files import Files

TREE = ("a.css", ".hidden", ".icons/x.svg", "sub/.dot/y.svg", "sub/b.js", "sub/.c", "sub/deep/c.png")


def _hidden_for_mkdocs(name: str) -> bool:
    """MkDocs' own test for a hidden theme file (``structure/files.py``)."""
    return fnmatch.fnmatch(name.lower(), ".*") or fnmatch.fnmatch(name.lower(), "*/.*")


def test_the_listing_is_the_full_listing_without_what_mkdocs_drops_as_hidden(tmp_path: Path) -> None:
    for other in ("one", "two"):
        for name in TREE:
            (tmp_path / other / name).parent.mkdir(parents=True, exist_ok=True)
            (tmp_path / other / name).write_text(name)
    (tmp_path / "two" / "only-here.js").write_text("x")
    roots = [str(tmp_path / "one"), str(tmp_path / "two")]

    listed = VisibleFilesLoader(roots).list_templates()

    everything = FileSystemLoader(roots).list_templates()
    assert listed == [name for name in everything if not _hidden_for_mkdocs(name)]
    assert listed == ["a.css", "only-here.js", "sub/b.js", "sub/deep/c.png"]


def test_mkdocs_copies_the_same_theme_files_from_material(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Prøve\ntheme:\n  name: material\n  language: nb\n")
    config = load_config(str(tmp_path / "mkdocs.yml"))

    def theme_files() -> list[str]:
        files = Files([])
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        return sorted(file.src_uri for file in files)

    before = theme_files()
    list_visible_theme_files(config.theme)
    list_visible_theme_files(config.theme)  # a configuration read again is wrapped once

    assert isinstance(config.theme.get_env().loader, VisibleFilesLoader)
    assert theme_files() == before
    assert any(name.startswith("assets/stylesheets/main.") for name in before)  # Material's own files
    assert any(name.startswith("assets/javascripts/bundle.") for name in before)
    assert not any("/." in f"/{name}" for name in before)
