"""A region build's incremental bookkeeping: a page is reused only when its inputs and its published bytes
are what the last good build recorded."""

from __future__ import annotations

from pathlib import Path

from kompetansebroen.mkdocs_adapter.incremental import RegionIncrement
from kompetansebroen.mkdocs_adapter.region_files import RegionFile
from kompetansebroen.output.region_state import RegionState, output_hash, state_key

PAGE = "artikler/x.md"
HTML = "<p>Siden slik forrige bygg skrev den</p>"


def published(tmp_path: Path, html: str = HTML) -> Path:
    site = tmp_path / "published"
    (site / "artikler/x").mkdir(parents=True)
    (site / "artikler/x/index.html").write_text(html, encoding="utf-8")
    return site


def last_build() -> RegionState:
    return RegionState(
        fingerprints={PAGE: "f1"},
        output_hashes={PAGE: output_hash(HTML)},
        cache_keys={PAGE: {"markdown": "m1", "page": "p1"}},
    )


def staged_file(tmp_path: Path) -> RegionFile:
    return RegionFile(PAGE, str(tmp_path / "docs"), str(tmp_path / "staging"), True)


def test_an_unchanged_page_is_linked_from_the_published_site_with_its_cache_entries(tmp_path: Path) -> None:
    increment = RegionIncrement(last_build(), published(tmp_path))
    file = staged_file(tmp_path)

    assert increment.unchanged(file, "f1")

    assert Path(file.abs_dest_path).read_text(encoding="utf-8") == HTML
    assert increment.reused == 1
    assert increment.cache_keys == {PAGE: {"markdown": "m1", "page": "p1"}}
    state = increment.hand_on([PAGE], {}, {}, stamped=[])
    assert (state.fingerprints, state.output_hashes) == ({PAGE: "f1"}, {PAGE: output_hash(HTML)})


def test_a_page_edited_by_hand_in_the_published_site_is_built_again(tmp_path: Path) -> None:
    increment = RegionIncrement(last_build(), published(tmp_path, "endret for hånd"))
    file = staged_file(tmp_path)

    assert not increment.unchanged(file, "f1")

    assert not Path(file.abs_dest_path).exists()
    assert increment.reused == 0 and increment.cache_keys == {} and increment.fingerprints == {PAGE: "f1"}


def test_a_page_whose_inputs_changed_is_built_again_and_recorded_as_written(tmp_path: Path) -> None:
    increment = RegionIncrement(last_build(), published(tmp_path))

    assert not increment.unchanged(staged_file(tmp_path), "f2")
    increment.written(PAGE, "<p>Ny</p>", {"markdown": "m2", "page": None})

    state = increment.hand_on([PAGE], {PAGE: [{"title": "X"}]}, {}, stamped=[])
    assert state.fingerprints == {PAGE: "f2"}
    assert state.output_hashes == {PAGE: output_hash("<p>Ny</p>")}
    assert state.cache_keys == {PAGE: {"markdown": "m2"}}


def test_a_preview_reuses_what_is_in_place_and_forgets_everything_after_a_failure(tmp_path: Path) -> None:
    last = last_build()
    increment = RegionIncrement(last, reuse_from=None)
    file = staged_file(tmp_path)

    assert increment.serving and increment.unchanged(file, "f1")
    assert not Path(file.abs_dest_path).exists()  # a preview's output folder already has the page

    increment.forget()
    assert last.fingerprints == {}


def test_pages_taken_unchanged_keep_the_last_builds_search_entries_and_issue_html(tmp_path: Path) -> None:
    last = last_build()
    last.search_entries = {PAGE: [{"title": "Gammel"}], "nyhetsbrev/a.md": [{"title": "A"}]}
    last.newsletter_html = {
        "nyhetsbrev/a.md": "<p>A</p>",
        "nyhetsbrev/b.md": "<p>B</p>",
        "nyhetsbrev/borte.md": "<p>Borte</p>",
    }
    increment = RegionIncrement(last, published(tmp_path))
    search: dict = {PAGE: [{"title": "Skrevet nå"}]}
    issues: dict = {}

    pages = [PAGE, "nyhetsbrev/a.md", "nyhetsbrev/b.md"]
    increment.hand_on(pages, search, issues, stamped=["nyhetsbrev/a.md"])

    # A page written in this build keeps its new entries; one stamped in this build gets its entries
    # from the rendering it is stamped from, later; a page no longer in the region keeps nothing.
    assert search == {PAGE: [{"title": "Skrevet nå"}], "nyhetsbrev/b.md": []}
    assert issues == {"nyhetsbrev/b.md": "<p>B</p>"}


def test_a_published_folder_inside_the_project_is_named_from_the_project(tmp_path: Path) -> None:
    """A project copied or moved whole (a CI workspace restored elsewhere) finds its regions' saved state."""
    here, there = tmp_path / "her", tmp_path / "der"
    assert state_key("ahus", here / "site/ahus", here) == state_key("ahus", there / "site/ahus", there)
    assert state_key("ahus", here / "site/ahus", here) == "ahus|site/ahus"
    assert state_key("ahus", here / "site/ahus", here) != state_key("ahus", here / "annet/ahus", here)
    assert state_key("ahus", here / "site/ahus", here) != state_key("innlandet", here / "site/ahus", here)


def test_a_published_folder_outside_the_project_is_named_in_full(tmp_path: Path) -> None:
    outside = tmp_path / "ut" / "ahus"
    assert state_key("ahus", outside, tmp_path / "prosjekt") == f"ahus|{outside.resolve()}"
