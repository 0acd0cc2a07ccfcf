"""ASCII slugs for addresses and heading anchors: one rule for topic pages and ``#anchors``.

Python-Markdown's own ``slugify`` drops letters without an ASCII form, so
«Hva er et primærhelseteam?» became ``#hva-er-et-primrhelseteam``. Readers and
editors write æ, ø and å as ae, o and a, the way topic addresses are made, so
headings get the same treatment: mkdocs.yml hands :func:`slugify` to ``toc``
(``slugify: !!python/name:kompetansebroen.text.slugs.slugify``), and the build,
``make check``'s anchor finder and the search index all follow it.
"""

from __future__ import annotations

import re
import unicodedata

_TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})
_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def slugify(value: str, separator: str = "-") -> str:
    """ASCII slug: æ→ae, ø→o, å→a, anything else but a–z and 0–9 → ``separator``.

    ``Skrøpelige eldre`` → ``skropelige-eldre``. The signature is Python-Markdown's
    ``slugify(value, separator)``, so ``toc`` can use this very function for headings.
    """
    text = value.translate(_TRANSLITERATION).lower()
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_ALPHANUMERIC.sub(separator, text).strip(separator)
