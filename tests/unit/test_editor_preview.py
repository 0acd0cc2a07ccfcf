"""The browser editor's preview writes an event's facts as its page does.

``admin.js`` runs in Node with the admin page's own hand-over (``data-kb-*``) and a stand-in for Decap
that keeps the preview templates it registers; the event template is given entries and its list of
facts is read back. Each time is compared with what the build writes for the same front matter
(``parse_event_time`` and ``event_times.when``), so the two cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import subprocess

import pytest
from kompetansebroen.content_types.facts import CANCELLED_NOTICE
from kompetansebroen.editor.admin_page import SCRIPT_SOURCE, admin_html
from kompetansebroen.frontmatter.event_fields import parse_event_time
from kompetansebroen.model.events import EventFormat
from kompetansebroen.text.dates import norwegian_date
from kompetansebroen.text.event_times import when

# Node comes with Node's packages (make test), not with make test-fast.
pytestmark = pytest.mark.slow

_PREVIEW = r"""
const vm = require("vm");
const fs = require("fs");
const [scriptPath, handedOver, entries] = process.argv.slice(1);
const attributes = JSON.parse(handedOver);
const templates = {};
const CMS = {
  getLocale: () => ({}),
  registerLocale: () => {},
  registerEventListener: () => {},
  registerPreviewStyle: () => {},
  registerPreviewTemplate: (name, template) => { templates[name] = template; },
};
const h = (tag, props, ...children) => ({ tag, props: props || {}, children: children.flat(Infinity) });
const document = {
  baseURI: "http://127.0.0.1/admin/",
  currentScript: { getAttribute: (name) => (name in attributes ? attributes[name] : null) },
};
vm.runInNewContext(fs.readFileSync(scriptPath, "utf8"), { window: { CMS, h }, document, URL });
const text = (node) =>
  node === null || node === undefined || node === false ? "" :
  typeof node !== "object" ? String(node) :
  node.props.dangerouslySetInnerHTML ? node.props.dangerouslySetInnerHTML.__html :
  node.children.map(text).join("");
const find = (node, test, found = []) => {
  if (node && typeof node === "object") {
    if (test(node)) found.push(node);
    node.children.forEach((child) => find(child, test, found));
  }
  return found;
};
const shown = JSON.parse(entries).map((data) => {
  const entry = { getIn: ([, name]) => data[name] };
  const tree = templates.arrangementer({ entry, widgetFor: () => null, getAsset: () => null });
  const terms = find(tree, (node) => node.tag === "dt").map(text);
  const values = find(tree, (node) => node.tag === "dd").map(text);
  const notices = find(tree, (node) => node.props.dangerouslySetInnerHTML).map(text);
  return { facts: terms.map((term, at) => [term, values[at]]), notices };
});
console.log(JSON.stringify(shown));
"""


def handed_over() -> dict[str, str]:
    """The ``data-kb-*`` attributes of the admin page's script, as the browser reads them."""
    page = admin_html("Redigering", "decap/decap-cms.js", ["assets/stylesheets/main.css"])
    script = re.search(r'<script src="kb-admin.js"([^>]*)>', page)
    assert script is not None
    return {
        f"data-kb-{name}": html.unescape(value)
        for name, value in re.findall(r' data-kb-([\w-]+)="([^"]*)"', script.group(1))
    }


def previewed(entries: list[dict]) -> list[dict]:
    ran = subprocess.run(
        ["node", "-e", _PREVIEW, str(SCRIPT_SOURCE), json.dumps(handed_over()), json.dumps(entries)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return json.loads(ran.stdout)


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
    shown = previewed([{"start": start, "end": end, "format": "digitalt"} for start, end in TIMES])
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
    [full, cancelled, bare] = previewed([entry, entry | {"status": "avlyst"}, {"start": "2025-03-14"}])
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
    [loose, mixed] = previewed(
        [{"start": "14.03.2025 kl. 09.00"}, {"start": "2025-03-14", "end": "2025-03-14 10:00"}]
    )
    assert loose["facts"][0] == ["Tid", "14.03.2025 kl. 09.00"]
    assert mixed["facts"][0] == ["Tid", "2025-03-14 – 2025-03-14 10:00"]
