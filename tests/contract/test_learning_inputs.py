"""The editors' contract for learning resources: each rule of e-learning, films and podcasts, one clear message.

The good repository is the contract fixture plus the sample's learning
resources (a course, a film here with captions, a film on a video host, the
podcast series with its four episodes). Each case makes one mistake; the
build and the check must both fail with one Norwegian message naming the
file and field, and the published site must stay as it was (both run in the
test process: in_process.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from tests.support.builds import BUILD, CHECK, ColdBuilds, run
from tests.support.repos import REPO, edit
from tests.support.trees import tree_of

from .conftest import GoodBuild
from .in_process import InProcess
from .repo import write_repo
from .test_bad_inputs import BadInput, assert_reports, assert_site_untouched

COURSE = "content/e-laering/demens-grunnkurs.md"
FILM = "content/film/isbar.md"
HOSTED = "content/film/trygg-utskrivning.md"
SERIES = "content/podkast/over-broen/serie.yml"
EPISODE = "content/podkast/over-broen/s1e2-utskrivning.md"
FILE_TRANSCRIPT = "content/podkast/over-broen/s2e1-primaerhelseteam.md"


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory, cold_builds: ColdBuilds) -> GoodBuild:
    repo = write_repo(tmp_path_factory.mktemp("learning") / "repo")
    for rel in (COURSE, FILM, HOSTED):
        for source in (REPO / rel).parent.glob(Path(rel).stem + ".*"):
            target = repo / source.relative_to(REPO)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    shutil.copytree(REPO / "content/podkast", repo / "content/podkast")
    built = cold_builds.of(repo).repo
    check = run(CHECK, built)
    assert check.returncode == 0 and check.output.startswith("OK:"), check.output
    return GoodBuild(built, tree_of(built / "site"))


@pytest.fixture
def repo(good: GoodBuild, tmp_path: Path) -> Path:
    copy = tmp_path / "repo"
    shutil.copytree(good.repo, copy, symlinks=True)
    return copy


def drop_transcript(repo: Path) -> None:
    path = repo / EPISODE
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("## Transkripsjon")], encoding="utf-8")


def drop_poster_alt(repo: Path) -> None:
    path = repo / HOSTED
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("poster_alt:")), encoding="utf-8")


def small_cover(repo: Path) -> None:
    Image.new("RGB", (1200, 800), (0, 94, 130)).save(
        repo / "content/podkast/over-broen/omslag.jpg", quality=60
    )


CASES = [
    BadInput("course-duration-with-unit", lambda r: edit(r, COURSE, "duration: 90", 'duration: "90 min"'),
                COURSE, "duration", "duration: 90"),
    BadInput("course-url-not-https", lambda r: edit(r, COURSE, "url: https://", "url: http://"),
                COURSE, "url", "https://"),
    BadInput("course-unknown-profession", lambda r: edit(r, COURSE, "audience: [", "audience: [Snekkere, "),
                COURSE, "audience", "Snekkere"),
    BadInput("film-without-captions", lambda r: edit(r, FILM, "captions: isbar.vtt\n", ""),
                FILM, "captions", "teksting"),
    BadInput("film-captions-not-webvtt", lambda r: (r / "content/film/isbar.vtt").write_text("1\n00:00:00,000 --> 00:00:02,000\nHei\n", encoding="utf-8"),
                FILM, "captions", "WEBVTT"),
    BadInput("film-video-missing", lambda r: (r / "content/film/isbar.mp4").unlink(),
                FILM, "video", "isbar.mp4"),
    BadInput("film-duration-as-a-number", lambda r: edit(r, FILM, 'duration: "00:08"', "duration: 8"),
                FILM, "duration", "duration:"),
    BadInput("film-both-video-and-url", lambda r: edit(r, FILM, "video: isbar.mp4", "video: isbar.mp4\nvideo_url: https://vimeo.com/1"),
                FILM, "video_url", "video"),
    BadInput("hosted-film-without-poster-alt", drop_poster_alt,
                HOSTED, "poster_alt", "mangler"),
    BadInput("episode-without-transcript", drop_transcript, EPISODE, "transcript", "Transkripsjon"),
    BadInput("episode-transcript-file-missing", lambda r: (r / "content/podkast/over-broen/s2e1-primaerhelseteam.txt").unlink(),
                FILE_TRANSCRIPT, "transcript", "s2e1-primaerhelseteam.txt"),
    BadInput("episode-audio-missing", lambda r: (r / "content/podkast/over-broen/s1e2-utskrivning.mp3").unlink(),
                EPISODE, "audio", "s1e2-utskrivning.mp3"),
    BadInput("episode-number-taken", lambda r: edit(r, EPISODE, "episode: 2", "episode: 1"),
                EPISODE, "episode", "sesong 1, episode 1 finnes alt"),
    BadInput("episode-season-zero", lambda r: edit(r, EPISODE, "season: 1", "season: 0"),
                EPISODE, "season", "season"),
    BadInput("series-without-serie-yml", lambda r: (r / SERIES).unlink(),
                SERIES, None, "filen mangler"),
    BadInput("series-explicit-yes", lambda r: edit(r, SERIES, "explicit: false", "explicit: yes"),
                SERIES, "explicit", "explicit: true"),
    BadInput("series-retired-category", lambda r: edit(r, SERIES, 'category: "Health & Fitness"\nsubcategory: "Medicine"', 'category: "Health"'),
                SERIES, "category", "Health & Fitness"),
    BadInput("series-cover-wrong-size", small_cover, SERIES, "image", "1200 × 800"),
    BadInput("episode-outside-a-series", lambda r: (r / "content/podkast/los-episode.md").write_text("---\ntitle: Løs\n---\n\nTekst.\n", encoding="utf-8"),
                "content/podkast/los-episode.md", None, "mappen til serien"),
]  # fmt: skip


@pytest.mark.parametrize("bad", CASES, ids=[bad.id for bad in CASES])
def test_a_learning_resource_mistake_fails_build_and_check_with_one_message(
    bad: BadInput, repo: Path, good: GoodBuild, in_process: InProcess
) -> None:
    """In the test process (see in_process.py); test_bad_inputs.py runs each failure phase as subprocesses."""
    bad.mutate(repo)
    check, build = in_process.check(repo), in_process.build(repo)
    for result in (build, check):
        assert_reports(result, bad.path, bad.field, bad.fragment)
    problem_lines = [line for line in check.output.splitlines() if line.startswith(("content/", "regions/"))]
    assert len(problem_lines) == 1, check.output
    assert "1 feil i innholdet;" in build.output, build.output
    assert_site_untouched(repo, good)


@pytest.mark.slow
def test_a_region_may_add_an_episode_to_a_shared_series(repo: Path) -> None:
    """A region's own episode joins the shared series in that region's feed only."""
    source = repo / EPISODE
    target = repo / "regions/nord/podkast/over-broen/s3e1-nord.md"
    target.parent.mkdir(parents=True)
    text = (
        source.read_text(encoding="utf-8")
        .replace("season: 1", "season: 3")
        .replace("episode: 2", "episode: 1")
    )
    target.write_text(text.replace("audio: s1e2-utskrivning.mp3", "audio: s3e1-nord.mp3"), encoding="utf-8")
    shutil.copy(repo / "content/podkast/over-broen/s1e2-utskrivning.mp3", target.with_suffix(".mp3"))
    build = run(BUILD, repo)
    assert build.returncode == 0, build.output
    feeds = {
        feed.parent.parent.parent.name: feed.read_text(encoding="utf-8")
        for feed in (repo / "site").glob("*/podkast/over-broen/feed.xml")
    }
    assert "nord/podkast/over-broen/s3e1-nord.mp3" in feeds["nord"]
    assert all("s3e1-nord" not in text for region, text in feeds.items() if region != "nord")
