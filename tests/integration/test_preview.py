"""`make serve` rebuilds incrementally (`--dirty`), yet shows exactly what a clean build shows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.support.repos import copy_repo

SESSION = Path(__file__).with_name("preview_session.py")
ARTICLE = "content/artikler/tilskudd-til-sekretariat.md"
NEWSLETTER = "content/nyhetsbrev/2024-02-nyhetsbrev.md"
EVENT = "content/arrangementer/fagdag-skropelige-eldre.md"
REGION = "regions/ahus/region.yml"
NEW_ARTICLE = (
    '---\ntitle: "Et nytt samarbeidsforum"\ndate: 2024-11-01\n'
    'description: "Om et nytt forum."\ntags: [Samhandling]\n---\n\nTekst om forumet.\n'
)


def _session(repo: Path, steps: list[dict]) -> list[dict]:
    (repo / "steps.json").write_text(json.dumps(steps), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KOMPETANSEBROEN_REGION": "ahus"}
    result = subprocess.run(
        [sys.executable, str(SESSION), "steps.json", "result.json"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads((repo / "result.json").read_text(encoding="utf-8"))


def _read(repo: Path, path: str) -> str:
    return (repo / path).read_text(encoding="utf-8")


def test_every_incremental_rebuild_equals_a_clean_build_and_writes_only_what_changed(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    original = _read(repo, ARTICLE)
    body_edit = original.replace("## Bakgrunn", "En ny setning om sekretariatet.\n\n## Bakgrunn")
    title_edit = body_edit.replace(
        'title: "Tilskudd til sekretariat for helsefellesskapene"', 'title: "Sekretariatene får tilskudd"'
    )
    tags_edit = title_edit.replace("  - Samhandling\n", "  - Samhandling\n  - Kompetanse\n", 1)
    broken = tags_edit.replace("date: 2020-06-30", "date: 30.06.2020")
    issue = _read(repo, NEWSLETTER).replace("– februar 2024", "– februar 2024 (rettet)")
    moved = _read(repo, EVENT).replace("start: 2024-11-14 09:00", "start: 2024-11-14 10:00")
    assert moved != _read(repo, EVENT)
    region = _read(repo, REGION).replace("hospital: Akershus universitetssykehus", "hospital: Ahus HF")
    steps = [
        {"write": {ARTICLE: body_edit}},
        {"write": {ARTICLE: title_edit}},
        {"write": {ARTICLE: tags_edit}},
        {"write": {NEWSLETTER: issue}},
        {"write": {EVENT: moved}},  # the calendars, kept from the build before for other saves, change
        {"write": {"content/artikler/nytt-forum.md": NEW_ARTICLE}},
        {"delete": ["content/artikler/nytt-forum.md"]},
        {"write": {ARTICLE: broken}},
        {"write": {ARTICLE: tags_edit}},
        {"write": {REGION: region}},
        {},
    ]
    results = _session(repo, steps)
    body, title, tags, _issue, event, _added, _deleted, failed, _mended, region_step, unchanged = results

    for step in results:
        if step is not failed:
            assert step["ok"] and step["differing"] == [], step["differing"]
    assert not failed["ok"]

    # A body edit rewrites the page itself, and nothing that does not show it.
    assert "artikler/tilskudd-til-sekretariat/index.html" in body["written"]
    assert "artikler/det-utadvendte-sykehuset/index.html" not in body["written"]
    # A title shows in listings, topic pages and «Les også»: those are rewritten too, not every page.
    assert "artikler/index.html" in title["written"]
    assert len(body["written"]) < len(title["written"]) < len(region_step["written"])
    # The footer of every page names the hospital.
    assert "artikler/det-utadvendte-sykehuset/index.html" in region_step["written"]
    assert tags["written"]
    assert "arrangementer/fagdag-skropelige-eldre/index.html" in event["written"]  # its calendar: "differing"
    # Nothing changed: nothing but the theme's own templates is written.
    assert all(not path.startswith("artikler/") for path in unchanged["written"])
