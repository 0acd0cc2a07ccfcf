"""How an old address is written: one rule for front matter (``aliases:``) and the web server.

An old address is a path on the host from the previous Kompetansebroen
(``/article/legemiddelgjennomgang``). The build writes a redirect page as a
folder at that path and nginx matches it exactly, so only what both read the
same way is allowed: ASCII letters, digits and ``- _ . ~`` between slashes,
and no last part that is a file the redirect page or the build writes
(``index.html``, ``….gz``).
A ``%`` code is refused too, since nginx and static hosts decode it before
they look for the address, and a query (``?o=``) or fragment is never part
of it: the server reads the region from the query itself.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .. import messages

EXAMPLE = "/article/hva-er-et-helsefellesskap"
_SEGMENT = re.compile(r"^[A-Za-z0-9._~-]+\Z")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


class OldPathError(ValueError):
    """Why a text is not an old address, and the address to write instead when it can be told."""

    def __init__(self, problem: str, suggestion: str | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.suggestion = suggestion


def _suggested(text: str) -> str | None:
    """``text`` as an old address when that fixes it, else None."""
    try:
        return normalised(text)
    except OldPathError:
        return None


def normalised(text: str) -> str:
    """The old address without a trailing slash (``/article/x/`` → ``/article/x``).

    Raises :class:`OldPathError` saying what is wrong, with the address meant
    where one can be guessed (the path of a full address, a missing ``/``).
    """
    if _SCHEME.match(text) or text.startswith("//"):
        path = urlsplit(text if not text.startswith("//") else f"https:{text}").path
        raise OldPathError(messages.OLD_PATH_FULL_ADDRESS, _suggested(path))
    if "?" in text or "#" in text:
        before = re.split(r"[?#]", text, maxsplit=1)[0]
        raise OldPathError(messages.OLD_PATH_QUERY_OR_FRAGMENT, _suggested(before))
    if not text.startswith("/"):
        raise OldPathError(messages.OLD_PATH_NO_SLASH, _suggested(f"/{text}"))
    if any(character.isspace() for character in text):
        raise OldPathError(messages.OLD_PATH_BLANKS, _suggested(re.sub(r"\s+", "-", text.strip())))
    stripped = text.rstrip("/")
    if not stripped:
        raise OldPathError(messages.OLD_PATH_HOME)
    segments = stripped[1:].split("/")
    if any(segment in ("", ".", "..") for segment in segments):
        raise OldPathError(messages.OLD_PATH_EMPTY_SEGMENTS)
    if not all(_SEGMENT.match(segment) for segment in segments):
        raise OldPathError(messages.OLD_PATH_CHARACTERS)
    last = segments[-1]
    if last == "index.html":
        return _without_index(stripped)
    if last.endswith(".gz"):
        raise OldPathError(messages.OLD_PATH_GZ)
    return stripped


def _without_index(path: str) -> str:
    """Refuse ``/x/index.html``: the redirect page is that file, and a server adds it to ``/x/`` itself."""
    folder = path.removesuffix("/index.html")
    raise OldPathError(messages.OLD_PATH_INDEX, folder or None)


def first_segment(path: str) -> str:
    """The top folder of a normalised old address: ``/article/x`` → ``article``."""
    return path[1:].split("/", 1)[0]
