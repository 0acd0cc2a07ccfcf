"""A Ctrl-C that arrives while the region workers are forked stops the build.

Python runs a signal's handler at the next step of the main thread. When that
step is inside one of the at-fork handlers the standard library registers
(logging's among them), the ``KeyboardInterrupt`` is printed as «Exception
ignored» and dropped: the build went on and published. Each case runs in a
Python of its own, since an at-fork handler cannot be taken back.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.support.processes import as_in_a_terminal

# Ctrl-C sent by the first fork's own at-fork handler: it lands exactly while a worker is forked.
START_WORKERS_WHILE_CTRL_C = textwrap.dedent(
    """
    import os, signal, sys
    from kompetansebroen.mkdocs_adapter.workers import fork_pool

    sent = []

    def ctrl_c_during_fork():
        if not sent:
            sent.append(True)
            os.kill(os.getpid(), signal.SIGINT)

    os.register_at_fork(before=ctrl_c_during_fork)
    try:
        pool = fork_pool(2, None)
    except KeyboardInterrupt:
        print("stopped")
        sys.exit(3)
    blocked = pool.apply(signal.pthread_sigmask, (signal.SIG_BLOCK, set()))
    pool.terminate()
    print("went on;", "Ctrl-C blocked in the worker" if signal.SIGINT in blocked else "")
    """
)

PRINT_WORKER_SIGNALS = textwrap.dedent(
    """
    import signal
    from kompetansebroen.mkdocs_adapter.workers import fork_pool

    pool = fork_pool(1, None)
    blocked = pool.apply(signal.pthread_sigmask, (signal.SIG_BLOCK, set()))
    ignored = pool.apply(signal.getsignal, (signal.SIGINT,)) == signal.SIG_IGN
    pool.terminate()
    print("blocked" if signal.SIGINT in blocked else "not blocked", "ignored" if ignored else "handled")
    print("parent blocked" if signal.SIGINT in signal.pthread_sigmask(signal.SIG_BLOCK, set()) else "parent free")
    """
)


def _run(script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=as_in_a_terminal,  # a test run started in the background ignores Ctrl-C, and passes that on
    )


def test_a_ctrl_c_while_the_workers_are_forked_stops_the_build() -> None:
    result = _run(START_WORKERS_WHILE_CTRL_C)

    assert result.stdout.strip() == "stopped", result.stdout + result.stderr
    assert result.returncode == 3
    assert "Exception ignored" not in result.stderr


def test_workers_ignore_ctrl_c_without_passing_a_blocked_signal_on_to_what_they_run() -> None:
    """The main build stops the workers; a program a worker runs (the HTML checker) keeps a normal signal mask."""
    result = _run(PRINT_WORKER_SIGNALS)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["not blocked ignored", "parent free"]
