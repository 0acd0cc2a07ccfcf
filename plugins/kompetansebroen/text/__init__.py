"""The bottom layer: text helpers every other layer may use and that import nothing of ours.

* ``urls``: where a page lives in a region and how one page links to another;
* ``markdown``: writing editors' text and links into Markdown safely;
* ``dates``: dates written the Norwegian way.
"""
