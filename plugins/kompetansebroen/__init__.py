"""Kompetansebroen: one MkDocs build, one complete site per health region.

The domain (regions, topics, documents, front matter, listings, feeds) lives in
plain Python modules; ``mkdocs_adapter`` is the thin layer that plugs it into
MkDocs and Material.
"""

__version__ = "0.1.0"
