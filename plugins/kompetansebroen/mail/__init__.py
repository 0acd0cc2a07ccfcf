"""A newsletter issue's e-mail edition: ``epost.html``, ``epost.txt`` and ``nyhetsbrev.eml``.

Plain Python over plain values (:class:`MailIssue`); the output layer gathers
those for each issue of a region and writes the files beside the issue's page.
"""

from __future__ import annotations

from .fingerprint import edition_fingerprint
from .html_edition import html_edition
from .issue import EDITION_FILES, HTML_FILE, MESSAGE_FILE, TEXT_FILE, MailEdition, MailIssue
from .message import message
from .text_edition import text_edition

__all__ = [
    "EDITION_FILES",
    "HTML_FILE",
    "MESSAGE_FILE",
    "TEXT_FILE",
    "MailEdition",
    "MailIssue",
    "edition_fingerprint",
    "email_edition",
]


def email_edition(issue: MailIssue) -> MailEdition:
    """All three files of one issue in one region."""
    html = html_edition(issue)
    text = text_edition(issue)
    return MailEdition(html, text, message(issue, html, text))
