"""What a page's template gets as ``kb``: the slots, and nothing that differs by region.

A page's rendering through Material is kept without its region: the page cache
reuses it in every region whose page has the same inputs, and the regions that
stamp a shared page copy it (output/slots.py, output/region_output.py). What
differs by region (its name, the selector, feeds, «Les også» …) may therefore
only be printed by the region parts (``partials/kb-*.html``, rendered per region
by fragments.py), whose output fills the slots. A page template that printed
``kb.region.name`` itself would render fine in one region and hand that region's
name to the others; the slow test that builds each region alone was the only one
to notice. :class:`SlotsOnly` makes it fail at once, in any build, with the
template's line and the part to write it in.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from types import FrameType
from typing import Any

from jinja2 import TemplateNotFound
from markupsafe import Markup
from mkdocs.exceptions import PluginError

from .. import messages
from ..output.slots import PARTS


class RegionValueOutsideSlot(PluginError):
    """A page template asked ``kb`` for a value that differs by region, outside the region parts."""


class SlotsOnly:
    """``kb`` in a page's template: ``kb.slots`` and nothing else."""

    def __init__(self, slots: Mapping[str, Markup]) -> None:
        self.slots = slots

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # Python's and Jinja's own questions (``__html__`` …): not there
            raise AttributeError(name)
        raise _outside_slot(name)

    def __getitem__(self, name: str) -> Any:
        if name == "slots":
            return self.slots
        raise _outside_slot(name)


def _outside_slot(name: str) -> RegionValueOutsideSlot:
    template, line, environment = _template_line(sys._getframe(1))
    where = messages.template_line(template, line) if template else ""
    parts = _parts_showing(name, environment)
    fix = messages.one_of([messages.slot_printed_as(PARTS[part], part) for part in parts])
    return RegionValueOutsideSlot(messages.region_value_outside_slot(where, name, fix))


def _template_line(frame: FrameType | None) -> tuple[str | None, int, Any]:
    """The template and line that asked, from the nearest template code on the stack (as Jinja's
    own tracebacks find it), and its environment."""
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            return template.name, template.get_corresponding_lineno(frame.f_lineno), template.environment
        frame = frame.f_back
    return None, 0, None


def _parts_showing(name: str, environment: Any) -> list[str]:
    """The region parts whose templates already print ``kb.<name>``; every part when none does."""
    uses = re.compile(rf"\bkb\.{re.escape(name)}\b")
    found = []
    loader = getattr(environment, "loader", None)
    for part, template in PARTS.items():
        try:
            source = loader.get_source(environment, template)[0] if loader is not None else ""
        except TemplateNotFound:  # a part the theme lacks is only not suggested
            continue
        if uses.search(source):
            found.append(part)
    return found or list(PARTS)
