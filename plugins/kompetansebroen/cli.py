"""``kompetansebroen-check``: validate all content without building, for pre-commit hooks and CI.

It runs the same checks as the build (front matter, topics, regions, links,
anchors, security) without starting MkDocs, and prints every problem as
``path:line: field: what is wrong; what is expected``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from .listings.pages import all_generated_paths
from .model.topics import Topic, TopicRegistry
from .project.loader import load_project


class ConfigError(Exception):
    """mkdocs.yml cannot be read; the message says why, in the editors' language."""


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may use MkDocs' own tags (``!ENV``, ``!relative``, ``!!python/name``); their values do not matter here."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"{config_file.name}: filen finnes ikke; kjør kommandoen i repoets rotmappe"
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{config_file.name}: filen kan ikke leses ({error})") from None
    try:
        config = yaml.load(text, Loader=_ConfigLoader) or {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{config_file.name}{line}: ugyldig YAML ({error.problem})") from None
    if not isinstance(config, dict):
        raise ConfigError(f"{config_file.name}: forventet innstillinger på formen «navn: verdi»")
    return config


def _plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "kompetansebroen" in plugin:
            return plugin["kompetansebroen"] or {}
    return {}


def topics_from_config(config_file: Path) -> TopicRegistry:
    """Read the topic list from ``mkdocs.yml`` without starting MkDocs (which would import the theme)."""
    return _topics(read_config(config_file), config_file)


def _topics(config: dict[str, Any], config_file: Path) -> TopicRegistry:
    topics = []
    for number, entry in enumerate(_plugin_options(config).get("topics") or [], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ConfigError(
                f"{config_file.name}: plugins → kompetansebroen → topics: tema nr. {number} mangler name"
            )
        topics.append(Topic(entry["name"], str(entry.get("description") or "")))
    try:
        return TopicRegistry(topics)
    except ValueError as error:
        raise ConfigError(f"{config_file.name}: plugins → kompetansebroen → topics: {error}") from None


def markdown_extensions(config: dict[str, Any]) -> tuple[list[str], dict[str, Any]]:
    """``markdown_extensions`` from mkdocs.yml as Python-Markdown wants them: names and configs."""
    names: list[str] = []
    configs: dict[str, Any] = {}
    for entry in config.get("markdown_extensions") or []:
        if isinstance(entry, str):
            names.append(entry)
        elif isinstance(entry, dict):
            for name, options in entry.items():
                names.append(name)
                if isinstance(options, dict):
                    configs[name] = options
    return names, configs


def checks_anchors(config: dict[str, Any]) -> bool:
    """Whether the build rejects links to missing anchors (``validation: anchors: warn``)."""
    validation = config.get("validation") or {}
    if not isinstance(validation, dict):
        return False
    level = validation.get("anchors")
    if level is None and isinstance(validation.get("links"), dict):
        level = validation["links"].get("anchors")
    return level == "warn"


def check(root: Path, config_file: Path) -> int:
    started = time.monotonic()
    try:
        config = read_config(config_file)
        topics = _topics(config, config_file)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    extensions, extension_configs = markdown_extensions(config)
    project, problems = load_project(
        root,
        topics,
        generated_paths=all_generated_paths(topics),
        markdown_extensions=extensions if checks_anchors(config) else None,
        markdown_extension_configs=extension_configs,
    )
    if problems:
        print(problems.report("rett dem og kjør sjekken på nytt."), file=sys.stderr)
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
