"""``make serve``: the live preview of one region, rebuilt in this process on every save.

MkDocs' own ``serve`` polls the tree every half second and waits a tenth of a
second more before it rebuilds. Here ``watchfiles`` (the operating system's
file events) reports a save at once, the region is rebuilt in memory with the
plugin's incremental plan (``mkdocs build --dirty`` in this process: only the
pages a change can touch are written again), and the browser reloads.

Fresh pages only: from the moment a change is seen until the rebuild has
written its pages, every request waits (at most ``REQUEST_WAIT`` seconds), so a
page is never served from an older build. The pages are then shown, and the
browser reloads, while the rebuild writes the region's search index, feeds,
calendars and e-mail editions; a request for any file the rebuild has not
finished yet waits for the end of the rebuild. A rebuild that finds mistakes in the content
prints each problem in the terminal, as ``make check`` does, and every page
shows them until a save mends them. Serves on 127.0.0.1 only; Ctrl-C or
SIGTERM stops it and removes the temporary output folder.
"""

from __future__ import annotations

import argparse
import html
import logging
import os
import posixpath
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import watchfiles
from mkdocs.commands.build import build
from mkdocs.config import load_config

from kompetansebroen import messages
from kompetansebroen.carry_over import PREVIEWING
from kompetansebroen.output.publishing.http_rules import content_type
from kompetansebroen.project.loader import region_folders

HOST = "127.0.0.1"
REQUEST_WAIT = 120.0
"""How long a request waits for a rebuild before it is answered with 503."""
RELOAD_WAIT = 30.0
"""How long the browser's reload request is held open when nothing changes."""
WATCH_STEP_MS = 30
"""Quiet time after the last file event before a rebuild starts (an editor's save is several events)."""
WATCH_WAIT_MS = 100
"""The longest wait for file events before the watcher looks at whether the preview is stopping."""
RELOAD_PATH = "/.kb-livereload/"
THEME_DIR = Path(__file__).resolve().parent / "theme"

_RELOAD_SCRIPT = (
    "<script>(function(){{var v={version};function poll(){{var r=new XMLHttpRequest();"
    "r.onloadend=function(){{var n=parseInt(this.responseText,10);if(n>v){{location.reload();}}"
    "else{{setTimeout(poll,this.status===200?0:2000);}}}};"
    'r.open("GET","{path}"+v);r.send();}}window.addEventListener("load",poll);}})();</script>'
)


def reload_script(version: int) -> bytes:
    """The script put before ``</body>`` of every served HTML page: it reloads the page after a rebuild."""
    return _RELOAD_SCRIPT.format(version=version, path=RELOAD_PATH).encode()


class _Problems(logging.Handler):
    """The error lines a rebuild logs (each content problem as ``make check`` prints it)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


class Preview:
    """The output folder, whether it is fresh, and what the last rebuild found."""

    def __init__(self, root: Path, region: str, port: int, site_dir: Path) -> None:
        PREVIEWING.on = True  # results kept for the next save, also those a whole-site build does without
        self.root = root
        self.region = region
        self.site_dir = site_dir
        self.serve_url = f"http://{HOST}:{port}/"
        self.version = 0
        """Raised once a rebuild, failed or not, has something to show: the browser reloads when it grows."""
        self.problems: list[str] = []
        """Why the last rebuild failed; empty when it succeeded."""
        self._stale = True
        self._ready: frozenset[str] | None = None
        """While a rebuild writes what comes after its pages (which are shown already, the version raised):
        the files (paths in the site) that are final."""
        self._condition = threading.Condition()
        PREVIEWING.listener = self.pages_written

    def changed(self) -> None:
        """A watched file changed: hold every request until the rebuild has written its pages."""
        with self._condition:
            self._stale = True
            self._ready = None

    def pages_written(self, ready: frozenset[str]) -> None:
        """The rebuild has written its pages (``ready``: the files that are final): show them now."""
        with self._condition:
            self.problems = []
            self._ready = ready
            self._stale = False
            self.version += 1
            self._condition.notify_all()

    def finished(self, problems: list[str]) -> None:
        """The rebuild has ended, with ``problems`` if it failed: every file is fresh."""
        with self._condition:
            self.problems = problems
            if problems or self._ready is None:  # else the pages were shown, and the browser reloaded
                self.version += 1
            self._stale = False
            self._ready = None
            self._condition.notify_all()

    def rebuild(self) -> float:
        """Build the region (incrementally after the first time); the seconds it took."""
        started = time.perf_counter()
        self.changed()
        os.environ["KOMPETANSEBROEN_REGION"] = self.region
        handler = _Problems()
        mkdocs_log = logging.getLogger("mkdocs")
        mkdocs_log.addHandler(handler)
        failure = ""
        try:
            config = load_config(str(self.root / "mkdocs.yml"), site_dir=str(self.site_dir))
            config.plugins.on_startup(command="serve", dirty=True)
            config.site_url = self.serve_url
            try:
                build(config, serve_url=self.serve_url, dirty=True)
            finally:
                config.plugins.on_shutdown()
        except (Exception, SystemExit) as error:  # noqa: BLE001 - a failed rebuild is shown, the loop goes on
            failure = str(error)
        finally:
            mkdocs_log.removeHandler(handler)
        lines = list(dict.fromkeys(handler.lines))
        if failure and failure not in lines:
            lines.append(failure)
        self.finished(lines if failure else [])
        return time.perf_counter() - started

    def _fresh(self, file: str) -> bool:
        return not self._stale and (self._ready is None or file in self._ready)

    def wait_fresh(self, file: str, timeout: float) -> bool:
        """Wait until ``file`` (a path in the site, ``…/index.html`` for a page) is as the last save made it."""
        with self._condition:
            return self._condition.wait_for(lambda: self._fresh(file), timeout=timeout)

    def wait_newer(self, version: int, timeout: float) -> int:
        with self._condition:
            self._condition.wait_for(lambda: self.version > version and not self._stale, timeout=timeout)
            return self.version


def in_site(path: str) -> str:
    """A request's path as a path in the site, never above it: ``/a/../b/`` → ``b``."""
    return posixpath.normpath("/" + path).lstrip("/")


def served_file(path: str) -> str:
    """The file a request for ``path`` is answered with, if it is there (``…/index.html`` for a folder)."""
    relative = in_site(path)
    if path.endswith("/"):
        return posixpath.join(relative, "index.html") if relative else "index.html"
    return relative


def problems_page(problems: Iterable[str], version: int) -> bytes:
    items = "".join(f"<li>{html.escape(line)}</li>" for line in problems)
    return (
        '<!doctype html><html lang="nb"><head><meta charset="utf-8">'
        f"<title>{messages.PREVIEW_CANNOT_BUILD}</title></head><body><main>"
        f"<h1>{messages.PREVIEW_CANNOT_BUILD}</h1>"
        f"<p>{messages.PREVIEW_FIX_AND_SAVE}</p><ul>{items}</ul>"
        "</main></body></html>"
    ).encode() + reload_script(version)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        return  # one line per request would bury the rebuild messages

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        preview = self.server.preview
        path = unquote(urlsplit(self.path).path)
        if path.startswith(RELOAD_PATH):
            known = path[len(RELOAD_PATH) :]
            version = preview.wait_newer(int(known) if known.isdigit() else 0, RELOAD_WAIT)
            self._send(HTTPStatus.OK, str(version).encode(), "text/plain")
            return
        if not preview.wait_fresh(served_file(path), REQUEST_WAIT):
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, messages.PREVIEW_STILL_BUILDING.encode(), "text/plain")
            return
        if preview.problems:
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, problems_page(preview.problems, preview.version))
            return
        target = preview.site_dir / in_site(path)
        if path.endswith("/") or target.is_dir():
            if not path.endswith("/"):
                self.send_response(HTTPStatus.FOUND)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        if not target.is_file():
            missing = preview.site_dir / "404.html"
            body = missing.read_bytes() if missing.is_file() else b"Not found"
            self._send(HTTPStatus.NOT_FOUND, self._with_script(body, preview.version))
            return
        body = target.read_bytes()
        kind = content_type(target.name)  # as nginx sends it (Decap warns of a config.yml sent otherwise)
        if target.suffix == ".html":
            body = self._with_script(body, preview.version)
        self._send(HTTPStatus.OK, body, kind)

    @staticmethod
    def _with_script(page: bytes, version: int) -> bytes:
        end = page.rfind(b"</body>")
        end = len(page) if end < 0 else end
        return page[:end] + reload_script(version) + page[end:]

    def _send(self, status: HTTPStatus, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header(
            "Content-Type",
            kind if "charset" in kind or not kind.startswith("text/") else kind + "; charset=utf-8",
        )
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, preview: Preview) -> None:
        self.preview = preview
        super().__init__((HOST, port), _Handler)


def watched(root: Path) -> list[Path]:
    """What a save can change the site through: the content, the regions, mkdocs.yml and the theme."""
    paths = [root / "content", root / "regions", root / "mkdocs.yml", THEME_DIR]
    return [path for path in paths if path.exists()]


def rebuild_on_save(
    root: Path, preview: Preview, stop: threading.Event, report: Callable[[str], None]
) -> None:
    """Build the preview, then again after every save, until ``stop`` is set.

    The watcher is armed before the first build: a save made while that build runs (seconds at
    size L) or just after it is seen and rebuilt, never lost with the older page left on show.
    """
    changes = watchfiles.watch(
        *watched(root),
        step=WATCH_STEP_MS,
        stop_event=stop,
        rust_timeout=WATCH_WAIT_MS,
        yield_on_timeout=True,
        raise_interrupt=False,
    )
    next(changes, None)  # the watcher records every file event from here on; the build below sees these
    seconds = preview.rebuild()
    report(messages.preview_ready(preview.region, preview.serve_url, seconds))
    for found in changes:
        if not found:  # a wait with no save: look at stop, and wait again
            continue
        preview.changed()
        names = sorted({Path(path).name for _, path in found})
        seconds = preview.rebuild()
        outcome = messages.PREVIEW_CONTENT_PROBLEMS if preview.problems else messages.PREVIEW_UPDATED
        report(messages.preview_rebuilt(names, outcome, seconds))


def serve(root: Path, region: str, port: int) -> int:
    regions = region_folders(root)
    if region not in regions:
        print(messages.preview_unknown_region(region, regions), flush=True)
        return 2
    stop = threading.Event()

    def stopping(signum: int, frame: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, stopping)
    signal.signal(signal.SIGINT, stopping)
    site_dir = Path(tempfile.mkdtemp(prefix="kompetansebroen-forhandsvisning-"))
    preview = Preview(root, region, port, site_dir)
    server = _Server(port, preview)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()
    try:
        rebuild_on_save(root, preview, stop, lambda line: print(line, flush=True))
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(site_dir, ignore_errors=True)
    print(messages.PREVIEW_STOPPED, flush=True)
    return 0


def serve_main() -> None:
    parser = argparse.ArgumentParser(description=messages.PREVIEW_DESCRIPTION)
    parser.add_argument("--region", required=True, help=messages.PREVIEW_REGION_HELP)
    parser.add_argument("--port", type=int, default=8000, help=messages.PREVIEW_PORT_HELP)
    arguments = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    sys.exit(serve(Path.cwd(), arguments.region, arguments.port))


if __name__ == "__main__":
    serve_main()
