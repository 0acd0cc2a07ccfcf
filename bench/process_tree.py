"""What a build's process tree uses while it runs: resident memory and CPU, sampled from ``/proc``.

``getrusage(RUSAGE_CHILDREN)`` gives the tree's CPU time only as a total after the
build. A build runs its regions in worker processes, one per core, so the
question is also *how* that time was spent: by the main process or the
workers, and whether all cores were busy or one waited for the other. The
sampler answers that: it reads every process of the tree every
``SAMPLE_INTERVAL`` seconds and keeps the peak of their summed resident memory,
the main process's own CPU time, the most processes alive at once, and how
many cores the tree kept busy in each half second.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field

SAMPLE_INTERVAL = 0.05
WINDOW = 0.5  # seconds of samples behind each "cores busy" figure
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass(frozen=True)
class ProcessStat:
    """One line of ``/proc/<pid>/stat``, the parts we use: parent and CPU ticks (user + system)."""

    parent: int
    cpu_ticks: int


def process_table() -> dict[int, ProcessStat]:
    """Every process alive now, by pid."""
    table: dict[int, ProcessStat] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # After the command name in parentheses: state, ppid, …; utime and stime are the 14th
        # and 15th fields of the line, so the 12th and 13th after the name.
        fields = stat[stat.rfind(b")") + 2 :].split()
        if len(fields) > 12:
            table[int(entry)] = ProcessStat(int(fields[1]), int(fields[11]) + int(fields[12]))
    return table


def tree_pids(root_pid: int, table: dict[int, ProcessStat] | None = None) -> list[int]:
    """``root_pid`` and all its descendants alive now (or in ``table``)."""
    children: dict[int, list[int]] = {}
    for pid, stat in (table if table is not None else process_table()).items():
        children.setdefault(stat.parent, []).append(pid)
    result, pending = [], [root_pid]
    while pending:
        pid = pending.pop()
        result.append(pid)
        pending.extend(children.get(pid, ()))
    return result


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(root_pid: int) -> int:
    """Summed resident set size of the tree in bytes (shared pages count in every process)."""
    return sum(_rss(pid) for pid in tree_pids(root_pid))


@dataclass
class TreeUsage:
    """What the sampler saw of one process tree."""

    peak_rss: int = 0
    samples: int = 0
    main_cpu: float = 0.0
    """CPU seconds of the root process itself, as last seen (the rest of the tree's CPU is its workers')."""
    most_processes: int = 0
    cores_busy: list[float] = field(default_factory=list)
    """Cores the tree kept busy, one figure per ``WINDOW`` seconds (a process's last moments are missed)."""

    def busy_share(self, cores: float) -> float | None:
        """Share of the time the tree kept at least ``cores`` cores busy; None without samples."""
        if not self.cores_busy:
            return None
        return sum(1 for busy in self.cores_busy if busy >= cores) / len(self.cores_busy)


class TreeSampler(threading.Thread):
    """Samples the tree under ``pid`` every ``interval`` seconds until :meth:`stop`."""

    def __init__(self, pid: int, interval: float = SAMPLE_INTERVAL) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.usage = TreeUsage()
        self._stop_event = threading.Event()
        self._last_ticks: dict[int, int] = {}
        self._window_ticks = 0
        self._window_start = time.perf_counter()

    def run(self) -> None:
        if not os.path.isdir("/proc"):
            return
        while not self._stop_event.is_set():
            self._sample()
            self._stop_event.wait(self.interval)

    def _sample(self) -> None:
        table = process_table()
        pids = [pid for pid in tree_pids(self.pid, table) if pid in table]
        usage = self.usage
        usage.peak_rss = max(usage.peak_rss, sum(_rss(pid) for pid in pids))
        usage.most_processes = max(usage.most_processes, len(pids))
        usage.samples += 1
        for pid in pids:
            ticks = table[pid].cpu_ticks
            # A forked process starts at zero ticks, so a new pid's ticks all fall in this window.
            self._window_ticks += max(0, ticks - self._last_ticks.get(pid, 0))
            self._last_ticks[pid] = ticks
        if self.pid in table:
            usage.main_cpu = table[self.pid].cpu_ticks / CLOCK_TICKS
        now = time.perf_counter()
        if now - self._window_start >= WINDOW:
            usage.cores_busy.append(round(self._window_ticks / CLOCK_TICKS / (now - self._window_start), 2))
            self._window_ticks, self._window_start = 0, now

    def stop(self) -> TreeUsage:
        self._stop_event.set()
        self.join()
        return self.usage
