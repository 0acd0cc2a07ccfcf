"""How learning resources plug into the build: their type by path, the HTML of cards and «Abonner», page facts."""

from __future__ import annotations

import datetime as dt

from kompetansebroen.content_types.learning_facts import elearning_facts, episode_facts, film_facts
from kompetansebroen.content_types.registry import content_type, kind_of, with_details
from kompetansebroen.listings import learning_html
from kompetansebroen.listings.learning import CatalogueItem, facets
from kompetansebroen.model.documents import Document, Kind
from kompetansebroen.model.learning import LearningType, PodcastSeries
from kompetansebroen.model.media import AudioFacts
from kompetansebroen.model.topics import Topic, TopicRegistry

TOPICS = TopicRegistry([Topic("Samhandling", "Samarbeid."), Topic("Kompetanse", "Deling.")])
TODAY = dt.date(2024, 10, 9)


def test_a_page_type_is_decided_by_its_folder_and_depth() -> None:
    assert kind_of("e-laering/demens.md") is Kind.ELEARNING
    assert kind_of("film/isbar.md") is Kind.FILM
    assert kind_of("podkast/over-broen/s1e1.md") is Kind.EPISODE
    assert kind_of("podkast/over-broen/index.md") is Kind.PAGE  # an editor's intro to the series page
    assert kind_of("podkast/s1e1.md") is Kind.PAGE  # not in a series: refused by the podcast checks
    assert kind_of("film/isbar/index.md") is Kind.PAGE
    assert content_type(Kind.EPISODE).depth == 2 and content_type(Kind.FILM).depth == 1


def _item(**changes: object) -> CatalogueItem:
    values: dict[str, object] = {
        "type": LearningType.ELEARNING,
        "title": 'Demens <script>alert("x")</script>',
        "url": "e-laering/demens/",
        "description": "Om demens & omsorg",
        "date": dt.date(2024, 9, 2),
        "duration_seconds": 5400,
        "duration_text": "1 t 30 min",
        "provider": "KS Læring",
        "topics": ("Samhandling", "Kompetanse"),
        "professions": ("Sykepleiere", "Leger"),
        "path": "e-laering/demens.md",
    }
    values.update(changes)
    return CatalogueItem(**values)  # type: ignore[arg-type]


def test_a_card_escapes_editors_text_and_carries_its_filter_values() -> None:
    html = learning_html.card(_item(), "laering/index.md", TOPICS, 2)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "Om demens &amp; omsorg" in html
    assert 'data-kb-type="e-laering"' in html
    assert 'data-kb-topic="Samhandling|Kompetanse"' in html
    assert 'data-kb-profession="Sykepleiere|Leger"' in html
    assert '<a href="../e-laering/demens/">' in html
    assert '<a href="../tema/samhandling/">Samhandling</a>' in html
    assert '<h2 class="kb-card__title">' in html


def test_an_episode_card_says_its_season_and_episode() -> None:
    item = _item(type=LearningType.PODCAST, number_text="Sesong 2, episode 1", professions=())
    html = learning_html.card(item, "podkast/over-broen/index.md", TOPICS, 3)
    assert '<span class="kb-card__number">Sesong 2, episode 1</span>' in html
    assert "data-kb-profession" not in html


def test_the_catalogue_filters_are_data_hidden_until_the_script_runs() -> None:
    items = [_item(), _item(type=LearningType.FILM, path="film/a.md", professions=())]
    html = learning_html.catalogue(
        items, facets(items, TOPICS.names(), ["Leger", "Sykepleiere"]), "laering/index.md", TOPICS
    )
    assert html.startswith('<div class="kb-filters" data-kb-filters hidden>')
    assert '<span data-kb-value="film" data-kb-count="1">Film</span>' in html
    assert '<span data-kb-value="Leger" data-kb-count="1">Leger</span>' in html
    assert '<p class="kb-cards-none" hidden>' in html
    assert "<form" not in html and "<button" not in html


def _series() -> PodcastSeries:
    return PodcastSeries(
        slug="over-broen",
        title="Over broen",
        description="Om samhandling.",
        image="omslag.jpg",
        author="Kompetansebroen",
        owner_email="podkast@kompetansebroen.example",
        category="Health & Fitness",
    )


def test_subscribe_gives_the_feed_and_links_for_the_common_apps() -> None:
    feed = "https://kompetansebroen.example/ahus/podkast/over-broen/feed.xml"
    html = learning_html.subscribe(_series(), "podkast/over-broen/index.md", feed)
    assert 'id="abonner"' in html
    assert f"<code>{feed}</code>" in html
    assert 'href="podcast://kompetansebroen.example/ahus/podkast/over-broen/feed.xml"' in html
    assert 'href="pktc://subscribe/kompetansebroen.example/ahus/podkast/over-broen/feed.xml"' in html
    assert "overcast://x-callback-url/add?url=https%3A%2F%2Fkompetansebroen.example" in html
    assert 'href="feed.xml"' in html


def _doc(path: str, kind: Kind, meta: dict[str, object], **extra: object) -> Document:
    doc = Document(path, None, f"content/{path}", "content", kind, meta, "Tekst.\n", **extra)  # type: ignore[arg-type]
    return with_details(doc)  # as the loader does


def test_a_course_page_has_its_facts_and_a_link_that_says_it_leaves_the_site() -> None:
    doc = _doc(
        "e-laering/demens.md",
        Kind.ELEARNING,
        {
            "title": "Demens",
            "description": "Grunnkurs.",
            "provider": "KS Læring",
            "url": "https://kslaring.example/demens",
            "duration": 90,
            "certificate": True,
            "price": "Gratis",
            "updated": dt.date(2024, 9, 2),
        },
    )
    facts = elearning_facts(doc, TODAY)
    assert "<dt>Varighet</dt><dd>1 t 30 min</dd>" in facts.below
    assert "<dt>Kursbevis</dt><dd>Ja</dd>" in facts.below
    assert "<dt>Sist oppdatert</dt><dd>2. september 2024</dd>" in facts.below
    assert 'href="https://kslaring.example/demens"' in facts.below
    assert "Gå til kurset hos KS Læring" in facts.below and "(annet nettsted)" in facts.below


def test_a_local_film_is_a_player_with_captions_and_fetches_nothing_before_play() -> None:
    meta = {
        "title": "ISBAR",
        "description": "Rapport.",
        "date": dt.date(2024, 6, 11),
        "duration": 8,
        "video": "isbar.mp4",
        "captions": "isbar.vtt",
        "poster": "isbar.jpg",
        "poster_alt": "Et telefonrør",
    }
    facts = film_facts(_doc("film/isbar.md", Kind.FILM, meta), TODAY)
    assert (
        '<video class="kb-film__player" controls preload="none" playsinline poster="../isbar.jpg">'
        in facts.below
    )
    assert '<track kind="captions" src="../isbar.vtt" srclang="nb" label="Norsk" default>' in facts.below
    hosted = {**meta, "video_url": "https://www.vimeo.com/1"}
    del hosted["video"], hosted["captions"]
    link = film_facts(_doc("film/isbar.md", Kind.FILM, hosted), TODAY).below
    assert "<video" not in link and "<iframe" not in link
    assert '<img src="../isbar.jpg" alt="Et telefonrør"' in link and "Se filmen på vimeo.com" in link


def test_an_episode_shows_its_number_player_size_and_a_transcript_from_a_file() -> None:
    meta = {
        "title": "Primærhelseteam",
        "description": "Om team.",
        "date": dt.date(2024, 8, 27),
        "season": 2,
        "episode": 1,
        "audio": "s2e1.mp3",
        "transcript": "s2e1.txt",
    }
    doc = _doc(
        "podkast/over-broen/s2e1.md",
        Kind.EPISODE,
        meta,
        audio_facts=AudioFacts(byte_length=18_400, duration_seconds=4),
        transcript_text="Programleder: Velkommen <til> oss.\n\nGjest: Takk.",
    )
    facts = episode_facts(doc, TODAY)
    assert facts.facts[0] == "Sesong 2, episode 1"
    assert '<audio class="kb-episode__player" controls preload="none" src="../s2e1.mp3">' in facts.below
    assert "(MP3, 18 kB)" in facts.below
    assert facts.after.startswith("## Transkripsjon\n")
    assert "<p>Programleder: Velkommen &lt;til&gt; oss.</p>" in facts.after
