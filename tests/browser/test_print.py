"""Articles print as articles: no header, navigation or selector, and link targets written out."""

from __future__ import annotations

import pytest
from kb_browser import PAGE_TYPES, SCREENSHOTS_WANTED, open_page, screenshot_path

pytestmark = pytest.mark.browser


def test_article_prints_without_navigation_and_with_link_targets(page, base_url):
    open_page(page, base_url, PAGE_TYPES["article"])
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.kb-region', '.kb-related']
            .map(s => [s, document.querySelector(s)])
            .filter(([, el]) => el && getComputedStyle(el).display !== 'none')
            .map(([s]) => s)"""
    )
    assert hidden == [], f"visible when printed: {hidden}"
    assert page.locator("h1").first.is_visible()
    after = page.evaluate(
        """() => {
            const a = document.querySelector('.md-content a[href^="../"], .md-content a[href^="http"]');
            return a ? [a.getAttribute('href'), getComputedStyle(a, '::after').content] : null;
        }"""
    )
    assert after is not None, "the article should have a link to check"
    href, content = after
    assert href in content, f"a printed link should show its target {href!r}, ::after is {content!r}"
    if SCREENSHOTS_WANTED:  # the printed article, for a person to look at
        page.pdf(path=str(screenshot_path("article-print").with_suffix(".pdf")))
