"""Editors' text from front matter and region.yml is text on every page, never markup."""

from __future__ import annotations

from pathlib import Path

from tests.support.builds import run_build
from tests.support.repos import copy_repo

HOSTILE = "<script>alert(1)</script>"
ARTICLE = f"""---
title: 'Barn < 18 år "i fokus" {HOSTILE}'
date: 2024-05-05
description: 'Sitat: "hei" <img src=x onerror=alert(2)> & mer'
tags: [Helsefellesskap]
---
Tekst.
"""


def test_markup_in_titles_descriptions_and_region_names_is_escaped(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    (repo / "content/artikler/fiendtlig.md").write_text(ARTICLE, encoding="utf-8")
    region_file = repo / "regions/ahus/region.yml"
    region_file.write_text(
        region_file.read_text(encoding="utf-8").replace("name: Ahus", 'name: "Ahus <b>x</b>"'),
        encoding="utf-8",
    )
    result = run_build(repo, repo / "site")
    assert result.returncode == 0, result.stderr
    site = repo / "site"
    for path in site.rglob("*"):
        if path.suffix in {".html", ".json", ".xml"}:
            text = path.read_text(encoding="utf-8")
            for raw in (HOSTILE, "<img src=x", "<b>x</b>"):
                assert raw not in text, f"{path.relative_to(site)} contains {raw!r} unescaped"
    page = (site / "ahus/artikler/fiendtlig/index.html").read_text(encoding="utf-8")
    assert 'content="Sitat: &#34;hei&#34; &lt;img src=x onerror=alert(2)&gt; &amp; mer"' in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Ahus &lt;b&gt;x&lt;/b&gt;" in page
