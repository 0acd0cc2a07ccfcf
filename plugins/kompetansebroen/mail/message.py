"""The ``.eml``: both editions as one ``multipart/alternative`` message, byte for byte the same every build.

Python's ``email`` package writes it. What it would otherwise take from the
clock or chance is derived from the content: the boundary and the
Message-ID from a hash of the two parts, the Date from the issue's
publication time.
"""

from __future__ import annotations

import hashlib
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

from .issue import MailIssue


def message(issue: MailIssue, html: str, text: str) -> bytes:
    """The message with Subject, From (when the region gives an address), Date and List-Unsubscribe."""
    digest = hashlib.sha256(f"{issue.web_url}\n{text}\n{html}".encode()).hexdigest()
    mail = EmailMessage(policy=SMTP)
    # One line each: a line break in a header would start another header.
    mail["Subject"] = _one_line(issue.title)
    sender = _sender(issue)
    if sender is not None:
        mail["From"] = sender
    mail["Date"] = format_datetime(issue.published_at)
    mail["Message-ID"] = f"<{digest[:32]}@{issue.message_domain}>"
    if issue.unsubscribe:
        mail["List-Unsubscribe"] = f"<{issue.unsubscribe}>"
    mail["List-Archive"] = f"<{issue.archive_url}>"
    # base64: the HTML's lines are longer than mail allows unencoded, and Python's quoted-printable
    # encoder, written in Python, took ten times as long as the rest of the edition.
    mail.set_content(text, subtype="plain", charset="utf-8", cte="base64")
    mail.add_alternative(html, subtype="html", charset="utf-8", cte="base64")
    # After the parts: set_content() drops the Content-* headers it finds.
    mail["Content-Language"] = "nb"
    mail.set_boundary(f"=_kompetansebroen_{digest[32:56]}")
    return mail.as_bytes()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _sender(issue: MailIssue) -> Address | None:
    """The From address, when the region's address is one a mail header can carry.

    ``region.yml`` accepts any ``x@y.z`` as ``contact.email``, since the site only
    shows and links it; an address that mail's own syntax refuses gives no From,
    and the mail service or program sets its own.
    """
    if not issue.sender:
        return None
    try:
        return Address(display_name=_one_line(issue.from_name), addr_spec=issue.sender)
    except (ValueError, HeaderParseError):
        return None
