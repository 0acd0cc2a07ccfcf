"""The benchmark's own code: its corpora pass our validation, its plan and targets say what they should.

No test here asserts how fast anything is: figures are made up where a target is
judged, so both verdicts can be checked.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from collections import Counter
from pathlib import Path

import pytest
from kompetansebroen.cli import topics_from_config
from kompetansebroen.content_types.registry import content_type
from kompetansebroen.content_types.spec import Vocabulary
from kompetansebroen.frontmatter import learning_fields, media_checks
from kompetansebroen.frontmatter.fields import FoundProblem
from kompetansebroen.frontmatter.splitter import split
from kompetansebroen.frontmatter.yaml_source import compose
from kompetansebroen.listings.pages import all_generated_paths
from kompetansebroen.model.documents import Kind
from kompetansebroen.model.learning import PodcastEpisode, clashing_episode_numbers
from kompetansebroen.model.regions import REGION_ID
from kompetansebroen.model.topics import slugify
from kompetansebroen.project.loader import load_project
from kompetansebroen.settings import load_settings
from kompetansebroen.text.slugs import slugify as anchor_slugify

from bench import set_aside as set_aside_module
from bench.__main__ import parse_args
from bench.corpus import MAX_REGIONS, REGIONS, Size, generate
from bench.learning import COVER_NAME, POSTER_NAME
from bench.measure import (
    BuildFailed,
    BuildResult,
    FloorResult,
    markdown_settings,
    material_alone_build,
    measure_floor,
    prepare_material_alone,
    run_measured,
    unique_sources,
)
from bench.plan import Setup
from bench.process_tree import TreeUsage, tree_rss
from bench.reader import third_party_references
from bench.report import render
from bench.runner import bench_setup, setup_figures
from bench.serve import ServeResult, edit_to_page
from bench.set_aside import SetAside
from bench.targets import added_region_costs, cold_targets_beside_material_alone, evaluate

REPO = Path(__file__).resolve().parents[2]
TINY = Size("tiny", shared=5, regional=2, regions=2)
WITH_LEARNING = Size("learning", shared=100, regional=20, regions=2)
"""98 typed shared pages (two are the home and the hub): 6 courses, 3 films, one series of 4 episodes."""
HELSEFELLESSKAP_AFTER_THE_FIRST_FOUR = [
    "Finnmark",
    "UNN",
    "Nordland",
    "Helgeland",
    "Nord-Trøndelag",
    "St. Olavs",
    "Møre og Romsdal",
    "Førde",
    "Bergen",
    "Fonna",
    "Stavanger",
    "Sørlandet",
    "Telemark",
    "Vestre Viken",
    "Oslo",
]
MIB = 1024 * 1024


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _load(corpus_root: Path, config_file: Path):
    topics = topics_from_config(config_file)
    return load_project(corpus_root, topics, generated_paths=all_generated_paths(topics))


# -- corpus ----------------------------------------------------------------------------


def test_generated_corpus_passes_validation(tmp_path: Path) -> None:
    corpus = generate(tmp_path / "corpus", TINY, seed=7, config_file=REPO / "mkdocs.yml")

    project, problems = _load(corpus.root, corpus.config_file)

    assert not problems, problems.report()
    assert len(project.shared) == TINY.shared
    assert sorted(project.regions) == corpus.region_ids
    assert {region: len(docs) for region, docs in project.regional.items()} == {
        region: TINY.regional for region in corpus.region_ids
    }
    assert len(corpus.sources) == TINY.sources
    assert corpus.kinds["artikler"] >= 1


def _learning_problems(
    tree: Path, config_file: Path, region_ids: list[str], *, shared: bool
) -> tuple[list[str], list[PodcastEpisode]]:
    """Every problem the learning resources' schemas and file checks find in ``tree``, and its episodes."""
    settings = load_settings(config_file)
    topics = settings.topics.names()
    vocabulary = Vocabulary(tuple(topics), tuple(settings.professions))
    schemas = {  # the schemas the loader checks these pages with: their declarations
        kind.value: content_type(kind).schema(vocabulary, region_ids, shared=shared)
        for kind in (Kind.ELEARNING, Kind.FILM, Kind.EPISODE)
    }
    found: list[tuple[Path, FoundProblem]] = []
    episodes: list[PodcastEpisode] = []
    pages = [*tree.glob("e-laering/*.md"), *tree.glob("film/*.md"), *tree.glob("podkast/*/*.md")]
    for page in sorted(pages):
        relative = page.relative_to(tree).as_posix()
        source = split(page.read_text(encoding="utf-8"))
        node, error = compose(source.front_matter or "")
        assert error is None, (relative, error)
        reading = schemas[relative.split("/")[0]].read(node)
        found += [(page, problem) for problem in reading.problems]
        if relative.startswith("film/"):
            found += [
                (page, p)
                for p in media_checks.film_media_problems(
                    reading.values, reading.lines, media_checks.beside(page)
                )
            ]
        if relative.startswith("podkast/"):
            facts, media = media_checks.episode_media(
                reading.values, reading.lines, media_checks.beside(page)
            )
            found += [(page, problem) for problem in media]
            found += [
                (page, problem)
                for problem in learning_fields.transcript_problems(
                    reading.values, reading.lines, source.body, source.body_line
                )
            ]
            if not reading.problems:
                episodes.append(PodcastEpisode.from_meta(relative, reading.values, audio_facts=facts))
    for series_file in sorted(tree.glob("podkast/*/serie.yml")):
        node, error = compose(series_file.read_text(encoding="utf-8"))
        assert error is None, (series_file, error)
        reading = learning_fields.series_schema().read(node)
        found += [(series_file, problem) for problem in reading.problems]
        found += [
            (series_file, problem)
            for problem in media_checks.series_media_problems(
                reading.values, reading.lines, media_checks.beside(series_file)
            )
        ]
    return [f"{path}:{problem.line}: {problem.field}: {problem.message}" for path, problem in found], episodes


def test_corpus_has_learning_resources_in_proportion_and_they_pass_their_checks(tmp_path: Path) -> None:
    corpus = generate(tmp_path / "corpus", WITH_LEARNING, seed=7, config_file=REPO / "mkdocs.yml")
    content = corpus.root / "content"

    problems, episodes = _learning_problems(content, corpus.config_file, corpus.region_ids, shared=True)
    for region_id in corpus.region_ids:
        regional, regional_episodes = _learning_problems(
            corpus.root / "regions" / region_id, corpus.config_file, corpus.region_ids, shared=False
        )
        problems += regional
        episodes += regional_episodes

    assert not problems, "\n".join(problems)
    assert len(list(content.glob("e-laering/*.md"))) == 6
    assert len(list(content.glob("film/*.md"))) == 3
    [series] = content.glob("podkast/*/serie.yml")
    shared_episodes = sorted(
        (e for e in episodes if e.path.startswith(f"podkast/{series.parent.name}/")), key=lambda e: e.path
    )
    assert [(e.season, e.episode) for e in shared_episodes] == [(1, 1), (1, 2), (2, 1), (2, 2)]
    assert all(e.audio_url and e.audio_bytes > 0 and e.duration_seconds > 0 for e in shared_episodes)
    assert not clashing_episode_numbers(episodes)
    assert (series.parent / COVER_NAME).is_file() and (content / "film" / POSTER_NAME).is_file()
    # Each region's share of its own pages holds a course and a film too.
    for region_id in corpus.region_ids:
        tree = corpus.root / "regions" / region_id
        assert len(list(tree.glob("e-laering/*.md"))) == len(list(tree.glob("film/*.md"))) == 1
    # They are taken from the articles' share: the corpus still has as many Markdown sources.
    assert len(corpus.sources) == WITH_LEARNING.sources
    assert (corpus.kinds["e-laering"], corpus.kinds["film"], corpus.kinds["podkast"]) == (8, 5, 4)
    # No audio or video: films link to a host and episodes name audio elsewhere.
    assert not [p for p in corpus.root.rglob("*") if p.suffix in (".mp3", ".mp4", ".vtt")]


def test_corpus_with_learning_resources_passes_the_projects_validation(tmp_path: Path) -> None:
    corpus = generate(tmp_path / "corpus", WITH_LEARNING, seed=7, config_file=REPO / "mkdocs.yml")

    project, problems = _load(corpus.root, corpus.config_file)

    assert not problems, problems.report()
    kinds = Counter(doc.kind for doc in project.shared.values())
    assert (kinds[Kind.ELEARNING], kinds[Kind.FILM], kinds[Kind.EPISODE]) == (6, 3, 4)
    assert len(project.shared_series) == 1
    assert len(project.shared) == WITH_LEARNING.shared


def test_six_regions_pass_validation_and_the_two_beyond_four_are_helsefellesskap_areas(
    tmp_path: Path,
) -> None:
    six = TINY.with_regions(6)
    corpus = generate(tmp_path / "corpus", six, seed=7, config_file=REPO / "mkdocs.yml")

    project, problems = _load(corpus.root, corpus.config_file)

    assert not problems, problems.report()
    assert six.label == "tiny6"
    assert len(project.regions) == 6
    assert {region: len(docs) for region, docs in project.regional.items()} == dict.fromkeys(
        project.regions, TINY.regional
    )
    names = {region.id: region.name for region in project.regions.values()}
    assert [names[i] for i in ("ahus", "innlandet", "ostfold", "vestfold")] == [
        "Ahus",
        "Innlandet",
        "Østfold",
        "Vestfold",
    ]
    assert names["finnmark"] == "Finnmark" and names["unn"] == "UNN"
    assert project.regions["unn"].hospital == "Universitetssykehuset Nord-Norge"


def test_nineteen_regions_are_the_helsefellesskap_areas_with_ids_as_the_project_writes_addresses() -> None:
    assert MAX_REGIONS == 19
    assert [name for _, name, _ in REGIONS[4:]] == HELSEFELLESSKAP_AFTER_THE_FIRST_FOUR
    for region_id, name, hospital in REGIONS:
        assert region_id == slugify(name) and REGION_ID.match(region_id), region_id
        assert hospital
    assert {"st-olavs", "more-og-romsdal", "forde", "sorlandet", "vestre-viken"} <= {r[0] for r in REGIONS}


def test_more_regions_add_regions_without_changing_the_rest(tmp_path: Path) -> None:
    four = generate(tmp_path / "four", TINY.with_regions(4), seed=2, config_file=REPO / "mkdocs.yml")
    six = generate(tmp_path / "six", TINY.with_regions(6), seed=2, config_file=REPO / "mkdocs.yml")

    smaller, larger = _files(four.root), _files(six.root)

    assert {path: larger[path] for path in smaller} == smaller
    assert {path.split("/")[1] for path in set(larger) - set(smaller)} == {"finnmark", "unn"}


def test_a_region_count_beyond_the_areas_is_refused() -> None:
    with pytest.raises(ValueError, match="1–19"):
        TINY.with_regions(20)
    with pytest.raises(SystemExit):
        parse_args(["--regions", "4,20"])


def test_corpus_is_reproducible(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", TINY, seed=3, config_file=REPO / "mkdocs.yml")
    second = generate(tmp_path / "b", TINY, seed=3, config_file=REPO / "mkdocs.yml")
    assert _files(first.root) == _files(second.root)


# -- what a run measures -------------------------------------------------------------


def _plan(argv: list[str]) -> list[tuple[str, bool, bool]]:
    return [(s.label, s.rebuild_and_serve, s.naive) for s in parse_args(argv).setups]


def test_default_run_builds_s_and_l_with_four_and_nineteen_regions() -> None:
    args = parse_args([])

    assert args.runs == 3
    assert _plan([]) == [
        ("S4", True, True),
        ("S19", False, False),
        ("L4", True, False),
        ("L19", False, False),
    ]


def test_quick_run_leaves_out_l19_and_the_naive_baseline() -> None:
    assert parse_args(["--quick"]).runs == 1
    assert _plan(["--quick"]) == [("S4", True, False), ("S19", False, False), ("L4", True, False)]
    assert _plan(["--quick", "--sizes", "S", "--regions", "19"]) == [("S19", True, False)]
    with pytest.raises(SystemExit):
        parse_args(["--quick", "--sizes", "L", "--regions", "19"])


# -- targets and report from made-up figures -------------------------------------------


def _build(wall: float, cpu: float, pages: int, peak_mib: int = 300) -> BuildResult:
    usage = TreeUsage(peak_rss=peak_mib * MIB, samples=10, main_cpu=cpu / 3, most_processes=3)
    usage.cores_busy = [1.9, 1.9, 1.2]
    stages = {
        "read and validate": cpu * 0.1,
        "Markdown": cpu * 0.2,
        "compression": cpu * 0.1,
        "other": cpu * 0.6,
    }
    return BuildResult(wall, cpu, pages, usage, stages=stages)


def _figures(
    label: str,
    *,
    floor: float,
    cold: float,
    pages: int,
    rebuild: float | None = None,
    edit: float = 0.5,
    title_edit: float = 0.5,
    peak_mib: int = 300,
    material: float | None = None,
) -> dict:
    """One setup's figures, put together by the benchmark's own code from made-up measurements.

    ``material``: the wall time of MkDocs and Material alone (not measured when None).
    """
    size = Size(label[0], 200 if label[0] == "S" else 1000, 50, int(label[1:]))
    corpus = {
        "sources": size.sources,
        "source_bytes": 1000 * size.sources,
        "kinds": {"artikler": size.sources},
        "region_ids": [r[0] for r in REGIONS[: size.regions]],
    }
    preview = (
        ServeResult("ahus", "artikler/a/", 3.0, [edit, edit], [title_edit, title_edit]) if rebuild else None
    )
    return setup_figures(
        size,
        corpus,
        [FloorResult(floor, size.sources, 1000 * size.sources)],
        [_build(material, material, size.sources)] if material else [],
        [_build(cold, cold * 1.8, pages, peak_mib)],
        [_build(rebuild, rebuild, pages)] if rebuild else [],
        [],
        preview,
    )


def _reader(median_kb: float, first_view_kb: int = 80) -> dict:
    region = {
        "region": "ahus",
        "pages": 1400,
        "html_median": int(median_kb * 1000),
        "html_max": 49000,
        "html_max_page": "nyhetsbrev/index.html",
        "sample_page": "artikler/a/index.html",
        "css": {"raw": 154000, "gzip": 26700},
        "js": {"raw": 115000, "gzip": 35700},
        "search_index_raw": 1200000,
        "search_index_gzip": 102000,
        "search_scripts": {"files": ["kb-search.js"], "raw": 50000, "gzip": 17000},
        "first_view": {"files": ["index.html", "kb-search.js"], "raw": 300000, "gzip": first_view_kb * 1000},
        "first_search_gzip": 119000,
        "third_party": {},
    }
    return {"setup": "L4", "regions": [region]}


def _scale(first_search_kb: int) -> dict:
    return {
        "pages": 10000,
        "index_gzip": 2_400_000,
        "files": 1414,
        "write_cpu_s": 0.9,
        "queries": 12,
        "median_fetched_gzip": 76_000,
        "largest_fetched_gzip": first_search_kb * 1000 - 19_000,
        "largest_files": 68,
        "largest_query": "fagdager innen",
        "scripts_gzip": 19_000,
        "first_search_gzip": first_search_kb * 1000,
    }


def _results(setups: list[dict], reader: dict | None, scale: dict | None = None) -> dict:
    results = {
        "machine": {
            "cpus_usable": 2,
            "cpu_count": 2,
            "memory_total_mib": 24000,
            "platform": "Linux",
            "python": "3.11",
            "mkdocs": "1.6.1",
            "mkdocs_material": "9.8",
            "markdown": "3.6",
            "pymdown_extensions": "10",
            "load_average_start": [0.1],
        },
        "settings": {"runs": 1, "seed": 1},
        "setups": {figures["label"]: figures for figures in setups},
        "reader": reader,
        "search_at_scale": scale,
    }
    results["added_region"] = added_region_costs(results["setups"])
    results["cold_targets_beside_material_alone"] = cold_targets_beside_material_alone(results["setups"])
    results["targets"] = [target.as_dict() for target in evaluate(results)]
    return results


def test_targets_held_when_every_figure_is_within_its_limit() -> None:
    results = _results(
        [
            _figures("S4", floor=1.0, cold=2.0, pages=1000, rebuild=0.3),
            _figures("S19", floor=4.0, cold=9.5, pages=5000),
            _figures("L4", floor=4.0, cold=7.9, pages=5600, rebuild=1.1, edit=0.9),
            _figures("L19", floor=20.0, cold=50.0, pages=26000, peak_mib=1000),
        ],
        _reader(23.0),
        _scale(133),
    )

    verdicts = [target["verdict"] for target in results["targets"]]

    assert verdicts == ["held"] * 12
    report = render(results)
    assert "held  L4 cold build ≤ 2.0× Markdown floor" in report
    assert "not held" not in report
    assert "held  L19 peak memory (process tree) ≤ 1 GiB" in report


def test_targets_not_held_when_figures_are_over_their_limits() -> None:
    results = _results(
        [
            _figures("S4", floor=1.0, cold=2.0, pages=1000, rebuild=0.3),
            _figures("S19", floor=4.0, cold=10.5, pages=5000),
            _figures("L4", floor=4.0, cold=8.5, pages=5600, rebuild=1.8, edit=1.2, title_edit=1.6),
            _figures("L19", floor=20.0, cold=51.0, pages=26000, peak_mib=1425),
        ],
        _reader(41.0, first_view_kb=111),
        _scale(301),
    )

    by_name = {target["name"]: target for target in results["targets"]}

    assert [target["verdict"] for target in results["targets"]] == ["not held"] * 9 + ["held"] * 2 + [
        "not held"
    ]
    assert "Search at 10,000 pages in one region" in render(results)
    assert by_name["L4 cold build ≤ 2.0× Markdown floor"]["value"].startswith("2.12×")
    assert by_name["S19 cold build ≤ 2.5× Markdown floor"]["value"].startswith("2.62×")
    assert by_name["L19 cold build ≤ 2.5× Markdown floor"]["value"].startswith("2.55×")
    assert by_name["L19 peak memory (process tree) ≤ 1 GiB"]["value"] == (
        "1425 MiB (cold build 51.00 s wall, 91.80 s CPU, 26 000 pages, floor 20.00 s, 2.55× floor)"
    )
    assert by_name["L4 rebuild with nothing changed ≤ 0.15× cold build"]["value"].startswith("0.21×")
    report = render(results)
    assert by_name["L4 make serve: text edit shown ≤ 1.0 s (median)"]["value"] == "1.20 s over 2 edits (ahus)"
    assert (
        by_name["L4 make serve: title edit shown ≤ 1.5 s (median)"]["value"] == "1.60 s over 2 edits (ahus)"
    )
    assert "not held  L4 make serve: text edit shown ≤ 1.0 s" in report
    assert "not held  L4 make serve: title edit shown ≤ 1.5 s" in report
    assert "not held  L4 median HTML page ≤ 40 KB" in report
    assert "not held  L4 first view of an article ≤ 110 KB gzipped" in report


def test_targets_of_corpora_not_built_are_not_measured_rather_than_held() -> None:
    results = _results([_figures("S19", floor=4.0, cold=9.0, pages=5000, rebuild=1.0)], None)

    verdicts = {target["name"]: target["verdict"] for target in results["targets"]}

    assert verdicts.pop("S19 cold build ≤ 2.5× Markdown floor") == "held"
    assert set(verdicts.values()) == {"n/a"}
    assert results["added_region"] == []


def _report_row(report: str, label: str) -> list[str]:
    """The cells of the build table's row ``label``, one per corpus."""
    line = next(row for row in report.splitlines() if row.startswith(label))
    return line[len(label) :].split()


def test_material_alone_is_reported_beside_floor_and_cold_build_and_set_against_the_targets() -> None:
    results = _results(
        [
            _figures("S4", floor=1.0, cold=4.0, pages=1000, rebuild=0.3),
            _figures("S19", floor=4.0, cold=9.0, pages=5000, material=8.0),
            _figures("L4", floor=4.0, cold=8.4, pages=5600, rebuild=1.1, material=9.0),
        ],
        None,
    )
    l4 = results["setups"]["L4"]

    report = render(results)

    assert l4["material_alone"]["wall_s"] == 9.0 and l4["material_alone"]["pages"] == 1200
    assert l4["material_alone_over_floor"] == pytest.approx(2.25)
    assert l4["cold_over_material_alone"] == pytest.approx(8.4 / 9.0)
    assert results["setups"]["S4"]["material_alone"] is None  # not measured: shown as "-", never as 0
    assert _report_row(report, "MkDocs and Material alone wall, s (distinct pages once)") == [
        "-",
        "8.00",
        "9.00",
    ]
    assert _report_row(report, "  Material alone / floor") == ["-", "2.00×", "2.25×"]
    assert _report_row(report, "Cold / Material alone") == ["-", "1.12×", "0.93×"]
    # What each cold/floor target allows beside Material alone; L19 was not built, and says so.
    assert [
        (row["label"], row["allowed_wall_s"]) for row in results["cold_targets_beside_material_alone"]
    ] == [
        ("L4", 8.0),
        ("S19", 10.0),
    ]
    assert (
        "Cold/floor targets allow (wall; a reference, not a target): "
        "L4 2.0× floor = 8.00 s, Material alone 9.00 s (1.00 s short); "
        "S19 2.5× floor = 10.00 s, Material alone 8.00 s (2.00 s left); L19 not built"
    ) in report
    # A reference, not a target: the targets are the same twelve, judged as before.
    assert len(results["targets"]) == 12
    assert not [t for t in results["targets"] if "Material" in t["name"]]
    assert json.loads(json.dumps(results))["setups"]["L4"]["material_alone"]["cpu_s"] == 9.0


def test_added_region_cost_is_the_cold_build_difference_per_added_page_and_region() -> None:
    setups = {
        f["label"]: f
        for f in (
            _figures("S4", floor=1.0, cold=4.0, pages=1200),
            _figures("S19", floor=4.0, cold=19.0, pages=5700),
        )
    }

    [cost] = added_region_costs(setups)

    assert (cost["from"], cost["to"], cost["regions_added"], cost["pages_added"]) == ("S4", "S19", 15, 4500)
    assert cost["ms_per_page"] == pytest.approx(15.0 / 4500 * 1000)
    assert cost["s_per_region"] == pytest.approx(1.0)
    assert "S4 → S19: 3.33 ms per page (6.00 ms CPU), 1.00 s per region (4 500 pages in 15 regions)" in (
        render(_results(list(setups.values()), None))
    )


# -- measuring -------------------------------------------------------------------------


def test_floor_converts_every_source(tmp_path: Path) -> None:
    corpus = generate(tmp_path / "corpus", TINY, config_file=REPO / "mkdocs.yml")

    floor = measure_floor(corpus.root)

    assert floor.documents == TINY.sources > 0
    assert floor.seconds > 0
    assert floor.source_bytes > 0


def test_material_alone_builds_every_distinct_source_once_with_the_corpus_markdown(tmp_path: Path) -> None:
    import mkdocs.config

    corpus = generate(tmp_path / "corpus", TINY, seed=4, config_file=REPO / "mkdocs.yml")
    # A heading whose anchor only our slugify writes this way (Python-Markdown's drops «æ»).
    article = sorted((corpus.root / "content" / "artikler").glob("*.md"))[0]
    article.write_text(
        article.read_text(encoding="utf-8") + "\n## Hva er et primærhelseteam?\n", encoding="utf-8"
    )
    set_aside = SetAside(tmp_path / ".set-aside")

    reference = prepare_material_alone(corpus.root, tmp_path / "material", set_aside)

    docs = tmp_path / "material" / "docs"
    expected = {
        path.relative_to(corpus.root / "content").as_posix()
        if path.is_relative_to(corpus.root / "content")
        else path.relative_to(corpus.root).as_posix()
        for path in unique_sources(corpus.root)
    }
    assert {path.relative_to(docs).as_posix() for path in docs.rglob("*.md")} == expected
    assert reference.sources == len(expected) == TINY.sources
    assert not list(docs.rglob("region.yml"))
    config = mkdocs.config.load_config(config_file=str(reference.config_file))
    assert list(config.plugins) == [] and config.nav == [{"Forside": "index.md"}]
    assert config.theme.name == "material" and config.strict is False
    extensions, options = markdown_settings(corpus.config_file)  # the corpus's, as the floor reads them
    assert set(extensions) <= set(config.markdown_extensions)
    assert {name: config.mdx_configs[name] for name in options} == options
    assert config.mdx_configs["toc"]["slugify"] is anchor_slugify

    built = material_alone_build(reference, set_aside)

    assert built.pages == TINY.sources and built.wall > 0 and built.cpu > 0 and built.peak_rss > 0
    page = tmp_path / "material" / "site" / "artikler" / article.stem / "index.html"
    assert 'id="hva-er-et-primaerhelseteam"' in page.read_text(encoding="utf-8")
    # A build that makes another number of pages than there are sources is no reference.
    with pytest.raises(BuildFailed, match=f"made {TINY.sources} pages of {TINY.sources + 1} sources"):
        material_alone_build(dataclasses.replace(reference, sources=TINY.sources + 1), set_aside)
    assert set_aside.count == 1  # the first build's site, renamed away before the second


def test_a_tiny_setup_measures_material_alone_in_each_run(tmp_path: Path) -> None:
    setup = Setup(TINY, rebuild_and_serve=False, naive=False)

    figures = bench_setup(setup, tmp_path, runs=1, seed=6, config=REPO / "mkdocs.yml")

    material = figures["material_alone"]
    assert material["pages"] == figures["floor"]["documents"] == TINY.sources
    assert len(material["runs"]) == 1 and material["wall_s"] > 0 and material["cpu_s"] > 0
    assert figures["material_alone_over_floor"] == pytest.approx(
        material["wall_s"] / figures["floor"]["seconds"]
    )
    assert figures["cold_over_material_alone"] == pytest.approx(
        figures["cold"]["wall_s"] / material["wall_s"]
    )
    assert "MkDocs and Material alone wall" in render(_results([figures], None))


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc")
def test_memory_sampler_sees_this_process() -> None:
    assert tree_rss(os.getpid()) > 0


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="needs /proc")
def test_process_tree_sampler_follows_children_and_counts_their_cpu(tmp_path: Path) -> None:
    # The child works, then starts a grandchild that works too: both show up in the figures.
    busy = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass\n"
    script = (
        busy + "import subprocess, sys\nsubprocess.run([sys.executable, '-c', sys.argv[1]], check=True)\n"
    )

    wall, cpu, usage = run_measured([sys.executable, "-c", script, busy], tmp_path)

    assert cpu >= 0.6 and wall > 0
    assert usage.most_processes == 2
    assert usage.peak_rss > 0 and usage.samples > 0
    assert 0 < usage.main_cpu < cpu
    assert usage.cores_busy and usage.busy_share(0.5) is not None


def test_a_failing_command_is_reported(tmp_path: Path) -> None:
    with pytest.raises(BuildFailed, match="exited with 3"):
        run_measured([sys.executable, "-c", "import sys; sys.exit(3)"], tmp_path)


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

    result = edit_to_page(corpus.root, corpus.region_ids[0], edits=2, settle=0.2)  # a tiny corpus

    assert len(result.edits) == 2 and all(0 < seconds < 120 for seconds in result.edits)
    assert len(result.title_edits) == 2 and all(0 < seconds < 120 for seconds in result.title_edits)
    assert result.page == f"artikler/{article.stem}/"
    assert article.read_text(encoding="utf-8") == original


def test_stage_times_are_read_from_every_process_and_the_rest_is_other(tmp_path: Path) -> None:
    from bench.measure import stage_shares

    (tmp_path / "1.json").write_text(
        json.dumps({"stages": {"Markdown": 2.0, "writes": 0.5}, "process_cpu": 4})
    )
    (tmp_path / "2.json").write_text(json.dumps({"stages": {"Markdown": 1.0}, "process_cpu": 2}))

    shares = stage_shares(tmp_path, tree_cpu=7.0)

    assert shares["Markdown"] == 3.0 and shares["writes"] == 0.5 and shares["compression"] == 0.0
    assert shares["other"] == 3.5  # the tree's CPU that no stage counted
    assert list(shares)[0] == "read and validate"


def test_report_says_where_the_cpu_of_a_cold_build_goes() -> None:
    results = _results([_figures("S19", floor=4.0, cold=9.0, pages=5000)], None)

    report = render(results)

    assert "Where the CPU of a cold build goes" in report
    line = next(row for row in report.splitlines() if row.strip().startswith("Markdown") and "%" in row)
    assert "3.24 s (20 %)" in line  # a fifth of the 16.2 s of CPU the made-up build used


def test_search_at_scale_measures_an_index_made_from_generated_pages() -> None:
    from bench.search_scale import search_at_scale

    scale = search_at_scale(scripts_gzip=19_000, pages=300)

    assert scale["pages"] == 300 and scale["files"] > 300 // 8
    assert 0 < scale["median_fetched_gzip"] <= scale["largest_fetched_gzip"] < scale["index_gzip"]
    assert scale["first_search_gzip"] == scale["largest_fetched_gzip"] + 19_000
    assert scale["largest_query"]


def test_trees_set_aside_are_renamed_at_once_and_deleted_only_when_emptied(tmp_path: Path) -> None:
    site = tmp_path / "corpus" / "site"
    (site / "ahus").mkdir(parents=True)
    page = site / "ahus" / "index.html"
    page.write_text("<p>forrige bygg</p>", encoding="utf-8")
    inode = page.stat().st_ino
    set_aside = SetAside(tmp_path / ".set-aside")

    set_aside.remove(site)
    set_aside.remove(tmp_path / "corpus" / "not-there")

    assert not site.exists()
    kept = tmp_path / ".set-aside" / "1" / "ahus" / "index.html"
    assert kept.stat().st_ino == inode  # renamed, not copied and deleted: no inode freed yet
    assert (set_aside.count, set_aside.deleted_at_once) == (1, 0)
    set_aside.empty()
    assert not (tmp_path / ".set-aside").exists()


def test_a_tree_is_deleted_at_once_when_disk_space_is_short(tmp_path: Path, monkeypatch) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>x</p>", encoding="utf-8")
    monkeypatch.setattr(set_aside_module, "KEEP_FREE_BYTES", 2**62)  # more than any disk has free
    set_aside = SetAside(tmp_path / ".set-aside")

    set_aside.remove(site)

    assert not site.exists()
    assert (set_aside.count, set_aside.deleted_at_once) == (0, 1)
    assert list((tmp_path / ".set-aside").iterdir()) == []
