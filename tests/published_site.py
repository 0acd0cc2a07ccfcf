"""The built sample site as it is published: a precompressed copy served by the real nginx.

Shared by tests/integration/test_nginx.py and the browser suite's nginx tests.
nginx comes from Debian (``make nginx``); a missing nginx fails the tests with
that instruction, it never skips them.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from kompetansebroen.output.publishing import local_nginx
from kompetansebroen.output.publishing.built_site import read_site
from kompetansebroen.output.publishing.old_addresses import OldAddress
from kompetansebroen.output.publishing.precompress import precompress_tree

SHARED_ARTICLE = "artikler/hva-er-et-helsefellesskap/"
INNLANDET_ARTICLE = "artikler/samarbeidsmodell-innlandet/"
OLD_SHARED = "/article/hva-er-et-helsefellesskap"
OLD_INNLANDET = "/article/samarbeidsmodell"


def published_copy(built_site: Path, target: Path) -> Path:
    """A copy of the built site with its ``.gz`` files, as the build will publish it."""
    shutil.copytree(built_site, target)
    precompress_tree(target)
    return target


def old_addresses(site_dir: Path) -> list[OldAddress]:
    """Two old addresses of the current Kompetansebroen: a shared article and one only Innlandet has."""
    site = read_site(site_dir)
    return [
        OldAddress(OLD_SHARED, SHARED_ARTICLE, tuple(site.regions_with(SHARED_ARTICLE))),
        OldAddress(OLD_INNLANDET, INNLANDET_ARTICLE, tuple(site.regions_with(INNLANDET_ARTICLE))),
    ]


@contextmanager
def nginx_serving(site_dir: Path) -> Iterator[local_nginx.LocalNginx]:
    """nginx with the generated configuration on a free 127.0.0.1 port, stopped afterwards."""
    try:
        local_nginx.nginx_binary()
    except local_nginx.NginxError as error:
        pytest.fail(str(error))
    with local_nginx.running(site_dir, old_addresses=old_addresses(site_dir)) as server:
        yield server
