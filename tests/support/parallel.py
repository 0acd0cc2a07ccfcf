"""How the suite is shared out between pytest-xdist's workers: which tests stay together, and in what order.

``make test`` runs the suite on two workers with ``--dist loadgroup``: every test file is one
group, so a fixture that builds or serves a site for one module is made once, on one worker.
Files that use the same fixed port run in one group, one after the other. The files that take
longest go first, so that no long file starts when the other worker has nothing left to do.
"""

from __future__ import annotations

DECAP_SERVER_PORT = "decap-server-port"
"""The group of the files that start decap-server on make edit's fixed port (editor/backend.py)."""

SHARED_GROUPS: dict[str, str] = {
    "tests/browser/test_nginx_policy.py": DECAP_SERVER_PORT,
    "tests/integration/test_edit_session.py": DECAP_SERVER_PORT,
}
"""Files that must not run at the same time as each other: they run in one group."""

LONGEST_FIRST: tuple[str, ...] = (
    "tests/browser/test_editor_round_trip.py",
    "tests/integration/test_caches.py",
    "tests/contract/test_hardening_more.py",
    "tests/browser/test_nginx_policy.py",
    "tests/integration/test_stamping.py",
    "tests/integration/test_unchanged_builds.py",
    "tests/contract/test_calendar_versions.py",
    "tests/browser/test_responsive.py",
    "tests/integration/test_properdocs.py",
    "tests/integration/test_concurrent_builds.py",
    "tests/contract/test_reproducible.py",
    "tests/browser/test_privacy.py",
)
"""The files that take longest (``--durations`` of a whole run), longest first; every other file follows
them in the order pytest collects it."""


def group_of(path: str) -> str:
    """The xdist group of the test file ``path`` (relative to the repository, with ``/``)."""
    return SHARED_GROUPS.get(path, path)


def rank_of(path: str) -> int:
    """Where the file ``path`` starts: the long files by their place in ``LONGEST_FIRST``, then the rest."""
    return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)
