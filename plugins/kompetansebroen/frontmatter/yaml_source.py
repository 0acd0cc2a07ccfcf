"""Read YAML as nodes, keeping line numbers and the text the editor wrote.

PyYAML's loaders turn ``no`` into False, ``0150`` into 104 and ``12:30`` into
750. We compose the node graph instead and let typed fields decide what a
scalar means, so a mistake becomes a message rather than a silent change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .. import messages

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
        return None, _explain(error, text)
    except yaml.YAMLError as error:  # pragma: no cover - unmarked errors are rare
        return None, YamlError(None, messages.yaml_invalid(str(error)))


# The value is taken to the end of the line and stripped afterwards: a pattern that ends
# ``(.+?)\s*$`` tries every end, and took seconds on one line of many blanks.
_KEY_VALUE = re.compile(r"^(\s*)([^\s:#][^:#]*?):\s+(.*)$")
_LIST_ITEM = re.compile(r"^(\s*)-\s+(.*)$")


def _key_and_value(line: str) -> tuple[str, str] | None:
    """``(key, value)`` of a ``key: value`` line, the value without trailing blanks; None for others."""
    match = _KEY_VALUE.match(line)
    if match is None or not match.group(3).strip():
        return None
    return match.group(2), match.group(3).rstrip()


def _value(line: str) -> str | None:
    """The value of a ``key: value`` line or a ``- value`` list item, without trailing blanks."""
    if (key_value := _key_and_value(line)) is not None:
        return key_value[1]
    match = _LIST_ITEM.match(line)
    return match.group(2).rstrip() if match is not None and match.group(2).strip() else None


def _explain(error: yaml.MarkedYAMLError, text: str) -> YamlError:
    """A message an editor can act on, at the line where the mistake most likely is."""
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    lines = text.split("\n")
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark is not None else None
    offending = lines[line - 1] if line and 0 < line <= len(lines) else ""

    last = min(line or len(lines), len(lines))
    for number, text_line in enumerate(lines[:last], start=1):
        if "\t" in text_line[: len(text_line) - len(text_line.lstrip())]:
            return YamlError(number, messages.TAB_IN_INDENT)

    quote_line = _unclosed_quote(lines, line)
    if quote_line is not None:
        return YamlError(
            quote_line,
            messages.QUOTE_NOT_CLOSED,
        )
    if "mapping values are not allowed" in problem:
        column = error.problem_mark.column if error.problem_mark is not None else -1
        if line and offending.find(":") == column:
            return _structure_problem(lines, line)
        key_value = _key_and_value(offending)
        if key_value is not None:
            key, value = key_value
            quoted = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
            return YamlError(
                line,
                messages.colon_in_value_quote(key, quoted),
            )
        return YamlError(
            line,
            messages.COLON_IN_VALUE,
        )
    if "flow sequence" in context or "flow mapping" in context:
        start = error.context_mark.line + 1 if error.context_mark is not None else line
        return YamlError(start, messages.FLOW_LIST_NOT_CLOSED)
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return YamlError(
            line,
            messages.INDENT_MISMATCH,
        )
    if "could not find expected ':'" in problem:
        return YamlError(line, messages.LINE_WITHOUT_COLON)
    details = "; ".join(part for part in (context, problem) if part)
    return YamlError(line, messages.yaml_invalid(details))


def _structure_problem(lines: list[str], line: int) -> YamlError:
    """A field whose colon YAML did not expect: the line above has no colon, or this one is indented."""
    previous = next(
        (
            (number, lines[number - 1])
            for number in range(line - 1, 0, -1)
            if lines[number - 1].strip() and not lines[number - 1].lstrip().startswith("#")
        ),
        None,
    )
    if previous is not None and ":" not in previous[1] and not previous[1].lstrip().startswith("-"):
        return YamlError(previous[0], messages.LINE_WITHOUT_COLON)
    return YamlError(
        line,
        messages.FIELD_INDENTED,
    )


def _unclosed_quote(lines: list[str], error_line: int | None) -> int | None:
    """The first line (up to the error) whose value opens a quote that the line does not close."""
    last = min(error_line or len(lines), len(lines))
    for number, text_line in enumerate(lines[:last], start=1):
        value = _value(text_line)
        if value is None:
            continue
        if value[:1] == '"':
            body = value[1:].replace("\\\\", "").replace('\\"', "")
            if '"' not in body:
                return number
        elif value[:1] == "'":
            body = value[1:].replace("''", "")
            if "'" not in body:
                return number
    return None


def mapping_items(node: yaml.MappingNode) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    """The key/value pairs of a mapping, with keys as scalar nodes."""
    return [(key, value) for key, value in node.value if isinstance(key, yaml.ScalarNode)]


def line_of(node: yaml.Node) -> int:
    """The 1-based line where ``node`` starts."""
    return node.start_mark.line + 1


STR_TAG = "tag:yaml.org,2002:str"
INT_TAG = "tag:yaml.org,2002:int"
FLOAT_TAG = "tag:yaml.org,2002:float"
BOOL_TAG = "tag:yaml.org,2002:bool"
NULL_TAG = "tag:yaml.org,2002:null"
TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_YAML_TAG_PREFIX = "tag:yaml.org,2002:"

TAG_NAMES = {
    INT_TAG: messages.FOUND_NUMBER,
    FLOAT_TAG: messages.FOUND_DECIMAL,
    BOOL_TAG: messages.FOUND_YES_NO,
    NULL_TAG: messages.FOUND_EMPTY,
    TIMESTAMP_TAG: messages.FOUND_DATE,
}


def describe(node: yaml.Node) -> str:
    """How YAML reads ``node``, in words an editor understands."""
    if isinstance(node, yaml.MappingNode):
        return messages.FOUND_GROUP
    if isinstance(node, yaml.SequenceNode):
        return messages.FOUND_LIST
    if node.tag in TAG_NAMES:
        return TAG_NAMES[node.tag]
    if node.tag != STR_TAG and node.tag.startswith(_YAML_TAG_PREFIX):  # !!binary, !!set …
        return messages.found_yaml_type(node.tag.removeprefix(_YAML_TAG_PREFIX))
    return messages.FOUND_TEXT
