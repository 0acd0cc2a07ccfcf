"""``kompetansebroen-publish``: precompress a built site, write its nginx configuration, serve it with nginx.

* ``kompetansebroen-publish precompress [site]``: ``.gz`` beside every text file over 1 KB;
* ``kompetansebroen-publish nginx-config [site]``: writes ``deploy/kompetansebroen.conf`` beside ``site/``
  (``--root``, ``--listen``, ``--server-name`` for the production host; old addresses are read from
  ``deploy/gamle-adresser.json`` when the build wrote one);
* ``kompetansebroen-publish serve [site] --port 8080``: nginx in the foreground on 127.0.0.1.

Exit codes: 0 done, 1 the site or nginx cannot be used.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import local_nginx, nginx_config, old_addresses
from .built_site import read_site
from .precompress import precompress_tree


def _old_addresses(site_dir: Path, given: str | None) -> list[old_addresses.OldAddress]:
    path = Path(given) if given else nginx_config.deploy_dir(site_dir) / nginx_config.OLD_ADDRESSES_NAME
    return old_addresses.load(path)


def precompress_command(args: argparse.Namespace) -> int:
    report = precompress_tree(Path(args.site))
    saved = 100 * (1 - report.bytes_out / report.bytes_in) if report.bytes_in else 0.0
    print(
        f"{report.compressed} filer komprimert ({report.bytes_in / 1e6:.1f} MB → "
        f"{report.bytes_out / 1e6:.1f} MB, {saved:.0f} % mindre) på {report.seconds:.2f} s"
    )
    return 0


def config_command(args: argparse.Namespace) -> int:
    site_dir = Path(args.site)
    site = read_site(site_dir)
    options = nginx_config.ServerOptions(
        listen=args.listen, server_name=args.server_name, root=Path(args.root) if args.root else None
    )
    target = (
        Path(args.output) if args.output else nginx_config.deploy_dir(site_dir) / nginx_config.CONFIG_NAME
    )
    nginx_config.write(site, target, options, _old_addresses(site_dir, args.old_addresses))
    print(f"nginx-konfigurasjon skrevet til {target} ({len(site.region_ids)} områder)")
    return 0


def serve_command(args: argparse.Namespace) -> int:
    site_dir = Path(args.site)
    return local_nginx.serve_until_interrupted(
        site_dir, args.port, _old_addresses(site_dir, args.old_addresses)
    )


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="kompetansebroen-publish",
        description="Gjør et bygget nettsted klart for en webserver (nginx).",
    )
    commands = main.add_subparsers(dest="command", required=True)

    precompress = commands.add_parser("precompress", help="lag .gz ved siden av tekstfilene over 1 KB")
    precompress.add_argument(
        "site", nargs="?", default="site", help="det byggede nettstedet (standard: site)"
    )
    precompress.set_defaults(run=precompress_command)

    config = commands.add_parser("nginx-config", help="skriv nginx-konfigurasjonen for nettstedet")
    config.add_argument("site", nargs="?", default="site", help="det byggede nettstedet (standard: site)")
    config.add_argument("-o", "--output", help="filen som skrives (standard: deploy/kompetansebroen.conf)")
    config.add_argument("--root", help="mappen nginx serverer fra på serveren (standard: nettstedets mappe)")
    config.add_argument("--listen", default="80", help="adresse og port (standard: 80)")
    config.add_argument("--server-name", default="_", help="vertsnavnet, f.eks. kompetansebroen.no")
    config.add_argument("--old-addresses", help="gamle adresser (standard: deploy/gamle-adresser.json)")
    config.set_defaults(run=config_command)

    serve = commands.add_parser("serve", help="kjør nginx i forgrunnen på 127.0.0.1")
    serve.add_argument("site", nargs="?", default="site", help="det byggede nettstedet (standard: site)")
    serve.add_argument("--port", type=int, default=8080, help="port (standard: 8080)")
    serve.add_argument("--old-addresses", help="gamle adresser (standard: deploy/gamle-adresser.json)")
    serve.set_defaults(run=serve_command)
    return main


def main(argv: list[str] | None = None) -> None:
    args = parser().parse_args(argv)
    try:
        sys.exit(args.run(args))
    except (FileNotFoundError, ValueError, local_nginx.NginxError) as error:
        print(error, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
