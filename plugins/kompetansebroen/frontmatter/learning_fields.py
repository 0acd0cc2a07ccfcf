"""The front matter of learning resources: e-learning courses, films, podcast series (``serie.yml``) and episodes.

The fields reuse the typed fields of fields.py and their message style. What
is new here:

* ``Duration`` — a film's or an episode's length as ``mm:ss`` or ``h:mm:ss``.
  YAML 1.1 reads an unquoted ``12:30`` as the base-60 number 750 and
  ``1:02:03`` as 3723, but our reader keeps each value's text as written
  (yaml_source.py), so ``duration: 12:30`` and ``duration: "12:30"`` are told
  apart from a number like ``duration: 750`` without guessing: both forms with
  a colon are accepted, a bare number gets the form to write.
* ``Minutes`` — a course's length in whole minutes, with advice for «45 min»
  and «1 t 30 min».
* ``LocalFile`` — a file beside the page (``video``, ``captions``, ``poster``,
  ``audio``, ``transcript``, the series ``image``), checked by its name here
  and by its content in media_checks.py.
* ``PodcastCategory`` — one of Apple's categories, with «mente du» and the
  names Apple retired in 2019.

An episode's transcript is the one rule that needs the Markdown body
(:func:`transcript_problems`); the rules that open files are in media_checks.py.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping, Sequence
from typing import Any, NoReturn

import yaml

from .. import messages
from ..model.learning import (
    TRANSCRIPT_HEADING,
    transcript_section,
)
from ..model.podcast_categories import APPLE_CATEGORIES, RETIRED_CATEGORIES, editor_label, parent_of
from ..text.durations import clock_duration
from .event_fields import DEFAULT_PROFESSIONS
from .fields import (
    Boolean,
    Date,
    Email,
    Field,
    FieldError,
    FormSpec,
    FoundProblem,
    Integer,
    Schema,
    Text,
    TextList,
    Url,
    close_match,
    read_text,
)
from .yaml_source import BOOL_TAG, NULL_TAG, describe

ELEARNING_LABEL = "E-læringskurs"
ELEARNING_KIND_NAME = "et e-læringskurs"
FILM_LABEL = "Film"
FILM_KIND_NAME = "en film"
EPISODE_LABEL = "Podkastepisode"
EPISODE_KIND_NAME = "en podkastepisode"
"""What each type is called on pages and in messages (a content type's ``label`` and ``indefinite``)."""

LEARNING_FIELD_ALIASES = {
    "leverandør": "provider",
    "leverandor": "provider",
    "tilbyder": "provider",
    "varighet": "duration",
    "lengde": "duration",
    "kursbevis": "certificate",
    "sertifikat": "certificate",
    "oppdatert": "updated",
    "sist_oppdatert": "updated",
    "teksting": "captions",
    "undertekster": "captions",
    "plakat": "poster",
    "plakatbilde": "poster",
    "videolenke": "video_url",
    "sesong": "season",
    "lyd": "audio",
    "lydfil": "audio",
    "transkripsjon": "transcript",
    "kategori": "category",
    "underkategori": "subcategory",
    "eksplisitt": "explicit",
}
"""Norwegian names editors are likely to write for these fields, to merge into ``FIELD_ALIASES``.

Only names that ``FIELD_ALIASES`` and ``EVENT_FIELD_ALIASES`` do not have
already (``målgruppe`` and ``pris`` are there, with the same meaning).
"""

DURATION_EXAMPLE = '"12:30"'
_CLOCK = re.compile(r"^(\d+):(\d+)(?::(\d+))?\Z")
_WORDS = re.compile(
    r"^(?:(?P<h>\d+)\s*(?:t|timer|time|h)\.?)?\s*(?:(?P<m>\d+)\s*(?:min|minutter|minutt|m)\.?)?\s*"
    r"(?:(?P<s>\d+)\s*(?:s|sek|sekunder|sekund)\.?)?$",
    re.IGNORECASE,
)


def _duration_fix(name: str, seconds: int) -> str:
    return f'{name}: "{clock_duration(seconds)}"'


def parse_duration(raw: str, name: str) -> int:
    """``12:30`` → 750 seconds, ``1:02:03`` → 3723; anything else raises a FieldError with the form to write."""
    raw = raw.strip()
    if found := _CLOCK.match(raw):
        first, second, third = found.group(1), found.group(2), found.group(3)
        if third is None:
            minutes, seconds, hours = int(first), int(second), 0
            if len(second) != 2:
                fix = (
                    _duration_fix(name, minutes * 60 + seconds)
                    if seconds < 10
                    else f"{name}: {DURATION_EXAMPLE}"
                )
                raise FieldError(messages.seconds_two_digits(raw, fix))
        else:
            hours, minutes, seconds = int(first), int(second), int(third)
            if len(second) != 2 or len(third) != 2:
                raise FieldError(messages.minutes_and_seconds_two_digits(raw, name, hours, minutes, seconds))
        if seconds > 59:
            total = hours * 3600 + minutes * 60 + seconds
            raise FieldError(messages.too_many_seconds(raw, seconds, _duration_fix(name, total)))
        if minutes > 59:
            total = hours * 3600 + minutes * 60 + seconds
            raise FieldError(messages.too_many_minutes(raw, minutes, _duration_fix(name, total)))
        total = hours * 3600 + minutes * 60 + seconds
        if total == 0:
            raise FieldError(messages.duration_zero(raw, name, DURATION_EXAMPLE))
        return total
    if re.fullmatch(r"\d+:\d+(?::\d+)?[.,]\d*", raw):
        whole = re.split(r"[.,]", raw)[0]
        raise FieldError(messages.duration_decimals(raw, name, whole))
    if re.fullmatch(r"\d+", raw):
        _no_unit(raw, int(raw), name)
    if raw and (words := _WORDS.match(raw)) and any(words.group(part) for part in ("h", "m", "s")):
        total = int(words["h"] or 0) * 3600 + int(words["m"] or 0) * 60 + int(words["s"] or 0)
        if total > 0:
            raise FieldError(messages.duration_not_clock_form(raw, _duration_fix(name, total)))
    raise FieldError(messages.duration_unreadable(raw, name, DURATION_EXAMPLE))


def _no_unit(raw: str, number: int, name: str) -> NoReturn:
    """A bare number: the minutes form to write (``45`` → ``"45:00"``), since it is most likely minutes."""
    minutes_fix = f'{name}: "{number}:00"' if number < 60 else _duration_fix(name, number * 60)
    raise FieldError(messages.duration_without_unit(raw, minutes_fix, number))


class Duration(Field):
    """How long a film or an episode plays: ``mm:ss`` or ``h:mm:ss``, quoted or not; the value is whole seconds."""

    expected = messages.EXPECTS_DURATION
    example = DURATION_EXAMPLE

    def form(self) -> FormSpec:
        # The forms parse_duration accepts without a message: mm:ss, or t:mm:ss with two-digit minutes.
        message = messages.form_duration(DURATION_EXAMPLE.strip('"'))
        return {"widget": "string", "pattern": [r"^(\d+:[0-5]\d:[0-5]\d|\d+:[0-5]\d)$", message]}

    def convert(self, name: str, node: yaml.Node) -> int:
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG:
            raise FieldError(messages.duration_empty(name, DURATION_EXAMPLE))
        if not isinstance(node, yaml.ScalarNode) or node.tag == BOOL_TAG:
            raise FieldError(messages.duration_expected(describe(node), name, DURATION_EXAMPLE))
        if not node.tag.startswith("tag:yaml.org,2002:"):
            raise FieldError(messages.yaml_tag_not_allowed_example(node.tag, name, DURATION_EXAMPLE))
        # node.value is the text as written: «12:30», never the 750 YAML would make of it.
        return parse_duration(node.value, name)


class Minutes(Integer):
    """A length in whole minutes (``duration: 45``), with the number to write for «45 min» or «1 t 30 min»."""

    expected = messages.EXPECTS_MINUTES
    example = "45"

    def __init__(self, *, required: bool = False, example: str | None = None) -> None:
        super().__init__(required=required, minimum=1, example=example)

    def convert(self, name: str, node: yaml.Node) -> int:
        raw = node.value.strip() if isinstance(node, yaml.ScalarNode) else ""
        if found := re.fullmatch(r"(\d+):(\d{2})", raw):
            hours, minutes = int(found.group(1)), int(found.group(2))
            raise FieldError(messages.minutes_as_whole_number(raw, name, hours * 60 + minutes))
        words = _WORDS.match(raw) if raw and not raw.isdigit() else None
        if words and (words["h"] or words["m"]) and not words["s"]:
            total = int(words["h"] or 0) * 60 + int(words["m"] or 0)
            raise FieldError(messages.minutes_without_unit(raw, name, total))
        if re.fullmatch(r"\d+[.,]\d+", raw):
            whole = round(float(raw.replace(",", ".")))
            raise FieldError(messages.minutes_not_whole(raw, name, max(whole, 1)))
        return super().convert(name, node)


class SecureUrl(Url):
    """An ``https://`` address: readers follow it from our pages, and the course or host may ask them to log in."""

    form_pattern = r"^https://[^\s/]+\.[^\s]+$"

    def convert(self, name: str, node: yaml.Node) -> str:
        value = super().convert(name, node)
        if not value.lower().startswith("https://"):
            secure = "https://" + value.split("://", 1)[1]
            raise FieldError(messages.address_not_https(value, name, secure))
        return value


class LocalFile(Field):
    """A file beside the page, named relative to it (``film.mp4``, ``media/film.vtt``) with one of ``extensions``.

    ``other_host`` names the field to use instead for an address on another
    host (``video_url`` for ``video``), so a pasted link gets the right advice.
    """

    expected = messages.EXPECTS_FILE_BESIDE

    def __init__(
        self,
        extensions: tuple[str, ...],
        *,
        what: str,
        example: str,
        required: bool = False,
        other_host: str | None = None,
        wrong_extension_hint: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(required=required, example=example)
        self.extensions = extensions
        self.what = what
        self.other_host = other_host
        self.wrong_extension_hint = dict(wrong_extension_hint or {})

    def form(self) -> FormSpec:
        """A file picker that saves the file beside the page, refusing other kinds with our words."""
        is_image = all(extension in _IMAGE_EXTENSIONS for extension in self.extensions)
        message = messages.form_file_wrong_kind(self.what, self.extensions)
        return {
            "widget": "image" if is_image else "file",
            "choose_url": False,  # a file here; an address elsewhere has a field of its own (video_url …)
            "pattern": [_ending_pattern(self.extensions), message],
        }

    def hint(self) -> str:
        return f"Last opp {self.what}; den lagres ved siden av siden"

    def convert(self, name: str, node: yaml.Node) -> str:
        value = read_text(node, f"{name}: {{}}")
        if re.match(r"^[a-z][a-z0-9+.-]*://", value, re.IGNORECASE):
            if self.other_host:
                raise FieldError(messages.local_file_is_address_elsewhere(value, name, self.other_host))
            raise FieldError(messages.local_file_is_address(value, self.what, name, self.example))
        if "\\" in value:
            raise FieldError(messages.local_file_backslash(value, name))
        if value.startswith("/"):
            raise FieldError(messages.local_file_leading_slash(value, name))
        if ".." in value.split("/"):
            raise FieldError(
                messages.local_file_outside_folder(value, self.what, name, posixpath.basename(value))
            )
        extension = posixpath.splitext(value)[1].lower()
        if extension not in self.extensions:
            allowed = " eller ".join(self.extensions)
            hint = self.wrong_extension_hint.get(extension, "")
            raise FieldError(messages.local_file_wrong_kind(value, self.what, name, allowed, hint))
        return value


def _ending_pattern(extensions: tuple[str, ...]) -> str:
    """A JavaScript pattern for a name ending in one of ``extensions``, in any case (Decap takes no flags)."""
    endings = "|".join(
        "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in extension.lstrip("."))
        for extension in extensions
    )
    return rf"\.({endings})$"


class AltText(Text):
    """A text describing an image for screen readers, with a missing-field message that says why."""

    def missing(self, name: str) -> str:
        return messages.alt_text_missing(name, self.example)


_CATEGORY_PATH = re.compile(r"^(?P<parent>.+?)\s*[>/:|]\s*(?P<sub>.+)\Z")
"""«Health & Fitness > Medicine»: a category and a subcategory written in one field."""


class PodcastCategory(Field):
    """A top category of Apple's list, written exactly as Apple writes it (``Health & Fitness``)."""

    expected = messages.EXPECTS_APPLE_CATEGORY
    example = '"Health & Fitness"'

    def form(self) -> FormSpec:
        options = [{"label": editor_label(category), "value": category} for category in APPLE_CATEGORIES]
        return {"widget": "select", "options": options}

    def hint(self) -> str:
        return "Velg en kategori fra Apples liste"

    def convert(self, name: str, node: yaml.Node) -> str:
        value = read_text(node, f"{name}: {{}}")
        if value in APPLE_CATEGORIES:
            return value
        exact_case = {category.casefold(): category for category in APPLE_CATEGORIES}
        if value.casefold() in exact_case:
            raise FieldError(messages.category_case(value, name, exact_case[value.casefold()]))
        if (both := _CATEGORY_PATH.match(value)) and both["sub"] in APPLE_CATEGORIES.get(both["parent"], ()):
            parent_text, sub_text = both["parent"], both["sub"]
            raise FieldError(messages.category_with_subcategory(value, name, parent_text, sub_text))
        retired = {old.casefold(): new for old, new in RETIRED_CATEGORIES.items()}
        if value.casefold() in retired:
            category, subcategory = retired[value.casefold()]
            fix = messages.category_retired_fix(name, category, subcategory)
            raise FieldError(messages.category_retired(value, fix))
        parent = parent_of(value) or next(
            (parent_of(sub) for sub in _all_subcategories() if sub.casefold() == value.casefold()), None
        )
        if parent:
            sub = next(sub for sub in APPLE_CATEGORIES[parent] if sub.casefold() == value.casefold())
            raise FieldError(messages.category_is_subcategory(value, parent, name, sub))
        match = close_match(value.replace(" and ", " & ").replace(" og ", " & "), APPLE_CATEGORIES)
        if match:
            raise FieldError(messages.unknown_value_did_you_mean("kategori", value, match))
        raise FieldError(messages.category_unknown(value, list(APPLE_CATEGORIES)))


def _all_subcategories() -> list[str]:
    return [sub for subs in APPLE_CATEGORIES.values() for sub in subs]


def _subcategory_of_category(values: Mapping[str, Any], lines: Mapping[str, int]) -> list[FoundProblem]:
    """``subcategory`` must be one of the category's own subcategories."""
    category, subcategory = values.get("category"), values.get("subcategory")
    if subcategory is None:
        return []
    if category is None:
        if "category" in lines:
            return []  # The category's own problem is reported; one message is enough.
        return [
            FoundProblem(
                lines["subcategory"],
                "subcategory",
                messages.subcategory_without_category(parent_of(subcategory) or "Health & Fitness"),
            )
        ]
    allowed = APPLE_CATEGORIES[category]
    if subcategory in allowed:
        return []
    if not allowed:
        message = messages.category_has_no_subcategories(category)
    elif parent := parent_of(subcategory):
        message = messages.subcategory_of_other(subcategory, parent, category, list(allowed))
    elif match := close_match(subcategory, allowed):
        message = messages.unknown_value_did_you_mean("underkategori", subcategory, match)
    else:
        message = messages.subcategory_unknown_under(subcategory, category, list(allowed))
    return [FoundProblem(lines["subcategory"], "subcategory", message)]


def _exactly_one(
    values: Mapping[str, Any],
    lines: Mapping[str, int],
    local: str,
    remote: str,
    what: str,
    examples: tuple[str, str],
) -> list[FoundProblem]:
    """Exactly one of ``local`` (a file here) and ``remote`` (an address elsewhere)."""
    if local in lines and remote in lines:
        later = local if lines[local] > lines[remote] else remote
        return [
            FoundProblem(
                lines[later],
                later,
                messages.both_sources(local, remote, what),
            )
        ]
    if local not in lines and remote not in lines:
        return [
            FoundProblem(
                None,
                local,
                messages.no_source(what, local, remote, examples[0], examples[1]),
            )
        ]
    return []


def _film_source(values: Mapping[str, Any], lines: Mapping[str, int]) -> list[FoundProblem]:
    """A film is ``video`` (an MP4 here) or ``video_url`` (a host), never both or neither."""
    return _exactly_one(
        values, lines, "video", "video_url", messages.FILM_WHAT, ("film.mp4", "https://vimeo.com/123456789")
    )


def _captions_with_local_video(values: Mapping[str, Any], lines: Mapping[str, int]) -> list[FoundProblem]:
    """A video shown here needs captions (WCAG 1.2.2); a film on another host has them there."""
    # A video field with a wrong value has its own message; captions are asked for once it is a file.
    if "video" in values and "video_url" not in lines and "captions" not in lines:
        return [
            FoundProblem(
                lines["video"],
                "captions",
                messages.CAPTIONS_MISSING,
            )
        ]
    if "video_url" in lines and "video" not in lines and "captions" in lines:
        return [
            FoundProblem(
                lines["captions"],
                "captions",
                messages.CAPTIONS_WITH_REMOTE_VIDEO,
            )
        ]
    return []


def _episode_source(values: Mapping[str, Any], lines: Mapping[str, int]) -> list[FoundProblem]:
    """An episode is ``audio`` (an MP3 here) or ``audio_url`` elsewhere, never both or neither."""
    return _exactly_one(
        values,
        lines,
        "audio",
        "audio_url",
        messages.EPISODE_WHAT,
        ("episode.mp3", "https://lyd.eksempel.no/episode.mp3"),
    )


def _audio_facts_where_needed(values: Mapping[str, Any], lines: Mapping[str, int]) -> list[FoundProblem]:
    """Audio elsewhere needs its byte length and duration written; a local MP3 has them in the file."""
    found = []
    if "audio_url" in lines and "audio" not in lines:
        for name, example in (("audio_bytes", "24576000"), ("duration", DURATION_EXAMPLE)):
            if name not in lines:
                what = messages.AUDIO_BYTES_WHAT if name == "audio_bytes" else messages.AUDIO_DURATION_WHAT
                found.append(
                    FoundProblem(
                        lines["audio_url"],
                        name,
                        messages.audio_fact_missing(what, name, example),
                    )
                )
    if "audio" in lines:
        for name in ("audio_bytes", "duration"):
            if name in lines:
                found.append(
                    FoundProblem(
                        lines[name],
                        name,
                        messages.AUDIO_FACT_FROM_FILE,
                    )
                )
    return found


ELEARNING_CHECKS = ()
FILM_CHECKS = (_film_source, _captions_with_local_video)
EPISODE_CHECKS = (_episode_source, _audio_facts_where_needed)
SERIES_CHECKS = (_subcategory_of_category,)

_POSTER_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp")
_IMAGE_EXTENSIONS = frozenset((*_POSTER_EXTENSIONS, ".gif"))
_VIDEO_HINTS = {".mov": messages.VIDEO_HINT, ".webm": messages.VIDEO_HINT}
_CAPTION_HINTS = {".srt": messages.CAPTION_SRT_HINT}
_TRANSCRIPT_HINTS = {".md": messages.TRANSCRIPT_MD_HINT}


def elearning_fields(professions: Sequence[str] = DEFAULT_PROFESSIONS) -> dict[str, Field]:
    """An e-learning course's own fields; ``audience`` takes the professions of mkdocs.yml."""
    profession_list = ", ".join(professions)
    return {
        "title": Text(required=True, example='"Demens – grunnkurs"'),
        "description": Text(required=True, example='"Én eller to setninger om kurset"'),
        "provider": Text(required=True, example='"KS Læring"'),
        "url": SecureUrl(required=True, example="https://kslaring.no/course/view.php?id=123"),
        "duration": Minutes(required=True),
        "audience": TextList(
            allowed=lambda: professions,
            what="yrkesgruppe",
            known_label=messages.use_professions_from_settings(profession_list),
            example=f"[{professions[0] if professions else 'Sykepleiere'}]",
        ),
        "price": Text(example='"Gratis"'),
        "certificate": Boolean(example="true"),
        "updated": Date(example="2025-01-15"),
    }


def film_fields() -> dict[str, Field]:
    """A film's own fields."""
    return {
        "title": Text(required=True, example='"Hjerte-lunge-redning på sykehjem"'),
        "description": Text(required=True, example='"Én eller to setninger om filmen"'),
        "date": Date(required=True),
        "duration": Duration(required=True),
        "video": LocalFile(
            (".mp4",),
            what="en MP4-fil",
            example="film.mp4",
            other_host="video_url",
            wrong_extension_hint=_VIDEO_HINTS,
        ),
        "captions": LocalFile(
            (".vtt",), what="en WebVTT-fil", example="film.vtt", wrong_extension_hint=_CAPTION_HINTS
        ),
        "video_url": SecureUrl(example="https://vimeo.com/123456789"),
        "poster": LocalFile(_POSTER_EXTENSIONS, what="et bilde", example="film.jpg", required=True),
        "poster_alt": AltText(required=True, example='"Sykepleier gir hjerte-lunge-redning til en dukke"'),
    }


def episode_fields() -> dict[str, Field]:
    """A podcast episode's own fields."""
    return {
        "title": Text(required=True, example='"Samhandling om utskrivning"'),
        "description": Text(required=True, example='"Én eller to setninger om episoden"'),
        "date": Date(required=True),
        "season": Integer(required=True, minimum=1, example="1"),
        "episode": Integer(required=True, minimum=1, example="1"),
        "audio": LocalFile((".mp3",), what="en MP3-fil", example="episode.mp3", other_host="audio_url"),
        "audio_url": SecureUrl(example="https://lyd.eksempel.no/episode.mp3"),
        "audio_bytes": Integer(minimum=1, example="24576000"),
        "duration": Duration(),
        "transcript": LocalFile(
            (".txt",), what="en tekstfil", example="episode.txt", wrong_extension_hint=_TRANSCRIPT_HINTS
        ),
    }


def series_fields() -> dict[str, Field]:
    """The fields of ``podkast/<serie>/serie.yml``."""
    return {
        "title": Text(required=True, example='"Samhandlingspodden"'),
        "description": Text(required=True, example='"Om samarbeid mellom sykehus og kommuner"'),
        "image": LocalFile(
            (".jpg", ".jpeg", ".png"), what="et JPEG- eller PNG-bilde", example="omslag.jpg", required=True
        ),
        "author": Text(required=True, example='"Sykehuset Innlandet"'),
        "owner_name": Text(example='"Kommunikasjonsavdelingen"'),
        "owner_email": Email(required=True, example="podkast@eksempel.no"),
        "category": PodcastCategory(required=True),
        "subcategory": Text(example='"Medicine"'),
        "explicit": Boolean(required=True, example="false"),
    }


def series_schema() -> Schema:
    """The schema of ``podkast/<serie>/serie.yml`` (a data file, not a page: no tags, draft or regions)."""
    return Schema(series_fields(), list(SERIES_CHECKS))


def transcript_problems(
    values: Mapping[str, Any], field_lines: Mapping[str, int], body: str, body_line: int
) -> list[FoundProblem]:
    """An episode has one transcript: the body under «Transkripsjon», or the text file ``transcript`` names.

    Lines are lines of the file: ``field_lines`` as the loader records them
    and ``body_line`` the file line the body starts on
    (``Document.body_line``). Whether the named file exists and holds text is
    checked with the other files (media_checks.py).
    """
    section = transcript_section(body)
    heading_line = body_line + section.line - 1 if section else None
    if "transcript" in field_lines:
        if section is not None:
            return [
                FoundProblem(
                    field_lines["transcript"],
                    "transcript",
                    messages.transcript_twice(TRANSCRIPT_HEADING, heading_line),
                )
            ]
        return []
    if section is None:
        return [
            FoundProblem(
                1,
                "transcript",
                messages.transcript_missing(TRANSCRIPT_HEADING),
            )
        ]
    if not section.text:
        return [
            FoundProblem(
                heading_line,
                "transcript",
                messages.transcript_heading_empty(TRANSCRIPT_HEADING),
            )
        ]
    return []


__all__ = [
    "ELEARNING_KIND_NAME",
    "ELEARNING_LABEL",
    "EPISODE_KIND_NAME",
    "EPISODE_LABEL",
    "FILM_KIND_NAME",
    "FILM_LABEL",
    "LEARNING_FIELD_ALIASES",
    "AltText",
    "Duration",
    "LocalFile",
    "Minutes",
    "PodcastCategory",
    "SecureUrl",
    "elearning_fields",
    "episode_fields",
    "film_fields",
    "parse_duration",
    "series_fields",
    "series_schema",
    "transcript_problems",
]
