"""The options of the ``kompetansebroen`` plugin, and the settings the domain takes from mkdocs.yml.

There is one reader: the build gets its options from MkDocs, which validates
them with :class:`KompetansebroenConfig`; ``kompetansebroen-check`` loads
mkdocs.yml through the same MkDocs machinery (:func:`load_settings`). A value
the build refuses is refused by the check, in the same words, and both hand
the domain the same :class:`Settings` (:func:`settings_from`).

Refusals are written for editors, in Norwegian, and name the option:
``mkdocs.yml: plugins → kompetansebroen → topics: tema nr. 3 mangler description``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError

from . import messages
from .editor.backend import Backend, BackendError, read_backend
from .frontmatter.event_fields import DEFAULT_PROFESSIONS
from .frontmatter.fields import did_you_mean
from .listings.pages import all_generated_paths
from .model.topics import Topic, TopicRegistry
from .problems import Problems
from .project.loader import Project, load_project

PLUGIN = "kompetansebroen"
PLUGIN_PATH = f"plugins → {PLUGIN}"

_TOPIC_FIELDS = ("name", "description")


class SettingsError(Exception):
    """mkdocs.yml cannot be used; the message says where and why, in the editors' language."""


class _Typed(c.Type):
    """``c.Type`` whose refusal an editor can read."""

    def run_validation(self, value: object) -> Any:
        try:
            return super().run_validation(value)
        except ValidationError:
            raise ValidationError(messages.option_wrong_type(self._type)) from None


class TopicList(c.BaseConfigOption[TopicRegistry]):
    """``topics``: the controlled topic list, each entry a ``name`` and a one-line ``description``.

    The value is a :class:`TopicRegistry`. Every wrong entry is reported at once,
    by its number, since an editor cannot see which list item MkDocs means.
    """

    def run_validation(self, value: object) -> TopicRegistry:
        if value is None:
            return TopicRegistry([])
        if not isinstance(value, list):
            raise ValidationError(messages.TOPICS_NOT_A_LIST)
        problems: list[str] = []
        topics: list[Topic] = []
        seen: dict[str, int] = {}
        slugs: dict[str, str] = {}
        for number, entry in enumerate(value, start=1):
            problem = _topic_problem(number, entry)
            if problem:
                problems.append(problem)
                continue
            topic = Topic(entry["name"], entry["description"])
            if topic.name in seen:
                problems.append(messages.topic_twice(number, topic.name, seen[topic.name]))
            elif topic.slug in slugs:
                problems.append(
                    messages.topic_same_address(number, topic.name, topic.slug, slugs[topic.slug])
                )
            else:
                seen[topic.name] = number
                slugs[topic.slug] = topic.name
                topics.append(topic)
        if problems:
            raise ValidationError("\n".join(problems))
        return TopicRegistry(topics)


def _topic_problem(number: int, entry: object) -> str | None:
    """What is wrong with entry ``number`` of the topic list, if anything."""
    if not isinstance(entry, dict):
        return messages.topic_not_a_mapping(number)
    for key in entry:
        if key not in _TOPIC_FIELDS:
            return messages.topic_unknown_field(number, str(key), did_you_mean(str(key), _TOPIC_FIELDS))
    for key in _TOPIC_FIELDS:
        if entry.get(key) is None:
            return messages.topic_field_missing(number, key)
        if not isinstance(entry[key], str):
            return messages.topic_field_not_text(number, key)
    if not Topic(entry["name"], "").slug:
        return messages.topic_name_without_letters(number)
    return None


class ProfessionList(c.BaseConfigOption[tuple[str, ...]]):
    """``professions``: the controlled list of professions events' ``audience`` takes, one name per item.

    Left out, the list is ``DEFAULT_PROFESSIONS``.
    """

    def run_validation(self, value: object) -> tuple[str, ...]:
        if value is None:
            return DEFAULT_PROFESSIONS
        if not isinstance(value, list):
            raise ValidationError(messages.PROFESSIONS_NOT_A_LIST)
        problems: list[str] = []
        seen: dict[str, int] = {}
        for number, entry in enumerate(value, start=1):
            if not isinstance(entry, str) or not entry.strip():
                problems.append(messages.profession_not_text(number))
            elif entry in seen:
                problems.append(messages.profession_twice(number, entry, seen[entry]))
            else:
                seen[entry] = number
        if problems:
            raise ValidationError("\n".join(problems))
        return tuple(seen)


class CmsBlock(c.BaseConfigOption[Backend | None]):
    """``cms``: the git service the browser editor saves to in production (editor/backend.py).

    Left out, the admin pages work with ``make edit`` (decap-server on the editor's machine) only.
    """

    def run_validation(self, value: object) -> Backend | None:
        try:
            return read_backend(value)  # type: ignore[arg-type]
        except BackendError as error:
            # Each line names its setting as «cms → x»; the frame adds «… → cms: » before it.
            raise ValidationError(
                "\n".join(line.removeprefix("cms → ") for line in str(error).split("\n"))
            ) from None


class KompetansebroenConfig(Config):
    """Options of the plugin.

    ``region`` builds (or serves) one region alone; empty builds every region
    plus the root chooser. ``workers`` is the number of processes that build
    regions side by side (0 = one per CPU core).
    """

    region = c.Optional(_Typed(str))
    topics = TopicList()
    professions = ProfessionList()
    workers = _Typed(int, default=0)
    cache = _Typed(bool, default=True)
    """Reuse rendered Markdown across regions and builds (``.cache/kompetansebroen/``)."""
    cms = CmsBlock()
    editor = c.Optional(c.Choice(("", "felles")))
    """``make edit`` without a region: the preview's ``/admin/`` edits ``content/`` (``felles``), not the region."""

    def validate(self) -> tuple[list[tuple[str, Exception]], list[tuple[str, str]]]:
        """MkDocs' validation, with an unknown option refused: it is a typo, whatever ``strict`` says."""
        failed, warnings = super().validate()
        known = {name for name, _option in self._schema}
        for key, _message in warnings:
            if key not in known:
                failed.append((key, ValidationError(messages.option_unknown(did_you_mean(key, known)))))
        return failed, [(key, message) for key, message in warnings if key in known]


@dataclass(frozen=True)
class Settings:
    """What the domain takes from mkdocs.yml, validated.

    ``markdown_extensions`` and ``markdown_extension_configs`` are the site's
    Python-Markdown extensions as MkDocs loads them (its own ``toc``, ``tables``
    and ``fenced_code`` first); ``checks_anchors`` is whether the build rejects
    links to missing anchors (``validation: anchors: warn``).
    """

    topics: TopicRegistry
    professions: tuple[str, ...]
    """The professions events' ``audience`` takes."""
    region: str | None
    workers: int
    cache: bool
    site_name: str
    markdown_extensions: tuple[Any, ...]
    markdown_extension_configs: Mapping[str, Any]
    checks_anchors: bool

    @property
    def anchor_extensions(self) -> Sequence[Any] | None:
        """``load_project``'s ``markdown_extensions``: the site's when anchors are checked, else None."""
        return self.markdown_extensions if self.checks_anchors else None


def settings_from(config: MkDocsConfig, options: KompetansebroenConfig | None = None) -> Settings:
    """The settings of a validated MkDocs config; ``options`` defaults to the plugin's in ``config``."""
    if options is None:
        plugin = config.plugins.get(PLUGIN)
        if plugin is None:
            raise SettingsError(messages.plugin_missing(_file_name(config), PLUGIN))
        options = plugin.config
    return Settings(
        topics=options.topics,
        professions=options.professions,
        region=options.region or None,
        workers=options.workers,
        cache=options.cache,
        site_name=config.site_name,
        markdown_extensions=tuple(config.markdown_extensions),
        markdown_extension_configs=dict(config.mdx_configs),
        checks_anchors=config.validation.links.anchors >= logging.WARNING,
    )


def load_content(
    root: Path | str, settings: Settings, *, include_drafts: bool = False, check_rendered: bool = True
) -> tuple[Project, Problems]:
    """Read and validate the content with the settings: the same call for the build and the check.

    ``check_rendered=False`` leaves out rendering every page to check its HTML
    (project/page_html_checks.py), for a build that checks the HTML MkDocs makes instead.
    """
    return load_project(
        root,
        settings.topics,
        include_drafts=include_drafts,
        generated_paths=all_generated_paths(settings.topics),
        markdown_extensions=settings.anchor_extensions,
        markdown_extension_configs=settings.markdown_extension_configs,
        professions=settings.professions,
        check_rendered=check_rendered,
        home_required=True,
    )


def load_settings(config_file: Path) -> Settings:
    """Load mkdocs.yml as ``mkdocs build`` does, and refuse what it would refuse.

    The steps are those of ``mkdocs.config.load_config``, which logs the errors
    in English and stops; here they become :class:`SettingsError`. The plugin's
    own options are validated first, so a mistake there names the option.
    """
    config = _read(config_file)
    name = config_file.name
    options = _plugin_options(config, name)
    if options is not None:
        own = KompetansebroenConfig(config_file_path=str(config_file))
        own.load_dict({key: value for key, value in options.items() if key != "enabled"})
        failed, _warnings = own.validate()
        if failed:
            raise SettingsError(_our_messages(name, failed))
    try:
        failed, warnings = config.validate()
    except ConfigurationError as error:
        raise SettingsError(f"{name}: {error}") from None
    if failed:
        raise SettingsError(_mkdocs_messages(name, failed))
    if config.strict and warnings:  # strict: true makes MkDocs stop at a warning too
        raise SettingsError(_mkdocs_messages(name, warnings))
    return settings_from(config)


def topics_from_config(config_file: Path) -> TopicRegistry:
    """The controlled topic list of ``mkdocs.yml``, validated as the build validates it."""
    return load_settings(config_file).topics


def _read(config_file: Path) -> MkDocsConfig:
    """mkdocs.yml's values, read with MkDocs' YAML loader (``!ENV``, ``!relative``, ``INHERIT``)."""
    config = MkDocsConfig(config_file_path=str(config_file.resolve()))
    try:
        with config_file.open("rb") as file:
            config.load_file(file)
    except FileNotFoundError:
        raise SettingsError(messages.config_file_missing(config_file.name)) from None
    except OSError as error:
        raise SettingsError(messages.config_file_unreadable(config_file.name, error.strerror)) from None
    except ConfigurationError as error:
        cause = error.__context__
        if isinstance(cause, yaml.MarkedYAMLError):
            mark = cause.problem_mark or cause.context_mark
            line = f":{mark.line + 1}" if mark is not None else ""
            raise SettingsError(
                messages.config_yaml_invalid(f"{config_file.name}{line}", cause.problem)
            ) from None
        if isinstance(cause, yaml.YAMLError):
            raise SettingsError(messages.config_yaml_invalid(config_file.name, cause)) from None
        raise SettingsError(messages.config_not_settings(config_file.name, error)) from None
    return config


def _plugin_options(config: MkDocsConfig, name: str) -> dict[str, Any] | None:
    """The plugin's options as written (None when the plugin is not listed).

    ``plugins`` is a list of names and one-key mappings, or a mapping; the raw
    values are only read, since MkDocs' own validation takes them apart later.
    """
    plugins = config.get("plugins") or []
    entries: list[tuple[object, object]] = []
    if isinstance(plugins, dict):
        entries = list(plugins.items())
    elif isinstance(plugins, list):
        for item in plugins:
            entries += list(item.items()) if isinstance(item, dict) else [(item, None)]
    for plugin, options in entries:
        if plugin != PLUGIN:
            continue
        if options is not None and not isinstance(options, dict):
            raise SettingsError(messages.plugin_options_not_settings(name, PLUGIN_PATH))
        return options or {}
    return None


def _our_messages(name: str, failed: Sequence[tuple[str, Exception]]) -> str:
    """Refusals of the plugin's options, one line each: ``mkdocs.yml: plugins → kompetansebroen → <option>: …``."""
    return "\n".join(
        f"{name}: {PLUGIN_PATH} → {key}: {message}"
        for key, error in failed
        for message in str(error).split("\n")
    )


def _mkdocs_messages(name: str, failed: Sequence[tuple[str, object]]) -> str:
    """MkDocs' own refusals (in English, some with a traceback below): the first line of each."""
    return "\n".join(
        messages.mkdocs_refused(name, key, str(error).strip().splitlines()[0]) for key, error in failed
    )


def _file_name(config: MkDocsConfig) -> str:
    return Path(config.config_file_path or "mkdocs.yml").name
