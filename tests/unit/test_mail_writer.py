"""Writing a region's e-mail editions: the files beside each issue, and editions kept in the cache file."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from kompetansebroen.feeds.newsletter_feeds import FeedEntry, FeedInfo
from kompetansebroen.mail import EDITION_FILES
from kompetansebroen.model.regions import Contact, Region
from kompetansebroen.output import mail_writer
from kompetansebroen.output.cache_store import CacheFile
from kompetansebroen.output.mail_writer import MAIL_TABLE, region_mail, write_mail_editions

REGION_URL = "https://kb.example/nord/"
REGION = Region(
    "nord", "Nord", "Sykehuset Nord", contact=Contact(email="post@nord.example"),
    newsletter_unsubscribe="https://nord.example/av",
)  # fmt: skip
INFO = FeedInfo(
    title="Nyhetsbrev",
    description="D",
    archive_url=REGION_URL + "nyhetsbrev/",
    rss_url=REGION_URL + "nyhetsbrev/rss.xml",
    atom_url=REGION_URL + "nyhetsbrev/atom.xml",
    feed_id="kompetansebroen:nord:nyhetsbrev",
)
ENTRY = FeedEntry(
    title="Mai",
    date=dt.date(2024, 5, 1),
    description="Om mai.",
    url=REGION_URL + "nyhetsbrev/2024-05/",
    content_html='<p>Se <a href="../../artikler/x/">artikkelen</a>.</p>',
    entry_id="nyhetsbrev/2024-05.md",
)


def _mail():
    mail = region_mail("Kompetansebroen", REGION, REGION_URL)
    assert mail is not None
    return mail


def test_no_editions_without_an_absolute_address() -> None:
    assert region_mail("Kompetansebroen", REGION, "/") is None


def test_the_files_are_written_beside_the_issue_with_absolute_links(tmp_path: Path) -> None:
    write_mail_editions(tmp_path, _mail(), INFO, [ENTRY])
    folder = tmp_path / "nyhetsbrev/2024-05"
    assert sorted(path.name for path in folder.iterdir()) == sorted(EDITION_FILES)
    html = (folder / "epost.html").read_text(encoding="utf-8")
    assert 'href="https://kb.example/nord/artikler/x/"' in html
    assert "<https://nord.example/av>" in (folder / "nyhetsbrev.eml").read_text(encoding="ascii")


def test_an_edition_kept_in_the_cache_is_not_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = CacheFile(tmp_path / "cache.sqlite", 1)
    store = cache.table(MAIL_TABLE)
    write_mail_editions(tmp_path / "first", _mail(), INFO, [ENTRY], store)
    store.close()

    def refuse(*_args: object) -> None:
        raise AssertionError("made again")

    monkeypatch.setattr(mail_writer, "email_edition", refuse)
    store = cache.table(MAIL_TABLE)
    write_mail_editions(tmp_path / "second", _mail(), INFO, [ENTRY], store)
    store.close()
    for name in EDITION_FILES:
        first = (tmp_path / "first/nyhetsbrev/2024-05" / name).read_bytes()
        assert (tmp_path / "second/nyhetsbrev/2024-05" / name).read_bytes() == first
    # A changed issue is a new key, so it is made again.
    with pytest.raises(AssertionError, match="made again"):
        write_mail_editions(
            tmp_path / "third", _mail(), INFO, [replace(ENTRY, title="Juni")], cache.table(MAIL_TABLE)
        )


def test_a_damaged_entry_is_made_again(tmp_path: Path) -> None:
    cache = CacheFile(tmp_path / "cache.sqlite", 1)
    store = cache.table(MAIL_TABLE)
    write_mail_editions(tmp_path / "first", _mail(), INFO, [ENTRY], store)
    store.close()
    with closing(sqlite3.connect(cache.path)) as database:
        assert database.execute(f"UPDATE {MAIL_TABLE} SET value = ?", ('{"epost.html": ',)).rowcount == 1
        database.commit()
    store = cache.table(MAIL_TABLE)
    write_mail_editions(tmp_path / "second", _mail(), INFO, [ENTRY], store)
    store.close()
    for name in EDITION_FILES:
        first = (tmp_path / "first/nyhetsbrev/2024-05" / name).read_bytes()
        assert (tmp_path / "second/nyhetsbrev/2024-05" / name).read_bytes() == first
