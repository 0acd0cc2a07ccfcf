"""Photo caption and credit; publication time and «Sist oppdatert»: fields, checks, page facts, JSON-LD, feeds."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import pytest
from kompetansebroen.content_types.facts import article_facts, newsletter_facts
from kompetansebroen.content_types.registry import content_type, with_details
from kompetansebroen.content_types.spec import Vocabulary
from kompetansebroen.feeds.article_json_ld import article_json_ld, article_json_ld_data
from kompetansebroen.feeds.newsletter_feeds import FeedEntry, FeedInfo, build_feeds
from kompetansebroen.frontmatter.fields import FieldError
from kompetansebroen.frontmatter.time_fields import DayOrTime
from kompetansebroen.frontmatter.yaml_source import compose
from kompetansebroen.model.documents import Document, Kind
from kompetansebroen.model.photos import Photo
from kompetansebroen.model.topics import Topic, TopicRegistry
from kompetansebroen.project.loader import load_project
from kompetansebroen.text.event_times import day_and_time, iso_moment

from tests.support.yaml_nodes import node

OSLO = ZoneInfo("Europe/Oslo")
TODAY = dt.date(2024, 10, 9)
BASE = 'title: "A"\ndescription: "B"\n'


def convert(value_yaml: str) -> dt.date:
    return DayOrTime().convert("date", node(value_yaml, key="date"))


def problems(kind: Kind, text: str) -> list[tuple[int | None, str, str]]:
    schema = content_type(kind).schema(Vocabulary(("Kompetanse",)), ["ahus"], shared=True)
    root, error = compose(text)
    assert error is None, error
    return [(p.line, p.field, p.message) for p in schema.read(root).problems]


def document(meta: dict, kind: Kind = Kind.ARTICLE, path: str = "artikler/a.md") -> Document:
    return with_details(Document(path, None, "content/" + path, "content", kind, meta, "Tekst.\n"))


# -- date and updated: a day or a day and a time ---------------------------------------------


@pytest.mark.parametrize(
    "written", ["2020-06-30 11:41", '"2020-06-30 11:41"', "'2020-06-30 11:41'", "2020-06-30 11:41:00"]
)
def test_a_date_with_a_time_is_that_moment_in_norwegian_time(written: str) -> None:
    assert convert(written) == dt.datetime(2020, 6, 30, 11, 41, tzinfo=OSLO)


def test_a_date_alone_stays_a_day() -> None:
    value = convert("2020-06-30")
    assert value == dt.date(2020, 6, 30) and not isinstance(value, dt.datetime)


@pytest.mark.parametrize(
    ("written", "fragment"),
    [
        ("2020-06-30 25:00", "klokkeslett som ikke finnes; skriv timer 00–23 og minutter 00–59"),
        ("2020-06-30 11:75", "klokkeslett som ikke finnes"),
        ("2020-03-29 02:30", "finnes ikke i norsk tid"),
        ('"11:41"', "klokkeslett uten dato; skriv datoen foran klokkeslettet"),
        ("11:41", "leses av YAML som tallet 701, ikke et klokkeslett"),
        ("2024-02-30 10:00", "februar 2024 har 29 dager"),
        ("30.06.2020", "skriv date: 2020-06-30"),
        ("30.06.2020 kl. 11.41", "skriv date: 2020-06-30 11:41"),
        ("2024-02-30", "februar 2024 har 29 dager"),
        ("2020-06-30T11:41:00+02:00", "har en tidssone"),
    ],
)
def test_bad_dates_and_times_get_the_form_to_write(written: str, fragment: str) -> None:
    with pytest.raises(FieldError) as raised:
        convert(written)
    assert fragment in raised.value.message


def test_updated_may_not_be_before_date() -> None:
    text = BASE + "date: 2020-06-30 11:41\nupdated: 2020-06-29\n"
    ((line, field, message),) = problems(Kind.ARTICLE, text)
    assert (line, field) == (4, "updated")
    assert message.startswith("«2020-06-29» er før date («2020-06-30 11:41»)")
    assert "updated: 2020-06-30 11:41" in message


def test_updated_before_the_time_on_the_same_day_is_refused_but_the_day_alone_is_not() -> None:
    timed = problems(Kind.NEWSLETTER, BASE + "date: 2020-06-30 11:41\nupdated: 2020-06-30 09:00\n")
    assert [field for _, field, _ in timed] == ["updated"]
    assert problems(Kind.NEWSLETTER, BASE + "date: 2020-06-30 11:41\nupdated: 2020-06-30\n") == []
    assert problems(Kind.NEWSLETTER, BASE + "date: 2020-06-30\nupdated: 2020-06-30 14:05\n") == []


def test_governing_documents_keep_a_plain_date() -> None:
    found = problems(
        Kind.GOVERNING, 'title: "A"\ndate: 2020-06-30 11:41\nissuer: "X"\nurl: https://x.example/a\n'
    )
    assert [field for _, field, _ in found] == ["date"]


# -- image, caption and credit ---------------------------------------------------------------


IMAGE = BASE + 'date: 2024-01-02\nimage: bilder/a.png\nimage_alt: "To sykepleiere"\n'


def test_an_image_needs_a_credit() -> None:
    ((line, field, message),) = problems(Kind.ARTICLE, IMAGE)
    assert (line, field) == (4, "image_credit")
    assert message.startswith("mangler; et bilde skal krediteres") and 'image_credit: "Colourbox"' in message
    assert problems(Kind.ARTICLE, IMAGE + 'image_credit: "Colourbox"\n') == []
    assert problems(Kind.ARTICLE, IMAGE + 'image_credit: "Privat"\nimage_caption: "Fagdag"\n') == []


@pytest.mark.parametrize("name", ["image_caption", "image_credit"])
def test_a_caption_or_a_credit_needs_an_image(name: str) -> None:
    ((line, field, message),) = problems(Kind.ARTICLE, BASE + f'date: 2024-01-02\n{name}: "X"\n')
    assert (line, field) == (4, name)
    assert message == f"er oppgitt uten image; fjern {name} eller legg til image"


@pytest.mark.parametrize(
    ("caption", "credit", "shown"),
    [
        (None, "Colourbox", "Foto: Colourbox"),
        (None, "Illustrasjonsfoto: Colourbox", "Illustrasjonsfoto: Colourbox"),
        (None, "Bilde: regjeringen.no", "Bilde: regjeringen.no"),
        ("Fagdag i Hamar", "Privat", "Fagdag i Hamar. Foto: Privat"),
        ("Hvem var der?", "Privat", "Hvem var der? Foto: Privat"),
    ],
)
def test_the_caption_line_ends_with_the_credit(caption: str | None, credit: str, shown: str) -> None:
    assert Photo("a.png", "Alt", caption, credit, "artikler/a.md").caption_line == shown


def test_a_photo_is_published_beside_its_page() -> None:
    assert Photo("bilder/a b.png", "", None, "X", "artikler/a.md").site_path == "artikler/bilder/a b.png"
    assert Photo("../felles/a.png", "", None, "X", "artikler/a.md").site_path == "felles/a.png"


# -- what the page shows -----------------------------------------------------------------------


def test_article_facts_show_the_time_the_revision_and_the_figure() -> None:
    doc = document(
        {
            "title": "A",
            "date": dt.datetime(2020, 6, 30, 11, 41, tzinfo=OSLO),
            "updated": dt.date(2020, 7, 2),
            "authors": ("Redaksjonen",),
            "image": "bilder/møte.png",
            "image_alt": 'Kari & "Ola"',
            "image_caption": "<b>Fagdag</b>",
            "image_credit": "Colourbox",
        }
    )
    facts = article_facts(doc, TODAY)
    assert facts.facts == [
        "Publisert 30. juni 2020 kl. 11.41",
        "Sist oppdatert 2. juli 2020",
        "Av Redaksjonen",
    ]
    assert facts.below == (
        '<figure class="kb-figure">\n'
        '<img src="../bilder/m%C3%B8te.png" alt="Kari &amp; &quot;Ola&quot;">\n'
        "<figcaption>&lt;b&gt;Fagdag&lt;/b&gt;. Foto: Colourbox</figcaption>\n"
        "</figure>"
    )
    assert doc.date == dt.date(2020, 6, 30) and doc.modified_day == dt.date(2020, 7, 2)


def test_a_newsletter_without_time_or_revision_shows_the_day() -> None:
    doc = document({"title": "N", "date": dt.date(2024, 5, 15)}, Kind.NEWSLETTER, "nyhetsbrev/n.md")
    assert newsletter_facts(doc, TODAY).facts == ["Publisert 15. mai 2024"]
    assert doc.modified_day == dt.date(2024, 5, 15)


def test_norwegian_day_and_time() -> None:
    winter = dt.datetime(2020, 1, 3, 8, 5, tzinfo=dt.UTC)
    assert day_and_time(winter) == "3. januar 2020 kl. 09.05"
    assert day_and_time(dt.date(2020, 6, 30)) == "30. juni 2020"
    assert iso_moment(winter) == "2020-01-03T09:05:00+01:00"
    assert iso_moment(dt.date(2020, 6, 30)) == "2020-06-30"


# -- JSON-LD --------------------------------------------------------------------------------------


def test_article_json_ld_has_the_dates_the_image_and_the_author() -> None:
    doc = document(
        {
            "title": "A </script>",
            "description": "D",
            "date": dt.datetime(2020, 6, 30, 11, 41, tzinfo=OSLO),
            "updated": dt.datetime(2020, 7, 2, 14, 5, tzinfo=OSLO),
            "authors": ("Kari Nordmann",),
            "image": "bilder/a.png",
            "image_alt": "Alt",
            "image_credit": "Privat",
            "tags": ("Kompetanse",),
        }
    )
    data = article_json_ld_data(doc, "https://x.example/nord/artikler/a/", "https://x.example/nord/")
    assert data["@type"] == "Article" and data["headline"] == "A </script>"
    assert data["datePublished"] == "2020-06-30T11:41:00+02:00"
    assert data["dateModified"] == "2020-07-02T14:05:00+02:00"
    assert data["image"]["url"] == "https://x.example/nord/artikler/bilder/a.png"
    assert data["image"]["creditText"] == "Privat"
    assert data["author"] == [{"@type": "Person", "name": "Kari Nordmann"}]
    text = article_json_ld(doc, "https://x.example/nord/artikler/a/", "https://x.example/nord/")
    assert "</script>" not in text and json.loads(text) == data


def test_article_json_ld_without_revision_or_author() -> None:
    doc = document({"title": "A", "description": "D", "date": dt.date(2019, 11, 15)})
    data = article_json_ld_data(doc, "u", "r/")
    assert data["datePublished"] == data["dateModified"] == "2019-11-15"
    assert data["author"] == {"@type": "Organization", "name": "Kompetansebroen"}
    assert "image" not in data


# -- feeds -----------------------------------------------------------------------------------------


INFO = FeedInfo(
    title="Nyhetsbrev",
    description="D",
    archive_url="https://x.example/nord/nyhetsbrev/",
    rss_url="https://x.example/nord/nyhetsbrev/rss.xml",
    atom_url="https://x.example/nord/nyhetsbrev/atom.xml",
    feed_id="kompetansebroen:nord:nyhetsbrev",
)


def entry(name: str, date: dt.date, updated: dt.date | None = None) -> FeedEntry:
    url = f"https://x.example/nord/nyhetsbrev/{name}/"
    return FeedEntry(name, date, "D", url, "<p>T</p>", f"nyhetsbrev/{name}.md", updated)


def test_feeds_carry_the_publication_time_and_the_revision() -> None:
    timed = entry("mai", dt.datetime(2024, 5, 15, 11, 41, tzinfo=OSLO), dt.date(2024, 6, 3))
    plain = entry("mars", dt.date(2024, 3, 1))
    rss, atom = build_feeds(INFO, [plain, timed])
    atom_feed, rss_feed = feedparser.parse(atom), feedparser.parse(rss)
    first, second = atom_feed.entries
    assert first.title == "mai" and first.published == "2024-05-15T11:41:00+02:00"
    assert first.updated == "2024-06-03T08:00:00+02:00"
    assert second.published == second.updated == "2024-03-01T08:00:00+01:00"
    assert atom_feed.feed.updated == "2024-06-03T08:00:00+02:00"
    assert rss_feed.entries[0].published == "Wed, 15 May 2024 11:41:00 +0200"


def test_an_entry_is_never_updated_before_it_was_published() -> None:
    timed = entry("mai", dt.datetime(2024, 5, 15, 11, 41, tzinfo=OSLO), dt.date(2024, 5, 15))
    assert timed.modified_at == timed.published_at


# -- the image file ------------------------------------------------------------------------------


def _tree(root: Path, image: str, files: tuple[str, ...] = ()) -> None:
    (root / "regions/nord").mkdir(parents=True)
    (root / "regions/nord/region.yml").write_text("name: Nord\nhospital: Sykehuset Nord\n", encoding="utf-8")
    article = root / "content/artikler/a.md"
    article.parent.mkdir(parents=True)
    article.write_text(
        f'---\ntitle: "A"\ndate: 2024-01-02\ndescription: "D"\nimage: {image}\n'
        'image_alt: "Alt"\nimage_credit: "Privat"\n---\n\nTekst.\n',
        encoding="utf-8",
    )
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"\x89PNG\r\n\x1a\n")


def _image_problems(root: Path) -> list[tuple[str, int | None, str, str]]:
    _, found = load_project(root, TopicRegistry([Topic("Kompetanse", "Læring.")]))
    return [(p.path, p.line, p.field, p.message) for p in found.items]


def test_the_image_must_be_a_file_beside_the_page(tmp_path: Path) -> None:
    _tree(tmp_path, "bilder/a.png", ("content/artikler/bilder/a.png",))
    assert _image_problems(tmp_path) == []


def test_a_missing_image_is_reported_on_its_line(tmp_path: Path) -> None:
    _tree(tmp_path, "bilder/borte.png", ("regions/nord/artikler/bilder/borte.png",))
    ((path, line, field, message),) = _image_problems(tmp_path)
    assert (path, line, field) == ("content/artikler/a.md", 5, "image")
    assert message.startswith("«bilder/borte.png» finnes ikke; legg bildet i content/")


def test_an_image_on_another_host_is_refused(tmp_path: Path) -> None:
    _tree(tmp_path, "https://bilder.example/a.png")
    ((_, _, field, message),) = _image_problems(tmp_path)
    assert (
        field == "image" and "er en nettadresse, og sidene henter ingenting fra andre nettsteder" in message
    )


@pytest.mark.parametrize(
    ("written", "meant"),
    [("bildetekst", "image_caption"), ("fotograf", "image_credit"), ("oppdatert", "updated")],
)
def test_norwegian_names_get_the_field_meant(written: str, meant: str) -> None:
    ((_, field, message),) = problems(Kind.ARTICLE, BASE + f'date: 2024-01-02\n{written}: "X"\n')
    assert field == written and message == f"ukjent felt; mente du «{meant}»?"
