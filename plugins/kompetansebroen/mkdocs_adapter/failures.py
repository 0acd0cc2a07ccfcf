"""How a build that found mistakes in the content stops: every problem on its own line, then one summary."""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from .. import messages

log = get_plugin_logger(__name__)


def content_failure(lines: Iterable[str]) -> PluginError:
    """Log each problem (as ``make check`` prints it) and return the error that stops the build."""
    shown = list(dict.fromkeys(lines))  # a page rendered in several regions is reported once
    for line in shown:
        log.error(line)
    return PluginError(messages.build_stopped(len(shown)))
