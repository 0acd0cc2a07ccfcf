"""Compiled theme templates, kept in memory for every later build in this process, and on disk for
every later process of the same user.

MkDocs makes a new Jinja environment for every build, which compiles Material's
templates again: about 0.2 s each time. That is paid by every rebuild of
``mkdocs serve``, by every region of a full build and by every ``make site``.
A build of every region compiles the templates a region renders before it
forks the region workers (:func:`compile_ahead`), so the workers find them
compiled instead of each compiling them again; and what is compiled is also
written to the user's cache folder (``~/.cache/kompetansebroen/templates``),
as Python keeps its compiled modules, so the next build loads it instead of
compiling. Jinja checks each entry against a checksum of the template's
source and its own format, so an edited template is compiled afresh; the
folder is chosen by the environment's settings, which shape the compiled code.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import TemplateNotFound, nodes
from jinja2.bccache import Bucket, BytecodeCache

SUBFOLDER = ("kompetansebroen", "templates")


def user_cache_folder() -> Path | None:
    """Where compiled templates are kept between processes: ``$XDG_CACHE_HOME`` or ``~/.cache``
    (None for a user without a home: then they are kept in memory only)."""
    try:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    except RuntimeError:
        return None
    return Path(base, *SUBFOLDER)


class TemplateBytecodeCache(BytecodeCache):
    """Compiled templates by Jinja's key: in memory, and in ``folder`` when one is given and safe."""

    def __init__(self, folder: Path | None = None) -> None:
        self._entries: dict[str, bytes] = {}
        self.folder = folder
        self._usable: dict[str, Path | None] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (entry := self._entries.get(bucket.key)) is not None:
            bucket.bytecode_from_string(entry)
            return
        file = self._file_for(bucket)
        if file is None:
            return
        try:
            entry = file.read_bytes()
        except OSError:
            return
        try:  # Jinja drops an entry whose format or source checksum differ; a cut-off one may raise
            bucket.bytecode_from_string(entry)
        except Exception:  # noqa: BLE001 - a damaged entry is compiled afresh, whatever its damage
            bucket.reset()
        if bucket.code is not None:
            self._entries[bucket.key] = entry

    def dump_bytecode(self, bucket: Bucket) -> None:
        entry = bucket.bytecode_to_string()
        self._entries[bucket.key] = entry
        file = self._file_for(bucket)
        if file is None:
            return
        try:  # another build may write the same entry: each writes its own file, then renames it
            with tempfile.NamedTemporaryFile(dir=file.parent, prefix=".", delete=False) as temporary:
                temporary.write(entry)
            os.replace(temporary.name, file)
        except OSError:
            return

    def clear(self) -> None:
        self._entries.clear()

    def _file_for(self, bucket: Bucket) -> Path | None:
        if self.folder is None:
            return None
        settings = _settings_of(bucket.environment)
        if settings not in self._usable:
            self._usable[settings] = _own_folder(self.folder / settings)
        folder = self._usable[settings]
        return None if folder is None else folder / bucket.key


def _settings_of(env: jinja2.Environment) -> str:
    """What shapes a template's compiled code besides its source, as a folder name."""
    autoescape = (
        env.autoescape if isinstance(env.autoescape, bool) else getattr(env.autoescape, "__qualname__", "?")
    )
    settings = (
        jinja2.__version__, sys.version_info[:2], sorted(env.extensions), autoescape, env.is_async,
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
    )  # fmt: skip
    return hashlib.sha256(repr(settings).encode()).hexdigest()[:20]


def _own_folder(folder: Path) -> Path | None:
    """``folder``, made if need be, when only this user can write to it (its files are run as code)."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = folder.lstat()
    except OSError:
        return None
    mine = stat.S_ISDIR(status.st_mode) and status.st_uid == os.getuid()
    return folder if mine and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH) else None


COMPILED_TEMPLATES = TemplateBytecodeCache(user_cache_folder())


def compile_ahead(
    env: Any, names: Iterable[str], cache: TemplateBytecodeCache = COMPILED_TEMPLATES
) -> list[str]:
    """Compile ``names`` and every template they may name (``extends``, ``include``, ``import``)
    into ``cache``; returns the templates compiled, in order.

    A name chosen by a condition (``"a.html" if x else "b.html"``) counts both; a name built at
    render time (Material's ``"partials/languages/" ~ lang``) is compiled when it is first rendered.
    """
    env.bytecode_cache = cache
    compiled: list[str] = []
    seen: set[str] = set()
    waiting = list(names)
    while waiting:
        name = waiting.pop(0)
        if name in seen:
            continue
        seen.add(name)
        try:
            source = env.loader.get_source(env, name)[0]
        except TemplateNotFound:
            continue
        env.get_template(name)
        compiled.append(name)
        for tag in env.parse(source).find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
            waiting += _names_in(tag.template)
    return compiled


def _names_in(expression: nodes.Expr | None) -> list[str]:
    """The template names an expression may give: a literal, either branch of a condition, a list's items."""
    if isinstance(expression, nodes.Const) and isinstance(expression.value, str):
        return [expression.value]
    if isinstance(expression, nodes.CondExpr):
        return _names_in(expression.expr1) + _names_in(expression.expr2)
    if isinstance(expression, nodes.List | nodes.Tuple):
        return [name for item in expression.items for name in _names_in(item)]
    return []
