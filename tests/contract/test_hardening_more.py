"""What an editor's odd text, an operator's mistake or a damaged cache does to a build: no harm.

Editors' text that looks like the build's own markers stays text; addresses
keep every character; a site folder the build may not change, or something in
the way of its lock or staging folder, is one Norwegian message before
anything is built; and a damaged cache only costs time.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest

from tests.support.builds import BUILD, CHECK, ColdBuilds, Run, finish, run, start
from tests.support.processes import region_workers, running
from tests.support.repos import edit
from tests.support.trees import differences, tree_of

pytestmark = pytest.mark.slow  # every test here runs mkdocs build as a subprocess

A = "content/artikler/forste-artikkel.md"
G = "content/styrende-dokumenter/plan.md"
REGIONS = ("nord", "sor")


def built(repo: Path) -> Run:
    build = run(BUILD, repo)
    assert build.returncode == 0, build.output
    assert "Traceback" not in build.output, build.output
    return build


def page(repo: Path, region: str, rel: str) -> str:
    return (repo / "site" / region / rel / "index.html").read_text(encoding="utf-8")


# -- editors' text ----------------------------------------------------------------------


def test_slot_tokens_in_a_body_are_text_and_every_part_stays_in_place(repo: Path) -> None:
    """``<!--kb-slot:footer-->`` in a body once moved the footer into the text of every copy."""
    edit(
        repo,
        A,
        "Innledning til artikkelen.",
        "Innledning <!--kb-slot:footer--> med `<!--kb-slot:footer-->` og kb-slot:canonical-url.",
    )
    built(repo)
    for region in REGIONS:
        html = page(repo, region, "artikler/forste-artikkel")
        start = html.index("<p>Innledning")
        body = html[start : html.index("</p>", start)]
        assert "kb-footer" not in body and "https://" not in body, body
        assert "<code>&lt;!--kb-slot&#58;footer--&gt;</code>" in body, body
        assert "kb-slot&#58;canonical-url." in body, body
        assert html.count('class="md-copyright kb-footer"') == 1
        assert html.index("</article>") < html.index('class="md-copyright kb-footer"')
        canonical = f'<link rel="canonical" href="https://kompetansebroen.example/{region}/artikler/forste-artikkel/">'
        assert canonical in html
        assert "kb-slot:" not in html


def test_a_quote_in_a_governing_documents_url_stays_in_the_link(repo: Path) -> None:
    edit(repo, G, 'id2678667/"', 'id2678667/?side=\\"2\\""')
    built(repo)
    expected = 'href="https://www.regjeringen.no/no/dokumenter/meld.-st.-7-20192020/id2678667/?side=%222%22"'
    for region in REGIONS:
        for rel in ("styrende-dokumenter/plan", "styrende-dokumenter"):
            html = page(repo, region, rel)
            assert expected in html, rel
            assert not re.search(r'href="[^"]*\?side="', html), rel


# -- operators' mistakes ------------------------------------------------------------------


def as_an_ordinary_user(command: list[str]) -> list[str]:
    """``command`` run without the superuser's right to write anywhere, when the tests run as root.

    Root without capabilities is held to the permission bits like any owner
    (util-linux's setpriv empties the bounding set before the command starts).
    """
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    assert setpriv is not None, "setpriv (util-linux) is needed to test a read-only folder as root"
    return [setpriv, "--bounding-set=-all", "--inh-caps=-all", *command]


def test_a_site_folder_the_build_may_not_change_is_one_message_before_the_build(repo: Path) -> None:
    read_only = repo / "site/nord"
    read_only.chmod(0o555)
    before = tree_of(repo / "site")
    try:
        build = run(as_an_ordinary_user(BUILD), repo)
    finally:
        read_only.chmod(0o755)
    assert build.returncode != 0, build.output
    assert "Traceback" not in build.output, build.output
    assert (
        "site/nord: mappen er skrivebeskyttet, så bygget kan ikke bytte ut det publiserte nettstedet"
        in build.output
    ), build.output
    assert "Nettstedet er publisert" not in build.output
    assert not differences(before, tree_of(repo / "site"))
    assert sorted(p.name for p in repo.iterdir() if p.name.startswith(".site") and p.is_dir()) == []


def test_a_folder_where_the_lock_file_belongs_is_one_message(repo: Path) -> None:
    before = tree_of(repo / "site")
    (repo / ".site.lock").unlink(missing_ok=True)
    (repo / ".site.lock" / "x").mkdir(parents=True)
    build = run(BUILD, repo)
    assert build.returncode != 0, build.output
    assert "Traceback" not in build.output, build.output
    assert (
        ".site.lock: låsefilen som hindrer to bygg samtidig kan ikke åpnes (det er en mappe)" in build.output
    )
    assert not differences(before, tree_of(repo / "site"))


def test_files_left_where_the_build_stages_and_swaps_are_cleared(repo: Path) -> None:
    """A file at .site.building or .site.old (a build that died, a careless copy) is no obstacle."""
    (repo / ".site.building").write_text("rest\n", encoding="utf-8")
    (repo / ".site.old").write_text("rest\n", encoding="utf-8")
    edit(repo, A, "Innledning til artikkelen.", "Ny innledning.")
    built(repo)
    assert "Ny innledning." in page(repo, "nord", "artikler/forste-artikkel")
    assert sorted(p.name for p in repo.iterdir() if p.name.startswith(".site.")) == [".site.lock"]


def test_a_region_built_alone_into_a_site_folder_not_made_yet_is_published(repo: Path) -> None:
    """The check for a folder the build may not change looks at what exists: site/ is made at the swap."""
    shutil.rmtree(repo / "site")
    build = run(BUILD, repo, {"KOMPETANSEBROEN_REGION": "sor"})
    assert build.returncode == 0, build.output
    assert (repo / "site/sor/index.html").is_file()
    assert sorted(p.name for p in (repo / "site").iterdir()) == ["sor"]


# -- a damaged cache ----------------------------------------------------------------------


def _damage_the_cache_file(repo: Path) -> None:
    cache = repo / ".cache/kompetansebroen/cache.sqlite"
    assert cache.is_file()
    cache.write_bytes(os.urandom(64 * 1024))


def _damage_the_pages_of_the_database(repo: Path) -> None:
    """A database whose header is whole but whose pages are not: «database disk image is malformed»."""
    cache = repo / ".cache/kompetansebroen/cache.sqlite"
    data = cache.read_bytes()
    assert len(data) > 2 * 4096
    cache.write_bytes(data[:4096] + os.urandom(len(data) - 4096))


def _damage_the_json_entries(repo: Path) -> None:
    """Every entry kept as JSON (renderings of Markdown, shared pages' renderings, region states) cut short."""
    with closing(sqlite3.connect(repo / ".cache/kompetansebroen/cache.sqlite")) as database:
        for table in ("rendered_markdown", "page_shells", "region_state"):
            assert database.execute(f"UPDATE {table} SET value = ?", ('{"content": ',)).rowcount > 0, table
        database.commit()


def _cache_folder_is_a_file(repo: Path) -> None:
    shutil.rmtree(repo / ".cache")
    (repo / ".cache").write_text("ikke en mappe\n", encoding="utf-8")


@pytest.mark.parametrize(
    "damage",
    [
        _damage_the_cache_file,
        _damage_the_pages_of_the_database,
        _damage_the_json_entries,
        _cache_folder_is_a_file,
    ],
    ids=["bytes", "malformed", "json", "file"],
)
def test_a_damaged_cache_only_costs_time(repo: Path, damage: object, cold_builds: ColdBuilds) -> None:
    edit(repo, A, "Innledning til artikkelen.", "Ny innledning.")
    damage(repo)  # type: ignore[operator]
    build = built(repo)
    assert "DatabaseError" not in build.output, build.output
    notes = [line for line in build.output.splitlines() if "mellomlageret" in line]
    assert len(notes) <= 1, build.output  # one note, not one per region or table
    check = run(CHECK, repo)
    assert check.returncode == 0 and "Traceback" not in check.output, check.output
    assert not differences(cold_builds.tree(repo), tree_of(repo / "site"))


# -- Ctrl-C -------------------------------------------------------------------------------


def test_ctrl_c_stops_the_build_and_its_workers_and_publishes_nothing(
    tmp_path: Path, cold_builds: ColdBuilds
) -> None:
    """Ctrl-C once built the remaining regions before stopping; now it stops at once."""
    # The sample, built: enough pages for the workers to be seen at work.
    repo = cold_builds.copy(tmp_path / "repo")
    published = tree_of(repo / "site")
    shutil.rmtree(repo / ".cache")  # a cold build: the workers have work to do

    build = start([*BUILD, "-d", str(repo / "site")], repo)
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while not workers and build.poll() is None and time.monotonic() < deadline:
        workers = region_workers(build.pid)
        if not workers:
            time.sleep(0.05)
    assert workers, "the build finished before its workers could be seen"
    # Held still while Ctrl-C is sent, so that it lands while the workers are at work: on a busy
    # machine the build could otherwise finish between the look above and the signal.
    os.kill(build.pid, signal.SIGSTOP)
    try:
        assert build.poll() is None, "the build finished before it could be interrupted"
        assert any(running(pid) for pid in workers), "the workers finished before the build was interrupted"
        build.send_signal(signal.SIGINT)
    finally:
        if build.returncode is None:
            os.kill(build.pid, signal.SIGCONT)
    stopped = time.monotonic()
    result = finish(build, timeout=60)

    assert time.monotonic() - stopped < 30, result.output
    assert result.returncode != 0, result.output
    assert "Traceback" not in result.output, result.output
    assert "Nettstedet er publisert" not in result.output
    deadline = time.monotonic() + 20
    while any(running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in workers if running(pid)] == []
    assert not differences(published, tree_of(repo / "site"))
    assert sorted(p.name for p in repo.iterdir() if p.name.startswith(".site") and p.is_dir()) == []
