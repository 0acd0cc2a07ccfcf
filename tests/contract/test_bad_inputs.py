"""The editors' contract: every bad input fails the build and the check with one clear message.

Each case starts from a good, built repository, introduces one mistake, and
runs the build and ``kompetansebroen-check``. Both must exit non-zero, name the
file (and the field), show no traceback, and the build must leave the previous
site/ exactly as it was. The whole table runs in the test process
(``in_process.py``: the check's own function, and MkDocs' build with our
plugin); one case of each phase in which a build refuses content (the tree's
validation, a page's HTML as MkDocs made it, links to headings) also runs as
an editor runs it, ``mkdocs build`` of every region and the check as
subprocesses.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from tests.support.builds import Run, build_and_check
from tests.support.repos import edit, write
from tests.support.trees import differences, tree_of

from .conftest import GoodBuild
from .in_process import InProcess, check_in_process

A = "content/artikler/forste-artikkel.md"
N = "content/nyhetsbrev/2024-01-nyhetsbrev.md"
G = "content/styrende-dokumenter/plan.md"
R = "regions/nord/region.yml"
E = "content/arrangementer/fagdag.md"


def symlink_outside(repo: Path) -> None:
    outside = repo.parent / "utenfor.md"
    outside.write_text("---\ntitle: Hemmelig\n---\n\nHemmelig.\n", encoding="utf-8")
    os.symlink(outside, repo / "content/hemmelig.md")


def with_photo(repo: Path, credit: str, image: str = "bilder/moete.png") -> None:
    """Give the article a photo (a real PNG beside it) with alt text and ``credit`` (its front-matter line)."""
    target = repo / "content/artikler/bilder/moete.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (8, 8), (0, 94, 130)).save(target)
    edit(repo, A, "authors:", f'image: {image}\nimage_alt: "To sykepleiere i samtale"\n{credit}authors:')


@dataclass(frozen=True)
class BadInput:
    id: str
    mutate: Callable[[Path], object]
    path: str
    """The file the message names, relative to the repository root."""
    field: str | None
    fragment: str
    """What the message must say (the expected form, the suggestion), in the build and the check alike."""


BAD_INPUTS = [
    BadInput(
        "broken-yaml",
        lambda r: edit(r, A, 'title: "Første artikkel"', 'title: "Første artikkel'),
        A,
        None,
        "anførselstegnet er ikke lukket",
    ),
    BadInput(
        "tab-indentation",
        lambda r: edit(r, A, "  - Kompetanse", "\t- Kompetanse"),
        A,
        None,
        "tabulator i innrykket",
    ),
    BadInput(
        "unclosed-front-matter",
        lambda r: edit(r, A, '  - "Redaksjonen"\n---\n', '  - "Redaksjonen"\n\n'),
        A,
        None,
        "front matter er ikke avsluttet",
    ),
    BadInput(
        "title-no", lambda r: edit(r, A, 'title: "Første artikkel"', "title: no"), A, "title", 'title: "no"'
    ),
    BadInput(
        "municipalities-octal",
        lambda r: edit(r, R, "municipalities: 12", "municipalities: 0150"),
        R,
        "municipalities",
        "municipalities: 150",
    ),
    BadInput(
        "municipalities-quoted",
        lambda r: edit(r, R, "municipalities: 12", 'municipalities: "012"'),
        R,
        "municipalities",
        "municipalities: 12",
    ),
    BadInput(
        "sexagesimal-in-text",
        lambda r: edit(r, A, 'description: "Om samarbeid mellom sykehus og kommuner."', "description: 12:30"),
        A,
        "description",
        'description: "12:30"',
    ),
    BadInput(
        "impossible-month",
        lambda r: edit(r, A, "date: 2024-03-01", "date: 2026-13-01"),
        A,
        "date",
        "måned 13 finnes ikke",
    ),
    BadInput(
        "impossible-day",
        lambda r: edit(r, A, "date: 2024-03-01", "date: 2024-02-30"),
        A,
        "date",
        "februar 2024 har 29 dager",
    ),
    BadInput(
        "norwegian-date",
        lambda r: edit(r, A, "date: 2024-03-01", "date: 30.06.2020"),
        A,
        "date",
        "date: 2020-06-30",
    ),
    BadInput(
        "missing-required-field",
        lambda r: edit(r, N, 'description: "Sakene i januar."\n', ""),
        N,
        "description",
        "mangler",
    ),
    BadInput(
        "missing-front-matter",
        lambda r: write(r, "content/artikler/uten-front-matter.md", "# Bare tekst\n\nIngen felter.\n"),
        "content/artikler/uten-front-matter.md",
        None,
        "front matter mangler",
    ),
    BadInput(
        "unknown-tag",
        lambda r: edit(r, A, "  - Kompetanse", "  - Helsefelleskap"),
        A,
        "tags",
        "mente du «Helsefellesskap»?",
    ),
    BadInput(
        "unknown-region",
        lambda r: edit(r, A, "authors:", "regions: [nord, vest]\nauthors:"),
        A,
        "regions",
        "ukjent område «vest»",
    ),
    BadInput(
        "unknown-key",
        lambda r: edit(r, R, "hospital:", "hospitl:"),
        R,
        "hospitl",
        "mente du «hospital»?",
    ),
    BadInput(
        "region-folder-without-region-yml",
        lambda r: write(r, "regions/vest/index.md", "---\ntitle: Vest\n---\n\nVest.\n"),
        "regions/vest/region.yml",
        None,
        "filen mangler",
    ),
    BadInput(
        "region-yml-without-name",
        lambda r: edit(r, R, "name: Nord\n", ""),
        R,
        "name",
        "mangler",
    ),
    BadInput(
        "governing-neither-url-nor-file",
        lambda r: edit(
            r, G, 'url: "https://www.regjeringen.no/no/dokumenter/meld.-st.-7-20192020/id2678667/"\n', ""
        ),
        G,
        "url",
        "enten url",
    ),
    BadInput(
        "governing-both-url-and-file",
        lambda r: edit(r, G, "tags:", "file: ../styrende-dokumenter/vedlegg/avtale.pdf\ntags:"),
        G,
        "file",
        "både url og file",
    ),
    BadInput(
        "governing-file-missing",
        lambda r: edit(r, "content/styrende-dokumenter/avtale.md", "vedlegg/avtale.pdf", "vedlegg/borte.pdf"),
        "content/styrende-dokumenter/avtale.md",
        "file",
        "«vedlegg/borte.pdf» finnes ikke",
    ),
    BadInput(
        "link-to-missing-page",
        lambda r: edit(r, A, "Innledning til artikkelen.", "Innledning. Se [borte](borte.md)."),
        A,
        None,
        "lenken «borte.md» peker på en side som ikke finnes",
    ),
    BadInput(
        "link-to-missing-anchor",
        lambda r: edit(r, A, "](#bakgrunn)", "](#bakgrun)"),
        A,
        None,
        "lenken «#bakgrun» peker på et avsnitt (#bakgrun) som ikke finnes på denne siden",
    ),
    BadInput(
        "not-utf8",
        lambda r: write(
            r, "content/latin1.md", "---\ntitle: Søk\n---\n\nSøk i innholdet.\n".encode("latin-1")
        ),
        "content/latin1.md",
        None,
        "filen er ikke UTF-8",
    ),
    BadInput(
        "event-end-before-start",
        lambda r: edit(r, E, "end: 2024-03-14 15:30", "end: 2024-03-14 08:00"),
        E,
        "end",
        "er før start",
    ),
    BadInput(
        "event-time-without-date",
        lambda r: edit(r, E, "start: 2024-03-14 09:00", 'start: "09:00"'),
        E,
        "start",
        "klokkeslett uten dato",
    ),
    BadInput(
        "event-physical-without-place",
        lambda r: edit(r, E, 'place: "Auditoriet, Sykehusveien 1, 0000 Eksempelby"\n', ""),
        E,
        "place",
        "et fysisk arrangement trenger sted",
    ),
    BadInput(
        "event-deadline-after-start",
        lambda r: edit(r, E, "registration_deadline: 2024-03-01", "registration_deadline: 2024-03-20"),
        E,
        "registration_deadline",
        "er etter start",
    ),
    BadInput(
        "event-registration-not-https",
        lambda r: edit(r, E, "https://pamelding.example/fagdag", "http://pamelding.example/fagdag"),
        E,
        "registration_url",
        "registration_url: https://pamelding.example/fagdag",
    ),
    BadInput(
        "event-unknown-profession",
        lambda r: edit(r, E, "audience: [Sykepleiere, Leger]", "audience: [Sykepleiere, Lege]"),
        E,
        "audience",
        "mente du «Leger»?",
    ),
    BadInput(
        "event-time-unquoted",
        lambda r: edit(r, E, "end: 2024-03-14 15:30", "end: 12:30"),
        E,
        "end",
        'end: "2025-03-14 12:30"',
    ),
    BadInput(
        "event-date-and-datetime-mixed",
        lambda r: edit(r, E, "end: 2024-03-14 15:30", "end: 2024-03-15"),
        E,
        "end",
        "start har klokkeslett, men end er en hel dag",
    ),
    BadInput(
        "image-without-credit",
        lambda r: with_photo(r, ""),
        A,
        "image_credit",
        "mangler; et bilde skal krediteres med fotograf eller kilde",
    ),
    BadInput(
        "image-file-missing",
        lambda r: with_photo(r, 'image_credit: "Privat"\n', image="bilder/borte.png"),
        A,
        "image",
        "«bilder/borte.png» finnes ikke; legg bildet i content/ ved siden av denne siden og skriv filnavnet, "
        "f.eks. image: moete.jpg",
    ),
    BadInput(
        "updated-before-date",
        lambda r: edit(r, A, "date: 2024-03-01\n", "date: 2024-03-01 11:41\nupdated: 2024-02-01\n"),
        A,
        "updated",
        "«2024-02-01» er før date («2024-03-01 11:41»)",
    ),
    BadInput(
        "impossible-time",
        lambda r: edit(r, A, "date: 2024-03-01", "date: 2024-03-01 25:00"),
        A,
        "date",
        "klokkeslett som ikke finnes",
    ),
    BadInput(
        "updated-time-without-date",
        lambda r: edit(r, N, "date: 2024-01-15\n", 'date: 2024-01-15\nupdated: "14:05"\n'),
        N,
        "updated",
        "klokkeslett uten dato",
    ),
    BadInput("symlink-outside", symlink_outside, "content/hemmelig.md", None, "peker ut av repoet"),
    BadInput(
        "two-files-one-url",
        lambda r: write(r, "content/artikler/forste-artikkel/index.md", "---\ntitle: Kopi\n---\n\nKopi.\n"),
        "content/artikler/forste-artikkel/index.md",
        None,
        "gir samme adresse (artikler/forste-artikkel/)",
    ),
    BadInput(
        "script",
        lambda r: edit(r, A, "Innledning til artikkelen.", "<script>alert(1)</script>"),
        A,
        None,
        "<script>",
    ),
    BadInput(
        "iframe",
        lambda r: edit(r, A, "Innledning til artikkelen.", '<iframe src="https://x.example/"></iframe>'),
        A,
        None,
        "<iframe>",
    ),
    BadInput(
        "object",
        lambda r: edit(r, A, "Innledning til artikkelen.", '<object data="x.swf"></object>'),
        A,
        None,
        "<object>",
    ),
    BadInput(
        "embed",
        lambda r: edit(r, A, "Innledning til artikkelen.", '<embed src="x.swf">'),
        A,
        None,
        "<embed>",
    ),
    BadInput(
        "event-handler",
        lambda r: edit(
            r, A, "Innledning til artikkelen.", '<a href="https://x.example/" onclick="x()">x</a>'
        ),
        A,
        None,
        "onclick=",
    ),
    BadInput(
        "javascript-url",
        lambda r: edit(r, A, "Innledning til artikkelen.", "[Klikk](javascript:alert(1))"),
        A,
        None,
        "javascript:",
    ),
    BadInput(
        "data-url",
        lambda r: edit(r, A, "Innledning til artikkelen.", "![x](data:image/png;base64,AAAA)"),
        A,
        None,
        "data:",
    ),
    BadInput(
        "attr-list-handler",
        lambda r: edit(r, A, "Innledning til artikkelen.", '[l](https://example.org){: onclick="x()" }'),
        A,
        None,
        "hendelsesattributtet onclick=",
    ),
    BadInput(
        "attr-list-javascript",
        lambda r: edit(
            r, A, "Innledning til artikkelen.", '[l](https://example.org){: href="javascript:alert(1)" }'
        ),
        A,
        None,
        "adresser som begynner med javascript:",
    ),
    BadInput(
        "code-span-in-html-block",
        lambda r: edit(r, A, "Innledning til artikkelen.", "<div>`<img src=x onerror=alert(1)>`</div>"),
        A,
        None,
        "hendelsesattributtet onerror=",
    ),
    BadInput(
        "quoted-greater-than",
        lambda r: edit(r, A, "Innledning til artikkelen.", '<div title=">" onclick="x()">t</div>'),
        A,
        None,
        "hendelsesattributtet onclick=",
    ),
    BadInput(
        "not-a-fence",
        lambda r: edit(r, A, "Innledning til artikkelen.", "~~~ x y\n<img src=x onerror=alert(1)>\n~~~"),
        A,
        None,
        "hendelsesattributtet onerror=",
    ),
    BadInput(
        "backtick-runs-of-growing-length",
        # 1 MB on one line: Python-Markdown took minutes over it; the check refuses it at once.
        lambda r: edit(r, A, "Innledning til artikkelen.", " ".join("`" * n + "x" for n in range(1, 1401))),
        A,
        None,
        "rekker med mer enn 10 backticks (`) utenfor en kodeblokk",
    ),
    BadInput(
        "remote-stylesheet",
        lambda r: edit(
            r, A, "Innledning til artikkelen.", '<link rel=stylesheet href="https://x.example/a.css">'
        ),
        A,
        None,
        "HTML-elementet <link>",
    ),
    BadInput(
        "style-import",
        lambda r: edit(
            r, A, "Innledning til artikkelen.", "<style>@import url(https://x.example/a.css)</style>"
        ),
        A,
        None,
        "HTML-elementet <style>",
    ),
    BadInput(
        "form-to-another-host",
        lambda r: edit(
            r,
            A,
            "Innledning til artikkelen.",
            '<form action="https://x.example/"><input type="password" name="p"></form>',
        ),
        A,
        None,
        "HTML-elementet <form>",
    ),
    BadInput(
        "remote-html-image",
        lambda r: edit(r, A, "Innledning til artikkelen.", '<img src="https://x.example/a.png" alt="a">'),
        A,
        None,
        "fra et annet nettsted",
    ),
    BadInput(
        "remote-markdown-image",
        lambda r: edit(r, A, "Innledning til artikkelen.", "![a](https://x.example/a.png)"),
        A,
        None,
        "fra et annet nettsted",
    ),
]


def symlink_into_git(repo: Path) -> None:
    """A link to a file inside the repository that must never be published (.git/config)."""
    write(repo, ".git/config", "[core]\n\trepositoryformatversion = 0\n")
    (repo / "content/vedlegg").mkdir(parents=True, exist_ok=True)
    os.symlink("../../.git/config", repo / "content/vedlegg/c.txt")


ARTICLE_TEXT = '---\ntitle: "Side 2"\ndate: 2024-01-01\ndescription: "En artikkel."\n---\n\nTekst.\n'
SVG_WITH_SCRIPT = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="1"/></svg>'

PUBLISHING = [
    BadInput(
        "markdown-suffix",
        lambda r: write(r, "content/artikler/x.markdown", "---\ntitle: X\n---\n\nX.\n"),
        "content/artikler/x.markdown",
        None,
        "gi filen endelsen .md (x.md)",
    ),
    BadInput(
        "raw-html",
        lambda r: write(r, "content/vedlegg/side.html", "<script>alert(1)</script>"),
        "content/vedlegg/side.html",
        None,
        "filer med endelsen .html publiseres ikke",
    ),
    BadInput(
        "raw-js",
        lambda r: write(r, "regions/nord/vedlegg/x.js", "alert(1)"),
        "regions/nord/vedlegg/x.js",
        None,
        "filer med endelsen .js publiseres ikke",
    ),
    BadInput(
        "theme-script-replaced",
        lambda r: write(r, "content/assets/kompetansebroen/kb.js", "alert(1)"),
        "content/assets/kompetansebroen/kb.js",
        None,
        "mappen assets/ øverst i innholdet tilhører nettstedet selv",
    ),
    BadInput(
        "sitemap-replaced",
        lambda r: write(r, "content/sitemap.xml", "<urlset/>"),
        "content/sitemap.xml",
        None,
        "sitemap.xml lages av nettstedet selv",
    ),
    BadInput(
        "favourites-page-replaced",
        lambda r: write(r, "regions/sor/favoritter/index.md", "---\ntitle: X\n---\n\nX.\n"),
        "regions/sor/favoritter/index.md",
        None,
        "mappen favoritter/ øverst i innholdet tilhører nettstedet selv",
    ),
    BadInput(
        "svg-with-script",
        lambda r: write(r, "content/bilder/x.svg", SVG_WITH_SCRIPT),
        "content/bilder/x.svg",
        None,
        "SVG-filen har elementet <script>",
    ),
    BadInput(
        "unknown-file-type",
        lambda r: write(r, "content/vedlegg/x.exe", b"MZ"),
        "content/vedlegg/x.exe",
        None,
        "filer med endelsen .exe publiseres ikke",
    ),
    BadInput(
        "symlink-into-git",
        symlink_into_git,
        "content/vedlegg/c.txt",
        None,
        "symbolske lenker publiseres ikke",
    ),
]
BAD_INPUTS += PUBLISHING


def without_regions(repo: Path) -> None:
    for folder in (repo / "regions").iterdir():
        shutil.rmtree(folder)


ONE_OWNER = [
    BadInput(
        "article-named-like-a-list-page",
        lambda r: write(r, "content/artikler/side-2.md", ARTICLE_TEXT),
        "content/artikler/side-2.md",
        None,
        "adressen artikler/side-2/ er side 2 av listen nettstedet lager i artikler/",
    ),
    BadInput(
        "page-named-like-a-topic-page",
        lambda r: write(r, "regions/sor/tema/kompetanse/side-3.md", "---\ntitle: X\n---\n\nX.\n"),
        "regions/sor/tema/kompetanse/side-3.md",
        None,
        "adressen tema/kompetanse/side-3/ er side 3",
    ),
    BadInput(
        "reserved-region-id",
        lambda r: write(r, "regions/tilgjengelighet/region.yml", "name: T\nhospital: Sykehuset T\n"),
        "regions/tilgjengelighet",
        None,
        "«tilgjengelighet» er en adresse nettstedet bruker selv",
    ),
    BadInput(
        "name-with-link-syntax",
        lambda r: write(r, 'content/artikler/x){onclick="a()"}.md', ARTICLE_TEXT),
        'content/artikler/x){onclick="a()"}.md',
        None,
        "navnet har «)», som ikke kan stå i en adresse",
    ),
    BadInput("no-regions", without_regions, "regions/", None, "ingen områder"),
]
BAD_INPUTS += ONE_OWNER


def with_aliases(repo: Path, rel: str, *aliases: str) -> None:
    """Give the page at ``rel`` these old addresses (``aliases:``, one per line)."""
    lines = "".join(f"  - {alias}\n" for alias in aliases)
    edit(repo, rel, "authors:", f"aliases:\n{lines}authors:")


OLD_ADDRESSES = [
    BadInput(
        "alias-full-address",
        lambda r: with_aliases(r, A, "https://kompetansebroen.no/article/forste?o=nord"),
        A,
        "aliases",
        "«https://kompetansebroen.no/article/forste?o=nord» er en full nettadresse, men bare stien hører "
        "hjemme her; skriv /article/forste",
    ),
    BadInput(
        "alias-in-a-region-folder",
        lambda r: with_aliases(r, A, "/sor/artikler/"),
        A,
        "aliases",
        "«/sor/artikler/» er i mappen til område sor, der nettstedet lager adressene selv",
    ),
    BadInput(
        "alias-claimed-by-two-pages",
        lambda r: (
            with_aliases(r, A, "/article/samarbeid"),
            with_aliases(r, "content/artikler/andre-artikkel.md", "/article/samarbeid/"),
        ),
        A,
        "aliases",
        "«/article/samarbeid» er også gammel adresse for content/artikler/andre-artikkel.md (linje 9); "
        "en gammel adresse kan bare føre til én side",
    ),
    BadInput(
        "alias-is-a-page",
        lambda r: with_aliases(r, A, "/artikler/andre-artikkel/"),
        A,
        "aliases",
        "«/artikler/andre-artikkel» er en adresse nettstedet har selv (artikler/andre-artikkel/ i alle områder)",
    ),
    BadInput(
        "alias-is-a-generated-page",
        lambda r: with_aliases(r, A, "/arrangementer/tidligere"),
        A,
        "aliases",
        "«/arrangementer/tidligere» er en adresse nettstedet har selv (arrangementer/tidligere/ i alle områder)",
    ),
]
BAD_INPUTS += OLD_ADDRESSES


def home_page_left_out(repo: Path) -> None:
    """content/index.md shown in nord only, and sor without a home page of its own."""
    edit(repo, "content/index.md", "tags: [Kompetanse]", "tags: [Kompetanse]\nregions: [nord]")


FOUND_LATE = [
    BadInput(
        "readme-md",
        lambda r: write(r, "content/README.md", "---\ntitle: Les meg\n---\n\nOm innholdet.\n"),
        "content/README.md",
        None,
        "README.md blir forsiden av mappen, som om den het index.md; gi den navnet index.md",
    ),
    BadInput(
        "home-page-left-out",
        home_page_left_out,
        "content/index.md",
        "regions",
        "content/index.md:4: regions: område sor får ingen forside; legg til sor i regions, "
        "eller lag regions/sor/index.md",
    ),
    BadInput(
        "home-page-missing",
        lambda r: (r / "content/index.md").unlink(),
        "content/index.md",
        None,
        "content/index.md: filen mangler, så områdene nord og sor har ingen forside; lag content/index.md "
        "(felles for alle områdene) eller regions/nord/index.md og regions/sor/index.md",
    ),
    BadInput(
        "duplicate-field",
        lambda r: edit(r, A, "tags:", 'title: "Igjen"\ntags:'),
        A,
        "title",
        f"{A}:5: title: står to ganger (også lenger opp); fjern den ene",
    ),
    BadInput(
        "yaml-binary",
        lambda r: edit(r, A, 'title: "Første artikkel"', "title: !!binary aGVp"),
        A,
        "title",
        '«aGVp» leses av YAML som en verdi av typen !!binary, ikke tekst; skriv title: "aGVp"',
    ),
    BadInput(
        "html-folder-beside-an-article",
        lambda r: write(r, "content/artikler/forste-artikkel/index.html", "<p>Erstattet.</p>"),
        "content/artikler/forste-artikkel/index.html",
        None,
        "filer med endelsen .html publiseres ikke",
    ),
    BadInput(
        "mkdn-suffix",
        lambda r: write(r, "regions/sor/artikler/x.mkdn", "---\ntitle: X\n---\n\nX.\n"),
        "regions/sor/artikler/x.mkdn",
        None,
        "gi filen endelsen .md (x.md)",
    ),
    BadInput(
        "region-named-search",
        lambda r: write(r, "regions/search/region.yml", "name: S\nhospital: Sykehuset S\n"),
        "regions/search",
        None,
        "«search» er en adresse nettstedet bruker selv",
    ),
]
"""Cases that the check let through and only the build found (or nothing found): now both, once."""
BAD_INPUTS += FOUND_LATE


def assert_reports(run: Run, path: str, field: str | None, fragment: str) -> None:
    assert run.returncode != 0, run.output
    assert "Traceback" not in run.output, run.output
    assert path in run.output, run.output
    if field:
        assert f"{path}:" in run.output and f" {field}: " in run.output, run.output
    assert fragment in run.output, run.output


def assert_site_untouched(repo: Path, good_build: GoodBuild) -> None:
    changed = differences(good_build.site, tree_of(repo / "site"))
    assert not changed, changed
    leftovers = sorted(p.name for p in repo.iterdir() if p.name.startswith(".site") and p.is_dir())
    assert leftovers == [], leftovers


def assert_check_reports_one(check: Run, bad: BadInput) -> None:
    assert_reports(check, bad.path, bad.field, bad.fragment)
    problem_lines = [line for line in check.output.splitlines() if line.startswith(("content/", "regions/"))]
    assert len(problem_lines) == 1, check.output
    assert check.output.rstrip().endswith("1 feil funnet; rett dem og kjør sjekken på nytt."), check.output


@pytest.mark.parametrize("bad", BAD_INPUTS, ids=[bad.id for bad in BAD_INPUTS])
def test_bad_input_fails_build_and_check_and_keeps_the_site(
    bad: BadInput, repo: Path, good_build: GoodBuild, in_process: InProcess
) -> None:
    bad.mutate(repo)
    check, build = in_process.check(repo), in_process.build(repo)

    assert_reports(build, bad.path, bad.field, bad.fragment)
    assert "1 feil i innholdet;" in build.output, build.output
    assert_site_untouched(repo, good_build)
    assert_check_reports_one(check, bad)


PHASES = {
    "title-no": "the tree's validation, before any page is built",
    "attr-list-handler": "a page's HTML as MkDocs made it, in the region that renders it",
    "link-to-missing-anchor": "a link to a heading, with the site's Markdown extensions",
}
"""One case of each phase in which a build refuses content, run as an editor runs it."""


@pytest.mark.slow
@pytest.mark.parametrize("bad", [bad for bad in BAD_INPUTS if bad.id in PHASES], ids=list(PHASES))
def test_each_failure_phase_fails_mkdocs_build_of_every_region_and_the_check_command(
    bad: BadInput, repo: Path, good_build: GoodBuild
) -> None:
    bad.mutate(repo)
    build, check = build_and_check(repo)

    assert_reports(build, bad.path, bad.field, bad.fragment)
    assert "1 feil i innholdet;" in build.output, build.output  # once, not once per region
    assert_site_untouched(repo, good_build)
    assert_check_reports_one(check, bad)


def test_all_problems_in_the_tree_come_in_one_run(
    repo: Path, good_build: GoodBuild, in_process: InProcess
) -> None:
    chosen = {"title-no", "municipalities-octal", "unknown-tag", "governing-file-missing", "script"}
    cases = [bad for bad in BAD_INPUTS if bad.id in chosen]
    cases.append(
        BadInput(
            "region-page",
            lambda r: write(r, "regions/sor/side.md", "---\ntitle: 12:30\n---\n"),
            "regions/sor/side.md",
            "title",
            'title: "12:30"',
        )
    )
    for bad in cases:
        bad.mutate(repo)
    check, build = in_process.check(repo), in_process.build(repo)
    for result in (build, check):
        for bad in cases:
            assert_reports(result, bad.path, bad.field, bad.fragment)
    assert "6 feil funnet" in check.output, check.output
    assert "6 feil i innholdet" in build.output, build.output
    assert_site_untouched(repo, good_build)


def test_a_broken_mkdocs_yml_is_reported_without_a_traceback(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(repo, "mkdocs.yml", "site_name: Kompetansebroen", "site_name: [Kompetansebroen")
    check = check_in_process(repo, capsys)
    assert check.returncode == 2
    assert "mkdocs.yml:" in check.output and "Traceback" not in check.output, check.output
