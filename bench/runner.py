"""Measure one setup of the plan: generate its corpus, time floor and builds, summarise as medians.

Each run times the floor, MkDocs and Material alone (every distinct source
rendered once by a plain mkdocs-material build), a cold build (no ``site/``, no
cache) and, where the plan asks, a rebuild with nothing changed and the naive
baseline, in that order, so the runs of one figure are spread over the same
stretch of time as the others'. ``make serve`` is timed once per setup, over
several edits.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from . import corpus as corpus_mod
from . import measure, serve
from .plan import Setup
from .report import progress
from .set_aside import SetAside

SERVE_EDITS = 3  # at least this many text edits and as many title edits


def both_cores_threshold() -> float:
    """Cores busy that count as "all busy" in the report: half a core short of every usable one."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    return max(1.0, usable - 0.5)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def summarise(results: list[measure.BuildResult]) -> dict:
    """Medians of wall, CPU and the rest over ``results``; peak memory also as the largest run."""
    wall = median([r.wall for r in results])
    pages = results[0].pages if results else 0
    threshold = both_cores_threshold()
    shares = [share for r in results if (share := r.usage.busy_share(threshold)) is not None]
    return {
        "wall_s": wall,
        "cpu_s": median([r.cpu for r in results]),
        "cores_busy": median([r.cores_busy for r in results]),
        "main_cpu_s": median([r.usage.main_cpu for r in results]),
        "all_cores_threshold": threshold,
        "all_cores_share": median(shares) if shares else None,
        "most_processes": max((r.usage.most_processes for r in results), default=0),
        "peak_rss_median": int(median([r.peak_rss for r in results])),
        "peak_rss_max": max((r.peak_rss for r in results), default=0),
        "pages": pages,
        "pages_per_s": pages / wall if wall else 0.0,
        "stages_cpu_s": {
            name: median([r.stages.get(name, 0.0) for r in results])
            for name in (results[0].stages if results else {})
        },
        "runs": [
            {
                "wall_s": r.wall,
                "cpu_s": r.cpu,
                "main_cpu_s": r.usage.main_cpu,
                "peak_rss": r.peak_rss,
                "pages": r.pages,
                "rss_samples": r.usage.samples,
                "cores_busy_per_half_second": r.usage.cores_busy,
            }
            for r in results
        ],
    }


def material_alone_folder(work: Path, label: str) -> Path:
    """Where the «MkDocs and Material alone» site of corpus ``label`` is built, beside the corpus."""
    return work / f"{label}-material"


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    return numerator / denominator if numerator is not None and denominator else None


def bench_setup(
    setup: Setup, work: Path, runs: int, seed: int, config: Path, set_aside: SetAside | None = None
) -> dict:
    """Every figure of ``setup``, its corpus written to ``work/<label>``; old sites go to ``set_aside``."""
    label, size = setup.label, setup.size
    root = work / label
    started = time.perf_counter()
    generated = corpus_mod.generate(root, size, seed=seed, config_file=config)
    region_ids = generated.region_ids
    progress(
        f"[{label}] corpus: {len(generated.sources)} sources, {size.regions} regions, "
        f"in {time.perf_counter() - started:.1f} s"
    )
    material_reference = measure.prepare_material_alone(root, material_alone_folder(work, label), set_aside)
    naive_configs = (
        measure.prepare_naive(root, work / f"{label}-naive", region_ids, set_aside) if setup.naive else {}
    )

    floors: list[measure.FloorResult] = []
    material_alone: list[measure.BuildResult] = []
    cold: list[measure.BuildResult] = []
    rebuilds: list[measure.BuildResult] = []
    naive_runs: list[measure.BuildResult] = []
    for number in range(1, runs + 1):
        step = f"[{label}] run {number}/{runs}:"
        floors.append(measure.measure_floor(root, root / "mkdocs.yml"))
        progress(f"{step} floor {floors[-1].seconds:.2f} s")
        material_alone.append(measure.material_alone_build(material_reference, set_aside))
        progress(
            f"{step} MkDocs and Material alone {material_alone[-1].wall:.1f} s wall, "
            f"{material_alone[-1].cpu:.1f} s CPU, {material_alone[-1].pages} pages"
        )
        cold.append(measure.full_build(root, region_ids, clean=True, stages=True, set_aside=set_aside))
        progress(
            f"{step} cold build {cold[-1].wall:.1f} s wall, {cold[-1].cpu:.1f} s CPU, {cold[-1].pages} pages"
        )
        if setup.rebuild_and_serve:
            rebuilds.append(measure.full_build(root, region_ids, clean=False))
            progress(f"{step} rebuild, nothing changed {rebuilds[-1].wall:.1f} s")
        if naive_configs:
            naive_runs.append(measure.naive_build(naive_configs, set_aside))
            progress(f"{step} naive builds {naive_runs[-1].wall:.1f} s")

    preview = None
    if setup.rebuild_and_serve:
        preview = serve.edit_to_page(root, region_ids[0], max(SERVE_EDITS, runs))
        progress(
            f"[{label}] make serve REGION={preview.region}: text edit → page "
            + ", ".join(f"{t:.2f}" for t in preview.edits)
            + " s; title edit → page "
            + ", ".join(f"{t:.2f}" for t in preview.title_edits)
            + " s"
        )
    facts = {
        "sources": len(generated.sources),
        "source_bytes": generated.source_bytes,
        "kinds": dict(generated.kinds),
        "region_ids": region_ids,
    }
    return setup_figures(size, facts, floors, material_alone, cold, rebuilds, naive_runs, preview)


def setup_figures(
    size: corpus_mod.Size,
    corpus: dict,
    floors: list[measure.FloorResult],
    material_alone: list[measure.BuildResult],
    cold: list[measure.BuildResult],
    rebuilds: list[measure.BuildResult],
    naive_runs: list[measure.BuildResult],
    preview: serve.ServeResult | None,
) -> dict:
    """The figures of one setup from its measurements: medians, ratios, and what was not measured as None.

    ``corpus`` holds ``sources``, ``source_bytes``, ``kinds`` and ``region_ids`` of the generated corpus.
    """
    floor_s = median([f.seconds for f in floors])
    material_summary = summarise(material_alone) if material_alone else None
    material_wall = material_summary["wall_s"] if material_summary else None
    cold_summary = summarise(cold)
    figures: dict = {
        "label": size.label,
        "size": size.name,
        "regions": size.regions,
        "shared": size.shared,
        "regional": size.regional,
        **corpus,
        "region_pages": cold_summary["pages"],
        "floor": {
            "seconds": floor_s,
            "documents": floors[0].documents if floors else 0,
            "source_bytes": floors[0].source_bytes if floors else 0,
            "runs": [f.seconds for f in floors],
        },
        "material_alone": material_summary,
        "material_alone_over_floor": _ratio(material_wall, floor_s),
        "cold": cold_summary,
        "cold_over_floor": _ratio(cold_summary["wall_s"], floor_s),
        "cold_over_material_alone": _ratio(cold_summary["wall_s"], material_wall),
        "rebuild": None,
        "rebuild_over_cold": None,
        "naive": None,
        "naive_over_cold": None,
        "serve": serve_figures(preview) if preview else None,
    }
    if rebuilds:
        figures["rebuild"] = summarise(rebuilds)
        figures["rebuild_over_cold"] = _ratio(figures["rebuild"]["wall_s"], cold_summary["wall_s"])
    if naive_runs:
        naive_summary = summarise(naive_runs)
        naive_summary["builds"] = naive_runs[0].builds
        figures["naive"] = naive_summary
        figures["naive_over_cold"] = _ratio(naive_summary["wall_s"], cold_summary["wall_s"])
    return figures


def serve_figures(preview: serve.ServeResult) -> dict:
    """``make serve`` figures: medians of text edits, title edits, and of both together."""
    return {
        "region": preview.region,
        "page": preview.page,
        "first_build_s": preview.first_build,
        "edits_s": preview.edits,
        "edit_to_page_s": median(preview.edits),
        "title_edits_s": preview.title_edits,
        "title_edit_to_page_s": median(preview.title_edits),
        "any_edit_to_page_s": median(preview.edits + preview.title_edits),
    }
