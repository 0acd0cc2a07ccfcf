"""``kompetansebroen-check``: validate all content without building, for pre-commit hooks and CI;
``kompetansebroen-newsletter``: where an issue's e-mail edition is (``make newsletter``).

It reads mkdocs.yml the way the build does (settings.py) and runs the same
checks on the content (front matter, topics, regions, links, anchors with the
site's Markdown extensions, security) without building a page. Every problem
is printed as ``path:line: field: what is wrong; what to write instead``.

Exit codes: 0 all is well, 1 the content has problems, 2 mkdocs.yml cannot be used.

``kompetansebroen-newsletter REGION ISSUE`` prints the paths of the three
files the build wrote for the issue in that region, and opens nothing.
Exit codes: 0 found, 1 the site is not built (or not with this issue), 2 no
such region or issue.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import sys
import time
from pathlib import Path

from . import messages
from .mail import HTML_FILE, MESSAGE_FILE, TEXT_FILE
from .project.loader import region_folders
from .settings import SettingsError, load_content, load_settings, topics_from_config

__all__ = ["check", "check_main", "newsletter", "newsletter_main", "topics_from_config"]

NEWSLETTER_FOLDER = "nyhetsbrev"


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
        print(problems.report(messages.CHECK_FAILED_SUMMARY), file=sys.stderr)
        return 1
    pages = len(project.shared) + sum(len(docs) for docs in project.regional.values())
    print(messages.check_ok(pages, sorted(project.regions), time.monotonic() - started))
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


def newsletter(root: Path, site: Path, region: str, issue: str) -> int:
    """Print where the e-mail edition of ``issue`` in ``region`` is; return the exit code."""
    issue = issue.removesuffix(".md").strip("/")
    if not region or not issue:
        print(messages.NEWSLETTER_ARGUMENTS_MISSING, file=sys.stderr)
        return 2
    regions = region_folders(root)
    if region not in regions:
        print(messages.newsletter_region_unknown(region, regions), file=sys.stderr)
        return 2
    sources = [root / "content" / NEWSLETTER_FOLDER, root / "regions" / region / NEWSLETTER_FOLDER]
    issues = sorted({path.stem for folder in sources for path in folder.glob("*.md") if path.stem != "index"})
    if issue not in issues:
        print(messages.newsletter_issue_unknown(issue, region, issues, NEWSLETTER_FOLDER), file=sys.stderr)
        return 2
    folder = site / region / NEWSLETTER_FOLDER / issue
    files = [folder / name for name in (HTML_FILE, TEXT_FILE, MESSAGE_FILE)]
    if not all(path.is_file() for path in files):
        if (site / region / "index.html").is_file() and not folder.is_dir():
            print(messages.newsletter_issue_not_in_site(issue, region), file=sys.stderr)
        else:
            print(messages.newsletter_not_built(region), file=sys.stderr)
        return 1
    message = email.message_from_bytes(files[2].read_bytes(), policy=email.policy.default)
    shown = [_shown(path, root) for path in files]
    print(messages.newsletter_edition_found(message["Subject"], region, *shown))
    return 0


def _shown(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def newsletter_main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="kompetansebroen-newsletter",
        description="Vis hvor e-postutgaven av et nyhetsbrev ligger (epost.html, epost.txt, nyhetsbrev.eml).",
    )
    parser.add_argument("region", nargs="?", default="", help="området, f.eks. innlandet")
    parser.add_argument("issue", nargs="?", default="", help="utgaven, f.eks. 2024-05-nyhetsbrev")
    parser.add_argument("--root", default=".", help="repoets rotmappe (standard: .)")
    parser.add_argument("--site", default=None, help="det bygde nettstedet (standard: <root>/site)")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    site = Path(args.site).resolve() if args.site else root / "site"
    sys.exit(newsletter(root, site, args.region, args.issue))


if __name__ == "__main__":
    check_main()
