"""The output layer: what the build writes, outside MkDocs' per-page pipeline.

* ``render_plan``: which region renders each distinct shared page, and which
  regions get a stamped copy of it;
* ``slots``: the region slots in a rendered page, and filling them;
* ``shells``: rendered pages with their slots, handed from the region that
  rendered them to the regions that stamp them;
* ``region_output``: a region's stamped pages, search index, feeds and saved state;
* ``region_state``: what the last good build of a region wrote;
* ``staging``, ``cache_store``: atomic publishing and the one cache file.

Nothing here imports MkDocs: the output layer outlives the theme.
"""
