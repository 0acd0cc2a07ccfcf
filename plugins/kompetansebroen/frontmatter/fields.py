"""Typed front-matter fields: each turns a YAML node into a value or a clear message.

Every message says what is wrong and what to write instead, in words an
editor understands: ``«no» leses av YAML som en ja/nei-verdi, ikke tekst;
skriv title: "no"``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

import yaml

from .. import messages
from ..text.dates import MONTHS
from .yaml_source import (
    BOOL_TAG,
    INT_TAG,
    NULL_TAG,
    STR_TAG,
    describe,
    line_of,
    mapping_items,
)

Built = TypeVar("Built")
"""What a schema's values are made into (an event, a course, …)."""


class FieldError(Exception):
    """A field's value is wrong; ``line`` overrides the field's own line when set."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


class FieldGroupError(Exception):
    """Several problems inside one field (list items, nested mappings)."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(error.message for error in errors))
        self.errors = errors


def close_match(value: str, choices: Collection[str]) -> str | None:
    """The choice ``value`` is most likely a misspelling of, if any (case-insensitive)."""
    lowered = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.75)
    return lowered[close[0]] if close else None


def did_you_mean(value: str, choices: Collection[str]) -> str:
    """A ``; mente du «x»?`` hint when ``value`` is close to one of ``choices``."""
    match = close_match(value, choices)
    return messages.did_you_mean_hint(match) if match else ""


def _quoted(value: str) -> str:
    """``value`` as a double-quoted YAML scalar."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG


def _is_custom_tag(node: yaml.Node) -> bool:
    return not node.tag.startswith("tag:yaml.org,2002:")


def _raw(node: yaml.Node) -> str:
    return node.value.strip() if isinstance(node, yaml.ScalarNode) else ""


FormSpec = dict[str, Any]
"""How the browser editor's form shows a field (editor/): the widget and its options, in Decap's words."""


PLACEHOLDER_EXAMPLE = '"…"'
"""The example of a field declared without one: fine in a message's fix, no help under a form field."""


class Field:
    """Base of all field types.

    ``expected`` says in words what the field takes; ``example`` is a value an
    editor can copy (used when a required field is missing). ``form`` says how
    the browser editor shows the field (editor/ builds its configuration from
    it), so the form and this reader are declared in one place.
    """

    expected: str = messages.EXPECTS_VALUE
    example: str = PLACEHOLDER_EXAMPLE

    def __init__(self, *, required: bool = False, example: str | None = None) -> None:
        self.required = required
        if example is not None:
            self.example = example

    def form(self) -> FormSpec:
        """The browser editor's widget for this field (a one-line text unless a field type says otherwise)."""
        return {"widget": "string"}

    def hint(self) -> str:
        """The help text under the field in the browser editor: what it takes and an example (a field
        declared without one is not given «f.eks. …»)."""
        said = f"{self.expected[:1].upper()}{self.expected[1:]}"
        if self.example == PLACEHOLDER_EXAMPLE:
            return said
        return f"{said}, f.eks. {self.example.strip(chr(34))}"

    def convert(self, name: str, node: yaml.Node) -> Any:
        raise NotImplementedError

    def missing(self, name: str) -> str:
        return messages.field_missing(self.expected, name, self.example)


def read_text(node: yaml.Node, fix: str) -> str:
    """A non-empty text scalar; ``fix`` is how the editor writes a corrected value (``title: {}``)."""
    if _is_null(node):
        raise FieldError(messages.text_empty_after_colon(fix.format(_quoted("…"))))
    if not isinstance(node, yaml.ScalarNode):
        raise FieldError(messages.text_expected(describe(node), fix.format(_quoted("…"))))
    if _is_custom_tag(node):
        raise FieldError(messages.yaml_tag_not_allowed(node.tag, fix.format(_quoted(node.value))))
    if node.tag != STR_TAG:
        raise FieldError(
            messages.text_read_as_other(node.value, describe(node), fix.format(_quoted(node.value)))
        )
    text = node.value.strip()
    if not text:
        raise FieldError(messages.text_blank(fix.format(_quoted("…"))))
    if breaking := _first_break(text):
        raise FieldError(messages.text_not_one_line(breaking, fix.format(_quoted(_one_line(text)))))
    return text


_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Direction overrides and isolates: they make text show in another order than it is stored («Trojan
Source»), and Norwegian text never needs them (soft hyphens and joiners, also format characters, stay)."""


def _is_control(char: str) -> bool:
    return char in _BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Zl", "Zp")


def _first_break(text: str) -> str | None:
    """How the first line break or control character in ``text`` is named to an editor, if there is one.

    Every text field is one line: a title with a break became an ``<h1>`` cut in two and a ``<title>``
    holding the break. Tabs count too (they show as one space, or not at all).
    """
    if text.isprintable():  # no break, tab or control character: the common case, without a loop
        return None
    for char in text:
        if char in _LINE_BREAKS:
            return "et linjeskift"
        if char == "\t":
            return "en tabulator"
        if _is_control(char):
            return f"kontrolltegnet U+{ord(char):04X}"
    return None


def _one_line(text: str) -> str:
    """``text`` with every run of breaks, tabs and blanks made one blank, and other control characters gone."""
    spaced = "".join(" " if char in _LINE_BREAKS or char == "\t" else char for char in text)
    return " ".join("".join(char for char in spaced if not _is_control(char)).split())


class Text(Field):
    """Non-empty text. A value YAML reads as something else gets the quoted form as advice.

    ``widget`` is the browser editor's widget when the text names something
    else than words: ``"image"`` for a photo's path, ``"file"`` for a document's.
    """

    expected = messages.EXPECTS_TEXT

    def __init__(self, *, required: bool = False, example: str | None = None, widget: str = "string") -> None:
        super().__init__(required=required, example=example)
        self.widget = widget

    def form(self) -> FormSpec:
        if self.widget in ("image", "file"):
            return {"widget": self.widget, "choose_url": False}  # the site loads nothing from other hosts
        return {"widget": self.widget}

    def convert(self, name: str, node: yaml.Node) -> str:
        return read_text(node, f"{name}: {{}}")


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\Z")
_LOOSE_ISO_DATE = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[ Tt].*)?\Z")
_DAY_FIRST_DATE = re.compile(r"^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})\Z")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})\Z")


FIRST_YEAR, LAST_YEAR = 1900, 2099
"""Years a date may have. A build is dated by its newest date, and a year like 9999 (a typo) broke it:
compressed files cannot carry a time after 2106, and the calendars a time zone after 9999."""


def plausible_year(date: dt.date, raw: str) -> dt.date:
    """``date`` when its year is in FIRST_YEAR–LAST_YEAR; otherwise a message naming the year."""
    if FIRST_YEAR <= date.year <= LAST_YEAR:
        return date
    raise FieldError(messages.year_implausible(raw, date.year, FIRST_YEAR, LAST_YEAR))


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _why_impossible(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return messages.month_does_not_exist(month)
    days = calendar.monthrange(year, month)[1]
    return messages.month_has_days(MONTHS[month - 1], year, days)


class Date(Field):
    """A calendar date written ``YYYY-MM-DD``; impossible dates are rejected."""

    expected = messages.EXPECTS_DATE
    example = "2024-06-30"

    def form(self) -> FormSpec:
        # A date picker that stores exactly ÅÅÅÅ-MM-DD (Decap's date formats are Day.js tokens).
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": False,
        }

    def convert(self, name: str, node: yaml.Node) -> dt.date:
        if _is_null(node):
            raise FieldError(messages.date_empty(name, self.example))
        if not isinstance(node, yaml.ScalarNode) or node.tag == BOOL_TAG:
            raise FieldError(messages.date_expected(describe(node), name, self.example))
        raw = node.value.strip()
        if iso := _ISO_DATE.match(raw):
            year, month, day = (int(part) for part in iso.groups())
            date = _valid_date(year, month, day)
            if date is None:
                raise FieldError(messages.date_impossible(raw, _why_impossible(year, month, day)))
            return plausible_year(date, raw)
        for pattern, order in (
            (_DAY_FIRST_DATE, (2, 1, 0)),
            (_LOOSE_ISO_DATE, (0, 1, 2)),
            (_COMPACT_DATE, (0, 1, 2)),
        ):
            if found := pattern.match(raw):
                parts = found.groups()
                year, month, day = (int(parts[i]) for i in order)
                if _valid_date(year, month, day) is None:
                    raise FieldError(messages.date_impossible(raw, _why_impossible(year, month, day)))
                raise FieldError(messages.date_not_iso(raw, name, f"{year:04d}-{month:02d}-{day:02d}"))
        raise FieldError(messages.date_unreadable(raw, name, self.example))


class Integer(Field):
    """A whole number written in decimal, unquoted, without leading zeros."""

    expected = messages.EXPECTS_INTEGER
    example = "42"

    def __init__(self, *, required: bool = False, minimum: int = 0, example: str | None = None) -> None:
        super().__init__(required=required, example=example)
        self.minimum = minimum

    def form(self) -> FormSpec:
        return {"widget": "number", "value_type": "int", "min": self.minimum}

    def convert(self, name: str, node: yaml.Node) -> int:
        if _is_null(node):
            raise FieldError(messages.integer_empty(name, self.example))
        if not isinstance(node, yaml.ScalarNode):
            raise FieldError(messages.integer_expected(describe(node), name, self.example))
        raw = node.value.strip()
        digits = raw.replace("_", "").replace(" ", "")
        quoted = node.style not in (None, "")
        if not re.fullmatch(r"\d+", digits):
            raise FieldError(messages.integer_not_digits(raw, name, self.example))
        value = int(digits)
        if quoted:
            raise FieldError(messages.integer_quoted(raw, name, value))
        if len(digits) > 1 and digits.startswith("0"):
            if node.tag == INT_TAG:
                raise FieldError(messages.integer_octal(raw, _yaml_int(raw), name, value))
            raise FieldError(messages.integer_leading_zero(raw, name, value))
        if digits != raw:
            raise FieldError(messages.integer_only_digits(raw, name, value))
        if node.tag != INT_TAG:
            raise FieldError(messages.integer_read_as_other(raw, describe(node), name, value))
        if value < self.minimum:
            raise FieldError(messages.integer_too_low(raw, self.minimum))
        return value


def _yaml_int(raw: str) -> str:
    """What YAML 1.1 makes of a plain number with a leading zero (``0150`` → 104)."""
    try:
        return str(yaml.safe_load(raw))
    except yaml.YAMLError:  # pragma: no cover - only digits reach this
        return raw


_TRUE_WORDS = {"true", "yes", "y", "on"}
_FALSE_WORDS = {"false", "no", "n", "off"}


class Boolean(Field):
    """Only ``true`` or ``false``: YAML 1.1's yes/no/on/off are too easy to write by accident."""

    expected = messages.EXPECTS_TRUE_OR_FALSE
    example = "true"

    def form(self) -> FormSpec:
        # Decap shows an untouched switch as off but holds no value, and then refuses a required
        # field the editor sees set: a required one starts as the false it shows.
        return {"widget": "boolean", "default": False} if self.required else {"widget": "boolean"}

    def hint(self) -> str:
        return "Slå på eller av"

    def convert(self, name: str, node: yaml.Node) -> bool:
        raw = _raw(node)
        if isinstance(node, yaml.ScalarNode) and node.tag == BOOL_TAG and raw in ("true", "false"):
            return raw == "true"
        word = raw.lower()
        if isinstance(node, yaml.ScalarNode) and word in _TRUE_WORDS | _FALSE_WORDS:
            meant = "true" if word in _TRUE_WORDS else "false"
            if node.style not in (None, ""):
                raise FieldError(messages.boolean_quoted(raw, name, meant))
            raise FieldError(messages.boolean_word_not_allowed(raw, name, meant))
        found = messages.quoted(raw) if raw else describe(node)
        raise FieldError(messages.boolean_expected(found, name))


class Choice(Field):
    """One of a fixed set of words; ``labels`` are how pages show them, and the browser editor's list too."""

    def __init__(
        self,
        choices: tuple[str, ...],
        *,
        required: bool = False,
        what: str = "verdi",
        labels: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(required=required, example=choices[0] if choices else None)
        self.choices = choices
        self.what = what
        self.labels = dict(labels or {})
        self.expected = messages.expects_one_of(choices)

    def form(self) -> FormSpec:
        if self.labels:  # the editor picks «Fysisk oppmøte»; the file gets the word «fysisk»
            return {
                "widget": "select",
                "options": [{"label": self.labels[choice], "value": choice} for choice in self.choices],
            }
        return {"widget": "select", "options": list(self.choices)}

    def hint(self) -> str:
        return f"Velg {self.what}"

    def convert(self, name: str, node: yaml.Node) -> str:
        value = read_text(node, f"{name}: {{}}")
        if value not in self.choices:
            match = close_match(value, self.choices)
            if match:
                raise FieldError(messages.unknown_value_did_you_mean(self.what, value, match))
            raise FieldError(messages.unknown_value(self.what, value, messages.valid_values(self.choices)))
        return value


class Url(Field):
    """An absolute http or https address."""

    expected = messages.EXPECTS_HTTPS_ADDRESS
    example = "https://www.eksempel.no/"
    form_pattern = r"^https?://[^\s/]+\.[^\s]+$"
    """What the browser editor's form accepts: the rule of ``convert`` as one pattern."""

    def form(self) -> FormSpec:
        message = messages.form_https_address(self.example)
        return {"widget": "string", "pattern": [self.form_pattern, message]}

    def convert(self, name: str, node: yaml.Node) -> str:
        value = read_text(node, f"{name}: {{}}")
        if not re.match(r"^https?://[^\s/]+\.[^\s]+\Z", value):
            if re.match(r"^[\w-]+(\.[\w-]+)+(/\S*)?\Z", value):
                raise FieldError(messages.url_missing_scheme(value, name))
            raise FieldError(messages.url_not_an_address(value, name, self.example))
        return value


_EMAIL = re.compile(r"[\w.!#$'*+/=^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
"""An address as people write them (letters of any alphabet, so ``post@bærum.kommune.no`` too). Not
``<>()[],;:"`` or blanks, which only quoted or commented addresses have, and not ``?&%``, which in a
``mailto:`` link would add recipients or text (``a?bcc=b@c.no``)."""


class Email(Field):
    """An e-mail address."""

    expected = messages.EXPECTS_EMAIL
    example = "post@eksempel.no"

    def form(self) -> FormSpec:
        message = messages.form_email(self.example)
        return {"widget": "string", "pattern": [r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message]}

    def convert(self, name: str, node: yaml.Node) -> str:
        value = read_text(node, f"{name}: {{}}")
        if not _EMAIL.fullmatch(value):
            raise FieldError(messages.email_not_an_address(value, name, self.example))
        return value


class TextList(Field):
    """A list of text items, optionally restricted to known values."""

    def __init__(
        self,
        *,
        required: bool = False,
        allowed: Callable[[], Collection[str]] | None = None,
        what: str = "verdi",
        known_label: str | None = None,
        example: str = "[…]",
    ) -> None:
        super().__init__(required=required, example=example)
        self.allowed = allowed
        self.what = what
        self.known_label = known_label
        self.expected = messages.EXPECTS_LIST

    def form(self) -> FormSpec:
        if self.allowed is None:
            return {"widget": "list"}
        return {"widget": "select", "multiple": True, "options": list(self.allowed())}

    def hint(self) -> str:
        if self.allowed is None:
            return "Skriv én eller flere, skilt med komma"
        return f"Velg én eller flere ({self.what})"

    def convert(self, name: str, node: yaml.Node) -> tuple[str, ...]:
        if _is_null(node):
            raise FieldError(messages.list_empty(name, self.example))
        if not isinstance(node, yaml.SequenceNode):
            raw = _raw(node)
            fix = f"[{raw}]" if raw else self.example
            raise FieldError(messages.list_expected(describe(node), name, fix))
        values: list[str] = []
        errors: list[FieldError] = []
        allowed = self.allowed() if self.allowed else None
        for item in node.value:
            try:
                value = read_text(item, "- {}")
            except FieldError as error:
                errors.append(FieldError(error.message, line_of(item)))
                continue
            if allowed is not None and value not in allowed:
                errors.append(FieldError(self._unknown(value, allowed), line_of(item)))
                continue
            if value in values:
                errors.append(FieldError(messages.listed_twice(value), line_of(item)))
                continue
            values.append(value)
        if errors:
            raise FieldGroupError(errors)
        return tuple(values)

    def _unknown(self, value: str, allowed: Collection[str]) -> str:
        match = close_match(value, allowed)
        if match:
            return messages.unknown_value_did_you_mean(self.what, value, match)
        label = self.known_label or messages.known_values(list(allowed))
        return messages.unknown_value(self.what, value, label)


@dataclass(frozen=True)
class FoundProblem:
    line: int | None
    field: str
    message: str


CrossCheck = Callable[[Mapping[str, Any], Mapping[str, int]], list[FoundProblem]]
"""A check across fields: gets the valid values and the line of every field written (valid or not)."""


class Reading(NamedTuple):
    """What :meth:`Schema.read` found: valid values, the line of each field written (and of each item
    of a valid list, as ``name[index]``), and the problems."""

    values: dict[str, Any]
    lines: dict[str, int]
    problems: list[FoundProblem]


FIELD_ALIASES = {
    "tittel": "title",
    "overskrift": "title",
    "dato": "date",
    "publisert": "date",
    "beskrivelse": "description",
    "ingress": "description",
    "sammendrag": "description",
    "tema": "tags",
    "emner": "tags",
    "tag": "tags",
    "forfatter": "authors",
    "forfattere": "authors",
    "author": "authors",
    "bilde": "image",
    "bildetekst": "image_caption",
    "caption": "image_caption",
    "alt": "image_alt",
    "alt-tekst": "image_alt",
    "kreditering": "image_credit",
    "fotograf": "image_credit",
    "foto": "image_credit",
    "credit": "image_credit",
    "utkast": "draft",
    "område": "regions",
    "områder": "regions",
    "region": "regions",
    "utgiver": "issuer",
    "utstedt_av": "issuer",
    "lenke": "url",
    "adresse": "url",
    "fil": "file",
    "dokument": "file",
    "navn": "name",
    "sykehus": "hospital",
    "helseforetak": "hospital",
    "kommuner": "municipalities",
    "antall_kommuner": "municipalities",
    "kontakt": "contact",
    "epost": "email",
    "e-post": "email",
    "nettside": "url",
    "alias": "aliases",
    "redirect_from": "aliases",
    "gammel_adresse": "aliases",
    "gamle_adresser": "aliases",
}
"""Norwegian (and singular) names editors are likely to write, and the field they mean."""

FIELD_LABELS = {
    # Every page
    "title": "Tittel",
    "description": "Ingress",
    "tags": "Tema",
    "draft": "Utkast (vises ikke på nettstedet)",
    "aliases": "Gamle adresser",
    "regions": "Bare i disse områdene",
    "hub": "Temaside for",
    # Articles, newsletters, governing documents
    "date": "Dato",
    "updated": "Sist oppdatert",
    "authors": "Forfattere",
    "image": "Bilde",
    "image_alt": "Alternativ tekst til bildet",
    "image_caption": "Bildetekst",
    "image_credit": "Fotograf eller kilde",
    "issuer": "Utgiver",
    "url": "Lenke",
    "file": "Fil (PDF e.l.)",
    "status": "Status",
    # Events
    "start": "Start",
    "end": "Slutt",
    "format": "Format",
    "place": "Sted og adresse",
    "organiser": "Arrangør",
    "registration_url": "Påmelding (lenke)",
    "registration_deadline": "Påmeldingsfrist",
    "audience": "Målgruppe",
    "price": "Pris",
    "contact": "Kontakt",
    # Learning resources
    "provider": "Tilbyder",
    "duration": "Varighet",
    "certificate": "Kursbevis",
    "video": "Film (MP4)",
    "captions": "Teksting (WebVTT)",
    "video_url": "Lenke til filmen hos en annen tjeneste",
    "poster": "Plakatbilde",
    "poster_alt": "Alternativ tekst til plakatbildet",
    "season": "Sesong",
    "episode": "Episode",
    "audio": "Lydfil (MP3)",
    "audio_url": "Lenke til lydfilen hos en annen tjeneste",
    "audio_bytes": "Lydfilens størrelse i byte",
    "transcript": "Transkripsjon (tekstfil)",
    # Podcast series (serie.yml)
    "author": "Utgiver",
    "owner_name": "Eier",
    "owner_email": "Eierens e-post",
    "category": "Kategori",
    "subcategory": "Underkategori",
    "explicit": "Eksplisitt innhold",
    # region.yml
    "name": "Navn",
    "hospital": "Helseforetak",
    "municipalities": "Antall kommuner",
    "email": "E-post",
    "newsletter_signup_url": "Påmelding til nyhetsbrevet (https-adresse)",
    "newsletter_unsubscribe": "Avmelding fra nyhetsbrevet (mailto: eller https-adresse)",
}
"""Each front-matter field's name in the browser editor (editor/), by the field's name in the files.

One label per name: a field means the same in every type that has it.
"""


@dataclass
class Schema:
    """A set of named fields plus checks that span several of them.

    ``misplaced`` names fields that exist elsewhere but not here, with the reason
    (``regions`` on a page inside ``regions/<id>/``).
    """

    fields: dict[str, Field]
    checks: list[CrossCheck] = field(default_factory=list)
    misplaced: dict[str, str] = field(default_factory=dict)
    aliases: Mapping[str, str] = field(default_factory=dict)
    """Names editors are likely to write for this schema's fields, beyond ``FIELD_ALIASES``."""

    def read_as(
        self, node: yaml.Node | None, build: Callable[[dict[str, Any]], Built], *, fallback_line: int = 1
    ) -> tuple[Built | None, list[FoundProblem]]:
        """The values made into a typed object (``build``) when they have no problems; else the problems."""
        reading = self.read(node, fallback_line=fallback_line)
        if reading.problems:
            return None, reading.problems
        return build(reading.values), []

    def read(self, node: yaml.Node | None, prefix: str = "", *, fallback_line: int = 1) -> Reading:
        """Convert a mapping node; return the values that were valid and every problem.

        ``fallback_line`` is where problems without a line of their own (a missing
        field) are reported.
        """
        values: dict[str, Any] = {}
        lines: dict[str, int] = {}
        problems: list[FoundProblem] = []
        if node is None or _is_null(node):
            items: list[tuple[yaml.ScalarNode, yaml.Node]] = []
        elif not isinstance(node, yaml.MappingNode):
            where = messages.fields_under(prefix.rstrip(".")) if prefix else messages.FIELDS_HERE
            return Reading(
                values,
                lines,
                [
                    FoundProblem(
                        line_of(node),
                        prefix.rstrip("."),
                        messages.fields_expected(describe(node), where),
                    )
                ],
            )
        else:
            items = mapping_items(node)
        suggested: set[str] = set()
        for key_node, value_node in items:
            name = key_node.value
            qualified = prefix + name
            if name in lines:
                problems.append(
                    FoundProblem(
                        line_of(key_node),
                        qualified,
                        messages.FIELD_TWICE,
                    )
                )
                continue
            spec = self.fields.get(name)
            if spec is None:
                problems.append(
                    FoundProblem(line_of(key_node), qualified, self._unknown(name, lines, suggested))
                )
                continue
            lines[name] = line_of(key_node)
            try:
                if isinstance(spec, Nested):
                    nested = spec.schema.read(value_node, qualified + ".", fallback_line=line_of(key_node))
                    problems.extend(nested.problems)
                    if not nested.problems:
                        values[name] = nested.values
                else:
                    values[name] = spec.convert(name, value_node)
                    if isinstance(value_node, yaml.SequenceNode):  # checks across files name the item's line
                        for index, item in enumerate(value_node.value):
                            lines[f"{name}[{index}]"] = line_of(item)
            except FieldGroupError as group:
                for error in group.errors:
                    problems.append(FoundProblem(error.line or line_of(value_node), qualified, error.message))
            except FieldError as error:
                problems.append(FoundProblem(error.line or line_of(value_node), qualified, error.message))
        for name, spec in self.fields.items():
            if spec.required and name not in lines and name not in suggested:
                problems.append(FoundProblem(fallback_line, prefix + name, spec.missing(name)))
        for check in self.checks:
            for found in check(values, lines):
                problems.append(
                    FoundProblem(found.line or fallback_line, prefix + found.field, found.message)
                )
        return Reading(values, lines, problems)

    def _unknown(self, name: str, lines: Mapping[str, int], suggested: set[str]) -> str:
        if name in self.misplaced:
            return self.misplaced[name]
        alias = self.aliases.get(name.lower()) or FIELD_ALIASES.get(name.lower())
        match = alias if alias in self.fields else close_match(name, self.fields)
        if match and match not in lines:
            suggested.add(match)
            return messages.unknown_field_did_you_mean(match)
        if match:
            return messages.unknown_field_already_there(match)
        return messages.unknown_field(sorted(self.fields))


class Nested(Field):
    """A group of fields (e.g. ``contact`` in region.yml)."""

    expected = messages.EXPECTS_GROUP

    def form(self) -> FormSpec:
        return {"widget": "object"}

    def hint(self) -> str:
        return ""

    def __init__(self, schema: Schema, *, required: bool = False) -> None:
        super().__init__(required=required)
        self.schema = schema

    def convert(self, name: str, node: yaml.Node) -> Any:  # pragma: no cover - read by Schema.read
        return self.schema.read(node, name + ".").values
