"""A seeded, realistic corpus in the content contract: ``content/``, ``regions/<id>/`` and ``mkdocs.yml``.

Every page passes the project's validation: front matter has exactly the
fields its type allows, tags come from the topic list in ``mkdocs.yml``, and
every relative link points at a page that exists in every region where the
linking page appears (shared pages link only to shared pages and to pages the
build generates; regional pages may also link to their own region's pages).
Learning resources (e-learning courses, films, podcast series) are written by
learning.py.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import random
import shutil
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from kompetansebroen.listings import paths
from kompetansebroen.model.topics import slugify
from kompetansebroen.settings import load_settings

from . import learning, words

NEWSLETTER_SHARE = 0.05
GOVERNING_SHARE = 0.03
EVENT_SHARE = 0.04  # courses and events (arrangementer/), taken from the articles' share
OVERRIDE_SHARE = 0.10  # regional copies of shared articles (same path, local text)

# The four regions of today's site, then the other helsefellesskap areas in the order a growing
# site adds them: ``--regions N`` takes the first N. Each is ``(id, name, hospital)``; the id is the
# name as the project writes addresses (``slugify``).
REGIONS = (
    ("ahus", "Ahus", "Akershus universitetssykehus"),
    ("innlandet", "Innlandet", "Sykehuset Innlandet"),
    ("ostfold", "Østfold", "Sykehuset Østfold"),
    ("vestfold", "Vestfold", "Sykehuset i Vestfold"),
    ("finnmark", "Finnmark", "Finnmarkssykehuset"),
    ("unn", "UNN", "Universitetssykehuset Nord-Norge"),
    ("nordland", "Nordland", "Nordlandssykehuset"),
    ("helgeland", "Helgeland", "Helgelandssykehuset"),
    ("nord-trondelag", "Nord-Trøndelag", "Helse Nord-Trøndelag"),
    ("st-olavs", "St. Olavs", "St. Olavs hospital"),
    ("more-og-romsdal", "Møre og Romsdal", "Helse Møre og Romsdal"),
    ("forde", "Førde", "Helse Førde"),
    ("bergen", "Bergen", "Haukeland universitetssjukehus"),
    ("fonna", "Fonna", "Helse Fonna"),
    ("stavanger", "Stavanger", "Stavanger universitetssjukehus"),
    ("sorlandet", "Sørlandet", "Sørlandet sykehus"),
    ("telemark", "Telemark", "Sykehuset Telemark"),
    ("vestre-viken", "Vestre Viken", "Vestre Viken"),
    ("oslo", "Oslo", "Oslo universitetssykehus"),
)
MAX_REGIONS = len(REGIONS)

FIRST_DATE = dt.date(2012, 1, 1)
LAST_DATE = dt.date(2025, 6, 30)


@dataclass(frozen=True)
class Size:
    """How many Markdown sources: ``shared`` in ``content/`` and ``regional`` in each of ``regions``."""

    name: str
    shared: int
    regional: int
    regions: int = 4

    @property
    def sources(self) -> int:
        return self.shared + self.regions * self.regional

    @property
    def label(self) -> str:
        """Size and region count, as the report names a corpus: ``S4``, ``L19``."""
        return f"{self.name}{self.regions}"

    def with_regions(self, regions: int) -> Size:
        """The same size with ``regions`` regions (each with ``regional`` sources)."""
        region_list(regions)  # refuses a count we have no regions for
        return replace(self, regions=regions)


SIZES = {
    "Q": Size("Q", 20, 5),
    "S": Size("S", 200, 50),
    "L": Size("L", 1000, 250),
    # One region of 10,000 sources (``--sizes XL --regions 1``) for search at that size; not in
    # the default run, since the region's pages would take most of the benchmark's time.
    "XL": Size("XL", 9000, 1000),
}


@dataclass
class Corpus:
    """A generated repository: where it is and what it holds."""

    root: Path
    size: Size
    seed: int
    kinds: Counter = field(default_factory=Counter)
    sources: list[Path] = field(default_factory=list)

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def region_ids(self) -> list[str]:
        return sorted(p.name for p in (self.root / "regions").iterdir() if p.is_dir())

    @property
    def source_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.sources)


@dataclass
class _Page:
    path: str  # relative to its tree
    # artikler | nyhetsbrev | styrende-dokumenter | arrangementer | e-laering | film | podkast | side
    kind: str
    title: str
    date: dt.date | None = None
    tags: tuple[str, ...] = ()
    series: str = ""  # a podcast episode's series title
    number: int = 0  # a podcast episode's place in its series, from 0


def repo_config_file() -> Path:
    """The project's own ``mkdocs.yml`` (beside this folder in the repository, else in the cwd)."""
    here = Path(__file__).resolve().parents[1] / "mkdocs.yml"
    return here if here.is_file() else Path.cwd() / "mkdocs.yml"


def region_list(count: int) -> list[tuple[str, str, str]]:
    """The first ``count`` regions of :data:`REGIONS` as ``(id, name, hospital)``."""
    if not 1 <= count <= MAX_REGIONS:
        raise ValueError(f"regions: {count} is outside 1–{MAX_REGIONS} (the helsefellesskap areas)")
    return list(REGIONS[:count])


def split_counts(total: int) -> tuple[int, int, int]:
    """``(articles, newsletters, governing)`` for ``total`` typed pages (at least one article)."""
    if total <= 0:
        return 0, 0, 0
    newsletters = round(total * NEWSLETTER_SHARE)
    governing = round(total * GOVERNING_SHARE)
    if total >= 3:
        newsletters, governing = max(1, newsletters), max(1, governing)
    return total - newsletters - governing, newsletters, governing


class TextWriter:
    """Seeded Norwegian text: titles, paragraphs and tags (the corpus and the search-at-scale index use it)."""

    def __init__(self, rng: random.Random, topics: list[str]) -> None:
        self.rng = rng
        self.topics = topics

    # -- words --------------------------------------------------------------------

    def object_phrase(self) -> str:
        rng = self.rng
        if rng.random() < 0.7:
            return f"{rng.choice(words.ADJECTIVES)} {rng.choice(words.NOUNS)}"
        return rng.choice(words.NOUNS)

    def clause(self) -> str:
        rng = self.rng
        subject = rng.choice(words.SUBJECTS)
        present, _ = rng.choice(words.VERBS)
        return f"{subject[0].lower()}{subject[1:]} {present} {self.object_phrase()} {rng.choice(words.TAILS)}"

    def sentence(self) -> str:
        rng = self.rng
        subject = rng.choice(words.SUBJECTS)
        present, participle = rng.choice(words.VERBS)
        style = rng.random()
        if style < 0.35:
            return f"{subject} {present} {self.object_phrase()} {rng.choice(words.TAILS)}."
        if style < 0.55:
            lower = subject[0].lower() + subject[1:]
            return f"{rng.choice(words.OPENERS)} {present} {lower} {self.object_phrase()} {rng.choice(words.TAILS)}."
        if style < 0.7:
            return f"{subject} har {participle} {self.object_phrase()} {rng.choice(words.TAILS)}."
        if style < 0.85:
            return rng.choice(words.FRAMES).format(clause=self.clause())
        first, second = rng.sample(words.NOUNS, 2)
        return (
            f"{subject} {present} {rng.choice(words.ADJECTIVES)} {first} og {second} "
            f"{rng.choice(words.TAILS)}, og {self.clause()}."
        )

    def paragraph(self, low: int = 3, high: int = 6, link: str | None = None) -> str:
        sentences = [self.sentence() for _ in range(self.rng.randint(low, high))]
        if self.rng.random() < 0.25:
            index = self.rng.randrange(len(sentences))
            sentences[index] = self.emphasise(sentences[index])
        if link:
            sentences.insert(self.rng.randint(1, len(sentences)), f"Les mer i {link}.")
        return " ".join(sentences)

    def emphasise(self, sentence: str) -> str:
        """Bold or italicise three words in the middle of ``sentence``."""
        parts = sentence.rstrip(".").split(" ")
        if len(parts) < 5:
            return sentence
        start = self.rng.randrange(1, len(parts) - 3)
        marker = "**" if self.rng.random() < 0.5 else "*"
        middle = " ".join(parts[start : start + 3]).rstrip(",")
        return " ".join([*parts[:start], f"{marker}{middle}{marker}", *parts[start + 3 :]]) + "."

    def title(self) -> str:
        rng = self.rng
        style = rng.random()
        if style < 0.4:
            phrase = self.object_phrase()
            return f"{phrase[0].upper()}{phrase[1:]} {rng.choice(words.TAILS)}"
        if style < 0.7:
            subject = rng.choice(words.SUBJECTS)
            present, _ = rng.choice(words.VERBS)
            return f"{subject} {present} {self.object_phrase()}"
        noun = rng.choice(words.NOUNS)
        return f"Slik lykkes {rng.choice(words.MUNICIPALITIES)} med {noun} {rng.choice(words.TAILS)}"

    def tags(self) -> tuple[str, ...]:
        count = self.rng.choice((1, 2, 2, 2, 3, 3))
        return tuple(self.rng.sample(self.topics, min(count, len(self.topics))))

    def date(self) -> dt.date:
        span = (LAST_DATE - FIRST_DATE).days
        return FIRST_DATE + dt.timedelta(days=self.rng.randrange(span + 1))

    def person(self) -> str:
        return f"{self.rng.choice(words.FIRST_NAMES)} {self.rng.choice(words.LAST_NAMES)}"

    # -- blocks -------------------------------------------------------------------

    def bullet_list(self, links: list[str]) -> str:
        rng = self.rng
        items = []
        for _ in range(rng.randint(3, 6)):
            if links and rng.random() < 0.3:
                items.append(rng.choice(links))
            else:
                phrase = self.object_phrase()
                items.append(f"{phrase} {rng.choice(words.TAILS)}")
        if rng.random() < 0.4:
            return "\n".join(f"{n}. {item[0].upper()}{item[1:]}" for n, item in enumerate(items, start=1))
        return "\n".join(f"- {item}," if i < len(items) - 1 else f"- {item}." for i, item in enumerate(items))

    def table(self) -> str:
        rng = self.rng
        columns = rng.choice(words.TABLE_COLUMNS)
        rows = [f"| {' | '.join(columns)} |", "| " + " | ".join("---" for _ in columns) + " |"]
        for _ in range(rng.randint(3, 7)):
            if columns[0] == "Kommune":
                cells = (
                    rng.choice(words.MUNICIPALITIES),
                    f"{rng.randint(2, 120) * 1000:,}".replace(",", " "),
                    str(rng.randint(2015, 2025)),
                )
            else:
                phrase = self.object_phrase()
                cells = (
                    phrase[0].upper() + phrase[1:],
                    rng.choice(words.SUBJECTS),
                    f"{rng.choice(words.MONTHS)} {rng.randint(2020, 2026)}",
                )
            rows.append(f"| {' | '.join(cells)} |")
        return "\n".join(rows)

    def admonition(self) -> str:
        kind, heading = self.rng.choice(words.ADMONITIONS)
        lines = [self.sentence() for _ in range(self.rng.randint(1, 3))]
        if self.rng.random() < 0.5:
            body = "\n".join(f"    - {line.rstrip('.')}" for line in lines)
        else:
            body = "    " + " ".join(lines)
        return f'!!! {kind} "{heading}"\n{body}'

    def details(self) -> str:
        question = f"Hvem har ansvaret for {self.rng.choice(words.NOUNS)} {self.rng.choice(words.TAILS)}?"
        return f'??? question "{question}"\n    {self.paragraph(1, 3)}'

    def definitions(self) -> str:
        chosen = self.rng.sample(words.TERMS, self.rng.randint(2, 3))
        return "\n\n".join(f"{term}\n:   {text[0].upper()}{text[1:]}." for term, text in chosen)

    def block(self, links: list[str]) -> str:
        choice = self.rng.random()
        if choice < 0.35:
            return self.bullet_list(links)
        if choice < 0.5:
            return self.table()
        if choice < 0.7:
            return self.admonition()
        if choice < 0.8:
            return self.details()
        if choice < 0.9:
            return self.definitions()
        return f"### {self.rng.choice(words.HEADINGS)}\n\n{self.paragraph(2, 4)}"


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _link(label: str, from_path: str, to_path: str) -> str:
    return f"[{label}]({posixpath.relpath(to_path, posixpath.dirname(from_path) or '.')})"


class _Generator:
    def __init__(
        self, root: Path, size: Size, seed: int, topics: list[str], professions: tuple[str, ...]
    ) -> None:
        self.root = root
        self.professions = professions
        self.size = size
        # The region count is left out of the seed, and regions are written in :data:`REGIONS`
        # order: a corpus with more regions is the one with fewer plus the added regions, so
        # their difference in build time is the cost of those regions alone.
        self.rng = random.Random(f"{seed}:{size.name}:{size.shared}:{size.regional}")
        self.writer = TextWriter(self.rng, topics)
        self.topics = topics
        self.corpus = Corpus(root, size, seed)
        # Generated pages every region has; shared pages may link to them.
        self.generated = [
            (paths.ARTICLES, "Alle fagartikler"),
            (paths.NEWSLETTERS, "Nyhetsbrev"),
            (paths.GOVERNING, "Styrende dokumenter"),
            *((f"tema/{slugify(name)}.md", name) for name in topics),
        ]

    # -- planning -----------------------------------------------------------------

    def plan_typed(self, total: int, suffix: str) -> list[_Page]:
        articles, newsletters, governing = split_counts(total)
        events = round(total * EVENT_SHARE) if articles > 2 * round(total * EVENT_SHARE) else 0
        articles -= events
        resources = learning.learning_counts(total, articles)
        articles -= resources.pages
        pages: list[_Page] = []
        for number in range(articles):
            title = self.writer.title()
            slug = f"{slugify(title)[:48].rstrip('-')}{suffix}-{number + 1:04d}"
            pages.append(
                _Page(f"artikler/{slug}.md", "artikler", title, self.writer.date(), self.writer.tags())
            )
        for number in range(newsletters):
            date = self.writer.date()
            month = words.MONTHS[date.month - 1]
            title = f"Nyhetsbrev for helsefellesskapene – {month} {date.year}"
            slug = f"{date:%Y-%m}-nyhetsbrev{suffix}-{number + 1:03d}"
            pages.append(_Page(f"nyhetsbrev/{slug}.md", "nyhetsbrev", title, date, self.writer.tags()))
        for number in range(governing):
            date = self.writer.date()
            kind = self.rng.choice(words.GOVERNING_KINDS)
            title = f"{kind} om {self.rng.choice(words.NOUNS)} {self.rng.choice(words.TAILS)} ({date.year})"
            slug = f"{slugify(title)[:48].rstrip('-')}{suffix}-{number + 1:03d}"
            pages.append(
                _Page(
                    f"styrende-dokumenter/{slug}.md", "styrende-dokumenter", title, date, self.writer.tags()
                )
            )
        for number in range(events):
            title = f"Fagdag om {self.rng.choice(words.NOUNS)} {self.rng.choice(words.TAILS)}"
            slug = f"{slugify(title)[:48].rstrip('-')}{suffix}-{number + 1:03d}"
            pages.append(
                _Page(
                    f"arrangementer/{slug}.md", "arrangementer", title, self.writer.date(), self.writer.tags()
                )
            )
        return pages + self.plan_learning(resources, suffix)

    def plan_learning(self, counts: learning.LearningCounts, suffix: str) -> list[_Page]:
        """The courses, films and podcast episodes of one tree (``suffix`` keeps regions' names apart)."""
        pages: list[_Page] = []
        for folder, count, make_title in (
            ("e-laering", counts.courses, learning.course_title),
            ("film", counts.films, learning.film_title),
        ):
            for number in range(count):
                title = make_title(self.writer)
                slug = f"{slugify(title)[:48].rstrip('-')}{suffix}-{number + 1:03d}"
                pages.append(
                    _Page(f"{folder}/{slug}.md", folder, title, self.writer.date(), self.writer.tags())
                )
        for number in range(counts.series):
            series = learning.series_title(self.writer)
            slug = f"{slugify(series)[:40].rstrip('-')}{suffix}-{number + 1:02d}"
            tags = self.writer.tags()
            first = min(self.writer.date(), LAST_DATE - dt.timedelta(days=14 * learning.EPISODES_PER_SERIES))
            for index in range(learning.EPISODES_PER_SERIES):
                title = self.writer.title()
                date = first + dt.timedelta(days=14 * index)
                path = f"podkast/{slug}/episode-{index + 1}.md"
                pages.append(_Page(path, "podkast", title, date, tags, series=series, number=index))
        return pages

    # -- writing ------------------------------------------------------------------

    def write(self, tree: Path, page: _Page, text: str) -> None:
        target = tree / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        self.corpus.sources.append(target)
        self.corpus.kinds[page.kind] += 1

    def front_matter(self, page: _Page, extra: dict[str, str] | None = None) -> str:
        lines = ["---", f"title: {_quote(page.title)}"]
        if page.kind != "side" and page.date:
            lines.append(f"date: {page.date.isoformat()}")
        if page.kind in ("artikler", "nyhetsbrev"):
            description = self.writer.paragraph(1, 2)
            lines.append(f"description: {_quote(description)}")
        for key, value in (extra or {}).items():
            lines.append(f"{key}: {value}")
        if page.tags:
            lines.append("tags:")
            lines += [f"  - {tag}" for tag in page.tags]
        if page.kind == "artikler":
            lines.append("authors:")
            authors = ["Redaksjonen"] if self.rng.random() < 0.3 else []
            authors += [self.writer.person() for _ in range(self.rng.randint(0 if authors else 1, 2))]
            lines += [f"  - {_quote(a)}" for a in dict.fromkeys(authors)]
        lines.append("---")
        return "\n".join(lines) + "\n\n"

    def links_from(self, page: _Page, targets: list[_Page], count: int) -> list[str]:
        chosen = self.rng.sample(targets, min(count, len(targets)))
        return [_link(t.title, page.path, t.path) for t in chosen if t.path != page.path]

    def article_body(self, page: _Page, targets: list[_Page], note: str | None = None) -> str:
        rng = self.rng
        parts = [note] if note else []
        parts.append(self.writer.paragraph(2, 4))
        links = self.links_from(page, targets, 6)
        footnotes = []
        for number, heading in enumerate(rng.sample(words.HEADINGS, rng.randint(3, 5))):
            parts.append(f"## {heading}")
            link = links[number] if number < len(links) and rng.random() < 0.6 else None
            text = self.writer.paragraph(3, 5, link)
            if rng.random() < 0.15:
                text += f"[^{len(footnotes) + 1}]"
                # Sources, as editors write them. (A definition that starts with a plain word is taken
                # for a reference link by the link check, so the corpus keeps to the «Kilde:» form.)
                footnotes.append(f"Kilde: {self.writer.sentence()}")
            parts.append(text)
            if rng.random() < 0.6:
                parts.append(self.writer.block(links))
            if rng.random() < 0.4:
                parts.append(self.writer.paragraph(2, 4))
        if rng.random() < 0.2:
            path, label = rng.choice(self.generated)
            parts.append(f"Se også {_link(label, page.path, path)}.")
        read_more = links[-rng.randint(1, 3) :] if links else []
        if read_more:
            parts.append("## Les også")
            parts.append("\n".join(f"- {link}" for link in read_more))
        parts += [f"[^{n}]: {text}" for n, text in enumerate(footnotes, start=1)]
        return "\n\n".join(parts) + "\n"

    def newsletter_body(self, page: _Page, targets: list[_Page]) -> str:
        rng = self.rng
        parts = ["*Eksempelutgave. Sakene er generert for å måle byggetiden.*"]
        links = self.links_from(page, targets, 4)
        for number in range(rng.randint(3, 5)):
            parts.append(f"## {self.writer.title()}")
            link = links[number] if number < len(links) else None
            parts.append(self.writer.paragraph(2, 4, link))
        if rng.random() < 0.5:
            parts.append(self.writer.admonition())
        return "\n\n".join(parts) + "\n"

    def governing_body(self, page: _Page) -> str:
        rng = self.rng
        parts = [self.writer.paragraph(2, 4)]
        if rng.random() < 0.5:
            parts.append(self.writer.admonition())
        for heading in rng.sample(words.HEADINGS, rng.randint(1, 3)):
            parts.append(f"## {heading}")
            parts.append(self.writer.paragraph(2, 5))
        parts.append(self.writer.bullet_list([]))
        return "\n\n".join(parts) + "\n"

    def governing_extra(self) -> dict[str, str]:
        issuer, host = self.rng.choice(words.ISSUERS)
        status = "historisk" if self.rng.random() < 0.3 else "gjeldende"
        url = f"https://{host}/dokumenter/{self.rng.randrange(10**6):06d}/"
        return {"issuer": _quote(issuer), "url": _quote(url), "status": status}

    def event_text(self, page: _Page) -> str:
        """An event's front matter (no ``date``: it has ``start`` and ``end``) and a short programme."""
        assert page.date is not None
        day = page.date.isoformat()
        lines = [
            "---",
            f"title: {_quote(page.title)}",
            f"description: {_quote(self.writer.sentence())}",
            f"start: {day} 09:00",
            f"end: {day} 15:30",
            f"format: {self.rng.choice(['fysisk', 'digitalt', 'hybrid'])}",
            'place: "Auditoriet, Eksempelveien 1, 0000 Eksempelby"',
            'organiser: "Kompetansebroen"',
            "registration_url: https://pamelding.example/fagdag",
            "audience: [Sykepleiere, Leger]",
        ]
        if page.tags:
            lines.append("tags:")
            lines += [f"  - {tag}" for tag in page.tags]
        lines.append("---")
        body = [self.writer.paragraph(2, 3), "## Program", self.writer.bullet_list([])]
        return "\n".join(lines) + "\n\n" + "\n\n".join(body) + "\n"

    def learning_text(self, tree: Path, page: _Page) -> str:
        """A course's, film's or episode's page; a film's poster and a series' file and cover beside it."""
        assert page.date is not None
        folder = tree / posixpath.dirname(page.path)
        folder.mkdir(parents=True, exist_ok=True)
        if page.kind == "e-laering":
            slug = posixpath.splitext(posixpath.basename(page.path))[0]
            return learning.course_text(
                self.writer,
                self.rng,
                title=page.title,
                slug=slug,
                updated=page.date,
                tags=page.tags,
                professions=self.professions,
            )
        if page.kind == "film":
            if not (folder / learning.POSTER_NAME).exists():
                (folder / learning.POSTER_NAME).write_bytes(learning.poster_bytes())
            return learning.film_text(self.writer, self.rng, title=page.title, date=page.date, tags=page.tags)
        if not (folder / "serie.yml").exists():
            (folder / "serie.yml").write_text(
                learning.series_yaml(self.writer, title=page.series, slug=folder.name) + "\n",
                encoding="utf-8",
            )
            (folder / learning.COVER_NAME).write_bytes(learning.cover_bytes())
        return learning.episode_text(
            self.writer,
            self.rng,
            title=page.title,
            series_slug=folder.name,
            index=page.number,
            date=page.date,
            tags=page.tags,
        )

    def typed_page(self, tree: Path, page: _Page, targets: list[_Page], note: str | None = None) -> None:
        if page.kind == "arrangementer":
            self.write(tree, page, self.event_text(page))
            return
        if page.kind in ("e-laering", "film", "podkast"):
            self.write(tree, page, self.learning_text(tree, page))
            return
        if page.kind == "artikler":
            text = self.front_matter(page) + self.article_body(page, targets, note)
        elif page.kind == "nyhetsbrev":
            text = self.front_matter(page) + self.newsletter_body(page, targets)
        else:
            text = self.front_matter(page, self.governing_extra()) + self.governing_body(page)
        self.write(tree, page, text)

    def home(self, tree: Path, title: str, intro: str, featured: list[_Page]) -> _Page:
        page = _Page(paths.HOME, "side", title, tags=("Kompetanse", "Samhandling"))
        page.tags = tuple(t for t in page.tags if t in self.topics)
        parts = [intro, self.writer.paragraph(2, 3), "## Dette finner du her"]
        parts.append(
            "\n".join(
                f"- {_link(label, page.path, path)}"
                for path, label in self.generated[:3] + [(paths.HELSEFELLESSKAP, "Helsefellesskap")]
            )
        )
        parts.append("## Utvalgte artikler")
        parts.append("\n".join(f"- {_link(p.title, page.path, p.path)}" for p in featured))
        parts.append('!!! note "Om innholdet"\n    Innholdet er eksempeltekst laget for å måle byggetiden.')
        self.write(tree, page, self.front_matter(page) + "\n\n".join(parts) + "\n")
        return page

    def hub(self, tree: Path) -> _Page:
        page = _Page(
            paths.HELSEFELLESSKAP, "side", "Helsefellesskap", tags=("Helsefellesskap", "Samhandling")
        )
        page.tags = tuple(t for t in page.tags if t in self.topics)
        extra = {"hub": "Helsefellesskap"} if "Helsefellesskap" in self.topics else None
        parts = [self.writer.paragraph(3, 5)]
        for heading in ("Partnerskapsmøtet", "Strategisk samarbeidsutvalg", "Faglige samarbeidsutvalg"):
            parts += [f"## {heading}", self.writer.paragraph(2, 4)]
        front = self.front_matter(page, extra)
        self.write(tree, page, front + "\n\n".join(parts) + "\n")
        return page

    # -- the whole tree -----------------------------------------------------------

    def run(self, config_source: Path) -> Corpus:
        size = self.size
        root = self.root
        shutil.copyfile(config_source, root / "mkdocs.yml")
        content = root / "content"
        content.mkdir(parents=True, exist_ok=True)

        shared = self.plan_typed(max(1, size.shared - 2), "")
        articles = [p for p in shared if p.kind == "artikler"]
        hub = self.hub(content) if size.shared >= 2 else None
        self.home(
            content,
            "Kompetansebroen",
            "Kompetansebroen er et nettsted for kompetansedeling og samhandling i helsetjenesten.",
            self.rng.sample(articles, min(8, len(articles))),
        )
        shared_targets = shared + ([hub] if hub else [])
        for page in shared:
            self.typed_page(content, page, shared_targets)

        for region_id, name, hospital in region_list(size.regions):
            tree = root / "regions" / region_id
            tree.mkdir(parents=True, exist_ok=True)
            (tree / "region.yml").write_text(
                f"name: {_quote(name)}\n"
                f"hospital: {_quote(hospital)}\n"
                f'description: "Kompetansedeling og samhandling mellom {hospital} og kommunene."\n'
                f"contact:\n  email: kompetansebroen@{region_id}.example\n",
                encoding="utf-8",
            )
            remaining = max(0, size.regional - 1)
            overrides = self.rng.sample(articles, min(len(articles), round(remaining * OVERRIDE_SHARE)))
            own = self.plan_typed(remaining - len(overrides), f"-{region_id}")
            targets = shared_targets + own
            self.home(
                tree,
                f"Kompetansebroen – {name}",
                f"Velkommen til Kompetansebroen for {name}. Her finner du som jobber ved {hospital} "
                "eller i kommunene i opptaksområdet, fagstoff og læringsressurser.",
                (own[:6] + self.rng.sample(articles, min(4, len(articles)))),
            )
            for page in own:
                self.typed_page(tree, page, targets)
            for original in overrides:
                page = _Page(original.path, original.kind, original.title, original.date, original.tags)
                note = (
                    f'!!! note "For lesere i {name}"\n'
                    f"    Dette er den regionale versjonen av artikkelen. {self.writer.paragraph(1, 2)}"
                )
                self.typed_page(tree, page, targets, note)
        return self.corpus


def generate(
    root: Path | str,
    size: Size,
    *,
    seed: int = 1,
    config_file: Path | None = None,
) -> Corpus:
    """Write a corpus of ``size`` into ``root`` (created if missing; must be empty) and describe it."""
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    if any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty")
    config_file = config_file or repo_config_file()
    settings = load_settings(config_file)
    topics = settings.topics.names()
    if not topics:
        raise ValueError(f"{config_file} has no kompetansebroen topics")
    return _Generator(root, size, seed, topics, settings.professions).run(config_file)
