"""What a page of each type shows under its heading (its ``ContentType.facts``), as Markdown.

The topics are added after these by the page, the same for every type.
"""

from __future__ import annotations

import datetime as dt
import html
from urllib.parse import quote

from ..model.documents import Document
from ..text.dates import norwegian_date
from ..text.event_times import day_and_time
from ..text.markdown import markdown_text as text
from ..text.markdown import markdown_url
from ..text.urls import page_url, relative_url
from .spec import PageFacts


def published_facts(doc: Document) -> list[str]:
    """«Publisert 30. juni 2020 kl. 11.41» and, when revised, «Sist oppdatert 2. juli 2020»."""
    facts = [f"Publisert {day_and_time(doc.published)}"] if doc.published else []
    if doc.updated:
        facts.append(f"Sist oppdatert {day_and_time(doc.updated)}")
    return facts


def figure(doc: Document) -> str:
    """The page's photo as HTML: ``<figure>`` with the image and its caption and credit, all escaped.

    HTML, since Markdown has no figure; the image's address is worked out here
    from the page's (the same in every region), and the loader checks the file.
    """
    photo = doc.photo
    if photo is None:
        return ""
    src = quote(relative_url(page_url(doc.path), photo.site_path), safe="/")
    caption = photo.caption_line
    parts = [
        '<figure class="kb-figure">',
        f'<img src="{html.escape(src)}" alt="{html.escape(photo.alt)}">',
    ]
    if caption:
        parts.append(f"<figcaption>{html.escape(caption, quote=False)}</figcaption>")
    parts.append("</figure>")
    return "\n".join(parts)


def article_facts(doc: Document, today: dt.date) -> PageFacts:
    """«Publisert 15. november 2019 kl. 11.41 · Sist oppdatert … · Av Redaksjonen», then the article's photo."""
    facts = published_facts(doc)
    if doc.meta.get("authors"):
        facts.append("Av " + ", ".join(text(author) for author in doc.meta["authors"]))
    return PageFacts(facts, figure(doc))


def newsletter_facts(doc: Document, today: dt.date) -> PageFacts:
    """«Publisert 15. mai 2024», with the time and «Sist oppdatert …» when given."""
    return PageFacts(published_facts(doc))


def governing_facts(doc: Document, today: dt.date) -> PageFacts:
    """«Datert …», who issued it and its status, then a button to the document itself."""
    governing = doc.governing
    facts = [f"Datert {norwegian_date(doc.date)}"] if doc.date else []
    facts += [f"Utgitt av {text(governing.issuer)}", f"Status: {governing.status.value}"]
    return PageFacts(
        facts, f"[Åpne dokumentet]({markdown_url(governing.url or governing.file or '')}){{ .md-button }}"
    )


def governing_item_facts(doc: Document) -> list[str]:
    """Who issued it, after its date in a list: «1. mars 2024 · Helse- og omsorgsdepartementet»."""
    return [doc.governing.issuer]


CANCELLED_NOTICE = (
    '<p class="kb-event-cancelled"><strong>Avlyst</strong> – arrangementet blir ikke holdt.</p>'
)
"""What a cancelled event's page says above its facts (the browser editor's preview says it too)."""

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
        rows.append(("Påmeldingsfrist", norwegian_date(event.registration_deadline)))
    if event.contact:
        address = html.escape(event.contact)
        rows.append(("Kontakt", f'<a href="mailto:{address}">{address}</a>'))
    parts = []
    if event.cancelled:
        parts.append(CANCELLED_NOTICE)
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
