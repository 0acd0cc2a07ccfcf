"""The targets of the scaling issue, judged from one run's figures, and the cost of one added region.

Each target names the corpus it is judged on (``L4``: size L with four regions).
A target whose corpus the run did not build is reported as not measured,
never as held.
"""

from __future__ import annotations

from dataclasses import dataclass

from .corpus import MAX_REGIONS
from .plan import BASE_REGIONS

MIB = 1024 * 1024
KB = 1000  # web sizes in kilobytes of 1,000 bytes

BASE = f"L{BASE_REGIONS}"
ALL_AT_S = f"S{MAX_REGIONS}"
ALL_AT_L = f"L{MAX_REGIONS}"

COLD_OVER_FLOOR_MAX = {BASE: 2.0, ALL_AT_S: 2.5, ALL_AT_L: 2.5}
PEAK_MEMORY_MAX = 1024 * MIB
REBUILD_OVER_COLD_MAX = 0.15
SERVE_TEXT_EDIT_MAX = 1.0
SERVE_TITLE_EDIT_MAX = 1.5
HTML_MEDIAN_MAX = 40 * KB
FIRST_VIEW_MAX = 110 * KB
FIRST_SEARCH_MAX = 300 * KB


def thousands(number: int) -> str:
    """``26600`` as ``26 600``: thousands apart without a comma, which reads as a decimal mark in Norwegian."""
    return f"{number:,}".replace(",", " ")


@dataclass(frozen=True)
class Target:
    name: str
    value: str
    held: bool | None  # None: not measured in this run

    @property
    def verdict(self) -> str:
        return {True: "held", False: "not held", None: "n/a"}[self.held]

    def as_dict(self) -> dict:
        return {"name": self.name, "value": self.value, "verdict": self.verdict}


def _not_measured(name: str, needs: str) -> Target:
    return Target(name, f"not measured in this run (needs {needs})", None)


def _cold_over_floor(setups: dict, label: str, limit: float) -> Target:
    name = f"{label} cold build ≤ {limit:.1f}× Markdown floor"
    figures = setups.get(label)
    if not figures or figures.get("cold_over_floor") is None:
        return _not_measured(name, label)
    ratio = figures["cold_over_floor"]
    return Target(
        name,
        f"{ratio:.2f}× ({figures['cold']['wall_s']:.2f} s / floor {figures['floor']['seconds']:.2f} s)",
        ratio <= limit,
    )


def _peak_memory(setups: dict) -> Target:
    name = f"{ALL_AT_L} peak memory (process tree) ≤ {PEAK_MEMORY_MAX // MIB // 1024} GiB"
    figures = setups.get(ALL_AT_L)
    if not figures:
        return _not_measured(name, ALL_AT_L)
    cold = figures["cold"]
    peak = cold["peak_rss_max"]
    ratio = figures["cold_over_floor"]
    return Target(
        name,
        f"{peak / MIB:.0f} MiB (cold build {cold['wall_s']:.2f} s wall, {cold['cpu_s']:.2f} s CPU, "
        f"{thousands(figures['region_pages'])} pages, floor {figures['floor']['seconds']:.2f} s, "
        f"{ratio:.2f}× floor)",
        peak <= PEAK_MEMORY_MAX,
    )


def _rebuild(setups: dict) -> Target:
    name = f"{BASE} rebuild with nothing changed ≤ {REBUILD_OVER_COLD_MAX}× cold build"
    figures = setups.get(BASE)
    if not figures or figures.get("rebuild_over_cold") is None:
        return _not_measured(name, BASE)
    ratio = figures["rebuild_over_cold"]
    return Target(
        name,
        f"{ratio:.2f}× ({figures['rebuild']['wall_s']:.2f} s / {figures['cold']['wall_s']:.2f} s)",
        ratio <= REBUILD_OVER_COLD_MAX,
    )


def _serve(setups: dict) -> list[Target]:
    """The issue's two preview targets: a text edit, and a title edit that changes listings and «Les også»."""
    edits = (
        ("text", "edit_to_page_s", "edits_s", SERVE_TEXT_EDIT_MAX),
        ("title", "title_edit_to_page_s", "title_edits_s", SERVE_TITLE_EDIT_MAX),
    )
    preview = (setups.get(BASE) or {}).get("serve")
    targets = []
    for what, median_key, edits_key, limit in edits:
        name = f"{BASE} make serve: {what} edit shown ≤ {limit:.1f} s (median)"
        if not preview:
            targets.append(_not_measured(name, BASE))
            continue
        seconds = preview[median_key]
        targets.append(
            Target(
                name,
                f"{seconds:.2f} s over {len(preview[edits_key])} edits ({preview['region']})",
                seconds <= limit,
            )
        )
    return targets


def _reader(reader: dict | None) -> list[Target]:
    names = (
        f"median HTML page ≤ {HTML_MEDIAN_MAX // KB} KB",
        f"first view of an article ≤ {FIRST_VIEW_MAX // KB} KB gzipped, no search index in it",
        f"first search ≤ {FIRST_SEARCH_MAX // KB} KB transferred",
        "no third-party host",
    )
    if not reader or not reader["regions"]:
        return [_not_measured(name, "a built site") for name in names]
    label, regions = reader["setup"], reader["regions"]
    html = max(regions, key=lambda r: r["html_median"])
    search = max(regions, key=lambda r: r["first_search_gzip"])
    view = max(regions, key=lambda r: r["first_view"]["gzip"])
    hosts = sorted(
        {ref.split(":", 1)[0] for r in regions for refs in r["third_party"].values() for ref in refs}
    )
    return [
        Target(
            f"{label} {names[0]}",
            f"{html['html_median'] / KB:.1f} KB (largest median, {html['region']})",
            html["html_median"] <= HTML_MEDIAN_MAX,
        ),
        Target(
            f"{label} {names[1]}",
            f"{view['first_view']['gzip'] / KB:.0f} KB gzip ({view['region']}, {view['sample_page']})",
            view["first_view"]["gzip"] <= FIRST_VIEW_MAX,
        ),
        Target(
            f"{label} {names[2]}",
            f"{search['first_search_gzip'] / KB:.0f} KB gzip ({search['region']})",
            search["first_search_gzip"] <= FIRST_SEARCH_MAX,
        ),
        Target(f"{label} {names[3]}", ", ".join(hosts) or "none found", not hosts),
    ]


def evaluate(results: dict) -> list[Target]:
    """Every target, in the order the issue lists them, from ``results["setups"]`` and ``["reader"]``."""
    setups = results["setups"]
    return [
        _cold_over_floor(setups, BASE, COLD_OVER_FLOOR_MAX[BASE]),
        _cold_over_floor(setups, ALL_AT_S, COLD_OVER_FLOOR_MAX[ALL_AT_S]),
        _cold_over_floor(setups, ALL_AT_L, COLD_OVER_FLOOR_MAX[ALL_AT_L]),
        _peak_memory(setups),
        _rebuild(setups),
        *_serve(setups),
        *_reader(results.get("reader")),
        _search_at_scale(results.get("search_at_scale")),
    ]


def _search_at_scale(scale: dict | None) -> Target:
    name = f"first search at 10,000 pages in a region ≤ {FIRST_SEARCH_MAX // KB} KB transferred"
    if not scale:
        return _not_measured(name, "the index at 10,000 pages")
    return Target(
        name,
        f"{scale['first_search_gzip'] / KB:.0f} KB gzip (largest of {scale['queries']} searches; "
        f"index made directly from {scale['pages']:,} generated pages)",
        scale["first_search_gzip"] <= FIRST_SEARCH_MAX and scale["scripts_gzip"] > 0,
    )


def added_region_costs(setups: dict) -> list[dict]:
    """Per size with a few-region and a many-region corpus: what one more region costs a cold build.

    ``(cold wall of the larger − of the smaller) / (their difference in region pages)`` in
    milliseconds per page, and the same difference per added region in seconds. The
    corpora nest (the larger is the smaller plus its added regions), so nothing else differs.
    """
    costs = []
    by_size: dict[str, list[dict]] = {}
    for figures in setups.values():
        by_size.setdefault(figures["size"], []).append(figures)
    for size, group in by_size.items():
        if len(group) < 2:
            continue
        fewer, more = min(group, key=lambda f: f["regions"]), max(group, key=lambda f: f["regions"])
        pages = more["region_pages"] - fewer["region_pages"]
        regions = more["regions"] - fewer["regions"]
        if pages <= 0 or regions <= 0:
            continue
        seconds = more["cold"]["wall_s"] - fewer["cold"]["wall_s"]
        cpu = more["cold"]["cpu_s"] - fewer["cold"]["cpu_s"]
        costs.append(
            {
                "size": size,
                "from": fewer["label"],
                "to": more["label"],
                "regions_added": regions,
                "pages_added": pages,
                "ms_per_page": seconds / pages * 1000,
                "cpu_ms_per_page": cpu / pages * 1000,
                "s_per_region": seconds / regions,
            }
        )
    return costs


def cold_targets_beside_material_alone(setups: dict) -> list[dict]:
    """Per cold/floor target whose corpus was built: the wall time it allows and what Material alone took.

    ``allowed_wall_s`` is the target's ratio times that run's floor; ``room_s`` is what is left of it
    once MkDocs and Material have rendered every distinct page once (negative: the target asks for
    less than they take). A reference for reading the targets, not a target itself.
    """
    rows = []
    for label, limit in COLD_OVER_FLOOR_MAX.items():
        figures = setups.get(label) or {}
        material = figures.get("material_alone")
        if not material:
            continue
        allowed = limit * figures["floor"]["seconds"]
        rows.append(
            {
                "label": label,
                "cold_over_floor_max": limit,
                "floor_s": figures["floor"]["seconds"],
                "allowed_wall_s": allowed,
                "material_alone_wall_s": material["wall_s"],
                "room_s": allowed - material["wall_s"],
            }
        )
    return rows
