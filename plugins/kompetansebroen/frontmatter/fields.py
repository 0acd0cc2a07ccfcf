"""Typed front-matter fields: each turns a YAML node into a value or a clear message."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from .yaml_source import (
    BOOL_TAG,
    INT_TAG,
    STR_TAG,
    TIMESTAMP_TAG,
    describe,
    line_of,
    mapping_items,
)


class FieldError(Exception):
    """A field's value is wrong; ``line`` overrides the field's own line when set."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def did_you_mean(value: str, choices: Collection[str]) -> str:
    """A ``; mente du «x»?`` hint when ``value`` is close to one of ``choices``."""
    lowered = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.75)
    return f"; mente du «{lowered[close[0]]}»?" if close else ""


def _raw(node: yaml.Node) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) else ""


class Field:
    """Base of all field types."""

    expected: str = "en verdi"

    def __init__(self, *, required: bool = False) -> None:
        self.required = required

    def convert(self, name: str, node: yaml.Node) -> Any:
        raise NotImplementedError


class Text(Field):
    """Non-empty text. A value YAML reads as something else gets the quoted form as advice."""

    expected = "tekst"

    def convert(self, name: str, node: yaml.Node) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise FieldError(f"forventet tekst, fant {describe(node)}")
        if node.tag != STR_TAG:
            raw = node.value.replace('"', '\\"')
            raise FieldError(
                f'«{node.value}» leses av YAML som {describe(node)}, ikke tekst; skriv {name}: "{raw}"'
            )
        text = node.value.strip()
        if not text:
            raise FieldError("er tom; skriv en tekst")
        return text


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NORWEGIAN_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


class Date(Field):
    """A calendar date written ``YYYY-MM-DD``; impossible dates are rejected."""

    expected = "en dato på formen ÅÅÅÅ-MM-DD"

    def convert(self, name: str, node: yaml.Node) -> dt.date:
        if not isinstance(node, yaml.ScalarNode) or node.tag not in (STR_TAG, TIMESTAMP_TAG):
            raise FieldError(f"forventet en dato på formen ÅÅÅÅ-MM-DD, fant {describe(node)}")
        raw = node.value.strip()
        if norwegian := _NORWEGIAN_DATE.match(raw):
            day, month, year = norwegian.groups()
            raise FieldError(
                f"«{raw}» er ikke på formen ÅÅÅÅ-MM-DD; skriv {name}: {year}-{int(month):02d}-{int(day):02d}"
            )
        if not _ISO_DATE.match(raw):
            raise FieldError(f"«{raw}» er ikke en dato på formen ÅÅÅÅ-MM-DD, f.eks. 2020-06-30")
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            raise FieldError(
                f"«{raw}» er en dato som ikke finnes; skriv en gyldig dato på formen ÅÅÅÅ-MM-DD"
            ) from None


class Integer(Field):
    """A whole number written in decimal without leading zeros."""

    expected = "et heltall"

    def __init__(self, *, required: bool = False, minimum: int = 0) -> None:
        super().__init__(required=required)
        self.minimum = minimum

    def convert(self, name: str, node: yaml.Node) -> int:
        raw = _raw(node).strip()
        if not isinstance(node, yaml.ScalarNode) or not re.fullmatch(r"\d+", raw):
            raise FieldError(f"forventet et heltall, fant «{raw or describe(node)}»")
        if len(raw) > 1 and raw.startswith("0"):
            raise FieldError(
                f"«{raw}» har innledende null, som YAML leser som et oktaltall; skriv {name}: {int(raw)}"
            )
        if node.tag not in (INT_TAG, STR_TAG) or node.style not in (None, ""):
            raise FieldError(f"forventet et heltall uten anførselstegn, f.eks. {name}: {raw}")
        value = int(raw)
        if value < self.minimum:
            raise FieldError(f"må være minst {self.minimum}")
        return value


class Boolean(Field):
    """Only ``true`` or ``false``: YAML 1.1's yes/no/on/off are too easy to write by accident."""

    expected = "true eller false"

    def convert(self, name: str, node: yaml.Node) -> bool:
        raw = _raw(node).strip()
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL_TAG and raw in ("true", "false"):
            return raw == "true"
        raise FieldError(f"forventet true eller false, fant «{raw or describe(node)}»")


class Choice(Text):
    """One of a fixed set of words."""

    def __init__(self, choices: tuple[str, ...], *, required: bool = False) -> None:
        super().__init__(required=required)
        self.choices = choices
        self.expected = " eller ".join(choices)

    def convert(self, name: str, node: yaml.Node) -> str:
        value = super().convert(name, node)
        if value not in self.choices:
            options = ", ".join(self.choices)
            raise FieldError(
                f"«{value}» er ikke en gyldig verdi{did_you_mean(value, self.choices)} "
                f"Gyldige verdier: {options}"
            )
        return value


class Url(Text):
    """An absolute http or https address."""

    expected = "en adresse som begynner med https://"

    def convert(self, name: str, node: yaml.Node) -> str:
        value = super().convert(name, node)
        if not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
            raise FieldError(f"«{value}» er ikke en nettadresse; skriv en adresse som begynner med https://")
        return value


class Email(Text):
    """An e-mail address."""

    expected = "en e-postadresse"

    def convert(self, name: str, node: yaml.Node) -> str:
        value = super().convert(name, node)
        if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", value):
            raise FieldError(f"«{value}» er ikke en e-postadresse, f.eks. navn@eksempel.no")
        return value


class TextList(Field):
    """A list of text items, optionally restricted to known values."""

    expected = "en liste, f.eks. [Helsefellesskap, Kompetanse]"

    def __init__(
        self,
        *,
        required: bool = False,
        allowed: Callable[[], Collection[str]] | None = None,
        what: str = "verdi",
    ) -> None:
        super().__init__(required=required)
        self.allowed = allowed
        self.what = what

    def convert(self, name: str, node: yaml.Node) -> tuple[str, ...]:
        if not isinstance(node, yaml.SequenceNode):
            raw = _raw(node)
            raise FieldError(f"forventet en liste; skriv {name}: [{raw}]")
        values: list[str] = []
        errors: list[FieldError] = []
        text = Text()
        allowed = self.allowed() if self.allowed else None
        for item in node.value:
            try:
                value = text.convert(name, item)
            except FieldError as error:
                errors.append(FieldError(error.message, line_of(item)))
                continue
            if allowed is not None and value not in allowed:
                hint = did_you_mean(value, allowed)
                errors.append(FieldError(f"ukjent {self.what} «{value}»{hint}", line_of(item)))
                continue
            if value in values:
                errors.append(FieldError(f"«{value}» står to ganger", line_of(item)))
                continue
            values.append(value)
        if errors:
            raise FieldGroupError(errors)
        return tuple(values)


class FieldGroupError(Exception):
    """Several problems inside one field (list items, nested mappings)."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(error.message for error in errors))
        self.errors = errors


@dataclass(frozen=True)
class FoundProblem:
    line: int | None
    field: str
    message: str


CrossCheck = Callable[[Mapping[str, Any], Mapping[str, int]], list[FoundProblem]]


@dataclass
class Schema:
    """A set of named fields plus checks that span several of them."""

    fields: dict[str, Field]
    checks: list[CrossCheck] = field(default_factory=list)

    def read(
        self, node: yaml.Node | None, prefix: str = "", *, fallback_line: int = 1
    ) -> tuple[dict[str, Any], list[FoundProblem]]:
        """Convert a mapping node; return the values that were valid and every problem."""
        values: dict[str, Any] = {}
        lines: dict[str, int] = {}
        problems: list[FoundProblem] = []
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"):
            items: list[tuple[yaml.ScalarNode, yaml.Node]] = []
        elif not isinstance(node, yaml.MappingNode):
            return values, [
                FoundProblem(line_of(node), prefix.rstrip("."), "forventet felter på formen «felt: verdi»")
            ]
        else:
            items = mapping_items(node)
        for key_node, value_node in items:
            name = key_node.value
            qualified = prefix + name
            if name in lines:
                problems.append(
                    FoundProblem(
                        line_of(key_node), qualified, f"står to ganger (også på linje {lines[name]})"
                    )
                )
                continue
            lines[name] = line_of(key_node)
            spec = self.fields.get(name)
            if spec is None:
                known = ", ".join(sorted(self.fields))
                hint = did_you_mean(name, self.fields)
                problems.append(
                    FoundProblem(line_of(key_node), qualified, f"ukjent felt{hint} Kjente felter: {known}")
                )
                continue
            try:
                if isinstance(spec, Nested):
                    value, nested = spec.schema.read(
                        value_node, qualified + ".", fallback_line=line_of(key_node)
                    )
                    problems.extend(nested)
                    values[name] = value
                else:
                    values[name] = spec.convert(name, value_node)
            except FieldGroupError as group:
                for error in group.errors:
                    problems.append(FoundProblem(error.line or line_of(value_node), qualified, error.message))
            except FieldError as error:
                problems.append(FoundProblem(error.line or line_of(value_node), qualified, error.message))
        for name, spec in self.fields.items():
            if spec.required and name not in lines:
                problems.append(
                    FoundProblem(fallback_line, prefix + name, f"mangler; forventet {spec.expected}")
                )
        if not problems:
            for check in self.checks:
                problems.extend(check(values, lines))
        return values, problems


class Nested(Field):
    """A group of fields (e.g. ``contact`` in region.yml)."""

    expected = "en gruppe av felter"

    def __init__(self, schema: Schema, *, required: bool = False) -> None:
        super().__init__(required=required)
        self.schema = schema
