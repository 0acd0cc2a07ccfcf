"""Generated pages and sections, as Markdown: lists of articles, newsletters, documents and topics.

They are plain Markdown with relative ``.md`` links, so MkDocs validates every
link and the output does not depend on the theme.
"""
