"""Debian's nginx in the foreground, on a loopback port, with the production configuration.

For ``make serve-prod`` and the tests: the same generated server as in
production, but with its pid file, temporary folders and logs in a folder of
its own, so it needs no root-owned paths and leaves nothing behind. Started
as root (as in CI), nginx would run its workers as ``nobody``, who may not
read a private build folder; the workers then run as the owner of the site.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ... import messages
from . import nginx_config
from .built_site import read_site
from .old_addresses import OldAddress

NGINX_CANDIDATES = ("/usr/sbin/nginx", "/usr/bin/nginx")
LOOPBACK = "127.0.0.1"
TEMP_FOLDERS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
MISSING = messages.NGINX_MISSING


class NginxError(RuntimeError):
    """nginx is missing, refused the configuration or did not start in time."""


def nginx_binary() -> str:
    found = shutil.which("nginx") or next((p for p in NGINX_CANDIDATES if Path(p).is_file()), None)
    if found is None:
        raise NginxError(MISSING)
    return found


def free_port() -> int:
    """A port nobody listens on now on 127.0.0.1 (the kernel's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]


def main_config(work: Path, server_config: Path, site_owner: str | None) -> str:
    """A whole nginx.conf around the generated server, with every path inside ``work``."""
    temp = "\n".join(f"    {name}_temp_path {work / name};" for name in TEMP_FOLDERS)
    user = f"user {site_owner};\n" if site_owner else ""
    return (
        f"{user}"
        "worker_processes 1;\n"
        f"pid {work / 'nginx.pid'};\n"
        "error_log stderr warn;\n"
        "events {\n    worker_connections 256;\n}\n"
        "http {\n"
        f"    access_log {work / 'access.log'};\n"
        f"{temp}\n"
        "    sendfile on;\n"
        f"    include {server_config};\n"
        "}\n"
    )


def _site_owner(site_dir: Path) -> str | None:
    if os.geteuid() != 0:
        return None
    return pwd.getpwuid(site_dir.stat().st_uid).pw_name


@dataclass
class LocalNginx:
    """A running nginx: its address and the folder with its configuration and logs."""

    process: subprocess.Popen
    base_url: str
    work: Path

    @property
    def access_log(self) -> Path:
        return self.work / "access.log"


def prepare(site_dir: Path, work: Path, port: int, old_addresses: Iterable[OldAddress] = ()) -> Path:
    """Write the server configuration for ``site_dir`` on 127.0.0.1:``port`` and the main config; test both."""
    for name in TEMP_FOLDERS:
        (work / name).mkdir(parents=True, exist_ok=True)
    site = read_site(site_dir)
    options = nginx_config.ServerOptions(listen=f"{LOOPBACK}:{port}", server_name="localhost")
    server_config = nginx_config.write(site, work / nginx_config.CONFIG_NAME, options, old_addresses)
    main = work / "nginx.conf"
    main.write_text(main_config(work, server_config, _site_owner(site.root)), encoding="utf-8")
    checked = subprocess.run(
        [nginx_binary(), "-t", "-q", "-p", str(work), "-e", "stderr", "-c", str(main)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    if checked.returncode != 0:
        raise NginxError(messages.nginx_refused_config(checked.stderr))
    return main


def command(work: Path, main: Path) -> list[str]:
    return [nginx_binary(), "-p", str(work), "-e", "stderr", "-c", str(main), "-g", "daemon off;"]


def wait_until_listening(process: subprocess.Popen, port: int, timeout: float = 10.0) -> None:
    """Poll the port until nginx answers; fail if it exits or the time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise NginxError(messages.nginx_stopped(process.returncode))
        try:
            with socket.create_connection((LOOPBACK, port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise NginxError(messages.nginx_not_answering(LOOPBACK, port, timeout))


def stop(process: subprocess.Popen, timeout: float = 10.0) -> None:
    """Ask nginx to stop (SIGQUIT: finish open requests), then insist."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGQUIT)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)


@contextmanager
def running(
    site_dir: Path, port: int | None = None, old_addresses: Iterable[OldAddress] = ()
) -> Iterator[LocalNginx]:
    """nginx serving ``site_dir`` on 127.0.0.1 until the block ends; its folder is removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="kompetansebroen-nginx-") as folder:
        work = Path(folder)
        os.chmod(work, 0o755)  # the workers (another user when started as root) read the config's paths
        chosen = port or free_port()
        main = prepare(site_dir, work, chosen, old_addresses)
        process = subprocess.Popen(command(work, main), stdin=subprocess.DEVNULL)
        try:
            wait_until_listening(process, chosen)
            yield LocalNginx(process, f"http://{LOOPBACK}:{chosen}", work)
        finally:
            stop(process)


def serve_until_interrupted(site_dir: Path, port: int, old_addresses: Iterable[OldAddress] = ()) -> int:
    """``make serve-prod``: serve until Ctrl-C, then stop nginx; the exit code of nginx."""
    with running(site_dir, port, old_addresses) as server:
        print(f"nginx serverer {site_dir} på {server.base_url}/ (Ctrl-C stopper)", flush=True)
        try:
            return server.process.wait()
        except KeyboardInterrupt:
            return 0
