"""Compiled theme templates, kept in memory for every later build in this process.

MkDocs makes a new Jinja environment for every build, which compiles Material's
templates again: about 0.2 s each time. That is paid by every rebuild of
``mkdocs serve`` and by every region of a full build. A build of every region
compiles the templates a region renders before it forks the region workers
(:func:`compile_ahead`), so the workers find them compiled instead of each
compiling them again. Jinja checks each entry against a checksum of the
template's source, so an edited template is compiled afresh.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from jinja2 import TemplateNotFound, nodes
from jinja2.bccache import Bucket, BytecodeCache


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._entries: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (entry := self._entries.get(bucket.key)) is not None:
            bucket.bytecode_from_string(entry)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._entries[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._entries.clear()


COMPILED_TEMPLATES = MemoryBytecodeCache()


def compile_ahead(
    env: Any, names: Iterable[str], cache: MemoryBytecodeCache = COMPILED_TEMPLATES
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
