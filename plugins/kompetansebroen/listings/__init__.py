"""Generated pages and sections: lists of articles, newsletters, documents and topics.

The text around the lists is Markdown with relative ``.md`` links, which MkDocs
validates. The items of long lists are HTML blocks (``html_blocks``), with links
worked out from the region's own pages, so they cannot point at a missing page.
"""
