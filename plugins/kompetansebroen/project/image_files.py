"""A page's photo (``image``) must be published with it, in the same tree.

The figure under an article's heading is HTML the build writes
(content_types/facts.py), so MkDocs does not see the image as a link it could
check; this check does it for ``make check`` and ``make site`` alike. A
region's page may use an image from ``content/``, as its links may; a shared
page only its own tree's, since it is the same page in every region. An image
on another host is refused: the sites request nothing from any other host.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import messages
from ..problems import Problems
from . import links
from .trees import Tree

EXAMPLE = "image: moete.jpg"
"""A file beside the page: where the web editor saves an upload and looks for a file it shows."""


def check_image_files(shared: Tree, regional: Mapping[str, Tree], problems: Problems) -> None:
    """Report every page whose ``image`` is not a file in its tree (or, for a region, in content/)."""
    for tree in [shared, *regional.values()]:
        available = set(tree.assets)
        if tree.origin is not None:
            available |= set(shared.assets)
        for doc in tree.docs.values():
            photo = doc.photo
            if photo is None:
                continue
            if links.has_scheme(photo.source):
                message = messages.image_is_address(photo.source, tree.name, EXAMPLE)
            elif photo.site_path in available:
                continue
            else:
                message = messages.image_file_missing(photo.source, tree.name, EXAMPLE)
            problems.add(
                tree.shown(doc.path), tree.field_lines.get(doc.path, {}).get("image"), "image", message
            )
