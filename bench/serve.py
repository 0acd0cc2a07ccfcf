"""Edit-to-page time of ``make serve``: edit an article, wait until the server shows the edit.

Two kinds of edit: a line added to the text (rebuilds the page and those linking
to it) and a changed title (also the listings and the pages whose «Les også»
shows the article).

The server is started as ``make serve`` starts it (``kompetansebroen-serve --region <id>``:
watchfiles, and an incremental rebuild in the same process). The time runs from the moment the file is saved until the page,
fetched over HTTP, carries the new line: the watcher, the rebuild and the write,
everything an editor waits for before the browser reloads.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .measure import BuildFailed, build_env

STARTUP_TIMEOUT = 600.0
EDIT_TIMEOUT = 120.0
POLL_INTERVAL = 0.02
SETTLE = 1.0  # let the watcher go quiet between edits


@dataclass
class ServeResult:
    region: str
    page: str
    first_build: float
    edits: list[float]
    """Seconds from saving to the page showing the edit, for body edits."""
    title_edits: list[float]
    """The same for title edits."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own local server
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, marker: str | None, timeout: float, server: subprocess.Popen[str]) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if server.poll() is not None:
            raise BuildFailed(f"kompetansebroen-serve stopped with exit code {server.returncode}")
        body = _fetch(url)
        if body is not None and (marker is None or marker in body):
            return time.perf_counter() - started
        time.sleep(POLL_INTERVAL)
    raise BuildFailed(f"{url} did not show {marker or 'a page'} within {timeout:.0f} s")


def _edited(text: str, marker: str, kind: str) -> str:
    if kind == "title":
        return _TITLE.sub(lambda m: f'{m.group(1)}"{marker}: ', text, count=1)
    return f"{text.rstrip()}\n\n{marker}\n"


_TITLE = re.compile(r'^(title:\s*)"', re.MULTILINE)


def edit_to_page(root: Path, region_id: str, edits: int, settle: float = SETTLE) -> ServeResult:
    """Serve ``region_id`` of the corpus in ``root``; time ``edits`` body edits and as many
    title edits of one shared article, alternating, ``settle`` seconds apart."""
    article = sorted((root / "content" / "artikler").glob("*.md"))[0]
    url_path = f"artikler/{article.stem}/"
    port = _free_port()
    env = build_env()
    env["KOMPETANSEBROEN_REGION"] = region_id
    original = article.read_text(encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "kompetansebroen.preview", "--region", region_id, "--port", str(port)],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/{url_path}"
    times: dict[str, list[float]] = {"body": [], "title": []}
    try:
        first_build = _wait_for(url, None, STARTUP_TIMEOUT, server)
        for number in range(edits):
            for kind in ("body", "title"):
                time.sleep(settle)
                marker = f"Målemerke {number} {time.time_ns()}"
                text = article.read_text(encoding="utf-8")
                article.write_text(_edited(text, marker, kind), encoding="utf-8")
                times[kind].append(_wait_for(url, marker, EDIT_TIMEOUT, server))
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        article.write_text(original, encoding="utf-8")
    return ServeResult(region_id, url_path, first_build, times["body"], times["title"])


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.serve CORPUS REGION [EDITS]``: only this measurement, on a corpus written by
    ``python -m bench --keep DIR`` (``DIR/L4``) or by ``bench.corpus.generate``."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m bench.serve", description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a generated corpus (its mkdocs.yml, content/, regions/)")
    parser.add_argument("region", help="the region to serve")
    parser.add_argument("edits", type=int, nargs="?", default=3, help="text edits and as many title edits")
    args = parser.parse_args(argv)
    result = edit_to_page(args.corpus.resolve(), args.region, args.edits)
    print(f"first build {result.first_build:.2f} s")
    print("text edit → page shown, s: " + ", ".join(f"{t:.2f}" for t in result.edits))
    print("title edit → page shown, s: " + ", ".join(f"{t:.2f}" for t in result.title_edits))
    return 0


if __name__ == "__main__":
    sys.exit(main())
