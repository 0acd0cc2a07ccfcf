"""Publishing without a server: precompression, the CSP, old addresses and the nginx configuration's text."""

from __future__ import annotations

import base64
import gzip
import hashlib
import os
import re
from pathlib import Path

import pytest
from kompetansebroen.output.publishing import (
    content_policy,
    http_rules,
    nginx_config,
    old_addresses,
    site_finish,
)
from kompetansebroen.output.publishing.built_site import read_site
from kompetansebroen.output.publishing.old_addresses import OldAddress
from kompetansebroen.output.publishing.precompress import gzip_bytes, precompress_tree

BIG_HTML = "<!doctype html><title>x</title>" + "<p>Helsefellesskap og samhandling.</p>\n" * 80


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- precompression -----------------------------------------------------------------------------


def test_gzip_bytes_are_the_same_every_time_and_carry_no_time_or_name():
    data = BIG_HTML.encode()
    first = gzip_bytes(data)
    assert first == gzip_bytes(data)
    assert first[:2] == b"\x1f\x8b"
    flags, mtime = first[3], int.from_bytes(first[4:8], "little")
    assert flags & 0x08 == 0, "no file name in the header"
    assert mtime == 0
    assert gzip.decompress(first) == data


def test_precompress_tree_compresses_text_over_1_kb_only_and_skips_given_folders(tmp_path):
    page = write(tmp_path / "innlandet" / "index.html", BIG_HTML)
    small = write(tmp_path / "innlandet" / "liten.js", "var x = 1;")
    image = tmp_path / "innlandet" / "bilde.png"
    image.write_bytes(os.urandom(4096))
    feed = write(tmp_path / "innlandet" / "nyhetsbrev" / "rss.xml", "<rss>" + "<item/>" * 400 + "</rss>")
    calendar = write(tmp_path / "innlandet" / "kalender.ics", "BEGIN:VCALENDAR\r\n" + "X-A:b\r\n" * 300)
    skipped = write(tmp_path / "ahus" / "index.html", BIG_HTML)

    report = precompress_tree(tmp_path, skip={"ahus"})

    compressed = {p.name for p in (page, feed, calendar)}
    for path in (page, feed, calendar):
        gz = path.with_name(path.name + ".gz")
        assert gzip.decompress(gz.read_bytes()) == path.read_bytes()
    assert not small.with_name("liten.js.gz").exists()
    assert not image.with_name("bilde.png.gz").exists()
    assert not skipped.with_name("index.html.gz").exists()
    assert report.compressed == len(compressed)
    assert report.bytes_out < report.bytes_in


def test_precompress_tree_gives_byte_identical_files_when_run_again(tmp_path):
    page = write(tmp_path / "index.html", BIG_HTML)
    precompress_tree(tmp_path)
    before = (tmp_path / "index.html.gz").read_bytes()
    (tmp_path / "index.html.gz").unlink()
    precompress_tree(tmp_path)
    assert (tmp_path / "index.html.gz").read_bytes() == before
    assert page.read_text(encoding="utf-8") == BIG_HTML


def test_a_gz_already_beside_its_file_is_kept_and_a_stale_one_replaced(tmp_path):
    page = write(tmp_path / "index.html", BIG_HTML)
    other = write(tmp_path / "annen" / "index.html", BIG_HTML + "<p>Mer.</p>")
    precompress_tree(tmp_path)
    kept = (tmp_path / "index.html.gz").stat()
    (tmp_path / "annen" / "index.html.gz").write_bytes(gzip_bytes(b"en eldre utgave av siden"))

    report = precompress_tree(tmp_path)

    assert (report.reused, report.compressed) == (1, 1)
    again = (tmp_path / "index.html.gz").stat()
    assert (again.st_ino, again.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)
    assert gzip.decompress((tmp_path / "annen" / "index.html.gz").read_bytes()) == other.read_bytes()
    assert page.read_text(encoding="utf-8") == BIG_HTML


def test_an_unchanged_file_keeps_the_published_gz_and_a_changed_one_is_compressed_again(tmp_path):
    published = tmp_path / "site"
    staging = tmp_path / "staging"
    same = write(published / "same" / "index.html", BIG_HTML)
    changed = write(published / "changed" / "index.html", BIG_HTML)
    precompress_tree(published)
    (staging / "same").mkdir(parents=True)
    os.link(same, staging / "same" / "index.html")
    write(staging / "changed" / "index.html", BIG_HTML + "<p>Ny tekst.</p>")
    # A published .gz that no longer matches its page must not be reused.
    other = published / "other" / "index.html"
    write(other, BIG_HTML)
    (published / "other" / "index.html.gz").write_bytes(gzip_bytes(b"something else"))
    (staging / "other").mkdir()
    os.link(other, staging / "other" / "index.html")

    # A copy with the same bytes (the theme's assets, copied by every build) reuses it too.
    asset = write(published / "assets" / "bundle.js", "var a = 1;\n" * 300)
    write(staging / "assets" / "bundle.js", asset.read_text(encoding="utf-8"))
    precompress_tree(published / "assets")

    report = precompress_tree(staging, reuse_from=published)

    assert report.reused == 2 and report.compressed == 2
    assert os.path.samefile(staging / "assets" / "bundle.js.gz", published / "assets" / "bundle.js.gz")
    assert os.path.samefile(staging / "same" / "index.html.gz", published / "same" / "index.html.gz")
    assert gzip.decompress((staging / "other" / "index.html.gz").read_bytes()) == other.read_bytes()
    new_gz = staging / "changed" / "index.html.gz"
    assert gzip.decompress(new_gz.read_bytes()).endswith(b"<p>Ny tekst.</p>")
    assert gzip.decompress((published / "changed" / "index.html.gz").read_bytes()) == changed.read_bytes()


# -- the content security policy ----------------------------------------------------------------


def expected_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_executable_inline_scripts_are_hashed():
    html = (
        '<script src="a.js"></script>'
        "<script>var a = 1;</script>"
        '<script id="__config" type="application/json">{"base": "."}</script>'
        '<script type="application/ld+json">{"@type": "Event"}</script>'
        "<script type=module>import x from './x.js';</script>"
        "<SCRIPT type='text/javascript'>var b = 2;</SCRIPT >"
    )
    assert content_policy.inline_scripts(html) == ["var a = 1;", "import x from './x.js';", "var b = 2;"]


def test_a_script_is_found_by_the_browsers_rules_for_its_tag_name_and_hashed_as_text():
    html = (
        "<scripts>not a script</scripts>"
        "<script\n>var å = 1;</script\t>"
        "<script/>var b = 2;</script>"
        "<scriptø>no script either</scriptø>"
        "<script>var c = '</script\u00a0'; var d;</script>"
    )
    # A tag name ends at ASCII white space, «/» or «>» (a no-break space is part of the text).
    assert content_policy.inline_scripts(html) == [
        "var å = 1;",
        "var b = 2;",
        "var c = '</script\u00a0'; var d;",
    ]
    assert content_policy.script_hash("var å = 1;") == expected_hash("var å = 1;")


def test_script_hash_is_base64_sha256_of_the_text_with_browser_line_ends():
    assert content_policy.script_hash("var a = 1;") == expected_hash("var a = 1;")
    assert content_policy.script_hash("a();\r\nb();") == expected_hash("a();\nb();")


def test_site_script_hashes_collects_each_distinct_script_once(tmp_path):
    write(tmp_path / "index.html", '<script>__md_scope=new URL(".",location)</script><p>x</p>')
    write(tmp_path / "a" / "index.html", '<script>__md_scope=new URL("..",location)</script>')
    write(tmp_path / "b" / "index.html", '<script>__md_scope=new URL("..",location)</script>')
    hashes = content_policy.site_script_hashes(tmp_path)
    assert hashes == sorted(
        {
            expected_hash('__md_scope=new URL(".",location)'),
            expected_hash('__md_scope=new URL("..",location)'),
        }
    )


def test_folders_scanned_already_are_not_read_again_and_their_hashes_are_kept(tmp_path):
    write(tmp_path / "index.html", "<script>root()</script>")
    write(tmp_path / "innlandet" / "index.html", "<script>region()</script>")
    write(tmp_path / "innlandet" / "eldre" / "index.html", "<script>nested()</script>")
    scanned = content_policy.ScannedFolders(
        frozenset({"innlandet"}), frozenset({expected_hash("from-worker()")})
    )
    # What the worker read stands for the folder: the folder's own files are not read again.
    assert content_policy.site_script_hashes(tmp_path, scanned) == sorted(
        {expected_hash("root()"), expected_hash("from-worker()")}
    )
    assert content_policy.site_script_hashes(tmp_path) == sorted(
        {expected_hash("root()"), expected_hash("region()"), expected_hash("nested()")}
    )


def test_policy_allows_no_inline_script_and_no_framing():
    policy = content_policy.policy(["'sha256-abc='"])
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self' 'sha256-abc='"
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert directives["default-src"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert directives["frame-ancestors"] == "'none'"
    assert directives["object-src"] == "'none'"


# -- caching and types --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/innlandet/assets/javascripts/bundle.a5f9d56c.min.js", http_rules.IMMUTABLE),
        ("/assets/stylesheets/main.57a0d79d.min.css", http_rules.IMMUTABLE),
        ("/ahus/assets/javascripts/workers/search.a7633da7.min.js", http_rules.IMMUTABLE),
        ("/innlandet/assets/kompetansebroen/kb.js", http_rules.REVALIDATE),
        ("/innlandet/", http_rules.REVALIDATE),
        ("/innlandet/nyhetsbrev/rss.xml", http_rules.REVALIDATE),
        ("/innlandet/search/search_index.json", http_rules.REVALIDATE),
        ("/innlandet/kurs/kalender.ics", http_rules.REVALIDATE),
    ],
)
def test_only_fingerprinted_assets_are_cached_for_good(path, expected):
    assert http_rules.cache_control(path) == expected


def test_mime_types_cover_calendars_subtitles_manifests_and_feeds():
    assert http_rules.MIME_TYPES["ics"] == "text/calendar"
    assert http_rules.MIME_TYPES["vtt"] == "text/vtt"
    assert http_rules.MIME_TYPES["eml"] == "message/rfc822"  # a newsletter's e-mail edition
    assert http_rules.MIME_TYPES["webmanifest"] == "application/manifest+json"
    assert http_rules.FEED_TYPES == {"rss.xml": "application/rss+xml", "atom.xml": "application/atom+xml"}


# -- old addresses ------------------------------------------------------------------------------

HUB = OldAddress(
    "/article/hva-er-et-helsefellesskap", "artikler/hva-er-et-helsefellesskap/", ("innlandet", "ahus")
)
LOCAL = OldAddress("/article/samarbeid/", "artikler/samarbeidsmodell-innlandet/", ("innlandet",), "Samarbeid")


def test_nginx_rules_answer_301_to_the_page_in_the_region_from_o_else_the_region_home_or_chooser():
    rules = old_addresses.nginx_rules([LOCAL, HUB])
    blocks = re.findall(r'location = "([^"]+)" \{\n(.*?)\n    \}', rules, re.DOTALL)
    assert [path for path, _ in blocks] == [
        "/article/hva-er-et-helsefellesskap",
        "/article/hva-er-et-helsefellesskap/",
        "/article/samarbeid",
        "/article/samarbeid/",
    ]
    hub_body = blocks[0][1]
    assert 'if ($arg_o = "ahus") { return 301 /ahus/artikler/hva-er-et-helsefellesskap/; }' in hub_body
    assert (
        'if ($arg_o = "innlandet") { return 301 /innlandet/artikler/hva-er-et-helsefellesskap/; }' in hub_body
    )
    assert hub_body.strip().endswith(f"return 301 {old_addresses.REGION_HOME_VARIABLE};")
    local_body = blocks[2][1]
    assert "ahus" not in local_body, "a region without the page gets its home through $kb_region_home"


@pytest.mark.parametrize(
    "path", ["article/x", "/article/x?o=ahus", "/article/a b", '/article/"x"', "/article/$x", "/a/../b", "/"]
)
def test_unsafe_or_odd_old_paths_are_refused(path):
    with pytest.raises(ValueError):
        old_addresses.nginx_rules([OldAddress(path, "artikler/x/", ("ahus",))])


def test_the_same_old_path_twice_is_refused_with_both_targets():
    with pytest.raises(ValueError, match="artikler/a/.*artikler/b/"):
        old_addresses.checked(
            [
                OldAddress("/article/x", "artikler/a/", ("ahus",)),
                OldAddress("/article/x/", "artikler/b/", ("ahus",)),
            ]
        )


def test_redirect_page_for_one_region_refreshes_to_the_page_with_canonical_and_visible_link():
    page = old_addresses.redirect_page(LOCAL, {"innlandet": "Innlandet"})
    goal = "../../innlandet/artikler/samarbeidsmodell-innlandet/"
    assert f'<meta http-equiv="refresh" content="0; url={goal}">' in page
    assert f'<link rel="canonical" href="{goal}">' in page
    assert f'<a href="{goal}">Samarbeid</a>' in page
    assert '<html lang="nb">' in page and "Siden har flyttet" in page
    assert "<script" not in page


def test_redirect_page_for_several_regions_leads_to_the_chooser_and_lists_each_copy():
    page = old_addresses.redirect_page(HUB, {"ahus": "Ahus", "innlandet": "Innlandet"})
    assert '<meta http-equiv="refresh" content="0; url=../../">' in page
    assert '<a href="../../ahus/artikler/hva-er-et-helsefellesskap/">Ahus</a>' in page
    assert '<a href="../../innlandet/artikler/hva-er-et-helsefellesskap/">Innlandet</a>' in page


def test_redirect_pages_are_written_at_the_old_address_and_never_over_a_page(tmp_path):
    written = old_addresses.write_redirect_pages(tmp_path, [HUB, LOCAL])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        "article/hva-er-et-helsefellesskap/index.html",
        "article/samarbeid/index.html",
    ]
    with pytest.raises(ValueError, match="er en side på nettstedet"):
        old_addresses.write_redirect_pages(tmp_path, [HUB])


def test_old_addresses_survive_a_save_and_load(tmp_path):
    path = tmp_path / "deploy" / "gamle-adresser.json"
    old_addresses.save(path, [LOCAL, HUB])
    assert old_addresses.load(path) == old_addresses.checked([HUB, LOCAL])
    assert old_addresses.load(tmp_path / "finnes-ikke.json") == []


# -- the nginx configuration --------------------------------------------------------------------


def small_site(root: Path) -> Path:
    """A built site's shape: root pages, two regions with their 404s, pages and assets."""
    for path in ["index.html", "404.html", "tilgjengelighet/index.html", "assets/kompetansebroen/kb.js"]:
        write(root / path, "<script>var root = 1;</script>" if path.endswith(".html") else "x")
    for region in ("ahus", "innlandet"):
        for path in ["index.html", "404.html", "artikler/index.html", "artikler/felles/index.html"]:
            write(root / region / path, f'<script>__md_scope=new URL("{region}",location)</script>')
    write(root / "innlandet" / "artikler" / "bare-innlandet" / "index.html", "<p>x</p>")
    return root


def test_read_site_finds_regions_by_their_404_and_pages_by_their_folders(tmp_path):
    site = read_site(small_site(tmp_path / "site"))
    assert site.region_ids == ["ahus", "innlandet"]
    assert site.pages["innlandet"] == {"", "artikler/", "artikler/felles/", "artikler/bare-innlandet/"}
    assert site.regions_with("artikler/bare-innlandet/") == ["innlandet"]


def test_read_site_refuses_a_folder_that_is_no_built_site(tmp_path):
    with pytest.raises(FileNotFoundError, match="make site"):
        read_site(tmp_path)


def test_the_page_map_has_one_line_per_page_and_region_and_a_home_fallback_per_region(tmp_path):
    site = read_site(small_site(tmp_path / "site"))
    config = nginx_config.render(site, nginx_config.ServerOptions(), [HUB])
    redirect_map = config.split('map "$arg_o:$kb_page" $kb_region_redirect {', 1)[1].split("}", 1)[0]
    lines = [line.strip() for line in redirect_map.strip().splitlines()]
    pages = sum(len(p) for p in site.pages.values())
    assert len(lines) == 1 + pages + len(site.region_ids)
    assert '"innlandet:/artikler/bare-innlandet/" "/innlandet/artikler/bare-innlandet/";' in lines
    assert not any("ahus:/artikler/bare-innlandet/" in line for line in lines)
    assert '"~^ahus:/" "/ahus/";' in lines
    assert '"/article/hva-er-et-helsefellesskap" "";' in config, "old addresses answer ?o= themselves"
    assert "error_page 404 $kb_not_found;" in config
    assert '"~^/innlandet/" "/innlandet/404.html";' in config


def test_the_configuration_is_the_same_text_for_the_same_site(tmp_path):
    site = read_site(small_site(tmp_path / "site"))
    options = nginx_config.ServerOptions(listen="127.0.0.1:8080", server_name="kompetansebroen.example")
    assert nginx_config.render(site, options) == nginx_config.render(site, options)


def test_headers_are_set_only_at_the_server_level_and_hsts_only_in_the_commented_https_block(tmp_path):
    site = read_site(small_site(tmp_path / "site"))
    config = nginx_config.render(site, nginx_config.ServerOptions())
    active = [line for line in config.splitlines() if not line.lstrip().startswith("#")]
    header_lines = [line for line in active if "add_header" in line]
    assert all(line.startswith("    add_header") for line in header_lines)
    assert len(header_lines) == len(http_rules.security_headers("x")) + 2  # Cache-Control, X-Robots-Tag
    assert not any("Strict-Transport-Security" in line for line in active)
    assert "#     # " + nginx_config.HSTS in config
    assert "    server_tokens off;" in active
    assert "    gzip off;" in active and "    gzip_static on;" in active
    script_src = re.search(r"script-src ([^;]*);", config).group(1)
    assert "'unsafe-inline'" not in script_src
    assert content_policy.script_hash("var root = 1;") in script_src


def test_a_page_path_nginx_would_misread_is_left_out_of_the_map_not_written(tmp_path):
    root = small_site(tmp_path / "site")
    write(root / "ahus" / "artikler" / "pris$1" / "index.html", "<p>x</p>")
    config = nginx_config.render(read_site(root), nginx_config.ServerOptions())
    assert "pris$1" not in config


def test_deploy_dir_is_beside_the_site_not_inside_it(tmp_path):
    assert nginx_config.deploy_dir(tmp_path / "site") == (tmp_path / "deploy").resolve()


def test_finish_root_writes_redirect_pages_root_gz_and_the_configuration_beside_the_published_site(tmp_path):
    staging = small_site(tmp_path / ".site.building")
    write(staging / "sitemap.xml", "<sitemapindex>" + "<sitemap/>" * 200 + "</sitemapindex>")
    write(staging / "innlandet" / "big.html", BIG_HTML)
    published = tmp_path / "site"

    config = site_finish.finish_root(staging, published, [LOCAL], {"innlandet": "Innlandet"})

    assert config == (tmp_path / "deploy" / nginx_config.CONFIG_NAME).resolve()
    text = config.read_text(encoding="utf-8")
    assert f'root "{published.resolve()}";' in text, "nginx serves the published folder, not the staging one"
    assert 'location = "/article/samarbeid"' in text
    assert (staging / "article" / "samarbeid" / "index.html").is_file()
    assert (
        gzip.decompress((staging / "sitemap.xml.gz").read_bytes()) == (staging / "sitemap.xml").read_bytes()
    )
    assert not (staging / "innlandet" / "big.html.gz").exists(), "the regions compress their own folders"
    assert old_addresses.load(tmp_path / "deploy" / nginx_config.OLD_ADDRESSES_NAME) == [LOCAL]


def test_finish_root_with_the_regions_scanned_gives_the_policy_a_full_scan_gives(tmp_path):
    configs = []
    for name in ("full", "scanned"):
        staging = small_site(tmp_path / name / ".site.building")
        write(staging / "innlandet" / "side" / "index.html", "<script>region()</script>")
        regions = frozenset(read_site(staging).region_ids)
        hashes = set()
        for region in regions:  # as each region's worker reads its own folder
            hashes |= content_policy.file_script_hashes(content_policy.html_files(staging / region))
        scanned = content_policy.ScannedFolders(regions, frozenset(hashes)) if name == "scanned" else None
        config = site_finish.finish_root(
            staging, tmp_path / name / "site", [LOCAL], {"innlandet": "Innlandet"}, scanned
        )
        configs.append(config.read_text(encoding="utf-8").replace(str(tmp_path / name), "ROOT"))
    assert expected_hash("region()") in configs[0]
    assert configs[0] == configs[1]
