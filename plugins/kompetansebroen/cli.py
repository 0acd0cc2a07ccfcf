"""``kompetansebroen-check``: validate all content without building, for pre-commit hooks and CI.

It reads mkdocs.yml the way the build does (settings.py) and runs the same
checks on the content (front matter, topics, regions, links, anchors with the
site's Markdown extensions, security) without building a page. Every problem
is printed as ``path:line: field: what is wrong; what to write instead``.

Exit codes: 0 all is well, 1 the content has problems, 2 mkdocs.yml cannot be used.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .settings import SettingsError, load_content, load_settings, topics_from_config

__all__ = ["check", "check_main", "topics_from_config"]


def check(root: Path, config_file: Path) -> int:
    """Check the repository at ``root``; print what was found and return the exit code."""
    started = time.monotonic()
    try:
        settings = load_settings(config_file)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 2
    project, problems = load_content(root, settings)
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
