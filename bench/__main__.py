"""``python -m bench``: generate corpora, build them, print the figures and the targets.

By default four corpora (S and L, each with 4 and 19 regions), three runs each;
see :mod:`bench.plan` for what is measured on which.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from . import corpus as corpus_mod
from . import measure, reader, report, search_scale, targets
from .plan import DEFAULT_REGIONS, DEFAULT_SIZES, Setup, make_plan
from .report import progress
from .runner import bench_setup, material_alone_folder
from .set_aside import SetAside

DEFAULT_RUNS = 3
QUICK_RUNS = 1


def _region_counts(text: str) -> list[int]:
    try:
        counts = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a comma-separated list of numbers") from None
    if not counts or not all(1 <= n <= corpus_mod.MAX_REGIONS for n in counts):
        raise argparse.ArgumentTypeError(f"region counts must be 1–{corpus_mod.MAX_REGIONS}")
    return counts


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line; ``args.setups`` is the plan it asks for."""
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Build-time and reader-side figures on seeded synthetic corpora, and the scaling targets.",
    )
    parser.add_argument(
        "--sizes",
        default=",".join(DEFAULT_SIZES),
        help=f"comma-separated sizes from {', '.join(corpus_mod.SIZES)} (default: {','.join(DEFAULT_SIZES)})",
    )
    parser.add_argument(
        "--regions",
        type=_region_counts,
        default=list(DEFAULT_REGIONS),
        help="comma-separated region counts, each corpus built with each "
        f"(default: {','.join(map(str, DEFAULT_REGIONS))}; up to {corpus_mod.MAX_REGIONS})",
    )
    parser.add_argument(
        "--runs", type=int, default=None, help=f"runs per figure, median (default {DEFAULT_RUNS})"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"{QUICK_RUNS} run, no naive baseline, no L with more than 4 regions",
    )
    parser.add_argument("--keep", metavar="DIR", help="write the corpora to DIR and keep them")
    parser.add_argument("--json", metavar="FILE", help="also write every figure to FILE as JSON")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument(
        "--config", metavar="FILE", help="mkdocs.yml to copy into the corpora (default: the project's)"
    )
    args = parser.parse_args(argv)
    args.runs = args.runs or (QUICK_RUNS if args.quick else DEFAULT_RUNS)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    names = [name.strip().upper() for name in args.sizes.split(",") if name.strip()]
    unknown = [name for name in names if name not in corpus_mod.SIZES]
    if unknown or not names:
        parser.error(
            f"unknown size {', '.join(unknown) or '(none)'}; choose from {', '.join(corpus_mod.SIZES)}"
        )
    args.setups = make_plan(names, args.regions, quick=args.quick)
    if not args.setups:
        parser.error("--quick leaves out L with more than 4 regions, and nothing else was asked for")
    return args


def _reader_setup(setups: list[Setup]) -> Setup:
    """Where the reader-side figures come from: L with four regions, else the largest corpus."""
    for setup in setups:
        if setup.label == targets.BASE:
            return setup
    return max(setups, key=lambda s: s.size.sources)


def _work_folder(keep: str | None) -> Path | None:
    if not keep:
        return Path(tempfile.mkdtemp(prefix="kb-bench-"))
    work = Path(keep).resolve()
    if work.exists() and any(work.iterdir()):
        print(f"--keep {work}: the folder is not empty", file=sys.stderr)
        return None
    work.mkdir(parents=True, exist_ok=True)
    return work


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    config = Path(args.config) if args.config else corpus_mod.repo_config_file()
    if not config.is_file():
        print(f"mkdocs.yml not found: {config}", file=sys.stderr)
        return 2
    work = _work_folder(args.keep)
    if work is None:
        return 2

    setups: list[Setup] = args.setups
    reader_at = _reader_setup(setups)
    results: dict = {
        "machine": report.machine_info(),
        "settings": {
            "runs": args.runs,
            "seed": args.seed,
            "quick": args.quick,
            "setups": [s.label for s in setups],
            "naive_at": next((s.label for s in setups if s.naive), None),
            "rebuild_and_serve_at": [s.label for s in setups if s.rebuild_and_serve],
        },
        "setups": {},
        "reader": None,
    }
    progress(f"Working in {work}" if args.keep else "Working in a temporary folder")
    progress("Corpora: " + ", ".join(s.label for s in setups) + f"; {args.runs} run(s) each")
    site_url = measure._read_config(config).get("site_url")
    # Sites and corpora are done with are deleted only at the end, so that no cold build follows a
    # deletion of thousands of files (set_aside.py).
    set_aside = SetAside(work / ".set-aside")
    try:
        for setup in setups:
            figures = bench_setup(setup, work, args.runs, args.seed, config, set_aside)
            results["setups"][setup.label] = figures
            if setup is reader_at:
                regions = reader.reader_figures(work / setup.label / "site", figures["region_ids"], site_url)
                results["reader"] = {"setup": setup.label, "regions": [r.as_dict() for r in regions]}
            if not args.keep:  # an L19 corpus and its site take about a gigabyte
                for folder in (
                    work / setup.label,
                    material_alone_folder(work, setup.label),
                    work / f"{setup.label}-naive",
                ):
                    set_aside.remove(folder)
    except measure.BuildFailed as error:
        print(f"build failed: {error}", file=sys.stderr)
        return 1
    finally:
        progress("Deleting the sites set aside" if set_aside.count else "Done building")
        set_aside.empty()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    scripts = results["reader"]["regions"][0]["search_scripts"]["gzip"] if results["reader"] else 0
    progress(f"Search index of one region of {search_scale.PAGES:,} pages (made directly, no site build)")
    results["search_at_scale"] = search_scale.search_at_scale(scripts)
    results["machine"]["load_average_end"] = report.load_average()
    results["added_region"] = targets.added_region_costs(results["setups"])
    results["cold_targets_beside_material_alone"] = targets.cold_targets_beside_material_alone(
        results["setups"]
    )
    results["targets"] = [target.as_dict() for target in targets.evaluate(results)]
    sys.stdout.write(report.render(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        progress(f"Figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
