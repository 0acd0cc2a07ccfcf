"""The ``cms`` settings: which git service the browser editor saves to, read with Norwegian messages.

Without them the admin pages work in local mode only: Decap talks to
``decap-server`` on the editor's own machine (``make edit``), which commits to
the repository there. With them (production), Decap signs the editor in at
GitLab, Gitea or GitHub and saves there; ``editorial_workflow`` (the default)
makes each draft a merge request that CI checks before anyone merges.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .. import messages

BACKENDS = ("gitlab", "gitea", "github")
PUBLISH_MODES = ("editorial_workflow", "simple")
KEYS = ("backend", "repo", "branch", "api_url", "base_url", "app_id", "publish_mode")
LOCAL_PORT = 8081
"""Where ``make edit`` runs decap-server (its own default port), on 127.0.0.1 only."""
LOCAL_PROXY = f"http://127.0.0.1:{LOCAL_PORT}/api/v1"


class BackendError(ValueError):
    """The ``cms`` settings cannot be used; one line per problem, each naming the setting."""


@dataclass(frozen=True)
class Backend:
    """A git service the editor saves to: the production settings, or the local decap-server."""

    name: str
    repo: str = ""
    branch: str = "main"
    api_url: str = ""
    base_url: str = ""
    app_id: str = ""
    publish_mode: str = "editorial_workflow"

    @property
    def is_local(self) -> bool:
        return self.name == "proxy"

    def decap(self) -> dict[str, Any]:
        """Decap's ``backend`` block."""
        if self.is_local:
            return {"name": "proxy", "proxy_url": self.api_url, "branch": self.branch}
        block: dict[str, Any] = {"name": self.name, "repo": self.repo, "branch": self.branch}
        if self.api_url:
            block["api_root"] = self.api_url
        if self.base_url:
            block["base_url"] = self.base_url
        if self.app_id:
            block["app_id"] = self.app_id
            if self.name in ("gitlab", "gitea"):
                block["auth_type"] = "pkce"  # no secret in the browser: the OAuth app is public
        if self.name == "gitlab" and self.base_url:
            block["auth_endpoint"] = "oauth/authorize"
        return block

    def origins(self) -> tuple[str, ...]:
        """The hosts the admin page talks to besides its own (for its Content-Security-Policy)."""
        found = []
        for url in (self.api_url, self.base_url):
            if url:
                parts = urlsplit(url)
                found.append(f"{parts.scheme}://{parts.netloc}")
        if not self.is_local and not self.api_url:
            found.append(DEFAULT_API[self.name])
        return tuple(dict.fromkeys(found))


DEFAULT_API = {
    "gitlab": "https://gitlab.com",
    "github": "https://api.github.com",
    "gitea": "https://try.gitea.io",
}
"""Decap's API host for a backend without ``api_url``."""

LOCAL = Backend("proxy", api_url=LOCAL_PROXY, publish_mode="editorial_workflow")
"""decap-server on the editor's own machine (``make edit``)."""


def _https(name: str, value: str) -> str | None:
    if not re.fullmatch(r"https://[^\s/]+(/\S*)?", value):
        return messages.cms_not_https(name, value)
    return None


def read_backend(value: Mapping[str, Any] | None) -> Backend | None:
    """The ``cms`` block of mkdocs.yml as a :class:`Backend` (None: no block, local mode only)."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise BackendError(messages.CMS_NOT_SETTINGS)
    problems: list[str] = []
    for key in value:
        if key not in KEYS:
            problems.append(messages.cms_unknown_setting(key, KEYS))
    texts: dict[str, str] = {}
    for key in KEYS:
        raw = value.get(key)
        if raw is None:
            continue
        if not isinstance(raw, str) or not raw.strip():
            problems.append(messages.cms_not_text(key))
            continue
        texts[key] = raw.strip()
    backend = texts.get("backend")
    if backend is None:
        problems.append(messages.cms_backend_missing(BACKENDS))
    elif backend not in BACKENDS:
        problems.append(messages.cms_value_unknown("backend", backend, BACKENDS))
    repo = texts.get("repo")
    if repo is None:
        problems.append(messages.CMS_REPO_MISSING)
    elif not re.fullmatch(r"[\w.-]+(/[\w.-]+)+", repo):
        problems.append(messages.cms_repo_not_group_project(repo))
    for key in ("api_url", "base_url"):
        if key in texts and (problem := _https(key, texts[key])):
            problems.append(problem)
    mode = texts.get("publish_mode", "editorial_workflow")
    if mode not in PUBLISH_MODES:
        problems.append(messages.cms_value_unknown("publish_mode", mode, PUBLISH_MODES))
    if backend in ("gitlab", "gitea") and "app_id" not in texts:
        problems.append(messages.cms_app_id_missing(backend))
    if problems:
        raise BackendError("\n".join(problems))
    assert backend is not None and repo is not None
    return Backend(
        name=backend,
        repo=repo,
        branch=texts.get("branch", "main"),
        api_url=texts.get("api_url", ""),
        base_url=texts.get("base_url", ""),
        app_id=texts.get("app_id", ""),
        publish_mode=mode,
    )
