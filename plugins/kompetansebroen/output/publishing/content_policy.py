"""The Content-Security-Policy: scripts only from the site itself and the inline scripts it was built with.

Material writes a few small inline scripts into every page (the scope of its
local storage, the colour palette, tabbed content); the one with the page's
base address differs by the page's depth and region. Instead of allowing every
inline script (``'unsafe-inline'``, which would let an injected ``<script>``
run), the policy lists the SHA-256 hash of each distinct one found in the
built site, so the policy must be generated from the site it is served with.

Scanning with a regular expression rather than an HTML parser: the site is
our own generated HTML (editors cannot write ``<script>``, see
project/security.py), and a scan of 5,600 pages must stay well under a
second. The end of a script follows the HTML rule (the first ``</script``),
and line ends are normalised as browsers do before hashing. The pages are
scanned as bytes, the way the browser's tokenizer reads tag names (ASCII
only): decoding 140 MB of pages to text cost more than the scan itself, and
only the scripts are decoded.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from .built_site import site_files

_SCRIPT = re.compile(rb"<script(?=[\s/>])([^>]*)>(.*?)</script[\s/>]", re.IGNORECASE | re.DOTALL)
"""A script element: the tag name ends at white space, ``/`` or ``>``, its text at the first ``</script``."""
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_SRC = re.compile(r"(?:^|\s)src\s*=", re.IGNORECASE)

EXECUTABLE_TYPES = frozenset(
    {
        "",
        "module",
        "text/javascript",
        "application/javascript",
        "application/ecmascript",
        "text/ecmascript",
        "importmap",
    }
)
"""Script types a browser runs (or, for import maps, checks against script-src); JSON and JSON-LD are data."""

STYLE_SOURCES = ("'self'",)


def is_executable(attributes: str) -> bool:
    """Whether a ``<script>`` with these attributes and no ``src`` is run by the browser."""
    if _SRC.search(attributes):
        return False
    match = _TYPE.search(attributes)
    script_type = next((group for group in match.groups() if group is not None), "") if match else ""
    return script_type.strip().lower() in EXECUTABLE_TYPES


def inline_scripts(html: str) -> list[str]:
    """The text of every executable inline script in ``html``, in order."""
    return _inline_scripts(html.encode("utf-8"))


def _inline_scripts(html: bytes) -> list[str]:
    found = []
    for attributes, body in _SCRIPT.findall(html):
        if is_executable(attributes.decode("utf-8", errors="replace")):
            found.append(body.decode("utf-8", errors="replace"))
    return found


def script_hash(body: str) -> str:
    """The CSP source for one inline script: ``'sha256-<base64>'`` of its UTF-8 text."""
    normalised = body.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def html_files(site_dir: Path, skip: Collection[str] = ()) -> Iterable[Path]:
    """The HTML files under ``site_dir``, except in the top-level folders named in ``skip``."""
    return site_files(site_dir, (".html",), skip)


def file_script_hashes(paths: Iterable[Path]) -> set[str]:
    """The hash of every executable inline script in these HTML files."""
    hashes: set[str] = set()
    for path in paths:
        hashes.update(script_hash(body) for body in _inline_scripts(path.read_bytes()))
    return hashes


@dataclass(frozen=True)
class ScannedFolders:
    """Inline-script hashes already collected from some top-level folders of a site (its regions,
    each by its own worker as it finished), so the site's scan leaves those folders out."""

    folders: frozenset[str]
    hashes: frozenset[str]


def site_script_hashes(site_dir: Path, scanned: ScannedFolders | None = None) -> list[str]:
    """Every distinct inline-script hash in the built site, sorted (the policy is the same every build)."""
    skip = scanned.folders if scanned is not None else frozenset()
    hashes = file_script_hashes(html_files(site_dir, skip))
    if scanned is not None:
        hashes |= scanned.hashes
    return sorted(hashes)


def policy(script_hashes: Iterable[str], style_sources: Iterable[str] = STYLE_SOURCES) -> str:
    """The whole policy, one directive after another.

    * ``default-src 'self'``: anything not named below comes from the site only;
    * ``script-src 'self'`` plus the inline hashes, and no ``'unsafe-inline'``;
    * ``img-src 'self' data:``: Material draws its icons as ``data:`` SVG in CSS;
    * ``object-src 'none'``, ``base-uri 'self'``, ``form-action 'self'``;
    * ``frame-ancestors 'none'``: no other site may frame ours (clickjacking).
    """
    script = " ".join(["'self'", *sorted(set(script_hashes))])
    directives = [
        "default-src 'self'",
        f"script-src {script}",
        f"style-src {' '.join(style_sources)}",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "media-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)
