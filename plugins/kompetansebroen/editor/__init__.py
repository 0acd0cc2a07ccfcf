"""The editors' desk in the browser: Decap CMS's configuration, made from the content-type registry.

Plain Python: ``collections`` turns each content type's fields into a
collection of form widgets, ``backend`` reads the ``cms`` settings,
``config`` puts them together as ``config.yml``, and ``admin_page`` writes the
page that loads Decap. The MkDocs side (mkdocs_adapter/admin_files.py) only
writes these files into the built site.
"""
