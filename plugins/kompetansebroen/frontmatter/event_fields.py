"""The front matter of courses and events (``arrangementer/<navn>.md``): fields, rules and the schema.

Times are Norwegian local time: ``start: 2025-03-14`` is an all-day event,
``start: 2025-03-14 09:00`` starts at nine in ``Europe/Oslo``. YAML gets in the
way here more than anywhere: an unquoted ``12:30`` is the number 750 to it
(base 60), and ``2025-03-14 09:00:00`` a timestamp. We read the text as
written (see yaml_source.py) and say exactly what to write instead.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

import yaml

from .. import messages
from ..model.events import EventFormat, EventStatus, is_timed, local_day
from ..text.event_times import oslo
from .fields import (
    Choice,
    Date,
    Email,
    Field,
    FieldError,
    FormSpec,
    FoundProblem,
    Text,
    TextList,
    Url,
    _why_impossible,
    plausible_year,
)
from .yaml_source import BOOL_TAG, FLOAT_TAG, INT_TAG, NULL_TAG, describe

EVENT_LABEL = "Arrangement"
"""What an event is called on pages (its content type's ``label``)."""
EVENT_KIND_NAME = "et arrangement"
"""How messages name an event (its content type's ``indefinite``): «… trenger title, … øverst i filen»."""

FORMATS = tuple(member.value for member in EventFormat)
STATUSES = tuple(member.value for member in EventStatus)

DEFAULT_PROFESSIONS = (
    "Sykepleiere",
    "Leger",
    "Fastleger",
    "Helsefagarbeidere",
    "Fysioterapeuter",
    "Ergoterapeuter",
    "Jordmødre",
    "Psykologer",
    "Vernepleiere",
    "Ledere",
)
"""The controlled list of professions for ``audience``, used until mkdocs.yml gives its own."""

EVENT_FIELD_ALIASES = {
    "slutt": "end",
    "sted": "place",
    "lokale": "place",
    "arrangør": "organiser",
    "arrangor": "organiser",
    "organizer": "organiser",
    "påmelding": "registration_url",
    "påmeldingslenke": "registration_url",
    "frist": "registration_deadline",
    "påmeldingsfrist": "registration_deadline",
    "målgruppe": "audience",
    "pris": "price",
}
"""Norwegian names editors are likely to write for the event fields, to merge into ``FIELD_ALIASES``.

Only names that ``FIELD_ALIASES`` does not have yet: its ``kontakt`` already
means ``contact``, and ``epost`` means ``email`` in region.yml.
"""

EXAMPLE_DAY = "2025-03-14"

_CANONICAL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?\Z")
# Forms YAML itself reads as a timestamp: ``T`` or spaces between date and time, seconds, a zone.
_TIMESTAMP = re.compile(
    r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2}):(\d{2})(?:\.\d*)?"
    r"(?:[ \t]*(Z|[-+]\d{1,2}(?::?\d{2})?))?$"
)
# A date and a time written some other way: ``2025-3-14 9:00``, ``14.03.2025 kl. 09.00``, ``2025-03-14T09:00``.
_LOOSE = re.compile(
    r"^(?:(?P<y>\d{4})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})"
    r"|(?P<d2>\d{1,2})\s*[./-]\s*(?P<m2>\d{1,2})\s*[./-]\s*(?P<y2>\d{4}))"
    r"(?:(?:\s*[Tt]\s*|\s+|\s*,\s*)(?:kl\.?\s*)?(?P<hh>\d{1,2})[:.](?P<mm>\d{2}))?$"
)
_TIME_ONLY = re.compile(r"^(?:kl\.?\s*)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?\Z")
_SEXAGESIMAL = re.compile(r"^[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?\Z")


DAY_AND_TIME_FORM: FormSpec = {
    "widget": "datetime",
    "format": "YYYY-MM-DD HH:mm",
    "date_format": "YYYY-MM-DD",
    "time_format": "HH:mm",
}
"""The browser editor's date-and-time picker, storing exactly ``ÅÅÅÅ-MM-DD TT:MM`` in the editor's local time."""


def _time_text(hour: int, minute: int) -> str:
    return f"{hour:02d}:{minute:02d}"


def _base60(raw: str) -> str:
    """What YAML 1.1 makes of a plain ``12:30`` (750): each part is a digit in base 60."""
    whole, _, fraction = raw.replace("_", "").lstrip("+").partition(".")
    value = 0
    for part in whole.split(":"):
        value = value * 60 + int(part)
    return f"{value},{fraction}" if fraction else str(value)


def _local(date: dt.date, hour: int, minute: int, raw: str, name: str) -> dt.datetime:
    """``date`` at ``hour:minute`` in Norwegian time; a time the clock skips is an error.

    A time that occurs twice (the last Sunday of October, 02:00–03:00) is taken
    the first time it occurs, in summer time.
    """
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise FieldError(messages.clock_time_impossible(raw, name, date.isoformat()))
    wall = dt.datetime(date.year, date.month, date.day, hour, minute, tzinfo=oslo())
    if wall.astimezone(dt.UTC).astimezone(oslo()).replace(tzinfo=None) != wall.replace(tzinfo=None):
        # zoneinfo reads a skipped wall time with the offset before the change: 02:30 → 03:30 summer time.
        later = wall.astimezone(dt.UTC).astimezone(oslo())
        raise FieldError(messages.clock_time_skipped(raw, name, f"{later:%Y-%m-%d %H:%M}"))
    return wall


def _day(year: int, month: int, day: int, raw: str) -> dt.date:
    try:
        return plausible_year(dt.date(year, month, day), raw)
    except ValueError:
        raise FieldError(messages.date_impossible(raw, _why_impossible(year, month, day))) from None


def parse_event_time(raw: str, name: str) -> dt.date | dt.datetime:
    """``2025-03-14`` → a date; ``2025-03-14 09:00`` → that moment in Norwegian time.

    ``raw`` is the text as the editor wrote it. YAML's timestamp forms with
    ``:00`` seconds (``2025-03-14 09:00:00``, ``2025-03-14T09:00:00``) are
    taken as the same local time; everything else that looks like a date or a
    time gets the form to write instead.
    """
    raw = raw.strip()
    if found := _CANONICAL.match(raw):
        year, month, day = (int(part) for part in found.groups()[:3])
        date = _day(year, month, day, raw)
        if found.group(4) is None:
            return date
        return _local(date, int(found.group(4)), int(found.group(5)), raw, name)
    if found := _TIMESTAMP.match(raw):
        year, month, day, hour, minute, second = (int(part) for part in found.groups()[:6])
        date = _day(year, month, day, raw)
        zone = found.group(7)
        if zone is not None:
            moment = _with_zone(year, month, day, hour, minute, second, zone)
            local = moment.astimezone(oslo()) if moment else None
            fix = f"{local:%Y-%m-%d %H:%M}" if local else f"{date.isoformat()} {_time_text(hour, minute)}"
            raise FieldError(messages.time_has_zone(raw, name, fix))
        if second != 0:
            raise FieldError(
                messages.time_has_seconds(raw, name, f"{date.isoformat()} {_time_text(hour, minute)}")
            )
        return _local(date, hour, minute, raw, name)
    if found := _LOOSE.match(raw):
        year = int(found["y"] or found["y2"])
        month = int(found["m"] or found["m2"])
        day = int(found["d"] or found["d2"])
        date = _day(year, month, day, raw)
        if found["hh"] is None:
            raise FieldError(messages.date_not_iso(raw, name, date.isoformat()))
        moment = _local(date, int(found["hh"]), int(found["mm"]), raw, name)
        raise FieldError(messages.date_time_not_iso(raw, name, f"{moment:%Y-%m-%d %H:%M}"))
    if found := _TIME_ONLY.match(raw):
        time = _time_text(int(found.group(1)), int(found.group(2)))
        raise FieldError(messages.time_without_date(raw, name, EXAMPLE_DAY, time))
    raise FieldError(messages.event_time_unreadable(raw, name, EXAMPLE_DAY))


def _with_zone(
    year: int, month: int, day: int, hour: int, minute: int, second: int, zone: str
) -> dt.datetime | None:
    """The instant a timestamp with a zone names, or ``None`` when its time is impossible."""
    if zone in ("Z", "z"):
        offset = dt.timedelta(0)
    else:
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        hours, minutes = int(digits[:-2] or digits), int(digits[-2:]) if len(digits) > 2 else 0
        offset = sign * dt.timedelta(hours=hours, minutes=minutes)
    try:
        return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.timezone(offset))
    except ValueError:
        return None


class EventTime(Field):
    """A day (``2025-03-14``) or a day and a Norwegian time (``2025-03-14 09:00``)."""

    expected = messages.EXPECTS_EVENT_TIME
    example = f"{EXAMPLE_DAY} 09:00"

    def form(self) -> FormSpec:
        return DAY_AND_TIME_FORM

    def convert(self, name: str, node: yaml.Node) -> dt.date | dt.datetime:
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG:
            raise FieldError(messages.event_time_empty(name, EXAMPLE_DAY))
        if not isinstance(node, yaml.ScalarNode) or node.tag == BOOL_TAG:
            raise FieldError(messages.event_time_expected(describe(node), name, EXAMPLE_DAY))
        raw = node.value.strip()
        if node.tag in (INT_TAG, FLOAT_TAG) and _SEXAGESIMAL.match(raw):
            found = _TIME_ONLY.match(raw)
            time = _time_text(int(found.group(1)), int(found.group(2))) if found else raw
            raise FieldError(messages.time_read_as_number(raw, _base60(raw), name, EXAMPLE_DAY, time))
        if not node.tag.startswith("tag:yaml.org,2002:"):
            raise FieldError(messages.yaml_tag_not_allowed_example(node.tag, name, self.example))
        return parse_event_time(raw, name)


class HttpsUrl(Url):
    """An ``https://`` address: a sign-up form over plain http would send people's data unencrypted."""

    form_pattern = r"^https://[^\s/]+\.[^\s]+$"

    def convert(self, name: str, node: yaml.Node) -> str:
        value = super().convert(name, node)
        if not value.lower().startswith("https://"):
            secure = "https://" + value.split("://", 1)[1]
            raise FieldError(messages.registration_not_https(value, name, secure))
        return value


def _day_text(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return f"{value.astimezone(oslo()):%Y-%m-%d %H:%M}"
    return value.isoformat()


def _start_and_end(values: Mapping[str, Any], lines: Mapping[str, int]) -> list[FoundProblem]:
    """``end`` is written like ``start`` (a day, or a day and a time) and is not before it."""
    start, end = values.get("start"), values.get("end")
    if start is None or end is None:
        return []
    if is_timed(start) != is_timed(end):
        if is_timed(start):
            message = messages.end_untimed_start_timed(end.isoformat())
        else:
            message = messages.end_timed_start_untimed(start.isoformat(), local_day(end).isoformat())
        return [FoundProblem(lines["end"], "end", message)]
    if end < start:
        return [
            FoundProblem(
                lines["end"],
                "end",
                messages.end_before_start(_day_text(end), _day_text(start)),
            )
        ]
    return []


def _place_unless_digital(values: Mapping[str, Any], lines: Mapping[str, int]) -> list[FoundProblem]:
    """People need to know where to go, unless the event is only online."""
    form = values.get("format")
    if form in (EventFormat.PHYSICAL.value, EventFormat.HYBRID.value) and "place" not in lines:
        what = (
            messages.EVENT_FORMAT_PHYSICAL
            if form == EventFormat.PHYSICAL.value
            else messages.EVENT_FORMAT_HYBRID
        )
        return [
            FoundProblem(
                lines["format"],
                "place",
                messages.event_place_missing(what),
            )
        ]
    return []


def _deadline_not_after_start(values: Mapping[str, Any], lines: Mapping[str, int]) -> list[FoundProblem]:
    deadline, start = values.get("registration_deadline"), values.get("start")
    if deadline is None or start is None:
        return []
    first_day = local_day(start)
    if deadline > first_day:
        return [
            FoundProblem(
                lines["registration_deadline"],
                "registration_deadline",
                messages.deadline_after_start(deadline.isoformat(), first_day.isoformat()),
            )
        ]
    return []


CHECKS = (_start_and_end, _place_unless_digital, _deadline_not_after_start)


def event_fields(professions: Sequence[str] = DEFAULT_PROFESSIONS) -> dict[str, Field]:
    """An event's own fields; ``audience`` takes the professions of mkdocs.yml."""
    profession_list = ", ".join(professions)
    return {
        "title": Text(required=True, example='"Fagdag om skrøpelige eldre"'),
        "description": Text(required=True, example='"Én eller to setninger om arrangementet"'),
        "start": EventTime(required=True),
        "end": EventTime(example=f"{EXAMPLE_DAY} 15:30"),
        "format": Choice(
            FORMATS, required=True, what="format", labels={form.value: form.label for form in EventFormat}
        ),
        "place": Text(example='"Auditoriet, Sykehuset Innlandet Hamar, Skolegata 32, 2318 Hamar"'),
        "organiser": Text(required=True, example='"Sykehuset Innlandet"'),
        "registration_url": HttpsUrl(example="https://www.eksempel.no/pamelding"),
        "registration_deadline": Date(example="2025-03-01"),
        "audience": TextList(
            allowed=lambda: professions,
            what="yrkesgruppe",
            known_label=messages.use_professions_from_settings(profession_list),
            example=f"[{professions[0] if professions else 'Sykepleiere'}]",
        ),
        "price": Text(example='"Gratis"'),
        "contact": Email(),
        "status": Choice(
            STATUSES, what="status", labels={status.value: status.label for status in EventStatus}
        ),
    }


__all__ = [
    "DEFAULT_PROFESSIONS",
    "EVENT_FIELD_ALIASES",
    "EVENT_KIND_NAME",
    "EVENT_LABEL",
    "EventTime",
    "HttpsUrl",
    "event_fields",
    "parse_event_time",
]
