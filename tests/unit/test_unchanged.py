"""The record of the last good build: which changes to inputs or the published site it sees."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from kompetansebroen.output.unchanged import BuildRecord, PendingRecord, record_file, tree_status


def _tree(root: Path) -> Path:
    (root / "content/artikler").mkdir(parents=True)
    (root / "content/index.md").write_text("# Hjem\n", encoding="utf-8")
    (root / "content/artikler/a.md").write_text("Første tekst.\n", encoding="utf-8")
    return root / "content"


def test_the_same_files_give_the_same_status(tmp_path: Path) -> None:
    content = _tree(tmp_path)
    assert tree_status([content]) == tree_status([content])
    assert tree_status([tmp_path / "finnes-ikke"]) == tree_status([tmp_path / "finnes-ikke"])


def test_an_edit_keeping_size_and_modification_time_is_seen(tmp_path: Path) -> None:
    """The change time cannot be set back: an edit with the old mtime restored still counts."""
    content = _tree(tmp_path)
    article = content / "artikler/a.md"
    before = tree_status([content])
    kept = article.stat()
    time.sleep(0.02)  # the kernel's file times move in clock ticks of a few milliseconds
    article.write_text("Annen tekst!!!\n", encoding="utf-8")  # the same length in bytes
    os.utime(article, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    assert article.stat().st_size == kept.st_size
    assert article.stat().st_mtime_ns == kept.st_mtime_ns
    assert tree_status([content]) != before


def test_a_file_replaced_by_a_rename_is_seen(tmp_path: Path) -> None:
    """Editors and git save by writing a new file and renaming it over the old: a new inode."""
    content = _tree(tmp_path)
    article = content / "artikler/a.md"
    before = tree_status([content])
    kept = article.stat()
    replacement = content / "artikler/.a.md.tmp"
    replacement.write_bytes(article.read_bytes())
    os.utime(replacement, ns=(kept.st_atime_ns, kept.st_mtime_ns))
    os.replace(replacement, article)
    assert tree_status([content]) != before


@pytest.mark.parametrize(
    "change",
    [
        lambda content: (content / "artikler/b.md").write_text("Ny.\n", encoding="utf-8"),
        lambda content: (content / "artikler/a.md").unlink(),
        lambda content: (content / "artikler/a.md").rename(content / "artikler/c.md"),
        lambda content: (content / "ny-mappe").mkdir() or (content / "ny-mappe/x.md").write_text("x"),
    ],
    ids=["added", "deleted", "renamed", "in a new folder"],
)
def test_added_deleted_and_moved_files_are_seen(tmp_path: Path, change) -> None:
    content = _tree(tmp_path)
    before = tree_status([content])
    change(content)
    assert tree_status([content]) != before


def test_the_record_is_per_published_folder_and_survives_a_round_trip(tmp_path: Path) -> None:
    record = BuildRecord("nøkkel", "inn", "ut", "", str(tmp_path / "site"))
    assert BuildRecord.from_json(record.to_json()) == record
    assert BuildRecord.from_json('{"format": 2, "key": "k"') is None
    assert BuildRecord.from_json('{"format": 1, "key": "k", "inputs": "i", "outputs": "o"}') is None
    assert record_file(tmp_path, tmp_path / "site") != record_file(tmp_path, tmp_path / "site/ahus")


def _pending(tmp_path: Path, key: str = "k", today: str = "2026-06-30") -> PendingRecord:
    content = tmp_path / "content"
    site = tmp_path / "site"
    return PendingRecord(record_file(tmp_path / "records", site), key, tree_status([content]), (site,), today)


def test_unchanged_only_when_key_inputs_and_published_files_are_as_recorded(tmp_path: Path) -> None:
    _tree(tmp_path)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>Hjem</p>", encoding="utf-8")

    assert not _pending(tmp_path).unchanged()  # nothing recorded yet
    _pending(tmp_path).save()
    assert _pending(tmp_path).unchanged()
    assert not _pending(tmp_path, key="annen").unchanged()

    (tmp_path / "content/index.md").write_text("# Hjem igjen\n", encoding="utf-8")
    assert not _pending(tmp_path).unchanged()
    _pending(tmp_path).save()
    assert _pending(tmp_path).unchanged()

    (site / "index.html").write_text("<p>Endret for hånd</p>", encoding="utf-8")
    assert not _pending(tmp_path).unchanged()


def test_a_record_that_cannot_be_written_means_a_full_build_next_time(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "site").mkdir()
    (tmp_path / "records").write_text("en fil der mappen skulle stå\n", encoding="utf-8")
    _pending(tmp_path).save()  # no exception: the site is published already
    assert not _pending(tmp_path).unchanged()


def test_a_build_dated_by_the_clock_holds_for_that_day_only(tmp_path: Path) -> None:
    """Content without a date is dated today (project/build_date.py): tomorrow the same input builds again."""
    _tree(tmp_path)
    (tmp_path / "site").mkdir()
    first = _pending(tmp_path, today="2026-06-30")
    first.dated_by_clock = True
    first.save()
    assert _pending(tmp_path, today="2026-06-30").unchanged()
    assert not _pending(tmp_path, today="2026-07-01").unchanged()

    _pending(tmp_path, today="2026-07-01").save()  # dated by the content: any day will do
    assert _pending(tmp_path, today="2026-07-09").unchanged()


def test_records_of_published_folders_since_removed_are_let_go(tmp_path: Path) -> None:
    _tree(tmp_path)
    (tmp_path / "site").mkdir()
    gone = tmp_path / "gammel"
    gone.mkdir()
    old = PendingRecord(record_file(tmp_path / "records", gone), "k", "inn", (gone,), "2026-06-30")
    old.save()
    assert old.path.is_file()
    gone.rmdir()

    _pending(tmp_path).save()

    assert not old.path.exists()
    assert _pending(tmp_path).path.is_file() and _pending(tmp_path).unchanged()
