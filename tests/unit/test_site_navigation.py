"""Material's navigation kept per key: pages that print it alike share it, no page gets another's."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment
from kompetansebroen.mkdocs_adapter.site_navigation import VERIFIED_RENDERINGS, SiteNavigation, navigation_key
from kompetansebroen.mkdocs_adapter.theme_files import MATERIAL_PREFIX, VisibleFilesLoader
from mkdocs.structure.toc import AnchorLink


@dataclass(eq=False)
class Entry:
    """A navigation entry (a page or a section) as the template sees it."""

    url: str | None
    active: bool = False
    children: list[Entry] = field(default_factory=list)
    toc: list[AnchorLink] = field(default_factory=list)
    pages: list[Entry] = field(default_factory=list)


@dataclass
class Nav:
    items: list[Entry]
    homepage: Entry | None = None


class Config:
    extra: dict[str, Any] = {}
    theme: dict[str, Any] = {}


SECTIONS = [Entry("artikler/"), Entry(None, children=[Entry("tema/"), Entry("tema/eldre/")])]
NAV = Nav(SECTIONS, homepage=Entry(""))


def test_articles_of_one_folder_share_a_key_and_other_folders_or_depths_do_not() -> None:
    first, second = Entry("artikler/a/"), Entry("artikler/b/")
    assert navigation_key(first, NAV, Config()) == navigation_key(second, NAV, Config())
    assert navigation_key(first, NAV, Config()) != navigation_key(Entry("nyheter/a/"), NAV, Config())
    assert navigation_key(first, NAV, Config()) != navigation_key(Entry("artikler/a/b/"), NAV, Config())


def test_the_page_itself_its_table_of_contents_and_the_active_entries_are_in_the_key() -> None:
    hub = SECTIONS[1].children[1]
    hub.toc = [AnchorLink("Om", "om", 2)]
    with_toc = navigation_key(hub, NAV, Config())
    hub.toc = [AnchorLink("Annet", "annet", 2)]
    assert navigation_key(hub, NAV, Config()) != with_toc
    outside = Entry("tema/eldre/x/")
    plain = navigation_key(outside, NAV, Config())
    SECTIONS[1].active = True
    try:
        assert navigation_key(outside, NAV, Config()) != plain
    finally:
        SECTIONS[1].active = False


def test_an_entry_that_lists_the_page_is_in_the_key() -> None:
    first, second = Entry("blogg/a/"), Entry("blogg/b/")
    nav = Nav([Entry("blogg/", pages=[first])])
    assert navigation_key(first, nav, Config()) != navigation_key(second, nav, Config())


class Rendering:
    """The template's own rendering (``caller``), counting its calls."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        return self.html


def test_a_kept_navigation_is_checked_first_and_then_reused() -> None:
    navigation = SiteNavigation()
    rendering = Rendering("<nav>a</nav>")
    pages = [Entry(f"artikler/{n}/") for n in range(VERIFIED_RENDERINGS + 4)]
    shown = [str(navigation(page, NAV, Config(), rendering)) for page in pages]
    assert shown == ["<nav>a</nav>"] * len(pages)
    assert rendering.calls == 1 + VERIFIED_RENDERINGS
    assert navigation.reused == 3


def test_a_rendering_that_differs_from_the_kept_one_ends_the_reuse(caplog: pytest.LogCaptureFixture) -> None:
    navigation = SiteNavigation()
    navigation(Entry("artikler/a/"), NAV, Config(), Rendering("<nav>a</nav>"))
    # A theme that prints something of the page the key leaves out: each page gets its own.
    with caplog.at_level(logging.DEBUG, logger="kompetansebroen.mkdocs_adapter.site_navigation"):
        assert navigation(Entry("artikler/b/"), NAV, Config(), Rendering("<nav>b</nav>")) == "<nav>b</nav>"
    assert not navigation.reusing
    assert "artikler/b/: the site navigation differs" in caplog.text
    later = Rendering("<nav>c</nav>")
    for name in "cde":
        assert navigation(Entry(f"artikler/{name}/"), NAV, Config(), later) == "<nav>c</nav>"
    assert later.calls == 3 and navigation.reused == 0


def test_a_template_without_a_page_is_rendered_as_it_is() -> None:
    navigation = SiteNavigation()
    rendering = Rendering("<nav>404</nav>")
    assert navigation(None, NAV, Config(), rendering) == navigation(None, NAV, Config(), rendering)
    assert rendering.calls == 2 and not navigation.kept


def test_materials_own_file_is_loaded_by_its_prefix_and_never_listed(tmp_path: Path) -> None:
    ours = tmp_path / "ours" / "partials"
    ours.mkdir(parents=True)
    (ours / "nav.html").write_text("ours")
    loader = VisibleFilesLoader([str(tmp_path / "ours")])
    env = Environment(loader=loader)
    assert env.get_template("partials/nav.html").render() == "ours"
    original = env.loader.get_source(env, MATERIAL_PREFIX + "partials/nav.html")[0]  # type: ignore[union-attr]
    assert 'import "partials/nav-item.html"' in original and "md-nav__list" in original
    assert loader.list_templates() == ["partials/nav.html"]
