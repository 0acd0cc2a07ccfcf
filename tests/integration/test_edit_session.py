"""``make edit``: decap-server and the live preview start together on 127.0.0.1 and stop on Ctrl-C."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from kompetansebroen.editor.backend import LOCAL_PORT

from tests.support.processes import as_in_a_terminal
from tests.support.repos import REPO, copy_repo

WAIT = 180.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def fetch(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


@pytest.mark.parametrize(("region", "tree"), [("innlandet", "regions/innlandet"), ("", "content")])
@pytest.mark.usefixtures("decap_port_held")  # test_nginx_policy.py's decap-server uses the same port
def test_make_edit_serves_the_editor_and_stops_both_on_ctrl_c(tmp_path: Path, region: str, tree: str) -> None:
    if not (REPO / "node_modules" / ".bin" / "decap-server").is_file():
        pytest.fail("decap-server mangler: kjør make site (npm ci) før testene")
    assert not listening(LOCAL_PORT), f"port {LOCAL_PORT} (decap-server) er opptatt før testen"
    repo = copy_repo(tmp_path / "repo")
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True, timeout=60)
    port = free_port()
    edit = shutil.which("kompetansebroen-edit", path=str(Path(sys.executable).parent))
    assert edit, "the console script is installed with the package"
    session = subprocess.Popen(
        [edit, "--region", region, "--port", str(port)],
        cwd=repo,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=as_in_a_terminal,  # noqa: PLW1509 - resets one signal's action, nothing more
    )
    try:
        deadline = time.monotonic() + WAIT
        ready = False
        while time.monotonic() < deadline and session.poll() is None and not ready:
            try:
                ready = fetch(f"http://127.0.0.1:{port}/admin/config.yml")[0] == 200 and listening(LOCAL_PORT)
            except OSError:
                time.sleep(0.5)
        assert ready, "the preview's /admin/ and decap-server did not both answer"
        _status, config = fetch(f"http://127.0.0.1:{port}/admin/config.yml")
        assert b"name: proxy" in config and f"folder: {tree}/artikler".encode() in config
        assert fetch(f"http://127.0.0.1:{port}/admin/decap/decap-cms.js")[0] == 200
        assert fetch(f"http://127.0.0.1:{port}/")[0] == 200, "the preview of the region"
        session.send_signal(signal.SIGINT)  # what Ctrl-C sends to the command in the terminal
        output, _ = session.communicate(timeout=30)
    finally:
        if session.poll() is None:
            session.kill()
            session.communicate(timeout=10)
    assert f"åpne http://127.0.0.1:{port}/admin/ i nettleseren" in output
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (listening(port) or listening(LOCAL_PORT)):
        time.sleep(0.2)
    assert not listening(port) and not listening(LOCAL_PORT), "both servers stopped"
