"""Git commands at a chosen time, for tests of what the build reads from a repository's history."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path


def git(root: Path, *arguments: str, when: dt.datetime) -> None:
    """Run git in ``root`` as a fixed author and committer at ``when``, ignoring the machine's git settings."""
    stamp = f"{int(when.timestamp())} +0000"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Redaksjonen",
        "GIT_AUTHOR_EMAIL": "redaksjonen@eksempel.no",
        "GIT_COMMITTER_NAME": "Redaksjonen",
        "GIT_COMMITTER_EMAIL": "redaksjonen@eksempel.no",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    subprocess.run(["git", "-C", str(root), *arguments], env=env, check=True, capture_output=True, timeout=60)
