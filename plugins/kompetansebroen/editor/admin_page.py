"""The admin page that loads Decap: no inline script, no other host, never indexed.

Decap reads its configuration from ``config.yml`` beside the page (its default, so the page
needs no ``rel="cms-config-url"``, which the HTML checker refuses); the page names the style
sheets of the site the preview pane uses, the words the pages are written with that the preview
cannot know (``PAGE_WORDS``), which content type each collection is, and the Norwegian phrases
Decap lacks (phrases.py);
Decap's bundle is served once for the whole site, from ``/admin/decap/`` (see
mkdocs_adapter/admin_files.py).
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..content_types.facts import CANCELLED_NOTICE
from ..content_types.learning_facts import OTHER_SITE
from ..model.events import EventFormat
from ..model.learning import SERIES_BY, SUBSCRIBE_LINK
from ..model.photos import CAPTION_RULES
from ..text.dates import MONTHS
from ..text.event_times import WEEKDAYS
from .phrases import LOCALE, phrases_json

ADMIN_FOLDER = "admin"
BUNDLE_FOLDER = "decap"
"""Decap's files, under the root's ``admin/``: ``/admin/decap/decap-cms.js`` and the chunks it loads."""
BUNDLE_FILE = "decap-cms.js"
SCRIPT_FILE = "kb-admin.js"
SCRIPT_SOURCE = Path(__file__).with_name("admin.js")
CONFIG_FILE = "config.yml"

_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')


def stylesheets(home_page_html: str) -> list[str]:
    """The style sheets a built page links to, in order (Material's, the palette, ours)."""
    return _STYLESHEET.findall(home_page_html)


PAGE_WORDS = {
    "months": " ".join(MONTHS),
    "weekdays": " ".join(WEEKDAYS),
    "formats": json.dumps({form.value: form.label for form in EventFormat}, ensure_ascii=False),
    "cancelled": CANCELLED_NOTICE,
    "other-site": OTHER_SITE,
    "series-by": SERIES_BY,
    "subscribe": SUBSCRIBE_LINK,
}
"""What the preview pane writes as the pages do (admin.js): dates and event times (text/dates.py,
text/event_times.py), an event's format and the notice of a cancelled one (content_types/facts.py),
what a link to another site says of itself (content_types/learning_facts.py), a podcast series' line
under its cover (model/learning.py)."""


def admin_html(
    title: str, bundle_url: str, styles: Iterable[str], previews: Mapping[str, str] | None = None
) -> str:
    """The admin page; ``bundle_url`` and ``styles`` are relative to the page. ``previews`` names each
    collection's content type (editor/collections.py ``preview_types``), whose preview admin.js shows."""
    style_list = html.escape(" ".join(styles))
    handed_over = (
        CAPTION_RULES | PAGE_WORDS | {"previews": json.dumps(dict(previews or {}), ensure_ascii=False)}
    )
    rules = "".join(f' data-kb-{name}="{html.escape(value)}"' for name, value in handed_over.items())
    return (
        "<!doctype html>\n"
        '<html lang="nb">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex, nofollow">\n'
        f"<title>{html.escape(title)}</title>\n"
        "</head>\n"
        "<body>\n"
        f'<script src="{html.escape(bundle_url)}"></script>\n'
        f'<script src="{SCRIPT_FILE}" data-kb-styles="{style_list}"{rules}'
        f' data-kb-locale="{LOCALE}"'
        f' data-kb-phrases="{html.escape(phrases_json())}"></script>\n'
        "</body>\n"
        "</html>\n"
    )


def bundle_url(admin_path: str) -> str:
    """The bundle from an admin page at ``admin_path`` (``admin/`` or ``innlandet/admin/``), relative.

    From ``innlandet/admin/`` it is ``../../admin/decap/decap-cms.js``. A region
    previewed alone (``make edit``) is served at the root, its admin at
    ``/admin/``: the same address then resolves to ``/admin/decap/`` (a path
    cannot climb above the root), where that build puts the bundle.
    """
    depth = len([part for part in admin_path.split("/") if part])
    return posixpath.join(*([".."] * depth), ADMIN_FOLDER, BUNDLE_FOLDER, BUNDLE_FILE)


def relative_styles(styles: Iterable[str]) -> list[str]:
    """A home page's style sheets seen from its ``admin/`` folder, one level down."""
    return [style if "://" in style or style.startswith("/") else f"../{style}" for style in styles]
