"""What an issue's e-mail edition is made of: plain values, every address already absolute."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

HTML_FILE = "epost.html"
TEXT_FILE = "epost.txt"
MESSAGE_FILE = "nyhetsbrev.eml"
EDITION_FILES = (HTML_FILE, TEXT_FILE, MESSAGE_FILE)
"""Written beside the issue's page, in its folder (``nyhetsbrev/<fil>/``)."""


@dataclass(frozen=True)
class MailIssue:
    """One newsletter issue in one region, as its e-mail edition needs it."""

    site_name: str
    """The logo text, «Kompetansebroen»."""
    region_name: str
    title: str
    """Plain text; becomes the Subject."""
    description: str
    """Plain text; the hidden preheader that mail programs show after the Subject."""
    published_at: dt.datetime
    """An aware datetime: the Date header, and the date the edition shows («22. mai 2024»)."""
    web_url: str
    """The issue's page (``https://…/innlandet/nyhetsbrev/2024-05-nyhetsbrev/``)."""
    archive_url: str
    rss_url: str
    atom_url: str
    body_html: str
    """The rendered issue with every link and image already absolute."""
    message_domain: str
    """The right-hand side of the Message-ID: the site's host."""
    sender: str | None = None
    """The region's address for From (``contact.email`` in ``region.yml``); None: no From header."""
    signup_url: str | None = None
    """The region's sign-up page at its mail service (https), shown in the footer when given."""
    unsubscribe: str | None = None
    """``mailto:`` or ``https:``; the ``List-Unsubscribe`` header and a footer link when given."""
    image_sizes: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    """Width and height in pixels of each image of the body, by its absolute address."""

    @property
    def from_name(self) -> str:
        """The sender's display name: «Kompetansebroen Innlandet»."""
        return f"{self.site_name} {self.region_name}"


@dataclass(frozen=True)
class MailEdition:
    """The three files of an issue's e-mail edition."""

    html: str
    text: str
    message: bytes
    """The ``.eml``: ``multipart/alternative`` with the text and the HTML."""

    def files(self) -> dict[str, bytes]:
        """Each file's name and bytes."""
        return {
            HTML_FILE: self.html.encode("utf-8"),
            TEXT_FILE: self.text.encode("utf-8"),
            MESSAGE_FILE: self.message,
        }
