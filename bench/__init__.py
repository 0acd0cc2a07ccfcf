"""Benchmark: build-time and reader-side figures on a seeded synthetic corpus.

Run ``python -m bench --help``. The modules are small on purpose:
``corpus`` writes the content, ``measure`` times builds, ``reader`` sizes what a
reader downloads and ``report`` prints the table and checks the targets.
"""
