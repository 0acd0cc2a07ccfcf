"""What every response of the published site carries: security headers, caching and MIME types.

Kept apart from the nginx syntax so that another server's configuration can be
written from the same rules, and so the tests can name what they expect.

Caching: Material's assets carry a hash of their content in the name
(``bundle.a5f9d56c.min.js``), so a new version is a new address and the old
one can be kept for a year without asking again (``immutable``). Everything
else (pages, feeds, calendars, search indexes, our own ``kb.css``, images)
keeps its address when it changes, so browsers must ask again every time
(``no-cache``); nginx answers an unchanged file with 304 Not Modified.
"""

from __future__ import annotations

import re

from .admin_policy import CONFIG_PATH, NO_STORE

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"

FINGERPRINTED = r"/assets/.+\.[0-9a-f]{8}\.min\.(?:css|js)(?:\.map)?$"
"""Material's fingerprinted assets, in any region's ``assets/`` or the root's."""


def cache_control(path: str) -> str:
    """The Cache-Control value for a request path (the same rules the nginx map applies)."""
    if re.search(CONFIG_PATH, path):
        return NO_STORE
    return IMMUTABLE if re.search(FINGERPRINTED, path) else REVALIDATE


PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
"""The site uses none of these; a script that got in could not ask for them either."""


def security_headers(content_security_policy: str) -> dict[str, str]:
    """The headers on every response, pages, assets, redirects and 404s alike.

    ``X-Frame-Options`` repeats ``frame-ancestors 'none'`` for browsers without
    CSP level 2, which scanners still ask for. ``Referrer-Policy: same-origin``:
    a reader following a link to another site does not tell it which page (and
    so which health topic) they came from. ``X-XSS-Protection`` is left out: it
    is gone from current browsers and scanners now advise against it.
    Strict-Transport-Security is not here: it may only be sent over HTTPS
    (see the HTTPS block in the nginx configuration and the README).
    """
    return {
        "Content-Security-Policy": content_security_policy,
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "same-origin",
        "Permissions-Policy": PERMISSIONS_POLICY,
        "Cross-Origin-Opener-Policy": "same-origin",
    }


MIME_TYPES: dict[str, str] = {
    "html": "text/html",
    "css": "text/css",
    "js": "text/javascript",
    "mjs": "text/javascript",
    "json": "application/json",
    "map": "application/json",
    "xml": "application/xml",
    "ics": "text/calendar",
    "vtt": "text/vtt",
    "webmanifest": "application/manifest+json",
    "yml": "text/yaml",
    "wasm": "application/wasm",
    "txt": "text/plain",
    "csv": "text/csv",
    "svg": "image/svg+xml",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
    "avif": "image/avif",
    "ico": "image/x-icon",
    "woff": "font/woff",
    "woff2": "font/woff2",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "zip": "application/zip",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "ogg": "audio/ogg",
    "mp4": "video/mp4",
    "webm": "video/webm",
    "eml": "message/rfc822",
}
"""By file extension. Anything else is ``application/octet-stream`` (downloaded, never sniffed)."""

FEED_TYPES: dict[str, str] = {
    "rss.xml": "application/rss+xml",
    "atom.xml": "application/atom+xml",
}
"""The newsletter feeds by file name: an ``.xml`` file is otherwise ``application/xml`` (sitemaps)."""

TEXT_TYPES = sorted(
    {mime for mime in [*MIME_TYPES.values(), *FEED_TYPES.values()] if mime.startswith("text/")}
    | {"application/json", "application/xml", "application/manifest+json", "image/svg+xml"}
    | set(FEED_TYPES.values())
)
"""Types sent with ``; charset=utf-8``: every text file the build writes is UTF-8."""


def content_type(file_name: str) -> str:
    """The ``Content-Type`` a published file is sent with, as nginx sends it: ``config.yml`` →
    ``text/yaml; charset=utf-8``, ``rss.xml`` → ``application/rss+xml; charset=utf-8``."""
    extension = file_name.rpartition(".")[2].lower() if "." in file_name else ""
    mime = FEED_TYPES.get(file_name) or MIME_TYPES.get(extension, "application/octet-stream")
    return f"{mime}; charset=utf-8" if mime in TEXT_TYPES else mime
