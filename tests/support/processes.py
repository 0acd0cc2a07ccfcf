"""A build's worker processes, as Linux's ``/proc`` shows them."""

from __future__ import annotations

import signal
from pathlib import Path


def _stat_fields(pid: int) -> list[str]:
    """The fields of ``/proc/<pid>/stat`` after the command name: state, parent, …"""
    return (Path(f"/proc/{pid}") / "stat").read_text().rsplit(")", 1)[1].split()


def _command_line(pid: int) -> bytes:
    return (Path(f"/proc/{pid}") / "cmdline").read_bytes()


def region_workers(pid: int) -> list[int]:
    """The living children of the build ``pid`` that are forks of it (its region workers): the same
    command line. A short-lived program the build runs (``git`` for an event's history) is not one."""
    try:
        command = _command_line(pid)
    except OSError:
        return []
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        child = int(entry.name)
        try:
            fields = _stat_fields(child)
            if int(fields[1]) == pid and fields[0] != "Z" and _command_line(child) == command:
                found.append(child)
        except (OSError, IndexError, ValueError):
            continue
    return found


def running(pid: int) -> bool:
    """Whether ``pid`` is there and not a zombie (ended, not yet reaped)."""
    try:
        return _stat_fields(pid)[0] != "Z"
    except (OSError, IndexError):
        return False


def as_in_a_terminal() -> None:
    """Give a command Ctrl-C's default action, as a shell gives the command it runs in the foreground.

    A test runner started in the background (``… &`` in a script, as CI may run it) ignores SIGINT,
    and an ignored signal stays ignored in every program it starts; Python then never raises
    KeyboardInterrupt. For :class:`subprocess.Popen`'s ``preexec_fn``.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)
