"""What a page of each type shows under its heading (its ``ContentType.facts``), as Markdown.

The topics are added after these by the page, the same for every type.
"""

from __future__ import annotations

import datetime as dt

from ..model.documents import Document
from ..text.dates import norwegian_date
from ..text.markdown import markdown_text as text
from .spec import PageFacts


def article_facts(doc: Document, today: dt.date) -> PageFacts:
    """«Publisert 15. november 2019 · Av Redaksjonen», then the article's image."""
    facts = [f"Publisert {norwegian_date(doc.date)}"] if doc.date else []
    if doc.meta.get("authors"):
        facts.append("Av " + ", ".join(text(author) for author in doc.meta["authors"]))
    image = doc.meta.get("image")
    below = f"![{text(doc.meta.get('image_alt', ''))}]({image})" if image else ""
    return PageFacts(facts, below)


def newsletter_facts(doc: Document, today: dt.date) -> PageFacts:
    """«Publisert 15. mai 2024»."""
    return PageFacts([f"Publisert {norwegian_date(doc.date)}"] if doc.date else [])


def governing_facts(doc: Document, today: dt.date) -> PageFacts:
    """«Datert …», who issued it and its status, then a button to the document itself."""
    governing = doc.governing
    facts = [f"Datert {norwegian_date(doc.date)}"] if doc.date else []
    facts += [f"Utgitt av {text(governing.issuer)}", f"Status: {governing.status.value}"]
    return PageFacts(facts, f"[Åpne dokumentet]({governing.url or governing.file}){{ .md-button }}")
