"""``kompetansebroen-serve`` (``make serve``): fresh pages after each save, equal to a clean build, problems
shown until mended, 127.0.0.1 only, and a clean stop on SIGTERM and SIGINT."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.support.repos import copy_repo

ARTICLE = "content/artikler/tilskudd-til-sekretariat.md"
PAGE = "artikler/tilskudd-til-sekretariat/"
LISTING = "artikler/"
SEARCH_INDEX = "search/search_index.json"
START_WAIT = 300.0
EDIT_WAIT = 60.0
STOP_WAIT = 20.0


def without_reload_script(page: bytes) -> bytes:
    """A served page as the build wrote it: the preview puts its reload script before ``</body>``."""
    return re.sub(rb"<script>\(function\(\)\{var v=\d+;.*?</script>", b"", page, count=1, flags=re.S)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def wait_for(
    url: str, marker: bytes, session: subprocess.Popen[str], timeout: float, status: int | None = None
) -> bytes:
    """The page at ``url`` once it holds ``marker`` (or answers with ``status``)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert session.poll() is None, "the preview stopped"
        try:
            code, body = fetch(url)
        except OSError:
            time.sleep(0.2)
            continue
        if (marker in body) if status is None else code == status:
            return body
        time.sleep(0.1)
    raise AssertionError(f"{url} did not show {marker!r} (status {status}) within {timeout:.0f} s")


def clean_build(repo: Path, port: int, into: Path) -> Path:
    """The region as a preview started now would build it from nothing (same address, drafts shown)."""
    script = (
        "import sys; from pathlib import Path; from kompetansebroen.preview import Preview;"
        "p = Preview(Path('.').resolve(), 'ahus', int(sys.argv[1]), Path(sys.argv[2])); p.rebuild();"
        "sys.exit(1 if p.problems else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(port), str(into)],
        cwd=repo,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return into


def start(repo: Path, port: int) -> subprocess.Popen[str]:
    serve = shutil.which("kompetansebroen-serve", path=str(Path(sys.executable).parent))
    assert serve, "the console script is installed with the package"
    return subprocess.Popen(
        [serve, "--region", "ahus", "--port", str(port)],
        cwd=repo,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def stop(session: subprocess.Popen[str], signum: int) -> str:
    session.send_signal(signum)
    try:
        output, _ = session.communicate(timeout=STOP_WAIT)
    finally:
        if session.poll() is None:
            session.kill()
            session.communicate(timeout=10)
    return output


def listening(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=1).close()
        return True
    except OSError:
        return False


def other_address() -> str | None:
    """An address of this machine that is not loopback, if it has one."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))  # no packet is sent for a UDP connect
            address = probe.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


def test_edits_show_fresh_pages_equal_to_a_clean_build_and_problems_until_mended(tmp_path: Path) -> None:
    repo = copy_repo(tmp_path / "repo")
    port = free_port()
    article = repo / ARTICLE
    original = article.read_text(encoding="utf-8")
    session = start(repo, port)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base + PAGE, b"</html>", session, START_WAIT)
        address = other_address()
        if address is not None:
            assert not listening(address, port), "the preview answers on 127.0.0.1 only"

        # A text edit.
        text_edit = original.replace("## Bakgrunn", "Målemerke for teksten.\n\n## Bakgrunn")
        article.write_text(text_edit, encoding="utf-8")
        served_text = wait_for(base + PAGE, "Målemerke for teksten.".encode(), session, EDIT_WAIT)

        # A title edit: the page and the listing show it.
        title_edit = text_edit.replace(
            'title: "Tilskudd til sekretariat for helsefellesskapene"', 'title: "Sekretariatene får tilskudd"'
        )
        article.write_text(title_edit, encoding="utf-8")
        served_title = wait_for(base + PAGE, "Sekretariatene får tilskudd".encode(), session, EDIT_WAIT)
        # The page is shown before the rebuild writes its search index; asked for at once, the index
        # waits for it, and is never the one from before the edit.
        index_status, index_at_once = fetch(base + SEARCH_INDEX)
        _status, served_listing = fetch(base + LISTING)
        assert "Sekretariatene får tilskudd".encode() in served_listing

        # Broken front matter: every page shows the problem, in the check's words.
        article.write_text(title_edit.replace("date: 2020-06-30", "date: 30.06.2020"), encoding="utf-8")
        problem = wait_for(base + PAGE, "Forhåndsvisningen kan ikke bygges".encode(), session, EDIT_WAIT)
        assert ARTICLE.encode() in problem and b"date" in problem
        assert fetch(base + PAGE)[0] == 500

        # Mended: the page again, fresh.
        article.write_text(title_edit, encoding="utf-8")
        mended = wait_for(base + PAGE, "Sekretariatene får tilskudd".encode(), session, EDIT_WAIT)
        assert fetch(base + PAGE)[0] == 200

        # A new page, then gone again.
        new = repo / "content/artikler/nytt-forum.md"
        new.write_text(
            '---\ntitle: "Et nytt samarbeidsforum"\ndate: 2024-11-01\n'
            'description: "Om et nytt forum."\ntags: [Samhandling]\n---\n\nTekst om forumet.\n',
            encoding="utf-8",
        )
        wait_for(base + "artikler/nytt-forum/", b"Tekst om forumet.", session, EDIT_WAIT)
        new.unlink()
        wait_for(base + "artikler/nytt-forum/", b"", session, EDIT_WAIT, status=404)
        _status, listing_after = fetch(base + LISTING)
    finally:
        output = stop(session, signal.SIGTERM)
    assert "Endret:" in output and ARTICLE in output, output[-3000:]
    assert "Forhåndsvisningen er stoppet." in output
    assert not listening("127.0.0.1", port)

    # What was served after the edits is what a clean build of the same content gives, byte for byte.
    clean = clean_build(repo, port, tmp_path / "clean")
    assert without_reload_script(mended) == (clean / PAGE / "index.html").read_bytes()
    assert without_reload_script(listing_after) == (clean / LISTING / "index.html").read_bytes()
    assert index_status == 200 and index_at_once == (clean / SEARCH_INDEX).read_bytes()
    assert served_text != served_title  # the marker shows the edits were seen one by one


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_the_preview_stops_cleanly_and_removes_its_output(tmp_path: Path, signum: int) -> None:
    repo = copy_repo(tmp_path / "repo")
    port = free_port()
    temp = tmp_path / "tmp"
    temp.mkdir()
    serve = shutil.which("kompetansebroen-serve", path=str(Path(sys.executable).parent))
    assert serve
    session = subprocess.Popen(
        [serve, "--region", "ahus", "--port", str(port)],
        cwd=repo,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(temp)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/", b"</html>", session, START_WAIT)
        assert list(temp.iterdir()), "the preview builds into a temporary folder"
    finally:
        output = stop(session, signum)
    assert session.returncode == 0, output[-3000:]
    assert not listening("127.0.0.1", port)
    assert list(temp.iterdir()) == [], "the temporary output is removed"
