"""How the suite is shared out between pytest-xdist's workers: which tests stay together, and in what order.

``make test`` runs the suite on two workers with ``--dist loadfile``: a test file's tests run on
one worker, so a fixture that builds or serves a site for one module is made once. Files that use
the same fixed port hold one lock while they use it. The files that take
longest go first, so that no long file starts when the other worker has nothing left to do.
"""

from __future__ import annotations

DECAP_PORT_LOCK = "decap-server-port.lock"
"""The lock file, in the run's shared folder, that a test holds while it starts decap-server on make edit's
fixed port (editor/backend.py), so that the two files that do so never run at the same time."""

LONGEST_FIRST: tuple[str, ...] = (
    "tests/browser/test_editor_round_trip.py",
    "tests/browser/test_nginx_policy.py",
    "tests/integration/test_caches.py",
    "tests/browser/test_learning_pages.py",
    "tests/integration/test_stamping.py",
    "tests/integration/test_unchanged_builds.py",
    "tests/contract/test_bad_inputs.py",
    "tests/integration/test_properdocs.py",
    "tests/browser/test_responsive.py",
    "tests/browser/test_footer_and_feeds.py",
    "tests/browser/test_favourites.py",
    "tests/browser/test_events_page.py",
    "tests/browser/test_privacy.py",
)
"""The files that take longest (``--durations`` of a whole run), longest first; every other file follows
them in the order pytest collects it."""


def rank_of(path: str) -> int:
    """Where the file ``path`` starts: the long files by their place in ``LONGEST_FIRST``, then the rest."""
    return LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)
