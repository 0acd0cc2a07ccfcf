"""The built sample site as it is published: a precompressed copy served by the real nginx.

Shared by tests/integration/test_nginx.py and the browser suite's nginx tests.
The old addresses are the ones the build wrote to ``deploy/gamle-adresser.json``
from the sample pages' ``aliases:`` (the constants below name them). nginx
comes from Debian (``make nginx``); a missing nginx fails the tests with that
instruction, it never skips them.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from kompetansebroen.output.publishing import local_nginx, nginx_config, old_addresses
from kompetansebroen.output.publishing.old_addresses import OldAddress
from kompetansebroen.output.publishing.precompress import precompress_tree

SHARED_ARTICLE = "artikler/hva-er-et-helsefellesskap/"
INNLANDET_ARTICLE = "artikler/samarbeidsmodell-innlandet/"
LIMITED_ARTICLE = "artikler/teknologi-og-gevinstdeling/"
OLD_SHARED = "/article/hva-er-et-helsefellesskap"
OLD_INNLANDET = "/article/samarbeidsmodell"
OLD_LIMITED = "/article/teknologi-og-gevinstdeling"
"""The sample's old addresses (``aliases:``): a shared article, Innlandet's own, and one only Ahus and
Vestfold have (``regions:``)."""


def old_addresses_of(site_dir: Path) -> list[OldAddress]:
    """The old addresses the build wrote beside ``site_dir``."""
    return old_addresses.load(nginx_config.deploy_dir(site_dir) / nginx_config.OLD_ADDRESSES_NAME)


def published_copy(built_site: Path, target: Path) -> Path:
    """A copy of the built site with its ``.gz`` files and its old addresses, as the build publishes it."""
    shutil.copytree(built_site, target)
    precompress_tree(target)
    written = nginx_config.deploy_dir(built_site) / nginx_config.OLD_ADDRESSES_NAME
    copied = nginx_config.deploy_dir(target) / nginx_config.OLD_ADDRESSES_NAME
    copied.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(written, copied)
    return target


@contextmanager
def nginx_serving(site_dir: Path) -> Iterator[local_nginx.LocalNginx]:
    """nginx with the generated configuration on a free 127.0.0.1 port, stopped afterwards."""
    try:
        local_nginx.nginx_binary()
    except local_nginx.NginxError as error:
        pytest.fail(str(error))
    with local_nginx.running(site_dir, old_addresses=old_addresses_of(site_dir)) as server:
        yield server
