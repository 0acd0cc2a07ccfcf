"""The production nginx configuration, generated from the built site.

One file for Debian's nginx, read inside its ``http`` block (copy it to
``/etc/nginx/conf.d/``): ``map`` blocks, then one ``server``. What it does:

* each region's own 404 page for a missing address under ``/<id>/`` (status
  404), the root's elsewhere;
* ``?o=<id>`` on any address: a redirect (302: the reader's choice, not a move)
  to that region's copy of the page where it exists, else the region's home.
  The map of existing pages has one line per page and region, looked up in a
  hash, so it grows linearly and costs the same for every request;
* old addresses (old_addresses.py): 301 to the page in the reader's region;
* Cache-Control, security headers and MIME types from http_rules.py, on every
  response (``always``: 404s and redirects too). ``add_header`` is written only
  at the server level, since nginx drops inherited headers in a location with
  its own;
* ``gzip_static`` serves the ``.gz`` files the build wrote; nothing is
  compressed on the fly (``gzip off``);
* ``server_tokens off``; relative redirects (``absolute_redirect off``), so
  the server works behind a proxy or on any port;
* an HTTPS server, commented out, with HSTS (see :func:`https_example`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ... import messages
from . import admin_policy, content_policy, http_rules
from .built_site import NOT_FOUND_PAGE, BuiltSite
from .old_addresses import REGION_HOME_VARIABLE, OldAddress, checked, nginx_rules, path_forms

CONFIG_NAME = "kompetansebroen.conf"
OLD_ADDRESSES_NAME = "gamle-adresser.json"
_NEVER = set('"\\\n\r')
_POINTER = 8


@dataclass(frozen=True)
class ServerOptions:
    """Where and how the server listens: the deployer's choice, not the site's."""

    listen: str = "80"
    """``80``, ``127.0.0.1:8080``, ``[::]:80`` …"""
    server_name: str = "_"
    root: Path | None = None
    """The folder nginx serves; None: the built site's own folder."""


def deploy_dir(site_dir: Path) -> Path:
    """Where the configuration is written: ``deploy/`` beside ``site/``, never inside what is published."""
    return site_dir.resolve().parent / "deploy"


def quoted(text: str) -> str:
    """A double-quoted nginx value; quotes, backslashes, line ends and ``$`` (a variable) are refused."""
    if not _writable(text):
        raise ValueError(messages.not_safe_in_nginx(text))
    return f'"{text}"'


def key(text: str) -> str:
    """A double-quoted map key, where nginx takes ``$`` literally; a regular expression (``~…``, ours)
    may also escape characters with a backslash."""
    plain = text.replace("\\", "") if text.startswith("~") and not text.endswith("\\") else text
    if not _writable(plain, variables=False):
        raise ValueError(messages.not_safe_in_nginx(text))
    return f'"{text}"'


def _writable(text: str, *, variables: bool = True) -> bool:
    """Whether ``text`` can stand in double quotes (``variables``: where ``$`` would start a variable)."""
    return not (_NEVER & set(text)) and not (variables and "$" in text)


def _hash_bucket_size(keys: Iterable[str]) -> int:
    """nginx's map hash must fit the longest key: pointer + key + 2, aligned, plus a pointer."""
    longest = max((len(key.encode("utf-8")) for key in keys), default=0)
    need = _POINTER + -(-(longest + 2) // _POINTER) * _POINTER + _POINTER
    size = 64
    while size < need:
        size *= 2
    return size


def _map(source: str, variable: str, entries: list[tuple[str, str]], default: str, comment: str) -> str:
    lines = [f"# {comment}", f"map {source} {variable} {{", f"    default {default};"]
    lines += [f"    {key} {value};" for key, value in entries]
    lines.append("}")
    return "\n".join(lines) + "\n"


def region_home_map(region_ids: list[str]) -> str:
    return _map(
        "$arg_o",
        REGION_HOME_VARIABLE,
        [(key(r), quoted(f"/{r}/")) for r in region_ids],
        quoted("/"),
        "?o=<id>: the region's home; no or an unknown region: the root chooser.",
    )


def not_found_map(region_ids: list[str]) -> str:
    return _map(
        "$uri",
        "$kb_not_found",
        [(key(f"~^/{r}/"), quoted(f"/{r}/{NOT_FOUND_PAGE}")) for r in region_ids],
        quoted(f"/{NOT_FOUND_PAGE}"),
        "The 404 page: the region's own under /<id>/, the root's elsewhere.",
    )


def cache_control_map() -> str:
    return _map(
        "$uri",
        "$kb_cache_control",
        [
            (key(f"~{admin_policy.CONFIG_PATH}"), quoted(admin_policy.NO_STORE)),
            (key(f"~{http_rules.FINGERPRINTED}"), quoted(http_rules.IMMUTABLE)),
        ],
        quoted(http_rules.REVALIDATE),
        "Fingerprinted assets are kept for a year; the editor's config.yml never; everything else is asked "
        "for again (304 if unchanged).",
    )


def policy_map(reader_policy: str, editor_policy: str | None) -> str:
    """``$kb_csp``: the reader pages' policy, and the browser editor's own under its admin folders."""
    entries = [(key(f"~{admin_policy.ADMIN_PATH}"), quoted(editor_policy))] if editor_policy else []
    return _map(
        "$uri",
        "$kb_csp",
        entries,
        quoted(reader_policy),
        "Content-Security-Policy: the readers' pages, and the browser editor's (/admin/, /<id>/admin/).",
    )


def robots_map() -> str:
    """``$kb_robots``: the admin folders are never indexed (an empty value sends no header)."""
    return _map(
        "$uri",
        "$kb_robots",
        [(key(f"~{admin_policy.ADMIN_PATH}"), quoted(admin_policy.ROBOTS))],
        '""',
        "X-Robots-Tag: only the browser editor's pages.",
    )


def page_map(region_ids: list[str], old: list[OldAddress]) -> tuple[str, list[str]]:
    """``$kb_page``: the request's page without its region; an old address answers itself (empty)."""
    alternatives = "|".join(region_ids)
    entries = [(key(form), '""') for address in old for form in path_forms(address.path)]
    if region_ids:
        entries.append((key(f"~^/(?:{alternatives})(?<kb_rest>/.*)$"), "$kb_rest"))
    text = _map(
        "$uri",
        "$kb_page",
        entries,
        "$uri",
        "The page a request is for, without its region: /innlandet/artikler/x/ -> /artikler/x/.",
    )
    return text, [source.strip('"') for source, _ in entries]


def region_redirect_map(site: BuiltSite) -> tuple[str, list[str]]:
    """``$kb_region_redirect``: where ``?o=<id>`` leads from the page ``$kb_page``; empty: nowhere."""
    entries: list[tuple[str, str]] = []
    for region_id in site.region_ids:
        for address in sorted(site.pages[region_id]):
            source = f"{region_id}:/{address}"
            target = f"/{region_id}/{address}"
            if _writable(source, variables=False) and _writable(target):
                entries.append((key(source), quoted(target)))
    for region_id in site.region_ids:
        entries.append((key(f"~^{region_id}:/"), quoted(f"/{region_id}/")))
    text = _map(
        '"$arg_o:$kb_page"',
        "$kb_region_redirect",
        entries,
        '""',
        "?o=<id>: the same page in that region where it exists (one line per page), else its home.",
    )
    return text, [source.strip('"') for source, _ in entries]


def types_block(indent: str = "    ") -> str:
    lines = [f"{indent}types {{"]
    lines += [f"{indent}    {mime} {ext};" for ext, mime in sorted(http_rules.MIME_TYPES.items())]
    lines.append(f"{indent}}}")
    lines.append(f"{indent}default_type application/octet-stream;")
    return "\n".join(lines) + "\n"


def feed_locations(indent: str = "    ") -> str:
    """The feeds by file name (an ``.xml`` file is otherwise a sitemap's ``application/xml``)."""
    blocks = []
    for name, mime in sorted(http_rules.FEED_TYPES.items()):
        pattern = name.replace(".", r"\.")
        blocks.append(
            f"{indent}location ~ /{pattern}$ {{\n"
            f"{indent}    types {{ }}\n"
            f"{indent}    default_type {mime};\n"
            f"{indent}}}\n"
        )
    return "".join(blocks)


def header_lines(indent: str = "    ") -> str:
    """The headers; the policy, caching and robots values are the maps' variables (by address)."""
    variables = {"Content-Security-Policy": "$kb_csp"}
    lines = [
        f"{indent}add_header {name} {variables.get(name) or quoted(value)} always;"
        for name, value in http_rules.security_headers("").items()
    ]
    lines.append(f"{indent}add_header Cache-Control $kb_cache_control always;")
    lines.append(f"{indent}add_header X-Robots-Tag $kb_robots always;")
    return "\n".join(lines) + "\n"


def server_body(site: BuiltSite, root: Path, old: list[OldAddress]) -> str:
    """Everything inside ``server { }`` but ``listen`` and ``server_name``: shared by HTTP and HTTPS."""
    charset_types = " ".join(t for t in http_rules.TEXT_TYPES if t != "text/html")
    return (
        f"    root {quoted(str(root))};\n"
        "    index index.html;\n"
        "    server_tokens off;\n"
        "    absolute_redirect off;\n"
        "    log_not_found off;\n"
        "    charset utf-8;\n"
        f"    charset_types {charset_types};\n"
        f"{types_block()}"
        "\n    # The build wrote a .gz beside every text file over 1 KB; nginx compresses nothing itself.\n"
        "    gzip off;\n"
        "    gzip_static on;\n"
        "    gzip_vary on;\n"
        "    gzip_proxied any;\n"
        "\n    # On every response, also 404s and redirects. No add_header below this level.\n"
        f"{header_lines()}"
        "\n    error_page 404 $kb_not_found;\n"
        "\n    if ($kb_region_redirect) {\n"
        "        return 302 $kb_region_redirect;\n"
        "    }\n\n"
        "    location / {\n"
        "    }\n"
        f"{feed_locations()}"
        + (
            f"\n    # Old addresses: 301 to the page in the region from ?o=, else the chooser.\n"
            f"{nginx_rules(old)}"
            if old
            else ""
        )
    )


HSTS = 'add_header Strict-Transport-Security "max-age=63072000; includeSubDomains" always;'


def https_example(server_name: str, body: str) -> str:
    """The same server over HTTPS, commented out: the deployer adds certificates and decides on HSTS.

    Strict-Transport-Security may only be sent over HTTPS, and once a browser has
    seen it, it refuses plain HTTP to the host (and, with ``includeSubDomains``,
    every subdomain) for ``max-age``, here two years, even if the certificate
    later expires. So the HSTS line stays commented even in the HTTPS block: a
    deployer turns it on once HTTPS works for the host and all its subdomains.
    """
    lines = [
        "server {",
        "    listen 443 ssl http2;",
        "    listen [::]:443 ssl http2;",
        f"    server_name {server_name};",
        "    ssl_certificate     /etc/ssl/certs/kompetansebroen.pem;",
        "    ssl_certificate_key /etc/ssl/private/kompetansebroen.key;",
        "    # Only over HTTPS, and only once HTTPS works for this host and every subdomain: browsers",
        "    # then refuse plain HTTP here for two years, whatever happens to the certificate.",
        f"    # {HSTS}",
        *body.rstrip("\n").split("\n"),
        "}",
        "",
        "# Plain HTTP then only sends readers to HTTPS (replaces the server above):",
        f"server {{ listen 80; listen [::]:80; server_name {server_name}; return 301 https://$host$request_uri; }}",
    ]
    commented = "\n".join(f"# {line}" if line else "#" for line in lines)
    return (
        "# HTTPS: uncomment this block, set the certificate paths, and replace the port-80 server above\n"
        "# with the redirect at the end.\n"
        f"{commented}\n"
    )


def render(
    site: BuiltSite,
    options: ServerOptions,
    old_addresses: Iterable[OldAddress] = (),
    scanned: content_policy.ScannedFolders | None = None,
) -> str:
    """The whole configuration, the same text for the same site and options.

    ``scanned``: the inline scripts of folders read already (the build's regions); the rest of
    the site is read here.
    """
    old = checked(old_addresses)
    root = options.root or site.root
    policy = content_policy.policy(content_policy.site_script_hashes(site.root, scanned))
    regions = site.region_ids
    editor = (
        admin_policy.admin_policy(admin_policy.backend_origins(site.root))
        if admin_policy.has_admin(site.root)
        else None
    )
    body = server_body(site, root, old)
    pages_text, page_keys = page_map(regions, old)
    redirect_text, redirect_keys = region_redirect_map(site)
    entries = len(redirect_keys) + len(page_keys) + len(regions)
    bucket = _hash_bucket_size([*page_keys, *redirect_keys])
    max_size = 1024
    while max_size < 2 * entries:
        max_size *= 2
    return (
        "# Kompetansebroen: nginx configuration generated from the built site by kompetansebroen-publish.\n"
        "# Do not edit: run `make deploy-config` again after every build (the CSP lists the inline scripts\n"
        "# of the pages it was made from). For Debian's nginx: copy to /etc/nginx/conf.d/, remove\n"
        "# /etc/nginx/sites-enabled/default, then `nginx -t && systemctl reload nginx`.\n"
        f"# Regions: {', '.join(regions)}; pages: {sum(len(p) for p in site.pages.values())}; "
        f"old addresses: {len(old)}.\n\n"
        f"map_hash_max_size {max_size};\n"
        f"map_hash_bucket_size {bucket};\n\n"
        f"{region_home_map(regions)}\n"
        f"{not_found_map(regions)}\n"
        f"{cache_control_map()}\n"
        f"{policy_map(policy, editor)}\n"
        f"{robots_map()}\n"
        f"{pages_text}\n"
        f"{redirect_text}\n"
        "server {\n"
        f"    listen {options.listen};\n"
        f"    server_name {options.server_name};\n"
        f"{body}"
        "}\n\n"
        f"{https_example(options.server_name, body)}"
    )


def write(
    site: BuiltSite,
    target: Path,
    options: ServerOptions,
    old_addresses: Iterable[OldAddress] = (),
    scanned: content_policy.ScannedFolders | None = None,
) -> Path:
    """Write the configuration to ``target`` (replaced whole, so nginx never reads half a file)."""
    text = render(site, options, old_addresses, scanned)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(target)
    return target
