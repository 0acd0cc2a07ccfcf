"""Each type's own fields as a typed value (its ``ContentType.details``), built once when a page is loaded.

The schema has checked the fields by then, so these only convert: a page's
``Event``, ``Governing`` or ``Film`` is made here once and read from the
document as often as pages, lists and feeds need it.
"""

from __future__ import annotations

from ..model.documents import Document, Governing, Status
from ..model.events import Event
from ..model.learning import ELearning, Film, PodcastEpisode


def governing_details(doc: Document) -> Governing:
    """Who issued it, whether it is in force (``gjeldende`` when left out), and where the document is."""
    return Governing(
        issuer=str(doc.meta["issuer"]),
        status=Status(doc.meta.get("status", Status.CURRENT.value)),
        url=doc.meta.get("url"),
        file=doc.meta.get("file"),
    )


def event_details(doc: Document) -> Event:
    return Event.from_meta(doc.path, doc.meta, origin=doc.origin, fingerprint=doc.fingerprint)


def elearning_details(doc: Document) -> ELearning:
    return ELearning.from_meta(doc.path, doc.meta, origin=doc.origin, fingerprint=doc.fingerprint)


def film_details(doc: Document) -> Film:
    return Film.from_meta(doc.path, doc.meta, origin=doc.origin, fingerprint=doc.fingerprint)


def episode_details(doc: Document) -> PodcastEpisode:
    """The episode with its local MP3's facts (read with the page's files, before this is built)."""
    return PodcastEpisode.from_meta(
        doc.path, doc.meta, audio_facts=doc.audio_facts, origin=doc.origin, fingerprint=doc.fingerprint
    )
