"""An article as schema.org ``Article`` in JSON-LD, for the ``<script type="application/ld+json">`` of its page.

Search engines read when it was published and last revised (``datePublished``,
``dateModified``), who wrote it and its photo from here. The values are the
page's own. The page's and the image's absolute addresses differ between
regions, so they are parameters: the page passes tokens its region part
replaces (see kb-after-content.html). The JSON text is safe inside a
``<script>`` element: ``<``, ``>`` and ``&`` are written as ``\\u003c`` and so on.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from ..model.documents import Document
from ..text.event_times import iso_moment

PUBLISHER = "Kompetansebroen"
"""Who publishes the site: the article's author when it names none."""


def article_json_ld_data(doc: Document, page_url: str, region_url: str) -> dict[str, Any]:
    """The schema.org ``Article`` of ``doc``.

    ``page_url`` is the page's absolute address, ``region_url`` its region's
    (ending in ``/``), which the photo's path is relative to.
    """
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": doc.title,
        "description": doc.description,
        "url": page_url,
        "mainEntityOfPage": page_url,
        "inLanguage": "nb",
    }
    if doc.published is not None:
        data["datePublished"] = iso_moment(doc.published)
        data["dateModified"] = iso_moment(doc.updated if doc.updated is not None else doc.published)
    photo = doc.photo
    if photo is not None:
        image: dict[str, Any] = {
            "@type": "ImageObject",
            "url": region_url + quote(photo.site_path, safe="/"),
            "description": photo.alt,
        }
        if photo.caption:
            image["caption"] = photo.caption
        if photo.credit:
            image["creditText"] = photo.credit
        data["image"] = image
    authors = doc.meta.get("authors") or ()
    data["author"] = (
        [{"@type": "Person", "name": name} for name in authors]
        if authors
        else {"@type": "Organization", "name": PUBLISHER}
    )
    data["publisher"] = {"@type": "Organization", "name": PUBLISHER}
    if doc.tags:
        data["keywords"] = ", ".join(doc.tags)
    return data


def article_json_ld(doc: Document, page_url: str, region_url: str) -> str:
    """The JSON-LD text, ready to go between ``<script type="application/ld+json">`` and ``</script>``."""
    text = json.dumps(article_json_ld_data(doc, page_url, region_url), ensure_ascii=False, indent=2)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
