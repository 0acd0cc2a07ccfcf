"""The benchmark's corpus passes our own validation, and its Markdown floor runs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from kompetansebroen.cli import topics_from_config
from kompetansebroen.listings.pages import all_generated_paths
from kompetansebroen.project.loader import load_project

from bench.corpus import Size, generate
from bench.measure import measure_floor, tree_rss
from bench.reader import third_party_references
from bench.serve import edit_to_page

REPO = Path(__file__).resolve().parents[2]
TINY = Size("tiny", shared=5, regional=2, regions=2)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_generated_corpus_passes_validation(tmp_path: Path) -> None:
    corpus = generate(tmp_path / "corpus", TINY, seed=7, config_file=REPO / "mkdocs.yml")
    topics = topics_from_config(corpus.config_file)

    project, problems = load_project(corpus.root, topics, generated_paths=all_generated_paths(topics))

    assert not problems, problems.report()
    assert len(project.shared) == TINY.shared
    assert sorted(project.regions) == corpus.region_ids
    assert {region: len(docs) for region, docs in project.regional.items()} == {
        region: TINY.regional for region in corpus.region_ids
    }
    assert len(corpus.sources) == TINY.sources
    assert corpus.kinds["artikler"] >= 1


def test_corpus_is_reproducible(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", TINY, seed=3, config_file=REPO / "mkdocs.yml")
    second = generate(tmp_path / "b", TINY, seed=3, config_file=REPO / "mkdocs.yml")
    assert _files(first.root) == _files(second.root)


def test_floor_converts_every_source(tmp_path: Path) -> None:
    corpus = generate(tmp_path / "corpus", TINY, config_file=REPO / "mkdocs.yml")

    floor = measure_floor(corpus.root)

    assert floor.documents == TINY.sources > 0
    assert floor.seconds > 0
    assert floor.source_bytes > 0


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc")
def test_memory_sampler_sees_this_process() -> None:
    assert tree_rss(os.getpid()) > 0


def test_third_party_scan() -> None:
    html = (
        '<link rel="canonical" href="https://kompetansebroen.example/a/">'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script src="../assets/bundle.js"></script><img src="//cdn.example.org/x.png">'
    )
    found = third_party_references(html, {"kompetansebroen.example"})
    assert [ref.split(":", 1)[0] for ref in found] == ["fonts.googleapis.com", "cdn.example.org"]


def test_serve_measurement_sees_each_edit_and_restores_the_article(tmp_path: Path) -> None:
    corpus = generate(tmp_path / "corpus", TINY, seed=5, config_file=REPO / "mkdocs.yml")
    article = sorted((corpus.root / "content" / "artikler").glob("*.md"))[0]
    original = article.read_text(encoding="utf-8")

    result = edit_to_page(corpus.root, corpus.region_ids[0], edits=2)

    assert len(result.edits) == 2 and all(0 < seconds < 120 for seconds in result.edits)
    assert len(result.title_edits) == 2 and all(0 < seconds < 120 for seconds in result.title_edits)
    assert result.page == f"artikler/{article.stem}/"
    assert article.read_text(encoding="utf-8") == original
