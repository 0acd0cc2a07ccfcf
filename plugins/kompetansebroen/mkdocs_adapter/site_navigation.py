"""Material's site navigation, rendered once for all the pages that show it alike.

Material renders its navigation (``partials/nav.html``: every section, with
its links, labels and toggles) anew for every page, a tenth of the page
template's time. Two pages of one region build show the same navigation HTML
when they agree on everything it reads of the page: the address of each entry
as seen from the page (the links are relative), which entries are active and
which one, if any, is the page itself, and, for a page in the navigation, its
table of contents (Material prints it under the page's entry). All articles
of a folder agree on all of it.

The theme's ``partials/nav.html`` wraps Material's own file in
``{% call kb_site_navigation(page, nav, config) %}``; :class:`SiteNavigation`
keeps each rendering by that key (:func:`navigation_key`) for one build.
The first renderings taken from it for each key are checked against the
page's own rendering, and a difference (a theme or a navigation that reads
something the key leaves out) ends the reuse for the rest of the build, so
a page never shows another page's navigation.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import normalize_url

log = logging.getLogger(__name__)

VERIFIED_RENDERINGS = 2
"""Renderings taken from the store that are checked against rendering for the page alone, per key."""


def _toc_key(anchors: Iterable[AnchorLink]) -> tuple[Any, ...]:
    return tuple((a.title, a.url, a.level, _toc_key(a.children)) for a in anchors)


def navigation_key(page: Any, nav: Any, config: Any) -> tuple[Any, ...]:
    """Everything of ``page`` that Material's navigation prints, in a form two pages can share."""
    entries: list[tuple[str | None, bool, bool, bool]] = []
    is_page = False

    def walk(items: Iterable[Any]) -> None:
        nonlocal is_page
        for item in items:
            url = getattr(item, "url", None)
            this = item == page
            is_page = is_page or this
            # An entry that lists pages (Material's blog views) shows the page in its place if it is one.
            listed = getattr(item, "pages", None) or ()
            address = normalize_url(url, page) if url is not None else None
            entries.append((address, bool(item.active), this, page in listed))
            walk(getattr(item, "children", None) or ())

    walk(nav.items)
    homepage = config.extra.get("homepage") or (nav.homepage.url if nav.homepage else None)
    logo = config.theme.get("logo")
    return (
        tuple(entries),
        normalize_url(homepage, page) if homepage else None,
        normalize_url(logo, page) if logo else None,
        _toc_key(page.toc) if is_page else None,
    )


class SiteNavigation:
    """Renderings of the site navigation by :func:`navigation_key`, for one region build.

    Called from the theme with the template's own rendering as ``caller``, which runs only when
    the navigation is not kept yet or a kept one is being checked.
    """

    def __init__(self) -> None:
        self.kept: dict[tuple[Any, ...], tuple[str, int]] = {}
        """Each key's rendering, and how many of its reuses are still to be checked."""
        self.reusing = True
        self.reused = 0

    def __call__(self, page: Any, nav: Any, config: Any, caller: Callable[[], str]) -> Markup:
        if page is None or nav is None or not self.reusing:
            return Markup(caller())
        key = navigation_key(page, nav, config)
        if key not in self.kept:
            rendered = caller()
            self.kept[key] = (rendered, VERIFIED_RENDERINGS)
            return Markup(rendered)
        kept, checks_left = self.kept[key]
        if checks_left > 0:
            rendered = caller()
            if rendered != kept:  # the key misses something this theme prints
                log.debug(f"{page.url}: the site navigation differs from a kept one; rendered for every page")
                self.reusing = False
                self.kept.clear()
            else:
                self.kept[key] = (kept, checks_left - 1)
            return Markup(rendered)
        self.reused += 1
        return Markup(kept)
