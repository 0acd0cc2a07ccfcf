"""Regions: the health areas that each get a complete site of their own."""

from __future__ import annotations

import re
from dataclasses import dataclass

REGION_ID = re.compile(r"^[a-z][a-z0-9-]*\Z")


@dataclass(frozen=True)
class Contact:
    email: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Region:
    """One area, discovered from ``regions/<id>/region.yml``."""

    id: str
    name: str
    hospital: str
    municipalities: int | None = None
    description: str | None = None
    contact: Contact = Contact()
    newsletter_signup_url: str | None = None
    """The region's sign-up page at its mail service (https); None: readers follow the feeds."""
    newsletter_unsubscribe: str | None = None
    """``mailto:`` or ``https:``; the e-mail edition's ``List-Unsubscribe``."""
