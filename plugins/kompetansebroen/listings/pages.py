"""Build the Markdown of every generated page and section for one region."""

from __future__ import annotations

import heapq
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import groupby

from ..model.documents import Document, Kind, Status
from ..model.regions import Region
from ..model.topics import Topic, TopicRegistry
from ..project.views import RegionView
from ..text.markdown import link, markdown_date, markdown_text, with_class
from . import html_blocks, paths

ARTICLES_PER_PAGE = 20
LATEST_NEWSLETTERS = 6
HUB_ARTICLES = 10  # the hub shows the newest; its topic page lists them all
HOME_ITEMS = 5
RELATED_COUNT = 3


@dataclass(frozen=True)
class GeneratedPage:
    """A page the build makes: its title, the Markdown above the lists when no editor wrote one, and the lists."""

    path: str
    title: str
    intro: str
    listing: str
    hub: str | None = None
    """The topic whose hub sections follow, when the page is a hub (also under an editor's page)."""
    blocks: dict[str, str] = field(default_factory=dict, compare=False)
    """HTML blocks by key; ``listing`` holds a placeholder for each (see html_blocks.py)."""


def page_count(items: int) -> int:
    """How many pages a list of ``items`` articles takes: ``ARTICLES_PER_PAGE`` a page, one when empty."""
    return max(1, -(-items // ARTICLES_PER_PAGE))


def paginate(items: list[Document]) -> list[list[Document]]:
    """``items`` cut into the pages :func:`page_count` counts (one empty page for none)."""
    return [
        items[(number - 1) * ARTICLES_PER_PAGE : number * ARTICLES_PER_PAGE]
        for number in range(1, page_count(len(items)) + 1)
    ]


def topic_links(doc: Document, from_path: str, topics: TopicRegistry) -> str:
    names = [name for name in doc.tags if name in topics]
    return ", ".join(link(name, from_path, paths.topic_page(topics.get(name))) for name in names)


def article_pages(view: RegionView, topics: TopicRegistry) -> list[GeneratedPage]:
    """``artikler/`` newest first, paginated so that no page grows with the archive."""
    chunks = paginate(view.of_kind(Kind.ARTICLE))
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        path = paths.articles_page(number)
        blocks: dict[str, str] = {}
        body = (
            [html_blocks.embed(html_blocks.items(chunk, path, topics, 2), blocks)]
            if chunk
            else ["Det er ingen fagartikler her ennå.\n"]
        )
        if len(chunks) > 1:
            body.append(_pager(path, number, len(chunks)))
        title = "Alle fagartikler" if number == 1 else f"Alle fagartikler – side {number}"
        intro = (
            "Fagartikler om kompetansedeling og samhandling, nyeste først. Velg et tema for å se bare det."
        )
        pages.append(GeneratedPage(path, title, intro if number == 1 else "", "\n".join(body), blocks=blocks))
    return pages


def _pager(path: str, number: int, total: int, page_path: Callable[[int], str] = paths.articles_page) -> str:
    parts = []
    if number > 1:
        parts.append(link("← Nyere artikler", path, page_path(number - 1)))
    parts.append(f"Side {number} av {total}")
    if number < total:
        parts.append(link("Eldre artikler →", path, page_path(number + 1)))
    return with_class(" · ".join(parts), "kb-pager") + "\n"


def newsletter_archive(view: RegionView, topics: TopicRegistry) -> GeneratedPage:
    """``nyhetsbrev/`` grouped by year, newest first, with the feed links."""
    path = paths.NEWSLETTERS
    issues = view.of_kind(Kind.NEWSLETTER)
    body = [subscribe_block(path)]
    blocks: dict[str, str] = {}
    if not issues:
        body.append("Det er ingen nyhetsbrev her ennå.\n")
    for year, group in groupby(issues, key=lambda doc: doc.date.year if doc.date else 0):
        body.append(f"## {year}\n")
        body.append(html_blocks.embed(html_blocks.items(group, path, topics, 3), blocks))
    intro = "Nyhetsbrevet for helsefellesskapene kommer ut fire til seks ganger i året."
    return GeneratedPage(path, "Nyhetsbrev", intro, "\n".join(body), blocks=blocks)


def subscribe_block(from_path: str) -> str:
    rss = link("RSS", from_path, paths.RSS)
    atom = link("Atom", from_path, paths.ATOM)
    return (
        '!!! abstract "Abonner på nyhetsbrevet"\n\n'
        f"    Følg nyhetsbrevet med {rss} eller {atom}. En nyhetsstrøm er en adresse du legger inn i en "
        "nyhetsleser eller e-postklient, som da viser nye utgaver automatisk.\n"
    )


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
        return f"[Åpne]({governing.url})"
    target = posixpath.normpath(posixpath.join(posixpath.dirname(doc.path), governing.file or ""))
    return link("Åpne", from_path, target)


def governing_page(view: RegionView, topics: TopicRegistry) -> GeneratedPage:
    path = paths.GOVERNING
    docs = view.of_kind(Kind.GOVERNING)
    listing = (
        governing_list(view, topics, path, docs) if docs else "Det er ingen styrende dokumenter her ennå.\n"
    )
    intro = "Avtaler, planer og andre dokumenter som styrer samarbeidet mellom sykehus og kommuner."
    return GeneratedPage(path, "Styrende dokumenter", intro, listing)


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


def _topic_pages(
    view: RegionView, topics: TopicRegistry, topic: Topic, docs: list[Document]
) -> list[GeneratedPage]:
    """The first page lists newsletters, documents and pages with the topic, and the newest
    articles; articles beyond the first page of them continue on ``tema/<slug>/side-N/``."""
    wanted = {doc.path for doc in docs}
    of_kind = {kind: [doc for doc in view.of_kind(kind) if doc.path in wanted] for kind in Kind}
    chunks = paginate(of_kind[Kind.ARTICLE])
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        path = paths.topic_page_number(topic, number)
        sections = []
        blocks: dict[str, str] = {}
        groups = [(Kind.ARTICLE, "Fagartikler", chunk)]
        if number == 1:
            groups += [
                (Kind.NEWSLETTER, "Nyhetsbrev", of_kind[Kind.NEWSLETTER]),
                (Kind.GOVERNING, "Styrende dokumenter", of_kind[Kind.GOVERNING]),
                (Kind.PAGE, "Sider", of_kind[Kind.PAGE]),
            ]
        for _kind, heading, items in groups:
            if items:
                sections.append(f"## {heading}\n")
                sections.append(html_blocks.embed(html_blocks.items(items, path, topics, 3), blocks))
        if len(chunks) > 1:
            sections.append(_pager(path, number, len(chunks), lambda n: paths.topic_page_number(topic, n)))
        listing = "\n".join(sections) or "Det er ikke noe innhold med dette temaet ennå.\n"
        title = topic.name if number == 1 else f"{topic.name} – side {number}"
        intro = markdown_text(topic.description) if number == 1 else ""
        pages.append(GeneratedPage(path, title, intro, listing, blocks=blocks))
    return pages


def hub_sections(
    view: RegionView, topics: TopicRegistry, hub_path: str, topic_name: str
) -> html_blocks.Section:
    """The generated part of a hub page: documents, newsletters, articles and related topics."""
    topic = topics.get(topic_name)
    parts = []
    blocks: dict[str, str] = {}
    governing = [d for d in view.of_kind(Kind.GOVERNING) if topic.name in d.tags]
    if governing:
        parts += ["## Styrende dokumenter\n", governing_list(view, topics, hub_path, governing)]
    newsletters = [d for d in view.of_kind(Kind.NEWSLETTER) if topic.name in d.tags][:LATEST_NEWSLETTERS]
    if newsletters:
        parts.append("## Siste nyhetsbrev\n")
        parts += [f"- {link(d.title, hub_path, d.path)} ({markdown_date(d.date)})" for d in newsletters]
        archive = link("Alle nyhetsbrev", hub_path, paths.NEWSLETTERS)
        parts.append(
            f"\n{archive} · {link('RSS', hub_path, paths.RSS)} · {link('Atom', hub_path, paths.ATOM)}\n"
        )
    articles = [d for d in view.of_kind(Kind.ARTICLE) if topic.name in d.tags]
    if articles:
        parts.append("## Fagartikler\n")
        parts.append(
            html_blocks.embed(html_blocks.items(articles[:HUB_ARTICLES], hub_path, topics, 3), blocks)
        )
        if len(articles) > HUB_ARTICLES:
            everything = link(
                f"Alle {len(articles)} fagartikler om {topic.name.lower()}", hub_path, paths.topic_page(topic)
            )
            parts.append(f"{everything}\n")
    related = related_topics(view, topic)
    if related:
        parts.append("## Relaterte tema\n")
        parts += [
            f"- {link(t.name, hub_path, paths.topic_page(t))}" for t in (topics.get(n) for n in related)
        ]
    return html_blocks.Section("\n".join(parts) + "\n", blocks)


def home_sections(view: RegionView, topics: TopicRegistry, count: int = HOME_ITEMS) -> html_blocks.Section:
    """What a region's home page shows after the editor's text: the newest articles and issues."""
    parts = []
    blocks: dict[str, str] = {}
    articles = view.of_kind(Kind.ARTICLE)[:count]
    if articles:
        parts.append("## Siste fagartikler\n")
        parts.append(html_blocks.embed(html_blocks.items(articles, paths.HOME, topics, 3), blocks))
        parts.append(f"{link('Alle fagartikler', paths.HOME, paths.ARTICLES)}\n")
    issues = view.of_kind(Kind.NEWSLETTER)[:3]
    if issues:
        parts.append("## Siste nyhetsbrev\n")
        parts += [f"- {link(d.title, paths.HOME, d.path)} ({markdown_date(d.date)})" for d in issues]
        parts.append(f"\n{link('Alle nyhetsbrev', paths.HOME, paths.NEWSLETTERS)}\n")
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
    ranked = _ranked_for_topics(view, frozenset(doc.tags), count + 1)
    return [other for other in ranked if other.path != doc.path][:count]


def _ranked_for_topics(view: RegionView, tags: frozenset[str], count: int) -> list[Document]:
    # Many articles carry the same set of topics: rank once per set, per region.
    key = ("related", tags, count)
    if key not in view.memo:
        shared: dict[str, int] = {}
        candidates: dict[str, Document] = {}
        for topic in tags:
            for other in view.with_topic(topic):
                if other.kind in (Kind.ARTICLE, Kind.NEWSLETTER, Kind.GOVERNING):
                    shared[other.path] = shared.get(other.path, 0) + 1
                    candidates[other.path] = other
        view.memo[key] = heapq.nsmallest(
            count,
            candidates.values(),
            key=lambda d: (-shared[d.path], -(d.date.toordinal() if d.date else 0), d.path),
        )
    return view.memo[key]


def accessibility_page(region: Region, site_name: str) -> GeneratedPage:
    """The accessibility statement (tilgjengelighetserklæring) the Norwegian rules require."""
    contact = region.contact
    if contact.email:
        feedback = f"Send e-post til [{markdown_text(contact.email)}](mailto:{contact.email})."
    elif contact.url:
        feedback = f"Bruk [kontaktskjemaet]({contact.url})."
    else:
        feedback = f"Ta kontakt med {markdown_text(region.hospital)}."
    body = f"""{markdown_text(site_name)} for {markdown_text(region.name)} skal kunne brukes av alle, også med skjermleser, forstørrelse eller bare tastatur. Nettstedet er laget for å oppfylle kravene til universell utforming av IKT-løsninger: WCAG 2.1 nivå A og AA, slik forskrift om universell utforming av IKT-løsninger krever.

## Status

Nettstedet er i hovedsak i samsvar med kravene. Hver side testes automatisk i en nettleser med axe-core (WCAG 2.0 og 2.1, nivå A og AA), med tastaturnavigasjon og på smal og bred skjerm før den publiseres.

## Kjente mangler

- Dokumenter som ligger på andre nettsteder (for eksempel PDF-filer hos departementet) er ikke kontrollert av oss.
- Automatiske tester finner ikke alle feil. Innholdet i artiklene, som bildetekster og lenketekster, kontrolleres av redaksjonen.

## Gi oss tilbakemelding

Opplever du at noe ikke fungerer, eller finner du innhold som ikke er tilgjengelig? {feedback} Vi svarer så raskt vi kan.

## Klage

Får du ikke svar, eller er du ikke fornøyd med svaret, kan du klage til Tilsynet for universell utforming av IKT (uutilsynet), som fører tilsyn med kravene. Les mer på [uutilsynet.no](https://www.uutilsynet.no/).
"""
    return GeneratedPage(paths.ACCESSIBILITY, "Tilgjengelighetserklæring", body, "")


def region_pages(view: RegionView, topics: TopicRegistry, site_name: str) -> dict[str, GeneratedPage]:
    """Every generated page of one region, by tree path."""
    pages = [
        *article_pages(view, topics),
        newsletter_archive(view, topics),
        governing_page(view, topics),
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
    found = all_generated_paths(topics) - {paths.RSS, paths.ATOM}
    articles = view.of_kind(Kind.ARTICLE)
    found |= {paths.articles_page(n) for n in range(1, page_count(len(articles)) + 1)}
    for topic in topics:
        count = sum(1 for doc in articles if topic.name in doc.tags)
        found |= {paths.topic_page_number(topic, n) for n in range(1, page_count(count) + 1)}
    return found


def all_generated_paths(topics: TopicRegistry) -> set[str]:
    """Paths that exist in every region whatever the content (for link checks)."""
    fixed = {
        paths.ARTICLES,
        paths.NEWSLETTERS,
        paths.GOVERNING,
        paths.TOPICS,
        paths.ACCESSIBILITY,
        paths.RSS,
        paths.ATOM,
    }
    if paths.HELSEFELLESSKAP_TOPIC in topics:
        fixed.add(paths.HELSEFELLESSKAP)
    return fixed | {paths.topic_page(topic) for topic in topics}
