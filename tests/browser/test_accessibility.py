"""axe-core on what the page-type sweep cannot see: the region selector's menu, open over the page.

Every page type in both colour schemes is checked by axe in ``test_nginx_policy.py``, served as it
is published (nginx, the production headers and the strict CSP), so one sweep proves both.
"""

from __future__ import annotations

import pytest
from kb_browser import (
    PAGE_TYPES,
    SCHEMES,
    axe_violations,
    describe_violations,
    open_page,
    switch_color_scheme,
)

pytestmark = pytest.mark.browser


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
