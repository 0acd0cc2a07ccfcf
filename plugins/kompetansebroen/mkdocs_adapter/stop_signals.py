"""SIGTERM ends ``mkdocs build`` as Ctrl-C does: the workers stopped, nothing published, no staging folder left.

A CI job that is cancelled, ``timeout`` and ``docker stop`` send SIGTERM, whose
default action ends Python at once: no ``finally``, no ``on_shutdown``, and a
staging folder of hundreds of megabytes left until the next build. While the
build runs, SIGTERM raises ``SystemExit`` instead (exit status 143, as a shell
reports the signal), so MkDocs' ``on_shutdown`` runs and the plugin stops the
workers and removes the folder.
"""

from __future__ import annotations

import signal
import threading
from types import FrameType

STOP_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})
"""The signals that stop a build; held back while its workers are forked (workers.fork_pool)."""


class TerminateAsInterrupt:
    """SIGTERM handled as a stop for the life of one build, then as before."""

    def __init__(self) -> None:
        self.previous: object = None
        self.installed = False
        self.received = False
        """Whether the build was stopped by SIGTERM (the plugin then says so)."""

    def _stop(self, signum: int, _frame: FrameType | None) -> None:
        self.received = True
        raise SystemExit(128 + signum)

    def install(self) -> None:
        """Only in the main thread (Python's rule), and only where nobody else handles SIGTERM."""
        if threading.current_thread() is not threading.main_thread():
            return
        if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
            return
        self.previous = signal.signal(signal.SIGTERM, self._stop)
        self.installed = True

    def remove(self) -> None:
        if self.installed:
            signal.signal(signal.SIGTERM, self.previous)  # type: ignore[arg-type]
            self.installed = False
