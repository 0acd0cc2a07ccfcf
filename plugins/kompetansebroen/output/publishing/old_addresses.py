"""Old addresses that keep working: ``/article/<slug>`` from the current Kompetansebroen, and others.

Links in e-mails and bookmarks carry the reader's region as ``?o=<id>``. An old
address is given with the page it now is (its address inside a region,
``artikler/<navn>/``) and the regions that publish that page. From that come

* nginx rules (:func:`nginx_rules`): ``location = /article/x`` answers 301 to
  the page in the region named by ``?o=``; a known region without the page
  sends the reader to that region's home, and no or an unknown ``?o=`` to the
  root chooser (the nginx map ``$kb_region_home`` holds both, see
  nginx_config.py);
* redirect pages (:func:`redirect_pages`) for hosts without nginx: a small
  HTML page at the old address with a meta refresh, a canonical link and a
  visible link. It cannot read ``?o=``, so a page in several regions sends
  the reader to the chooser, and it sends no HTTP status or headers.

Pure functions: the build (or a deployer) decides where the list comes from.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ... import messages
from ...text.old_paths import EXAMPLE, OldPathError, normalised

ROOT_CHOOSER = "/"
REGION_HOME_VARIABLE = "$kb_region_home"
_REGION_ID = re.compile(r"^[a-z0-9-]+\Z")
_SAFE_TARGET = re.compile(r"^[^\s\"'$\\{};#?<>]*\Z")


@dataclass(frozen=True)
class OldAddress:
    """An old address and the page it leads to."""

    path: str
    """The old path on the host, without query: ``/article/hva-er-et-helsefellesskap``."""
    target: str
    """The page's address inside a region: ``artikler/hva-er-et-helsefellesskap/`` (``""``: the home)."""
    regions: tuple[str, ...]
    """The regions that publish the target page."""
    title: str = ""
    """The page's title, for the redirect page's link text (optional)."""


def normalise_path(path: str) -> str:
    """The old path without a trailing slash; refused when nginx or a file name could misread it.

    The rule is the one ``aliases:`` in front matter is checked with (text/old_paths.py), so what an
    editor may write is exactly what can be served.
    """
    try:
        return normalised(path)
    except OldPathError as error:
        fix = error.suggestion or EXAMPLE
        raise ValueError(messages.old_address_refused(path, error.problem, fix)) from None


def _check(address: OldAddress) -> None:
    if not _SAFE_TARGET.match(address.target) or address.target.startswith("/"):
        raise ValueError(messages.old_address_target_not_a_page(address.path, address.target))
    for region_id in address.regions:
        if not _REGION_ID.match(region_id):
            raise ValueError(messages.old_address_region_unknown(address.path, region_id))


def path_forms(path: str) -> tuple[str, str]:
    """The old path as written in links, without and with a trailing slash."""
    stripped = normalise_path(path)
    return stripped, f"{stripped}/"


def checked(addresses: Iterable[OldAddress]) -> list[OldAddress]:
    """The addresses sorted by path, each checked; two with the same path are refused."""
    seen: dict[str, OldAddress] = {}
    for address in addresses:
        _check(address)
        key = normalise_path(address.path)
        if key in seen:
            raise ValueError(messages.old_address_given_twice(key, seen[key].target, address.target))
        seen[key] = address
    return [seen[key] for key in sorted(seen)]


def region_target(region_id: str, target: str) -> str:
    """The page's address on the host: ``/innlandet/artikler/x/``."""
    return f"/{region_id}/{target}"


def nginx_rules(addresses: Iterable[OldAddress], indent: str = "    ") -> str:
    """``location =`` blocks answering each old address with 301 to the page in the reader's region."""
    blocks = []
    for address in checked(addresses):
        branches = "".join(
            f'{indent}    if ($arg_o = "{region_id}") {{ return 301 {region_target(region_id, address.target)}; }}\n'
            for region_id in sorted(address.regions)
        )
        for form in path_forms(address.path):
            blocks.append(
                f'{indent}location = "{form}" {{\n'
                f"{branches}"
                f"{indent}    return 301 {REGION_HOME_VARIABLE};\n"
                f"{indent}}}\n"
            )
    return "".join(blocks)


def _relative_root(path: str) -> str:
    """From the old address's folder back to the site's root (``/article/x/`` → ``../../``)."""
    depth = len(normalise_path(path).strip("/").split("/"))
    return "../" * depth


def redirect_page(address: OldAddress, region_names: Mapping[str, str] | None = None) -> str:
    """A page for hosts without nginx: meta refresh, canonical link and a visible link, in Norwegian.

    With the target in one region it leads there; in several, to the root
    chooser, and the page lists the target in each region for a reader whose
    browser does not follow the refresh. Links are relative, so the page works
    wherever the site is served from, and it is not indexed by search engines.
    """
    _check(address)
    names = region_names or {}
    root = _relative_root(address.path)
    regions = sorted(address.regions)
    if len(regions) == 1:
        goal = root + region_target(regions[0], address.target).lstrip("/")
        what = html.escape(address.title) if address.title else "den nye adressen"
    else:
        goal = root
        what = "forsiden, der du velger område"
    goal_attr = html.escape(goal, quote=True)
    items = "".join(
        f'<li><a href="{html.escape(root + region_target(r, address.target).lstrip("/"), quote=True)}">'
        f"{html.escape(names.get(r, r))}</a></li>\n"
        for r in regions
    )
    listing = f"<p>Siden finnes i disse områdene:</p>\n<ul>\n{items}</ul>\n" if len(regions) > 1 else ""
    return (
        "<!doctype html>\n"
        '<html lang="nb">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Siden har flyttet – Kompetansebroen</title>\n"
        '<meta name="robots" content="noindex">\n'
        f'<link rel="canonical" href="{goal_attr}">\n'
        f'<meta http-equiv="refresh" content="0; url={goal_attr}">\n'
        "</head>\n<body>\n<main>\n<h1>Siden har flyttet</h1>\n"
        f'<p>Du sendes videre til <a href="{goal_attr}">{what}</a>. Skjer det ikke, følg lenken.</p>\n'
        f"{listing}</main>\n</body>\n</html>\n"
    )


def redirect_pages(
    addresses: Iterable[OldAddress], region_names: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Redirect pages by file path in the site (``article/x/index.html``)."""
    return {
        f"{normalise_path(a.path).lstrip('/')}/index.html": redirect_page(a, region_names)
        for a in checked(addresses)
    }


def write_redirect_pages(
    site_dir: Path, addresses: Iterable[OldAddress], region_names: Mapping[str, str] | None = None
) -> list[Path]:
    """Write the redirect pages into the built site; an old address that is a page of the site is refused."""
    written = []
    for relative, page in redirect_pages(addresses, region_names).items():
        target = site_dir / relative
        if target.exists():
            raise ValueError(messages.old_address_is_a_page(relative))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
        written.append(target)
    return written


def save(path: Path, addresses: Iterable[OldAddress]) -> None:
    """Keep the list beside the site, so the nginx configuration can be written again without a build."""
    data = [
        {"path": a.path, "target": a.target, "regions": list(a.regions), "title": a.title}
        for a in checked(addresses)
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def load(path: Path) -> list[OldAddress]:
    """The list :func:`save` wrote; no file means no old addresses."""
    if not path.is_file():
        return []
    return [
        OldAddress(item["path"], item["target"], tuple(item["regions"]), item.get("title", ""))
        for item in json.loads(path.read_text(encoding="utf-8"))
    ]
