"""Every content type, declared once: the one place to read or change what a type is.

To add a type: give it an identity in ``model/kinds.py`` (``Kind``, whose
value is its folder), declare it here (names, fields and checks, list page,
sections, navigation, feed, facts, typed details), give it its template
context in ``mkdocs_adapter/page_context.py`` (``TYPE_CONTEXT``), and add the
renderers its layout, style or feed needs if they are new.

Fields: a type whose fields are all of the shared kinds in
``frontmatter/fields.py`` has its field list here; a type with field kinds or
rules of its own keeps its list beside them (``frontmatter/event_fields.py``,
``frontmatter/learning_fields.py``) and its ``fields`` calls it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from ..frontmatter.event_fields import CHECKS as EVENT_CHECKS
from ..frontmatter.event_fields import EVENT_FIELD_ALIASES, EVENT_KIND_NAME, EVENT_LABEL, event_fields
from ..frontmatter.fields import Choice, Date, Field, Text, TextList, Url
from ..frontmatter.learning_fields import (
    ELEARNING_CHECKS,
    ELEARNING_KIND_NAME,
    ELEARNING_LABEL,
    EPISODE_CHECKS,
    EPISODE_KIND_NAME,
    EPISODE_LABEL,
    FILM_CHECKS,
    FILM_KIND_NAME,
    FILM_LABEL,
    LEARNING_FIELD_ALIASES,
    elearning_fields,
    episode_fields,
    film_fields,
)
from ..frontmatter.schemas import GOVERNING_STATUSES, IMAGE_CHECKS, image_fields, url_or_file
from ..frontmatter.time_fields import UPDATED_ALIASES, DayOrTime, updated_not_before_date
from ..model.documents import Document, Kind, Status
from .details import elearning_details, episode_details, event_details, film_details, governing_details
from .facts import article_facts, event_facts, governing_facts, governing_item_facts, newsletter_facts
from .learning_facts import (
    elearning_facts,
    episode_facts,
    episode_files,
    episode_transcript,
    film_facts,
    film_files,
)
from .spec import ContentType, Feed, Layout, ListPage, More, Section, Style, Vocabulary


def _article_fields(vocabulary: Vocabulary) -> Mapping[str, Field]:
    return {
        "title": Text(required=True, example='"Tittel på artikkelen"'),
        "date": DayOrTime(required=True),
        "updated": DayOrTime(example="2024-07-01"),
        "description": Text(required=True, example='"Én eller to setninger om innholdet"'),
        "authors": TextList(example='["Kari Nordmann"]'),
        **image_fields(),
    }


def _newsletter_fields(vocabulary: Vocabulary) -> Mapping[str, Field]:
    return {
        "title": Text(required=True, example='"Nyhetsbrev – juni 2024"'),
        "date": DayOrTime(required=True),
        "updated": DayOrTime(example="2024-07-01"),
        "description": Text(required=True, example='"Sakene i denne utgaven"'),
    }


def _governing_fields(vocabulary: Vocabulary) -> Mapping[str, Field]:
    return {
        "title": Text(required=True, example='"Tittel på dokumentet"'),
        "date": Date(required=True),
        "issuer": Text(required=True, example='"Helse- og omsorgsdepartementet"'),
        "url": Url(),
        "file": Text(example="vedlegg/plan.pdf", widget="file"),
        "status": Choice(GOVERNING_STATUSES, labels={status.value: status.label for status in Status}),
        "description": Text(),
    }


def _event_fields(vocabulary: Vocabulary) -> Mapping[str, Field]:
    return event_fields(vocabulary.professions)


def _page_fields(vocabulary: Vocabulary) -> Mapping[str, Field]:
    return {
        "title": Text(example='"Om helsefellesskapene"'),
        "description": Text(example='"Én eller to setninger om siden"'),
        "hub": Choice(tuple(vocabulary.topics), what="tema"),
    }


ARTICLES = ContentType(
    kind=Kind.ARTICLE,
    label="Fagartikkel",
    indefinite="en fagartikkel",
    plural="Fagartikler",
    fields=_article_fields,
    checks=(*IMAGE_CHECKS, updated_not_before_date),
    aliases=UPDATED_ALIASES,
    list_page=ListPage(
        path="artikler/index.md",
        title="Alle fagartikler",
        intro="Fagartikler om kompetansedeling og samhandling, nyeste først. Velg et tema for å se bare det.",
        empty="Det er ingen fagartikler her ennå.",
        layout=Layout.PAGES,
        per_page=20,
        pager=("← Nyere artikler", "Eldre artikler →"),
    ),
    all_label="Alle fagartikler",
    nav_title="Fagartikler",
    hub=Section("Fagartikler", rank=3, style=Style.ITEMS, count=10, more=More.TOPIC_IF_MORE),
    home=Section("Siste fagartikler", rank=1, style=Style.ITEMS, count=5, more=More.ALL),
    topic=Section("Fagartikler", rank=1, style=Style.ITEMS),
    related=True,
    facts=article_facts,
    favourite=True,
)

NEWSLETTERS = ContentType(
    kind=Kind.NEWSLETTER,
    label="Nyhetsbrev",
    indefinite="et nyhetsbrev",
    plural="Nyhetsbrev",
    fields=_newsletter_fields,
    checks=(updated_not_before_date,),
    aliases=UPDATED_ALIASES,
    list_page=ListPage(
        path="nyhetsbrev/index.md",
        title="Nyhetsbrev",
        intro="Nyhetsbrevet for helsefellesskapene kommer ut fire til seks ganger i året.",
        empty="Det er ingen nyhetsbrev her ennå.",
        layout=Layout.BY_YEAR,
    ),
    all_label="Alle nyhetsbrev",
    nav_title="Nyhetsbrev",
    feed=Feed.NEWSLETTER,
    hub=Section("Siste nyhetsbrev", rank=2, style=Style.LINKS, count=6, more=More.ALL_AND_FEEDS),
    home=Section("Siste nyhetsbrev", rank=2, style=Style.LINKS, count=3, more=More.ALL),
    topic=Section("Nyhetsbrev", rank=2, style=Style.ITEMS),
    related=True,
    facts=newsletter_facts,
    favourite=True,
)

GOVERNING = ContentType(
    kind=Kind.GOVERNING,
    label="Styrende dokument",
    indefinite="et styrende dokument",
    plural="Styrende dokumenter",
    fields=_governing_fields,
    checks=(url_or_file,),
    list_page=ListPage(
        path="styrende-dokumenter/index.md",
        title="Styrende dokumenter",
        intro="Avtaler, planer og andre dokumenter som styrer samarbeidet mellom sykehus og kommuner.",
        empty="Det er ingen styrende dokumenter her ennå.",
        layout=Layout.GOVERNING_TABLE,
    ),
    all_label="Alle styrende dokumenter",
    nav_title="Styrende dokumenter",
    hub=Section("Styrende dokumenter", rank=1, style=Style.GOVERNING_TABLE),
    topic=Section("Styrende dokumenter", rank=3, style=Style.ITEMS),
    related=True,
    facts=governing_facts,
    item_facts=governing_item_facts,
    favourite=True,
    details=governing_details,
)

EVENTS = ContentType(
    kind=Kind.EVENT,
    label=EVENT_LABEL,
    indefinite=EVENT_KIND_NAME,
    plural="Kurs og arrangementer",
    fields=_event_fields,
    checks=EVENT_CHECKS,
    aliases=EVENT_FIELD_ALIASES,
    list_page=ListPage(
        path="arrangementer/index.md",
        title="Kurs og arrangementer",
        intro=(
            "Kurs, fagdager og webinarer for helsepersonell i sykehus og kommuner. "
            "De nærmeste arrangementene står først."
        ),
        empty="Det er ingen kommende arrangementer nå.",
        layout=Layout.BY_MONTH,
    ),
    all_label="Alle kurs og arrangementer",
    nav_title="Kurs og arrangementer",
    feed=Feed.CALENDAR,
    hub=Section("Kommende arrangementer", rank=4, style=Style.EVENTS, more=More.ALL),
    home=Section("Kommende arrangementer", rank=3, style=Style.EVENTS, count=3, more=More.ALL),
    topic=Section("Kommende arrangementer", rank=4, style=Style.EVENTS),
    facts=event_facts,
    details=event_details,
)

ELEARNING = ContentType(
    kind=Kind.ELEARNING,
    label=ELEARNING_LABEL,
    indefinite=ELEARNING_KIND_NAME,
    plural="E-læringskurs",
    fields=lambda vocabulary: elearning_fields(vocabulary.professions),
    checks=ELEARNING_CHECKS,
    aliases=LEARNING_FIELD_ALIASES,
    list_page=ListPage(
        path="e-laering/index.md",
        title="E-læring",
        intro=(
            "E-læringskurs for helsepersonell i sykehus og kommuner. Kursene ligger hos tilbyderne; "
            "her finner du hva de handler om, hvor lang tid de tar og hvem de er for."
        ),
        empty="Det er ingen e-læringskurs her ennå.",
        layout=Layout.LEARNING_CARDS,
    ),
    all_label="Alle e-læringskurs",
    hub=Section("E-læring", rank=5, style=Style.LEARNING_CARDS, more=More.ALL),
    topic=Section("E-læring", rank=5, style=Style.LEARNING_CARDS),
    facts=elearning_facts,
    details=elearning_details,
)

FILMS = ContentType(
    kind=Kind.FILM,
    label=FILM_LABEL,
    indefinite=FILM_KIND_NAME,
    plural="Filmer",
    fields=lambda vocabulary: film_fields(),
    checks=FILM_CHECKS,
    aliases=LEARNING_FIELD_ALIASES,
    list_page=ListPage(
        path="film/index.md",
        title="Film",
        intro="Filmer om fag og samhandling, nyeste først. Alle filmene her har norsk teksting.",
        empty="Det er ingen filmer her ennå.",
        layout=Layout.LEARNING_CARDS,
    ),
    all_label="Alle filmer",
    hub=Section("Film", rank=6, style=Style.LEARNING_CARDS, more=More.ALL),
    topic=Section("Film", rank=6, style=Style.LEARNING_CARDS),
    facts=film_facts,
    files=film_files,
    details=film_details,
)

EPISODES = ContentType(
    kind=Kind.EPISODE,
    label=EPISODE_LABEL,
    indefinite=EPISODE_KIND_NAME,
    plural="Podkastepisoder",
    fields=lambda vocabulary: episode_fields(),
    checks=EPISODE_CHECKS,
    aliases=LEARNING_FIELD_ALIASES,
    list_page=ListPage(
        path="podkast/index.md",
        title="Podkast",
        intro="Podkaster om samhandling og fag. Hver episode har en transkripsjon du kan lese.",
        empty="Det er ingen podkaster her ennå.",
        layout=Layout.SERIES,
    ),
    all_label="Alle podkaster",
    feed=Feed.PODCAST,
    hub=Section("Podkast", rank=7, style=Style.LEARNING_CARDS, count=6, more=More.ALL),
    topic=Section("Podkast", rank=7, style=Style.LEARNING_CARDS),
    facts=episode_facts,
    depth=2,
    body_checks=(episode_transcript,),
    files=episode_files,
    details=episode_details,
)

PAGES = ContentType(
    kind=Kind.PAGE,
    label="Side",
    indefinite="en side",
    plural="Sider",
    fields=_page_fields,
    topic=Section("Sider", rank=9, style=Style.ITEMS),
)
"""Every other page: home pages, hubs, an editor's intro to a list page."""

REGISTRY: dict[Kind, ContentType] = {
    content_type.kind: content_type
    for content_type in (ARTICLES, NEWSLETTERS, GOVERNING, EVENTS, ELEARNING, FILMS, EPISODES, PAGES)
}
"""Every type by its identity, in the order of the section navigation."""


def content_types() -> tuple[ContentType, ...]:
    """Every type, in the order of the section navigation."""
    return tuple(REGISTRY.values())


def content_type(kind: Kind) -> ContentType:
    """The declaration of ``kind``."""
    return REGISTRY[kind]


def content_type_of(relative_path: str) -> ContentType:
    """The type of the page at ``relative_path`` (relative to its tree): its top folder decides.

    ``artikler/x.md`` is an article; the folder's ``index.md`` and pages deeper
    down (``artikler/x/index.md``) are other pages. A type with ``depth`` 2 has
    its pages one folder deeper: ``podkast/<serie>/x.md`` is an episode, and
    ``podkast/<serie>/index.md`` an editor's page.
    """
    parts = relative_path.split("/")
    if len(parts) > 1 and parts[-1] != "index.md" and parts[-1].endswith(".md"):
        for declared in REGISTRY.values():
            if declared.folder == parts[0] and declared.depth == len(parts) - 1:
                return declared
    return REGISTRY[Kind.PAGE]


def kind_of(relative_path: str) -> Kind:
    """The ``Kind`` of the page at ``relative_path`` (see :func:`content_type_of`)."""
    return content_type_of(relative_path).kind


def with_details(doc: Document) -> Document:
    """``doc`` with its type's typed details built (the loader does this once per page)."""
    build = content_type(doc.kind).details
    return dataclasses.replace(doc, details=build(doc)) if build is not None else doc


def with_list_page() -> tuple[ContentType, ...]:
    """The types that have a list page, in navigation order."""
    return tuple(declared for declared in REGISTRY.values() if declared.list_page is not None)


def with_feed(feed: Feed) -> tuple[ContentType, ...]:
    """The types whose feed is ``feed``."""
    return tuple(declared for declared in REGISTRY.values() if declared.feed is feed)


def ranked(place: str) -> list[tuple[ContentType, Section]]:
    """The types with a section on ``place`` (``"hub"``, ``"home"`` or ``"topic"``), in order of rank."""
    found = [(declared, getattr(declared, place)) for declared in REGISTRY.values()]
    return sorted(((declared, section) for declared, section in found if section), key=lambda t: t[1].rank)
