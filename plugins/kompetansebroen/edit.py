"""``make edit``: the browser editor on the editor's own machine.

Starts two processes, both on 127.0.0.1 only: ``decap-server`` in git mode
(it commits the editor's saves to this repository; drafts are branches, as
merge requests are in production) and the live preview of one region
(``kompetansebroen-serve``, as ``make serve``). The preview's ``/admin/`` is the
editor: the region's own pages, or with no region given every region's shared
pages in ``content/``. Ctrl-C stops both.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from . import messages
from .editor.backend import LOCAL_PORT
from .project.loader import region_folders

DECAP_SERVER = Path("node_modules") / ".bin" / "decap-server"


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop one child and everything it started (its own process group)."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)


def edit(root: Path, region: str | None, port: int, python: str) -> int:
    """Run decap-server and the preview until Ctrl-C or until one of them stops; the exit code."""
    server = root / DECAP_SERVER
    if not server.is_file():
        print(messages.EDIT_WITHOUT_DECAP_SERVER)
        return 2
    regions = region_folders(root)
    if region is not None and region not in regions:
        print(messages.edit_region_unknown(region, regions))
        return 2
    preview_region = region or regions[0]
    decap_env = {
        **os.environ,
        "MODE": "git",
        "BIND_HOST": "127.0.0.1",
        "PORT": str(LOCAL_PORT),
        "GIT_REPO_DIRECTORY": str(root),
        "LOG_LEVEL": "warn",
    }
    preview_env = {
        **os.environ,
        "KOMPETANSEBROEN_REGION": preview_region,
        "KOMPETANSEBROEN_EDITOR": "" if region else "felles",
        "NO_MKDOCS_2_WARNING": "1",
    }
    children = [
        subprocess.Popen([str(server)], cwd=root, env=decap_env, start_new_session=True),
        subprocess.Popen(
            [python, "-m", "kompetansebroen.preview", "--region", preview_region, "--port", str(port)],
            cwd=root,
            env=preview_env,
            start_new_session=True,
        ),
    ]
    what = messages.edit_region(preview_region) if region else messages.edit_shared_content(preview_region)
    print(messages.edit_started(what, port), flush=True)
    try:
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for child in children:
            _stop(child)
    return 0


def edit_main() -> None:
    parser = argparse.ArgumentParser(description="Redigering i nettleseren: decap-server og forhåndsvisning")
    parser.add_argument("--region", default="", help="området som redigeres (tomt: felles innhold)")
    parser.add_argument("--port", type=int, default=8000, help="forhåndsvisningens port på 127.0.0.1")
    arguments = parser.parse_args()
    sys.exit(edit(Path.cwd(), arguments.region or None, arguments.port, sys.executable))
