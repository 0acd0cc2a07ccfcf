"""Material's lunr files that a site's search can use: those of its search languages, not all thirty.

Material ships lunr's stemmers for thirty languages (1.3 MB a region, twice that with the ``.gz``
copies) and MkDocs copies them all into every region. Material's search worker
(``workers/search.*.js``) imports only what the ``search`` plugin's ``lang`` names: the stemmer
support, ``min/lunr.<lang>.min.js`` for each language but English, ``min/lunr.multi.min.js`` for
more than one, and the word splitters ``tinyseg.js`` (Japanese) and ``wordcut.js`` (Hindi, Thai).
The rest is never fetched, so it is not published.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

LUNR_FOLDER = "assets/javascripts/lunr/"
_WORD_SPLITTERS = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}


def lunr_files_needed(languages: Sequence[str]) -> frozenset[str]:
    """The paths under :data:`LUNR_FOLDER` that Material's worker imports for ``languages``: none for
    English alone (lunr's own), else the stemmer support with the rest."""
    needed: set[str] = set()
    for language in languages:
        if language in _WORD_SPLITTERS:
            needed.add(_WORD_SPLITTERS[language])
        if language != "en":
            needed.add(f"min/lunr.{language}.min.js")
    if len(languages) > 1:
        needed.add("min/lunr.multi.min.js")
    if needed:
        needed.add("min/lunr.stemmer.support.min.js")
    return frozenset(needed)


def search_languages(config: Any) -> Sequence[str] | None:
    """The ``search`` plugin's ``lang`` as ``mkdocs.yml`` sets it; None when it is not set (Material
    then works the languages out for itself, so every lunr file is kept)."""
    search = config.plugins.get("search") or config.plugins.get("material/search")
    languages = getattr(getattr(search, "config", None), "lang", None)
    return list(languages) if languages else None


def is_unused_lunr_file(src_uri: str, needed: frozenset[str] | None) -> bool:
    """Whether the theme file ``src_uri`` is a lunr file the site's search never imports."""
    if needed is None or not src_uri.startswith(LUNR_FOLDER):
        return False
    return src_uri.removeprefix(LUNR_FOLDER) not in needed
