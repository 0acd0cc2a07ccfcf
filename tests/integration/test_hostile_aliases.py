"""Old addresses (``aliases:``) a hostile editor could write: refused once each, and nginx never gains a directive.

An old address becomes ``location = "…"`` blocks and map keys in the nginx
configuration. Anything that could end a string, a directive or a block there
(a line break, ``;``, ``{``, ``}``, quotes, ``$``, a backslash), or change what
the address means (``#``, ``?``, ``..``, ``%`` codes) is refused in front
matter with one message, and refused again where the configuration is
written, should a list of addresses come from anywhere else. What is allowed
(``A–Z a–z 0–9 - _ . ~``) is then written into a real configuration that
``nginx -t`` accepts, with exactly the blocks the addresses ask for.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from kompetansebroen.frontmatter.fields import FieldGroupError
from kompetansebroen.frontmatter.old_path_fields import OldPaths
from kompetansebroen.output.publishing import local_nginx, nginx_config
from kompetansebroen.output.publishing.built_site import read_site
from kompetansebroen.output.publishing.old_addresses import OldAddress, nginx_rules, normalise_path

HOSTILE = {
    "line-break": ("/article/x\nreturn 200", "har et linjeskift"),
    "carriage-return": ("/article/x\rlocation", "har et linjeskift"),
    "semicolon": ("/article/x;return", "kan bare ha bokstavene"),
    "open-brace": ("/article/x{", "kan bare ha bokstavene"),
    "close-brace": ("/article/x}", "kan bare ha bokstavene"),
    "dollar": ("/article/$uri", "kan bare ha bokstavene"),
    "double-quote": ('/article/x"', "kan bare ha bokstavene"),
    "single-quote": ("/article/x'", "kan bare ha bokstavene"),
    "backslash": ("/article/x\\", "kan bare ha bokstavene"),
    "hash": ("/article/x#del", "har en del med ? eller #"),
    "query": ("/article/x?o=ahus", "har en del med ? eller #"),
    "dot-dot": ("/article/../etc", "har tomme ledd, . eller .."),
    "percent": ("/article/x%0a", "kan bare ha bokstavene"),
    "backtick": ("/article/`x`", "kan bare ha bokstavene"),
    "tab": ("/article/x\ty", "har en tabulator"),
    "full-address": ("https://evil.example/x", "er en full nettadresse"),
    "protocol-relative": ("//evil.example/x", "er en full nettadresse"),
}


def aliases_field() -> OldPaths:
    return OldPaths(lambda: {})


@pytest.mark.parametrize(("written", "said"), HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_old_address_is_one_message_in_front_matter_and_refused_when_written(
    written: str, said: str
) -> None:
    node = yaml.compose("aliases:\n  - " + yaml.safe_dump(written, default_style='"').strip()).value[0][1]
    with pytest.raises(FieldGroupError) as raised:
        aliases_field().convert("aliases", node)
    [error] = raised.value.errors
    assert said in error.message, error.message
    with pytest.raises(ValueError):
        normalise_path(written)
    with pytest.raises(ValueError):
        nginx_rules([OldAddress(written, "artikler/x/", ("nord",))])


@pytest.mark.parametrize(
    "target",
    [
        'artikler/x/"; return 200 "hei',
        "artikler/x/;",
        "artikler/${uri}/",
        "artikler/x/\nlocation / {",
        "/evil",
    ],
)
def test_a_hostile_target_or_region_is_refused_where_the_configuration_is_written(target: str) -> None:
    with pytest.raises(ValueError):
        nginx_rules([OldAddress("/article/x", target, ("nord",))])
    with pytest.raises(ValueError):
        nginx_rules([OldAddress("/article/x", "artikler/x/", ("nord;",))])


ODD_BUT_ALLOWED = ["/~", "/a.b_c~d-e", "/x/..y", "/x/.y", "/Store/bokstaver", "/-_/~~/9"]


def fake_site(root: Path) -> Path:
    for region in ("nord", "sor"):
        for page in ("", "artikler/x/"):
            (root / region / page).mkdir(parents=True, exist_ok=True)
            (root / region / page / "index.html").write_text(
                "<!doctype html><title>x</title>", encoding="utf-8"
            )
        (root / region / "404.html").write_text("<!doctype html><title>404</title>", encoding="utf-8")
    (root / "404.html").write_text("<!doctype html><title>404</title>", encoding="utf-8")
    (root / "index.html").write_text("<!doctype html><title>x</title>", encoding="utf-8")
    return root


def test_odd_but_allowed_old_addresses_give_a_configuration_nginx_accepts_with_no_directive_more(
    tmp_path: Path,
) -> None:
    for written in ODD_BUT_ALLOWED:
        node = yaml.compose(f'aliases: ["{written}"]').value[0][1]
        assert aliases_field().convert("aliases", node) == (written,)
    site = read_site(fake_site(tmp_path / "site"))
    addresses = [OldAddress(path, "artikler/x/", ("nord", "sor")) for path in ODD_BUT_ALLOWED]
    options = nginx_config.ServerOptions(listen="127.0.0.1:8080", server_name="kompetansebroen.example")
    with_old = nginx_config.render(site, options, addresses)
    without = nginx_config.render(site, options)

    config = tmp_path / "kompetansebroen.conf"
    config.write_text(with_old, encoding="utf-8")
    main = tmp_path / "nginx.conf"
    main.write_text(local_nginx.main_config(tmp_path, config, None), encoding="utf-8")
    checked = subprocess.run(
        [local_nginx.nginx_binary(), "-t", "-p", str(tmp_path), "-e", "stderr", "-c", str(main)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert checked.returncode == 0, checked.stderr

    def directives(text: str) -> list[str]:
        active = [line.split("#", 1)[0].strip() for line in text.splitlines()]
        return [re.split(r"\s", line, maxsplit=1)[0] for line in active if line]

    added = sorted(set(directives(with_old)) - set(directives(without)))
    # Each address adds only its two `location =` blocks (with and without /), their ifs and returns,
    # and its two map keys: nothing nginx would read as another directive.
    assert added == sorted({f'"{form}"' for path in ODD_BUT_ALLOWED for form in (path, path + "/")}), added
    locations = [name for name in directives(with_old) if name == "location"]
    assert len(locations) - directives(without).count("location") == 2 * len(ODD_BUT_ALLOWED)
