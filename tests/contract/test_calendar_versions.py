"""Calendar versions in a built site kept in git: DTSTAMP and SEQUENCE grow as an event changes.

The repository is the contract fixture in a git repository with commits at
fixed times. Both parsers (``icalendar`` and the strict ``ical``) read the
region calendar and the event's own file. The incremental build that follows
a change of history alone equals a cold build, and a region built alone the
same region of the full build, byte for byte.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import icalendar
from ical.calendar_stream import IcsCalendarStream

from tests.support.builds import BUILD, run
from tests.support.git_history import git
from tests.support.trees import differences, tree_of

from .repo import write_repo
from .test_bad_inputs import E, edit

REGIONS = ("nord", "sor")


def commit(root: Path, when: dt.datetime) -> None:
    git(root, "add", "-A", "content", "regions", "mkdocs.yml", when=when)
    git(root, "commit", "-q", "-m", "Innhold", when=when)


def versions(site: Path, region: str) -> list[tuple[str, dt.datetime, int]]:
    """(UID, DTSTAMP, SEQUENCE) of the event in the region's calendar and in its own file, by both parsers."""
    found = []
    for ics in (
        site / region / "arrangementer/kalender.ics",
        site / region / "arrangementer/fagdag/kalender.ics",
    ):
        data = ics.read_bytes()
        [loose] = icalendar.Calendar.from_ical(data).walk("VEVENT")
        [strict] = IcsCalendarStream.calendar_from_ics(data.decode("utf-8")).events
        assert (str(loose["UID"]), loose.decoded("DTSTAMP"), int(loose["SEQUENCE"])) == (
            strict.uid,
            strict.dtstamp,
            strict.sequence,
        )
        found.append((strict.uid, strict.dtstamp, strict.sequence))
    return found


def built(repo: Path, region: str = "") -> None:
    build = run(BUILD, repo, {"KOMPETANSEBROEN_REGION": region} if region else None)
    assert build.returncode == 0, build.output


def test_an_event_that_moves_gets_a_newer_stamp_and_a_higher_sequence(tmp_path: Path) -> None:
    repo = write_repo(tmp_path / "repo")
    (repo / ".gitignore").write_text("site/\n.cache/\n.site*\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main", when=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    first = dt.datetime(2024, 2, 1, 8, 30, tzinfo=dt.UTC)
    commit(repo, first)
    built(repo)
    for region in REGIONS:
        assert {version[1:] for version in versions(repo / "site", region)} == {(first, 0)}

    retitled = dt.datetime(2024, 2, 5, 10, tzinfo=dt.UTC)
    edit(repo, E, 'title: "Fagdag om samhandling"', 'title: "Fagdag om samhandling og demens"')
    commit(repo, retitled)
    built(repo)
    assert {version[1:] for version in versions(repo / "site", "nord")} == {(retitled, 0)}

    moved = dt.datetime(2024, 2, 9, 14, 15, tzinfo=dt.UTC)
    edit(
        repo,
        E,
        "start: 2024-03-14 09:00\nend: 2024-03-14 15:30",
        "start: 2024-03-15 09:00\nend: 2024-03-15 15:30",
    )
    commit(repo, moved)
    built(repo)
    before = versions(repo / "site", "nord")
    assert {version[1:] for version in before} == {(moved, 1)}

    cancelled = dt.datetime(2024, 2, 12, 9, tzinfo=dt.UTC)
    edit(repo, E, "tags: [Samhandling]", "status: avlyst\ntags: [Samhandling]")
    commit(repo, cancelled)
    built(repo)
    after = versions(repo / "site", "sor")
    assert {version[1:] for version in after} == {(cancelled, 2)}
    assert {uid for uid, _, _ in before} == {uid for uid, _, _ in after}, "the same event, a newer version"

    # Only the history changes (the last commit made again an hour later, same content): the
    # incremental build follows it, and equals a cold build and a region built alone byte for byte.
    amended = cancelled + dt.timedelta(hours=1)
    git(
        repo,
        "commit",
        "-q",
        "--amend",
        "--no-edit",
        "--date",
        f"{int(amended.timestamp())} +0000",
        when=amended,
    )
    built(repo)
    assert {version[1:] for version in versions(repo / "site", "nord")} == {(amended, 2)}
    cold = tmp_path / "kald"
    shutil.copytree(repo, cold, symlinks=True, ignore=shutil.ignore_patterns("site", ".cache", ".site*"))
    built(cold)
    assert not differences(tree_of(repo / "site"), tree_of(cold / "site"))
    alone = tmp_path / "alene"
    shutil.copytree(repo, alone, symlinks=True, ignore=shutil.ignore_patterns("site"))
    built(alone, "nord")
    assert not differences(tree_of(repo / "site/nord"), tree_of(alone / "site/nord"))
