"""The theme's files MkDocs copies into the site, listed without Material's hidden icon folder.

Before every build (each region worker's too, and every save in the preview), MkDocs lists every
file of the theme folders to find the CSS, scripts and images it copies into the site. Material's
folder holds 14,500 files, 14,000 of them SVG icons under ``.icons/``, and MkDocs then drops every
hidden path with ``fnmatch``: 45 ms of processor time a listing, a tenth of a worker's set-up for the
sample. The theme's loader here lists the same folders without going into hidden ones, so MkDocs
gets the same theme files and walks 161 of Material's names instead of 14,500.

The same loader gives a template of ours that wraps one of Material's (``partials/nav.html``,
see site_navigation.py) Material's own file under the name ``material/<its name>``, which no
listing shows (MkDocs copies nothing of it).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import material
from jinja2 import BaseLoader, Environment, FileSystemLoader

MATERIAL_PREFIX = "material/"
"""``material/partials/nav.html``: Material's own template, where ours of that name would be found first."""
_MATERIAL_TEMPLATES = str(Path(material.__file__).parent / "templates")


class VisibleFilesLoader(FileSystemLoader):
    """A :class:`FileSystemLoader` whose listing leaves out hidden files and folders.

    Loading a template by name is unchanged; only :meth:`list_templates` differs, and only in
    names MkDocs would drop (a name with a part that starts with ``.``: its ``.*`` and ``*/.*``).
    """

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for root in self.searchpath:
            for folder, subfolders, files in os.walk(root, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                relative = os.path.relpath(folder, root)
                prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
                found.update(prefix + name for name in files if not name.startswith("."))
        return sorted(found)

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        if template.startswith(MATERIAL_PREFIX):
            return _material.get_source(environment, template.removeprefix(MATERIAL_PREFIX))
        return super().get_source(environment, template)


_material: BaseLoader = FileSystemLoader(_MATERIAL_TEMPLATES)


def list_visible_theme_files(theme: Any) -> None:
    """Give the environments ``theme`` makes from now on the listing without hidden files.

    MkDocs makes the environment in its build (``theme.get_env()``) before any plugin event can
    reach it, so the theme object's own ``get_env`` is wrapped: once, however often the
    configuration is read again.
    """
    make_env = theme.get_env
    if getattr(make_env, "lists_visible_files", False):
        return

    def get_env() -> Any:
        env = make_env()
        loader = env.loader
        if type(loader) is FileSystemLoader:
            env.loader = VisibleFilesLoader(loader.searchpath, loader.encoding, loader.followlinks)
        return env

    get_env.lists_visible_files = True  # type: ignore[attr-defined]
    theme.get_env = get_env
