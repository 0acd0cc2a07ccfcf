"""An event as schema.org ``Event`` in JSON-LD, for the ``<script type="application/ld+json">`` of its page.

Search engines read it to show the date, place and status of an event; the
values are the same as on the page and in the calendar files. The JSON text is
safe to put inside a ``<script>`` element: ``<``, ``>`` and ``&`` are written as
``\\u003c`` and so on, so no text from front matter can close the element.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from ..model.events import Event, EventFormat
from ..text.event_times import oslo

SCHEMA = "https://schema.org/"
ATTENDANCE_MODES = {
    EventFormat.PHYSICAL: SCHEMA + "OfflineEventAttendanceMode",
    EventFormat.DIGITAL: SCHEMA + "OnlineEventAttendanceMode",
    EventFormat.HYBRID: SCHEMA + "MixedEventAttendanceMode",
}
SCHEDULED = SCHEMA + "EventScheduled"
CANCELLED = SCHEMA + "EventCancelled"

# «Gratis», «1 500 kr», «kr 250», «350,-», «1.500 NOK»: a price search engines can read as a number.
_FREE = re.compile(r"^\s*(?:gratis|kostnadsfritt|0\s*(?:kr\.?|nok)?)\s*\Z", re.IGNORECASE)
_AMOUNT = re.compile(
    r"^\s*(?:(?:kr\.?|nok)\s*)?(?P<amount>\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:,-|,00)?\s*(?:kr\.?|nok)?\s*\Z",
    re.IGNORECASE,
)


def price_amount(price: str) -> str | None:
    """The price in whole kroner when the text is just a price (``1 500 kr`` → ``1500``, ``Gratis`` → ``0``)."""
    if _FREE.match(price):
        return "0"
    if found := _AMOUNT.match(price):
        return re.sub(r"\D", "", found["amount"])
    return None


def _moment(value: dt.date) -> str:
    """A day as ``2025-03-14``; a time in Norwegian time with its offset: ``2025-03-14T09:00+01:00``."""
    if isinstance(value, dt.datetime):
        return value.astimezone(oslo()).isoformat(timespec="minutes")
    return value.isoformat()


def event_json_ld_data(event: Event, page_url: str) -> dict[str, Any]:
    """The schema.org ``Event`` of ``event`` as a dict; ``page_url`` is the event page's absolute URL."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.description,
        "url": page_url,
        "inLanguage": "nb",
        "startDate": _moment(event.start),
    }
    if event.all_day:
        data["endDate"] = event.last_day.isoformat()
    elif event.end is not None:
        data["endDate"] = _moment(event.end)
    data["eventStatus"] = CANCELLED if event.cancelled else SCHEDULED
    data["eventAttendanceMode"] = ATTENDANCE_MODES[event.format]
    data["location"] = _location(event, page_url)
    organiser: dict[str, Any] = {"@type": "Organization", "name": event.organiser}
    if event.contact:
        organiser["email"] = event.contact
    data["organizer"] = organiser
    if offer := _offer(event):
        data["offers"] = offer
    if event.audience:
        data["audience"] = {"@type": "Audience", "audienceType": ", ".join(event.audience)}
    if event.tags:
        data["keywords"] = ", ".join(event.tags)
    return data


def event_json_ld(event: Event, page_url: str) -> str:
    """The JSON-LD text, ready to go between ``<script type="application/ld+json">`` and ``</script>``."""
    text = json.dumps(event_json_ld_data(event, page_url), ensure_ascii=False, indent=2)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _location(event: Event, page_url: str) -> dict[str, Any] | list[dict[str, Any]]:
    """A ``Place`` on site, a ``VirtualLocation`` online (its sign-up page, or the event page), or both."""
    online = {"@type": "VirtualLocation", "url": event.registration_url or page_url}
    if event.format is EventFormat.DIGITAL or not event.place:
        return online
    place = {"@type": "Place", "name": event.place, "address": event.place}
    return [place, online] if event.format is EventFormat.HYBRID else place


def _offer(event: Event) -> dict[str, Any] | None:
    """Sign-up and price as an ``Offer``, when the event has either."""
    if not event.registration_url and not event.price:
        return None
    offer: dict[str, Any] = {"@type": "Offer"}
    if event.registration_url:
        offer["url"] = event.registration_url
    if event.price:
        amount = price_amount(event.price)
        if amount is not None:
            offer["price"] = amount
            offer["priceCurrency"] = "NOK"
        else:
            offer["description"] = event.price
    if event.registration_deadline:
        offer["validThrough"] = event.registration_deadline.isoformat()
    return offer
