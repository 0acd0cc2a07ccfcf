"""Compiled theme templates, kept in memory for every later build in this process.

MkDocs makes a new Jinja environment for every build, which compiles Material's
templates again: about 0.2 s each time. That is paid by every rebuild of
``mkdocs serve`` and by every region of a full build (the region workers are
forked from the main build, which has compiled them for the root). Jinja checks
each entry against a checksum of the template's source, so an edited template
is compiled afresh.
"""

from __future__ import annotations

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
