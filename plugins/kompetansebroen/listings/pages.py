"""Build the Markdown of every generated page and section for one region.

What each content type lists, where and how is declared with the type
(content_types/registry.py); the functions here render those declarations.
"""

from __future__ import annotations

import hashlib
import heapq
import html
import posixpath
from collections.abc import Callable, Iterable, Sequence
from itertools import groupby

from ..carry_over import PREVIEWING, CarryOver
from ..content_types.registry import content_type, ranked, with_list_page
from ..content_types.spec import ContentType, Feed, Layout, ListPage, More, Section, Style
from ..model.documents import Document, Kind, Status
from ..model.regions import Region
from ..model.topics import Topic, TopicRegistry
from ..project.views import RegionView
from ..text.event_times import month_heading
from ..text.markdown import link, markdown_date, markdown_text, markdown_url, with_class
from ..text.urls import page_url, relative_url
from . import events, html_blocks, learning_pages, paths
from .generated import GeneratedPage

RELATED_COUNT = 3


def page_count(items: int, per_page: int) -> int:
    """How many pages a list of ``items`` takes at ``per_page`` a page; one when empty."""
    return max(1, -(-items // per_page))


def paginate(items: list[Document], per_page: int) -> list[list[Document]]:
    """``items`` cut into the pages :func:`page_count` counts (one empty page for none)."""
    return [
        items[(number - 1) * per_page : number * per_page]
        for number in range(1, page_count(len(items), per_page) + 1)
    ]


def topic_links(doc: Document, from_path: str, topics: TopicRegistry) -> str:
    names = [name for name in doc.tags if name in topics]
    return ", ".join(link(name, from_path, paths.topic_page(topics.get(name))) for name in names)


def _list_page(declared: ContentType) -> ListPage:
    assert declared.list_page is not None, declared.kind
    return declared.list_page


def list_pages(
    declared: ContentType, view: RegionView, topics: TopicRegistry, site_url: str | None = None
) -> list[GeneratedPage]:
    """The list page(s) of one content type, as its declaration lays them out.

    ``site_url`` is the region's address, for feeds that need an absolute one (``webcal://``).
    """
    return _LAYOUTS[_list_page(declared).layout](declared, view, topics, site_url)


def _paged_list(
    declared: ContentType, view: RegionView, topics: TopicRegistry, site_url: str | None
) -> list[GeneratedPage]:
    """Newest first, ``per_page`` a page, so that no page grows with the archive (``artikler/``)."""
    list_page = _list_page(declared)
    chunks = paginate(view.of_kind(declared.kind), list_page.per_page or 1)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        path = paths.list_page_number(list_page, number)
        blocks: dict[str, str] = {}
        body = (
            [html_blocks.embed(html_blocks.items(chunk, path, topics, 2), blocks)]
            if chunk
            else [f"{list_page.empty}\n"]
        )
        if len(chunks) > 1:
            body.append(
                _pager(
                    path, number, len(chunks), lambda n: paths.list_page_number(list_page, n), list_page.pager
                )
            )
        title = list_page.title if number == 1 else f"{list_page.title} – side {number}"
        intro = list_page.intro if number == 1 else ""
        pages.append(GeneratedPage(path, title, intro, "\n".join(body), blocks=blocks))
    return pages


def _pager(
    path: str, number: int, total: int, page_path: Callable[[int], str], words: tuple[str, str]
) -> str:
    newer, older = words
    parts = []
    if number > 1:
        parts.append(link(newer, path, page_path(number - 1)))
    parts.append(f"Side {number} av {total}")
    if number < total:
        parts.append(link(older, path, page_path(number + 1)))
    return with_class(" · ".join(parts), "kb-pager") + "\n"


def _by_year(
    declared: ContentType, view: RegionView, topics: TopicRegistry, site_url: str | None
) -> list[GeneratedPage]:
    """Grouped by year, newest first, after the subscription block (``nyhetsbrev/``)."""
    list_page = _list_page(declared)
    path = list_page.path
    issues = view.of_kind(declared.kind)
    signup = view.region.newsletter_signup_url
    body = [subscription_block(declared, path, site_url, signup)] if declared.feed else []
    blocks: dict[str, str] = {}
    if not issues:
        body.append(f"{list_page.empty}\n")
    for year, group in groupby(issues, key=lambda doc: doc.date.year if doc.date else 0):
        body.append(f"## {year}\n")
        body.append(html_blocks.embed(html_blocks.items(group, path, topics, 3), blocks))
    return [GeneratedPage(path, list_page.title, list_page.intro, "\n".join(body), blocks=blocks)]


def subscription_block(
    declared: ContentType, from_path: str, site_url: str | None = None, signup_url: str | None = None
) -> str:
    """How to follow a type's feed, as an admonition on its list page (and, for the newsletter, on hubs).

    ``signup_url``: the region's sign-up page at its mail service; the newsletter's block then
    links it first, as a plain link (nothing is fetched from the service before the reader clicks).
    """
    if declared.feed is Feed.CALENDAR:
        return _calendar_block(declared, from_path, site_url)
    links = _feed_links(declared, from_path)
    if declared.feed is Feed.NEWSLETTER:
        rss, atom = links
        feeds = (
            f"med {rss} eller {atom}. En nyhetsstrøm er en adresse du legger inn i en "
            "nyhetsleser eller e-postklient, som da viser nye utgaver automatisk."
        )
        if signup_url is None:
            text = f"Følg nyhetsbrevet {feeds}"
        else:
            text = (
                f"[Abonner på nyhetsbrevet]({markdown_url(signup_url)}) for å få nye utgaver på e-post "
                f"(påmeldingen er hos e-posttjenesten vår). Uten e-post kan du følge nyhetsbrevet {feeds}"
            )
        return f'!!! abstract "Abonner på nyhetsbrevet"\n\n    {text}\n'
    raise ValueError(f"no subscription block for {declared.feed}")


def _calendar_block(declared: ContentType, from_path: str, site_url: str | None) -> str:
    """The region's calendar to subscribe to: as ``webcal://`` (calendar apps open it) and as ``https://``.

    Written as HTML links: the calendar file is not one of MkDocs' pages.
    """
    (calendar,) = paths.feed_files(declared)
    if site_url:
        address = posixpath.join(site_url, calendar)
        webcal = "webcal://" + address.split("://", 1)[-1]
        links = (
            f'<a href="{html.escape(webcal)}">Abonner i kalenderprogrammet</a> eller legg inn adressen '
            f'<a href="{html.escape(address)}">{html.escape(address)}</a> som en kalender fra Internett'
        )
    else:
        href = relative_url(page_url(from_path), calendar)
        links = f'<a href="{html.escape(href)}">Abonner på kalenderen</a>'
    return (
        '!!! abstract "Abonner på kalenderen"\n\n'
        f"    {links}. Da kommer nye og endrede arrangementer automatisk i Outlook, Google Kalender "
        "eller Apple Kalender. Hvert arrangement har også sin egen kalenderfil.\n"
    )


def _feed_links(declared: ContentType, from_path: str) -> list[str]:
    """Markdown links to a type's feed files."""
    labels = {"rss.xml": "RSS", "atom.xml": "Atom"}
    return [
        link(labels.get(posixpath.basename(file), posixpath.basename(file)), from_path, file)
        for file in paths.feed_files(declared)
    ]


def governing_list(view: RegionView, topics: TopicRegistry, from_path: str, docs: Iterable[Document]) -> str:
    """Governing documents: current first, historical ones marked, each with a link to the document itself."""
    ordered = sorted(docs, key=lambda d: d.governing.status is Status.HISTORICAL)
    rows = ["| Dokument | Utgitt av | Dato | Status | Dokumentet |", "| --- | --- | --- | --- | --- |"]
    for doc in ordered:
        governing = doc.governing
        rows.append(
            f"| {link(doc.title, from_path, doc.path)} | {markdown_text(governing.issuer)} "
            f"| {markdown_date(doc.date)} | {governing.status.label} | {_document_link(doc, from_path)} |"
        )
    return "\n".join(rows) + "\n"


def _document_link(doc: Document, from_path: str) -> str:
    governing = doc.governing
    if governing.url:
        return f"[Åpne]({markdown_url(governing.url)})"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(doc.path), governing.file or ""))
    return link("Åpne", from_path, target)


def _governing_table(
    declared: ContentType, view: RegionView, topics: TopicRegistry, site_url: str | None
) -> list[GeneratedPage]:
    """Every governing document in a table (``styrende-dokumenter/``)."""
    list_page = _list_page(declared)
    path = list_page.path
    docs = view.of_kind(declared.kind)
    listing = governing_list(view, topics, path, docs) if docs else f"{list_page.empty}\n"
    return [GeneratedPage(path, list_page.title, list_page.intro, listing)]


PAST_EVENTS = "tidligere.md"
"""Past events' page, in the events' folder (``arrangementer/tidligere/``)."""


def past_events_page(list_page: ListPage) -> str:
    return paths.beside(list_page.path, PAST_EVENTS)


def _by_month(
    declared: ContentType, view: RegionView, topics: TopicRegistry, site_url: str | None
) -> list[GeneratedPage]:
    """Upcoming events by month, soonest first, after the calendar to subscribe to; past ones,
    newest first, on a page of their own (``arrangementer/``, ``arrangementer/tidligere/``)."""
    list_page = _list_page(declared)
    path, past_path = list_page.path, past_events_page(list_page)
    happenings = view.events()
    body = [subscription_block(declared, path, site_url)] if declared.feed else []
    blocks: dict[str, str] = {}
    for group in events.upcoming_by_month(happenings, view.today):
        body.append(f"## {month_heading(group.year, group.month)}\n")
        body.append(
            html_blocks.embed(
                f'<div class="kb-events">\n{html_blocks.event_items(group.events, path, topics, 3)}\n</div>',
                blocks,
            )
        )
    none_now = f'<p class="kb-events-none"{"" if not events.upcoming(happenings, view.today) else " hidden"}>'
    body.append(html_blocks.embed(f"{none_now}{html.escape(list_page.empty)}</p>", blocks))
    body.append(f"{link('Tidligere arrangementer', path, past_path)}\n")
    past = events.past(happenings, view.today)
    past_blocks: dict[str, str] = {}
    past_body = (
        html_blocks.embed(
            html_blocks.event_items(past, past_path, topics, 2, hide_when_over=False), past_blocks
        )
        if past
        else "Det er ingen tidligere arrangementer her.\n"
    )
    past_body += f"\n{link(declared.all_label, past_path, path)}\n"
    return [
        GeneratedPage(path, list_page.title, list_page.intro, "\n".join(body), blocks=blocks),
        GeneratedPage(
            past_path,
            "Tidligere arrangementer",
            "Arrangementer som er over, de siste først.",
            past_body,
            blocks=past_blocks,
        ),
    ]


_LAYOUTS: dict[
    Layout, Callable[[ContentType, RegionView, TopicRegistry, str | None], list[GeneratedPage]]
] = {
    Layout.PAGES: _paged_list,
    Layout.BY_YEAR: _by_year,
    Layout.GOVERNING_TABLE: _governing_table,
    Layout.BY_MONTH: _by_month,
    Layout.LEARNING_CARDS: learning_pages.cards_list,
    Layout.SERIES: learning_pages.series_lists,
}


def article_pages(view: RegionView, topics: TopicRegistry) -> list[GeneratedPage]:
    """``artikler/``: all articles, newest first, paginated."""
    return list_pages(content_type(Kind.ARTICLE), view, topics)


def newsletter_archive(view: RegionView, topics: TopicRegistry) -> GeneratedPage:
    """``nyhetsbrev/``: grouped by year, newest first, with the feed links."""
    return list_pages(content_type(Kind.NEWSLETTER), view, topics)[0]


def governing_page(view: RegionView, topics: TopicRegistry) -> GeneratedPage:
    """``styrende-dokumenter/``: every governing document in a table."""
    return list_pages(content_type(Kind.GOVERNING), view, topics)[0]


# -- sections: a type's items on hubs, the home page and topic pages --------------------------


def _section(
    declared: ContentType,
    section: Section,
    docs: Sequence[Document],
    view: RegionView,
    topics: TopicRegistry,
    from_path: str,
    blocks: dict[str, str],
    topic: Topic | None = None,
) -> list[str]:
    """The Markdown parts of one section: its heading, its items and what follows them."""
    if section.style is Style.EVENTS:
        return _events_section(declared, section, docs, view, topics, from_path, blocks)
    if section.style is Style.LEARNING_CARDS:
        return _cards_section(declared, section, docs, view, topics, from_path, blocks)
    shown = list(docs[: section.count] if section.count is not None else docs)
    if not shown:
        return []
    parts = [f"## {section.heading}\n"]
    if section.style is Style.ITEMS:
        parts.append(html_blocks.embed(html_blocks.items(shown, from_path, topics, 3), blocks))
    elif section.style is Style.LINKS:
        parts += [f"- {link(d.title, from_path, d.path)} ({markdown_date(d.date)})" for d in shown]
    elif section.style is Style.GOVERNING_TABLE:
        parts.append(governing_list(view, topics, from_path, shown))
    else:
        raise ValueError(f"no renderer for {section.style}")
    # A list needs a blank line before the paragraph after it; an HTML block ends in one.
    gap = "\n" if section.style is Style.LINKS else ""
    if section.more in (More.ALL, More.ALL_AND_FEEDS):
        everything = [link(declared.all_label, from_path, _list_page(declared).path)]
        subscribe = section.more is More.ALL_AND_FEEDS and declared.feed is Feed.NEWSLETTER
        if section.more is More.ALL_AND_FEEDS and not subscribe:
            everything += _feed_links(declared, from_path)
        parts.append(f"{gap}{' · '.join(everything)}\n")
        if subscribe:  # «Abonner på nyhetsbrevet» with the feeds, and the sign-up page when there is one
            parts.append(
                subscription_block(declared, from_path, signup_url=view.region.newsletter_signup_url)
            )
    elif section.more is More.TOPIC_IF_MORE and topic is not None and len(docs) > len(shown):
        label = f"Alle {len(docs)} {declared.plural.lower()} om {topic.name.lower()}"
        parts.append(f"{gap}{link(label, from_path, paths.topic_page(topic))}\n")
    return parts


def _events_section(
    declared: ContentType,
    section: Section,
    docs: Sequence[Document],
    view: RegionView,
    topics: TopicRegistry,
    from_path: str,
    blocks: dict[str, str],
) -> list[str]:
    """Upcoming events, soonest first: all of them (cancelled ones marked), or the next ``count``
    one can still attend."""
    happenings = [doc.event for doc in docs]
    if section.count is None:
        shown = events.upcoming(happenings, view.today)
    else:
        shown = events.next_events(happenings, view.today, section.count)
    if not shown:
        return []
    items = html_blocks.event_items(shown, from_path, topics, 3)
    return _block_section(declared, section, from_path, f'<div class="kb-events">\n{items}\n</div>', blocks)


def _cards_section(
    declared: ContentType,
    section: Section,
    docs: Sequence[Document],
    view: RegionView,
    topics: TopicRegistry,
    from_path: str,
    blocks: dict[str, str],
) -> list[str]:
    """Learning resources of one type as cards, newest first, with a link to the type's list."""
    cards = learning_pages.cards_of(docs, view, topics, from_path, section.count)
    return _block_section(declared, section, from_path, cards, blocks) if cards else []


def _block_section(
    declared: ContentType, section: Section, from_path: str, block: str, blocks: dict[str, str]
) -> list[str]:
    """A section whose items are one HTML block: its heading, the block, and the link to the type's list."""
    parts = [f"## {section.heading}\n", html_blocks.embed(block, blocks)]
    if section.more is not More.NONE:
        parts.append(f"{link(declared.all_label, from_path, _list_page(declared).path)}\n")
    return parts


def topic_pages(view: RegionView, topics: TopicRegistry) -> list[GeneratedPage]:
    """``tema/`` with counts, and pages per topic listing everything with it."""
    index_rows = []
    pages = []
    for topic in topics:
        docs = view.with_topic(topic.name)
        index_rows.append(
            f"- {link(topic.name, paths.TOPICS, paths.topic_page(topic))} ({len(docs)}) – {markdown_text(topic.description)}"
        )
        pages.extend(_topic_pages(view, topics, topic, docs))
    index = GeneratedPage(
        paths.TOPICS,
        "Tema",
        "Alt innhold er merket med tema. Velg et tema for å se alt om det.",
        "\n".join(index_rows) + "\n",
    )
    return [index, *pages]


def _paged_on_topic_pages() -> ContentType | None:
    """The type whose items topic pages spread over several pages, as its own list page does."""
    return next(
        (declared for declared, _ in ranked("topic") if declared.list_page and declared.list_page.per_page),
        None,
    )


def _topic_pages(
    view: RegionView, topics: TopicRegistry, topic: Topic, docs: list[Document]
) -> list[GeneratedPage]:
    """The first page lists every type's items with the topic; the paginated type's items
    (articles) beyond its first page continue on ``tema/<slug>/side-N/``."""
    wanted = {doc.path for doc in docs}
    sections = ranked("topic")
    of_kind = {
        declared.kind: [d for d in view.of_kind(declared.kind) if d.path in wanted]
        for declared, _ in sections
    }
    paged = _paged_on_topic_pages()
    chunks = paginate(of_kind[paged.kind], _list_page(paged).per_page or 1) if paged else [[]]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        path = paths.topic_page_number(topic, number)
        parts: list[str] = []
        blocks: dict[str, str] = {}
        for declared, section in sections:
            if declared is paged:
                items = chunk
            elif number == 1:
                items = of_kind[declared.kind]
            else:
                continue
            parts += _section(declared, section, items, view, topics, path, blocks)
        if len(chunks) > 1 and paged is not None:
            parts.append(
                _pager(
                    path,
                    number,
                    len(chunks),
                    lambda n: paths.topic_page_number(topic, n),
                    _list_page(paged).pager,
                )
            )
        listing = "\n".join(parts) or "Det er ikke noe innhold med dette temaet ennå.\n"
        title = topic.name if number == 1 else f"{topic.name} – side {number}"
        intro = markdown_text(topic.description) if number == 1 else ""
        pages.append(GeneratedPage(path, title, intro, listing, blocks=blocks))
    return pages


def hub_sections(
    view: RegionView, topics: TopicRegistry, hub_path: str, topic_name: str
) -> html_blocks.Section:
    """The generated part of a hub page: each type's items with the topic, then related topics."""
    topic = topics.get(topic_name)
    parts: list[str] = []
    blocks: dict[str, str] = {}
    for declared, section in ranked("hub"):
        docs = [d for d in view.of_kind(declared.kind) if topic.name in d.tags]
        parts += _section(declared, section, docs, view, topics, hub_path, blocks, topic)
    related = related_topics(view, topic)
    if related:
        parts.append("## Relaterte tema\n")
        parts += [
            f"- {link(t.name, hub_path, paths.topic_page(t))}" for t in (topics.get(n) for n in related)
        ]
    return html_blocks.Section("\n".join(parts) + "\n", blocks)


def home_sections(view: RegionView, topics: TopicRegistry) -> html_blocks.Section:
    """What a region's home page shows after the editor's text: each type's newest items."""
    parts: list[str] = []
    blocks: dict[str, str] = {}
    for declared, section in ranked("home"):
        parts += _section(declared, section, view.of_kind(declared.kind), view, topics, paths.HOME, blocks)
    newest = learning_pages.home_section(view, topics, paths.HOME)
    if newest is not None:
        parts += [
            "## Nye læringsressurser\n",
            html_blocks.embed(newest, blocks),
            f"{link('Alle læringsressurser', paths.HOME, learning_pages.CATALOGUE)}\n",
        ]
    return html_blocks.Section("\n".join(parts) + "\n" if parts else "", blocks)


def related_topics(view: RegionView, topic: Topic) -> list[str]:
    """Topics that appear together with ``topic``, most shared first."""
    counts: dict[str, int] = {}
    for doc in view.with_topic(topic.name):
        for other in doc.tags:
            if other != topic.name:
                counts[other] = counts.get(other, 0) + 1
    return sorted(counts, key=lambda name: (-counts[name], name))


def related_documents(view: RegionView, doc: Document, count: int = RELATED_COUNT) -> list[Document]:
    """«Les også»: items of the same region sharing the most topics, newest first."""
    ranked_ = _ranked_for_topics(view, frozenset(doc.tags), count + 1)
    return [other for other in ranked_ if other.path != doc.path][:count]


_RANKINGS: CarryOver[tuple[str, str, frozenset[str], int], tuple[str, ...]] = CarryOver(
    only_when_previewing=True
)
"""«Les også» rankings (the pages' paths) by everything they are made of: the preview (``make serve``)
rebuilds on every save, and a save of a text or a title leaves every ranking as it was."""


def _ranked_for_topics(view: RegionView, tags: frozenset[str], count: int) -> list[Document]:
    # Many articles carry the same set of topics: rank once per set, per region.
    key = ("related", tags, count)
    if key not in view.memo:
        if PREVIEWING.on:
            carried = (view.region.id, _ranking_facts(view), tags, count)
            paths = _RANKINGS.get(carried, lambda: _ranked_paths(view, tags, count))
        else:
            paths = _ranked_paths(view, tags, count)
        view.memo[key] = [view.documents[path] for path in paths]
    return view.memo[key]


def _ranked_paths(view: RegionView, tags: frozenset[str], count: int) -> tuple[str, ...]:
    """The ``count`` pages sharing the most of ``tags``, newest first, then by path (a total order)."""
    shared: dict[str, int] = {}
    candidates: dict[str, Document] = {}
    for topic in tags:
        for other in view.with_topic(topic):
            if content_type(other.kind).related:
                shared[other.path] = shared.get(other.path, 0) + 1
                candidates[other.path] = other
    ranked_ = heapq.nsmallest(
        count,
        candidates.values(),
        key=lambda d: (-shared[d.path], -(d.date.toordinal() if d.date else 0), d.path),
    )
    return tuple(doc.path for doc in ranked_)


def _ranking_facts(view: RegionView) -> str:
    """A hash of what every ranking of the view reads: each page's path, topics, date and type."""
    key = ("related-facts",)
    if key not in view.memo:
        _RANKINGS.next_build()  # a region's view is made once a build
        digest = hashlib.sha256()
        for doc in view.documents.values():
            digest.update(repr((doc.path, sorted(doc.tags), doc.date, doc.kind.value)).encode())
        view.memo[key] = [digest.hexdigest()]
    return view.memo[key][0]


def accessibility_page(region: Region, site_name: str) -> GeneratedPage:
    """The accessibility statement (tilgjengelighetserklæring) the Norwegian rules require."""
    contact = region.contact
    if contact.email:
        feedback = f"Send e-post til [{markdown_text(contact.email)}](mailto:{markdown_url(contact.email)})."
    elif contact.url:
        feedback = f"Bruk [kontaktskjemaet]({markdown_url(contact.url)})."
    else:
        feedback = f"Ta kontakt med {markdown_text(region.hospital)}."
    body = f"""{markdown_text(site_name)} for {markdown_text(region.name)} skal kunne brukes av alle, også med skjermleser, forstørrelse eller bare tastatur. Nettstedet er laget for å oppfylle kravene til universell utforming av IKT-løsninger: WCAG 2.1 nivå A og AA, slik forskrift om universell utforming av IKT-løsninger krever.

## Status

Nettstedet er i hovedsak i samsvar med kravene. Hver side testes automatisk i en nettleser med axe-core (WCAG 2.0 og 2.1, nivå A og AA), med tastaturnavigasjon og på smal og bred skjerm før den publiseres.

Filmer som ligger på nettstedet har norsk teksting, og hver podkastepisode har en transkripsjon på episodens side. Bygget stopper en film uten teksting og en episode uten transkripsjon, så de blir ikke publisert.

## Kjente mangler

- Dokumenter som ligger på andre nettsteder (for eksempel PDF-filer hos departementet) er ikke kontrollert av oss.
- Filmer som ligger hos andre (for eksempel Vimeo eller YouTube) lenker vi bare til; tekstingen der er ikke kontrollert av oss.
- Automatiske tester finner ikke alle feil. Innholdet i artiklene, som bildetekster og lenketekster, kontrolleres av redaksjonen.

## Gi oss tilbakemelding

Opplever du at noe ikke fungerer, eller finner du innhold som ikke er tilgjengelig? {feedback} Vi svarer så raskt vi kan.

## Klage

Får du ikke svar, eller er du ikke fornøyd med svaret, kan du klage til Tilsynet for universell utforming av IKT (uutilsynet), som fører tilsyn med kravene. Les mer på [uutilsynet.no](https://www.uutilsynet.no/).

## Personvern

Nettstedet setter ingen informasjonskapsler og henter ingenting fra andre nettsteder. Filmer og lydfiler hentes først når du trykker på avspill, og da fra dette nettstedet. En film hos et annet nettsted er en lenke dit; der gjelder det nettstedets vilkår. To ting lagres, og bare i nettleserens lokale lagring på enheten din: området du har valgt, og sidene du har merket med «Favoritt». Favorittene finner du på siden «Mine favoritter» i hvert område. Ingenting av dette sendes til oss eller andre, og du kan fjerne det når du vil, der eller ved å slette nettstedsdata i nettleseren.
"""
    return GeneratedPage(paths.ACCESSIBILITY, "Tilgjengelighetserklæring", body, "")


def region_pages(
    view: RegionView, topics: TopicRegistry, site_name: str, site_url: str | None = None
) -> dict[str, GeneratedPage]:
    """Every generated page of one region, by tree path; ``site_url`` is the region's address."""
    pages = [page for declared in with_list_page() for page in list_pages(declared, view, topics, site_url)]
    pages += [
        learning_pages.catalogue_page(view, topics),
        *topic_pages(view, topics),
        accessibility_page(view.region, site_name),
    ]
    if paths.HELSEFELLESSKAP_TOPIC in topics:
        pages.append(
            GeneratedPage(
                paths.HELSEFELLESSKAP,
                paths.HELSEFELLESSKAP_TOPIC,
                "Helsefellesskapene er samarbeidet mellom helseforetaket og kommunene i opptaksområdet.",
                "",
                hub=paths.HELSEFELLESSKAP_TOPIC,
            )
        )
    return {page.path: page for page in pages}


def generated_paths(view: RegionView, topics: TopicRegistry) -> set[str]:
    """The paths ``region_pages`` makes for this region, without building their Markdown."""
    found = {path for path in all_generated_paths(topics) if path.endswith(".md")}
    for declared in with_list_page():
        list_page = _list_page(declared)
        if list_page.per_page:
            count = page_count(len(view.of_kind(declared.kind)), list_page.per_page)
            found |= {paths.list_page_number(list_page, n) for n in range(1, count + 1)}
    found |= learning_pages.series_pages(view)
    paged = _paged_on_topic_pages()
    if paged is not None:
        items = view.of_kind(paged.kind)
        per_page = _list_page(paged).per_page or 1
        for topic in topics:
            count = sum(1 for doc in items if topic.name in doc.tags)
            found |= {paths.topic_page_number(topic, n) for n in range(1, page_count(count, per_page) + 1)}
    return found


def all_generated_paths(topics: TopicRegistry) -> set[str]:
    """Paths that exist in every region whatever the content (for link checks): list pages and feeds too."""
    fixed = {paths.TOPICS, paths.ACCESSIBILITY, learning_pages.CATALOGUE}
    for declared in with_list_page():
        list_page = _list_page(declared)
        fixed.add(list_page.path)
        if list_page.layout is Layout.BY_MONTH:
            fixed.add(past_events_page(list_page))
        fixed.update(paths.feed_files(declared))
    if paths.HELSEFELLESSKAP_TOPIC in topics:
        fixed.add(paths.HELSEFELLESSKAP)
    return fixed | {paths.topic_page(topic) for topic in topics}
