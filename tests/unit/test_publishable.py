"""What may be published from the content tree: file kinds, places, and SVG by its content."""

from __future__ import annotations

import pytest
from kompetansebroen.project import publishable

DRAWING = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">
  <title>Logo</title>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>
  <style>.a { fill: url(#g); }</style>
  <g class="a"><path id="p" d="M0 0h10v10z" style="fill:url(#g)"/><use xlink:href="#p"/></g>
  <text x="1" y="9">Kompetansebroen</text>
</svg>
"""


@pytest.mark.parametrize(
    "path",
    ["bilder/a.JPG", "vedlegg/plan.pdf", "vedlegg/avtale.docx", "lyd/episode.mp3", "film/a.mp4"]
    + ["film/a.vtt", "podkast/serie.yml", "vedlegg/tekst.txt", "bilder/logo.svg"],
)
def test_images_documents_audio_video_and_captions_may_be_published(path: str) -> None:
    assert publishable.file_refusal(path) is None
    assert publishable.path_refusal(path) is None


@pytest.mark.parametrize(
    ("path", "fragment"),
    [
        ("artikler/x.markdown", "gi filen endelsen .md (x.md)"),
        ("artikler/x.MKDN", "gi filen endelsen .md"),
        ("vedlegg/side.html", "kan kjøre skript"),
        ("vedlegg/a.js", "kan kjøre skript"),
        ("vedlegg/a.xml", "kan kjøre skript"),
        ("vedlegg/a.exe", "tillatt er sider (.md) og bilder"),
        ("vedlegg/Makefile", "filer med ingen endelse publiseres ikke"),
    ],
)
def test_other_kinds_of_files_are_refused_with_what_is_allowed(path: str, fragment: str) -> None:
    refusal = publishable.file_refusal(path)
    assert refusal is not None and fragment in refusal


@pytest.mark.parametrize(
    "path",
    ["assets/kompetansebroen/kb.js", "assets/x.png", "search/search_index.json", "favoritter/index.md"]
    + ["sitemap.xml", "404.html", "tilgjengelighet/bilde.png"],
)
def test_paths_the_theme_or_the_build_owns_are_refused(path: str) -> None:
    assert publishable.path_refusal(path) is not None


@pytest.mark.parametrize(
    "path", ["tilgjengelighet/index.md", "artikler/assets/x.png", "vedlegg/search/x.pdf", "assets.md"]
)
def test_the_same_names_deeper_down_and_the_accessibility_statements_text_are_allowed(path: str) -> None:
    assert publishable.path_refusal(path) is None


def test_a_drawing_passes() -> None:
    assert publishable.svg_refusal(DRAWING) is None


@pytest.mark.parametrize(
    ("svg", "fragment"),
    [
        ("<svg><script>alert(1)</script></svg>", "<script>"),
        ('<svg onload="alert(1)"><rect/></svg>', "onload="),
        ('<svg><a href="javascript:alert(1)"><rect/></a></svg>', "<a>"),
        ('<svg><use href="https://x.example/s.svg#a"/></svg>', "https://x.example/s.svg#a"),
        ('<svg><image href="https://x.example/a.png"/></svg>', "<image>"),
        ("<svg><foreignObject><div>x</div></foreignObject></svg>", "<foreignObject>"),
        ("<svg><style>@import url(https://x.example/a.css);</style></svg>", "CSS"),
        ('<svg><rect style="fill:url(https://x.example/a)"/></svg>', "style="),
        ('<svg><set attributeName="onmouseover" to="alert(1)"/></svg>', "<set>"),
    ],
)
def test_svg_with_script_or_anything_from_elsewhere_is_refused(svg: str, fragment: str) -> None:
    refusal = publishable.svg_refusal(svg)
    assert refusal is not None and fragment in refusal, refusal


@pytest.mark.parametrize(
    "path", ["artikler/side-2.md", "artikler/side-12/index.md", "tema/kompetanse/side-2.md"]
)
def test_a_page_at_the_address_of_a_further_list_page_is_refused(path: str) -> None:
    refusal = publishable.path_refusal(path)
    assert refusal is not None and "av listen nettstedet lager" in refusal


@pytest.mark.parametrize(
    "path", ["artikler/side-to.md", "vedlegg/side-2.md", "tema/side-2.md", "artikler/side-2.png"]
)
def test_side_n_elsewhere_is_an_ordinary_name(path: str) -> None:
    assert publishable.path_refusal(path) is None


@pytest.mark.parametrize("region_id", sorted(publishable.RESERVED_REGION_IDS))
def test_region_ids_that_take_a_path_of_the_site_root_are_refused(region_id: str) -> None:
    refusal = publishable.region_id_refusal(region_id)
    assert refusal is not None and f"«{region_id}»" in refusal


def test_ordinary_region_ids_are_allowed() -> None:
    assert publishable.region_id_refusal("innlandet") is None


@pytest.mark.parametrize(
    ("path", "shown"),
    [
        ("artikler/to ord.md", "mellomrom"),
        ('artikler/a){: onclick="x" }.md', "«)»"),
        ("vedlegg/<b>.pdf", "«<»"),
        ("mappe{x}/a.png", "«{»"),
        ("artikler/a\tb.md", "U+0009"),
    ],
)
def test_names_with_characters_that_are_syntax_in_links_or_html_are_refused(path: str, shown: str) -> None:
    refusal = publishable.path_refusal(path)
    assert refusal is not None and shown in refusal


def test_norwegian_letters_dots_and_underscores_are_fine_in_names() -> None:
    assert publishable.path_refusal("artikler/møte_på_sykehuset.v2.md") is None
