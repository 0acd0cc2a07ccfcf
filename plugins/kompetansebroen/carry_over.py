"""Results worked out in one build and reused by the next build in the same process.

``mkdocs serve`` rebuilds the whole region after every save. Reading and checking
2,000 unchanged files again cost most of a second each time. Every key here holds
all the inputs of its result (a file's bytes by SHA-256, or a media file's status;
the schema, the path), so a reused result is exactly what working it out again
would give.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


class Previewing:
    """Whether this process is the preview (``make serve``), which rebuilds one region again and again,
    and who is told when a rebuild's pages are written (before its search index, feeds and e-mail)."""

    def __init__(self) -> None:
        self.on = False
        self.listener: Callable[[frozenset[str]], None] | None = None

    def pages_written(self, ready: frozenset[str]) -> None:
        """The rebuild has written its pages; ``ready``: the files (paths in the site) that are final now."""
        if self.on and self.listener is not None:
            self.listener(ready)


PREVIEWING = Previewing()
"""Turned on by the preview when it starts; off in a build of the whole site."""


class CarryOver(Generic[Key, Value]):
    """Results by key; a build keeps what it used, and what it did not use is dropped.

    Call :meth:`next_build` when a build starts. The memory held is then at most
    two builds' results, however long ``mkdocs serve`` runs. ``only_when_previewing``:
    keep nothing unless :data:`PREVIEWING` is on, for results a build of the whole site
    would hold for one region longer than it needs them (the search index's words of
    every page: 80 MB at 19 regions of size L) and gain little from.
    """

    def __init__(self, *, only_when_previewing: bool = False) -> None:
        self._previous: dict[Key, Value] = {}
        self._current: dict[Key, Value] = {}
        self.only_when_previewing = only_when_previewing
        _EVERY.add(self)

    def next_build(self) -> None:
        if self._current:
            self._previous, self._current = self._current, {}

    def get(self, key: Key, compute: Callable[[], Value]) -> Value:
        if self.only_when_previewing and not PREVIEWING.on:
            return compute()
        if key in self._current:
            return self._current[key]
        value = self._previous[key] if key in self._previous else compute()
        self._current[key] = value
        return value

    def __len__(self) -> int:
        return len(self._current)

    def forget(self) -> None:
        self._previous, self._current = {}, {}


_EVERY: weakref.WeakSet[CarryOver] = weakref.WeakSet()


def forget_everything() -> None:
    """Drop every result kept: the next build works everything out again, as a new process would
    (how a test compares a rebuild that reused results with one that did not)."""
    for kept in _EVERY:
        kept.forget()
