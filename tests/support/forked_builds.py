"""Site builds forked from a process that has imported MkDocs, Material and the plugin already.

Starting Python and importing MkDocs, Material, Python-Markdown and the plugin costs about 0.6 s of
processor time, as much as a sixth of a build of the sample; the suite builds the sample more than a
hundred times. A :class:`BuildForker` is a small server process that imports all that once and then
forks one child per build. The child is a process of its own, as ``python -m mkdocs build`` is: it
changes to the repository, takes the build's environment, writes its standard output and error to
files and ends with the build's exit code (a signal as ``-N``, as :mod:`subprocess` reports it). It
runs the command line's own entry (``runpy``, as ``-m`` does) and the exit handlers a process runs.

What a fork cannot take over is read by Python when it starts: the locale, ``PYTHON*`` variables and
the hash seed. A build whose environment differs from the server's in one of those is run as a
plain subprocess instead. Two servers with different hash seeds take turns, so that two builds in a
row (a first build and the one compared with it) never share the order of a set of strings.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

PRELOADED = (
    "mkdocs.__main__",
    "mkdocs.commands.build",
    "mkdocs.config.defaults",
    "material.plugins.search.plugin",
    "material.extensions.emoji",
    "pymdownx.superfences",
    "kompetansebroen.mkdocs_adapter.plugin",
    "kompetansebroen.mkdocs_adapter.root_build",
    "kompetansebroen.cli",
)
"""What the server imports before it forks: the build's heaviest imports. Anything else a build
imports, its child imports as a new process would."""

FORKED = frozenset({"mkdocs", "kompetansebroen.cli"})
"""The commands run forked. ProperDocs is not: it stands in for MkDocs' modules when it starts, which
the server has imported as they are."""
SERVERS = 2


def read_at_start(name: str) -> bool:
    """Whether Python reads the variable ``name`` only when it starts (a fork would keep the old value)."""
    return name.startswith(("PYTHON", "LC_")) or name in {"LANG", "LANGUAGE"}


def startup_differs(wanted: Mapping[str, str], server: Mapping[str, str]) -> bool:
    names = {name for name in [*wanted, *server] if read_at_start(name) and name != "PYTHONHASHSEED"}
    return any(wanted.get(name) != server.get(name) for name in names)


class BuildForker:
    """The servers of one test process, started when the first build asks for one.

    One build at a time: a test process asks from one thread (a build a test runs beside another
    is a plain subprocess, ``builds.start``)."""

    def __init__(self) -> None:
        self.servers: list[subprocess.Popen[bytes]] = []
        self.pending: dict[int, bytes] = {}
        self.server_env: dict[str, str] = {}
        self.server_log = tempfile.TemporaryFile()  # noqa: SIM115 - open while the servers live; close() closes it
        """The servers' own standard error: why one ended, should it end."""
        self.turn = 0

    def run(
        self,
        module: str,
        args: list[str],
        cwd: Path,
        env: Mapping[str, str],
        timeout: float,
        interleaved: bool = False,
    ) -> subprocess.CompletedProcess[str]:
        """``python -m module *args`` in ``cwd`` with ``env``, as text: stdout and stderr apart, or
        (``interleaved``) both in ``stdout`` as a terminal shows them."""
        argv = [sys.executable, "-m", module, *args]
        if module not in FORKED or (self.servers and startup_differs(env, self.server_env)):
            errors = subprocess.STDOUT if interleaved else subprocess.PIPE
            return subprocess.run(
                argv,
                cwd=cwd,
                env=dict(env),
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                timeout=timeout,
            )
        if not self.servers:
            self._start(env)
        sys.audit("kompetansebroen.tests.forked_build", argv)  # counted as a build (tests/conftest.py)
        server = self.servers[self.turn % len(self.servers)]
        self.turn += 1
        with tempfile.TemporaryDirectory(prefix="kb-forked-build-") as folder:
            out, err = Path(folder, "stdout"), Path(folder, "stderr")
            request = {"module": module, "args": args, "cwd": str(cwd), "env": dict(env), "out": str(out)}
            request["err"] = str(out if interleaved else err)
            assert server.stdin is not None and server.stdout is not None
            server.stdin.write(json.dumps(request).encode() + b"\n")
            server.stdin.flush()
            pid = int(self._reply(server, timeout)["pid"])
            try:
                returncode = int(self._reply(server, timeout)["returncode"])
            except subprocess.TimeoutExpired:
                os.kill(pid, signal.SIGKILL)
                self._reply(server, timeout)
                raise
            errors = None if interleaved else err.read_text(encoding="utf-8")
            return subprocess.CompletedProcess(argv, returncode, out.read_text(encoding="utf-8"), errors)

    def _reply(self, server: subprocess.Popen[bytes], timeout: float) -> dict[str, object]:
        """The server's next line, read from its pipe directly (a buffered reader would hide a
        line already read ahead from ``select``)."""
        assert server.stdout is not None
        pending = self.pending.setdefault(server.pid, b"")
        while b"\n" not in pending:
            ready, _, _ = select.select([server.stdout.fileno()], [], [], timeout)
            if not ready:
                raise subprocess.TimeoutExpired(server.args, timeout)
            chunk = os.read(server.stdout.fileno(), 4096)
            if not chunk:
                self.server_log.seek(0)
                log = self.server_log.read().decode(errors="replace")
                raise RuntimeError(f"the build server ended (exit code {server.wait()}):\n{log}")
            pending += chunk
        line, _, self.pending[server.pid] = pending.partition(b"\n")
        return dict(json.loads(line))

    def _start(self, env: Mapping[str, str]) -> None:
        self.server_env = dict(env)
        seeds = random.sample(range(1, 2**32), SERVERS)
        for seed in seeds:
            self.servers.append(
                subprocess.Popen(
                    [sys.executable, "-c", SERVER, *PRELOADED],
                    env={**env, "PYTHONHASHSEED": str(seed)},
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=self.server_log,
                )
            )

    def close(self) -> None:
        for server in self.servers:
            if server.stdin is not None:
                server.stdin.close()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        self.servers.clear()
        self.server_log.close()


SERVER = r"""
import atexit, importlib, json, os, runpy, sys, time

for name in sys.argv[1:]:
    importlib.import_module(name)


def child(request):
    # Inputs and outputs of its own, then the command line's own entry, as `python -m` runs it.
    os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
    output = os.open(request["out"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o644)
    os.dup2(output, 1)
    if request["err"] == request["out"]:
        os.dup2(output, 2)
    else:
        os.dup2(os.open(request["err"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 2)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    time.tzset()
    sys.path[0] = request["cwd"]
    sys.argv = [request["module"], *request["args"]]
    # The module -m runs (a package's __main__) may have been imported ahead: run it afresh, as -m does.
    name = request["module"]
    sys.modules.pop(name + ".__main__" if hasattr(sys.modules.get(name), "__path__") else name, None)
    code = 0
    try:
        runpy.run_module(request["module"], run_name="__main__", alter_sys=True)
    except SystemExit as ended:
        if ended.code is None:
            code = 0
        elif isinstance(ended.code, int):
            code = ended.code
        else:
            print(ended.code, file=sys.stderr)
            code = 1
    except BaseException:
        import traceback
        traceback.print_exc()
        code = 1
    try:
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


sys.path.insert(0, "")
for line in sys.stdin:
    request = json.loads(line)
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        child(request)
    print(json.dumps({"pid": pid}), flush=True)
    _, status = os.waitpid(pid, 0)
    print(json.dumps({"returncode": os.waitstatus_to_exitcode(status)}), flush=True)
"""
