"""Content types declared as data: what makes an article, a newsletter, a governing document, an event.

Each type is one :class:`~.spec.ContentType` in :mod:`.registry`: its names,
front-matter fields and checks, list page, sections on hubs, home and topic
pages, navigation title, feed, page and list-item facts, favourite toggle and
typed details (its folder is its ``Kind``'s value). The loader, the schemas,
the listings, the page facts, the navigation and the feeds read it from there,
so a new type is one declaration there plus its renderers.
"""
