"""``make site`` with nothing changed since the last good build: the published site is left as it is.

The check (output/unchanged.py) runs in ``on_config``, before the tree is
read and before any region worker starts: it costs a walk over the inputs'
and the published files' status (about 30,000 files at L, 4 regions) and a
hash of ``mkdocs.yml``, the theme and our package.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from ..output.publishing.nginx_config import deploy_dir
from ..output.unchanged import PendingRecord, record_file, tree_status
from ..project.build_date import EPOCH, build_today
from ..project.event_history import head_commit
from ..project.trees import CONTENT_DIR, REGIONS_DIR
from .admin_files import BUNDLE_SOURCE
from .incremental import settings_fingerprint


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def note_build_date(record: PendingRecord, environ: Mapping[str, str], epoch_given: bool) -> None:
    """After the content is read: a build date that came from the clock, not the content, holds for today only.

    project/build_date.py pins ``SOURCE_DATE_EPOCH`` to the content's newest date when it was not given;
    when the content has no date, it stays unset and the build is dated today.
    """
    record.dated_by_clock = not epoch_given and EPOCH not in environ


def installed_packages() -> list[str]:
    """Python's version and every installed distribution with its version, from the names of their
    metadata folders (``Jinja2-3.1.6.dist-info``): an upgrade of anything the pages are made with
    (Jinja, Pygments, feedgen, …) is a change. Listing the folders takes a millisecond; asking
    ``importlib.metadata`` for the versions takes a quarter of a second."""
    found = [sys.version]
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        found += sorted(name for name in names if name.endswith((".dist-info", ".egg-info")))
    return found


def pending_record(
    config: MkDocsConfig, options: Mapping[str, Any], final: Path, records_dir: Path, whole_site: bool
) -> PendingRecord:
    """This build's key and inputs, to compare with the last build into ``final`` and to save after it.

    ``whole_site``: a build of every region, which also writes ``deploy/`` beside the site.
    """
    root = Path(config.config_file_path).resolve().parent
    # Options read from the environment (!ENV); the rest are in mkdocs.yml, whose bytes count.
    plain = {name: value for name, value in options.items() if value is None or isinstance(value, str | int)}
    key = _digest(
        [
            settings_fingerprint(config),  # mkdocs.yml, the theme, our code, the renderers' versions
            *installed_packages(),
            repr(sorted(plain.items())),
            os.environ.get("SOURCE_DATE_EPOCH", ""),
            config.site_url or "",
            str(config.strict),
            str(config.use_directory_urls),
            str(final.resolve()),
            head_commit(root),  # the calendars read the history, not only the files
        ]
    )
    try:
        inputs = tree_status(
            # Decap's bundle is copied into the admin pages: an upgrade by npm ci is a change.
            [root / CONTENT_DIR, root / REGIONS_DIR, Path(config.docs_dir).resolve(), root / BUNDLE_SOURCE]
        )
    except OSError:  # a folder that cannot be read: no record matches, and the build says what is wrong
        inputs = ""
    outputs = (final, deploy_dir(final)) if whole_site else (final,)
    today = build_today({}).isoformat()
    return PendingRecord(record_file(records_dir, final), key, inputs, outputs, today)
