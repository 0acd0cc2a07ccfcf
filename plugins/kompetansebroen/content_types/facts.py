"""What a page of each type shows under its heading (its ``ContentType.facts``), as Markdown.

The topics are added after these by the page, the same for every type.
"""

from __future__ import annotations

import datetime as dt
import html

from ..model.documents import Document
from ..text.dates import norwegian_date
from ..text.event_times import short_date
from ..text.markdown import markdown_text as text
from ..text.markdown import markdown_url
from .spec import PageFacts


def article_facts(doc: Document, today: dt.date) -> PageFacts:
    """«Publisert 15. november 2019 · Av Redaksjonen», then the article's image."""
    facts = [f"Publisert {norwegian_date(doc.date)}"] if doc.date else []
    if doc.meta.get("authors"):
        facts.append("Av " + ", ".join(text(author) for author in doc.meta["authors"]))
    image = doc.meta.get("image")
    below = f"![{text(doc.meta.get('image_alt', ''))}]({markdown_url(image)})" if image else ""
    return PageFacts(facts, below)


def newsletter_facts(doc: Document, today: dt.date) -> PageFacts:
    """«Publisert 15. mai 2024»."""
    return PageFacts([f"Publisert {norwegian_date(doc.date)}"] if doc.date else [])


def governing_facts(doc: Document, today: dt.date) -> PageFacts:
    """«Datert …», who issued it and its status, then a button to the document itself."""
    governing = doc.governing
    facts = [f"Datert {norwegian_date(doc.date)}"] if doc.date else []
    facts += [f"Utgitt av {text(governing.issuer)}", f"Status: {governing.status.value}"]
    return PageFacts(
        facts, f"[Åpne dokumentet]({markdown_url(governing.url or governing.file or '')}){{ .md-button }}"
    )


CALENDAR_FILE = "kalender.ics"
"""Each event's calendar file, in its page's folder (``arrangementer/<navn>/kalender.ics``)."""


def event_facts(doc: Document, today: dt.date) -> PageFacts:
    """When, how, where, who and for whom; sign-up while it is open; the event's calendar file.

    HTML, since every value is editors' text to escape and the links point at
    files MkDocs does not know (the calendar file is written after the pages).
    The sign-up link carries when it closes, so that the page's script can
    close it when a reader comes after the build (``data-kb-until``).
    """
    event = doc.event
    rows = [("Tid", html.escape(event.when)), ("Format", html.escape(event.format.label))]
    if event.place:
        rows.append(("Sted", html.escape(event.place)))
    rows.append(("Arrangør", html.escape(event.organiser)))
    if event.audience:
        rows.append(("Målgruppe", html.escape(", ".join(event.audience))))
    if event.price:
        rows.append(("Pris", html.escape(event.price)))
    if event.registration_deadline:
        rows.append(("Påmeldingsfrist", short_date(event.registration_deadline)))
    if event.contact:
        address = html.escape(event.contact)
        rows.append(("Kontakt", f'<a href="mailto:{address}">{address}</a>'))
    parts = []
    if event.cancelled:
        parts.append(
            '<p class="kb-event-cancelled"><strong>Avlyst</strong> – arrangementet blir ikke holdt.</p>'
        )
    parts.append('<dl class="kb-event-facts">')
    parts += [f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows]
    parts.append("</dl>")
    actions = []
    if event.registration_url and not event.cancelled:
        closed = '<span class="kb-event-closed">Påmeldingen er stengt</span>'
        if event.registration_open(today):
            until = event.registration_closes_at.isoformat()
            actions.append(
                f'<a class="md-button md-button--primary kb-event-register" href="{html.escape(event.registration_url)}"'
                f' data-kb-until="{until}">Meld deg på</a>'
            )
            closed = closed.replace("<span ", "<span hidden ")
        actions.append(closed)
    actions.append(f'<a class="md-button kb-event-calendar" href="{CALENDAR_FILE}">Legg til i kalender</a>')
    parts.append(f'<p class="kb-event-actions">{" ".join(actions)}</p>')
    return PageFacts([], "\n".join(parts))
