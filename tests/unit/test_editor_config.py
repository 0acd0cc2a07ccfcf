"""The browser editor's configuration is made from the content-type registry, field for field."""

from __future__ import annotations

import dataclasses
import re

import pytest
import yaml
from kompetansebroen.content_types import registry
from kompetansebroen.content_types.registry import content_types
from kompetansebroen.content_types.spec import Vocabulary
from kompetansebroen.editor.backend import LOCAL, BackendError, read_backend
from kompetansebroen.editor.collections import BODY_FIELD, Scope, collections, form_field_names, page_label
from kompetansebroen.editor.config import config_text, decap_config
from kompetansebroen.frontmatter.fields import FIELD_LABELS, Nested, Text
from kompetansebroen.frontmatter.learning_fields import film_fields, series_fields
from kompetansebroen.frontmatter.schemas import region_schema
from kompetansebroen.model.documents import Kind
from kompetansebroen.model.podcast_categories import APPLE_CATEGORIES

VOCABULARY = Vocabulary(("Helsefellesskap", "Samhandling"), ("Sykepleiere", "Leger"))
REGIONS = ("ahus", "innlandet")
NATIONAL = Scope(
    "content",
    None,
    REGIONS,
    series=(("over-broen", "Over broen"),),
    pages=(("helsefellesskap/index.md", "Helsefellesskap"), ("index.md", "Kompetansebroen")),
)
REGIONAL = Scope("regions/innlandet", "innlandet", REGIONS, series=(("lokalt", "Lokalt"),))
NO_SERIES = Scope("regions/ahus", "ahus", REGIONS)
DECAP_WIDGETS = {
    "string",
    "text",
    "markdown",
    "datetime",
    "select",
    "boolean",
    "number",
    "list",
    "image",
    "file",
    "object",
}


def by_name(scope: Scope) -> dict[str, dict]:
    return {collection["name"]: collection for collection in collections(VOCABULARY, scope)}


@pytest.mark.parametrize("scope", [NATIONAL, REGIONAL], ids=["national", "region"])
@pytest.mark.parametrize("declared", [t for t in content_types() if t.folder], ids=lambda t: t.kind.value)
def test_every_field_has_a_widget_and_every_widget_a_field(scope: Scope, declared) -> None:
    schema = declared.schema(VOCABULARY, scope.region_ids, shared=scope.shared)
    name = declared.folder if declared.depth == 1 else f"{declared.folder}-{scope.series[0][0]}"
    collection = by_name(scope)[name]
    assert collection["folder"] == f"{scope.tree}/{name.replace('-', '/', 1) if declared.depth > 1 else name}"
    fields = {field["name"]: field for field in collection["fields"]}
    assert set(fields) == set(schema.fields) | {BODY_FIELD["name"]}
    for field_name, spec in schema.fields.items():
        form = fields[field_name]
        assert form["widget"] in DECAP_WIDGETS
        assert form["required"] is spec.required, field_name
        assert form["label"] == FIELD_LABELS[field_name]
        assert form.get("hint"), field_name


def test_a_shared_page_chooses_its_regions_a_regional_page_cannot() -> None:
    national = {f["name"]: f for f in by_name(NATIONAL)["artikler"]["fields"]}
    regional = {f["name"]: f for f in by_name(REGIONAL)["artikler"]["fields"]}
    assert national["regions"] == {
        "label": "Bare i disse områdene",
        "name": "regions",
        "widget": "select",
        "multiple": True,
        "options": list(REGIONS),
        "required": False,
        "hint": "Velg én eller flere (område)",
    }
    assert "regions" not in regional
    assert national["tags"]["options"] == list(VOCABULARY.topics)


def test_choices_and_vocabularies_are_selects() -> None:
    events = {f["name"]: f for f in by_name(NATIONAL)["arrangementer"]["fields"]}
    # The editor picks the words the page shows; the file gets the word the check reads.
    assert events["format"]["label"] == "Format"
    assert events["format"]["options"] == [
        {"label": "Fysisk oppmøte", "value": "fysisk"},
        {"label": "Digitalt", "value": "digitalt"},
        {"label": "Fysisk og digitalt", "value": "hybrid"},
    ]
    assert events["status"]["options"] == [
        {"label": "Planlagt", "value": "planlagt"},
        {"label": "Avlyst", "value": "avlyst"},
    ]
    assert events["audience"]["options"] == list(VOCABULARY.professions)
    assert events["start"]["format"] == "YYYY-MM-DD HH:mm"
    assert events["registration_deadline"]["format"] == "YYYY-MM-DD"
    governing = {f["name"]: f for f in by_name(NATIONAL)["styrende-dokumenter"]["fields"]}
    assert governing["file"]["widget"] == "file"
    assert governing["status"]["options"] == [
        {"label": "Gjeldende", "value": "gjeldende"},
        {"label": "Historisk", "value": "historisk"},
    ]


def test_media_are_saved_beside_the_entry() -> None:
    for collection in collections(VOCABULARY, NATIONAL):
        if "folder" in collection:
            assert (collection["media_folder"], collection["public_folder"]) == ("", "")


def js_pattern(field: dict) -> re.Pattern[str]:
    return re.compile(field["pattern"][0])


def test_file_fields_refuse_other_kinds_with_our_words() -> None:
    films = {f["name"]: f for f in by_name(NATIONAL)["film"]["fields"]}
    captions, poster, video = films["captions"], films["poster"], films["video"]
    assert captions["widget"] == "file" and poster["widget"] == "image"
    assert js_pattern(captions).search("film.vtt") and js_pattern(captions).search("FILM.VTT")
    assert not js_pattern(captions).search("bilde.png")
    assert not js_pattern(poster).search("tegning.svg")
    assert js_pattern(video).search("media/film.mp4")
    assert captions["pattern"][1] == "Filen er ikke en WebVTT-fil; velg en fil som slutter på .vtt"


@pytest.mark.parametrize(
    ("value", "accepted"),
    [
        ("12:30", True),
        ("1:02:03", True),
        ("750", False),
        ("12:3", False),
        ("1:2:03", False),
        ("12:60", False),
    ],
)
def test_duration_pattern_is_the_readers_rule(value: str, accepted: bool) -> None:
    duration = film_fields()["duration"]
    assert bool(re.search(duration.form()["pattern"][0], value)) is accepted


@pytest.mark.parametrize(
    ("value", "accepted"),
    [("https://vimeo.com/1", True), ("http://vimeo.com/1", False), ("vimeo.com/1", False)],
)
def test_secure_addresses_must_be_https(value: str, accepted: bool) -> None:
    assert bool(re.search(film_fields()["video_url"].form()["pattern"][0], value)) is accepted


def test_region_yml_is_a_file_form() -> None:
    regional = by_name(REGIONAL)
    region = regional["omrade"]["files"][0]
    assert region["file"] == "regions/innlandet/region.yml"
    assert [f["name"] for f in region["fields"]] == list(region_schema().fields)
    contact = next(f for f in region["fields"] if f["name"] == "contact")
    assert isinstance(region_schema().fields["contact"], Nested)
    assert [f["name"] for f in contact["fields"]] == ["email", "url"]
    assert "omrade" not in by_name(NATIONAL)


@pytest.mark.parametrize("scope", [NATIONAL, REGIONAL, NO_SERIES], ids=["national", "region", "no-series"])
def test_podcast_series_are_a_folder_of_serie_yml_files_and_new_ones_can_be_made(scope: Scope) -> None:
    series = by_name(scope)["podkastserier"]
    assert series["folder"] == f"{scope.tree}/podkast"
    # Decap writes a new entry to <folder>/<path>.<extension>: podkast/<slug>/serie.yml.
    assert (series["path"], series["extension"], series["format"]) == ("{{slug}}/serie", "yml", "yml")
    assert series["create"] is True and series["delete"] is False
    assert (series["media_folder"], series["public_folder"]) == ("", ""), "the cover beside serie.yml"
    assert form_field_names(series) == [list(series_fields())]
    fields = {field["name"]: field for field in series["fields"]}
    for field_name, spec in series_fields().items():
        form = fields[field_name]
        assert form["widget"] in DECAP_WIDGETS
        assert form["required"] is spec.required, field_name
        assert form["label"] == FIELD_LABELS[field_name]
        assert form.get("hint"), field_name
    assert fields["image"]["widget"] == "image"
    # Every category of Apple's list is offered by its Norwegian name; the file gets Apple's.
    options = fields["category"]["options"]
    assert [option["value"] for option in options] == list(APPLE_CATEGORIES)
    assert {"label": "Helse og trening (Health & Fitness)", "value": "Health & Fitness"} in options
    # An untouched switch shows «off»: a required one must then hold false, not nothing.
    assert fields["explicit"]["default"] is False
    assert not js_pattern(fields["image"]).search("omslag.webp")


def test_other_pages_are_edited_but_not_created() -> None:
    pages = by_name(NATIONAL)["sider"]
    assert [file["file"] for file in pages["files"]] == [
        "content/index.md",
        "content/helsefellesskap/index.md",
    ]
    # Listed by what an editor knows them as, not by their files.
    assert [file["label"] for file in pages["files"]] == ["Forsiden", "Helsefellesskap"]
    assert page_label("artikler/index.md", "") == "artikler/index.md"
    page_type = next(t for t in content_types() if t.kind is Kind.PAGE)
    names = {f["name"] for f in pages["files"][0]["fields"]}
    assert names == set(page_type.schema(VOCABULARY, REGIONS, shared=True).fields) | {"body"}


def test_every_hint_gives_a_real_example_or_none() -> None:
    """«f.eks. …» helps nobody: a field under a hint has an example of its own or is shown without one."""
    hints: list[str] = []

    def gather(fields: list[dict]) -> None:
        for field in fields:
            hints.append(field.get("hint", ""))
            gather(field.get("fields", []))  # an object's own fields (region.yml's contact)

    for scope in (NATIONAL, REGIONAL):
        for collection in collections(VOCABULARY, scope):
            for form in [collection, *collection.get("files", [])]:
                gather(form.get("fields", []))
    assert len(hints) > 100
    assert [hint for hint in hints if "…" in hint] == []


def test_every_label_is_norwegian_and_used() -> None:
    used: set[str] = set()
    for scope in (NATIONAL, REGIONAL):
        for collection in collections(VOCABULARY, scope):
            for names in form_field_names(collection):
                used.update(names)
    used |= {"email"}  # inside region.yml's contact
    assert used - {"body"} <= set(FIELD_LABELS)
    assert set(FIELD_LABELS) <= used


def test_config_text_is_yaml_and_the_same_every_time() -> None:
    config = decap_config(VOCABULARY, REGIONAL, LOCAL)
    text = config_text(config)
    assert text == config_text(decap_config(VOCABULARY, REGIONAL, LOCAL))
    assert yaml.safe_load(text) == config
    assert config["backend"] == {
        "name": "proxy",
        "proxy_url": "http://127.0.0.1:8081/api/v1",
        "branch": "main",
    }
    assert config["locale"] == "nb_no"
    assert config["publish_mode"] == "editorial_workflow"


def test_a_new_field_in_the_registry_is_a_new_form_field(monkeypatch: pytest.MonkeyPatch) -> None:
    articles = registry.REGISTRY[Kind.ARTICLE]
    own = articles.fields
    changed = dataclasses.replace(articles, fields=lambda vocabulary: {**own(vocabulary), "subtitle": Text()})
    monkeypatch.setitem(registry.REGISTRY, Kind.ARTICLE, changed)
    monkeypatch.setitem(FIELD_LABELS, "subtitle", "Undertittel")
    fields = {f["name"]: f for f in by_name(NATIONAL)["artikler"]["fields"]}
    assert fields["subtitle"] == {
        "label": "Undertittel",
        "name": "subtitle",
        "widget": "string",
        "required": False,
        "hint": "Tekst",  # declared without an example: none is made up
    }


def test_the_cms_block_is_read_with_one_message_per_mistake() -> None:
    assert read_backend(None) is None
    backend = read_backend(
        {
            "backend": "gitlab",
            "repo": "helse/kompetansebroen",
            "app_id": "abc",
            "base_url": "https://git.helse.no",
            "api_url": "https://git.helse.no/api/v4",
        }
    )
    assert backend is not None
    assert backend.decap() == {
        "name": "gitlab",
        "repo": "helse/kompetansebroen",
        "branch": "main",
        "api_root": "https://git.helse.no/api/v4",
        "base_url": "https://git.helse.no",
        "app_id": "abc",
        "auth_type": "pkce",
        "auth_endpoint": "oauth/authorize",
    }
    assert backend.publish_mode == "editorial_workflow"
    assert backend.origins() == ("https://git.helse.no",)
    with pytest.raises(BackendError) as refused:
        read_backend({"backend": "svn", "repo": "x", "api_url": "http://git", "branhc": "main"})
    lines = str(refused.value).split("\n")
    assert lines == [
        "cms → branhc: ukjent innstilling; tillatte er backend, repo, branch, api_url, base_url, app_id, publish_mode",
        "cms → backend: «svn» er ukjent; skriv gitlab eller gitea eller github",
        "cms → repo: «x» er ikke på formen gruppe/prosjekt; skriv f.eks. repo: helse/kompetansebroen",
        "cms → api_url: «http://git» er ikke en adresse som begynner med https://; skriv f.eks. api_url: https://gitlab.example.no",
    ]


def test_the_admin_page_loads_the_shared_bundle_and_names_the_sites_styles_and_caption_rules() -> None:
    from kompetansebroen.editor import admin_page

    assert admin_page.bundle_url("admin/") == "../admin/decap/decap-cms.js"
    assert admin_page.bundle_url("innlandet/admin/") == "../../admin/decap/decap-cms.js"
    styles = admin_page.relative_styles(
        admin_page.stylesheets('<link rel="stylesheet" href="assets/kb.css">')
    )
    page = admin_page.admin_html("Redigering – Innlandet", "../../admin/decap/decap-cms.js", styles)
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert 'data-kb-styles="../assets/kb.css"' in page
    assert 'data-kb-credit-label="Foto"' in page
    assert "<script>" not in page, "no inline script: the CSP allows none"
