"""The last step of a build of every region: what the root needs once every region is finished.

The regions precompress their own folders in their workers (region_output.py), and read
their pages' inline scripts there;
this writes the redirect pages for the pages' old addresses (``aliases:``), precompresses the root's
files, and writes the list of old addresses and the nginx configuration to
``deploy/`` beside the published site, with the published folder as nginx's
root. The configuration is read from the staging folder, which is swapped in
whole: the site and its configuration (with the CSP's script hashes) belong
to the same build.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from ...project.loader import Project
from ...stage_times import COMPRESSION, CSP_SCAN, stage
from . import nginx_config, old_addresses
from .built_site import read_site
from .content_policy import ScannedFolders, file_script_hashes
from .old_addresses import OldAddress
from .precompress import precompress_tree


def old_addresses_of(project: Project) -> list[OldAddress]:
    """Every page's ``aliases:`` (checked when the project was loaded), each leading to its page
    in the regions that show it."""
    return [OldAddress(alias.path, alias.target, alias.regions, alias.title) for alias in project.aliases()]


def finish_root(
    staging: Path,
    published: Path,
    old: Iterable[OldAddress] = (),
    region_names: Mapping[str, str] | None = None,
    scanned: ScannedFolders | None = None,
) -> Path:
    """Redirect pages, the root's ``.gz`` files, ``deploy/gamle-adresser.json`` and the nginx configuration.

    Returns the configuration's path. ``published`` is where the build's site
    will be (``site/``), ``staging`` where it is now. ``scanned``: the inline
    scripts of the region folders, read by their workers; the redirect pages
    written here into those folders are read here.
    """
    checked = old_addresses.checked(old)
    redirects = old_addresses.write_redirect_pages(staging, checked, region_names)
    if scanned is not None:
        scanned = ScannedFolders(scanned.folders, scanned.hashes | file_script_hashes(redirects))
    site = read_site(staging)
    with stage(COMPRESSION):
        precompress_tree(staging, skip=site.region_ids, reuse_from=published if published.is_dir() else None)
    deploy = nginx_config.deploy_dir(published)
    old_addresses.save(deploy / nginx_config.OLD_ADDRESSES_NAME, checked)
    options = nginx_config.ServerOptions(root=published.resolve())
    with stage(CSP_SCAN):  # every page not read yet, for its inline scripts
        return nginx_config.write(site, deploy / nginx_config.CONFIG_NAME, options, checked, scanned)
