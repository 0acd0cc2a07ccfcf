"""Time the Markdown floor, our full build and the naive per-region baseline.

Build figures come from a child process: wall time, CPU time of the whole
process tree (``getrusage(RUSAGE_CHILDREN)`` before and after, which counts the
region workers once the build has waited for them) and what
:mod:`bench.process_tree` samples while it runs (peak memory, the main
process's share of the CPU, cores kept busy).
"""

from __future__ import annotations

import importlib
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import yaml
from kompetansebroen import stage_times
from kompetansebroen.frontmatter.splitter import split
from kompetansebroen.mail import HTML_FILE as MAIL_HTML

from .process_tree import TreeSampler, TreeUsage
from .set_aside import SetAside

BUILD_COMMAND = ("-m", "mkdocs", "build", "-q")


# -- configuration ------------------------------------------------------------------


def _read_config(config_file: Path) -> dict:
    """``mkdocs.yml`` as plain data; MkDocs' own tags (``!ENV``) read as None."""

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    # ``toc``'s ``slugify: !!python/name:…``: the floor converts with the build's own function.
    _Loader.add_multi_constructor(
        "tag:yaml.org,2002:python/name:", lambda loader, suffix, node: _python_name(suffix)
    )
    return yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_Loader) or {}


def _python_name(dotted: str) -> object:
    """The object ``module.name`` names, as MkDocs' YAML loader resolves ``!!python/name:``."""
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


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


# -- builds -------------------------------------------------------------------------


class BuildFailed(RuntimeError):
    pass


@dataclass
class BuildResult:
    """One build (or a series of builds, for the naive baseline)."""

    wall: float
    cpu: float
    """CPU seconds of the whole process tree, user and system."""
    pages: int
    usage: TreeUsage = field(default_factory=TreeUsage)
    builds: int = 1
    stages: dict[str, float] = field(default_factory=dict)
    """CPU seconds per stage of the build (kompetansebroen.stage_times), ``other`` the rest of the tree's."""

    @property
    def peak_rss(self) -> int:
        """Peak resident memory of the process tree, bytes."""
        return self.usage.peak_rss

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.wall if self.wall else 0.0

    @property
    def cores_busy(self) -> float:
        """CPU over wall: 2.0 means two cores busy for the whole build."""
        return self.cpu / self.wall if self.wall else 0.0


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
) -> tuple[float, float, TreeUsage]:
    """Run ``args``; return wall seconds, CPU seconds of the tree and what the sampler saw."""
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
    sampler = TreeSampler(process.pid)
    sampler.start()
    out, err = process.communicate()
    wall = time.perf_counter() - started
    usage = sampler.stop()
    cpu = _cpu_children() - cpu_before
    if process.returncode != 0:
        tail = "\n".join((err or out).strip().splitlines()[-25:])
        raise BuildFailed(f"{' '.join(args[1:])} in {cwd} exited with {process.returncode}:\n{tail}")
    return wall, cpu, usage


def count_html(site: Path) -> int:
    """The site's HTML pages; a newsletter issue's e-mail edition (``epost.html``) is not a page."""
    return sum(1 for page in site.rglob("*.html") if page.name != MAIL_HTML) if site.is_dir() else 0


def region_pages(site: Path, region_ids: list[str]) -> int:
    """Built HTML pages under ``site/<id>/`` for every region."""
    return sum(count_html(site / region_id) for region_id in region_ids)


def _remove(path: Path, set_aside: SetAside | None) -> None:
    if set_aside is not None:
        set_aside.remove(path)
    else:
        shutil.rmtree(path, ignore_errors=True)


def full_build(
    root: Path,
    region_ids: list[str],
    *,
    clean: bool = True,
    stages: bool = False,
    set_aside: SetAside | None = None,
) -> BuildResult:
    """``mkdocs build -q`` of every region plus the root.

    ``clean`` (a cold build) first removes ``site/`` and the build caches in ``.cache/``, and gives
    the build an empty user cache folder (no compiled templates: a first build on a new machine);
    otherwise all are left as the previous build wrote them (a warm rebuild).
    ``stages``: also the CPU seconds of each stage of the build, as its processes count them.
    ``set_aside``: where the previous site and caches go instead of being deleted (set_aside.py).
    """
    site = root / "site"
    if clean:
        for leftover in (site, root / ".cache"):
            _remove(leftover, set_aside)
    env = build_env()
    user_cache = root.parent / f".{root.name}-user-cache"
    if clean:
        shutil.rmtree(user_cache, ignore_errors=True)
        env["XDG_CACHE_HOME"] = str(user_cache)
    folder = root.parent / f".{root.name}-stage-times"
    if stages:
        shutil.rmtree(folder, ignore_errors=True)
        env[stage_times.ENVIRONMENT] = str(folder)
    wall, cpu, usage = run_measured([sys.executable, *BUILD_COMMAND], root, env)
    result = BuildResult(wall, cpu, region_pages(site, region_ids), usage)
    if stages:
        result.stages = stage_shares(folder, cpu)
        shutil.rmtree(folder, ignore_errors=True)
    if clean:
        shutil.rmtree(user_cache, ignore_errors=True)
    return result


def stage_shares(folder: Path, tree_cpu: float) -> dict[str, float]:
    """The build's stages in CPU seconds, in the order of ``stage_times.STAGES``, and ``other``: the rest
    of the process tree's CPU time (MkDocs' own work, set-up, imports, SQLite, waiting on locks)."""
    counted, _processes = stage_times.read_totals(folder)
    shares = {name: counted.get(name, 0.0) for name in stage_times.STAGES}
    shares[stage_times.OTHER] = max(tree_cpu - sum(shares.values()), 0.0)
    return shares


# -- plain Material builds: the naive baseline and MkDocs and Material alone --------------

REGION_FILE = "region.yml"
"""A region's settings, read by our plugin; not a page."""

NOT_A_PAGE = "404.html"
"""The page every MkDocs theme adds to a site, made from no source."""


def _plain_material_config(config: dict, site_url: str) -> dict:
    """A mkdocs-material config with the corpus's Markdown extensions and none of our plugin."""
    return {
        "site_name": config.get("site_name", "Kompetansebroen"),
        "site_url": site_url,
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {"name": "material", "language": "nb", "font": False},
        "markdown_extensions": config.get("markdown_extensions") or [],
        # Pages link to lists the plugin generates (tema/, artikler/); without it those are
        # missing, so a plain build must not stop on the warnings.
        "strict": False,
    }


def _base_url(config: dict) -> str:
    return (config.get("site_url") or "https://example.invalid/").rstrip("/") + "/"


def _write_config(folder: Path, plain: dict) -> Path:
    """``folder/mkdocs.yml``; the toc's slugify function is written as ``!!python/name:`` (MkDocs reads it back)."""
    config_path = folder / "mkdocs.yml"
    config_path.write_text(yaml.dump(plain, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_path


def _copy_region(root: Path, region_id: str, target: Path) -> None:
    """``regions/<id>/`` copied onto ``target``, without its ``region.yml``."""
    shutil.copytree(
        root / "regions" / region_id,
        target,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns(REGION_FILE),
    )


def prepare_naive(
    root: Path, work: Path, region_ids: list[str], set_aside: SetAside | None = None
) -> dict[str, Path]:
    """Per region: a merged docs folder (``content/`` with ``regions/<id>/`` on top) and a plain config."""
    config = _read_config(root / "mkdocs.yml")
    configs = {}
    for region_id in region_ids:
        folder = work / region_id
        docs = folder / "docs"
        _remove(folder, set_aside)
        shutil.copytree(root / "content", docs)
        _copy_region(root, region_id, docs)
        plain = _plain_material_config(config, _base_url(config) + f"{region_id}/")
        configs[region_id] = _write_config(folder, {**plain, "plugins": ["search"]})
    return configs


def naive_build(configs: dict[str, Path], set_aside: SetAside | None = None) -> BuildResult:
    """One plain mkdocs-material build per region, one after the other (as a shell loop would)."""
    total = BuildResult(0.0, 0.0, 0, builds=0)
    for config_path in configs.values():
        site = config_path.parent / "site"
        _remove(site, set_aside)
        wall, cpu, usage = run_measured([sys.executable, *BUILD_COMMAND], config_path.parent)
        total.wall += wall
        total.cpu += cpu
        total.usage.peak_rss = max(total.usage.peak_rss, usage.peak_rss)
        total.usage.samples += usage.samples
        total.usage.main_cpu += usage.main_cpu
        total.usage.cores_busy += usage.cores_busy
        total.usage.most_processes = max(total.usage.most_processes, usage.most_processes)
        total.pages += count_html(site)
        total.builds += 1
    return total


@dataclass(frozen=True)
class MaterialAlone:
    """The folder of the «MkDocs and Material alone» reference build and how many pages it must make."""

    config_file: Path
    sources: int


def prepare_material_alone(root: Path, folder: Path, set_aside: SetAside | None = None) -> MaterialAlone:
    """Every distinct source of the corpus as one page of a plain mkdocs-material site in ``folder``.

    ``docs/`` is ``content/`` with each ``regions/<id>/`` under ``docs/regions/<id>/``, so a shared
    page counts once, as in the floor (:func:`unique_sources`). The config has no plugins (our
    plugin builds the search index itself, so Material's search would be work we never do) and a
    navigation of the home page alone: Material renders the whole navigation on every page, so an
    automatic one of thousands of pages would cost time in proportion to their square.
    """
    config = _read_config(root / "mkdocs.yml")
    docs = folder / "docs"
    _remove(folder, set_aside)
    shutil.copytree(root / "content", docs)
    for region in sorted(path for path in (root / "regions").iterdir() if path.is_dir()):
        _copy_region(root, region.name, docs / "regions" / region.name)
    plain = {
        **_plain_material_config(config, _base_url(config)),
        "plugins": [],
        "nav": [{"Forside": "index.md"}],
        # Links to pages our plugin generates are missing here; none of that is the reference's business.
        "validation": {
            "omitted_files": "ignore",
            "absolute_links": "ignore",
            "unrecognized_links": "ignore",
            "anchors": "ignore",
            "not_found": "ignore",
        },
    }
    return MaterialAlone(_write_config(folder, plain), len(unique_sources(root)))


def material_alone_build(reference: MaterialAlone, set_aside: SetAside | None = None) -> BuildResult:
    """One plain ``mkdocs build`` of the reference folder, its old site taken away first.

    Raises :class:`BuildFailed` unless it made one page per distinct source: otherwise the figure
    would not be the cost of rendering each of them once.
    """
    folder = reference.config_file.parent
    site = folder / "site"
    _remove(site, set_aside)
    wall, cpu, usage = run_measured([sys.executable, *BUILD_COMMAND], folder)
    pages = count_html(site) - (site / NOT_A_PAGE).is_file()
    if pages != reference.sources:
        raise BuildFailed(
            f"MkDocs and Material alone in {folder} made {pages} pages of {reference.sources} sources"
        )
    return BuildResult(wall, cpu, pages, usage)
