"""The section navigation every region's pages show: the home page, each type's list page, hub and topics.

It lists only sections, so it does not grow with the content.
"""

from __future__ import annotations

from ..content_types.registry import with_list_page
from . import learning_pages, paths


def section_nav() -> list[dict[str, str]]:
    """MkDocs' ``nav``: title → tree path, in the order the content types are declared."""
    types = [
        {declared.nav_title: declared.list_page.path}
        for declared in with_list_page()
        if declared.nav_title and declared.list_page
    ]
    return [
        {"Forside": paths.HOME},
        *types,
        {learning_pages.CATALOGUE_TITLE: learning_pages.CATALOGUE},
        {paths.HELSEFELLESSKAP_TOPIC: paths.HELSEFELLESSKAP},
        {"Tema": paths.TOPICS},
    ]
