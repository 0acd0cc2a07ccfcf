"""`make serve` rebuilds incrementally (`--dirty`), yet shows exactly what a clean build shows."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import copy_repo

SESSION = Path(__file__).with_name("preview_session.py")
ARTICLE = "content/artikler/tilskudd-til-sekretariat.md"
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


def test_every_incremental_rebuild_equals_a_clean_build_and_writes_only_what_changed(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    original = (repo / ARTICLE).read_text(encoding="utf-8")
    body_edit = original.replace("## Bakgrunn", "En ny setning om sekretariatet.\n\n## Bakgrunn")
    title_edit = body_edit.replace(
        'title: "Tilskudd til sekretariat for helsefellesskapene"', 'title: "Sekretariatene får tilskudd"'
    )
    broken = title_edit.replace("date: 2020-06-30", "date: 30.06.2020")
    steps = [
        {"write": {ARTICLE: body_edit}},
        {"write": {ARTICLE: title_edit}},
        {"write": {"content/artikler/nytt-forum.md": NEW_ARTICLE}},
        {"delete": ["content/artikler/nytt-forum.md"]},
        {"write": {ARTICLE: broken}},
        {"write": {ARTICLE: title_edit}},
        {},
    ]
    body, title, added, deleted, failed, mended, unchanged = _session(repo, steps)

    for step in (body, title, added, deleted, mended, unchanged):
        assert step["ok"] and step["differing"] == [], step["differing"]
    assert not failed["ok"]

    # A body edit rewrites the page itself, and nothing that does not show it.
    assert "artikler/tilskudd-til-sekretariat/index.html" in body["written"]
    assert "artikler/det-utadvendte-sykehuset/index.html" not in body["written"]
    # A title shows in listings, topic pages and «Les også»: those are rewritten too.
    assert "artikler/index.html" in title["written"]
    assert len(title["written"]) > len(body["written"])
    # Nothing changed: nothing but the theme's own templates is written.
    assert all(not path.startswith("artikler/") for path in unchanged["written"])
