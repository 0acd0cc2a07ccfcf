"""A build with nothing to do: the inputs and the published site, by their files' status, as last recorded.

A successful build records three fingerprints beside the cache file: what it
was made with (settings, theme, our code and the renderers' versions, the
options; ``key``), the status of every input file (``inputs``, taken before
anything was read), and the status of every published file (``outputs``,
taken after the new site was swapped in). The next build compares them
before it reads a single page: when all three are the same, the published
site is what this build would write, byte for byte, and it is left as it is.

A file's status is its path, size, modification time, change time and inode
(``os.lstat``). The change time is set by the kernel on every write, rename or
change of links, and cannot be set back by a user (``touch -d`` sets only the
modification time), so an edit is seen even when it keeps the size and the
modification time; a file put in place by a rename (an editor's safe save, a
``git checkout``) has a new inode. A page changed by hand in ``site/`` changes
``outputs`` the same way. What the rule cannot see is a change made behind
the file system's back (a disk image edited offline, a clock set back and a
file rewritten within the same nanosecond); deleting the record
(``.cache/``) builds everything again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

RECORD_FORMAT = 2


def tree_status(roots: Iterable[Path]) -> str:
    """One fingerprint of the status of every file under ``roots`` (a missing root counts as empty).

    Links are not followed; folders count by what they hold.
    """
    digest = hashlib.sha256()
    for root in roots:
        digest.update(b"\1" + os.fsencode(root) + b"\0")
        for relative, status in _walk(root, ""):
            digest.update(
                f"{relative}\0{status.st_size}\0{status.st_mtime_ns}\0{status.st_ctime_ns}\0{status.st_ino}\n".encode(
                    "utf-8", "surrogateescape"
                )
            )
    return digest.hexdigest()


def _walk(folder: Path, prefix: str) -> Iterable[tuple[str, os.stat_result]]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        relative = f"{prefix}{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path), relative + "/")
        else:
            yield relative, entry.stat(follow_symlinks=False)


@dataclass(frozen=True)
class BuildRecord:
    """What the last successful build into one published folder was made of, and what it left there."""

    key: str
    inputs: str
    outputs: str
    clock_day: str = ""
    """The day the build was dated by the clock (content without a date); "": dated by the content."""
    published: str = ""
    """The published folder, so that records of folders since removed can be let go."""

    def to_json(self) -> str:
        return json.dumps({"format": RECORD_FORMAT, **asdict(self)}, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> BuildRecord | None:
        try:
            data = json.loads(text)
        except ValueError:
            return None
        if not isinstance(data, dict) or data.get("format") != RECORD_FORMAT:
            return None
        values = [data.get(name) for name in ("key", "inputs", "outputs", "clock_day", "published")]
        if not all(isinstance(value, str) for value in values):
            return None
        return cls(*values)


def record_file(records_dir: Path, published: Path) -> Path:
    """The record of the builds into ``published`` (tests and previews build several sites)."""
    name = hashlib.sha256(os.fsencode(published.resolve())).hexdigest()[:24]
    return records_dir / f"published-{name}.json"


def read_record(path: Path) -> BuildRecord | None:
    try:
        return BuildRecord.from_json(path.read_text(encoding="utf-8"))
    except OSError:
        return None


def save_record(path: Path, record: BuildRecord) -> None:
    """Write the record through a new file, so a build that dies leaves the old one or none."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(record.to_json(), encoding="utf-8")
    os.replace(temporary, path)


def forget_record(path: Path) -> None:
    path.unlink(missing_ok=True)


def forget_removed_sites(records_dir: Path) -> None:
    """Let go of the records of published folders that no longer exist (a test's, a moved site's)."""
    for path in records_dir.glob("published-*.json"):
        record = read_record(path)
        if record is None or not Path(record.published).is_dir():
            forget_record(path)


@dataclass
class PendingRecord:
    """A build's ``key`` and ``inputs``, taken before it read anything; saved once it has published."""

    path: Path
    key: str
    inputs: str
    outputs_roots: tuple[Path, ...]
    today: str
    """Today's date where the site is read (project/build_date.py dates a build without dated content so)."""
    dated_by_clock: bool = False
    """Set once the content is read: the build date is today's, not the content's."""

    def unchanged(self) -> bool:
        """Whether the last build had the same key and inputs, and left the published files as they are."""
        last = read_record(self.path)
        if not self.inputs or last is None or last.key != self.key or last.inputs != self.inputs:
            return False
        if last.clock_day and last.clock_day != self.today:  # a build today would be dated today
            return False
        try:
            return last.outputs == tree_status(self.outputs_roots)
        except OSError:  # a folder that cannot be read: build, and let the build say what is wrong
            return False

    def save(self) -> None:
        """Record the published site; a record that cannot be written only means a full build next time."""
        if not self.inputs:  # the inputs could not be read
            return
        try:
            clock_day = self.today if self.dated_by_clock else ""
            outputs = tree_status(self.outputs_roots)
            published = str(self.outputs_roots[0].resolve())
            save_record(self.path, BuildRecord(self.key, self.inputs, outputs, clock_day, published))
            forget_removed_sites(self.path.parent)
        except OSError:
            with contextlib.suppress(OSError):  # no record either way: the next build compares nothing
                forget_record(self.path)
