"""MkDocs' ``dirty`` mode, which region builds use to skip the pages they do not write.

MkDocs warns that dirty builds go stale; ours do not (incremental.py decides
what changed, and stamped pages are written by the output layer), and in
strict mode the warning alone would fail every build. The filter goes on the
logger of the build module actually running, which under ProperDocs is
``properdocs.commands.build`` (it answers imports of ``mkdocs.*``).
"""

from __future__ import annotations

import logging

from mkdocs.commands import build as build_command


def _not_about_dirty_builds(record: logging.LogRecord) -> bool:
    message = record.getMessage()
    return not message.startswith(
        ("A 'dirty' build is being performed", "The directory contains stale files")
    )


def quiet_dirty_messages() -> None:
    logger = build_command.log
    if _not_about_dirty_builds not in logger.filters:
        logger.addFilter(_not_about_dirty_builds)


def build(config: object) -> None:
    """Build with MkDocs (or ProperDocs) in dirty mode: pages whose file says unmodified are skipped."""
    quiet_dirty_messages()
    build_command.build(config, dirty=True)  # type: ignore[arg-type]
