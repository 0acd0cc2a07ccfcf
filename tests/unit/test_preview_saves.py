"""The preview's watch loop (``make serve``): a save is never lost, however early it comes.

A stand-in for the preview's build records what the loop asks of it, and saves an article at the
moments a real editor can: while the first build runs, and just after it. The loop watches the
real folder with the operating system's file events.
"""

from __future__ import annotations

import threading
from pathlib import Path

from kompetansebroen.preview import rebuild_on_save

WAIT = 20.0
"""Seconds the loop gets to rebuild after a save (it takes milliseconds)."""


class SavingPreview:
    """A preview whose first build ends with a save of ``article``; the next build stops the loop."""

    region = "ahus"
    serve_url = "http://127.0.0.1:8000/"

    def __init__(self, article: Path, stop: threading.Event, save_after_first_build: bool) -> None:
        self.article = article
        self.stop = stop
        self.save_after_first_build = save_after_first_build
        self.builds = 0
        self.changes_seen = 0
        self.problems: list[str] = []

    def changed(self) -> None:
        self.changes_seen += 1

    def rebuild(self) -> float:
        self.builds += 1
        if self.builds == 1 and not self.save_after_first_build:
            self.article.write_text("Lagret mens det første bygget pågikk.\n", encoding="utf-8")
        elif self.builds > 1:
            self.stop.set()
        return 0.0


def run_loop(tmp_path: Path, save_after_first_build: bool) -> tuple[SavingPreview, list[str]]:
    article = tmp_path / "content" / "artikler" / "en-artikkel.md"
    article.parent.mkdir(parents=True)
    article.write_text("Første utgave.\n", encoding="utf-8")
    stop = threading.Event()
    preview = SavingPreview(article, stop, save_after_first_build)
    lines: list[str] = []

    def report(line: str) -> None:
        lines.append(line)
        if save_after_first_build and len(lines) == 1:  # the ready line: the first build is over
            article.write_text("Lagret rett etter det første bygget.\n", encoding="utf-8")

    loop = threading.Thread(target=rebuild_on_save, args=(tmp_path, preview, stop, report), daemon=True)
    loop.start()
    loop.join(WAIT)
    stopped = not loop.is_alive()
    stop.set()
    loop.join(5)
    assert stopped, f"the save was not rebuilt within {WAIT:.0f} s: {preview.builds} build(s), lines {lines}"
    return preview, lines


def test_a_save_made_while_the_first_build_runs_is_built_again(tmp_path: Path) -> None:
    preview, lines = run_loop(tmp_path, save_after_first_build=False)
    assert (preview.builds, preview.changes_seen) == (2, 1)
    assert "en-artikkel.md" in lines[-1], lines


def test_a_save_made_just_after_the_first_build_is_built_again(tmp_path: Path) -> None:
    preview, lines = run_loop(tmp_path, save_after_first_build=True)
    assert (preview.builds, preview.changes_seen) == (2, 1)
    assert "en-artikkel.md" in lines[-1], lines


def test_the_loop_ends_when_the_preview_stops(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    stop = threading.Event()
    preview = SavingPreview(tmp_path / "content" / "x.md", stop, save_after_first_build=True)
    loop = threading.Thread(
        target=rebuild_on_save, args=(tmp_path, preview, stop, lambda line: None), daemon=True
    )
    loop.start()
    stop.set()
    loop.join(WAIT)
    assert not loop.is_alive(), "the loop did not end after stop was set"
    assert preview.builds <= 1
