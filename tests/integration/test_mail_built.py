"""The built sample's e-mail editions: three files per issue and region, the rules of e-mail, the same bytes alone."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from kompetansebroen.mail import EDITION_FILES, HTML_FILE, MESSAGE_FILE, TEXT_FILE

from tests.mail_rules import (
    MAX_BYTES,
    addresses,
    forbidden_content,
    html_lang,
    images_without_size_or_alt,
    not_absolute_https,
    preheader,
    read_message,
    style_outside_media_rules,
    text_links,
)
from tests.support.builds import ColdBuilds
from tests.support.repos import REPO
from tests.support.trees import tree_of

SITE_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").split("\nplugins:")[0])[
    "site_url"
]
REGIONS = sorted(path.name for path in (REPO / "regions").iterdir() if (path / "region.yml").is_file())


def _region(region: str) -> dict:
    return yaml.safe_load((REPO / "regions" / region / "region.yml").read_text(encoding="utf-8"))


def _issues(region: str) -> list[str]:
    """Every issue of the region in the sample: the shared ones and its own."""
    shared = {path.stem for path in (REPO / "content/nyhetsbrev").glob("*.md") if path.stem != "index"}
    own = {path.stem for path in (REPO / "regions" / region / "nyhetsbrev").glob("*.md")}
    return sorted(shared | own)


def _editions(site: Path) -> list[tuple[str, str, Path]]:
    return [
        (region, issue, site / region / "nyhetsbrev" / issue)
        for region in REGIONS
        for issue in _issues(region)
    ]


def test_every_issue_has_its_three_files_in_every_region(built_site: Path) -> None:
    editions = _editions(built_site)
    assert len(editions) >= 4 * 6
    missing = [
        f"{folder.relative_to(built_site)}/{name}"
        for _r, _i, folder in editions
        for name in EDITION_FILES
        if not (folder / name).is_file()
    ]
    assert missing == []
    # and nowhere else: not beside the archive or any other page
    written = {path.parent for name in EDITION_FILES for path in built_site.rglob(name)}
    assert written == {folder for _r, _i, folder in editions}


@pytest.mark.parametrize("region", REGIONS)
def test_each_edition_keeps_the_rules_of_e_mail(built_site: Path, region: str) -> None:
    for issue in _issues(region):
        folder = built_site / region / "nyhetsbrev" / issue
        html = (folder / HTML_FILE).read_text(encoding="utf-8")
        where = f"{region}/{issue}"
        assert style_outside_media_rules(html) == [], where
        assert forbidden_content(html) == [], where
        assert not_absolute_https(html) == [], where
        assert images_without_size_or_alt(html) == [], where
        assert html_lang(html) == "nb", where
        assert preheader(html), where
        assert len(html.encode()) < MAX_BYTES, where
        web = f"{SITE_URL}{region}/nyhetsbrev/{issue}/"
        assert web in addresses(html), where
        assert f"{SITE_URL}{region}/nyhetsbrev/" in addresses(html), where
        assert "Les nyhetsbrevet i nettleseren" in html, where


def test_every_address_on_the_site_names_a_file_of_the_site(built_site: Path) -> None:
    """Links and images of the editions that point into the site resolve there, anchors aside."""
    missing = []
    for _region, _issue, folder in _editions(built_site):
        for url in addresses((folder / HTML_FILE).read_text(encoding="utf-8")):
            if not url.startswith(SITE_URL):
                continue
            path = urlsplit(url).path.removeprefix(urlsplit(SITE_URL).path)
            target = built_site / path
            if path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                missing.append(f"{folder.relative_to(built_site)}: {url}")
    assert missing == []


def test_the_image_of_an_issue_is_sized_from_its_file(built_site: Path) -> None:
    html = (built_site / "ostfold/nyhetsbrev/2024-10-nyhetsbrev" / HTML_FILE).read_text(encoding="utf-8")
    assert 'src="https://kompetansebroen.example/ostfold/artikler/helsefellesskap-bro.png"' in html
    # The file is 800 × 420; the column is 552 px wide.
    assert 'width="552" height="290"' in html


@pytest.mark.parametrize("region", REGIONS)
def test_the_message_reads_back_with_both_parts_and_the_text_holds_every_link(
    built_site: Path, region: str
) -> None:
    settings = _region(region)
    for issue in _issues(region):
        folder = built_site / region / "nyhetsbrev" / issue
        message, text, html = read_message((folder / MESSAGE_FILE).read_bytes())
        assert message.get_content_type() == "multipart/alternative"
        assert message["Subject"], issue
        assert message["From"].addresses[0].addr_spec == settings["contact"]["email"]
        assert message["Date"].datetime.year >= 2020
        assert message["Message-ID"].endswith("@kompetansebroen.example>")
        unsubscribe = settings.get("newsletter_unsubscribe")
        assert message["List-Unsubscribe"] == (f"<{unsubscribe}>" if unsubscribe else None)
        assert text.replace("\r\n", "\n") == (folder / TEXT_FILE).read_text(encoding="utf-8")
        assert html.replace("\r\n", "\n") == (folder / HTML_FILE).read_text(encoding="utf-8")
        links = set(addresses(html, ("href",)))
        assert links and links <= text_links(text), sorted(links - text_links(text))


def test_sign_up_shows_only_where_the_region_gives_an_address(built_site: Path) -> None:
    with_signup = [region for region in REGIONS if _region(region).get("newsletter_signup_url")]
    without = [region for region in REGIONS if not _region(region).get("newsletter_signup_url")]
    assert with_signup and without, "the sample has regions of both kinds"
    for region in REGIONS:
        html = (built_site / region / "nyhetsbrev" / _issues(region)[0] / HTML_FILE).read_text(
            encoding="utf-8"
        )
        signup = _region(region).get("newsletter_signup_url")
        assert (signup in addresses(html)) if signup else ("Abonner på nyhetsbrevet" not in html), region


def test_a_region_built_alone_writes_the_same_editions(built_site: Path, cold_builds: ColdBuilds) -> None:
    """Østfold built alone from nothing (the run's shared build, as test_stamping.py compares every region)."""
    alone = {
        path: digest
        for path, digest in tree_of(cold_builds.of(REPO, region="ostfold").site / "ostfold").items()
        if posixpath.basename(path) in EDITION_FILES
    }
    in_full = {
        path: digest
        for path, digest in tree_of(built_site / "ostfold").items()
        if posixpath.basename(path) in EDITION_FILES
    }
    assert len(alone) == 3 * len(_issues("ostfold"))
    assert alone == in_full
