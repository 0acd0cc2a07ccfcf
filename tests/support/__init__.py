"""What the tests share: sample repositories, edits, builds run as an editor runs them, and built trees.

* ``repos``: the sample project copied to change in a test, and one edit in one file;
* ``builds``: ``mkdocs build`` / ``properdocs build`` / the check as processes of their own, and the
  run's cold builds, one per content, shared by pytest-xdist's workers (``ColdBuilds``);
* ``forked_builds``: those processes forked from a server that has imported MkDocs and the plugin;
* ``parallel``: the xdist group of each test file, and the files that go first;
* ``trees``: a folder's files with the SHA-256 of their bytes, and the differences of two;
* ``problems``: the one problem a check found; ``yaml_nodes``: a YAML value as the reader's node.
"""
