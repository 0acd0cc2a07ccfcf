"""The issue's rendered body as both editions start from it."""

from __future__ import annotations

import re

# The page's own heading and facts line («Publisert … · Tema: …»): the edition has its own head.
_PAGE_HEAD = re.compile(
    r'\A\s*<h1\b[^>]*>.*?</h1>\s*(?:<p class="kb-meta">.*?</p>\s*)?', re.DOTALL | re.IGNORECASE
)
# MkDocs' permalink anchors («¶») after headings mean nothing in a mail.
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)


def mail_body(html: str) -> str:
    """``html`` without the page's heading, facts line and permalink anchors."""
    return _HEADERLINK.sub("", _PAGE_HEAD.sub("", html, count=1))
