"""Events' revisions from git: the stamp is the file's newest commit, the sequence counts moves and status."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from kompetansebroen.model.revisions import Revision
from kompetansebroen.project import event_history
from kompetansebroen.project.event_history import EventHistory, revisions

from tests.support.git_history import git as git_at

EVENT = """---
title: "{title}"
description: "Om dagen."
start: {start}
format: fysisk
place: "{place}"
organiser: "Sykehuset Nord"
{extra}---

Program.
"""
FIRST = dict(title="Fagdag", start="2027-03-10 09:00", place="Auditoriet", extra="")
REL = "content/arrangementer/fagdag.md"
KEY = (None, "arrangementer/fagdag.md")


def moment(day: int, hour: int = 12) -> dt.datetime:
    return dt.datetime(2027, 1, day, hour, tzinfo=dt.UTC)


def git(root: Path, *arguments: str, when: dt.datetime | None = None) -> None:
    git_at(root, *arguments, when=when or moment(1))


def write_event(root: Path, rel: str = REL, **changes: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(EVENT.format(**(FIRST | changes)), encoding="utf-8")


def commit(root: Path, when: dt.datetime, rel: str = REL, **changes: str) -> None:
    write_event(root, rel, **changes)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Endring", when=when)


def key_of(rel: str) -> tuple[str | None, str]:
    """``content/x`` → (None, ``x``); ``regions/<id>/x`` → (``<id>``, ``x``)."""
    if rel.startswith("content/"):
        return None, rel.removeprefix("content/")
    _, region, path = rel.split("/", 2)
    return region, path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    return tmp_path


def test_outside_git_there_is_no_stamp_and_only_a_cancellation_counts(tmp_path: Path) -> None:
    write_event(tmp_path)
    write_event(tmp_path, "regions/nord/arrangementer/avlyst.md", extra="status: avlyst\n")
    found = revisions(
        tmp_path, {KEY: REL, ("nord", "arrangementer/avlyst.md"): "regions/nord/arrangementer/avlyst.md"}
    )
    assert found == {KEY: Revision(None, 0), ("nord", "arrangementer/avlyst.md"): Revision(None, 1)}


def test_the_stamp_follows_every_commit_and_the_sequence_only_time_place_and_status(repo: Path) -> None:
    commit(repo, moment(1))
    assert revisions(repo, {KEY: REL})[KEY] == Revision(moment(1), 0)
    commit(repo, moment(2), title="Fagdag om demens")  # text only: a newer stamp, the same sequence
    assert revisions(repo, {KEY: REL})[KEY] == Revision(moment(2), 0)
    commit(repo, moment(3), start="2027-03-11 09:00")  # moved a day
    assert revisions(repo, {KEY: REL})[KEY] == Revision(moment(3), 1)
    commit(repo, moment(4), start='"2027-03-11 09:00"')  # the same time, written in quotes
    assert revisions(repo, {KEY: REL})[KEY] == Revision(moment(4), 1)
    commit(repo, moment(5), start='"2027-03-11 09:00"', extra="status: avlyst\n")
    assert revisions(repo, {KEY: REL})[KEY] == Revision(moment(5), 2)
    # Not committed yet: the stamp stays the last commit's, the sequence counts the new place.
    write_event(repo, start='"2027-03-11 09:00"', extra="status: avlyst\n", place="Storsalen")
    assert revisions(repo, {KEY: REL})[KEY] == Revision(moment(5), 3)


def test_an_event_cancelled_from_its_first_commit_has_sequence_1(repo: Path) -> None:
    commit(repo, moment(1), extra="status: avlyst\n")
    assert revisions(repo, {KEY: REL})[KEY] == Revision(moment(1), 1)


def test_history_before_a_deletion_is_not_counted(repo: Path) -> None:
    commit(repo, moment(1))
    commit(repo, moment(2), start="2027-04-01 09:00")
    (repo / REL).unlink()
    git(repo, "commit", "-q", "-am", "Slettet", when=moment(3))
    commit(repo, moment(4), start="2027-05-01 09:00")
    assert revisions(repo, {KEY: REL})[KEY] == Revision(moment(4), 0)


def test_a_version_that_cannot_be_read_is_skipped(repo: Path) -> None:
    commit(repo, moment(1))
    (repo / REL).write_text('---\ntitle: "uavsluttet\n---\n', encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Ødelagt", when=moment(2))
    commit(repo, moment(3))
    assert revisions(repo, {KEY: REL})[KEY] == Revision(moment(3), 0)


def test_a_site_in_a_folder_of_a_larger_repository(repo: Path) -> None:
    site = repo / "nettsted"
    commit(repo, moment(1), rel=f"nettsted/{REL}")
    commit(repo, moment(2), rel=f"nettsted/{REL}", place="Storsalen")
    commit(repo, moment(3), rel=REL)  # the same path outside the site's folder is another file
    assert revisions(site, {KEY: REL})[KEY] == Revision(moment(2), 1)


def test_one_git_log_and_one_cat_file_for_every_event_and_only_when_asked(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = [f"content/arrangementer/dag-{number}.md" for number in range(12)]
    names += ["regions/nord/arrangementer/lokal.md"]
    for day, rel in enumerate(names, 1):
        commit(repo, moment(day), rel=rel, place=f"Rom {day}")
    commit(repo, moment(20), rel=names[0], place="Storsalen")
    calls: list[str] = []
    real = event_history._git

    def counted(root: Path, arguments: list[str], stdin: bytes = b"") -> bytes | None:
        calls.append(arguments[0])
        return real(root, arguments, stdin)

    monkeypatch.setattr(event_history, "_git", counted)
    sources = {key_of(rel): rel for rel in names}
    history = EventHistory(repo, sources)
    assert calls == []
    assert history.revision((None, "arrangementer/dag-0.md")) == Revision(moment(20), 1)
    assert history.revision(("nord", "arrangementer/lokal.md")) == Revision(moment(13), 0)
    assert history.revision((None, "arrangementer/finnes-ikke.md")) is None
    assert calls == ["log", "cat-file"]
