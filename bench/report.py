"""Machine info, the targets, and the plain-text table."""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import dataclass
from importlib import metadata

MIB = 1024 * 1024
KB = 1000  # web sizes in kilobytes of 1,000 bytes

# The targets from the performance issue.
FULL_OVER_FLOOR_MAX = 2.0
GROWTH_SLACK = 1.1
PEAK_MEMORY_MAX = 1024 * MIB
WARM_OVER_COLD_MAX = 0.5
SERVE_EDIT_MAX = 2.0
HTML_MEDIAN_MAX = 40 * KB
FIRST_SEARCH_MAX = 300 * KB


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


@dataclass(frozen=True)
class Target:
    name: str
    value: str
    holds: bool | None  # None: not measured in this run

    @property
    def verdict(self) -> str:
        return {True: "holds", False: "fails", None: "n/a"}[self.holds]

    def as_dict(self) -> dict:
        return {"name": self.name, "value": self.value, "verdict": self.verdict}


def _largest(sizes: dict) -> str | None:
    return max(sizes, key=lambda name: sizes[name]["sources"]) if sizes else None


def evaluate(results: dict) -> list[Target]:
    sizes = results["sizes"]
    targets = []
    big = "L" if "L" in sizes else _largest(sizes)
    if big:
        figures = sizes[big]
        ratio = figures["full_over_floor"]
        targets.append(
            Target(
                f"{big} full build ≤ {FULL_OVER_FLOOR_MAX:.1f}× floor",
                f"{ratio:.2f}×",
                ratio <= FULL_OVER_FLOOR_MAX,
            )
        )
    if "S" in sizes and "L" in sizes:
        small, large = sizes["S"], sizes["L"]
        time_ratio = large["full"]["wall_s"] / small["full"]["wall_s"]
        page_ratio = large["region_pages"] / small["region_pages"]
        cpu_ratio = large["full"]["cpu_s"] / small["full"]["cpu_s"]
        limit = GROWTH_SLACK * page_ratio
        targets.append(
            Target(
                f"growth S→L ≤ {GROWTH_SLACK}× linear",
                f"wall ×{time_ratio:.2f} for pages ×{page_ratio:.2f} (limit ×{limit:.2f}; CPU ×{cpu_ratio:.2f})",
                time_ratio <= limit,
            )
        )
    else:
        targets.append(Target(f"growth S→L ≤ {GROWTH_SLACK}× linear", "needs sizes S and L", None))
    if sizes:
        peak = max(figures["full"]["peak_rss_max"] for figures in sizes.values())
        targets.append(Target("peak memory ≤ 1 GiB", f"{peak / MIB:.0f} MiB", peak <= PEAK_MEMORY_MAX))
    if big:
        ratio = sizes[big]["warm_over_cold"]
        targets.append(
            Target(
                f"{big} warm rebuild ≤ {WARM_OVER_COLD_MAX}× cold",
                f"{ratio:.2f}×",
                ratio <= WARM_OVER_COLD_MAX,
            )
        )
    if big and sizes[big].get("serve"):
        preview = sizes[big]["serve"]
        slowest = max(preview["edit_to_page_s"], preview["title_edit_to_page_s"])
        targets.append(
            Target(
                f"{big} make serve: edit → page ≤ {SERVE_EDIT_MAX:.0f} s",
                f"text {preview['edit_to_page_s']:.2f} s, title {preview['title_edit_to_page_s']:.2f} s "
                f"(medians of {len(preview['edits_s'])} edits each, {preview['region']})",
                slowest <= SERVE_EDIT_MAX,
            )
        )
    reader = results.get("reader")
    if reader and reader["regions"]:
        label = reader["size"]
        worst = max(reader["regions"], key=lambda r: r["html_median"])
        targets.append(
            Target(
                f"{label} median HTML ≤ {HTML_MEDIAN_MAX // KB} KB",
                f"{worst['html_median'] / KB:.1f} KB (largest median, {worst['region']})",
                worst["html_median"] <= HTML_MEDIAN_MAX,
            )
        )
        worst = max(reader["regions"], key=lambda r: r["first_search_gzip"])
        targets.append(
            Target(
                f"{label} first search results ≤ {FIRST_SEARCH_MAX // KB} KB transferred",
                f"{worst['first_search_gzip'] / KB:.0f} KB gzip ({worst['region']})",
                worst["first_search_gzip"] <= FIRST_SEARCH_MAX,
            )
        )
        hosts = sorted(
            {
                ref.split(":", 1)[0]
                for r in reader["regions"]
                for refs in r["third_party"].values()
                for ref in refs
            }
        )
        targets.append(Target("no third-party host", ", ".join(hosts) or "none found", not hosts))
    return targets


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


def render(results: dict) -> str:
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
    sizes = results["sizes"]
    names = list(sizes)
    rows = []

    def row(label: str, values: list[str]) -> None:
        rows.append([label, *values])

    row(
        "Markdown sources (shared + regions×each)",
        [
            f"{sizes[n]['sources']} ({sizes[n]['shared']}+{sizes[n]['regions']}×{sizes[n]['regional']})"
            for n in names
        ],
    )
    row(
        "  articles / newsletters / governing / pages",
        [
            "/".join(
                str(sizes[n]["kinds"].get(k, 0))
                for k in ("artikler", "nyhetsbrev", "styrende-dokumenter", "side")
            )
            for n in names
        ],
    )
    row("Region pages built (HTML under site/<id>/)", [str(sizes[n]["region_pages"]) for n in names])
    row("Markdown floor, s (one process)", [_s(sizes[n]["floor"]["seconds"]) for n in names])
    row("Full build wall, s", [_s(sizes[n]["full"]["wall_s"]) for n in names])
    row("Full build CPU (process tree), s", [_s(sizes[n]["full"]["cpu_s"]) for n in names])
    row("Peak RSS of process tree, MiB", [f"{sizes[n]['full']['peak_rss_max'] / MIB:.0f}" for n in names])
    row("Region pages per second", [f"{sizes[n]['full']['pages_per_s']:.1f}" for n in names])
    row("Full / floor", [_x(sizes[n]["full_over_floor"]) for n in names])
    row("Warm rebuild wall, s", [_s(sizes[n]["warm"]["wall_s"]) for n in names])
    row("Warm / cold", [_x(sizes[n]["warm_over_cold"]) for n in names])
    row("Naive per-region builds wall, s", [_s((sizes[n].get("naive") or {}).get("wall_s")) for n in names])
    row("Naive CPU, s", [_s((sizes[n].get("naive") or {}).get("cpu_s")) for n in names])
    row("Naive pages built", [str((sizes[n].get("naive") or {}).get("pages", "-")) for n in names])
    row("Naive / full", [_x(sizes[n].get("naive_over_full")) for n in names])
    row(
        "make serve: first build, s",
        [_s((sizes[n].get("serve") or {}).get("first_build_s")) for n in names],
    )
    row(
        "make serve: text edit → page shown, s (median)",
        [_s((sizes[n].get("serve") or {}).get("edit_to_page_s")) for n in names],
    )
    row(
        "make serve: title edit → page shown, s (median)",
        [_s((sizes[n].get("serve") or {}).get("title_edit_to_page_s")) for n in names],
    )
    out.append(_table(["Build", *names], rows))

    reader = results.get("reader")
    if reader and reader["regions"]:
        out += ["", f"Reader side, size {reader['size']} (KB = 1000 bytes; gz = gzip -6)"]
        header = [
            "Region",
            "pages",
            "median HTML KB",
            "largest HTML KB",
            "CSS KB raw/gz",
            "JS KB raw/gz",
            "index KB raw/gz",
            "first search KB gz",
            "other hosts",
        ]
        rows = []
        for r in reader["regions"]:
            rows.append(
                [
                    r["region"],
                    str(r["pages"]),
                    _kb(r["html_median"]),
                    f"{_kb(r['html_max'])} ({r['html_max_page']})",
                    f"{_kb(r['css']['raw'])}/{_kb(r['css']['gzip'])}",
                    f"{_kb(r['js']['raw'])}/{_kb(r['js']['gzip'])}",
                    f"{_kb(r['search_index_raw'])}/{_kb(r['search_index_gzip'])}",
                    _kb(r["first_search_gzip"]),
                    f"{len(r['third_party'])} pages" if r["third_party"] else "none",
                ]
            )
        out.append(_table(header, rows, right={1, 2, 4, 5, 6, 7}))
        first = reader["regions"][0]
        out.append(
            f"CSS and JS as loaded by {first['sample_page']}; first search = index + "
            + " + ".join(first["search_scripts"]["files"])
        )

    out += ["", "Targets"]
    width = max((len(t["name"]) for t in results["targets"]), default=0)
    for target in results["targets"]:
        out.append(f"  {target['verdict']:<5}  {target['name']:<{width}}  {target['value']}")
    return "\n".join(out) + "\n"


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
