"""``kompetansebroen-check``: validate all content without building, for pre-commit hooks and CI."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

from .listings.pages import all_generated_paths
from .model.topics import Topic, TopicRegistry
from .project.loader import load_project


def topics_from_config(config_file: Path) -> TopicRegistry:
    """Read the topic list from ``mkdocs.yml`` without starting MkDocs (which would import the theme)."""

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may use MkDocs' own tags (!ENV, !relative); their values do not matter here.
    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "kompetansebroen" in plugin:
            options = plugin["kompetansebroen"] or {}
            return TopicRegistry(Topic(t["name"], t.get("description", "")) for t in options.get("topics", []))
    return TopicRegistry([])


def check(root: Path, config_file: Path) -> int:
    started = time.monotonic()
    topics = topics_from_config(config_file)
    project, problems = load_project(root, topics, generated_paths=all_generated_paths(topics))
    if problems:
        print(problems.report(), file=sys.stderr)
        return 1
    pages = len(project.shared) + sum(len(docs) for docs in project.regional.values())
    print(
        f"OK: {pages} sider i {len(project.regions)} områder ({', '.join(sorted(project.regions))}) "
        f"sjekket på {time.monotonic() - started:.2f} s"
    )
    return 0


def check_main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="kompetansebroen-check",
        description="Sjekk alt innhold (front matter, tema, områder, lenker, sikkerhet) uten å bygge nettstedet.",
    )
    parser.add_argument("root", nargs="?", default=".", help="repoets rotmappe (standard: .)")
    parser.add_argument("-f", "--config-file", default=None, help="mkdocs.yml (standard: <root>/mkdocs.yml)")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    config_file = Path(args.config_file) if args.config_file else root / "mkdocs.yml"
    sys.exit(check(root, config_file))


if __name__ == "__main__":
    check_main()
