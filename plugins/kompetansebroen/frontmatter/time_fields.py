"""When a page was published and last updated: ``date`` and ``updated``, a day or a day and a time.

News is dated to the minute («Publisert 30. juni 2020 kl. 11.41») and guidance
says when it was last revised («Sist oppdatert …»), so both fields take a day
(``2020-06-30``) or a day and a Norwegian time (``2020-06-30 11:41``). A day
alone keeps every message of :class:`~.fields.Date` (``30.06.2020`` gets the
form to write); anything with a clock in it is read the way event times are
(event_fields.py: quoted or not, YAML's timestamp forms, skipped summer-time
hours, a time without a day).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import yaml

from .. import messages
from ..model.events import is_timed, local_day
from ..text.event_times import oslo
from .event_fields import DAY_AND_TIME_FORM, EventTime
from .fields import Date, Field, FormSpec, FoundProblem

# A clock somewhere in the value («11:41», «2020-06-30 11.41», «kl. 11»): read as a time, not a day.
_HAS_CLOCK = re.compile(r"\d[:.]\d{2}(?!\d)|kl\.?\s*\d|\d[Tt]\d")


UPDATED_ALIASES = {"oppdatert": "updated", "sist_oppdatert": "updated", "endret": "updated"}
"""Norwegian names editors are likely to write for ``updated`` (a content type's ``aliases``)."""


class DayOrTime(Field):
    """A day (``2020-06-30``) or a day and a Norwegian time (``2020-06-30 11:41``)."""

    expected = messages.EXPECTS_DAY_OR_TIME
    example = "2024-06-30"

    def __init__(self, *, required: bool = False, example: str | None = None) -> None:
        super().__init__(required=required, example=example)
        self._day = Date(required=required, example=self.example)
        self._time = EventTime(required=required, example=f"{self.example} 09:00")

    def form(self) -> FormSpec:
        return DAY_AND_TIME_FORM

    def convert(self, name: str, node: yaml.Node) -> dt.date | dt.datetime:
        raw = node.value.strip() if isinstance(node, yaml.ScalarNode) else ""
        if _HAS_CLOCK.search(raw):
            return self._time.convert(name, node)
        return self._day.convert(name, node)


def _shown(value: dt.date) -> str:
    """A value as the editor writes it: ``2020-06-30`` or ``2020-06-30 11:41``."""
    if isinstance(value, dt.datetime):
        return f"{value.astimezone(oslo()):%Y-%m-%d %H:%M}"
    return value.isoformat()


def updated_not_before_date(values: Mapping[str, Any], lines: Mapping[str, int]) -> list[FoundProblem]:
    """A page cannot be updated before it was published.

    With a time on both the moments are compared; otherwise the days, so
    ``updated: 2020-06-30`` is fine for ``date: 2020-06-30 11:41``.
    """
    published, updated = values.get("date"), values.get("updated")
    if published is None or updated is None:
        return []
    if is_timed(published) and is_timed(updated):
        before = updated < published
    else:
        before = local_day(updated) < local_day(published)
    if not before:
        return []
    return [
        FoundProblem(
            lines["updated"],
            "updated",
            messages.updated_before_date(_shown(updated), _shown(published)),
        )
    ]


__all__ = ["UPDATED_ALIASES", "DayOrTime", "updated_not_before_date"]
