"""axe-core finds no WCAG 2.0/2.1 A or AA violations on any page type, in the light or the dark scheme."""

from __future__ import annotations

import pytest
from kb_browser import (
    ALL_PAGES,
    PAGE_TYPES,
    SCHEMES,
    axe_violations,
    color_scheme,
    describe_violations,
    open_page,
    switch_color_scheme,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("page_type", list(ALL_PAGES))
def test_no_axe_violations(page, base_url, page_type, scheme):
    open_page(page, base_url, ALL_PAGES[page_type])
    switch_color_scheme(page, scheme)
    assert color_scheme(page) == scheme

    violations = axe_violations(page)

    assert not violations, (
        f"{len(violations)} axe violation(s) on {page_type} ({ALL_PAGES[page_type]}) in the {scheme} scheme:\n"
        + describe_violations(violations)
    )


@pytest.mark.parametrize("scheme", SCHEMES)
def test_open_region_selector_has_no_axe_violations(page, base_url, scheme):
    """The open menu is drawn over the page, so its links and notes are checked too."""
    open_page(page, base_url, PAGE_TYPES["region-only-article"])
    switch_color_scheme(page, scheme)
    page.locator("summary.kb-region__summary").click()
    menu = page.locator(".kb-region__menu")
    assert menu.is_visible()
    assert menu.locator(".kb-region__note").count() > 0, "the (forsiden) note should be on this page"

    violations = axe_violations(page)

    assert not violations, f"open selector, {scheme} scheme:\n" + describe_violations(violations)
