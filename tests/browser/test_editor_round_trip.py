"""The browser editor, round trip: Decap CMS in Chromium against decap-server on 127.0.0.1.

One temporary git repository (a copy of the sample, never the real tree), one
decap-server in git mode and one build of its site serve the whole module, as
``make edit`` does. Through the national admin page every content type gets
a new entry, typed with the keyboard and holding only what the form (and the
hint of a one-of rule) asks for; it is saved as a draft, set ready and
published. Then ``kompetansebroen-check`` accepts the repository and a build
shows every new page. A sample of each type is opened, touched and saved back
unchanged, and its page is built byte for byte as before. Wrong uploads are
refused with our words, and the admin page asks nothing of any host but the
site's own and decap-server.
"""

from __future__ import annotations

import html
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from kb_browser import DECAP_SERVER, REPO, decap_server, keep_screenshot, serve
from playwright.sync_api import Locator, Page

from tests.support.builds import CHECK, ColdBuilds, run, run_build
from tests.support.repos import copy_repo

GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def git(repo: Path, *arguments: str) -> str:
    return subprocess.run(
        [*GIT, "-C", str(repo), *arguments], check=True, capture_output=True, text=True, timeout=60
    ).stdout


@pytest.fixture(scope="module")
def editor_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh git repository with the sample content; Decap's files linked from this checkout."""
    if not DECAP_SERVER.is_file():
        pytest.fail("decap-server mangler: kjør make site (npm ci) før nettlesertestene")
    repo = tmp_path_factory.mktemp("editor") / "repo"
    repo.mkdir()
    for name in ("content", "regions"):
        shutil.copytree(REPO / name, repo / name)
    for name in ("mkdocs.yml", ".gitignore"):
        shutil.copy(REPO / name, repo / name)
    (repo / "node_modules").symlink_to(REPO / "node_modules")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Eksempelinnhold")
    return repo


@pytest.fixture(scope="module")
def decap_port(editor_repo: Path) -> Iterator[int]:
    """decap-server in git mode on a free 127.0.0.1 port, stopped after the module."""
    with decap_server(editor_repo, free_port()) as port:
        yield port


@pytest.fixture(scope="module")
def admin_url(
    editor_repo: Path, decap_port: int, tmp_path_factory: pytest.TempPathFactory, cold_builds: ColdBuilds
) -> Iterator[str]:
    """The repository's site on a free port, its admin pages talking to this module's decap-server.

    The repository holds the sample's content, so the session's build of the sample is its site."""
    site = tmp_path_factory.mktemp("editor-site") / "site"
    shutil.copytree(cold_builds.of(editor_repo).site, site)
    for config in site.glob("**/admin/config.yml"):
        text = config.read_text(encoding="utf-8").replace("127.0.0.1:8081", f"127.0.0.1:{decap_port}")
        config.write_text(text, encoding="utf-8")
    with serve(site) as url:
        yield url


@pytest.fixture
def editor_tab(new_page) -> Page:
    """The editor's tab, not yet on the admin page; dialogs («Er du sikker …?») are accepted.

    The module's tests are lent one tab in turn: a new tab would compile Decap's 5 MB of script again
    (1.5 s before the collections show, against 0.55 s in a tab that has had it). A test that starts
    at an entry opens it with ``open_fresh``, which logs in there: one load of Decap, not two."""
    page = new_page(viewport={"width": 1280, "height": 900}, timezone_id="Europe/Oslo", timeout=15_000)
    page.on("dialog", lambda dialog: dialog.accept())
    return page


@pytest.fixture
def editor(editor_tab: Page, admin_url: str) -> Page:
    """The national admin page, logged in to decap-server, its collections shown."""
    editor_tab.goto(f"{admin_url}/admin/")
    editor_tab.get_by_role("button", name="Logg inn").click()
    editor_tab.get_by_text("Fagartikler").first.wait_for()
    return editor_tab


def field(page: Page, label: str) -> Locator:
    """A form field by its label; Decap adds «(valgfritt)» to an optional field's."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}(\s*\(valgfritt\))?\s*$", re.IGNORECASE))


def type_into(page: Page, label: str, text: str) -> None:
    """Focus a field by its label and type, key by key, until a text field holds what was typed.

    Decap makes a new entry's draft after its form shows, and keys typed before the draft arrives
    go with the form it replaces: once in a few dozen runs, a film was saved with the title «n»,
    the last key. A text field that does not hold the text is emptied and typed into again.
    """
    target = field(page, label)
    for _ in range(3):
        target.focus()
        page.keyboard.type(text)
        value = target.evaluate("element => 'value' in element ? element.value : null")
        if value is None or value == text:  # not a plain text field (a Markdown editor): as typed
            return
        target.fill("")
    raise AssertionError(f"{label}: the field holds {value!r} after typing {text!r} three times")


def choose(page: Page, label: str, option: str) -> None:
    """A select by keyboard: focus, type the option, Enter."""
    field(page, label).focus()
    page.keyboard.type(option)
    page.keyboard.press("Enter")


def upload(page: Page, button: str, index: int, file: Path) -> None:
    """Upload ``file`` through the media library of the ``index``-th file field with ``button``."""
    page.get_by_role("button", name=button).nth(index).click()
    page.locator("input[type=file]").set_input_files(str(file))
    page.get_by_text(file.name).first.wait_for()
    page.get_by_role("button", name="Velg markert").click()


def fill(page: Page, steps: list[tuple[str, str, object]]) -> None:
    for how, label, value in steps:
        if how == "type":
            type_into(page, label, str(value))
        elif how == "when":  # date and time inputs take their value in their own ISO form
            field(page, label).fill(str(value))
        elif how == "choose":
            choose(page, label, str(value))
        elif how == "upload":
            button, index, file = value  # type: ignore[misc]
            upload(page, button, index, file)
        else:  # pragma: no cover - a mistake in the table below
            raise AssertionError(how)


def open_fresh(page: Page, admin: str, route: str) -> None:
    """Load the admin page anew at ``route`` (a route changed in place may keep the last entry's form),
    logging in there if the tab is not yet: Decap then shows the route's entry."""
    page.goto("about:blank")
    page.goto(admin + route)
    title, log_in = field(page, "Tittel"), page.get_by_role("button", name="Logg inn")
    title.or_(log_in).first.wait_for()
    if log_in.is_visible():
        log_in.click()
    title.wait_for()


def save_and_publish(page: Page) -> None:
    """Save the draft (a branch), set it ready, publish it (merged into main)."""
    page.get_by_role("button", name="Lagre", exact=True).click()
    page.get_by_text("Endringer lagret").first.wait_for()
    page.get_by_role("button", name="Status: Kladd").click()
    page.get_by_role("menuitem", name="Klar").click()
    page.get_by_role("button", name="Status: Klar").wait_for()
    page.get_by_role("button", name="Publiser", exact=True).click()
    page.get_by_role("menuitem", name="Publiser nå").click()
    page.get_by_text("Innlegg publisert").first.wait_for()


def media_file(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    from PIL import Image

    folder = tmp_path_factory.getbasetemp() / "editor-uploads"
    folder.mkdir(exist_ok=True)
    path = folder / name
    if path.suffix == ".png" and path.stem.endswith("omslag"):
        Image.new("RGB", (1400, 1400), (160, 60, 30)).save(path)  # the smallest cover the check takes
    elif path.suffix == ".png":
        Image.new("RGB", (1280, 720), (30, 80, 160)).save(path)  # the smallest poster the check takes
    elif path.suffix == ".svg":
        path.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', encoding="utf-8")
    else:
        path.write_text("Hei, og velkommen til denne episoden.\n", encoding="utf-8")
    return path


TITLE = "Skrevet i nettleseren"
SLUG = "skrevet-i-nettleseren"
NEW_ENTRIES: dict[str, tuple[str, list[tuple[str, str, object]]]] = {
    # collection: (folder in content/, what the editor fills in)
    "artikler": (
        "artikler",
        [("type", "Tittel", TITLE), ("when", "Dato", "2025-03-14T09:30"), ("type", "Ingress", "Én setning.")],
    ),
    "nyhetsbrev": (
        "nyhetsbrev",
        [("type", "Tittel", TITLE), ("when", "Dato", "2025-03-14T09:30"), ("type", "Ingress", "Sakene.")],
    ),
    "styrende-dokumenter": (
        "styrende-dokumenter",
        [
            ("type", "Tittel", TITLE),
            ("when", "Dato", "2025-03-14"),
            ("type", "Utgiver", "Helse- og omsorgsdepartementet"),
            ("type", "Lenke", "https://www.regjeringen.no/"),  # the hint: a link or a file
        ],
    ),
    "arrangementer": (
        "arrangementer",
        [
            ("type", "Tittel", TITLE),
            ("type", "Ingress", "Et webinar."),
            ("when", "Start", "2030-03-14T09:00"),
            ("choose", "Format", "Digitalt"),
            ("type", "Arrangør", "Sykehuset Innlandet"),
        ],
    ),
    "e-laering": (
        "e-laering",
        [
            ("type", "Tittel", TITLE),
            ("type", "Ingress", "Et kurs."),
            ("type", "Tilbyder", "KS Læring"),
            ("type", "Lenke", "https://kslaring.no/"),
            ("type", "Varighet", "45"),
        ],
    ),
    "film": (
        "film",
        [
            ("type", "Tittel", TITLE),
            ("type", "Ingress", "En film."),
            ("when", "Dato", "2025-03-14"),
            ("type", "Varighet", "12:30"),
            ("upload", "Plakatbilde", ("Velg et bilde", 0, "nettleser-plakat.png")),
            ("type", "Alternativ tekst til plakatbildet", "Et blått bilde"),
            ("type", "Lenke til filmen hos en annen tjeneste", "https://vimeo.com/123456789"),
        ],
    ),
    "podkast-over-broen": (
        "podkast/over-broen",
        [
            ("type", "Tittel", TITLE),
            ("type", "Ingress", "En episode."),
            ("when", "Dato", "2025-03-14"),
            ("type", "Sesong", "3"),
            ("type", "Episode", "1"),
            ("type", "Lenke til lydfilen hos en annen tjeneste", "https://lyd.eksempel.no/s3e1.mp3"),
            ("type", "Lydfilens størrelse i byte", "24576000"),
            ("type", "Varighet", "30:00"),
            ("upload", "Transkripsjon (tekstfil)", ("Velg en fil", 1, "nettleser-s3e1.txt")),
        ],
    ),
}


@pytest.mark.parametrize("collection", list(NEW_ENTRIES))
def test_a_new_entry_of_every_type_is_published_into_its_folder(
    editor: Page, editor_repo: Path, collection: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder, steps = NEW_ENTRIES[collection]
    steps = [
        (
            how,
            label,
            (value[0], value[1], media_file(tmp_path_factory, value[2])) if how == "upload" else value,
        )
        for how, label, value in steps
    ]
    editor.goto(editor.url.split("#")[0] + f"#/collections/{collection}/new")
    editor.get_by_label("Tittel", exact=True).wait_for()
    fill(editor, steps)
    save_and_publish(editor)
    written = editor_repo / "content" / folder / f"{SLUG}.md"
    assert written.is_file(), git(editor_repo, "log", "--stat", "-3")
    assert git(editor_repo, "status", "--porcelain") == "", "decap-server committed everything"
    assert git(editor_repo, "branch", "--show-current").strip() == "main"
    text = written.read_text(encoding="utf-8")
    assert text.startswith(f"---\ntitle: {TITLE}\n"), text
    for how, _label, value in steps:
        if how == "upload":
            assert (written.parent / value[2].name).is_file(), "the upload is saved beside the entry"  # type: ignore[index]


SERIES_TITLE = "Broen i nettleseren"
SERIES_SLUG = "broen-i-nettleseren"


def test_a_new_podcast_series_is_a_new_folder_with_serie_yml_and_its_cover(
    editor: Page, editor_repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    cover = media_file(tmp_path_factory, "nettleser-omslag.png")
    editor.goto(editor.url.split("#")[0] + "#/collections/podkastserier/new")
    editor.get_by_label("Tittel", exact=True).wait_for()
    fill(
        editor,
        [
            ("type", "Tittel", SERIES_TITLE),
            ("type", "Ingress", "Samtaler om samhandling, skrevet i nettleseren."),
            ("upload", "Bilde", ("Velg et bilde", 0, cover)),
            ("type", "Utgiver", "Sykehuset Innlandet"),
            ("type", "Eierens e-post", "podkast@eksempel.no"),
            ("choose", "Kategori", "Helse og trening"),
        ],
    )
    save_and_publish(editor)
    folder = editor_repo / "content" / "podkast" / SERIES_SLUG
    assert sorted(path.name for path in folder.iterdir()) == sorted(["serie.yml", cover.name]), git(
        editor_repo, "log", "--stat", "-3"
    )
    assert (folder / cover.name).read_bytes() == cover.read_bytes()
    assert git(editor_repo, "status", "--porcelain") == ""
    assert yaml.safe_load((folder / "serie.yml").read_text(encoding="utf-8")) == {
        "title": SERIES_TITLE,
        "description": "Samtaler om samhandling, skrevet i nettleseren.",
        "image": cover.name,
        "author": "Sykehuset Innlandet",
        "owner_email": "podkast@eksempel.no",
        "category": "Health & Fitness",
        "explicit": False,
    }


def test_an_existing_series_saved_unchanged_keeps_its_meaning(
    editor_tab: Page, editor_repo: Path, admin_url: str
) -> None:
    series_file = editor_repo / "content" / "podkast" / "over-broen" / "serie.yml"
    before = yaml.safe_load(series_file.read_text(encoding="utf-8"))
    for key in ("x", "Backspace"):  # Decap saves only a changed entry
        open_fresh(editor_tab, f"{admin_url}/admin/", "#/collections/podkastserier/entries/over-broen/serie")
        field(editor_tab, "Tittel").focus()
        editor_tab.keyboard.press("End")
        editor_tab.keyboard.press(key)
        save_and_publish(editor_tab)
    assert "Update" in git(editor_repo, "log", "-1", "--format=%s", "--", str(series_file))
    assert yaml.safe_load(series_file.read_text(encoding="utf-8")) == before


def test_every_new_entry_passes_the_check_and_is_a_page_of_the_built_region(
    editor_repo: Path, tmp_path: Path
) -> None:
    check = run(CHECK, editor_repo)
    assert check.returncode == 0, check.output
    result = run_build(editor_repo, tmp_path / "site", region="innlandet")
    assert result.returncode == 0, result.stderr
    for folder, _steps in NEW_ENTRIES.values():
        page = tmp_path / "site" / "innlandet" / folder / SLUG / "index.html"
        assert page.is_file(), f"{folder}/{SLUG} is not built"
        assert TITLE in page.read_text(encoding="utf-8")
    # The new series has no episodes yet: its page says so, and its feed is there to subscribe to.
    series_page = tmp_path / "site" / "innlandet" / "podkast" / SERIES_SLUG / "index.html"
    assert "Serien har ingen episoder ennå." in series_page.read_text(encoding="utf-8")
    feed = (series_page.parent / "feed.xml").read_text(encoding="utf-8")
    assert f"<title>{SERIES_TITLE}</title>" in feed and "<item>" not in feed
    assert (series_page.parent / "nettleser-omslag.png").is_file(), "the cover is published beside the page"


SAMPLES = {
    # collection: (folder in content/, a sample with the values js-yaml-style rewriting could change)
    "artikler": ("artikler", "hva-er-et-helsefellesskap"),  # a day and a time in updated, a photo
    "nyhetsbrev": ("nyhetsbrev", "2024-05-nyhetsbrev"),
    "styrende-dokumenter": ("styrende-dokumenter", "samarbeidsavtaler-2012"),
    "arrangementer": ("arrangementer", "fagdag-skropelige-eldre"),  # start 2024-11-14 09:00
    "e-laering": ("e-laering", "rus-kartlegging-og-samtale"),  # certificate: true, duration: 75
    "film": ("film", "trygg-utskrivning"),  # duration: "12:30"
    "podkast-over-broen": ("podkast/over-broen", "s2e1-primaerhelseteam"),  # transcript in a file
}


def with_a_letter_added_to_the_title(path: Path, letter: str) -> None:
    """What typing ``letter`` at the end of the title field means, written by hand: the front matter's
    ``title:`` line with ``letter`` inside its quotes (or at its end)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(number for number, line in enumerate(lines) if line.startswith("title:"))
    line = lines[at].rstrip()
    lines[at] = line[:-1] + letter + line[-1] if line[-1] in "\"'" else line + letter
    path.write_text("\n".join(lines), encoding="utf-8")


def test_a_sample_of_every_type_saved_with_one_key_typed_changes_only_what_was_typed(
    editor_tab: Page, editor_repo: Path, admin_url: str, tmp_path: Path
) -> None:
    """Decap writes every field of the file it saves: after a letter typed into the title, each
    sample's page is byte for byte the page of the same file with that letter added by hand."""

    def built_pages(repo: Path, site: Path) -> dict[str, bytes]:
        result = run_build(repo, site, region="innlandet")
        assert result.returncode == 0, result.stderr
        return {
            name: (site / "innlandet" / folder / slug / "index.html").read_bytes()
            for name, (folder, slug) in SAMPLES.items()
        }

    by_hand = copy_repo(tmp_path / "by-hand", source=editor_repo)
    for folder, slug in SAMPLES.values():
        with_a_letter_added_to_the_title(by_hand / "content" / folder / f"{slug}.md", "x")
    expected = built_pages(by_hand, tmp_path / "by-hand-site")
    for collection, (folder, slug) in SAMPLES.items():
        open_fresh(editor_tab, f"{admin_url}/admin/", f"#/collections/{collection}/entries/{slug}")
        field(editor_tab, "Tittel").focus()
        editor_tab.keyboard.press("End")
        editor_tab.keyboard.press("x")
        save_and_publish(editor_tab)
        assert "Update" in git(editor_repo, "log", "-1", "--format=%s", "--", f"content/{folder}/{slug}.md")
    assert git(editor_repo, "status", "--porcelain") == ""
    check = run(CHECK, editor_repo)
    assert check.returncode == 0, check.output
    saved = built_pages(editor_repo, tmp_path / "saved-site")
    for name, (folder, slug) in SAMPLES.items():
        title = yaml.safe_load(
            (by_hand / "content" / folder / f"{slug}.md").read_text(encoding="utf-8").split("---")[1]
        )["title"]
        assert title.endswith("x") and title.encode() in saved[name], name  # the letter is in the page
    changed = [name for name in SAMPLES if saved[name] != expected[name]]
    assert not changed, git(editor_repo, "diff", f"HEAD~{len(SAMPLES)}", "--", "content")


def test_wrong_uploads_are_refused_with_our_words(
    editor: Page, editor_repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    before = git(editor_repo, "rev-parse", "HEAD")
    editor.goto(editor.url.split("#")[0] + "#/collections/film/new")
    editor.get_by_label("Tittel", exact=True).wait_for()
    upload(editor, "Velg en fil", 1, media_file(tmp_path_factory, "feil-teksting.png"))
    upload(editor, "Velg et bilde", 0, media_file(tmp_path_factory, "feil-plakat.svg"))
    editor.get_by_role("button", name="Lagre", exact=True).click()
    editor.get_by_text("Filen er ikke en WebVTT-fil; velg en fil som slutter på .vtt").wait_for()
    editor.get_by_text(
        "Filen er ikke et bilde; velg en fil som slutter på .jpg eller .jpeg eller .png eller .webp"
    ).wait_for()
    assert git(editor_repo, "rev-parse", "HEAD") == before, "nothing was saved"
    assert git(editor_repo, "branch", "--list", "cms/*") == ""


def test_the_admin_asks_nothing_of_any_host_but_the_site_and_decap_server(
    editor_tab: Page, admin_url: str, decap_port: int
) -> None:
    hosts: set[str] = set()
    editor_tab.on(
        "request", lambda request: hosts.add(urlsplit(request.url).netloc or urlsplit(request.url).scheme)
    )
    open_fresh(editor_tab, f"{admin_url}/admin/", "#/collections/artikler/entries/hva-er-et-helsefellesskap")
    # The preview pane (a frame) shows the photo with the site's caption and credit.
    preview = editor_tab.frame_locator("iframe").first
    caption = preview.locator("figure.kb-figure figcaption")
    caption.wait_for()
    # The same line as under the photo on the page: caption, then the credit with its own label.
    assert (
        caption.inner_text()
        == "Helsefellesskapet er broen mellom sykehuset og kommunene. Illustrasjon: Kompetansebroen"
    )
    # The photo itself, not only its caption.
    photo = preview.locator("figure.kb-figure img")
    deadline = time.monotonic() + 15  # the preview is drawn again as Decap loads: ask the image in place
    while not photo.evaluate("(image) => image.complete && image.naturalWidth > 0"):
        assert time.monotonic() < deadline, "the preview's photo did not load"
        editor_tab.wait_for_timeout(100)
    editor_tab.reload()
    editor_tab.get_by_label("Tittel", exact=True).wait_for()
    site = urlsplit(admin_url).netloc
    assert hosts - {site, f"127.0.0.1:{decap_port}", "data", "blob"} == set(), hosts
    assert f"127.0.0.1:{decap_port}" in hosts and site in hosts


def test_the_editor_speaks_norwegian_where_decaps_own_translation_is_silent(
    editor_tab: Page, admin_url: str, cold_builds: ColdBuilds
) -> None:
    """The Markdown toolbar and the preview switch, which Decap's Norwegian leaves in English
    (editor/phrases.py; every phrase is checked in tests/unit/test_editor_phrases.py), and the
    preview's dates, written as the page writes them."""
    open_fresh(editor_tab, f"{admin_url}/admin/", "#/collections/artikler/entries/hva-er-et-helsefellesskap")
    editor_tab.get_by_title("Fet", exact=True).first.wait_for()
    keep_screenshot(editor_tab, "editor-article-form")
    for words in (
        "Fet",
        "Kursiv",
        "Lenke",
        "Overskrifter",
        "Punktliste",
        "Vis eller skjul forhåndsvisningen",
    ):
        assert editor_tab.get_by_title(words, exact=True).count() >= 1, f"«{words}» is not on the form"
    for english in ("Bold", "Italic", "Link", "Headings", "Bulleted List", "Toggle preview"):
        assert editor_tab.get_by_title(english, exact=True).count() == 0, f"«{english}» is shown in English"
    facts = editor_tab.frame_locator("iframe").first.locator("p.kb-meta")
    facts.wait_for()
    # The line under the built page's title, up to its topics (which the preview does not show): the
    # page's dates come from text/dates.py, the preview's from admin.js, and the two must agree.
    built = cold_builds.of(REPO).site / "innlandet" / "artikler" / "hva-er-et-helsefellesskap" / "index.html"
    line = re.search(r'<p class="kb-meta">(.*?)</p>', built.read_text(encoding="utf-8"))
    assert line is not None
    on_the_page = re.sub(r"<[^>]+>", "", line.group(1)).split(" · Tema:")[0]
    assert (
        on_the_page
        == "Publisert 15. november 2019 · Sist oppdatert 10. januar 2023 kl. 14.05 · Av Redaksjonen"
    )
    assert facts.inner_text() == on_the_page


def test_the_preview_lists_an_events_facts_as_its_page_does(
    editor_tab: Page, admin_url: str, cold_builds: ColdBuilds
) -> None:
    """Names, words and time with its weekday and span, as the built page has them (every case of an
    event's time is compared with the build's in tests/unit/test_editor_preview.py)."""
    open_fresh(
        editor_tab, f"{admin_url}/admin/", "#/collections/arrangementer/entries/fagdag-skropelige-eldre"
    )
    facts = editor_tab.frame_locator("iframe").first.locator("dl.kb-event-facts")
    facts.wait_for()
    shown = facts.evaluate("(list) => [...list.children].map((item) => item.textContent)")
    built = (
        cold_builds.of(REPO).site / "innlandet" / "arrangementer" / "fagdag-skropelige-eldre" / "index.html"
    )
    listed = re.search(r'<dl class="kb-event-facts">(.*?)</dl>', built.read_text(encoding="utf-8"), re.DOTALL)
    assert listed is not None
    on_the_page = [
        html.unescape(re.sub(r"<[^>]+>", "", item))
        for item in re.findall(r"<d[td]>(.*?)</d[td]>", listed.group(1))
    ]
    assert shown == on_the_page
    assert shown[:4] == ["Tid", "torsdag 14. november 2024 kl. 09.00–15.30", "Format", "Fysisk oppmøte"]
    assert len(shown) == 16, "every fact of the sample: time, format, place, organiser, audience, price …"


def test_a_hub_is_previewed_as_its_page_with_its_title_and_text(editor_tab: Page, admin_url: str) -> None:
    """Decap looks up a file collection's preview by the file's name: the hub's entry gets the pages'
    preview (the title as the page's heading, then the text), not Decap's list of fields."""
    open_fresh(editor_tab, f"{admin_url}/admin/", "#/collections/sider/entries/side-helsefellesskap-index")
    article = editor_tab.frame_locator("iframe").first.locator("article.md-typeset")
    article.locator("h1").wait_for()
    assert article.locator("h1").inner_text() == "Helsefellesskap"
    assert article.locator("h2", has_text="Partnerskapsmøtet").count() == 1, "the text, its headings level 2"
