"""``python -m bench``: generate corpora, build them, print the figures and the targets."""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from . import corpus as corpus_mod
from . import measure, reader, report, serve
from .report import progress

DEFAULT_RUNS = 3


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def _summary(results: list[measure.BuildResult]) -> dict:
    wall = _median([r.wall for r in results])
    pages = results[0].pages if results else 0
    return {
        "wall_s": wall,
        "cpu_s": _median([r.cpu for r in results]),
        "peak_rss_median": int(_median([r.peak_rss for r in results])),
        "peak_rss_max": max((r.peak_rss for r in results), default=0),
        "pages": pages,
        "pages_per_s": pages / wall if wall else 0.0,
        "runs": [
            {
                "wall_s": r.wall,
                "cpu_s": r.cpu,
                "peak_rss": r.peak_rss,
                "pages": r.pages,
                "rss_samples": r.samples,
            }
            for r in results
        ],
    }


def bench_size(size: corpus_mod.Size, work: Path, runs: int, seed: int, naive: bool, config: Path) -> dict:
    root = work / size.name
    started = time.perf_counter()
    generated = corpus_mod.generate(root, size, seed=seed, config_file=config)
    region_ids = generated.region_ids
    progress(
        f"[{size.name}] corpus: {len(generated.sources)} sources in {time.perf_counter() - started:.1f} s"
    )
    naive_configs = measure.prepare_naive(root, work / f"{size.name}-naive", region_ids) if naive else {}

    floors: list[measure.FloorResult] = []
    cold: list[measure.BuildResult] = []
    warm: list[measure.BuildResult] = []
    naive_runs: list[measure.BuildResult] = []
    for number in range(1, runs + 1):
        floors.append(measure.measure_floor(root, root / "mkdocs.yml"))
        progress(f"[{size.name}] run {number}/{runs}: floor {floors[-1].seconds:.2f} s")
        cold.append(measure.full_build(root, region_ids, clean=True))
        progress(
            f"[{size.name}] run {number}/{runs}: full build {cold[-1].wall:.1f} s, {cold[-1].pages} pages"
        )
        warm.append(measure.full_build(root, region_ids, clean=False))
        progress(f"[{size.name}] run {number}/{runs}: warm rebuild {warm[-1].wall:.1f} s")
        if naive_configs:
            naive_runs.append(measure.naive_build(naive_configs))
            progress(f"[{size.name}] run {number}/{runs}: naive builds {naive_runs[-1].wall:.1f} s")

    preview = serve.edit_to_page(root, region_ids[0], max(3, runs))
    progress(
        f"[{size.name}] make serve REGION={preview.region}: edit → page "
        + ", ".join(f"{t:.2f}" for t in preview.edits)
        + " s; title edit → page "
        + ", ".join(f"{t:.2f}" for t in preview.title_edits)
        + " s"
    )

    floor_s = _median([f.seconds for f in floors])
    full = _summary(cold)
    warm_summary = _summary(warm)
    figures = {
        "shared": size.shared,
        "regional": size.regional,
        "regions": size.regions,
        "sources": len(generated.sources),
        "source_bytes": generated.source_bytes,
        "kinds": dict(generated.kinds),
        "region_ids": region_ids,
        "region_pages": full["pages"],
        "floor": {
            "seconds": floor_s,
            "documents": floors[0].documents,
            "source_bytes": floors[0].source_bytes,
            "runs": [f.seconds for f in floors],
        },
        "full": full,
        "warm": warm_summary,
        "full_over_floor": full["wall_s"] / floor_s if floor_s else None,
        "warm_over_cold": warm_summary["wall_s"] / full["wall_s"] if full["wall_s"] else None,
        "naive": None,
        "naive_over_full": None,
        "serve": {
            "region": preview.region,
            "page": preview.page,
            "first_build_s": preview.first_build,
            "edits_s": preview.edits,
            "edit_to_page_s": _median(preview.edits),
            "title_edits_s": preview.title_edits,
            "title_edit_to_page_s": _median(preview.title_edits),
        },
    }
    if naive_runs:
        naive_summary = _summary(naive_runs)
        naive_summary["pages"] = naive_runs[0].pages
        naive_summary["builds"] = naive_runs[0].builds
        figures["naive"] = naive_summary
        figures["naive_over_full"] = naive_summary["wall_s"] / full["wall_s"] if full["wall_s"] else None
    return figures


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Build-time and reader-side figures on a seeded synthetic corpus.",
    )
    parser.add_argument("--sizes", default="S,L", help="comma-separated sizes from Q, S, L (default: S,L)")
    parser.add_argument(
        "--runs", type=int, default=None, help=f"runs per figure, median (default {DEFAULT_RUNS})"
    )
    parser.add_argument("--quick", action="store_true", help="a tiny corpus (size Q), one run: a smoke test")
    parser.add_argument("--keep", metavar="DIR", help="write the corpora to DIR and keep them")
    parser.add_argument("--json", metavar="FILE", help="also write every figure to FILE as JSON")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument(
        "--config", metavar="FILE", help="mkdocs.yml to copy into the corpora (default: the project's)"
    )
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes = "Q"
        args.runs = args.runs or 1
    args.runs = args.runs or DEFAULT_RUNS
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    names = [name.strip().upper() for name in args.sizes.split(",") if name.strip()]
    unknown = [name for name in names if name not in corpus_mod.SIZES]
    if unknown or not names:
        parser.error(
            f"unknown size {', '.join(unknown) or '(none)'}; choose from {', '.join(corpus_mod.SIZES)}"
        )
    args.size_names = list(dict.fromkeys(names))
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    config = Path(args.config) if args.config else corpus_mod.repo_config_file()
    if not config.is_file():
        print(f"mkdocs.yml not found: {config}", file=sys.stderr)
        return 2
    if args.keep:
        work = Path(args.keep).resolve()
        if work.exists() and any(work.iterdir()):
            print(f"--keep {work}: the folder is not empty", file=sys.stderr)
            return 2
        work.mkdir(parents=True, exist_ok=True)
    else:
        work = Path(tempfile.mkdtemp(prefix="kb-bench-"))

    sizes = [corpus_mod.SIZES[name] for name in args.size_names]
    naive_at = "S" if "S" in args.size_names else min(sizes, key=lambda s: s.sources).name
    results: dict = {
        "machine": report.machine_info(),
        "settings": {"runs": args.runs, "seed": args.seed, "sizes": args.size_names, "naive_at": naive_at},
        "sizes": {},
        "reader": None,
    }
    progress(f"Working in {work}" if args.keep else "Working in a temporary folder")
    try:
        for size in sizes:
            results["sizes"][size.name] = bench_size(
                size, work, args.runs, args.seed, size.name == naive_at, config
            )
        reader_size = "L" if "L" in args.size_names else max(sizes, key=lambda s: s.sources).name
        site_url = measure._read_config(config).get("site_url")
        regions = reader.reader_figures(
            work / reader_size / "site", results["sizes"][reader_size]["region_ids"], site_url
        )
        results["reader"] = {"size": reader_size, "regions": [r.as_dict() for r in regions]}
    except measure.BuildFailed as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    results["machine"]["load_average_end"] = report.load_average()
    results["targets"] = [target.as_dict() for target in report.evaluate(results)]
    sys.stdout.write(report.render(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        progress(f"Figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
