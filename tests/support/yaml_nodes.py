"""YAML values as the front-matter reader's nodes, for the field converters."""

from __future__ import annotations

import yaml
from kompetansebroen.frontmatter.yaml_source import compose


def node(value_yaml: str, key: str = "x") -> yaml.Node:
    """The value node of ``<key>: <value_yaml>``."""
    root, error = compose(f"{key}: {value_yaml}")
    assert error is None, error
    return root.value[0][1]


def node_of(text: str) -> yaml.Node:
    """The node of a whole YAML document."""
    root, error = compose(text)
    assert error is None, error
    return root
