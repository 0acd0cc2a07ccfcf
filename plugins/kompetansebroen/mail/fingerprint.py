"""What an edition is made with, as one fingerprint: the e-mail libraries' versions and our code.

The output layer keeps finished editions in the build's cache under a key that
starts with it, so an upgrade of MRML or css-inline, or a change to this
package's code, is a miss rather than an old edition served again.
"""

from __future__ import annotations

import functools
import hashlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

LIBRARIES = ("mjml-python", "css-inline")
_PACKAGE = Path(__file__).resolve().parent.parent
_SOURCES = ("mail", "text")
"""The folders an edition's code lives in: this package and the text layer (dates)."""


@functools.cache
def edition_fingerprint() -> str:
    digest = hashlib.sha256()
    for library in LIBRARIES:
        try:
            digest.update(f"{library} {version(library)}|".encode())
        except PackageNotFoundError:
            digest.update(f"{library} -|".encode())
    for folder in _SOURCES:
        for path in sorted((_PACKAGE / folder).glob("*.py")):
            digest.update(f"\0{folder}/{path.name}\0".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
