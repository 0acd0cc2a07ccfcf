"""Durations written for readers, editors and schema.org."""

from __future__ import annotations

import pytest
from kompetansebroen.text.durations import (
    clock_duration,
    hh_mm_ss,
    iso_duration,
    minutes_text,
    norwegian_duration,
)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 s"),
        (45, "45 s"),
        (60, "1 min"),
        (89, "1 min"),
        (90, "2 min"),
        (750, "13 min"),
        (2700, "45 min"),
        (3600, "1 t"),
        (3900, "1 t 5 min"),
        (3599, "1 t"),
        (7230, "2 t 1 min"),
    ],
)
def test_norwegian_duration_rounds_to_whole_minutes(seconds: int, text: str) -> None:
    assert norwegian_duration(seconds) == text


def test_minutes_text_is_the_same_rule_for_whole_minutes() -> None:
    assert minutes_text(45) == "45 min"
    assert minutes_text(65) == "1 t 5 min"
    assert minutes_text(120) == "2 t"


@pytest.mark.parametrize(
    ("seconds", "clock", "long", "iso"),
    [
        (0, "0:00", "00:00:00", "PT0S"),
        (5, "0:05", "00:00:05", "PT5S"),
        (750, "12:30", "00:12:30", "PT12M30S"),
        (3600, "1:00:00", "01:00:00", "PT1H"),
        (3723, "1:02:03", "01:02:03", "PT1H2M3S"),
        (36000 + 61, "10:01:01", "10:01:01", "PT10H1M1S"),
    ],
)
def test_machine_and_editor_forms(seconds: int, clock: str, long: str, iso: str) -> None:
    assert clock_duration(seconds) == clock
    assert hh_mm_ss(seconds) == long
    assert iso_duration(seconds) == iso


@pytest.mark.parametrize(
    "function", [norwegian_duration, clock_duration, hh_mm_ss, iso_duration, minutes_text]
)
def test_negative_durations_are_refused(function) -> None:
    with pytest.raises(ValueError, match="negative"):
        function(-1)
