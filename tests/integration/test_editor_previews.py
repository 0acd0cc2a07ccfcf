"""Every sample page, previewed in the browser editor, shows under its title what its built page shows.

Each Markdown file of a content type, shared or a region's own, each podcast series' ``serie.yml``
and each other page a region shows (home pages, hubs) is given to its collection's preview
(``admin.js`` in Node, its front matter read as Decap reads it: tests/support/editor_preview.py), and
the title, the line under it and the list of facts are compared with the page of the sample's build.
Topics are the page's alone (the preview has no topic pages to link to), and so is the length of an
episode whose MP3 is in the site: the build reads it from the file.
"""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import pytest
from kompetansebroen.editor.collections import page_entry_name
from kompetansebroen.mkdocs_adapter.admin_files import scope_of
from kompetansebroen.project.loader import Project
from kompetansebroen.settings import load_content, load_settings

from tests.support.builds import ColdBuilds
from tests.support.editor_preview import SERIES, previewed
from tests.support.repos import REPO

TYPE_FOLDERS = ("artikler", "nyhetsbrev", "styrende-dokumenter", "arrangementer", "e-laering", "film")
REGIONS = ("innlandet", "ahus", "ostfold", "vestfold")


@functools.cache
def sample_project() -> Project:
    project, problems = load_content(REPO, load_settings(REPO / "mkdocs.yml"), check_rendered=False)
    assert not problems
    return project


def other_pages(tree: Path) -> list[Path]:
    """The pages a tree's admin page lists under «Sider» (home page, hubs, lists' introductions), as the
    build finds them for the editor."""
    region_id = None if tree == REPO / "content" else tree.name
    return [tree / path for path, _title in scope_of(sample_project(), region_id).pages]


def shown_in(tree: Path, regions: tuple[str, ...], source: Path) -> tuple[str, ...]:
    """The regions that show ``source``: a region's own page at the same place hides a shared one."""
    relative = source.relative_to(tree)
    if tree != REPO / "content":
        return regions
    return tuple(region for region in regions if not (REPO / "regions" / region / relative).is_file())


def samples() -> list[tuple[str, Path, tuple[str, ...], str]]:
    """(collection, source file, the regions that may show it, its page's path in a region's site) for
    every sample of every type and every other page a region shows."""
    found = []
    for tree, regions in [
        (REPO / "content", REGIONS),
        *((REPO / "regions" / id_, (id_,)) for id_ in REGIONS),
    ]:
        for source in other_pages(tree):
            if showing := shown_in(tree, regions, source):
                path = source.relative_to(tree).as_posix()
                page = "" if source.parent == tree else source.parent.relative_to(tree).as_posix()
                found.append((page_entry_name(path), source, showing, page))
        for folder in TYPE_FOLDERS:
            for source in sorted((tree / folder).glob("*.md")):
                if source.name != "index.md":  # a list's introduction, one of the other pages
                    found.append((folder, source, regions, f"{folder}/{source.stem}"))
        for slug, _title in SERIES:
            for source in sorted((tree / "podkast" / slug).glob("*.md")):
                found.append((f"podkast-{slug}", source, regions, f"podkast/{slug}/{source.stem}"))
            if (tree / "podkast" / slug / "serie.yml").is_file():
                found.append(
                    ("podkastserier", tree / "podkast" / slug / "serie.yml", regions, f"podkast/{slug}")
                )
    return found


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def on_the_page(site: Path, regions: tuple[str, ...], page: str) -> dict:
    """The line under the title (without its topics) and the facts list of a built page, in the first
    of ``regions`` that has it (a shared page may be left out of some)."""
    built = next(path for region in regions if (path := site / region / page / "index.html").is_file())
    text = built.read_text(encoding="utf-8")
    article = text[text.index("<h1") :]
    heading = article[: article.index("</h1>")].split(">", 1)[1]
    title = _text(re.sub(r'<a class="headerlink".*?</a>', "", heading))  # without its permalink «¶»
    line = re.search(r'<p class="kb-meta">(.*?)</p>', article, re.DOTALL)
    said = re.sub(r"(^| · )Tema: .*$", "", _text(line.group(1)) if line else "")
    listed = re.search(r'<dl class="kb-[\w-]+-facts[^"]*">(.*?)</dl>', article, re.DOTALL)
    items = [_text(item) for item in re.findall(r"<d[td]>(.*?)</d[td]>", listed.group(1))] if listed else []
    return {
        "title": title,
        "line": said,
        "facts": [list(pair) for pair in zip(items[::2], items[1::2], strict=True)],
    }


@pytest.fixture(scope="module")
def sample_site(cold_builds: ColdBuilds) -> Path:
    return cold_builds.of(REPO).site


def test_every_sample_previewed_shows_what_its_page_shows(sample_site: Path) -> None:
    found = samples()
    assert len(found) > 40
    assert {sample[0] for sample in found} == {
        *TYPE_FOLDERS,
        "podkast-over-broen",
        "podkastserier",
        "side-index",
        "side-helsefellesskap-index",
    }
    shown = previewed([(collection, source) for collection, source, _, _ in found])
    differing = []
    for (collection, source, regions, page), preview in zip(found, shown, strict=True):
        expected = on_the_page(sample_site, regions, page)
        values = source.read_text(encoding="utf-8")
        if collection.startswith("podkast-") and not re.search(r"^duration:", values, re.MULTILINE):
            expected["line"] = re.sub(r" · Varighet [^·]+$", "", expected["line"])
        assert preview is not None, collection
        got = {"title": preview["title"], "line": preview["line"], "facts": preview["facts"]}
        if got != expected:
            differing.append(f"{source.relative_to(REPO)}:\n  page:    {expected}\n  preview: {got}")
    assert not differing, "\n".join(differing)
