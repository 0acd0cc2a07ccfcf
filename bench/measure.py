"""Time the Markdown floor, our full build and the naive per-region baseline.

Build figures come from a child process: wall time, CPU time of the whole
process tree (``getrusage(RUSAGE_CHILDREN)`` before and after, which counts the
region workers once the build has waited for them) and the peak of the summed
resident memory of the tree, sampled from ``/proc`` in a thread.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import yaml
from kompetansebroen.frontmatter.splitter import split

SAMPLE_INTERVAL = 0.05
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
BUILD_COMMAND = ("-m", "mkdocs", "build", "-q")


# -- configuration ------------------------------------------------------------------


def _read_config(config_file: Path) -> dict:
    """``mkdocs.yml`` as plain data; MkDocs' own tags (``!ENV``) read as None."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_Loader) or {}


def markdown_settings(config_file: Path) -> tuple[list[str], dict[str, dict]]:
    """The ``markdown_extensions`` of ``mkdocs.yml`` as ``(extensions, extension_configs)``."""
    extensions: list[str] = []
    configs: dict[str, dict] = {}
    for item in _read_config(config_file).get("markdown_extensions") or []:
        if isinstance(item, str):
            extensions.append(item)
        elif isinstance(item, dict):
            for name, options in item.items():
                extensions.append(name)
                if options:
                    configs[name] = dict(options)
    return extensions, configs


# -- the floor ------------------------------------------------------------------------


@dataclass(frozen=True)
class FloorResult:
    """Every unique source converted once: total conversion time, count and Markdown bytes."""

    seconds: float
    documents: int
    source_bytes: int


def unique_sources(root: Path) -> list[Path]:
    """Every Markdown file in ``content/`` and ``regions/`` (a shared page counts once)."""
    found: list[Path] = []
    for tree in ("content", "regions"):
        found += sorted((Path(root) / tree).rglob("*.md"))
    return found


def measure_floor(root: Path | str, config_file: Path | str | None = None) -> FloorResult:
    """Convert every unique source with the project's extensions in this process; time only conversion."""
    root = Path(root)
    extensions, configs = markdown_settings(Path(config_file) if config_file else root / "mkdocs.yml")
    bodies = [split(path.read_text(encoding="utf-8")).body for path in unique_sources(root)]
    converter = markdown.Markdown(extensions=extensions, extension_configs=configs)
    elapsed = 0.0
    for body in bodies:
        started = time.perf_counter()
        converter.reset()
        converter.convert(body)
        elapsed += time.perf_counter() - started
    return FloorResult(elapsed, len(bodies), sum(len(body.encode("utf-8")) for body in bodies))


# -- process-tree memory ------------------------------------------------------------


def _parent_map() -> dict[int, int]:
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        if len(fields) > 1:
            parents[int(entry)] = int(fields[1])
    return parents


def tree_pids(root_pid: int) -> list[int]:
    """``root_pid`` and all its descendants alive now."""
    children: dict[int, list[int]] = {}
    for pid, parent in _parent_map().items():
        children.setdefault(parent, []).append(pid)
    result, pending = [], [root_pid]
    while pending:
        pid = pending.pop()
        result.append(pid)
        pending.extend(children.get(pid, ()))
    return result


def tree_rss(root_pid: int) -> int:
    """Summed resident set size of the tree in bytes (shared pages count in every process)."""
    total = 0
    for pid in tree_pids(root_pid):
        try:
            with open(f"/proc/{pid}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            continue
    return total


class TreeMemorySampler(threading.Thread):
    """Samples :func:`tree_rss` every ``interval`` seconds until stopped; keeps the peak."""

    def __init__(self, pid: int, interval: float = SAMPLE_INTERVAL) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self.samples = 0
        self._stop_event = threading.Event()

    def run(self) -> None:
        if not os.path.isdir("/proc"):
            return
        while not self._stop_event.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self.samples += 1
            self._stop_event.wait(self.interval)

    def stop(self) -> int:
        self._stop_event.set()
        self.join()
        return self.peak


# -- builds -------------------------------------------------------------------------


class BuildFailed(RuntimeError):
    pass


@dataclass
class BuildResult:
    """One build (or a series of builds, for the naive baseline)."""

    wall: float
    cpu: float
    peak_rss: int
    pages: int
    samples: int = 0
    builds: int = 1
    extra: dict = field(default_factory=dict)

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.wall if self.wall else 0.0


def build_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.pop("KOMPETANSEBROEN_REGION", None)  # empty: every region plus the root
    return env


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_measured(
    args: list[str], cwd: Path, env: dict[str, str] | None = None
) -> tuple[float, float, int, int]:
    """Run ``args``; return wall seconds, CPU seconds of the tree, peak tree RSS bytes and sample count."""
    cpu_before = _cpu_children()
    started = time.perf_counter()
    process = subprocess.Popen(
        args,
        cwd=cwd,
        env=env or build_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    sampler = TreeMemorySampler(process.pid)
    sampler.start()
    out, err = process.communicate()
    wall = time.perf_counter() - started
    peak = sampler.stop()
    cpu = _cpu_children() - cpu_before
    if process.returncode != 0:
        tail = "\n".join((err or out).strip().splitlines()[-25:])
        raise BuildFailed(f"{' '.join(args[1:])} in {cwd} exited with {process.returncode}:\n{tail}")
    return wall, cpu, peak, sampler.samples


def count_html(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html")) if site.is_dir() else 0


def region_pages(site: Path, region_ids: list[str]) -> int:
    """Built HTML pages under ``site/<id>/`` for every region."""
    return sum(count_html(site / region_id) for region_id in region_ids)


def full_build(root: Path, region_ids: list[str], *, clean: bool = True) -> BuildResult:
    """``mkdocs build -q`` of every region plus the root.

    ``clean`` (a cold build) first removes ``site/`` and the build caches in ``.cache/``;
    otherwise both are left as the previous build wrote them (a warm rebuild).
    """
    site = root / "site"
    if clean:
        for leftover in (site, root / ".cache"):
            shutil.rmtree(leftover, ignore_errors=True)
    wall, cpu, peak, samples = run_measured([sys.executable, *BUILD_COMMAND], root)
    return BuildResult(wall, cpu, peak, region_pages(site, region_ids), samples)


# -- the naive baseline -------------------------------------------------------------


def prepare_naive(root: Path, work: Path, region_ids: list[str]) -> dict[str, Path]:
    """Per region: a merged docs folder (``content/`` with ``regions/<id>/`` on top) and a plain config."""
    config = _read_config(root / "mkdocs.yml")
    configs = {}
    for region_id in region_ids:
        folder = work / region_id
        docs = folder / "docs"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(root / "content", docs)
        shutil.copytree(
            root / "regions" / region_id,
            docs,
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns("region.yml"),
        )
        plain = {
            "site_name": config.get("site_name", "Kompetansebroen"),
            "site_url": (config.get("site_url") or "https://example.invalid/").rstrip("/") + f"/{region_id}/",
            "docs_dir": "docs",
            "site_dir": "site",
            "theme": {"name": "material", "language": "nb", "font": False},
            "plugins": ["search"],
            "markdown_extensions": config.get("markdown_extensions") or [],
            # Pages link to lists the plugin generates (tema/, artikler/); without it those are
            # missing, so the baseline must not stop on the warnings.
            "strict": False,
        }
        config_path = folder / "mkdocs.yml"
        config_path.write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), encoding="utf-8")
        configs[region_id] = config_path
    return configs


def naive_build(configs: dict[str, Path]) -> BuildResult:
    """One plain mkdocs-material build per region, one after the other (as a shell loop would)."""
    total = BuildResult(0.0, 0.0, 0, 0, builds=0)
    for config_path in configs.values():
        site = config_path.parent / "site"
        shutil.rmtree(site, ignore_errors=True)
        wall, cpu, peak, samples = run_measured([sys.executable, *BUILD_COMMAND], config_path.parent)
        total.wall += wall
        total.cpu += cpu
        total.peak_rss = max(total.peak_rss, peak)
        total.samples += samples
        total.pages += count_html(site)
        total.builds += 1
    return total
