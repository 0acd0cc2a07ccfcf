"""The admin pages' own headers: what Decap CMS needs, and nothing of it on the reader pages.

Measured in Chromium against the built admin (tests/browser/test_editor_admin.py):
Decap compiles its configuration schema with ``new Function`` (ajv), so
scripts need ``'unsafe-eval'``; its components inject ``<style>`` elements
(emotion), so styles need ``'unsafe-inline'``; uploads are previewed from
``blob:`` addresses and the preview pane is a frame of the page itself. It
talks to the git service (or, locally, to decap-server) and shows avatars from
it. Inline scripts stay forbidden: the admin page has none. The pages are
never indexed and their ``config.yml`` is never stored by a browser or proxy,
so a changed backend or a new field takes effect at once.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ...editor.admin_page import ADMIN_FOLDER, CONFIG_FILE
from ...editor.backend import DEFAULT_API

ADMIN_PATH = rf"^/(?:[^/]+/)?{ADMIN_FOLDER}/"
"""``/admin/…`` and ``/<id>/admin/…``, as an nginx (PCRE) and Python pattern."""
CONFIG_PATH = rf"{ADMIN_PATH}{CONFIG_FILE.replace('.', chr(92) + '.')}$"
ROBOTS = "noindex, nofollow"
NO_STORE = "no-store"
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader where PyYAML has it: the configurations are long (every collection's fields), and
the pure-Python loader took a tenth of a second per build for five of them; they are ours, not an editor's."""


def backend_origins(site_dir: Path) -> list[str]:
    """The hosts the built admin pages' ``config.yml`` name as their backend, sorted."""
    origins: set[str] = set()
    for config_file in sorted(site_dir.glob(f"*/{CONFIG_FILE}")) + sorted(
        site_dir.glob(f"*/*/{CONFIG_FILE}")
    ):
        if config_file.parent.name != ADMIN_FOLDER:
            continue
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
        backend = config.get("backend") or {}
        urls = [backend.get(key) for key in ("api_root", "base_url", "proxy_url")]
        if not backend.get("api_root") and backend.get("name") in DEFAULT_API:
            urls.append(DEFAULT_API[backend["name"]])
        for url in urls:
            if url:
                parts = urlsplit(url)
                origins.add(f"{parts.scheme}://{parts.netloc}")
    return sorted(origins)


def has_admin(site_dir: Path) -> bool:
    return (site_dir / ADMIN_FOLDER / "index.html").is_file()


def admin_policy(origins: list[str]) -> str:
    """The admin pages' Content-Security-Policy."""
    backend = " ".join(origins)
    directives = [
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: blob: {backend}".rstrip(),
        "font-src 'self' data:",
        f"connect-src 'self' {backend}".rstrip(),
        "media-src 'self' blob:",
        "worker-src 'self' blob:",
        "frame-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(directives)
