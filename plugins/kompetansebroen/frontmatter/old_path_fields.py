"""``aliases:``, the old addresses of a page: the field every page has.

Each item is checked on its own (text/old_paths.py is the rule the web
server's configuration uses too), so the editor gets the line of the item and
the address to write. What a single file can tell is checked here: the form,
the same address twice, and addresses in folders the site uses itself (a
region's, the theme's). Whether another page claims the address, or it is
the address of a page, needs every file: project/cross_checks.py.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

import yaml

from .. import messages
from ..text.old_paths import EXAMPLE, OldPathError, first_segment, normalised
from .fields import Field, FieldError, FieldGroupError, FormSpec, read_text
from .yaml_source import NULL_TAG, describe, line_of

SITE_ROOT_NAMES = messages.SITE_ROOT_NAMES
"""What the root of the built site holds besides the regions and the pages every region has."""


def reserved_folders(region_ids: Collection[str]) -> dict[str, str]:
    """The top folders an old address may not be in, and what each is: the regions' and the root's own."""
    return {
        region_id: messages.region_folder(region_id) for region_id in sorted(region_ids)
    } | SITE_ROOT_NAMES


class OldPaths(Field):
    """A list of old addresses (``/article/<navn>``), each normalised without a trailing slash."""

    expected = messages.EXPECTS_OLD_PATHS

    def form(self) -> FormSpec:
        return {"widget": "list"}

    def hint(self) -> str:
        return f"Adresser siden hadde før, skilt med komma, f.eks. {EXAMPLE}"

    example = f"[{EXAMPLE}]"

    def __init__(self, reserved: Callable[[], Mapping[str, str]]) -> None:
        super().__init__()
        self.reserved = reserved

    def convert(self, name: str, node: yaml.Node) -> tuple[str, ...]:
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG:
            raise FieldError(messages.list_empty(name, self.example))
        if not isinstance(node, yaml.SequenceNode):
            raw = node.value.strip() if isinstance(node, yaml.ScalarNode) else ""
            raise FieldError(messages.old_paths_expected(describe(node), name, raw or EXAMPLE))
        values: list[str] = []
        errors: list[FieldError] = []
        reserved = self.reserved()
        for item in node.value:
            try:
                values.append(self._item(item, values, reserved))
            except FieldError as error:
                errors.append(FieldError(error.message, line_of(item)))
        if errors:
            raise FieldGroupError(errors)
        return tuple(values)

    @staticmethod
    def _item(item: yaml.Node, earlier: list[str], reserved: Mapping[str, str]) -> str:
        text = read_text(item, "- {}")
        try:
            path = normalised(text)
        except OldPathError as error:
            fix = (
                messages.write_instead(error.suggestion)
                if error.suggestion
                else messages.write_old_path_from_root(EXAMPLE)
            )
            raise FieldError(messages.old_path_invalid(text, error.problem, fix)) from None
        folder = first_segment(path)
        if folder in reserved:
            raise FieldError(messages.old_path_in_reserved_folder(text, reserved[folder], EXAMPLE))
        if path in earlier:
            raise FieldError(messages.listed_twice(text))
        return path
