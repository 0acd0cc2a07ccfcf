"""Machine info and the plain-text report: one column per corpus, the reader side, the targets.

Every figure printed comes from the one run whose results are passed in; the
targets are judged in :mod:`bench.targets`.
"""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Callable
from importlib import metadata

from .targets import COLD_OVER_FLOOR_MAX, KB, MIB, thousands


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def load_average() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def machine_info() -> dict:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    memory = None
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    memory = int(line.split()[1]) * 1024
    except OSError:
        pass
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": usable,
        "memory_total_mib": round(memory / MIB) if memory else None,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "mkdocs": _version("mkdocs"),
        "mkdocs_material": _version("mkdocs-material"),
        "markdown": _version("markdown"),
        "pymdown_extensions": _version("pymdown-extensions"),
        "kompetansebroen": _version("kompetansebroen"),
        "load_average_start": load_average(),
    }


# -- text -----------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[str]], right: set[int] | None = None) -> str:
    right = right if right is not None else set(range(1, len(header)))
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(row: list[str]) -> str:
        cells = [
            str(c).rjust(w) if i in right else str(c).ljust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def _kb(value: int) -> str:
    return f"{value / KB:,.1f}".replace(",", " ")


def _s(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _x(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}×"


def _share(value: float | None, threshold: float) -> str:
    return "-" if value is None else f"{value:.0%} (≥{threshold:g} cores)"


def _build_rows(setups: dict) -> list[list[str]]:
    """The table of build figures: one row per figure, one column per corpus."""
    labels = list(setups)
    rows: list[list[str]] = []

    def row(label: str, value: Callable[[dict], str]) -> None:
        rows.append([label, *(value(setups[name]) for name in labels)])

    def part(figures: dict, key: str) -> dict:
        return figures.get(key) or {}

    row(
        "Markdown sources (shared + regions×each)",
        lambda f: f"{f['sources']} ({f['shared']}+{f['regions']}×{f['regional']})",
    )
    row(
        "  articles / newsletters / governing / events / pages",
        lambda f: "/".join(
            str(f["kinds"].get(k, 0))
            for k in ("artikler", "nyhetsbrev", "styrende-dokumenter", "arrangementer", "side")
        ),
    )
    row(
        "  e-learning / films / podcast episodes",
        lambda f: "/".join(str(f["kinds"].get(k, 0)) for k in ("e-laering", "film", "podkast")),
    )
    row("Region pages built (HTML under site/<id>/)", lambda f: thousands(f["region_pages"]))
    row("Markdown floor, s (one process)", lambda f: _s(f["floor"]["seconds"]))
    row(
        "MkDocs and Material alone wall, s (distinct pages once)",
        lambda f: _s(part(f, "material_alone").get("wall_s")),
    )
    row("  CPU, s", lambda f: _s(part(f, "material_alone").get("cpu_s")))
    row("  Material alone / floor", lambda f: _x(f.get("material_alone_over_floor")))
    row("Cold build wall, s", lambda f: _s(f["cold"]["wall_s"]))
    row("  each run, s", lambda f: ", ".join(f"{r['wall_s']:.1f}" for r in f["cold"]["runs"]))
    row("Cold build CPU (process tree), s", lambda f: _s(f["cold"]["cpu_s"]))
    row("  of it the main process, s", lambda f: _s(f["cold"]["main_cpu_s"]))
    row("  cores busy (CPU / wall)", lambda f: f"{f['cold']['cores_busy']:.2f}")
    row(
        "  time with all cores busy",
        lambda f: _share(f["cold"]["all_cores_share"], f["cold"]["all_cores_threshold"]),
    )
    row("  most processes at once", lambda f: str(f["cold"]["most_processes"]))
    row("Peak RSS of process tree, MiB", lambda f: f"{f['cold']['peak_rss_max'] / MIB:.0f}")
    row("Region pages per second", lambda f: f"{f['cold']['pages_per_s']:.1f}")
    row("Cold / floor", lambda f: _x(f["cold_over_floor"]))
    row("Cold / Material alone", lambda f: _x(f.get("cold_over_material_alone")))
    row("Rebuild, nothing changed, wall, s", lambda f: _s(part(f, "rebuild").get("wall_s")))
    row("Rebuild / cold", lambda f: _x(f["rebuild_over_cold"]))
    row("Naive per-region builds wall, s", lambda f: _s(part(f, "naive").get("wall_s")))
    row("Naive CPU, s", lambda f: _s(part(f, "naive").get("cpu_s")))
    row("Naive pages built", lambda f: str(part(f, "naive").get("pages", "-")))
    row("Naive / cold", lambda f: _x(f["naive_over_cold"]))
    row("make serve: first build, s", lambda f: _s(part(f, "serve").get("first_build_s")))
    row(
        "make serve: text edit → page shown, s (median)", lambda f: _s(part(f, "serve").get("edit_to_page_s"))
    )
    row(
        "make serve: title edit → page shown, s (median)",
        lambda f: _s(part(f, "serve").get("title_edit_to_page_s")),
    )
    row(
        "make serve: any edit → page shown, s (median)",
        lambda f: _s(part(f, "serve").get("any_edit_to_page_s")),
    )
    return rows


def _reader_lines(reader: dict) -> list[str]:
    header = [
        "Region",
        "pages",
        "median HTML KB",
        "largest HTML KB",
        "CSS KB raw/gz",
        "JS KB raw/gz",
        "index KB raw/gz",
        "first view KB gz",
        "first search KB gz",
        "other hosts",
    ]
    rows = [
        [
            r["region"],
            str(r["pages"]),
            _kb(r["html_median"]),
            f"{_kb(r['html_max'])} ({r['html_max_page']})",
            f"{_kb(r['css']['raw'])}/{_kb(r['css']['gzip'])}",
            f"{_kb(r['js']['raw'])}/{_kb(r['js']['gzip'])}",
            f"{_kb(r['search_index_raw'])}/{_kb(r['search_index_gzip'])}",
            _kb(r["first_view"]["gzip"]),
            _kb(r["first_search_gzip"]),
            f"{len(r['third_party'])} pages" if r["third_party"] else "none",
        ]
        for r in reader["regions"]
    ]
    first = reader["regions"][0]
    return [
        "",
        f"Reader side, {reader['setup']} (KB = 1000 bytes; gz = gzip -6)",
        _table(header, rows, right={1, 2, 4, 5, 6, 7, 8}),
        f"CSS and JS as loaded by {first['sample_page']}; first view = "
        + " + ".join(first["first_view"]["files"])
        + f"; first search = «{first.get('search_query', '')}» typed letter by letter: "
        + " + ".join(first.get("search_fetched", {}).get("files", []) + first["search_scripts"]["files"])
        + "; index = search_index.json and all its parts",
    ]


def _search_at_scale_lines(scale: dict) -> list[str]:
    per_thousand = scale["index_gzip"] * 1000 // scale["pages"]
    return [
        "",
        f"Search at {scale['pages']:,} pages in one region (index made directly from generated pages, "
        "no site build)",
        f"  whole index {_kb(scale['index_gzip'])} KB gz in {scale['files']} files "
        f"({_kb(per_thousand)} KB gz per 1,000 pages), written in {scale['write_cpu_s']:.2f} s CPU",
        f"  first search, {scale['queries']} title words typed letter by letter: median "
        f"{_kb(scale['median_fetched_gzip'])} KB, largest {_kb(scale['largest_fetched_gzip'])} KB of index "
        f"in {scale['largest_files']} files («{scale['largest_query']}»), "
        f"+ {_kb(scale['scripts_gzip'])} KB of search scripts = {_kb(scale['first_search_gzip'])} KB gz",
    ]


def _added_region_lines(costs: list[dict]) -> list[str]:
    lines = ["", "One added region (cold build, from the smaller corpus to the larger)"]
    for cost in costs:
        lines.append(
            f"  {cost['from']} → {cost['to']}: {cost['ms_per_page']:.2f} ms per page "
            f"({cost['cpu_ms_per_page']:.2f} ms CPU), {cost['s_per_region']:.2f} s per region "
            f"({thousands(cost['pages_added'])} pages in {cost['regions_added']} regions)"
        )
    return lines


def _targets_beside_material_alone_line(rows: list[dict]) -> list[str]:
    """One line: the wall time each cold/floor target allows, beside what MkDocs and Material alone took."""
    by_label = {row["label"]: row for row in rows}
    parts = []
    for label in COLD_OVER_FLOOR_MAX:
        row = by_label.get(label)
        if row is None:
            parts.append(f"{label} not built")
            continue
        room = row["room_s"]
        parts.append(
            f"{label} {row['cold_over_floor_max']:.1f}× floor = {row['allowed_wall_s']:.2f} s, "
            f"Material alone {row['material_alone_wall_s']:.2f} s "
            + (f"({room:.2f} s left)" if room >= 0 else f"({-room:.2f} s short)")
        )
    return ["", "Cold/floor targets allow (wall; a reference, not a target): " + "; ".join(parts)]


def _stage_lines(setups: dict) -> list[str]:
    """CPU seconds per stage of the cold build, per corpus, with each stage's share of the tree's CPU."""
    staged = {label: f["cold"].get("stages_cpu_s") or {} for label, f in setups.items()}
    staged = {label: stages for label, stages in staged.items() if stages}
    if not staged:
        return []
    names = list(next(iter(staged.values())))
    rows = []
    for name in names:
        cells = []
        for stages in staged.values():
            total = sum(stages.values())
            seconds = stages.get(name, 0.0)
            cells.append(f"{seconds:.2f} s ({100 * seconds / total:.0f} %)" if total else "-")
        rows.append([name, *cells])
    rows.append(["all (CPU of the process tree)", *(f"{sum(s.values()):.2f} s" for s in staged.values())])
    return [
        "",
        "Where the CPU of a cold build goes (seconds of CPU, summed over the main process and the workers)",
        _table(["Stage", *staged], rows, right=set(range(1, len(staged) + 1))),
    ]


def render(results: dict) -> str:
    """The whole report as text."""
    machine = results["machine"]
    settings = results["settings"]
    out = [
        "Kompetansebroen benchmark",
        "",
        f"Machine: {machine['cpus_usable']} usable of {machine['cpu_count']} CPUs, "
        f"{machine['memory_total_mib']} MiB RAM, {machine['platform']}",
        f"Python {machine['python']}, MkDocs {machine['mkdocs']}, Material {machine['mkdocs_material']}, "
        f"Markdown {machine['markdown']}, pymdown-extensions {machine['pymdown_extensions']}",
        f"Load average at start {machine['load_average_start']}, at end {machine.get('load_average_end', [])}",
        f"Runs per figure: {settings['runs']} (median; peak memory is the largest run), seed {settings['seed']}",
        "",
    ]
    setups = results["setups"]
    if setups:
        out.append(_table(["Build", *setups], _build_rows(setups)))
        out += _stage_lines(setups)
    reader = results.get("reader")
    if reader and reader["regions"]:
        out += _reader_lines(reader)
    if results.get("search_at_scale"):
        out += _search_at_scale_lines(results["search_at_scale"])
    if results.get("added_region"):
        out += _added_region_lines(results["added_region"])
    if setups:
        out += _targets_beside_material_alone_line(results.get("cold_targets_beside_material_alone") or [])
    out += ["", "Targets"]
    verdict_width = max((len(t["verdict"]) for t in results["targets"]), default=0)
    name_width = max((len(t["name"]) for t in results["targets"]), default=0)
    for target in results["targets"]:
        out.append(
            f"  {target['verdict']:<{verdict_width}}  {target['name']:<{name_width}}  {target['value']}"
        )
    return "\n".join(out) + "\n"


def progress(message: str) -> None:
    """A line on stderr while the run goes on (the report itself goes to stdout)."""
    print(message, file=sys.stderr, flush=True)
