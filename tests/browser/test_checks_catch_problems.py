"""The checks can fail: on a deliberately broken page, the same helpers the suite uses report the faults."""

from __future__ import annotations

import pytest
from kb_browser import (
    NetworkWatch,
    RequestRecorder,
    axe_violations,
    describe_violations,
    no_sideways_scroll,
    serve,
)

pytestmark = pytest.mark.browser

INACCESSIBLE = """<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><title>Ødelagt</title></head>
<body>
  <main>
    <h1>Ødelagt side</h1>
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40">
    <p style="color:#bbbbbb;background:#ffffff">Lys grå tekst på hvitt.</p>
  </main>
</body>
</html>
"""

FOREIGN_FONT = """<!doctype html>
<html lang="nb">
<head>
  <meta charset="utf-8"><title>Fremmed skrift</title>
  <link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto&display=swap">
</head>
<body><main><h1>Side med skrift fra Google</h1></main></body>
</html>
"""

TOO_WIDE = """<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><title>For bred</title></head>
<body><main><h1>For bred side</h1><div style="width:2000px">Bred</div></main></body>
</html>
"""

MOVING = """<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><title>I bevegelse</title>
<style>@keyframes move {{ from {{ width: {0}px }} to {{ width: {1}px }} }}
div {{ animation: move 600ms forwards }}</style></head>
<body><main><h1>En boks som endrer bredde</h1><div>Boks</div></main></body>
</html>
"""


@pytest.fixture
def broken_site(tmp_path):
    (tmp_path / "inaccessible.html").write_text(INACCESSIBLE, encoding="utf-8")
    (tmp_path / "foreign-font.html").write_text(FOREIGN_FONT, encoding="utf-8")
    (tmp_path / "too-wide.html").write_text(TOO_WIDE, encoding="utf-8")
    (tmp_path / "narrowing.html").write_text(MOVING.format(2000, 100), encoding="utf-8")
    (tmp_path / "widening.html").write_text(MOVING.format(500, 2000), encoding="utf-8")
    with serve(tmp_path) as url:
        yield url


def test_axe_helper_reports_missing_alt_and_low_contrast(page, broken_site):
    page.goto(broken_site + "/inaccessible.html")

    violations = axe_violations(page)

    found = {v["id"] for v in violations}
    assert {"image-alt", "color-contrast"} <= found, describe_violations(violations)
    report = describe_violations(violations)
    assert "image-alt" in report and "img" in report


def test_request_recorder_reports_a_foreign_font_host(page, broken_site):
    recorder = RequestRecorder().attach(page)
    # The request is made and recorded, then refused here: the test never waits on a host it cannot reach.
    page.route("https://fonts.googleapis.com/**", lambda route: route.abort())

    page.goto(broken_site + "/foreign-font.html", wait_until="load")

    foreign = recorder.foreign()
    assert any(url.startswith("https://fonts.googleapis.com/") for url in foreign), recorder.urls
    assert all("127.0.0.1" not in url for url in foreign), foreign


def test_sideways_scroll_helper_reports_a_too_wide_page(new_page, broken_site):
    page = new_page(viewport={"width": 375, "height": 812})
    page.goto(broken_site + "/too-wide.html", wait_until="load")

    scroll_width, inner_width = no_sideways_scroll(page)

    assert scroll_width > inner_width


@pytest.mark.parametrize(("name", "wider_in_the_end"), [("narrowing", False), ("widening", True)])
def test_sideways_scroll_helper_judges_a_moving_page_where_it_comes_to_rest(
    new_page, broken_site, name, wider_in_the_end
):
    """Wider than the window while a box changes width: what counts is where the box ends up."""
    page = new_page(viewport={"width": 375, "height": 812})
    page.goto(broken_site + f"/{name}.html", wait_until="load")
    assert page.evaluate("() => document.documentElement.scrollWidth") > 375, "measured mid-move"

    scroll_width, inner_width = no_sideways_scroll(page)

    assert (scroll_width > inner_width) is wider_in_the_end, scroll_width


LATE_REQUEST = """<!doctype html>
<html lang="nb">
<head><meta charset="utf-8"><title>Sen forespørsel</title></head>
<body><main><h1>Ber om en fil etter lastingen</h1></main>
<script>setTimeout(() => fetch("late.txt"), 300);</script>
</body>
</html>
"""


def test_network_watch_waits_for_a_late_request_and_names_one_that_never_ends(page, tmp_path):
    """The wait the policy tests use: a request made after the load is waited for, and one that
    never gets an answer fails the wait with its address."""
    (tmp_path / "late.html").write_text(LATE_REQUEST, encoding="utf-8")
    (tmp_path / "late.txt").write_text("sen", encoding="utf-8")
    with serve(tmp_path) as url:
        recorder = RequestRecorder().attach(page)
        answered = NetworkWatch().attach(page)
        page.goto(url + "/late.html", wait_until="load")
        answered.wait_until_quiet(page)
        assert any(request.endswith("/late.txt") for request in recorder.urls), recorder.urls

        held = []
        page.route("**/late.txt", lambda route: held.append(route))  # not answered while the watch waits
        unanswered = NetworkWatch().attach(page)
        page.goto(url + "/late.html", wait_until="load")
        with pytest.raises(AssertionError, match="late.txt"):
            unanswered.wait_until_quiet(page, within=2.0)
        for route in held:  # ended before the tab is given back, so nothing is left waiting on it
            route.abort()
