"""An editor account in the wrong hands: script must not reach readers' browsers.

Script written into page bodies is refused by the build (what the browser
would receive is checked, not the Markdown). Addresses in front matter and
region.yml are written as one address each, so a value that tries to close
its link and add a handler builds, and runs nothing in Chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from kb_browser import serve

from tests.support.builds import run_build
from tests.support.repos import copy_repo, edit

pytestmark = pytest.mark.browser

FRONT = '---\ntitle: "Angrep {0}"\ndate: 2024-03-01\ndescription: "Forsøk på å kjøre skript."\n---\n\n'

BODIES = {
    "attr-list-handler": '[lenke](https://example.org){: onclick="window.kbPwned=1" }',
    "attr-list-javascript": '[lenke](https://example.org){: href="javascript:window.kbPwned=1" }',
    "code-span-in-html-block": '<div>`<img src=x onerror="window.kbPwned=1">`</div>',
    "quoted-greater-than": '<div title=">" onmouseover="window.kbPwned=1">tekst</div>',
    "not-a-fence": '~~~ x y\n<img src=x onerror="window.kbPwned=1">\n~~~',
    "remote-stylesheet": '<link rel=stylesheet href="https://x.example/a.css">',
    "style-import": "<style>@import url(https://x.example/a.css);</style>",
    "form": '<form action="https://x.example/"><input type="password" name="p"></form>',
    "remote-image": '<img src="https://x.example/a.png" alt="Bilde">',
    "remote-markdown-image": "![Bilde](https://x.example/a.png)",
}

PAYLOAD = '){onfocus="window.kbPwned=1"}'
"""Closes a Markdown link and adds a handler through attr_list, without a blank (addresses have none)."""


def test_the_build_refuses_script_and_foreign_requests_in_page_bodies(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    for name, body in BODIES.items():
        (repo / "content/artikler" / f"angrep-{name}.md").write_text(
            FRONT.format(name) + body + "\n", encoding="utf-8"
        )

    result = run_build(repo, tmp_path / "site")

    output = result.stdout + result.stderr
    print(output)  # whole, beside pytest's shortened assertion message
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    for name in BODIES:
        assert f"content/artikler/angrep-{name}.md:" in output, (name, output)
    assert f"{len(BODIES)} feil i innholdet" in output, output
    assert not (tmp_path / "site").exists()


@pytest.fixture(scope="module")
def site_with_hostile_values(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with a handler tucked into a governing document's url and both kinds of region contact."""
    repo = copy_repo(tmp_path_factory.mktemp("values") / "repo")
    edit(
        repo,
        "content/styrende-dokumenter/samarbeidsavtaler-2012.md",
        'url: "https://lovdata.no/dokument/NL/lov/2011-06-24-30"',
        "url: 'https://lovdata.no/dokument" + PAYLOAD + "\"q'",
    )
    edit(  # e-mail fields refuse ( ) and quotes; braces and = are legal in an address's local part
        repo,
        "regions/innlandet/region.yml",
        "email: kompetansebroen@innlandet.example",
        "email: 'kompetansebroen{onfocus=window.kbPwned=1}@innlandet.example'",
    )
    edit(
        repo,
        "regions/ahus/region.yml",
        "email: kompetansebroen@ahus.example",
        "url: 'https://ahus.example/kontakt" + PAYLOAD + "'",
    )
    site = repo / "site"
    result = run_build(repo, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.mark.parametrize(
    "path",
    [
        "innlandet/styrende-dokumenter/samarbeidsavtaler-2012/",
        "innlandet/styrende-dokumenter/",
        "innlandet/tilgjengelighet/",
        "ahus/tilgjengelighet/",
    ],
)
def test_hostile_addresses_in_values_run_no_script(page, site_with_hostile_values: Path, path: str) -> None:
    with serve(site_with_hostile_values) as url:
        page.goto(f"{url}/{path}")
        links = page.locator("article a[href*='%7Bonfocus']")
        assert links.count() >= 1, page.content()
        for index in range(links.count()):
            links.nth(index).focus()
            links.nth(index).hover()
        handlers = page.evaluate(
            """() => [...document.querySelectorAll('*')].flatMap(
                element => [...element.attributes].filter(a => a.name.startsWith('on')).map(a => a.name))"""
        )
        assert handlers == []
        assert page.evaluate("() => window.kbPwned") is None
