"""Front matter of e-learning courses, films, podcast series and episodes: every rule and its message."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from kompetansebroen.content_types.registry import content_type
from kompetansebroen.content_types.spec import Vocabulary
from kompetansebroen.frontmatter.event_fields import DEFAULT_PROFESSIONS, EVENT_FIELD_ALIASES
from kompetansebroen.frontmatter.fields import FIELD_ALIASES, FieldError, FoundProblem
from kompetansebroen.frontmatter.learning_fields import (
    LEARNING_FIELD_ALIASES,
    Duration,
    Minutes,
    PodcastCategory,
    series_schema,
    transcript_problems,
)
from kompetansebroen.model.documents import Kind
from kompetansebroen.model.learning import ELearning, Film, PodcastEpisode, PodcastSeries
from kompetansebroen.model.media import AudioFacts

from tests.support.yaml_nodes import node_of

TOPICS = ["Helsefellesskap", "Kompetanse"]
REGIONS = ["ahus", "innlandet"]

COURSE = """\
title: "Demens – grunnkurs"
description: "Et kurs om demens."
provider: "KS Læring"
url: https://kslaring.no/demens
duration: 45
"""

FILM = """\
title: "Hjerte-lunge-redning"
description: "Slik gjør du."
date: 2024-05-02
duration: 12:30
video: hlr.mp4
captions: hlr.vtt
poster: hlr.jpg
poster_alt: "En dukke på gulvet"
"""

EPISODE = """\
title: "Utskrivning"
description: "Om utskrivning fra sykehus."
date: 2025-02-01
season: 1
episode: 3
audio: ep3.mp3
"""

SERIES = """\
title: "Samhandlingspodden"
description: "Om samarbeid."
image: omslag.jpg
author: "Sykehuset Innlandet"
owner_email: podkast@example.org
category: Health & Fitness
subcategory: Medicine
explicit: false
"""


def schema_of(kind: Kind, *, shared: bool, professions: tuple[str, ...] = DEFAULT_PROFESSIONS):
    """The schema the loader checks a page of ``kind`` with: its declaration in the registry."""
    return content_type(kind).schema(Vocabulary(tuple(TOPICS), professions), REGIONS, shared=shared)


def elearning_schema(*, shared: bool, professions: tuple[str, ...] = DEFAULT_PROFESSIONS):
    return schema_of(Kind.ELEARNING, shared=shared, professions=professions)


def film_schema(*, shared: bool):
    return schema_of(Kind.FILM, shared=shared)


def episode_schema(*, shared: bool):
    return schema_of(Kind.EPISODE, shared=shared)


def read_elearning(schema, node, path: str, **options):
    return schema.read_as(node, lambda values: ELearning.from_meta(path, values, **options))


def read_film(schema, node, path: str):
    return schema.read_as(node, lambda values: Film.from_meta(path, values))


def read_episode(schema, node, path: str, **options):
    return schema.read_as(node, lambda values: PodcastEpisode.from_meta(path, values, **options))


def read_series(schema, node, slug: str):
    return schema.read_as(node, lambda values: PodcastSeries.from_meta(slug, values))


def changed(base: str, **changes: str | None) -> str:
    """``base`` with fields replaced (a value), removed (None) or added, as YAML text."""
    fields: dict[str, str] = {}
    for line in base.splitlines():
        name, _, value = line.partition(": ")
        fields[name] = value
    for name, value in changes.items():
        if value is None:
            fields.pop(name, None)
        else:
            fields[name] = value
    return "".join(f"{name}: {value}\n" for name, value in fields.items())


def problems_of(reader, schema, text: str, *args, **kwargs) -> list[tuple[int | None, str, str]]:
    value, found = reader(schema, node_of(text), *args, **kwargs)
    assert value is None, "expected problems"
    return [(item.line, item.field, item.message) for item in found]


def course_problems(text: str):
    schema = elearning_schema(shared=True)
    return problems_of(read_elearning, schema, text, "e-laering/demens.md")


def film_problems(text: str):
    return problems_of(read_film, film_schema(shared=True), text, "film/hlr.md")


def episode_problems(text: str):
    schema = episode_schema(shared=False)
    return problems_of(read_episode, schema, text, "podkast/s/ep3.md", audio_facts=AudioFacts(10, 10))


def series_problems(text: str):
    return problems_of(read_series, series_schema(), text, "samtaler")


def field_message(field, value_yaml: str, name: str = "duration") -> str:
    node = node_of(f"{name}: {value_yaml}").value[0][1]
    with pytest.raises(FieldError) as caught:
        field.convert(name, node)
    return caught.value.message


def field_value(field, value_yaml: str, name: str = "duration"):
    return field.convert(name, node_of(f"{name}: {value_yaml}").value[0][1])


# -- durations ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "seconds"),
    [
        ("12:30", 750),  # YAML's 750, read from the text as written
        ('"12:30"', 750),
        ("'12:30'", 750),
        ("0:45", 45),  # YAML reads this one as text already
        ("1:02:03", 3723),  # YAML's 3723
        ('"1:02:03"', 3723),
        ("59:59", 3599),
        ("10:00:00", 36000),
    ],
)
def test_duration_accepts_mm_ss_and_h_mm_ss_quoted_or_not(written: str, seconds: int) -> None:
    assert field_value(Duration(), written) == seconds


def test_yaml_really_reads_the_unquoted_forms_as_numbers() -> None:
    # The reason Duration reads the node's text: a plain YAML load changes the value.
    assert yaml.safe_load("d: 12:30")["d"] == 750
    assert yaml.safe_load("d: 1:02:03")["d"] == 3723


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "45",
            '«45» er et tall uten enhet; skriv minutter og sekunder med kolon, f.eks. duration: "45:00" for 45 minutter',
        ),
        (
            "90",
            '«90» er et tall uten enhet; skriv minutter og sekunder med kolon, f.eks. duration: "1:30:00" for 90 minutter',
        ),
        ("12:75", '«12:75» har 75 sekunder; skriv sekunder 00–59: duration: "13:15"'),
        (
            "90:00",
            '«90:00» har 90 minutter; skriv timer foran når det er 60 minutter eller mer: duration: "1:30:00"',
        ),
        (
            "1:75:00",
            '«1:75:00» har 75 minutter; skriv timer foran når det er 60 minutter eller mer: duration: "2:15:00"',
        ),
        ("5:3", '«5:3» skal ha to sifre for sekundene (mm:ss); skriv duration: "5:03"'),
        (
            "1:2:03",
            '«1:2:03» skal ha to sifre for minuttene og sekundene (t:mm:ss); skriv f.eks. duration: "1:02:03"',
        ),
        ("12:30.5", '«12:30.5» har desimaler; skriv hele sekunder: duration: "12:30"'),
        ("0:00", '«0:00» er null sekunder; skriv hvor lenge den varer, f.eks. duration: "12:30"'),
        ('"45 min"', '«45 min» er ikke på formen mm:ss; skriv duration: "45:00"'),
        ('"1 t 5 min"', '«1 t 5 min» er ikke på formen mm:ss; skriv duration: "1:05:00"'),
        (
            "lang",
            "«lang» er ikke en varighet; skriv minutter og sekunder (mm:ss) eller timer, minutter og sekunder "
            '(t:mm:ss), f.eks. duration: "12:30" eller duration: "1:02:03"',
        ),
        ("", 'er tom; skriv varigheten som mm:ss eller t:mm:ss, f.eks. duration: "12:30"'),
        (
            "true",
            'forventet en varighet på formen mm:ss eller t:mm:ss, fant en ja/nei-verdi; skriv f.eks. duration: "12:30"',
        ),
        (
            "[1, 2]",
            'forventet en varighet på formen mm:ss eller t:mm:ss, fant en liste; skriv f.eks. duration: "12:30"',
        ),
        ("!x 12:30", 'YAML-merket «!x» er ikke tillatt her; skriv f.eks. duration: "12:30"'),
    ],
)
def test_duration_messages(written: str, message: str) -> None:
    assert field_message(Duration(), written) == message


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ('"45 min"', "«45 min» skal skrives som et helt antall minutter uten enhet; skriv duration: 45"),
        (
            '"1 t 30 min"',
            "«1 t 30 min» skal skrives som et helt antall minutter uten enhet; skriv duration: 90",
        ),
        ("1:30", "«1:30» skal skrives som et helt antall minutter; skriv duration: 90"),
        ("1,5", "«1,5» er ikke et helt antall minutter; skriv duration: 2"),
        (
            '"45"',
            "«45» står i anførselstegn og leses som tekst, ikke et tall; skriv tallet uten anførselstegn: duration: 45",
        ),
        ("0", "«0» er for lavt; skriv et heltall som er minst 1"),
    ],
)
def test_minutes_messages(written: str, message: str) -> None:
    assert field_message(Minutes(), written) == message


def test_minutes_accepts_a_whole_number() -> None:
    assert field_value(Minutes(), "45") == 45


# -- e-learning -----------------------------------------------------------------------


def test_a_valid_course() -> None:
    text = changed(
        COURSE,
        audience="[Sykepleiere, Leger]",
        certificate="true",
        updated="2025-01-15",
        price='"Gratis"',
        tags="[Kompetanse]",
    )
    schema = elearning_schema(shared=True)
    course, found = read_elearning(schema, node_of(text), "e-laering/demens.md", origin=None)
    assert found == []
    assert course is not None
    assert (course.duration_minutes, course.certificate, course.updated) == (45, True, dt.date(2025, 1, 15))
    assert course.audience == ("Sykepleiere", "Leger")


def test_course_rules() -> None:
    assert course_problems(changed(COURSE, provider=None, url="http://kslaring.no/demens")) == [
        (
            3,
            "url",
            "«http://kslaring.no/demens» er ikke en sikker adresse (https); skriv url: https://kslaring.no/demens",
        ),
        (1, "provider", 'mangler; forventet tekst, f.eks. provider: "KS Læring"'),
    ]
    assert course_problems(changed(COURSE, audience="[Sykepleier]", certificate="ja")) == [
        (6, "audience", "ukjent yrkesgruppe «Sykepleier»; mente du «Sykepleiere»?"),
        (
            7,
            "certificate",
            "forventet true eller false, fant «ja»; skriv certificate: true eller certificate: false",
        ),
    ]


def test_course_audience_uses_the_given_professions() -> None:
    schema = elearning_schema(shared=True, professions=("Jordmødre",))
    _, found = read_elearning(schema, node_of(changed(COURSE, audience="[Leger]")), "e-laering/x.md")
    assert [item.message for item in found] == [
        "ukjent yrkesgruppe «Leger»; bruk yrkesgrupper fra listen i mkdocs.yml: Jordmødre"
    ]


# -- films ----------------------------------------------------------------------------


def test_a_valid_local_film_and_a_hosted_one() -> None:
    schema = film_schema(shared=True)
    film, found = read_film(schema, node_of(FILM), "film/hlr.md")
    assert found == [] and film is not None
    assert (film.duration_seconds, film.video, film.captions, film.hosted) == (
        750,
        "hlr.mp4",
        "hlr.vtt",
        False,
    )
    hosted_text = changed(
        FILM, video=None, captions=None, video_url="https://vimeo.com/1", duration='"1:02:03"'
    )
    hosted, found = read_film(schema, node_of(hosted_text), "film/hlr.md")
    assert found == [] and hosted is not None
    assert (hosted.hosted, hosted.duration_seconds, hosted.video_url) == (True, 3723, "https://vimeo.com/1")


def test_film_source_rules() -> None:
    assert film_problems(changed(FILM, video_url="https://vimeo.com/1")) == [
        (
            9,
            "video_url",
            "både video og video_url er oppgitt; en film skal ha nøyaktig én av dem, så fjern den ene",
        )
    ]
    assert film_problems(changed(FILM, video=None, captions=None)) == [
        (
            1,
            "video",
            "mangler; en film trenger enten video (en fil ved siden av siden, f.eks. video: film.mp4) eller "
            "video_url (en adresse på en annen tjeneste, f.eks. video_url: https://vimeo.com/123456789)",
        )
    ]


def test_film_captions_rules() -> None:
    assert film_problems(changed(FILM, captions=None)) == [
        (
            5,
            "captions",
            "mangler; en film som vises her må ha teksting (en WebVTT-fil ved siden av siden), f.eks. captions: film.vtt",
        )
    ]
    assert film_problems(changed(FILM, video=None, video_url="https://vimeo.com/1")) == [
        (
            5,
            "captions",
            "brukes bare med video (en film her); for en film på en annen tjeneste legger du tekstingen inn der, "
            "så fjern captions",
        )
    ]


def test_film_file_fields() -> None:
    assert film_problems(changed(FILM, video="https://youtu.be/x", captions=None)) == [
        (
            5,
            "video",
            "«https://youtu.be/x» er en nettadresse, men video er for en fil ved siden av siden; "
            "for en fil på en annen tjeneste, skriv video_url: https://youtu.be/x",
        )
    ]
    assert film_problems(changed(FILM, video="hlr.mov", captions="hlr.srt")) == [
        (
            5,
            "video",
            "«hlr.mov» er ikke en MP4-fil; video må være en fil som slutter på .mp4 (lagre filmen som MP4 (H.264))",
        ),
        (
            6,
            "captions",
            "«hlr.srt» er ikke en WebVTT-fil; captions må være en fil som slutter på .vtt "
            "(gjør om SRT-filen til WebVTT, f.eks. med ffmpeg -i film.srt film.vtt)",
        ),
    ]
    assert film_problems(changed(FILM, poster="/bilder/hlr.jpg", poster_alt=None)) == [
        (
            7,
            "poster",
            "«/bilder/hlr.jpg» begynner med /; skriv stien fra mappen siden ligger i: poster: bilder/hlr.jpg",
        ),
        (
            1,
            "poster_alt",
            "mangler; bildet trenger en alternativ tekst som beskriver det for skjermlesere, "
            'f.eks. poster_alt: "Sykepleier gir hjerte-lunge-redning til en dukke"',
        ),
    ]
    assert film_problems(changed(FILM, poster="../felles/hlr.jpg")) == [
        (
            7,
            "poster",
            "«../felles/hlr.jpg» peker ut av mappen med ..; legg et bilde i samme mappe som siden "
            "(eller en mappe under den) og skriv f.eks. poster: hlr.jpg",
        )
    ]
    assert film_problems(changed(FILM, poster='"bilder\\\\hlr.jpg"')) == [
        (7, "poster", "«bilder\\hlr.jpg» har omvendt skråstrek; bruk / mellom mapper: poster: bilder/hlr.jpg")
    ]


def test_film_video_url_must_be_https() -> None:
    found = film_problems(changed(FILM, video=None, captions=None, video_url="http://vimeo.com/1"))
    assert found == [
        (
            7,
            "video_url",
            "«http://vimeo.com/1» er ikke en sikker adresse (https); skriv video_url: https://vimeo.com/1",
        )
    ]


# -- podcast series -------------------------------------------------------------------


def test_a_valid_series() -> None:
    series, found = read_series(series_schema(), node_of(SERIES), "samtaler")
    assert found == [] and series is not None
    assert (series.category, series.subcategory, series.explicit) == ("Health & Fitness", "Medicine", False)
    assert series.owner == "Sykehuset Innlandet"


@pytest.mark.parametrize(
    ("category", "message"),
    [
        (
            "health & fitness",
            '«health & fitness» skal skrives nøyaktig som i Apples liste; skriv category: "Health & Fitness"',
        ),
        (
            "Health",
            '«Health» er en kategori Apple ikke bruker lenger (fra før 2019); skriv category: "Health & Fitness"',
        ),
        (
            "Science & Medicine",
            "«Science & Medicine» er en kategori Apple ikke bruker lenger (fra før 2019); "
            'skriv category: "Health & Fitness" og subcategory: "Medicine"',
        ),
        (
            "Mental Health",
            '«Mental Health» er en underkategori av «Health & Fitness»; skriv category: "Health & Fitness" og subcategory: "Mental Health"',
        ),
        ("Health and Fitness", "ukjent kategori «Health and Fitness»; mente du «Health & Fitness»?"),
        (
            "Health & Fitness > Medicine",
            "«Health & Fitness > Medicine» har både kategori og underkategori; skriv dem hver for seg: "
            'category: "Health & Fitness" og subcategory: "Medicine"',
        ),
        (
            "Helse og trening",
            "ukjent kategori «Helse og trening»; bruk en av Apples kategorier: Arts, Business, Comedy, "
            "Education, Fiction, Government, History, Health & Fitness, Kids & Family, Leisure, Music, News, "
            "Religion & Spirituality, Science, Society & Culture, Sports, Technology, True Crime, TV & Film",
        ),
    ],
)
def test_category_messages(category: str, message: str) -> None:
    assert field_message(PodcastCategory(), f'"{category}"', "category") == message


@pytest.mark.parametrize(
    ("category", "subcategory", "message"),
    [
        ("Technology", "Medicine", "«Technology» har ingen underkategorier hos Apple; fjern subcategory"),
        (
            "Science",
            "Medicine",
            '«Medicine» hører til «Health & Fitness», ikke «Science»; skriv category: "Health & Fitness" eller velg en av '
            "Astronomy, Chemistry, Earth Sciences, Life Sciences, Mathematics, Natural Sciences, Nature, Physics, "
            "Social Sciences",
        ),
        ("Health & Fitness", "Medisin", "ukjent underkategori «Medisin»; mente du «Medicine»?"),
        (
            "Health & Fitness",
            "Sykepleie",
            "ukjent underkategori «Sykepleie» under «Health & Fitness»; velg en av Alternative Health, Fitness, "
            "Medicine, Mental Health, Nutrition, Sexuality",
        ),
    ],
)
def test_subcategory_must_belong_to_the_category(category: str, subcategory: str, message: str) -> None:
    text = changed(SERIES, category=f'"{category}"', subcategory=f'"{subcategory}"')
    assert series_problems(text) == [(7, "subcategory", message)]


def test_series_required_fields_and_a_subcategory_alone() -> None:
    found = series_problems(changed(SERIES, category=None, explicit=None, image=None, owner_email="podkast"))
    assert found == [
        (
            4,
            "owner_email",
            "«podkast» er ikke en e-postadresse; skriv f.eks. owner_email: podkast@eksempel.no",
        ),
        (1, "image", "mangler; forventet navnet på en fil ved siden av siden, f.eks. image: omslag.jpg"),
        (
            1,
            "category",
            'mangler; forventet en kategori fra Apples liste, f.eks. category: "Health & Fitness"',
        ),
        (1, "explicit", "mangler; forventet true eller false, f.eks. explicit: false"),
        (
            5,
            "subcategory",
            'er oppgitt uten category; skriv også kategorien den hører til, f.eks. category: "Health & Fitness"',
        ),
    ]
    assert series_problems(changed(SERIES, explicit="clean", image="omslag.gif")) == [
        (
            3,
            "image",
            "«omslag.gif» er ikke et JPEG- eller PNG-bilde; image må være en fil som slutter på .jpg eller .jpeg eller .png",
        ),
        (
            8,
            "explicit",
            "forventet true eller false, fant «clean»; skriv explicit: true eller explicit: false",
        ),
    ]


# -- podcast episodes -----------------------------------------------------------------


def test_a_valid_episode_with_a_local_mp3_and_one_elsewhere() -> None:
    schema = episode_schema(shared=True)
    local, found = read_episode(
        schema, node_of(EPISODE), "podkast/s/ep3.md", audio_facts=AudioFacts(8000, 62)
    )
    assert found == [] and local is not None
    assert (local.audio_bytes, local.duration_seconds, local.season, local.episode) == (8000, 62, 1, 3)
    remote_text = changed(
        EPISODE, audio=None, audio_url="https://lyd.example/ep3.mp3", audio_bytes="24576000", duration="25:00"
    )
    remote, found = read_episode(schema, node_of(remote_text), "podkast/s/ep3.md")
    assert found == [] and remote is not None
    assert (remote.audio_bytes, remote.duration_seconds) == (24576000, 1500)


def test_episode_audio_rules() -> None:
    assert episode_problems(changed(EPISODE, audio=None, audio_url="https://lyd.example/ep3.mp3")) == [
        (
            6,
            "audio_bytes",
            "mangler; med audio_url må du oppgi lydfilens størrelse i byte, f.eks. audio_bytes: 24576000",
        ),
        (6, "duration", 'mangler; med audio_url må du oppgi lydfilens varighet, f.eks. duration: "12:30"'),
    ]
    assert episode_problems(changed(EPISODE, audio_bytes="1000", duration="10:00")) == [
        (7, "audio_bytes", "leses fra MP3-filen i audio; fjern feltet"),
        (8, "duration", "leses fra MP3-filen i audio; fjern feltet"),
    ]
    assert episode_problems(changed(EPISODE, audio=None)) == [
        (
            1,
            "audio",
            "mangler; en episode trenger enten audio (en fil ved siden av siden, f.eks. audio: episode.mp3) eller "
            "audio_url (en adresse på en annen tjeneste, f.eks. audio_url: https://lyd.eksempel.no/episode.mp3)",
        )
    ]
    assert episode_problems(changed(EPISODE, season="0", episode='"3"')) == [
        (4, "season", "«0» er for lavt; skriv et heltall som er minst 1"),
        (
            5,
            "episode",
            "«3» står i anførselstegn og leses som tekst, ikke et tall; skriv tallet uten anførselstegn: episode: 3",
        ),
    ]


def test_episode_transcript_file_field() -> None:
    assert episode_problems(changed(EPISODE, transcript="ep3.md")) == [
        (
            7,
            "transcript",
            "«ep3.md» er ikke en tekstfil; transcript må være en fil som slutter på .txt "
            "(en .md-fil blir en egen side; gi transkripsjonen endelsen .txt)",
        )
    ]


def test_transcript_in_the_body_or_a_file_exactly_once() -> None:
    body = "Intro.\n\n## Transkripsjon\n\nKari: Hei.\n"
    assert transcript_problems({}, {"title": 2}, body, body_line=9) == []
    assert transcript_problems({"transcript": "ep.txt"}, {"transcript": 7}, "Intro.", body_line=9) == []
    assert transcript_problems({"transcript": "ep.txt"}, {"transcript": 7}, body, body_line=9) == [
        _problem(
            7,
            "transcript",
            "episoden har både transcript og overskriften «Transkripsjon» (linje 11); behold den ene",
        )
    ]
    assert transcript_problems({}, {}, "Intro.\n\n## Transkripsjon\n\n## Lenker\n", body_line=9) == [
        _problem(
            11,
            "transcript",
            "overskriften «Transkripsjon» har ingen tekst under seg; skriv transkripsjonen under den",
        )
    ]
    assert transcript_problems({}, {}, "Bare en intro.", body_line=9) == [
        _problem(
            1,
            "transcript",
            "mangler; en podkastepisode må ha en transkripsjon: skriv den i teksten under overskriften "
            "«## Transkripsjon», eller legg en tekstfil ved siden av episoden og skriv transcript: episode.txt",
        )
    ]


def _problem(line: int, field: str, message: str) -> FoundProblem:
    return FoundProblem(line, field, message)


def test_aliases_point_at_real_fields_and_do_not_shadow_the_shared_ones() -> None:
    every_field = (
        set(elearning_schema(shared=True).fields)
        | set(film_schema(shared=True).fields)
        | set(episode_schema(shared=True).fields)
        | set(series_schema().fields)
    )
    assert set(LEARNING_FIELD_ALIASES.values()) <= every_field
    assert not set(LEARNING_FIELD_ALIASES) & set(FIELD_ALIASES)
    assert not set(LEARNING_FIELD_ALIASES) & set(EVENT_FIELD_ALIASES)
    assert DEFAULT_PROFESSIONS[0] == "Sykepleiere"
