"""An event's revision: what calendars write as ``DTSTAMP`` and ``SEQUENCE`` (project/event_history.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

RevisionKey = tuple[str | None, str]
"""An event's source: its origin (``None`` for ``content/``, else the region id) and its path in that tree."""


@dataclass(frozen=True)
class Revision:
    """When an event's file last changed, and how many times its time, place or status changed."""

    stamp: dt.datetime | None
    """The newest commit time of the file (UTC), or ``None`` when git does not know the file."""
    sequence: int
    """Versions whose start, end, format, place or status differ from the version before (see event_history)."""
