"""What the pages are made with, as one fingerprint: the renderers' versions and our own code.

Every cache key (rendered Markdown, finished pages, incremental builds) starts
with it, so an upgrade of MkDocs or ProperDocs, Material, Python-Markdown or
pymdown-extensions, or any change to this package's code or theme, makes
every cached result a miss instead of being served as it was. Our code is
fingerprinted by its files, not by ``__version__``, which does not change
with every commit.
"""

from __future__ import annotations

import functools
import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import markdown as markdown_package
import mkdocs

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
"""The ``kompetansebroen`` package: its Python modules and theme."""
RENDERERS = ("mkdocs", "properdocs", "mkdocs-material", "markdown", "pymdown-extensions")


def installed_version(package: str) -> str:
    """The installed version of ``package``; ``""`` when it is not installed (its absence is its version)."""
    try:
        return version(package)
    except PackageNotFoundError:
        return ""


@functools.cache
def code_fingerprint() -> str:
    """The renderers' versions and the content of every file of this package (once per process)."""
    digest = hashlib.sha256()
    digest.update(f"{mkdocs.__name__} {mkdocs.__version__}|{markdown_package.__version__}".encode())
    for package in RENDERERS:
        digest.update(f"|{package} {installed_version(package)}".encode())
    for path in sorted(PACKAGE_ROOT.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(b"\0" + path.relative_to(PACKAGE_ROOT).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()
