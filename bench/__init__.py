"""Benchmark: build-time and reader-side figures on seeded synthetic corpora, and the scaling targets.

Run ``python -m bench --help`` from the repository root (``make bench``). It lives
beside the package, not in it, so the wheel does not ship it. The modules are
small on purpose: ``corpus`` writes the content, ``plan`` chooses the corpora
and what each measures, ``runner`` measures one of them with ``measure``
(builds), ``process_tree`` (memory and CPU of the build's processes) and
``serve`` (``make serve``), ``reader`` sizes what a reader downloads,
``targets`` judges the figures and ``report`` prints them.
"""
