"""The browser editor's preview writes times, lengths and facts as the pages do.

``admin.js`` runs in Node (tests/support/editor_preview.py). Each event time and each length is
compared with what the build writes for the same front matter (``parse_event_time`` and
``event_times.when``, ``parse_duration`` and ``text/durations.py``), so the two cannot drift apart;
tests/integration/test_editor_previews.py compares every sample page with its preview.
"""

from __future__ import annotations

import datetime as dt

import pytest
from kompetansebroen.content_types.facts import CANCELLED_NOTICE
from kompetansebroen.frontmatter.event_fields import parse_event_time
from kompetansebroen.frontmatter.learning_fields import parse_duration
from kompetansebroen.model.events import EventFormat
from kompetansebroen.text.dates import norwegian_date
from kompetansebroen.text.durations import minutes_text, norwegian_duration
from kompetansebroen.text.event_times import when

from tests.support.editor_preview import previewed

# Node and the yaml package come with Node's packages (make test), not with make test-fast.
pytestmark = pytest.mark.slow


def events(entries: list[dict]) -> list[dict]:
    return previewed([("arrangementer", entry) for entry in entries])  # type: ignore[return-value]


TIMES = [
    # (start, end) as the form writes them; what the page says comes from the build's own code.
    ("2024-11-14 09:00", "2024-11-14 15:30"),  # one day, a span of hours
    ("2025-03-14 09:00", None),  # no end
    ("2025-03-14 09:00", "2025-03-14 09:00"),  # an end equal to the start is not repeated
    ("2025-03-14 09:00", "2025-03-15 15:00"),  # over two days: each end its day
    ("2025-12-31 20:00", "2026-01-01 02:00"),  # over the new year
    ("2027-03-28 01:30", "2027-03-28 04:00"),  # the day the clocks go forward
    ("2027-10-31 02:30", "2027-10-31 02:45"),  # the hour that comes twice
    ("2025-03-14T09:00:00", "2025-03-14T11:00:00"),  # YAML's timestamp form, taken as the same time
    ("2025-03-14", None),  # all day
    ("2024-02-29", "2024-02-29"),  # a leap day, its end the same day
    ("2025-03-14", "2025-03-15"),  # days in one month
    ("2025-02-28", "2025-03-02"),  # across months
    ("2025-12-30", "2026-01-02"),  # across years
    ("2099-12-31 23:00", None),  # the last year the check takes
]


def test_an_events_time_in_the_preview_is_the_time_its_page_shows() -> None:
    shown = events([{"start": start, "end": end, "format": "digitalt"} for start, end in TIMES])
    for (start, end), preview in zip(TIMES, shown, strict=True):
        page = when(parse_event_time(start, "start"), parse_event_time(end, "end") if end else None)
        assert preview["facts"][0] == ["Tid", page], (start, end)


def test_every_fact_is_named_and_worded_as_on_the_page() -> None:
    entry = {
        "start": "2024-11-14 09:00",
        "end": "2024-11-14 15:30",
        "format": "hybrid",
        "place": "Konferansesalen",
        "organiser": "Kompetansebroen",
        "audience": ["Sykepleiere", "Leger"],
        "price": "Gratis",
        "registration_deadline": "2024-11-01",
        "contact": "kurs@kompetansebroen.example",
    }
    [full, cancelled, bare] = events([entry, entry | {"status": "avlyst"}, {"start": "2025-03-14"}])
    assert full["facts"] == [
        ["Tid", "torsdag 14. november 2024 kl. 09.00–15.30"],
        ["Format", EventFormat.HYBRID.label],
        ["Sted", "Konferansesalen"],
        ["Arrangør", "Kompetansebroen"],
        ["Målgruppe", "Sykepleiere, Leger"],
        ["Pris", "Gratis"],
        ["Påmeldingsfrist", norwegian_date(dt.date(2024, 11, 1))],
        ["Kontakt", "kurs@kompetansebroen.example"],
    ]
    assert full["notices"] == [] and cancelled["notices"] == [CANCELLED_NOTICE]
    assert cancelled["facts"] == full["facts"]
    assert bare["facts"] == [["Tid", "fredag 14. mars 2025"]]  # nothing else is shown empty


def test_a_time_the_check_refuses_is_shown_as_typed() -> None:
    [loose, mixed] = events(
        [{"start": "14.03.2025 kl. 09.00"}, {"start": "2025-03-14", "end": "2025-03-14 10:00"}]
    )
    assert loose["facts"][0] == ["Tid", "14.03.2025 kl. 09.00"]
    assert mixed["facts"][0] == ["Tid", "2025-03-14 – 2025-03-14 10:00"]


CLOCK_LENGTHS = ["0:45", "0:59", "1:00", "12:29", "12:30", "59:29", "59:30", "1:00:00", "1:02:03", "10:00:29"]
"""A film's or an episode's ``duration`` as the form takes it, around every rounding the page makes."""


def test_a_films_length_in_the_preview_is_the_length_its_page_shows() -> None:
    shown = previewed([("film", {"date": "2024-09-24", "duration": length}) for length in CLOCK_LENGTHS])
    for length, preview in zip(CLOCK_LENGTHS, shown, strict=True):
        assert preview is not None
        page = norwegian_duration(parse_duration(length, "duration"))
        assert preview["line"] == f"Publisert 24. september 2024 · Varighet {page}", length


def test_a_courses_length_in_whole_minutes_is_the_length_its_page_shows() -> None:
    minutes = [1, 45, 59, 60, 61, 75, 120, 600]
    shown = previewed([("e-laering", {"provider": "KS Læring", "duration": count}) for count in minutes])
    for count, preview in zip(minutes, shown, strict=True):
        assert preview is not None
        assert ["Varighet", minutes_text(count)] in preview["facts"], count


def test_every_collection_with_a_page_of_its_own_has_its_preview_and_no_other_has_one() -> None:
    # Decap finds a file collection's preview by the file's name: the home page's entry, not «sider»;
    # region.yml (the entry «region» of «omrade») is no page.
    names = ("podkast-over-broen", "podkastserier", "side-index", "sider", "omrade", "region")
    shown = previewed([(name, {"title": "x"}) for name in names])
    assert None not in shown[:3] and shown[3:] == [None, None, None]


ADDRESSES = [
    # what an editor types as a document's or a course's address, and where the preview's button leads
    ("https://www.regjeringen.no/", "https://www.regjeringen.no/"),
    ("samarbeidsavtale.pdf", "samarbeidsavtale.pdf"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("java\tscript:alert(1)", None),
    ("data:text/html,<script>alert(1)</script>", None),
    ("vbscript:msgbox", None),
]


def test_a_button_leads_only_to_a_web_address_or_a_file_beside_the_page() -> None:
    shown = previewed(
        [
            ("styrende-dokumenter", {"date": "2019-10-29", "issuer": "KS", "url": typed})
            for typed, _ in ADDRESSES
        ]
        + [("e-laering", {"provider": "KS Læring", "url": typed, "duration": 45}) for typed, _ in ADDRESSES]
    )
    expected = [("Åpne dokumentet", href) for _, href in ADDRESSES]
    expected += [("Gå til kurset hos KS Læring (annet nettsted)", href) for _, href in ADDRESSES]
    assert [tuple(preview["links"][0]) for preview in shown if preview] == expected
