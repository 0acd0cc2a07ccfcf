"""Newsletter feeds (RSS 2.0 and Atom) for one region, built from plain data.

``newsletter_feeds`` knows nothing about MkDocs: the adapter gathers the issues
and writes the bytes it returns.
"""
