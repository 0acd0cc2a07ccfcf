"""Read YAML as nodes, keeping line numbers and the text the editor wrote.

PyYAML's loaders turn ``no`` into False, ``0150`` into 104 and ``12:30`` into
750. We compose the node graph instead and let typed fields decide what a
scalar means, so a mistake becomes a message rather than a silent change.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

try:  # The C parser is several times faster; fall back where libyaml is missing.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


@dataclass(frozen=True)
class YamlError:
    """A YAML syntax problem at a line (1-based, relative to the YAML text)."""

    line: int | None
    message: str


def compose(text: str) -> tuple[yaml.Node | None, YamlError | None]:
    """Compose ``text`` into a node graph, or describe why it is not valid YAML."""
    try:
        return yaml.compose(text, Loader=_Loader), None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        return None, YamlError(line, _explain(error, text, line))
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        return None, YamlError(None, f"ugyldig YAML ({error})")


def _explain(error: yaml.MarkedYAMLError, text: str, line: int | None) -> str:
    problem = (error.problem or "").strip()
    lines = text.splitlines()
    offending = lines[line - 1] if line and 0 < line <= len(lines) else ""
    if "\t" in offending or "'\\t'" in problem:
        return "tabulator i innrykket; bruk mellomrom til innrykk i YAML"
    if "mapping values are not allowed" in problem:
        return (
            "ugyldig YAML: et kolon etterfulgt av mellomrom inne i en verdi; "
            'sett verdien i anførselstegn, f.eks. tittel: "Del 1: innledning"'
        )
    if "could not find expected ':'" in problem or "could not find expected" in problem:
        return f"ugyldig YAML ({problem}); hver linje skal være «felt: verdi»"
    context = f"{error.context}; " if error.context else ""
    return f"ugyldig YAML ({context}{problem}); sjekk innrykk og anførselstegn"


def mapping_items(node: yaml.MappingNode) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    """The key/value pairs of a mapping, with keys as scalar nodes."""
    return [(key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)]


def line_of(node: yaml.Node) -> int:
    """The 1-based line where ``node`` starts."""
    return node.start_mark.line + 1


def is_plain(node: yaml.ScalarNode) -> bool:
    """True for an unquoted scalar (the kind YAML 1.1 reinterprets)."""
    return node.style in (None, "")


STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"

TAG_NAMES = {
    INT_TAG: "et tall",
    FLOAT_TAG: "et desimaltall",
    BOOL_TAG: "en ja/nei-verdi",
    NULL_TAG: "en tom verdi",
    TIMESTAMP_TAG: "en dato",
}


def describe(node: yaml.Node) -> str:
    """How YAML reads ``node``, in words an editor understands."""
    if isinstance(node, yaml.MappingNode):
        return "en gruppe av felter"
    if isinstance(node, yaml.SequenceNode):
        return "en liste"
    if node.tag in TAG_NAMES:
        return TAG_NAMES[node.tag]
    return "tekst"
